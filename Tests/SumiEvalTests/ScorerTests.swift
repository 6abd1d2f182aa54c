import Foundation
import XCTest
@testable import SumiEval

/// Matching rules of the scorer: category, location, text overlap, occurrences, coverage.
final class ScorerTests: XCTestCase {
    func doc(_ path: String, format: String = "txt", clean: Bool = false, _ items: [TruthItem]) -> TruthDocument {
        TruthDocument(path: path, format: format, clean: clean || items.isEmpty, items: items)
    }

    func finding(_ category: String, _ text: String, source: String = "body", page: Int? = nil,
                 sheet: String? = nil, cell: String? = nil) -> EvalFinding {
        EvalFinding(category: category, text: text, rule: "r", source: source,
                    location: .init(page: page, sheet: sheet, cell: cell))
    }

    func score(_ docs: [TruthDocument], _ files: [EvalReport.File]) -> Scorecard {
        Scorer(truth: GroundTruth(documents: docs)).score(EvalReport(files: files), tool: "test")
    }

    func testNormalizationFoldsWidthSpacesAndDashes() {
        XCTAssertEqual(EvalText.normalize("０３－５４３２ー１２３４"), EvalText.normalize("03-5432-1234"))
        XCTAssertEqual(String(String.UnicodeScalarView(EvalText.normalize("世田谷　太郎"))), "世田谷太郎")
        XCTAssertEqual(EvalText.normalize("Aoi@Example.COM"), EvalText.normalize("aoi@example.com"))
        XCTAssertNotEqual(EvalText.normalize("髙橋"), EvalText.normalize("高橋"), "variant kanji are not folded: texts are compared as extracted")
    }

    func testOverlapNeedsHalfOfTheShorterText() {
        let n = EvalText.normalize
        XCTAssertTrue(TextOverlap.between(n("世田谷"), n("世田谷 太郎")).isMatch, "a surname alone matches the full name")
        XCTAssertTrue(TextOverlap.between(n("TEL 03-5432-1234（代表）"), n("03-5432-1234")).isMatch)
        XCTAssertFalse(TextOverlap.between(n("2026年"), n("1985年10月23日")).isMatch, "a shared 年 is not an overlap")
        XCTAssertFalse(TextOverlap.between(n("03-1111-2222"), n("03-5432-1234")).isMatch)
        let o = TextOverlap.between(n("太郎"), n("世田谷 太郎"))
        XCTAssertEqual(o.length, 2)
        XCTAssertEqual(o.itemRange, 3..<5)
    }

    func testOverlapMustBeThatOfTwoSpansOfOneText() {
        let n = EvalText.normalize
        XCTAssertFalse(TextOverlap.between(n("03-5432-1111"), n("03-5432-1234")).isMatch, "a shared exchange is not the same number")
        XCTAssertFalse(TextOverlap.between(n("info@example.lg.jp"), n("taro@example.lg.jp")).isMatch, "a shared domain is not the same address")
        XCTAssertFalse(TextOverlap.between(n("東京都世田谷区北沢2-8-18"), n("東京都世田谷区太子堂1-2-3")).isMatch)
        let tail = TextOverlap.between(n("太郎 様"), n("世田谷 太郎"))
        XCTAssertTrue(tail.isMatch, "the item's end is the finding's start")
        XCTAssertEqual(tail.itemRange, 3..<5)
        let head = TextOverlap.between(n("区民 世田谷"), n("世田谷 太郎"))
        XCTAssertTrue(head.isMatch, "the finding's end is the item's start")
        XCTAssertEqual(head.itemRange, 0..<3)
    }

    func testAFindingFindsOnlyTheItemItCoversBest() {
        let items = [TruthItem(category: "email", text: "hanako@example.com"), TruthItem(category: "email", text: "taro@example.com"),
                     TruthItem(category: "person_name", text: "世田谷 太郎"), TruthItem(category: "person_name", text: "世田谷 花子")]
        let card = score([doc("a.txt", items)], [.init(path: "a.txt", findings: [
            finding("email", "taro@example.com"), finding("email", "taro@example.com"), finding("person_name", "世田谷"),
        ])])
        XCTAssertEqual(card.byCategory["email"]?.matchedItems, 1, "a duplicate finds nothing new, and never the other address")
        XCTAssertEqual(card.byCategory["email"]?.precision, 1)
        XCTAssertEqual(card.byCategory["person_name"]?.matchedItems, 1, "one surname finds one of the two names")
        XCTAssertEqual(card.misses.map(\.text).sorted(), ["hanako@example.com", "世田谷 花子"])
    }

