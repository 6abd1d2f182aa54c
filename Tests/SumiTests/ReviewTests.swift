import Foundation
import SumiBatch
import XCTest
import SumiModel
@testable import SumiReport
import SumiRules
import SumiTestSupport
@testable import Sumi

/// Allowlists, baselines, masked output and the report writers people and tools read.
final class ReviewTests: XCTestCase {
    var tmp: URL!
    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func scanner(_ suppressor: Suppressor) throws -> DocumentScanner {
        DocumentScanner(rules: try ScanTests.scanner().rules, suppressor: suppressor)
    }

    /// Minutes naming their officials with the office phone: with the officials and the office
    /// number allowlisted the file is clean; with one commenter's name added, only that name is
    /// a finding.
    func testAllowlistedOfficialsMakeMinutesCleanAndANewNameStillCounts() throws {
        let minutes = "令和7年度 第2回 地域保健福祉審議会 議事録\n出席委員：世田谷 一郎 会長、北沢 花子 委員\n事務局：保健福祉課 三軒 茶太郎 課長\n問い合わせ先：保健福祉課 電話 03-5432-1111\n"
        let yaml = """
        allow:
          - text: 世田谷 一郎
            category: person_name
            reason: 審議会会長（公表）
          - text: 北沢 花子
            category: person_name
          - allow_file: 職員名簿.csv
            column: 氏名
            category: person_name
          - pattern: '03-5432-1\\d{3}'
            category: phone
            reason: 区の代表番号
          - text: 旧委員 太郎
            expires: 2020-03-31
        """
        try Data(yaml.utf8).write(to: tmp.appendingPathComponent("sumi.yaml"))
        try Data("氏名,所属\n三軒 茶太郎,保健福祉課\n".utf8).write(to: tmp.appendingPathComponent("職員名簿.csv"))
        let allow = try Allowlist.load(tmp.appendingPathComponent("sumi.yaml"))
        XCTAssertEqual(allow.entries.count, 5)
        let s = try scanner(Suppressor(allowlist: allow))
        let before = try ScanTests.scanner().scan(data: Data(minutes.utf8), name: "minutes.txt")
        XCTAssertGreaterThanOrEqual(before.findings.filter { $0.category == .personName }.count, 3, "\(before.findings.map(\.text))")
        let clean = s.scan(data: Data(minutes.utf8), name: "minutes.txt")
        XCTAssertEqual(clean.status, .clean, "\(clean.findings.filter { !$0.suppressed }.map(\.text))")
        XCTAssertTrue(clean.findings.allSatisfy { $0.suppressed && $0.suppression?.kind == "allowlist" })
        XCTAssertTrue(clean.findings.contains { $0.suppression?.reason == "区の代表番号" })
        let more = s.scan(data: Data((minutes + "傍聴者 深沢 恵子 さんから意見がありました。\n").utf8), name: "minutes.txt")
        XCTAssertEqual(more.status, .findings)
        XCTAssertEqual(more.findings.filter { !$0.suppressed }.map(\.text), ["深沢 恵子"])
        // The expired entry does not apply.
        let expired = s.scan(data: Data("担当：旧委員 太郎\n".utf8), name: "x.txt")
        XCTAssertFalse(expired.findings.contains { $0.suppressed })
    }

