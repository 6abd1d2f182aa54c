import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

final class FormatDetectorTests: XCTestCase {
    func testMagicBytesWinOverExtension() {
        XCTAssertEqual(FormatDetector.detect(name: "report.txt", head: Data("%PDF-1.7".utf8)), .supported(.pdf))
        XCTAssertEqual(FormatDetector.detect(name: "x.docx", head: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])), .encryptedOffice)
        XCTAssertEqual(FormatDetector.detect(name: "x.xls", head: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])), .convertible(.xls))
        XCTAssertEqual(FormatDetector.detect(name: "x.doc", head: Data("{\\rtf1".utf8)), .convertible(.rtf))
        XCTAssertEqual(FormatDetector.detect(name: "copy.xls", head: Data([0x50, 0x4B, 0x03, 0x04] + Array("xl/".utf8))), .supported(.xlsx))
        XCTAssertEqual(FormatDetector.detect(name: "memo.jtd", head: Data("abc".utf8)), .legacy("jtd"))
        XCTAssertEqual(FormatDetector.detect(name: "noext", head: Data("<!DOCTYPE html><html>".utf8)), .supported(.html))
        XCTAssertEqual(FormatDetector.detect(name: "photo.jpg", head: Data([0xFF, 0xD8, 0xFF])), .supported(.image))
        XCTAssertEqual(FormatDetector.detect(name: "scan", head: Data([0x49, 0x49, 0x2A, 0x00])), .supported(.image))
        XCTAssertEqual(FormatDetector.detect(name: "memo.txt", head: Data("BM memo".utf8)), .supported(.txt))
    }
}

final class CSVParserTests: XCTestCase {
    func testQuotedCellsWithCommasNewlinesAndQuotes() {
        let rows = CSVParser.rows("氏名,備考\n\"山田, 太郎\",\"一行目\n二行目\"\n\"引用\"\"符\",x\n", delimiter: ",")
        XCTAssertEqual(rows.map(\.cells), [["氏名", "備考"], ["山田, 太郎", "一行目\n二行目"], ["引用\"符", "x"]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4])
    }

    func testA1References() {
        XCTAssertEqual(A1.reference(row: 1, column: 1), "A1")
        XCTAssertEqual(A1.reference(row: 10, column: 27), "AA10")
        XCTAssertEqual(A1.columnName(702), "ZZ")
    }
}

final class HTMLTokenizerTests: XCTestCase {
    func testEntitiesBlocksAndHiddenText() {
        let page = HTMLTokenizer.parse("<p>&#x5C71;&#30000;&amp;&lt;</p><div hidden><span>隠し</span></div><p>表示</p>")
        XCTAssertEqual(page.visible.trimmingCharacters(in: .whitespacesAndNewlines), "山田&<\n表示")
        XCTAssertEqual(page.hidden.trimmingCharacters(in: .whitespacesAndNewlines), "隠し")
    }

    func testDeclaredCharset() {
        XCTAssertEqual(HTMLExtractor.declaredCharset(Data("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">".utf8))?.name, "Shift_JIS")
        XCTAssertEqual(HTMLExtractor.declaredCharset(Data("<meta charset='euc-jp'>".utf8))?.name, "EUC-JP")
    }
}