    func testExactMatchCountsForRecallPrecisionAndCoverage() {
        let card = score([doc("eval/a.txt", [TruthItem(category: "phone", text: "03-5432-1234", source: "body")])],
                         [.init(path: "Corpus/eval/a.txt", status: "findings", findings: [finding("phone", "０３－５４３２－１２３４")])])
        XCTAssertEqual(card.overall.recall, 1)
        XCTAssertEqual(card.overall.precision, 1)
        XCTAssertEqual(card.overall.coverage, 1)
        XCTAssertTrue(card.misses.isEmpty)
        XCTAssertTrue(card.falseAlarms.isEmpty)
    }

    func testWrongCategoryIsAMissAndAFalseAlarm() {
        let card = score([doc("a.txt", [TruthItem(category: "my_number", text: "5333 7302 4986")])],
                         [.init(path: "a.txt", findings: [finding("phone", "5333 7302 4986")])])
        XCTAssertEqual(card.overall.recall, 0)
        XCTAssertEqual(card.overall.precision, 0)
        XCTAssertEqual(card.misses.first?.foundAs, ["phone"])
        XCTAssertEqual(card.falseAlarms.first?.category, "phone")
    }

    func testLocationMustAgreeWhereBothGiveIt() {
        let items = [TruthItem(category: "person_name", text: "佐藤 一郎", source: "hidden_sheet", sheet: "名簿", cell: "B4")]
        let d = doc("r.xlsx", format: "xlsx", items)
        XCTAssertEqual(score([d], [.init(path: "r.xlsx", findings: [finding("person_name", "佐藤 一郎", source: "hidden_sheet", sheet: "名簿", cell: "b4")])]).overall.recall, 1)
        XCTAssertEqual(score([d], [.init(path: "r.xlsx", findings: [finding("person_name", "佐藤 一郎", source: "hidden_sheet", sheet: "名簿", cell: "B5")])]).overall.recall, 0, "other cell")
        XCTAssertEqual(score([d], [.init(path: "r.xlsx", findings: [finding("person_name", "佐藤 一郎", source: "body", sheet: "名簿", cell: "B4")])]).overall.recall, 0, "other source")
        XCTAssertEqual(score([d], [.init(path: "r.xlsx", findings: [finding("person_name", "佐藤 一郎", source: "hidden_sheet")])]).overall.recall, 1, "a finding without sheet/cell is not held to them")
        let p = doc("a.pdf", format: "pdf", [TruthItem(category: "phone", text: "03-5432-1234", page: 2, source: "body")])
        XCTAssertEqual(score([p], [.init(path: "a.pdf", findings: [finding("phone", "03-5432-1234", page: 1)])]).overall.recall, 0, "other page")
        XCTAssertEqual(score([p], [.init(path: "a.pdf", findings: [finding("phone", "03-5432-1234", page: 2)])]).overall.recall, 1)
    }

    func testEachOccurrenceNeedsItsOwnFinding() {
        let items = [TruthItem(category: "person_name", text: "青木", occurrence: 1),
                     TruthItem(category: "person_name", text: "青木", occurrence: 2)]
        let one = score([doc("m.txt", items)], [.init(path: "m.txt", findings: [finding("person_name", "青木")])])
        XCTAssertEqual(one.overall.matchedItems, 1)
        XCTAssertEqual(one.overall.recall, 0.5)
        XCTAssertEqual(one.overall.precision, 1)
        XCTAssertEqual(one.misses.count, 1)
        let two = score([doc("m.txt", items)], [.init(path: "m.txt", findings: [finding("person_name", "青木"), finding("person_name", "青木")])])
        XCTAssertEqual(two.overall.recall, 1)
    }

    func testOccurrencesOnDifferentPagesGoToTheirOwnPage() {
        let items = [TruthItem(category: "person_name", text: "世田谷 太郎", page: 1, occurrence: 1),
                     TruthItem(category: "person_name", text: "世田谷 太郎", page: 2, occurrence: 2)]
        let card = score([doc("a.pdf", format: "pdf", items)], [.init(path: "a.pdf", findings: [finding("person_name", "世田谷 太郎", page: 2)])])
        XCTAssertEqual(card.overall.matchedItems, 1)
        XCTAssertEqual(card.misses.map(\.location), ["p.1 #1"])
    }

