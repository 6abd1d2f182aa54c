import Foundation
import SumiBatch
import XCTest
import SumiTestSupport
import SumiModel
import SumiReport
import SumiRules
@testable import Sumi
import SumiExtract

/// End to end: files on disk through extraction, rules and the report.
final class ScanTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    nonisolated(unsafe) static var cached: DocumentScanner?
    static func scanner() throws -> DocumentScanner {
        if let s = cached { return s }
        TestEnvironment.isolateCache()
        let s = DocumentScanner(ruleSet: try RuleSet(directory: root.appendingPathComponent("Rules")))
        cached = s
        return s
    }

    var tmp: URL!

    /// One time-limit notice per file: the rule stage's is kept only when reading itself ran
    /// to the end (then it is the only one saying the text was not all checked).
    func testOneTimeLimitNoticePerFile() {
        let reading = Notice(code: NoticeCode.timeLimit, message: "read")
        let rules = DetectionPipeline.rulesTimedOut
        XCTAssertEqual(DocumentScanner.merged([reading], [rules]).map(\.message), ["read"])
        XCTAssertEqual(DocumentScanner.merged([], [rules]).map(\.code), [NoticeCode.timeLimit])
        XCTAssertEqual(DocumentScanner.merged([Notice(code: NoticeCode.decodeErrors, message: "d")], [rules]).count, 2)
    }

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tmp)
    }

    func write(_ name: String, _ bytes: [UInt8]) -> URL {
        let url = tmp.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url
    }

    func scan(_ url: URL) throws -> FileReport { try Self.scanner().scanFile(at: url) }

    func testFindingCarriesOriginalTextOffsetsAndLine() throws {
        let text = "意見募集の結果\n連絡先：ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ（山田）\n"
        let r = try scan(write("a.txt", Array(text.utf8)))
        XCTAssertEqual(r.status, .findings)
        let f = try XCTUnwrap(r.findings.first { $0.category == .email })
        XCTAssertEqual(f.text, "ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ")
        XCTAssertEqual(f.location.line, 2)
        let scalars = Array(text.unicodeScalars)
        let slice = String(String.UnicodeScalarView(scalars[f.location.start!..<f.location.end!]))
        XCTAssertEqual(slice, f.text, "offsets count Unicode scalars into the file")
        XCTAssertEqual(f.legalClass, .personalInfo)
        XCTAssertFalse(f.reason.isEmpty)
    }

    func testEmptyFileIsCleanWithNotice() throws {
        let r = try scan(write("empty.txt", []))
        XCTAssertEqual(r.status, .clean)
        XCTAssertEqual(r.notices.map(\.code), [NoticeCode.emptyFile])
    }

    func testBinaryGarbageNamedTxtIsNeverClean() throws {
        let r = try scan(write("garbage.txt", (0..<4096).map { UInt8(($0 * 131 + 7) % 256) }))
        XCTAssertEqual(r.status, .error)
        XCTAssertEqual(r.notices.first?.code, NoticeCode.decodeErrors)
    }

    func testInvalidUTF8InTheMiddleIsIncomplete() throws {
        var bytes = Array(String(repeating: "区の考え方を示します。\n", count: 30).utf8)
        bytes.insert(contentsOf: [0xFF, 0xC3], at: 200)
        let r = try scan(write("bad.txt", bytes))
        XCTAssertEqual(r.status, .incomplete)
        XCTAssertEqual(r.encoding, "UTF-8")
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.decodeErrors })
    }

    func testMixedLineEndingsCountLines() throws {
        let r = try scan(write("mixed.txt", Array("一行目\r\n二行目\r三行目\n電話 03-1234-5678\n".utf8)))
        XCTAssertEqual(r.findings.first?.location.line, 4)
    }

    func testLegacyAndUnknownFormatsAreErrors() throws {
        let doc = try scan(write("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)))
        XCTAssertEqual(doc.status, .error)
        // A compound file of zeros: LibreOffice cannot load it (on a machine without
        // LibreOffice it is not tried: unsupported_format).
        XCTAssertEqual(doc.notices.first?.code, NoticeCode.conversionFailed)
        let jtd = try scan(write("old.jtd", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)))
        XCTAssertEqual(jtd.notices.first?.code, NoticeCode.unsupportedFormat)
        let enc = try scan(write("locked.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)))
        XCTAssertEqual(enc.notices.first?.code, NoticeCode.encrypted)
        XCTAssertEqual(try scan(write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0])).status, .error)
    }

    func testShiftJISFileFromCorpusIsDecodedAndScanned() throws {
        let r = try scan(Self.root.appendingPathComponent("Corpus/samples/sample-roster.csv"))
        XCTAssertEqual(r.encoding, "Shift_JIS")
        XCTAssertEqual(r.status, .findings)
    }

    func testCSVHeaderGivesContextAndCellLocation() throws {
        let csv = "番号,氏名,電話番号,生年月日\n1,髙橋 一郎,0312345678,昭和60年10月23日\n"
        let r = try scan(write("roster.csv", Array(csv.utf8)))
        let phone = try XCTUnwrap(r.findings.first { $0.category == .phone }, "a bare 10-digit number counts as a phone under a 電話番号 header")
        XCTAssertEqual(phone.location.cell, "C2")
        XCTAssertEqual(phone.location.row, 2)
        let birth = try XCTUnwrap(r.findings.first { $0.category == .birthDate })
        XCTAssertEqual(birth.text, "昭和60年10月23日")
        // Without the header the same number is not a phone.
        let bare = try scan(write("bare.csv", Array("番号,値\n1,0312345678\n".utf8)))
        XCTAssertFalse(bare.findings.contains { $0.category == .phone })
    }

    /// A seating chart names its staff by surname only, one per seat; the title row says so,
    /// and the rows after it are read in its light (DocumentContextTracker through the pipeline).
    func testSeatingChartTitleMakesSeatLabelsNamesInLaterRows() throws {
        let rows = "福本 内線3919,国分（会計年度）,複合機\n主査 田嶋,シュレッダー,牛田\n"
        let chart = try scan(write("seats.csv", Array(("福祉総務課 座席表（令和6年4月1日現在）,,\n" + rows).utf8)))
        let names = chart.findings.filter { $0.category == .personName }
        XCTAssertEqual(names.map(\.text), ["福本", "国分", "田嶋", "牛田"])
        XCTAssertEqual(names.first?.location.cell, "A2")
        XCTAssertEqual(names.last?.location.cell, "C3")
        // The same rows without the title are not a seating chart.
        let plain = try scan(write("rows.csv", Array(("場所,備考,予備\n" + rows).utf8)))
        XCTAssertFalse(plain.findings.contains { ["福本", "国分", "牛田"].contains($0.text) })
    }

    func testHTMLHiddenPartsAreReadWithTheirSource() throws {
        let html = """
        <html><head><meta charset="utf-8"><meta name="author" content="kanri@example.lg.jp"></head>
        <body><p>区からのお知らせ</p>
        <!-- 担当者メモ: suzuki@example.lg.jp -->
        <img src="a.png" alt="連絡先 090-1234-5678">
        <a href="mailto:info%40example.jp">問い合わせ</a>
        <div style="display: none">TEL 03-9876-5432</div>
        <script type="application/ld+json">{"email": "press@example.jp"}</script>
        <p>&#x7B49;&amp;</p></body></html>
        """
        let r = try scan(write("page.html", Array(html.utf8)))
        func source(of text: String) -> Source? { r.findings.first { $0.text == text }?.source }
        XCTAssertEqual(source(of: "suzuki@example.lg.jp"), .htmlComment)
        XCTAssertEqual(source(of: "090-1234-5678"), .htmlAttribute)
        XCTAssertEqual(source(of: "kanri@example.lg.jp"), .htmlAttribute)
        XCTAssertEqual(source(of: "info@example.jp"), .htmlAttribute)
        XCTAssertEqual(source(of: "03-9876-5432"), .invisibleText)
        XCTAssertEqual(source(of: "press@example.jp"), .htmlComment)
    }

    func testLargeTextIsChunkedWithoutLosingMatchesAtEdges() throws {
        // Small chunks force many edges; every phone number must be found exactly once.
        var text = ""
        for i in 0..<400 { text += "第\(i)行 連絡先 03-1234-\(String(format: "%04d", i))\n" }
        let url = write("big.txt", Array(text.utf8))
        let scanner = try Self.scanner()
        var units: [TextUnit] = []
        _ = try PlainTextExtractor(chunkUnits: 300, overlapUnits: 64)
            .extract(.init(url: url, name: "big.txt")) { units.append($0) }
        XCTAssertGreaterThan(units.count, 20)
        let matcher = RuleMatcher(scanner.ruleSet)
        var assembler = FindingAssembler(path: "big.txt")
        for u in units { assembler.add(matcher.detect(u).detections[0], in: u) }
        let phones = assembler.findings.filter { $0.category == .phone }
        XCTAssertEqual(phones.count, 400)
        XCTAssertEqual(Set(phones.map(\.text)).count, 400)
        XCTAssertEqual(phones.last?.location.line, 400)
    }

    func testBatchGoesOnPastMissingUnreadableAndLoopingPaths() throws {
        _ = write("ok.txt", Array("電話 03-1234-5678".utf8))
        let sub = tmp.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: sub.appendingPathComponent("loop"), withDestinationURL: tmp)
        let targets = BatchScanner.targets(for: [tmp.path, tmp.path + "/does-not-exist.txt"])
        let reports = BatchScanner(scanner: try Self.scanner(), concurrency: 2).scan(targets)
        XCTAssertTrue(reports.contains { $0.path.hasSuffix("ok.txt") && $0.status == .findings })
        XCTAssertTrue(reports.contains { $0.notices.contains { $0.code == "symlink_loop" } })
        XCTAssertTrue(reports.contains { $0.path.hasSuffix("does-not-exist.txt") && $0.status == .error })
    }

    /// Rules still loading: files are read at once and the rule stage waits, with the same
    /// findings as loaded rules give. Rules that fail: no file is reported clean, and the
    /// batch stops reading files.
    func testScanWhileRulesLoadAndWhenTheyFail() throws {
        let file = write("p.txt", Array("電話 03-1234-5678\n山田 太郎 様".utf8))
        let loaded = try Self.scanner().ruleSet
        let pending = DocumentScanner(rules: PendingRuleSet(loading: { usleep(200_000); return loaded }))
        let late = pending.scanFile(at: file, threads: 2)
        let ready = try Self.scanner().scanFile(at: file, threads: 2)
        XCTAssertEqual(late.findings.map(\.id), ready.findings.map(\.id))
        XCTAssertFalse(late.findings.isEmpty)

        struct Broken: Error {}
        let failing = PendingRuleSet(loading: { throw Broken() })
        XCTAssertThrowsError(try failing.wait())
        XCTAssertTrue(failing.hasFailed)
        let reports = BatchScanner(scanner: DocumentScanner(rules: failing), concurrency: 2)
            .scan(BatchScanner.targets(for: [file.path, file.path]))
        XCTAssertEqual(reports.count, 2)
        XCTAssertTrue(reports.allSatisfy { $0.status == .error && $0.notices.map(\.code) == ["rules_not_loaded"] })
        // Scanned directly, not through a batch, the file is not clean either.
        XCTAssertEqual(DocumentScanner(rules: failing).scanFile(at: file).status, .error)
        // Rules that fail only after a file with no text was read (it never asked for them) still
        // leave the file unchecked, not clean.
        let slowFailing = PendingRuleSet(loading: { usleep(300_000); throw Broken() })
        let quiet = write("q.csv", Array("\n".utf8))   // a CSV with no cells: no unit reaches the rules
        XCTAssertEqual(DocumentScanner(rules: slowFailing).scanFile(at: quiet).status, .error)
    }

    func testExitCodes() throws {
        let clean = try scan(write("c.txt", Array("区の施策について説明します。".utf8)))
        let found = try scan(write("f.txt", Array("電話 03-1234-5678".utf8)))
        let broken = try scan(write("b.txt", Array("説明".utf8) + [0xFF, 0xFE, 0xFD] + Array(String(repeating: "説明", count: 50).utf8)))
        func report(_ files: [FileReport]) -> ScanReport { ScanReport(version: "t", rulesVersion: "t", files: files, elapsedSeconds: 0) }
        XCTAssertEqual(report([clean]).exitCode(failOn: .low), 0)
        XCTAssertEqual(report([clean, found]).exitCode(failOn: .low), 1)
        XCTAssertEqual(report([clean, found]).exitCode(failOn: .critical), 0, "a high finding does not fail --fail-on critical")
        XCTAssertEqual(report([clean, broken]).exitCode(failOn: .low), 3)
        XCTAssertEqual(report([found, broken]).exitCode(failOn: .low), 1)
    }
}

