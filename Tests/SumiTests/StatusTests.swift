import XCTest
import SumiModel
import SumiReport

/// A file's status from its notices and findings: never `clean` when something was not
/// read or needs a person.
final class StatusTests: XCTestCase {
    func testFakeRedactionWithNothingFoundUnderItIsNotClean() {
        let covered = Notice(code: NoticeCode.coveredText, message: "黒塗りの下に文字が残っています", page: 1)
        XCTAssertEqual(FileReport(path: "a.pdf", format: .pdf, notices: [covered]).status, .incomplete)
    }

    func testInformationalNoticeAloneStaysClean() {
        let combined = Notice(code: NoticeCode.combinedIdentification, message: "組合せ")
        XCTAssertEqual(FileReport(path: "a.txt", format: .txt, notices: [combined]).status, .clean)
    }

    func testUnreadPageIsIncomplete() {
        let scanned = Notice(code: NoticeCode.imageOnlyPage, message: "画像のみのページ", page: 2)
        XCTAssertEqual(FileReport(path: "a.pdf", format: .pdf, notices: [scanned]).status, .incomplete)
    }
}