    func testCoverageIsTheUnionOfFragmentsAndFragmentsAreNotFalseAlarms() {
        let items = [TruthItem(category: "address", text: "東京都世田谷区世田谷四丁目21番27号")]
        let part = score([doc("a.txt", items)], [.init(path: "a.txt", findings: [finding("address", "世田谷区世田谷四丁目21番27号")])])
        XCTAssertEqual(part.overall.recall, 1)
        XCTAssertEqual(part.overall.coverage!, 16.0 / 19.0, accuracy: 1e-9)
        let name = [TruthItem(category: "person_name", text: "世田谷 太郎")]
        let split = score([doc("a.txt", name)], [.init(path: "a.txt", findings: [finding("person_name", "世田谷"), finding("person_name", "太郎")])])
        XCTAssertEqual(split.overall.coverage, 1)
        XCTAssertEqual(split.overall.precision, 1)
        XCTAssertEqual(split.overall.matchedItems, 1)
        let missed = score([doc("a.txt", name)], [.init(path: "a.txt", findings: [])])
        XCTAssertEqual(missed.overall.coverage, 0)
    }

    func testCleanDocumentsCountFalseAlarmsAndUnreadFilesMissEverything() {
        let docs = [doc("clean1.txt", clean: true, []), doc("clean2.txt", clean: true, []),
                    doc("pii.pdf", format: "pdf", [TruthItem(category: "phone", text: "03-5432-1234", page: 1)]),
                    doc("pii2.txt", [TruthItem(category: "email", text: "a@example.jp")]),
                    doc("gone.txt", [TruthItem(category: "email", text: "b@example.jp")])]
        let card = score(docs, [
            .init(path: "x/clean1.txt", status: "findings", findings: [finding("phone", "0120-000-000"), finding("medical", "認知症")]),
            .init(path: "x/clean2.txt", status: "clean", findings: []),
            .init(path: "x/pii.pdf", status: "error", findings: []),
            .init(path: "x/pii2.txt", status: "clean", findings: []),
            .init(path: "x/other.txt", status: "clean", findings: []),
        ])
        XCTAssertEqual(card.clean.documents, 2)
        XCTAssertEqual(card.clean.falseAlarms, 2)
        XCTAssertEqual(card.clean.falseAlarmsPerDocument, 1)
        XCTAssertEqual(card.clean.flaggedDocuments, 1)
        XCTAssertEqual(card.overall.recall, 0)
        XCTAssertEqual(card.piiDocumentsCalledClean, 1)
        XCTAssertEqual(card.statuses["error"]?.labelled, 1)
        XCTAssertEqual(card.statuses["missing"]?.labelled, 1)
        XCTAssertEqual(card.misses.first { $0.document == "gone.txt" }?.status, "missing")
        XCTAssertEqual(card.unlabelledFiles, 1)
        XCTAssertEqual(card.byFormat["pdf"]?.recall, 0)
        XCTAssertEqual(card.byKind["unknown"]?.items, 3, "documents without a kind are grouped as unknown")
    }

    func testSuppressedFindingsDoNotCount() {
        var f = finding("phone", "03-5432-1234")
        f.suppressed = true
        let card = score([doc("a.txt", [TruthItem(category: "phone", text: "03-5432-1234")])], [.init(path: "a.txt", findings: [f])])
        XCTAssertEqual(card.overall.recall, 0)
        XCTAssertEqual(card.overall.findings, 0)
    }

    func testPathMatchingNeedsAWholePathComponent() {
        let d = doc("eval/a.txt", [TruthItem(category: "email", text: "a@example.jp")])
        XCTAssertEqual(score([d], [.init(path: "/tmp/Corpus/eval/a.txt", findings: [finding("email", "a@example.jp")])]).overall.recall, 1)
        XCTAssertEqual(score([d], [.init(path: "/tmp/Corpus/xeval/a.txt", findings: [finding("email", "a@example.jp")])]).overall.recall, 0)
    }

    func testRealReportJSONDecodes() throws {
        let json = """
        {"tool":{"name":"sumi","version":"0","rules_version":"x"},"summary":{},
         "files":[{"path":"Corpus/eval/a.txt","format":"txt","status":"findings","notices":[],
           "findings":[{"id":"1","rule":"jp.phone","category":"phone","label":"電話番号","severity":"high",
             "legal_class":"personal_info","confidence":0.8,"text":"03-5432-1234","context":"","source":"body",
             "location":{"line":3,"start":4,"end":16},"suppressed":false}]}]}
        """
        let report = try JSONDecoder().decode(EvalReport.self, from: Data(json.utf8))
        let card = Scorer(truth: GroundTruth(documents: [doc("eval/a.txt", [TruthItem(category: "phone", text: "03-5432-1234", source: "body")])])).score(report)
        XCTAssertEqual(card.tool, "sumi")
        XCTAssertEqual(card.overall.recall, 1)
    }
}