/// The Setagaya case on a real corpus file.
final class SetagayaScanTests: XCTestCase {
    func testPublicCommentWithRelativesGivenNamesTownsAndFacts() throws {
        let url = ScanTests.root.appendingPathComponent("Corpus/eval/public-comment/pc-01.txt")
        let r = try ScanTests.scanner().scanFile(at: url)
        func texts(_ c: Category) -> [String] { r.findings.filter { $0.category == c }.map(\.text) }
        XCTAssertEqual(texts(.personName), ["結衣"])
        XCTAssertEqual(Set(texts(.address)), ["深沢", "上用賀", "喜多見"])
        XCTAssertEqual(texts(.medical), ["食物アレルギー", "小児ぜんそく"])
        XCTAssertEqual(texts(.disability), ["自閉スペクトラム症"])
        // No.4–No.6 are policy text (認知症施策, 障害のある子ども, 犯罪被害に遭った方): nothing from them.
        XCTAssertFalse(r.findings.contains { $0.text.contains("認知症") || $0.text.contains("犯罪被害") })
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.combinedIdentification })
        XCTAssertTrue(r.findings.allSatisfy { !$0.reason.isEmpty })
    }

    func testCleanPolicyTextHasNoNameOrSensitiveFinding() throws {
        let url = ScanTests.root.appendingPathComponent("Corpus/eval/clean/clean-01.txt")
        let r = try ScanTests.scanner().scanFile(at: url)
        XCTAssertEqual(r.findings.map(\.category), [])
    }
}
