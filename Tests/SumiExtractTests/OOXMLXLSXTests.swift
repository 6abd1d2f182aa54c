import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// XLSX made by openpyxl (Tools/corpus): hidden sheets, rows and columns, comments,
/// numbers as Excel shows them, and the header that labels a column.
final class OOXMLXLSXTests: XCTestCase {
    func cell(_ r: OOXMLFixture.Result, _ sheet: String, _ ref: String) throws -> TextUnit {
        try XCTUnwrap(r.units.first { $0.location.sheet == sheet && $0.location.cell == ref && $0.source != .comment },
                      "\(sheet)!\(ref)")
    }

    func testHiddenAndVeryHiddenSheets() throws {
        let r = try OOXMLFixture.extract("eval/roster/roster-01.xlsx", format: .xlsx)
        let c2 = try cell(r, "連絡先（内部用）", "C2")
        XCTAssertEqual(c2.source, .hiddenSheet)
        XCTAssertEqual(c2.text, "070-1604-3691")
        XCTAssertEqual(c2.fieldLabel, "携帯電話")
        XCTAssertEqual(c2.location.part, "xl/worksheets/sheet2.xml")
        XCTAssertEqual(try cell(r, "役員名簿", "B4").source, .body)
        let v = try OOXMLFixture.extract("eval/office/office-02.xlsx", format: .xlsx)
        let b2 = try cell(v, "_設定", "B2")
        XCTAssertEqual(b2.source, .hiddenSheet, "a veryHidden sheet is hidden too")
        XCTAssertEqual(b2.text, "080-3141-5926")
        XCTAssertEqual(b2.fieldLabel, "緊急連絡先", "label | value layout: the cell to the left labels it")
        XCTAssertTrue(v.units(.hiddenSheet).contains { $0.fieldLabel == "シート名" && $0.text == "_設定" })
    }

    func testHiddenRowsAndColumnsAndHeaderLabels() throws {
        let r = try OOXMLFixture.extract("eval/roster/roster-07.xlsx", format: .xlsx)
        let h3 = try cell(r, "参加者", "H3")
        XCTAssertEqual(h3.source, .hiddenColumn)
        XCTAssertEqual(h3.text, "772545753343")
        XCTAssertEqual(h3.fieldLabel, "個人番号")
        let e5 = try cell(r, "参加者", "E5")
        XCTAssertEqual(e5.source, .hiddenRow)
        XCTAssertEqual(e5.fieldLabel, "電話")
        XCTAssertEqual(try cell(r, "参加者", "H5").source, .hiddenRow, "a hidden row wins over a hidden column")
        let b3 = try cell(r, "参加者", "B3")
        XCTAssertEqual(b3.source, .body)
        XCTAssertEqual(b3.fieldLabel, "氏名")
        XCTAssertEqual(b3.location.row, 3)
        XCTAssertEqual(b3.location.column, 2)
        XCTAssertNotEqual(b3.groupKey, try cell(r, "参加者", "G4").groupKey, "rows are separate groups")
        XCTAssertEqual(b3.groupKey, try cell(r, "参加者", "E3").groupKey, "cells of one row form a group")
        XCTAssertNil(try cell(r, "参加者", "B2").fieldLabel, "the header row itself is not labelled")
        XCTAssertNil(try cell(r, "参加者", "A1").fieldLabel, "the title above the header is not labelled")
    }

    func testPhoneStoredAsNumberGetsItsLeadingZeroBack() throws {
        let r = try OOXMLFixture.extract("eval/office/office-02.xlsx", format: .xlsx)
        // Custom format 0##-####-####: what Excel shows.
        XCTAssertEqual(try cell(r, "名簿", "C4").text, "090-1234-5678")
        // General format in a 電話番号 column: the 0 the user typed and Excel dropped.
        XCTAssertEqual(try cell(r, "名簿", "C5").text, "0312345678")
        XCTAssertEqual(try cell(r, "名簿", "C6").text, "08011112222")
        // Fifty rows below the header, on another printed page, the header still labels the cell.
        let c60 = try cell(r, "名簿", "C60")
        XCTAssertEqual(c60.text, "09087654321")
        XCTAssertEqual(c60.fieldLabel, "電話番号")
        XCTAssertEqual(try cell(r, "名簿", "A60").fieldLabel, "氏名")
    }

    func testCellsHiddenByTheirStyleAreInvisibleText() throws {
        let r = try OOXMLFixture.extract("eval/office/office-02.xlsx", format: .xlsx)
        let white = try cell(r, "名簿", "E4")
        XCTAssertEqual(white.source, .invisibleText, "white text on no fill")
        XCTAssertEqual(white.text, "緊急 080-2222-3333")
        let semicolons = try cell(r, "名簿", "E5")
        XCTAssertEqual(semicolons.source, .invisibleText, "number format ;;;")
        XCTAssertEqual(try cell(r, "名簿", "B4").source, .body)
        XCTAssertEqual(XLSXNumberFormat.classify(";;;"), .hidden)
        XCTAssertEqual(XLSXNumberFormat.classify(";;"), .hidden)
        XCTAssertNotEqual(XLSXNumberFormat.classify("0;-0;;@"), .hidden)
    }

