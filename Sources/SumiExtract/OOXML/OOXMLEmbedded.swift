import Foundation
import SumiModel

/// What a package holds besides its own text. Embedded Office packages (the workbook
/// behind a chart, an Excel sheet pasted into Word) are opened and read like a file, their
/// text under source `attachment`, up to `maxAttachmentDepth`; other embedded files (OLE
/// objects, PDFs) are not, so the file is incomplete. Images and macros are mentioned so
/// the reviewer knows to look.
enum OOXMLEmbedded {
    /// Fewer visible characters than this, with images, is an image-only document.
    static let imageOnlyTextLimit = 20

    static func note(_ session: OOXMLSession, relationships: [OOXMLPackage.Relationship]) {
        var embedded = Set<String>()
        var images = Set<String>()
        var macros = false
        for rel in relationships where !rel.external {
            switch rel.kind {
            case "oleObject", "package", "embeddedFile": embedded.insert(rel.target)
            case "image": images.insert(rel.target)
            case "vbaProject": macros = true
            default: break
            }
        }
        // Embedded packages also show in the part list even when a drawing refers to them.
        for part in session.package.partNames {
            if part.contains("/embeddings/") { embedded.insert(part) }
            if part.contains("/media/") { images.insert(part) }
        }
        let unread = embedded.sorted().filter { !readEmbeddedPackage(session, part: $0) }
        if !unread.isEmpty {
            session.notice(Notice(code: NoticeCode.embeddedFile, message: OOXMLMessages.embeddedObjects(unread.count),
                                  part: unread.first))
        }
        if !images.isEmpty, let ocr = session.input.ocr {
            let imageOnly = session.visibleCharacters < imageOnlyTextLimit
            for n in EmbeddedImageOCR.read(session, parts: Array(images), ocr: ocr, imageOnly: imageOnly) { session.notice(n) }
        } else if !images.isEmpty {
            // A logo beside real text is only mentioned; a document that is images with next to
            // no text (a scanned form pasted into Word) was not read, like a PDF image-only page.
            if session.visibleCharacters < imageOnlyTextLimit {
                session.notice(Notice(code: NoticeCode.imageOnlyPage, message: OOXMLMessages.imageOnly(images.count)))
            } else {
                session.notice(Notice(code: NoticeCode.embeddedImage, message: OOXMLMessages.images(images.count)))
            }
        }
        if macros || session.package.partNames.contains(where: { $0.hasSuffix("vbaProject.bin") }) {
            session.notice(Notice(code: NoticeCode.macros, message: OOXMLMessages.macros))
        }
    }

    /// Reads an embedded OOXML package through the same extractor. Its units keep their
    /// sheet, cell and page, get source `attachment`, and a part path `outer!inner`.
    /// Returns false when the part is not an Office package or could not be read at all.
    static func readEmbeddedPackage(_ session: OOXMLSession, part: String) -> Bool {
        let input = session.input
        guard input.depth < input.limits.maxAttachmentDepth, !session.outOfTime,
              let data = session.package.read(part), data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        var limits = input.limits
        limits.maxUncompressedBytes = max(0, session.package.remainingBudget)
        var inner = ExtractionInput(data: data, name: part, limits: limits, deadline: input.deadline, depth: input.depth + 1)
        inner.ocr = input.ocr
        do {
            let summary = try OOXMLExtractor(format: .xlsx).extract(inner) { unit in
                var u = unit
                u.source = .attachment
                u.location.part = part + (unit.location.part.map { "!" + $0 } ?? "")
                u.groupKey = unit.groupKey.map { part + "!" + $0 }
                session.emit(u)
            }
            for var n in summary.notices {
                n.part = part + (n.part.map { "!" + $0 } ?? "")
                session.notice(n)
            }
            return true
        } catch {
            return false
        }
    }
}
