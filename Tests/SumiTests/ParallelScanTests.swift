import XCTest
import SumiModel
@testable import Sumi

/// Running the rules of one file on several cores gives the same report as one core.
final class ParallelScanTests: XCTestCase {
    func testThreadsDoNotChangeFindingsOrNotices() throws {
        let scanner = try ScanTests.scanner()
        for path in ["Corpus/eval/roster/roster-07.xlsx", "Corpus/eval/public-comment/pc-15.csv", "Corpus/eval/application/app-04.pdf"] {
            let url = ScanTests.root.appendingPathComponent(path)
            let one = scanner.scanFile(at: url, threads: 1)
            let two = scanner.scanFile(at: url, threads: 2)
            XCTAssertFalse(one.findings.isEmpty, path)
            XCTAssertEqual(one.findings, two.findings, path)
            XCTAssertEqual(one.notices, two.notices, path)
        }
    }
}
