import Foundation
import XCTest
import SumiTestSupport
@testable import SumiExtract
import SumiModel
import SumiReport
@testable import Sumi

/// OCR of scanned-style pages made by Tools/corpus/ocr_cases.py (Japanese fonts rendered to
/// images, rotated, blurred, JPEG-compressed, noised), with the truth in Corpus/ocr/truth.json.
final class OCRTests: XCTestCase {
    static let dir = TestEnvironment.root.appendingPathComponent("Corpus/ocr")

    struct Truth: Decodable {
        struct File: Decodable { var file: String; var pages: [Page] }
        struct Page: Decodable { var page: Int; var items: [Item] }
        struct Item: Decodable {
            var category: String; var text: String
            var bbox_pt: [Double]?
        }
        var files: [File]
    }

    static func truth(_ name: String) throws -> Truth.File {
        let t = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: dir.appendingPathComponent("truth.json")))
        return try XCTUnwrap(t.files.first { $0.file == name })
    }

    func scan(_ name: String) throws -> FileReport {
        try ScanTests.scanner().scanFile(at: Self.dir.appendingPathComponent(name), displayPath: name)
    }

    /// A scanned form as a PNG: `format: image`, findings from OCR with their confidence,
    /// boxes in pixels, and the notice that asks for a look. (The birth date is not asserted:
    /// Debian's `jpn` model reads 昭和 as 同和 on this page; see the note on issue 17.)
    func testAScannedFormImageGivesItsNameAddressAndPhone() throws {
        let r = try scan("form-a-clean-300.png")
        XCTAssertEqual(r.format, .image)
        XCTAssertEqual(r.status, .findings)
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.ocrText }, "\(r.notices)")
        for category in [Category.personName, .phone, .address] {
            let f = try XCTUnwrap(r.findings.first { $0.category == category }, "\(category): \(r.findings.map(\.text))")
            XCTAssertEqual(f.source, .ocr)
            XCTAssertNotNil(f.ocr?.confidence)
            XCTAssertEqual(f.location.bbox?.count, 4)
        }
    }

    /// The issue's case as a new user meets it: a PDF whose second page is a scanned form. The
    /// findings are on page 2, and their boxes (PDF points) fall on the words drawn there.
    func testTheScannedSecondPageOfAPDFGivesFindingsWhoseBoxesFallOnTheWords() throws {
        let r = try scan("scanned-form.pdf")
        XCTAssertEqual(r.status, .findings, "\(r.notices)")
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.ocrText && $0.page == 2 }, "\(r.notices)")
        let truth = try Self.truth("scanned-form.pdf")
        var checked = 0
        for item in truth.pages.flatMap(\.items) where ["person_name", "phone"].contains(item.category) {
            let want = try XCTUnwrap(item.bbox_pt)
            let f = try XCTUnwrap(r.findings.first { $0.category.rawValue == item.category && $0.location.page == 2 },
                                  "\(item.category) on page 2: \(r.findings.map { "\($0.category.rawValue) \($0.text)" })")
            let box = try XCTUnwrap(f.location.bbox)
            // The finding's box overlaps the truth's by at least half of the smaller one.
            let ix = max(0, min(box[2], want[2]) - max(box[0], want[0])), iy = max(0, min(box[3], want[3]) - max(box[1], want[1]))
            let smaller = min((box[2] - box[0]) * (box[3] - box[1]), (want[2] - want[0]) * (want[3] - want[1]))
            XCTAssertGreaterThan(ix * iy, 0.5 * smaller, "\(item.text): \(box) vs \(want)")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 2)
        XCTAssertFalse(r.findings.contains { $0.location.page == 1 })
    }

    /// A multi-page TIFF: each page read, findings carry the page.
    func testAMultiPageTIFFIsReadPageByPage() throws {
        let r = try scan("scans.tiff")
        XCTAssertEqual(r.format, .image)
        XCTAssertEqual(r.pages, 2)
        XCTAssertTrue(r.findings.contains { $0.location.page == 1 })
        XCTAssertTrue(r.findings.contains { $0.location.page == 2 })
    }

    /// A scan pasted into a Word file (python-docx): the picture's text is found, `part` names it.
    func testAScanPastedIntoWordIsRead() throws {
        let url = TestEnvironment.root.appendingPathComponent("Corpus/robustness/ocr/pasted-form.docx")
        let r = try ScanTests.scanner().scanFile(at: url)
        let f = try XCTUnwrap(r.findings.first { $0.source == .ocr && $0.category == .address }, "\(r.findings.map(\.text))")
        XCTAssertEqual(f.location.part, "word/media/image1.jpg")
    }

    /// Without OCR (`--no-ocr`) and on a machine without Tesseract's model, a scan is what it
    /// was: `incomplete`, never clean; the second also says why.
    func testWithoutOCRAScanStaysIncomplete() throws {
        let file = Self.dir.appendingPathComponent("scanned-only.pdf").path
        let off = try CLITests.run(["scan", "--format", "json", "--no-ocr", file])
        let offReport = try JSONDecoder().decode(ScanReport.self, from: Data(off.stdout.utf8))
        XCTAssertEqual(offReport.files.first?.status, .incomplete)
        XCTAssertEqual(offReport.files.first?.notices.map(\.code), [NoticeCode.imageOnlyPage])
        let missing = try CLITests.run(["scan", "--format", "json", file, Self.dir.appendingPathComponent("card-clean-300.png").path],
                                       environment: ["SUMI_TESSDATA": "/nonexistent"])
        let report = try JSONDecoder().decode(ScanReport.self, from: Data(missing.stdout.utf8))
        for f in report.files {
            XCTAssertEqual(f.status, .incomplete, f.path)
            XCTAssertTrue(f.notices.contains { $0.code == NoticeCode.ocrUnavailable }, "\(f.notices)")
        }
    }

    /// Below the confidence threshold a page is not read: `image_only_page` stays (the file is
    /// never clean), and the text that was read is still checked.
    func testALowConfidenceReadingIsNotARead() throws {
        var settings = OCRSettings(recognizer: FixedRecognizer())
        settings.minConfidence = 0.6
        let glyphs = "電話 03-1234-5678".map { RecognizedGlyph(text: String($0), box: BoundingBox(x0: 0, y0: 0, x1: 10, y1: 10),
                                                              confidence: 0.3, startsWord: $0 == "0") }
        let low = RecognizedText(lines: [glyphs], meanConfidence: 0.3, vertical: false, width: 100, height: 20)
        let (unit, notice) = OCROutcome.of(.success(low), page: 1, subject: "1 ページ目", settings: settings,
                                           placement: .pixels, location: Location())
        XCTAssertEqual(notice.code, NoticeCode.imageOnlyPage)
        XCTAssertTrue(notice.meansUnread)
        XCTAssertEqual(unit?.source, .ocr)
        var high = low
        high.meanConfidence = 0.9
        XCTAssertEqual(OCROutcome.of(.success(high), page: 1, subject: "1 ページ目", settings: settings,
                                     placement: .pixels, location: Location()).notice.code, NoticeCode.ocrText)
        XCTAssertFalse(Notice(code: NoticeCode.ocrText, message: "").meansUnread)
    }

    /// A PNG whose header claims 60,000 × 60,000 pixels is refused before it is decoded.
    func testAnImageThatClaimsGigapixelsIsRefusedQuickly() throws {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ body: [UInt8]) {
            let t = Array(type.utf8)
            png += withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init) + t + body
            png += withUnsafeBytes(of: crc32(t + body).bigEndian, Array.init)
        }
        chunk("IHDR", withUnsafeBytes(of: UInt32(60_000).bigEndian, Array.init) + withUnsafeBytes(of: UInt32(60_000).bigEndian, Array.init) + [8, 0, 0, 0, 0])
        chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
        chunk("IEND", [])
        let started = Date()
        let r = try ScanTests.scanner().scan(data: Data(png), name: "bomb.png")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(r.status, .incomplete, "\(r.notices)")
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.imageOnlyPage && $0.message.contains("大きすぎる") }, "\(r.notices)")
    }

    /// Copies of one scanned image in an archive are read once: the second read of the same
    /// bytes comes from `MemoizedRecognizer`, identical, without calling Tesseract again; other
    /// bytes and a failed read are not remembered.
    func testIdenticalImagesAreReadOnceByTheArchiveRecognizer() throws {
        let tesseract = try XCTUnwrap(DocumentScanner.defaultOCR?.recognizer, "Tesseract's jpn model is installed by Tools/setup.sh")
        let counting = CountingRecognizer(tesseract)
        let memo = MemoizedRecognizer(counting)
        let png = try Data(contentsOf: Self.dir.appendingPathComponent("form-a-clean-300.png"))
        let first = try memo.recognize(encoded: png, maxPixels: 100_000_000, timeLimit: 30)
        let second = try memo.recognize(encoded: png, maxPixels: 100_000_000, timeLimit: 30)
        XCTAssertEqual(counting.calls, 1)
        XCTAssertEqual(first.map { $0.lines.map { $0.map(\.text).joined() } }, second.map { $0.lines.map { $0.map(\.text).joined() } })
        XCTAssertFalse(first.flatMap(\.lines).isEmpty)
        let other = try Data(contentsOf: Self.dir.appendingPathComponent("form-b-clean-300.png"))
        _ = try memo.recognize(encoded: other, maxPixels: 100_000_000, timeLimit: 30)
        XCTAssertEqual(counting.calls, 2)
        let garbage = Data("not an image".utf8)
        XCTAssertThrowsError(try memo.recognize(encoded: garbage, maxPixels: 100_000_000, timeLimit: 30))
        XCTAssertThrowsError(try memo.recognize(encoded: garbage, maxPixels: 100_000_000, timeLimit: 30))
        XCTAssertEqual(counting.calls, 4, "a failed read is tried again")
    }

    private final class CountingRecognizer: TextRecognizer, @unchecked Sendable {
        let base: any TextRecognizer
        var calls = 0
        init(_ base: any TextRecognizer) { self.base = base }
        func recognize(_ image: GrayImage, timeLimit: Double) throws -> RecognizedText {
            calls += 1; return try base.recognize(image, timeLimit: timeLimit)
        }
        func recognize(encoded: Data, maxPixels: Int, timeLimit: Double) throws -> [RecognizedText] {
            calls += 1; return try base.recognize(encoded: encoded, maxPixels: maxPixels, timeLimit: timeLimit)
        }
    }

    private func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    private struct FixedRecognizer: TextRecognizer {
        func recognize(_ image: GrayImage, timeLimit: Double) throws -> RecognizedText { throw RecognitionError.undecodable }
        func recognize(encoded: Data, maxPixels: Int, timeLimit: Double) throws -> [RecognizedText] { throw RecognitionError.undecodable }
    }
}