    func testDatesShowAsExcelShowsThem() throws {
        let r = try OOXMLFixture.extract("eval/office/office-02.xlsx", format: .xlsx)
        XCTAssertEqual(try cell(r, "名簿", "D4").text, "1952/3/14")
        XCTAssertEqual(try cell(r, "名簿", "D5").text, "昭和36年11月2日")
        XCTAssertEqual(try cell(r, "名簿", "D5").fieldLabel, "生年月日")
    }

    func testThreadedCommentWithPersonsAndLegacyNotes() throws {
        let r = try OOXMLFixture.extract("eval/office/office-02.xlsx", format: .xlsx)
        let comments = r.units(.comment).filter { $0.location.cell == "A4" }
        XCTAssertEqual(comments.first?.location.sheet, "名簿")
        XCTAssertEqual(comments.first?.location.part, "xl/threadedComments/threadedComment1.xml")
        XCTAssertTrue(comments.contains { $0.text.contains("心不全") })
        XCTAssertTrue(comments.contains { $0.text.contains("070-2718-2818") }, "the reply is read")
        XCTAssertEqual(Set(comments.filter { $0.fieldLabel == "コメントの作成者" }.map(\.text)), ["木村 直子", "池田 健太"])
        // A legacy note (openpyxl) on a sheet stored with inline strings.
        let pc = try OOXMLFixture.extract("eval/public-comment/pc-06.xlsx", format: .xlsx)
        let note = try XCTUnwrap(pc.units(.comment).first { $0.text.contains("misaki.n@example.jp") })
        XCTAssertEqual(note.location.sheet, "意見と区の考え方")
        XCTAssertEqual(note.location.cell, "B5")
        XCTAssertTrue(pc.units(.comment).contains { $0.fieldLabel == "コメントの作成者" && $0.text == "石井 健一" })
        XCTAssertEqual(try cell(pc, "意見と区の考え方", "C4").source, .hiddenColumn)
        XCTAssertEqual(try cell(pc, "意見と区の考え方", "C4").text, "長谷川 恵子")
    }

    func testHeaderFooterAndProperties() throws {
        let r = try OOXMLFixture.extract("eval/roster/roster-01.xlsx", format: .xlsx)
        let hf = try XCTUnwrap(r.units(.headerFooter).first)
        XCTAssertEqual(hf.text, "作成：危機管理課 石井 誠")
        XCTAssertEqual(hf.location.sheet, "役員名簿")
        XCTAssertEqual(r.units(.metadata).first { $0.fieldLabel == "作成者" }?.text, "石井 誠")
        XCTAssertEqual(r.noticeCodes, [])
    }

    func testHeaderFooterCodesAreRemoved() {
        XCTAssertEqual(XLSXSheetHandler.stripHeaderFooterCodes("&L&\"ＭＳ ゴシック,太字\"&12担当 山田&C&P / &N ページ&R&D &&A"),
                       "担当 山田\n/  ページ\n&A")
    }

