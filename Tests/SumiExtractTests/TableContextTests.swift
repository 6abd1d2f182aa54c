import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// Column headers and form labels reach the rules as `fieldLabel`, whatever the container.
final class TableContextTests: XCTestCase {
    private func units(_ extractor: any Extractor, _ text: String, name: String) throws -> [TextUnit] {
        var out: [TextUnit] = []
        _ = try extractor.extract(ExtractionInput(data: Data(text.utf8), name: name)) { out.append($0) }
        return out
    }

    func testTabSeparatedTextFileIsReadAsATableWithHeaders() throws {
        let text = "ボランティア連絡網（令和7年度）\n\n氏名\t電話\t郵便番号\n中島 和夫\t0310444189\t201-0003\n山本 花\t0319053029\t157-0066\n"
        let got = try units(PlainTextExtractor(), text, name: "list.txt")
        let postal = try XCTUnwrap(got.first { $0.text == "201-0003" })
        XCTAssertEqual(postal.fieldLabel, "郵便番号")
        XCTAssertEqual(postal.location.cell, "C4")
        XCTAssertEqual(got.first { $0.text == "0319053029" }?.fieldLabel, "電話")
        // The title line is still read (as a cell of its own row).
        XCTAssertTrue(got.contains { $0.text.hasPrefix("ボランティア連絡網") })
    }

    func testProseWithAFewTabsStaysPlainText() throws {
        let text = "区の考え方\tについて\t説明します。\n本文が続きます。\n次の段落です。\nさらに続きます。\n"
        let got = try units(PlainTextExtractor(), text, name: "memo.txt")
        XCTAssertEqual(got.count, 1)
        XCTAssertNil(got[0].fieldLabel)
    }

    func testCSVHeaderBelowATitleRow() throws {
        let csv = "参加者名簿,,\n氏名,電話,生年月日\n山田 太郎,03-1234-5678,S60.10.23\n"
        let got = try units(CSVExtractor(), csv, name: "r.csv")
        XCTAssertEqual(got.first { $0.text == "S60.10.23" }?.fieldLabel, "生年月日")
        XCTAssertNil(got.first { $0.text == "参加者名簿" }?.fieldLabel)
    }

    func testHTMLFormValueTakesTheLabelBeforeIt() throws {
        let html = "<html><body><form><p><label>郵便番号</label> <input type=\"text\" value=\"158-0097\"></p></form></body></html>"
        let got = try units(HTMLExtractor(), html, name: "f.html")
        let value = try XCTUnwrap(got.first { $0.text == "158-0097" })
        XCTAssertEqual(value.source, .htmlAttribute)
        XCTAssertTrue(value.fieldLabel?.contains("郵便番号") == true, "\(String(describing: value.fieldLabel))")
    }
}
