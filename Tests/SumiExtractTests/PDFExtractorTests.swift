import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// The PDF extractor on real files from Corpus/ (made by Tools/corpus/pdf_cases.py and generate.py).
final class PDFExtractorTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus")

    struct Result { var units: [TextUnit]; var summary: ExtractionSummary }

    func extract(_ path: String, limits: ExtractionLimits = ExtractionLimits(), deadline: Date? = nil) throws -> Result {
        let url = Self.corpus.appendingPathComponent(path)
        var units: [TextUnit] = []
        let summary = try PDFExtractor().extract(ExtractionInput(url: url, name: path, limits: limits, deadline: deadline)) { units.append($0) }
        return Result(units: units, summary: summary)
    }

    func codes(_ r: Result) -> [String] { r.summary.notices.map(\.code) }

    func testScalarsJoinIntoTheSameStringAsTheStandardLibraryMakes() {
        let text = "a\t髙橋\u{7F}é\u{800}\u{FFFF}𠮷 ⾼\n"
        XCTAssertEqual(Array(text.unicodeScalars).joinedString, text)
        XCTAssertEqual([Unicode.Scalar]().joinedString, "")
    }

    func testOneBodyUnitPerPageWithOneBoxPerScalarMatchingPoppler() throws {
        let r = try extract("samples/sample-application.pdf")
        let body = r.units.filter { $0.source == .body }
        XCTAssertEqual(body.count, r.summary.pages)
        for u in body {
            XCTAssertEqual(u.glyphBoxes?.count, u.text.unicodeScalars.count)
        }
        // pdftotext -bbox puts 090-1234-5678 at x 87.5…152.24, y 129.41…139.53 (origin top-left).
        let u = try XCTUnwrap(body.first { $0.text.contains("090-1234-5678") })
        let scalars = Array(u.text.unicodeScalars)
        let start = try XCTUnwrap((0..<scalars.count).first { String(String.UnicodeScalarView(scalars[$0..<min(scalars.count, $0 + 13)])) == "090-1234-5678" })
        let boxes = u.glyphBoxes![start..<start + 13]
        let box = boxes.dropFirst().reduce(boxes.first!) { $0.union($1) }
        XCTAssertEqual(box.x0, 87.5, accuracy: 0.5)
        XCTAssertEqual(box.x1, 152.24, accuracy: 0.5)
        XCTAssertEqual(box.y0, 129.41, accuracy: 0.5)
        XCTAssertEqual(box.y1, 139.53, accuracy: 0.5)
    }

    func testBoxesMatchTextOnEveryCorpusPDF() throws {
        let fm = FileManager.default
        let pdfs = (fm.enumerator(atPath: Self.corpus.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".pdf") && $0.hasPrefix("eval/") || $0.hasPrefix("samples/") && $0.hasSuffix(".pdf") }
        XCTAssertGreaterThan(pdfs.count, 10)
        for path in pdfs {
            let doc = try PopplerDocument(ExtractionInput(url: Self.corpus.appendingPathComponent(path), name: path))
            for i in 0..<doc.pageCount {
                let t = try XCTUnwrap(doc.page(i)).readText()
                XCTAssertFalse(t.boxesMismatched, "\(path) page \(i + 1): \(t.scalars.count) characters, boxes differ")
            }
        }
    }

    func testTableCellsThatWrapStayOneTextPerPage() throws {
        let r = try extract("pdf-cases/table-wrap.pdf")
        let body = r.units.filter { $0.source == .body }
        XCTAssertEqual(body.count, 1)
        let text = body[0].text
        XCTAssertTrue(text.contains("長谷部\n千代子"), text)
        XCTAssertTrue(text.contains("世田谷区若林四丁目\n22番3号"), text)
        XCTAssertTrue(text.contains("odagiri.\nmakoto@example.jp"), text)
        XCTAssertTrue(codes(r).isEmpty, "\(codes(r))")
    }

    func testMetadataOutlineAndLinks() throws {
        let r = try extract("eval/pdf/pdf-outline-links.pdf")
        let outline = r.units.filter { $0.source == .metadata && $0.location.part == "Outline" }
        XCTAssertEqual(outline.map(\.text), ["担当 田中 美穂（03-5432-7780）"])
        let links = r.units.filter { $0.source == .annotation }.map(\.text).sorted()
        XCTAssertEqual(links, ["mailto:soudan.tanaka@example.jp", "tel:03-5432-7781"])
        XCTAssertTrue(r.units.filter { $0.source == .annotation }.allSatisfy { $0.location.page == 1 && $0.location.bbox != nil })

        let roster = try extract("eval/roster/roster-05.pdf")
        XCTAssertTrue(roster.units.contains { $0.source == .metadata && $0.location.part == "Info/Author" && $0.text == "福田 俊介" })
    }

    func testXMPValues() {
        let xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description><dc:creator><rdf:Seq><rdf:li>山田 &amp; 花子</rdf:li></rdf:Seq></dc:creator>
        <pdf:Producer>Writer</pdf:Producer></rdf:Description></rdf:RDF></x:xmpmeta>
        """
        let v = XMPText.values(xmp)
        XCTAssertEqual(v.map(\.0), ["dc:creator", "pdf:Producer"])
        XCTAssertEqual(v.map(\.1), ["山田 & 花子", "Writer"])
    }

    func testAnnotationsNotesFreeTextStampRedactionAndAuthor() throws {
        let r = try extract("eval/pdf/pdf-annotations.pdf")
        let texts = r.units.filter { $0.source == .annotation }.map(\.text)
        XCTAssertTrue(texts.contains("発言者は岩田 真理子さん（090-4821-3375）"), "\(texts)")
        XCTAssertTrue(texts.contains("森本 大輔"), "author of the note: \(texts)")
        XCTAssertTrue(texts.contains("要確認：iwata.mariko@example.jp へ議事録送付"))
        XCTAssertTrue(texts.contains("決裁済 堀内 敏夫 令和7年6月2日"))
        XCTAssertTrue(texts.contains("墨消し予定：03-3411-7702"), "unapplied redaction annotation")
        // The popup repeats its parent note: reported once.
        XCTAssertEqual(texts.filter { $0.hasPrefix("発言者は") }.count, 1)
    }

    func testFormFieldValuesWithTheirLabels() throws {
        let r = try extract("eval/pdf/pdf-form.pdf")
        let fields = r.units.filter { $0.source == .formField }
        XCTAssertEqual(Set(fields.map(\.text)), ["須藤 香織", "080-2716-4450", "k.sudo@example.com"])
        XCTAssertEqual(fields.first { $0.text == "須藤 香織" }?.fieldLabel, "氏名")
    }

    func testAttachmentsAreReadByTheirOwnFormat() throws {
        let r = try extract("eval/pdf/pdf-attachments.pdf")
        let att = r.units.filter { $0.source == .attachment }
        XCTAssertTrue(att.contains { $0.location.part == "参加者名簿.csv" && $0.text.contains("090-3381-6024") }, "\(att.map(\.text))")
        let inner = try XCTUnwrap(att.first { $0.location.part == "連絡先.pdf" && $0.text.contains("03-6805-2291") })
        XCTAssertEqual(inner.location.page, 1)
        XCTAssertNotNil(inner.glyphBoxes)
        XCTAssertTrue(codes(r).isEmpty, "\(codes(r))")

        // Depth limit: the nested PDF may not be opened, and that is a notice, never silence.
        let shallow = try extract("eval/pdf/pdf-attachments.pdf", limits: ExtractionLimits(maxAttachmentDepth: 0))
        XCTAssertEqual(shallow.summary.notices.filter { $0.code == NoticeCode.embeddedFile }.count, 2)
        XCTAssertTrue(shallow.summary.notices.allSatisfy(\.meansUnread))
    }

    func testTextUnderBlackBoxAndWhiteOnWhite() throws {
        let r = try extract("eval/pdf/pdf-hidden.pdf")
        let covered = r.units.filter { $0.source == .covered }
        XCTAssertEqual(covered.map(\.text), ["090-5512-8830"])
        XCTAssertEqual(covered.first?.fieldLabel, "申出者の電話：")
        XCTAssertEqual(covered.first?.glyphBoxes?.count, 13)
        let invisible = r.units.filter { $0.source == .invisibleText }
        XCTAssertEqual(invisible.count, 1)
        XCTAssertTrue(invisible[0].text.contains("hidden.person@example.com"), invisible[0].text)
        let body = try XCTUnwrap(r.units.first { $0.source == .body })
        XCTAssertFalse(body.text.contains("090-5512-8830"), "hidden text is reported once, under its own source")
        XCTAssertTrue(body.text.contains("担当課の電話 03-5432-2201"), "text on a highlight drawn before it stays body")
        XCTAssertEqual(Set(codes(r)), [NoticeCode.coveredText, NoticeCode.invisibleText])
        // Dark text alone would not trigger rendering; the document's fills do.
        XCTAssertTrue(HiddenTextDetector.worthRendering(
            PageText(raw: "a", scalars: ["a"], boxes: [BoundingBox(x0: 0, y0: 0, x1: 1, y1: 1)], styleIndex: [0],
                     styles: [GlyphStyle(red: 0, green: 0, blue: 0, font: "F", size: 10)], boxesMismatched: false),
            documentHasFills: true))
        XCTAssertTrue(r.summary.notices.contains { $0.code == NoticeCode.coveredText && $0.message.contains("黒塗りの下に文字が残っています") && $0.page == 1 })
    }

    func testKindsOfFakeRedaction() throws {
        let r = try extract("pdf-cases/covered-kinds.pdf")
        func source(_ s: String) -> Source? { r.units.first { $0.source != .body && $0.text.contains(s) }?.source ?? (r.units.first { $0.text.contains(s) }?.source) }
        XCTAssertEqual(source("03-1111-2222"), .covered, "black box over black text")
        XCTAssertEqual(source("03-3333-4444"), .covered, "box over about 83 % of the glyph boxes (x-ray: ≥ 80 %)")
        XCTAssertEqual(source("03-5555-6666"), .covered, "red box")
        XCTAssertEqual(source("03-7777-8888"), .invisibleText, "white-out: nothing of the dark text shows")
        XCTAssertEqual(source("03-9999-0000"), .body, "a box over 30 % leaves the text readable")
        XCTAssertEqual(r.units.filter { $0.source == .covered }.map(\.fieldLabel), ["黒い箱：", "ほぼ全部：", "赤い箱："])
    }

    func testOrdinaryPagesHaveNoHiddenText() throws {
        for path in ["samples/sample-application.pdf", "eval/application/app-01.pdf", "eval/roster/roster-05.pdf", "eval/pdf/pdf-form.pdf"] {
            let r = try extract(path)
            XCTAssertFalse(r.units.contains { $0.source == .covered || $0.source == .invisibleText }, path)
        }
    }

    func testExistingRecordWithFakeRedaction() throws {
        let r = try extract("eval/records/rec-03.pdf")
        XCTAssertEqual(r.units.filter { $0.source == .covered }.map(\.text), ["岡田 和夫"])
        XCTAssertTrue(r.units.contains { $0.source == .invisibleText && $0.text.contains("世田谷区千歳台6") })
    }

    func testScannedPageIsNamed() throws {
        let r = try extract("eval/pdf/pdf-scanned.pdf")
        XCTAssertEqual(r.summary.notices.map(\.code), [NoticeCode.imageOnlyPage])
        XCTAssertEqual(r.summary.notices.first?.page, 2)
        XCTAssertTrue(r.summary.notices.first?.message.contains("2 ページ") ?? false)
    }

    func testPrivateUseGarbageIsNotClean() throws {
        let r = try extract("pdf-cases/pua-tounicode.pdf")
        XCTAssertEqual(codes(r), [NoticeCode.unmappedGlyphs])
        XCTAssertTrue(r.summary.notices.allSatisfy(\.meansUnread))
    }

    func testEncryptedWithEmptyUserPasswordOpens() throws {
        let r = try extract("eval/pdf/pdf-encrypted-open.pdf")
        XCTAssertTrue(r.units.contains { $0.source == .body && $0.text.contains("03-5432-6610") })
    }

    func testBrokenInputThrowsStableCodes() {
        for (path, code) in [("pdf-cases/encrypted-password.pdf", NoticeCode.encrypted), ("pdf-cases/truncated.pdf", NoticeCode.readError),
                             ("pdf-cases/truncated-tail.pdf", NoticeCode.readError), ("pdf-cases/corrupt.pdf", NoticeCode.readError)] {
            XCTAssertThrowsError(try extract(path), path) { e in
                XCTAssertEqual((e as? ExtractionError)?.code, code, path)
            }
        }
        var units = 0
        XCTAssertThrowsError(try PDFExtractor().extract(ExtractionInput(data: Data("%PDF-1.7\n".utf8), name: "x.pdf")) { _ in units += 1 })
        XCTAssertEqual(units, 0)
    }

    func testTimeLimitStopsBetweenPages() throws {
        let r = try extract("eval/application/app-01.pdf", deadline: Date().addingTimeInterval(-1))
        XCTAssertEqual(r.summary.notices.first?.code, NoticeCode.timeLimit)
        XCTAssertEqual(r.summary.notices.first?.page, 1)
        XCTAssertFalse(r.units.contains { $0.source == .body })
    }

    func testFillProbe() {
        XCTAssertTrue(FillProbe.hasFillOperator(Array("0 0 1 rg 10 10 50 50 re f\n".utf8)))
        XCTAssertTrue(FillProbe.hasFillOperator(Array("10 10 50 50 re\nf*".utf8)))
        XCTAssertFalse(FillProbe.hasFillOperator(Array("BT /F1 10 Tf (of f) Tj ET".utf8)))
        XCTAssertFalse(FillProbe.hasFillOperator(Array("0 0 m 10 10 l S".utf8)))
    }

    func testFillProbeOnRealFiles() throws {
        func probe(_ path: String) throws -> Bool {
            FillProbe.documentHasFills(try Data(contentsOf: Self.corpus.appendingPathComponent(path)))
        }
        // reportlab writes content as ASCII85 + Flate: the black box in pdf-hidden must be seen.
        XCTAssertTrue(try probe("eval/pdf/pdf-hidden.pdf"))
        XCTAssertTrue(try probe("eval/records/rec-03.pdf"))
        XCTAssertTrue(try probe("eval/pdf/pdf-scanned.pdf"), "an image may cover text too")
        XCTAssertFalse(try probe("eval/pdf/pdf-outline-links.pdf"), "text only: no page needs rendering")
        XCTAssertEqual(FillProbe.ascii85(Array("87cURD]i,\"Ebo80~>".utf8)).map { String(decoding: $0, as: UTF8.self) }, "Hello World!")
        XCTAssertEqual(FillProbe.ascii85(Array("87cURD]j7BEbo7~>".utf8)).map { String(decoding: $0, as: UTF8.self) }, "Hello world")
    }

    func testNoticeListCapsPageNotices() {
        var list = NoticeList()
        for p in 1...25 { list.addPage(.imageOnlyPage(p)) }
        XCTAssertEqual(list.all.count, PDFExtractor.noticesPerKind + 1)
        XCTAssertTrue(list.all.last?.message.contains("5 ページ") ?? false)
    }
}
