import CPoppler
import Foundation
import SumiModel

/// Files embedded in a PDF (the EmbeddedFiles list and file-attachment annotations),
/// read through the same pipeline by their own format. Their text comes out with source
/// `attachment` and `location.part` naming the file; one that cannot be read is a notice
/// that makes the PDF incomplete, never a silent "clean".
struct AttachmentReader {
    let input: ExtractionInput

    /// Reads one attachment (a borrowed reference), emitting its units; returns the notices.
    func read(_ attachment: UnsafeMutablePointer<PopplerAttachment>, page: Int?,
              emit: (TextUnit) throws -> Void) throws -> [Notice] {
        let rawName = GString.borrow(attachment.pointee.name) ?? ""
        let name = rawName.isEmpty ? "（名前のない添付ファイル）" : rawName
        var notices: [Notice] = []
        // The file name and description are visible in the attachments panel.
        var label = [name]
        if let d = GString.borrow(attachment.pointee.description), !d.isEmpty, d != rawName { label.append(d) }
        try emit(TextUnit(text: label.joined(separator: "\n"), source: .attachment,
                          location: Location(page: page, part: name), fieldLabel: "添付ファイル名"))

        guard input.depth < input.limits.maxAttachmentDepth else {
            return [.attachmentUnreadable(name, reason: "添付ファイルの入れ子が深すぎます")]
        }
        let limit = input.limits.maxUncompressedBytes
        guard let data = Self.bytes(attachment, limit: limit) else {
            return [Notice(code: NoticeCode.sizeLimit,
                           message: "添付ファイル「\(name)」が大きすぎるため読んでいません。目視で確認してください。", part: name)]
        }
        guard !data.isEmpty else { return [] }
        // The same intake as a file the user names: legacy files, images and all.
        guard case .read(_, let extractor) = ExtractorRegistry.intake(for: FormatDetector.detect(name: rawName, head: data.prefix(8192)),
                                                                      name: rawName) else {
            return [.attachmentUnreadable(name, reason: "対応していない形式です")]
        }
        var inner = ExtractionInput(data: data, name: name, limits: input.limits, deadline: input.deadline,
                                    depth: input.depth + 1)
        inner.ocr = input.ocr
        do {
            let summary = try extractor.extract(inner) { unit in
                var u = unit
                u.source = .attachment
                u.location.part = unit.location.part.map { "\(name)/\($0)" } ?? name
                u.groupKey = unit.groupKey.map { "\(name)#\($0)" }
                try emit(u)
            }
            for var n in summary.notices {
                n.part = n.part.map { "\(name)/\($0)" } ?? name
                n.message = "添付ファイル「\(name)」: " + n.message
                notices.append(n)
            }
            if summary.failed { notices.append(.attachmentUnreadable(name, reason: "読み取りに失敗しました")) }
        } catch let e as ExtractionError {
            notices.append(.attachmentUnreadable(name, reason: e.message))
        }
        return notices
    }

    /// The attachment's bytes, or nil past `limit`.
    static func bytes(_ attachment: UnsafeMutablePointer<PopplerAttachment>, limit: Int64) -> Data? {
        final class Sink { var data = Data(); var limit: Int64; var exceeded = false; init(_ l: Int64) { limit = l } }
        let sink = Sink(limit)
        let box = Unmanaged.passUnretained(sink).toOpaque()
        let save: PopplerAttachmentSaveFunc = { buf, count, user, _ in
            guard let user, let buf else { return 1 }
            let s = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
            if Int64(s.data.count) + Int64(count) > s.limit { s.exceeded = true; return 1 }
            s.data.append(UnsafeRawPointer(buf).assumingMemoryBound(to: UInt8.self), count: Int(count))
            return 1
        }
        var error: UnsafeMutablePointer<GError>? = nil
        _ = poppler_attachment_save_to_callback(attachment, save, box, &error)
        if let error { g_error_free(error) }
        return withExtendedLifetime(sink) { sink.exceeded ? nil : sink.data }
    }
}

extension PopplerDocument {
    /// The document-level embedded files (owned references; unref each when done).
    func embeddedFiles() -> [UnsafeMutablePointer<PopplerAttachment>] {
        guard poppler_document_has_attachments(handle) != 0 else { return [] }
        var out: [UnsafeMutablePointer<PopplerAttachment>] = []
        let list = poppler_document_get_attachments(handle)
        forEachGList(list) { out.append($0.assumingMemoryBound(to: PopplerAttachment.self)) }
        g_list_free(list)
        return out
    }
}
