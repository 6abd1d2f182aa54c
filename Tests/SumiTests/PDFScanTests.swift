import Foundation
import SumiBatch
import XCTest
import SumiModel
import SumiReport
import SumiRules
@testable import Sumi
import SumiExtract

/// End to end on real PDFs in Corpus/: finding source, page, bbox, notices and file status.
final class PDFScanTests: XCTestCase {
    static let corpus = ScanTests.root.appendingPathComponent("Corpus")

    func scan(_ path: String) throws -> FileReport {
        try ScanTests.scanner().scanFile(at: Self.corpus.appendingPathComponent(path), displayPath: path)
    }

    func finding(_ r: FileReport, _ text: String) -> Finding? { r.findings.first { $0.text.contains(text) } }

    func testBodyFindingHasPageAndBoxFromGlyphs() throws {
        let r = try scan("samples/sample-application.pdf")
        XCTAssertEqual(r.status, .findings)
        XCTAssertEqual(r.pages, 1)
        let phone = try XCTUnwrap(finding(r, "090-1234-5678"))
        XCTAssertEqual(phone.source, .body)
        XCTAssertEqual(phone.location.page, 1)
        let bbox = try XCTUnwrap(phone.location.bbox)
        // pdftotext -bbox: 87.5 129.41 152.24 139.53 (PDF points, origin top-left).
        XCTAssertEqual(bbox[0], 87.5, accuracy: 0.5)
        XCTAssertEqual(bbox[1], 129.41, accuracy: 0.5)
        XCTAssertEqual(bbox[2], 152.24, accuracy: 0.5)
        XCTAssertEqual(bbox[3], 139.53, accuracy: 0.5)
    }

    func testCoveredAndInvisibleTextAreFoundWithNotices() throws {
        let r = try scan("eval/pdf/pdf-hidden.pdf")
        XCTAssertEqual(r.status, .findings)
        let covered = try XCTUnwrap(finding(r, "090-5512-8830"))
        XCTAssertEqual(covered.source, .covered)
        XCTAssertEqual(covered.location.page, 1)
        let box = try XCTUnwrap(covered.location.bbox)
        // The black box was drawn at x 132…201, y (top-left) 81…95.
        XCTAssertGreaterThan(box[0], 125); XCTAssertLessThan(box[2], 210)
        XCTAssertGreaterThan(box[1], 75); XCTAssertLessThan(box[3], 100)
        XCTAssertEqual(finding(r, "hidden.person@example.com")?.source, .invisibleText)
        XCTAssertEqual(finding(r, "03-5432-2201")?.source, .body)
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.coveredText && $0.message.hasPrefix("黒塗りの下に文字が残っています") })
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.invisibleText })
    }

    func testAnnotationsFormsLinksOutlineAndAttachmentsAreSources() throws {
        let a = try scan("eval/pdf/pdf-annotations.pdf")
        XCTAssertEqual(finding(a, "iwata.mariko@example.jp")?.source, .annotation)
        XCTAssertEqual(finding(a, "03-3411-7702")?.location.page, 1)
        XCTAssertNotNil(finding(a, "03-3411-7702")?.location.bbox)

        let f = try scan("eval/pdf/pdf-form.pdf")
        XCTAssertEqual(finding(f, "080-2716-4450")?.source, .formField)
        XCTAssertEqual(finding(f, "k.sudo@example.com")?.source, .formField)

        let l = try scan("eval/pdf/pdf-outline-links.pdf")
        XCTAssertEqual(finding(l, "soudan.tanaka@example.jp")?.source, .annotation)
        XCTAssertEqual(finding(l, "03-5432-7781")?.source, .annotation)
        XCTAssertEqual(finding(l, "03-5432-7780")?.source, .metadata)

        let att = try scan("eval/pdf/pdf-attachments.pdf")
        XCTAssertEqual(att.status, .findings)
        XCTAssertEqual(finding(att, "uno.saori@example.jp")?.source, .attachment)
        XCTAssertEqual(finding(att, "uno.saori@example.jp")?.location.part, "参加者名簿.csv")
        let nested = try XCTUnwrap(finding(att, "03-6805-2291"))
        XCTAssertEqual(nested.source, .attachment)
        XCTAssertEqual(nested.location.part, "連絡先.pdf")
        XCTAssertNotNil(nested.location.bbox)
    }

    func testScannedPageMakesTheFileIncompleteAndNamesThePage() throws {
        let r = try scan("eval/pdf/pdf-scanned.pdf")
        XCTAssertEqual(r.status, .incomplete)
        XCTAssertEqual(r.notices.map(\.code), [NoticeCode.imageOnlyPage])
        XCTAssertEqual(r.notices.first?.page, 2)
    }

    func testGarbageTextLayerIsIncomplete() throws {
        let r = try scan("pdf-cases/pua-tounicode.pdf")
        XCTAssertEqual(r.status, .incomplete)
        XCTAssertEqual(r.notices.first?.code, NoticeCode.unmappedGlyphs)
    }

    func testBrokenPDFsAreErrorsAndTheBatchGoesOn() throws {
        let paths = ["pdf-cases/encrypted-password.pdf", "pdf-cases/truncated.pdf", "pdf-cases/corrupt.pdf",
                     "eval/pdf/pdf-encrypted-open.pdf"]
        let targets = BatchScanner.targets(for: paths.map { Self.corpus.appendingPathComponent($0).path })
        let reports = BatchScanner(scanner: try ScanTests.scanner(), concurrency: 2).scan(targets)
        XCTAssertEqual(reports.map(\.status), [.error, .error, .error, .findings])
        XCTAssertEqual(reports[0].notices.map(\.code), [NoticeCode.encrypted])
        XCTAssertEqual(reports[1].notices.map(\.code), [NoticeCode.readError])
        XCTAssertEqual(reports[2].notices.map(\.code), [NoticeCode.readError])
        XCTAssertTrue(reports.allSatisfy { $0.format == .pdf })
        XCTAssertTrue(reports[0].notices[0].message.contains("パスワード"))
    }

    func testFileCutBeforeItsEndIsIncomplete() throws {
        let r = try scan("pdf-cases/truncated-xref.pdf")
        XCTAssertEqual(r.status, .incomplete)
        XCTAssertEqual(r.notices.map(\.code), [NoticeCode.unreadablePart])
        XCTAssertEqual(r.pages, 1)
    }

    func testTimeLimitMakesTheFileIncomplete() throws {
        let scanner = DocumentScanner(ruleSet: try ScanTests.scanner().ruleSet, limits: ExtractionLimits(timePerFile: 0))
        let r = scanner.scanFile(at: Self.corpus.appendingPathComponent("eval/pdf/pdf-scanned.pdf"))
        XCTAssertEqual(r.status, .incomplete)
        XCTAssertEqual(r.notices.first?.code, NoticeCode.timeLimit)
    }

    func testEveryCorpusPDFScansWithoutError() throws {
        let fm = FileManager.default
        let pdfs = (fm.enumerator(atPath: Self.corpus.path)?.compactMap { $0 as? String } ?? [])
            .filter { ($0.hasPrefix("eval/") || $0.hasPrefix("samples/")) && $0.hasSuffix(".pdf") }.sorted()
        XCTAssertGreaterThan(pdfs.count, 15)
        for p in pdfs {
            let r = try scan(p)
            XCTAssertNotEqual(r.status, .error, p)
            if p.hasPrefix("eval/pdf/") {
                // Each of these plants something the current rules find, or a page that was not read.
                XCTAssertNotEqual(r.status, .clean, p)
            }
        }
    }
}
