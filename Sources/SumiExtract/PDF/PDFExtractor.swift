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

    public init() {}

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
        let hasFills = FillProbe.documentHasFills(bytes)
        let attachments = AttachmentReader(input: input)

        for unit in doc.metadataUnits() { try emit(unit) }
        for att in doc.embeddedFiles() {
            defer { g_object_unref(UnsafeMutableRawPointer(att)) }
            notices.add(try attachments.read(att, page: nil, emit: emit))
        }

        for index in 0..<pageCount {
            if input.timeIsUp {
                notices.add(Notice(code: NoticeCode.timeLimit,
                                   message: "時間制限のため \(index + 1) ページ以降を読んでいません。残りを目視で確認してください。",
                                   page: index + 1))
                break
            }
            guard let page = doc.page(index) else { notices.add(.pageUnreadable(index + 1)); continue }
            try autoreleasepoolIfAvailable {
                try readPage(page, hasFills: hasFills, attachments: attachments, notices: &notices, emit: emit)
            }
        }
        return ExtractionSummary(format: .pdf, pages: pageCount, notices: notices.all)
    }

    private func readPage(_ page: PopplerPageRef, hasFills: Bool, attachments: AttachmentReader,
                          notices: inout NoticeList, emit: (TextUnit) throws -> Void) throws {
        let number = page.index + 1
        // Row order first: hidden runs, their labels and the body all read the page as laid out.
        let text = page.readText().inRowOrder()
        let visibility = HiddenTextDetector.worthRendering(text, documentHasFills: hasFills)
            ? HiddenTextDetector().classify(page, text) : nil
        for unit in PageUnits.make(text, visibility: visibility, page: number) {
            try emit(unit)
            switch unit.source {
            case .covered: notices.addOnce(.coveredText(number))
            case .invisibleText: notices.addOnce(.invisibleText(number))
            default: break
            }
        }
        let ink = text.inkCount
        if PageChecks.isImageOnly(page, inkCount: ink) { notices.addPage(.imageOnlyPage(number)) }
        let (bad, total) = PageChecks.unmappedCount(text.scalars)
        if PageChecks.isGarbled(bad: bad, total: total) { notices.addPage(.unmappedGlyphs(number, bad: bad, total: total)) }

        let extras = page.readExtras()
        for unit in extras.units { try emit(unit) }
        for att in extras.attachments {
            defer { g_object_unref(UnsafeMutableRawPointer(att)) }
            notices.add(try attachments.read(att, page: number, emit: emit))
        }
    }

    /// A complete PDF ends with %%EOF (give or take trailing bytes); a download cut short does not.
    static func hasEndMarker(_ data: Data) -> Bool {
        data.suffix(2048).range(of: Data("%%EOF".utf8)) != nil
    }
}

/// Linux has no autorelease pool; keeps the per-page scope explicit.
@inline(__always) func autoreleasepoolIfAvailable(_ body: () throws -> Void) rethrows { try body() }

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
