import Foundation
import XCTest
import SumiTestSupport
import SumiModel
import SumiReport
@testable import Sumi

/// The `expected.json` beside LibreOffice-made regression files (Tools/corpus/odf_cases.py,
/// legacy_cases.py): per file, findings that must be reported as (source, category, text;
/// text nil for "any").
struct ExpectedFindings: Decodable {
    var files: [String: [[String?]]]

    static func load(_ dir: URL) throws -> ExpectedFindings {
        try JSONDecoder().decode(ExpectedFindings.self, from: Data(contentsOf: dir.appendingPathComponent("expected.json")))
    }

    /// Scans every listed file and checks that each has findings, is in `family(name)` and
    /// gives every expected finding; returns the reports by name for further checks.
    @discardableResult
    func check(in dir: URL, family: (String) -> FileFormat, file: StaticString = #filePath, line: UInt = #line) throws -> [String: FileReport] {
        let scanner = try ScanTests.scanner()
        var reports: [String: FileReport] = [:]
        for (name, wanted) in files.sorted(by: { $0.key < $1.key }) {
            let r = scanner.scanFile(at: dir.appendingPathComponent(name), displayPath: name)
            reports[name] = r
            XCTAssertEqual(r.status, .findings, "\(name): \(r.notices.map(\.code))", file: file, line: line)
            XCTAssertEqual(r.format, family(name), name, file: file, line: line)
            for w in wanted {
                let source = w[0]!, category = w[1]!, text = w[2]
                let hit = r.findings.contains { f in
                    f.source.rawValue == source && f.category.rawValue == category
                        && (text == nil || f.text.filter { !$0.isWhitespace } == text!.filter { !$0.isWhitespace })
                }
                XCTAssertTrue(hit, "\(name) must give \(source)/\(category) «\(text ?? "*")»; got \(r.findings.map { "\($0.source.rawValue)/\($0.category.rawValue) «\($0.text)»" })",
                              file: file, line: line)
            }
        }
        return reports
    }
}