    func testDefinedNamesAndInlineStringsInAHandMadeWorkbook() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let data = try OOXMLZip.make([
            "_rels/.rels": OOXMLZip.rels([("rId1", "officeDocument", "xl/workbook.xml")]),
            "xl/_rels/workbook.xml.rels": OOXMLZip.rels([("rId1", "worksheet", "worksheets/sheet1.xml")]),
            "xl/workbook.xml": """
                <workbook xmlns="\(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>
                <definedNames><definedName name="担当者">"山田 太郎"</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">S!$A$1:$B$2</definedName></definedNames>
                </workbook>
                """,
            "xl/worksheets/sheet1.xml": """
                <worksheet xmlns="\(main)"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><r><t>氏</t></r><r><t>名</t></r><rPh sb="0" eb="2"><t>シメイ</t></rPh></is></c><c r="B1" t="inlineStr"><is><t>TEL</t></is></c></row>
                <row r="2" hidden="1"><c r="A2" t="str"><f>"x"</f><v>山田 太郎</v></c><c r="B2"><v>9012345678</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>
                </sheetData></worksheet>
                """,
        ])
        let r = try OOXMLFixture.extract(ExtractionInput(data: data, name: "x.xlsx"), format: .xlsx)
        XCTAssertEqual(r.units(.metadata).first { $0.fieldLabel == "名前の定義" }?.text, "担当者\t\"山田 太郎\"")
        XCTAssertEqual(r.units.first { $0.location.cell == "A1" }?.text, "氏名", "phonetic guide left out")
        let b2 = try XCTUnwrap(r.units.first { $0.location.cell == "B2" })
        XCTAssertEqual(b2.text, "09012345678")
        XCTAssertEqual(b2.fieldLabel, "TEL")
        XCTAssertEqual(b2.source, .hiddenRow)
        XCTAssertEqual(r.units.first { $0.location.cell == "A2" }?.text, "山田 太郎")
        XCTAssertNil(r.units.first { $0.location.cell == "D2" }, "error values are not text")
    }

    func testPivotCacheKeepsTheSourceRows() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let data = try OOXMLZip.make([
            "_rels/.rels": OOXMLZip.rels([("rId1", "officeDocument", "xl/workbook.xml")]),
            "xl/_rels/workbook.xml.rels": OOXMLZip.rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                         ("rId2", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")]),
            "xl/workbook.xml": "<workbook xmlns=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"集計\" sheetId=\"1\" r:id=\"rId1\"/></sheets><pivotCaches><pivotCache cacheId=\"1\" r:id=\"rId2\"/></pivotCaches></workbook>",
            "xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>地区別 件数</t></is></c></row></sheetData></worksheet>",
            "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": OOXMLZip.rels([("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml")]),
            "xl/pivotCache/pivotCacheDefinition1.xml": """
                <pivotCacheDefinition xmlns="\(main)"><cacheSource type="worksheet"><worksheetSource ref="A1:C3" sheet="元データ"/></cacheSource>
                <cacheFields count="3"><cacheField name="氏名"><sharedItems/></cacheField>
                <cacheField name="地区"><sharedItems count="2"><s v="成城"/><s v="経堂"/></sharedItems></cacheField>
                <cacheField name="電話"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>
                """,
            "xl/pivotCache/pivotCacheRecords1.xml": """
                <pivotCacheRecords xmlns="\(main)" count="2"><r><s v="山田 太郎"/><x v="0"/><s v="03-1234-5678"/></r><r><s v="鈴木 花子"/><x v="1"/><s v="090-1111-2222"/></r></pivotCacheRecords>
                """,
        ])
        let r = try OOXMLFixture.extract(ExtractionInput(data: data, name: "pivot.xlsx"), format: .xlsx)
        let cache = r.units(.invisibleText)
        XCTAssertEqual(cache.first { $0.fieldLabel == "氏名" }?.text, "山田 太郎\n鈴木 花子")
        XCTAssertEqual(cache.first { $0.fieldLabel == "電話" }?.text, "03-1234-5678\n090-1111-2222")
        XCTAssertEqual(cache.first { $0.fieldLabel == "地区" }?.text, "成城\n経堂")
        XCTAssertEqual(cache.first { $0.fieldLabel == "電話" }?.location.part, "xl/pivotCache/pivotCacheRecords1.xml")
    }
}

final class XLSXNumberFormatTests: XCTestCase {
    func render(_ raw: String, _ code: String?, id: Int = 200) -> String {
        XLSXNumberFormat.render(raw, kind: XLSXNumberFormat.kind(id: id, code: code), date1904: false)
    }

    func testDigitPatterns() {
        XCTAssertEqual(render("9012345678", "0##-####-####"), "090-1234-5678")
        XCTAssertEqual(render("312345678", "00-0000-0000"), "03-1234-5678")
        XCTAssertEqual(render("1540004", "000-0000"), "154-0004")
        XCTAssertEqual(render("8011112222", "00000000000"), "08011112222")
        XCTAssertEqual(render("9012345678", "\"TEL \"0##-####-####"), "TEL 090-1234-5678")
        XCTAssertEqual(render("123456789012", "0000-0000-0000"), "1234-5678-9012")
        XCTAssertEqual(render("12345", "0"), "12345")
        XCTAssertEqual(render("1.5", "0##-####-####"), "1.5", "not an integer: stored value")
    }

    func testGeneralAndOtherFormatsKeepTheValue() {
        XCTAssertEqual(render("1.2345678901E+11", nil, id: 0), "123456789010")
        XCTAssertEqual(render("42.0", nil, id: 0), "42")
        XCTAssertEqual(render("0.25", "0.00%"), "0.25")
        XCTAssertEqual(render("3.14", "#,##0.00"), "3.14")
    }

    func testDatesWesternAndEra() {
        XCTAssertEqual(render("19067", nil, id: 14), "1952/3/14")
        XCTAssertEqual(render("22587", "[$-ja-JP]ggge\"年\"m\"月\"d\"日\";@"), "昭和36年11月2日")
        XCTAssertEqual(render("32515", "[$-411]ge.m.d"), "昭和64年1月7日")
        XCTAssertEqual(render("32516", "ggge\"年\"m\"月\"d\"日\""), "平成1年1月8日")
        XCTAssertEqual(render("43586", "yyyy\"年\"m\"月\"d\"日\""), "2019/5/1")
        XCTAssertEqual(render("43586", nil, id: 28), "令和1年5月1日")
        XCTAssertEqual(XLSXNumberFormat.render("0", kind: .date(era: false), date1904: true), "0")
        XCTAssertEqual(XLSXNumberFormat.render("1", kind: .date(era: false), date1904: true), "1904/1/2")
        XCTAssertEqual(XLSXNumberFormat.kind(id: 0, code: "h:mm"), .other)
    }
}
