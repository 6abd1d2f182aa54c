import Foundation
import XCTest
@testable import SumiEval

/// The thresholds gate: a figure below its floor fails, floors are written rounded down and only rise.
final class ThresholdsTests: XCTestCase {
    func card(recall matched: Int, of items: Int, falseAlarms: Int = 0, cleanDocs: Int = 1) -> Scorecard {
        var c = Scorecard(tool: "t")
        c.overall.items = items; c.overall.matchedItems = matched
        c.overall.characters = items * 10; c.overall.coveredCharacters = matched * 10
        c.overall.findings = matched + falseAlarms; c.overall.correctFindings = matched
        c.byCategory["phone"] = c.overall
        c.clean.documents = cleanDocs; c.clean.falseAlarms = falseAlarms
        return c
    }

    let yaml = """
    # comment
    overall: {min_recall: 0.50, min_precision: 0.50, max_false_alarms_per_clean_doc: 0.50, max_pii_docs_called_clean: 0}
    categories:
      phone: {min_recall: 0.50, min_coverage: 0.40}
      email: {min_recall: 0.10}
    """

    func testParsesAndPassesAtTheFloor() throws {
        let t = try Thresholds.parse(yaml)
        XCTAssertEqual(t.overall?.minRecall, 0.5)
        XCTAssertEqual(t.categories?["phone"]?.minCoverage, 0.4)
        var c = card(recall: 5, of: 10)
        c.byCategory["email"] = c.overall
        XCTAssertEqual(t.check(c), [])
    }

    func testFailsBelowAFloorOrAboveACeiling() throws {
        let t = try Thresholds.parse(yaml)
        var c = card(recall: 4, of: 10)
        c.byCategory["email"] = c.overall
        XCTAssertEqual(Set(t.check(c).map { "\($0.scope) \($0.metric)" }), ["overall recall", "category phone recall"])
        var noisy = card(recall: 5, of: 10, falseAlarms: 6, cleanDocs: 2)
        noisy.byCategory["email"] = noisy.overall
        XCTAssertTrue(t.check(noisy).contains { $0.metric == "false_alarms_per_clean_doc" })
        XCTAssertTrue(t.check(noisy).contains { $0.metric == "precision" })
        var leaky = card(recall: 5, of: 10)
        leaky.byCategory["email"] = leaky.overall
        leaky.piiDocumentsCalledClean = 1
        XCTAssertEqual(t.check(leaky).map(\.metric), ["pii_docs_called_clean"])
    }

    func testACategoryThatDisappearsFails() throws {
        let t = try Thresholds.parse(yaml)
        let c = card(recall: 5, of: 10)  // no email row at all
        XCTAssertEqual(t.check(c).map(\.scope), ["category email"])
    }

    func testBadYAMLIsAnError() {
        XCTAssertThrowsError(try Thresholds.parse("overall: {min_recall: high}"))
    }

    func testAchievedFloorsRoundDownAndOnlyRise() throws {
        let c = card(recall: 2, of: 3, falseAlarms: 1, cleanDocs: 3)
        let a = Thresholds.achieved(by: c)
        XCTAssertEqual(a.overall?.minRecall, 0.66)
        XCTAssertEqual(a.overall?.maxFalseAlarmsPerCleanDocument, 0.34)
        XCTAssertEqual(a.check(c), [], "a run passes the floors it wrote")
        let old = try Thresholds.parse("overall: {min_recall: 0.80, max_false_alarms_per_clean_doc: 0.10}")
        let r = old.raised(to: a)
        XCTAssertEqual(r.overall?.minRecall, 0.80, "never lowered")
        XCTAssertEqual(r.overall?.maxFalseAlarmsPerCleanDocument, 0.10, "ceilings never raised")
        XCTAssertEqual(r.overall?.minPrecision, a.overall?.minPrecision)
        XCTAssertEqual(try Thresholds.parse(r.yaml()), r, "the written YAML reads back")
    }

    func testTheRepositoryThresholdsFileParsesAndNamesEveryCategory() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let t = try Thresholds.load(root.appendingPathComponent("Tools/eval/thresholds.yaml"))
        XCTAssertNotNil(t.overall?.minRecall)
        XCTAssertNotNil(t.overall?.maxFalseAlarmsPerCleanDocument)
        let categories = ["person_name", "address", "postal_code", "phone", "email", "birth_date", "my_number",
                          "id_number", "bank_account", "medical", "disability", "sensitive_other"]
        XCTAssertEqual(Set(t.categories?.keys.map { $0 } ?? []), Set(categories))
    }
}
