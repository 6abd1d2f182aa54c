import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// Bad packages: each becomes a notice (the rest is still read) or, when nothing can be
/// read, an `ExtractionError` — never a crash, a hang or a silent "clean".
final class OOXMLRobustnessTests: XCTestCase {
    func testZipBombPartIsStoppedByRatioAndTheRestIsRead() throws {
        let started = Date()
        let r = try OOXMLFixture.extract("robustness/zip-bomb.xlsx", format: .xlsx)
        let notice = try XCTUnwrap(r.summary.notices.first { $0.code == NoticeCode.sizeLimit })
        XCTAssertEqual(notice.part, "xl/worksheets/sheet2.xml")
        XCTAssertTrue(notice.meansUnread)
        XCTAssertTrue(r.units.contains { $0.location.sheet == "事業一覧" && $0.text == "高齢福祉課" }, "the other sheet is read")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "stopped early, not after inflating 40 MB and parsing it")
    }

    func testTotalUncompressedLimitStopsReading() throws {
        var limits = ExtractionLimits()
        limits.maxUncompressedBytes = 8 << 10   // 8 KB: the theme part alone is larger
        limits.maxCompressionRatio = 1e9
        let r = try OOXMLFixture.extract("eval/roster/roster-01.xlsx", format: .xlsx, limits: limits)
        XCTAssertEqual(r.summary.notices.filter { $0.code == NoticeCode.sizeLimit }.count, 1)
        XCTAssertTrue(r.summary.notices.contains { $0.meansUnread })
    }

    func testMalformedPartIsNoticedAndTheBodyStillRead() throws {
        let r = try OOXMLFixture.extract("robustness/malformed-header.docx", format: .docx)
        XCTAssertEqual(r.summary.notices.map(\.code), [NoticeCode.unreadablePart])
        XCTAssertEqual(r.summary.notices.first?.part, "word/header1.xml")
        XCTAssertTrue(r.units(.body).contains { $0.text.contains("協力員の研修を年2回実施した。") })
    }

    func testTruncatedAndUnbalancedXMLAreMalformed() {
        final class Count: SAXHandler { var n = 0; func start(_ name: String, _ a: [String: String]) { n += 1 } }
        XCTAssertEqual(SAX.parse(Data("<a><b>x</b></a>".utf8), handler: Count()), .complete)
        for bad in ["<a><b>text", "<a><b>x</c></a>", "", "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"] {
            if case .malformed = SAX.parse(Data(bad.utf8), handler: Count()) { continue }
            XCTFail("\(bad) should be malformed")
        }
    }

    func testEmbeddedOLEObjectMakesTheFileIncomplete() throws {
        let r = try OOXMLFixture.extract("robustness/embedded-object.docx", format: .docx)
        let notice = try XCTUnwrap(r.summary.notices.first { $0.code == NoticeCode.embeddedFile })
        XCTAssertTrue(notice.meansUnread)
        XCTAssertEqual(notice.part, "word/embeddings/oleObject1.bin")
    }

    func testEmbeddedWorkbookIsReadAsAnAttachment() throws {
        let r = try OOXMLFixture.extract("robustness/embedded-workbook.docx", format: .docx)
        XCTAssertEqual(r.noticeCodes, [])
        let cell = try XCTUnwrap(r.units.first { $0.text == "03-5432-7788" })
        XCTAssertEqual(cell.source, .attachment)
        XCTAssertEqual(cell.location.sheet, "事業一覧")
        XCTAssertEqual(cell.location.cell, "B2")
        XCTAssertEqual(cell.location.part, "word/embeddings/Microsoft_Excel_Worksheet.xlsx!xl/worksheets/sheet1.xml")
        XCTAssertEqual(cell.fieldLabel, "電話番号")
        // No depth left for attachments: the workbook is not opened, and the file says so.
        var limits = ExtractionLimits()
        limits.maxAttachmentDepth = 0
        let shallow = try OOXMLFixture.extract("robustness/embedded-workbook.docx", format: .docx, limits: limits)
        XCTAssertEqual(shallow.noticeCodes, [NoticeCode.embeddedFile])
        XCTAssertFalse(shallow.units.contains { $0.source == .attachment })
    }

    func testNotAZipThrowsAStableCode() {
        XCTAssertThrowsError(try OOXMLFixture.extract("robustness/not-a-zip.docx", format: .docx)) { error in
            XCTAssertEqual((error as? ExtractionError)?.code, NoticeCode.unsupportedFormat)
        }
        XCTAssertThrowsError(try OOXMLFixture.extract(ExtractionInput(data: Data(), name: "empty.xlsx"), format: .xlsx))
    }

    func testZipWithoutMainPartThrows() throws {
        let data = try OOXMLZip.make(["readme.txt": "hello"])
        XCTAssertThrowsError(try OOXMLFixture.extract(ExtractionInput(data: data, name: "x.docx"), format: .docx)) { error in
            XCTAssertEqual((error as? ExtractionError)?.code, NoticeCode.unsupportedFormat)
        }
    }

    func testTimeLimitStopsAndSaysSo() throws {
        let input = ExtractionInput(url: OOXMLFixture.url("eval/roster/roster-07.xlsx"), name: "roster-07.xlsx",
                                    deadline: Date(timeIntervalSinceNow: -1))
        let r = try OOXMLFixture.extract(input, format: .xlsx)
        XCTAssertTrue(r.noticeCodes.contains(NoticeCode.timeLimit))
        XCTAssertFalse(r.units.contains { $0.location.sheet == "参加者" && $0.location.row ?? 0 > 3 }, "stopped before the sheet")
    }

    func testBytesInMemoryReadLikeAFile() throws {
        let url = OOXMLFixture.url("eval/roster/roster-07.xlsx")
        let fromFile = try OOXMLFixture.extract("eval/roster/roster-07.xlsx", format: .xlsx)
        let fromData = try OOXMLFixture.extract(ExtractionInput(data: try Data(contentsOf: url), name: "x.xlsx"), format: .xlsx)
        XCTAssertEqual(fromFile.units.map(\.text), fromData.units.map(\.text))
        XCTAssertGreaterThan(fromFile.units.count, 50)
    }

    func testFormatComesFromThePackageNotTheName() throws {
        let r = try OOXMLFixture.extract(ExtractionInput(url: OOXMLFixture.url("eval/office/office-03.pptx"), name: "renamed.docx"), format: .docx)
        XCTAssertEqual(r.summary.format, .pptx)
    }

    func testRelationshipTargetsResolve() {
        XCTAssertEqual(OOXMLPackage.resolve("../media/image1.png", from: "word"), "media/image1.png")
        XCTAssertEqual(OOXMLPackage.resolve("/xl/worksheets/sheet1.xml", from: "xl"), "xl/worksheets/sheet1.xml")
        XCTAssertEqual(OOXMLPackage.resolve("worksheets/sheet%201.xml", from: "xl"), "xl/worksheets/sheet 1.xml")
    }
}
