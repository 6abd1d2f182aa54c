import Foundation
import SumiBatch
import XCTest
import SumiTestSupport
import SumiModel
import SumiReport
import SumiRules
@testable import Sumi
import SumiExtract

/// End to end on Office files from the corpus: every hidden place is found with its
/// source and location; damaged, protected and legacy files get the right status.
final class OfficeScanTests: XCTestCase {
    static var root: URL { ScanTests.root }

    func scan(_ relative: String) throws -> FileReport {
        try ScanTests.scanner().scanFile(at: Self.root.appendingPathComponent("Corpus").appendingPathComponent(relative),
                                         displayPath: relative)
    }

    /// The finding for `text`. The phone rule currently takes an unmatched opening bracket
    /// before a number (（03-5555-0134）→「（03-5555-0134」), so a leading （ or ( is tolerated.
    func finding(_ r: FileReport, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Finding {
        try XCTUnwrap(r.findings.first { $0.text == text || $0.text == "（" + text || $0.text == "(" + text },
                      "no finding \(text) in \(r.path): \(r.findings.map(\.text))", file: file, line: line)
    }

    // MARK: hidden content, DOCX

    func testDocxHiddenPlaces() throws {
        let r = try scan("eval/office/office-01.docx")
        XCTAssertEqual(r.status, .findings)
        XCTAssertEqual(r.format, .docx)
        let hidden = try finding(r, "090-2468-1357")
        XCTAssertEqual(hidden.source, .invisibleText)
        XCTAssertEqual(hidden.location.part, "word/document.xml")
        let deleted = try finding(r, "080-1357-2468")
        XCTAssertEqual(deleted.source, .trackedChange)
        let inserted = try finding(r, "m.ikeda@example.com")
        XCTAssertEqual(inserted.source, .trackedChange)
        let footnote = try finding(r, "03-5555-0134")
        XCTAssertEqual(footnote.source, .body)
        XCTAssertEqual(footnote.location.part, "word/footnotes.xml")
        let textBox = try finding(r, "naoko.kimura@example.jp")
        XCTAssertEqual(textBox.source, .body)
        XCTAssertEqual(r.findings.filter { $0.text == "naoko.kimura@example.jp" }.count, 1, "the VML copy is not read twice")
        let custom = try finding(r, "03-5432-0987")
        XCTAssertEqual(custom.source, .metadata)
        XCTAssertEqual(custom.location.part, "docProps/custom.xml")
        let cell = try finding(r, "03-5555-0199")
        XCTAssertEqual(cell.category, .phone)
        XCTAssertEqual(cell.location.row, 2)
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.embeddedImage })
    }

    func testDocxCommentsAndHeaders() throws {
        let comment = try finding(try scan("eval/records/rec-02.docx"), "mama.hinata@example.com")
        XCTAssertEqual(comment.source, .comment)
        XCTAssertEqual(comment.location.part, "word/comments.xml")
        let header = try finding(try scan("eval/press/press-03.docx"), "03-5432-2936")
        XCTAssertEqual(header.source, .headerFooter)
        XCTAssertEqual(header.location.part, "word/header1.xml")
    }

    // MARK: hidden content, XLSX

    func testXlsxHiddenSheetsRowsColumnsAndComments() throws {
        let r = try scan("eval/roster/roster-07.xlsx")
        let column = try finding(r, "772545753343")
        XCTAssertEqual(column.category, .myNumber)
        XCTAssertEqual(column.source, .hiddenColumn)
        XCTAssertEqual(column.location.sheet, "参加者")
        XCTAssertEqual(column.location.cell, "H3")
        let row = try finding(r, "(03)9606-3713")
        XCTAssertEqual(row.source, .hiddenRow)
        XCTAssertEqual(row.location.cell, "E5")

        let sheet = try finding(try scan("eval/roster/roster-01.xlsx"), "070-1604-3691")
        XCTAssertEqual(sheet.source, .hiddenSheet)
        XCTAssertEqual(sheet.location.sheet, "連絡先（内部用）")
        XCTAssertEqual(sheet.location.cell, "C2")

        let o = try scan("eval/office/office-02.xlsx")
        let veryHidden = try finding(o, "080-3141-5926")
        XCTAssertEqual(veryHidden.source, .hiddenSheet)
        XCTAssertEqual(veryHidden.location.sheet, "_設定")
        XCTAssertEqual(veryHidden.location.cell, "B2")
        let threaded = try finding(o, "070-2718-2818")
        XCTAssertEqual(threaded.source, .comment)
        XCTAssertEqual(threaded.location.sheet, "名簿")
        XCTAssertEqual(threaded.location.cell, "A4")

        let note = try finding(try scan("eval/public-comment/pc-06.xlsx"), "misaki.n@example.jp")
        XCTAssertEqual(note.source, .comment)
        XCTAssertEqual(note.location.cell, "B5")
    }

    func testXlsxPhoneStoredAsNumberAndDatesAreFound() throws {
        let r = try scan("eval/office/office-02.xlsx")
        for (text, cell) in [("090-1234-5678", "C4"), ("0312345678", "C5"), ("08011112222", "C6"), ("09087654321", "C60")] {
            let f = try finding(r, text)
            XCTAssertEqual(f.category, .phone, text)
            XCTAssertEqual(f.source, .body)
            XCTAssertEqual(f.location.sheet, "名簿")
            XCTAssertEqual(f.location.cell, cell)
        }
        XCTAssertEqual(try finding(r, "1952/3/14").category, .birthDate)
        XCTAssertEqual(try finding(r, "080-2222-3333").source, .invisibleText, "white text")
        XCTAssertEqual(try finding(r, "03-3412-5678").source, .invisibleText, ";;; format")
        XCTAssertEqual(try finding(r, "03-3412-5678").location.cell, "E5")
        XCTAssertEqual(try finding(r, "昭和36年11月2日").location.cell, "D5")
    }

    // MARK: hidden content, PPTX

    func testPptxNotesAndComments() throws {
        let notes = try finding(try scan("eval/press/press-07.pptx"), "070-1111-2222")
        XCTAssertEqual(notes.source, .notes)
        XCTAssertEqual(notes.location.page, 1)
        let r = try scan("eval/office/office-03.pptx")
        let comment = try XCTUnwrap(r.findings.first { $0.category == .phone })
        XCTAssertEqual(comment.source, .comment)
        XCTAssertEqual(comment.location.page, 1)
        XCTAssertEqual(comment.location.part, "ppt/comments/comment1.xml")
        XCTAssertEqual(r.pages, 2)
    }

    // MARK: files that are not clean although nothing was found

    struct Expected: Decodable {
        struct File: Decodable { var path: String; var status: String; var notices: [String] }
        var files: [File]
    }

    /// Corpus/robustness/expected.json (written by Tools/corpus/office_cases.py): zip bomb,
    /// malformed part, embedded object → incomplete; encrypted, legacy, not a zip → error.
    func testRobustnessFilesGetTheirExpectedStatus() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Corpus/robustness/expected.json"))
        let expected = try JSONDecoder().decode(Expected.self, from: data)
        XCTAssertGreaterThanOrEqual(expected.files.count, 10)
        for f in expected.files {
            let r = try scan(f.path)
            XCTAssertEqual(r.status.rawValue, f.status, f.path)
            XCTAssertEqual(Set(r.notices.map(\.code)), Set(f.notices), "\(f.path) \(r.notices.map(\.message))")
            XCTAssertTrue(r.notices.allSatisfy { !$0.message.isEmpty }, f.path)
        }
    }

    func testEmbeddedWorkbookFindingsAreAttachments() throws {
        let f = try finding(try scan("robustness/embedded-workbook.docx"), "03-5432-7788")
        XCTAssertEqual(f.source, .attachment)
        XCTAssertEqual(f.location.cell, "B2")
        XCTAssertEqual(f.location.part, "word/embeddings/Microsoft_Excel_Worksheet.xlsx!xl/worksheets/sheet1.xml")
    }

    func testEncryptedAndLegacyKeepTheirFormatAndSayWhatToDo() throws {
        let enc = try scan("robustness/encrypted.xlsx")
        XCTAssertEqual(enc.format, .xlsx)
        XCTAssertTrue(enc.notices[0].message.contains("パスワード"))
        let jtd = try scan("robustness/legacy.jtd")
        XCTAssertTrue(jtd.notices[0].message.contains("DOCX"))
        let doc = try scan("robustness/legacy.doc")
        XCTAssertEqual(doc.notices.map(\.code), [NoticeCode.conversionFailed])
    }

    func testOfficeReportsValidateAgainstSharedSchema() throws {
        let root = Self.root
        let schemaURL = TestEnvironment.schemaURL
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: try Data(contentsOf: schemaURL)) as? [String: Any])
        let scanner = try ScanTests.scanner()
        // The top of Corpus/robustness; hostile/ has a test of its own, with a short time limit.
        let robustness = root.appendingPathComponent("Corpus/robustness")
        let top = try FileManager.default.contentsOfDirectory(atPath: robustness.path)
            .filter { !$0.hasSuffix(".json") && $0 != "hostile" }.map { robustness.appendingPathComponent($0).path }
        let targets = BatchScanner.targets(for: [root.appendingPathComponent("Corpus/eval/office").path] + top)
        let files = BatchScanner(scanner: scanner).scan(targets)
        XCTAssertGreaterThanOrEqual(files.count, 14)
        let report = ScanReport(version: sumiVersion, rulesVersion: scanner.ruleSet.version, files: files, elapsedSeconds: 0.5)
        let json = try JSONSerialization.jsonObject(with: try report.json())
        XCTAssertEqual(JSONSchemaSubset(root: schema).validate(json, against: schema, at: "$"), [])
    }

    func testMalformedPartIsNamedInTheNotice() throws {
        let r = try scan("robustness/malformed-header.docx")
        XCTAssertEqual(r.notices.first?.part, "word/header1.xml")
        XCTAssertEqual(r.status, .incomplete)
    }
}
