import CPoppler
import Foundation
import SumiModel

/// An open poppler document. Owns the GObject; not shared across threads (the batch
/// scanner reads different files on different threads, each with its own document).
final class PopplerDocument {
    let handle: OpaquePointer
    /// The bytes when the document was opened from memory: poppler reads them lazily.
    private let bytes: OpaquePointer?

    /// Opens a PDF from disk (poppler maps the file) or from memory, trying the empty user
    /// password, as a viewer does. Throws `encrypted` or `read_error`.
    init(_ input: ExtractionInput) throws {
        var error: UnsafeMutablePointer<GError>? = nil
        var doc: OpaquePointer? = nil
        if let data = input.data {
            let b = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
            bytes = b
            doc = poppler_document_new_from_bytes(b, nil, &error)
        } else if let url = input.url {
            bytes = nil
            let uri = g_filename_to_uri(url.path, nil, nil)
            defer { g_free(uri) }
            doc = poppler_document_new_from_file(uri, nil, &error)
        } else {
            bytes = nil
        }
        guard let doc else {
            if let bytes { g_bytes_unref(bytes) }
            let code = error?.pointee.code ?? 0
            let domain = error?.pointee.domain ?? 0
            let encrypted = domain == poppler_error_quark() && code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
            if let error { g_error_free(error) }
            if encrypted {
                throw ExtractionError(code: NoticeCode.encrypted,
                                      message: "パスワードで保護された PDF のため読み取れません。パスワードを解除したファイルで確認してください。")
            }
            throw ExtractionError(code: NoticeCode.readError,
                                  message: "PDF が壊れているか途中で切れているため読み取れません。元のファイルを確認してください。")
        }
        handle = doc
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
        if let bytes { g_bytes_unref(bytes) }
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// The page (0-based); the caller keeps it only while working on that page.
    func page(_ index: Int) -> PopplerPageRef? {
        guard let p = poppler_document_get_page(handle, Int32(index)) else { return nil }
        return PopplerPageRef(p, index: index)
    }
}

/// One page; released as soon as the extractor moves on, so memory stays per page.
final class PopplerPageRef {
    let handle: OpaquePointer
    /// 0-based.
    let index: Int
    let width: Double
    let height: Double

    init(_ handle: OpaquePointer, index: Int) {
        self.handle = handle
        self.index = index
        var w = 0.0, h = 0.0
        poppler_page_get_size(handle, &w, &h)
        width = w; height = h
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// A rectangle from poppler's PDF space (origin bottom-left, as annotations, links and
    /// form fields come) to the report's (origin top-left).
    func topLeftBox(_ r: PopplerRectangle) -> BoundingBox {
        BoundingBox(x0: min(r.x1, r.x2), y0: height - max(r.y1, r.y2), x1: max(r.x1, r.x2), y1: height - min(r.y1, r.y2))
    }
}

/// GLib strings: take ownership of a `gchar *`, free it, return a Swift string.
enum GString {
    static func take(_ p: UnsafeMutablePointer<gchar>?) -> String? {
        guard let p else { return nil }
        defer { g_free(p) }
        return String(cString: p)
    }

    static func borrow(_ p: UnsafePointer<gchar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}

/// Walks a GList, handing each element's data to `body`.
func forEachGList(_ list: UnsafeMutablePointer<GList>?, _ body: (UnsafeMutableRawPointer) -> Void) {
    var node = list
    while let n = node {
        if let d = n.pointee.data { body(d) }
        node = n.pointee.next
    }
}
