import CPoppler
import Foundation
import SumiModel

/// Reads PDF through poppler-glib, as a determined reader would: the text of each page with
/// a box per character, text hidden under shapes or in the background colour, document
/// properties, XMP, bookmarks, annotations, form values, link targets and attached files.
/// Pages are read one at a time and released, so memory is bounded per page.
public struct PDFExtractor: Extractor {
    /// Page notices of one kind listed one by one before they are summed up.
    static let noticesPerKind = 20

    /// A second reader pays for opening the document again: only worth it from this many pages each.
    let pagesPerReader: Int

    public init(pagesPerReader: Int = 8) { self.pagesPerReader = max(1, pagesPerReader) }

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        let bytes = try input.readAll()
        guard !bytes.isEmpty else { throw ExtractionError(code: NoticeCode.emptyFile, message: Notice.emptyFile.message) }
        let doc = try PopplerDocument(input)
        let pageCount = doc.pageCount
        guard pageCount > 0 else {
            throw ExtractionError(code: NoticeCode.readError, message: "PDF にページが見つかりません。ファイルが壊れている可能性があります。")
        }
        var notices = NoticeList()
        if !Self.hasEndMarker(bytes) { notices.add(.pdfTruncated()) }
        let survey = FillProbe.survey(bytes)
        let hasFills = survey.hasFills
        // Streams of an encrypted file (an open password, or none) are ciphertext until
        // poppler decrypts them: only a plain file's streams can be judged here.
        if survey.damagedStreams > 0, !FillProbe.mentionsEncryption(bytes) { notices.add(.damagedStreams(survey.damagedStreams)) }
        let attachments = AttachmentReader(input: input)

        for unit in doc.metadataUnits() { try emit(unit) }
        for att in doc.embeddedFiles() {
            defer { g_object_unref(UnsafeMutableRawPointer(att)) }
            notices.add(try attachments.read(att, page: nil, emit: emit))
        }

        // Pages: on this thread alone, or shared with helpers that open their own copy of the
        // document (poppler objects stay on the thread that made them); emitted in page order.
        let readers = min(input.readers, max(1, pageCount / pagesPerReader))
        let stoppedAt = try PageReading.run(pageCount: pageCount, readers: readers, input: input,
                                            open: { try PopplerDocument(input) }, first: doc) { document, index in
            guard let page = document.page(index) else {
                var result = PageResult()
                result.notices.append(.add(.pageUnreadable(index + 1)))
                return result
            }
            return try readPage(page, hasFills: hasFills, attachments: attachments, ocr: input.ocr)
        } emit: { result in
            for unit in result.units { try emit(unit) }
            for n in result.notices { n.apply(to: &notices) }
            if let error = result.error { throw error }
        }
        if let stoppedAt {
            notices.add(Notice(code: NoticeCode.timeLimit,
                               message: "時間制限のため \(stoppedAt + 1) ページ以降を読んでいません。残りを目視で確認してください。",
                               page: stoppedAt + 1))
        }
        return ExtractionSummary(format: .pdf, pages: pageCount, notices: notices.all)
    }

    /// Reads one page into a result (units and notices), without emitting: the page may be
    /// read on a helper thread and emitted later, in order.
    private func readPage(_ page: PopplerPageRef, hasFills: Bool, attachments: AttachmentReader, ocr: OCRSettings?) throws -> PageResult {
        var result = PageResult()
        let number = page.index + 1
        // Row order first: hidden runs, their labels and the body all read the page as laid out.
        let text = page.readText().inRowOrder()
        let visibility = HiddenTextDetector.worthRendering(text, documentHasFills: hasFills)
            ? HiddenTextDetector().classify(page, text) : nil
        for unit in PageUnits.make(text, visibility: visibility, page: number) {
            result.units.append(unit)
            switch unit.source {
            case .covered: result.notices.append(.addOnce(.coveredText(number)))
            case .invisibleText: result.notices.append(.addOnce(.invisibleText(number)))
            default: break
            }
        }
        let ink = text.inkCount
        // What the page shows only as pictures: OCR'd when an engine is given, else (and when
        // OCR reads too little) the page is `image_only_page`.
        if PageChecks.isImageOnly(page, inkCount: ink) {
            if let ocr {
                let (unit, notice) = PageOCR.read(page, number: number, region: nil, settings: ocr)
                if let unit { result.units.append(unit) }
                result.notices.append(.addPage(notice))
            } else {
                result.notices.append(.addPage(.imageOnlyPage(number)))
            }
        } else if let ocr {
            for area in PageOCR.pastedScans(page, textBoxes: text.boxes, share: ocr.pastedScanShare) {
                let (unit, notice) = PageOCR.read(page, number: number, region: area, settings: ocr)
                if let unit { result.units.append(unit) }
                result.notices.append(.addPage(notice))
            }
        }
        let (bad, total) = PageChecks.unmappedCount(text.scalars)
        if PageChecks.isGarbled(bad: bad, total: total) {
            result.notices.append(.addPage(.unmappedGlyphs(number, bad: bad, total: total)))
        }

        let extras = page.readExtras()
        result.units += extras.units
        for att in extras.attachments {
            defer { g_object_unref(UnsafeMutableRawPointer(att)) }
            do {
                let n = try attachments.read(att, page: number) { result.units.append($0) }
                result.notices.append(.addAll(n))
            } catch {
                result.error = error
                break
            }
        }
        return result
    }

    /// A complete PDF ends with %%EOF (give or take trailing bytes); a download cut short does not.
    static func hasEndMarker(_ data: Data) -> Bool {
        data.suffix(2048).range(of: Data("%%EOF".utf8)) != nil
    }
}

/// Notices in order, with page notices of one kind capped (a 500-page scan gets 20 lines and a sum).
struct NoticeList {
    private(set) var all: [Notice] = []
    private var perCode: [String: Int] = [:]
    private var keys = Set<String>()

    mutating func add(_ n: Notice) { all.append(n) }
    mutating func add(_ ns: [Notice]) { all.append(contentsOf: ns) }

    mutating func addOnce(_ n: Notice) {
        if keys.insert("\(n.code)|\(n.page ?? 0)").inserted { addPage(n) }
    }

    mutating func addPage(_ n: Notice) {
        let k = perCode[n.code, default: 0]
        perCode[n.code] = k + 1
        if k < PDFExtractor.noticesPerKind {
            all.append(n)
        } else if let i = all.lastIndex(where: { $0.code == n.code && $0.page == nil && $0.message.hasPrefix("ほかに") }) {
            all[i] = .morePages(code: n.code, count: k + 1 - PDFExtractor.noticesPerKind)
        } else {
            all.append(.morePages(code: n.code, count: 1))
        }
    }
}