    /// A baseline of Corpus/samples suppresses every finding on a re-scan; a new name added to
    /// one file is the only finding; the baseline file holds none of the texts.
    func testBaselineSuppressesExactlyWhatWasAcceptedAndHoldsNoText() throws {
        let base = try ScanTests.scanner()
        let dir = tmp.appendingPathComponent("site")
        try FileManager.default.copyItem(at: TestEnvironment.root.appendingPathComponent("Corpus/samples"), to: dir)
        let targets = BatchScanner.targets(for: [dir.path])
        let first = BatchScanner(scanner: base).scan(targets)
        let findings = first.flatMap(\.findings)
        XCTAssertGreaterThan(findings.count, 30)
        let file = tmp.appendingPathComponent("baseline.json")
        let key = try Baseline.key(for: file, create: true)
        let normalize: (String) -> String = { DocumentScanner.normalizedForSuppression($0, base.ruleSet) }
        try Suppressor.baseline(of: first, key: key, normalize: normalize).write(to: file)
        let written = try String(contentsOf: file, encoding: .utf8)
        for f in findings where f.text.count >= 2 {
            XCTAssertFalse(written.contains(f.text) || written.contains(normalize(f.text)), "baseline holds \(f.label) in the clear")
        }
        let loaded = try Baseline.load(file)
        let again = BatchScanner(scanner: try scanner(Suppressor(baseline: loaded))).scan(targets)
        XCTAssertTrue(again.allSatisfy { $0.status != .findings }, "\(again.map { "\($0.path) \($0.status)" })")
        XCTAssertEqual(ScanReport(version: "t", rulesVersion: "t", files: again, elapsedSeconds: 0).exitCode(failOn: .low), 0)
        let opinion = dir.appendingPathComponent("sample-opinion.txt")
        try (try String(contentsOf: opinion, encoding: .utf8) + "\n追記：担当 深沢 恵子 さんに相談しました。\n").write(to: opinion, atomically: true, encoding: .utf8)
        let changed = BatchScanner(scanner: try scanner(Suppressor(baseline: loaded))).scan(targets)
        XCTAssertEqual(changed.flatMap(\.findings).filter { !$0.suppressed }.map(\.text), ["深沢 恵子"])
    }

    /// Masked output keeps too little to copy: 山田＊＊, 090-＊＊＊＊-5678, ＊＊＊-＊＊97.
    func testMaskingHidesTheTextInEveryFormat() throws {
        XCTAssertEqual(Masking.mask("山田 太郎"), "山田＊＊")
        XCTAssertEqual(Masking.mask("090-1234-5678"), "090-＊＊＊＊-5678")
        XCTAssertEqual(Masking.mask("158-0097"), "＊＊＊-＊＊97")
        XCTAssertEqual(Masking.mask("誠"), "＊")
        let r = try ScanTests.scanner().scanFile(at: TestEnvironment.root.appendingPathComponent("Corpus/samples/sample-roster.csv"))
        let report = ScanReport(version: "t", rulesVersion: "t", files: [r], elapsedSeconds: 0)
        for format in ReportFormat.allCases {
            let out = String(decoding: format.writer(ReportOptions(mask: true)).write(report), as: UTF8.self)
            for f in r.findings where f.text.count >= 4 { XCTAssertFalse(out.contains(f.text), "\(format): \(f.label) in the clear") }
        }
    }

    /// CSV for Excel: BOM, CRLF, Japanese headers, one row per finding, quoting that a CSV
    /// reader undoes, nothing Excel would run as a formula.
    func testCSVForExcelHasBOMCRLFJapaneseHeadersAndSafeFields() throws {
        let r = try ScanTests.scanner().scanFile(at: TestEnvironment.root.appendingPathComponent("Corpus/samples/sample-press.html"))
        let data = ReportFormat.csv.writer(ReportOptions()).write(ScanReport(version: "t", rulesVersion: "t", files: [r], elapsedSeconds: 0))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("ファイル,状態,種類,重大度,法令上の区分,"))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, r.findings.count + 1)
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF: contexts are flattened")
        XCTAssertEqual(CSVReportWriter.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVReportWriter.field("a,b"), "\"a,b\"")
    }

    /// SARIF: the shape code-scanning tools read (the official schema check is
    /// Tools/report/validate.sh); suppressions as SARIF suppressions.
    func testSARIFHasRulesResultsLocationsAndSuppressions() throws {
        var r = try ScanTests.scanner().scanFile(at: TestEnvironment.root.appendingPathComponent("Corpus/samples/sample-roster.xlsx"))
        r.findings[0].suppressed = true
        r.findings[0].suppression = Suppression(kind: "allowlist", entry: "sumi.yaml#1", reason: "公表")
        let data = ReportFormat.sarif.writer(ReportOptions()).write(ScanReport(version: "t", rulesVersion: "t", files: [r], elapsedSeconds: 0))
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(doc["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((doc["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, r.findings.count)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for res in results { XCTAssertLessThan(res["ruleIndex"] as? Int ?? 99, rules.count) }
        XCTAssertNotNil(results[0]["suppressions"])
        XCTAssertNil(results[1]["suppressions"])
        let logical = try XCTUnwrap(((results[1]["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?.first)
        XCTAssertTrue((logical["fullyQualifiedName"] as? String)?.contains("!") == true, "sheet!cell")
    }
}
