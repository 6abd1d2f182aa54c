import Foundation
import XCTest
import SumiTestSupport
import SumiModel
@testable import SumiRules

/// The rules shipped in Rules/: they load, and every rule's examples hold.
final class RulePackTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = root.appendingPathComponent("Rules")
    nonisolated(unsafe) static var shared: RuleSet?
    static func shipped() throws -> RuleSet {
        if let s = shared { return s }
        TestEnvironment.isolateCache()
        let s = try RuleSet(directory: rules)
        shared = s
        return s
    }

    func testShippedRulesLoadAndEveryExampleHolds() throws {
        let set = try Self.shipped()
        XCTAssertFalse(set.ruleInfos.isEmpty)
        let (checked, failures) = RuleExamples.run(set)
        XCTAssertGreaterThan(checked, 50)
        XCTAssertEqual(failures.map(\.description), [])
    }

    func testEveryRuleHasAtLeastFiveExamplesEachWay() throws {
        let set = try Self.shipped()
        for r in set.ruleInfos {
            XCTAssertGreaterThanOrEqual(r.examples.match.count, 5, r.id)
            XCTAssertGreaterThanOrEqual(r.examples.noMatch.count, 5, r.id)
        }
    }

    func testMyNumberOverlappingPhoneIsReportedOnceAsMyNumber() throws {
        let set = try Self.shipped()
        let result = RuleMatcher(set).detect(TextUnit(text: "マイナンバー 0123 4567 8909 です"))
        let cats = result.detections[0].map(\.category)
        XCTAssertFalse(cats.contains(.phone))
    }

    func testRulesVersionChangesWithContent() throws {
        let dir = try BadRuleTests.makeRulesDir(ruleYAML: BadRuleTests.goodRule(id: "t.one"))
        let v1 = try RuleSet(directory: dir).version
        try BadRuleTests.goodRule(id: "t.two").write(to: dir.appendingPathComponent("packs/a.yaml"), atomically: true, encoding: .utf8)
        XCTAssertNotEqual(v1, try RuleSet(directory: dir).version)
    }
}

final class BadRuleTests: XCTestCase {
    static func goodRule(id: String, category: String = "email", pattern: String = "[a-z]+@[a-z]+\\\\.jp",
                         validators: String = "[]") -> String {
        """
        pack: test
        rules:
          - id: \(id)
            category: \(category)
            label: テスト
            severity: high
            legal_class: personal_info
            description: test
            patterns: ["\(pattern)"]
            validators: \(validators)
            examples:
              match: [a@b.jp, c@d.jp, e@f.jp, g@h.jp, i@j.jp]
              no_match: [a, b, c, d, e]
        """
    }

    static func makeRulesDir(ruleYAML: String, second: String? = nil) throws -> URL {
        TestEnvironment.isolateCache()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("packs"), withIntermediateDirectories: true)
        try ruleYAML.write(to: dir.appendingPathComponent("packs/a.yaml"), atomically: true, encoding: .utf8)
        if let second { try second.write(to: dir.appendingPathComponent("packs/b.yaml"), atomically: true, encoding: .utf8) }
        return dir
    }

    func assertLoadError(_ yaml: String, second: String? = nil, contains: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try Self.makeRulesDir(ruleYAML: yaml, second: second)
        XCTAssertThrowsError(try RuleSet(directory: dir), file: file, line: line) { error in
            let e = error as? RuleLoadError
            XCTAssertNotNil(e, file: file, line: line)
            XCTAssertTrue("\(error)".contains(contains), "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains("packs/"), "names the file: \(error)", file: file, line: line)
        }
    }

    func testGoodRuleLoads() throws {
        XCTAssertNoThrow(try RuleSet(directory: try Self.makeRulesDir(ruleYAML: Self.goodRule(id: "t.ok"))))
    }

    func testBrokenRegex() throws {
        try assertLoadError(Self.goodRule(id: "t.broken", pattern: "([a-z"), contains: "t.broken")
    }

    func testUnknownCategory() throws {
        try assertLoadError(Self.goodRule(id: "t.cat", category: "shoe_size"), contains: "unknown category")
    }

    func testUnknownValidator() throws {
        try assertLoadError(Self.goodRule(id: "t.val", validators: "[no_such_check]"), contains: "unknown validator")
    }

    func testDuplicateID() throws {
        try assertLoadError(Self.goodRule(id: "t.dup"), second: Self.goodRule(id: "t.dup"), contains: "duplicate rule id")
    }

    func testFailingExampleIsReported() throws {
        let yaml = Self.goodRule(id: "t.ex").replacingOccurrences(of: "no_match: [a, b, c, d, e]", with: "no_match: [x@y.jp, b, c, d, e]")
        let set = try RuleSet(directory: try Self.makeRulesDir(ruleYAML: yaml))
        let (_, failures) = RuleExamples.run(set)
        XCTAssertEqual(failures.map(\.example), ["x@y.jp"])
    }
}

final class ValidatorTests: XCTestCase {
    func testMyNumberCheckDigit() {
        XCTAssertTrue(Validators.myNumberCheckDigit([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 8]))
        XCTAssertFalse(Validators.myNumberCheckDigit([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 9]))
        // Share of random 12-digit strings that pass: about 1 in 10.
        var passing = 0
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let d = (0..<12).map { _ in Int.random(in: 0...9, using: &rng) }
            if Validators.myNumberCheckDigit(d) { passing += 1 }
        }
        XCTAssertTrue((700...1300).contains(passing), "\(passing)")
    }

    func testCorporateNumberCheckDigit() {
        // 法人番号 of the National Tax Agency example: 7000012050002.
        XCTAssertTrue(Validators.corporateNumberCheckDigit([7, 0, 0, 0, 0, 1, 2, 0, 5, 0, 0, 0, 2]))
        XCTAssertFalse(Validators.corporateNumberCheckDigit([8, 0, 0, 0, 0, 1, 2, 0, 5, 0, 0, 0, 2]))
    }

    func testJapaneseDates() {
        XCTAssertEqual(JapaneseDate.parse("昭和60年10月23日"), JapaneseDate(year: 1985, month: 10, day: 23))
        XCTAssertEqual(JapaneseDate.parse("S60.10.23"), JapaneseDate(year: 1985, month: 10, day: 23))
        XCTAssertEqual(JapaneseDate.parse("平成元年1月8日"), JapaneseDate(year: 1989, month: 1, day: 8))
        XCTAssertNil(JapaneseDate.parse("昭和64年1月8日"), "昭和 ended on 1月7日")
        XCTAssertNil(JapaneseDate.parse("2023/02/29"))
        XCTAssertEqual(JapaneseDate.parse("2024/02/29"), JapaneseDate(year: 2024, month: 2, day: 29))
    }

    func testAhoCorasickFindsOverlappingKeywords() {
        let ac = AhoCorasick(patterns: [(Array("個人番号".utf16), 0), (Array("番号".utf16), 1), (Array("he".utf16), 2)])
        let hits = ac.search(Array("個人番号とHEの番号".utf16))
        XCTAssertEqual(hits.map(\.id).sorted(), [0, 1, 1, 2])
        XCTAssertTrue(hits.contains(AhoCorasick.Hit(start: 0, end: 4, id: 0)))
    }
}
