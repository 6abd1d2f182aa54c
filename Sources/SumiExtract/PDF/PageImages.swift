import CPoppler
import Foundation
import SumiModel

/// PDF pages drawn to PNG with poppler and cairo (the same renderer as the hidden-text probe).
public enum PageImages {
    /// The first `maxPages` pages at `dpi` (96: a screen's size), or fewer when the file
    /// cannot be opened. Pages with findings are what a reviewer needs; `pages` limits the
    /// work to those when given.
    public static func render(_ input: ExtractionInput, pages: Set<Int>? = nil, maxPages: Int = 30, dpi: Double = 96) -> [PageImage] {
        guard let doc = try? PopplerDocument(input) else { return [] }
        var out: [PageImage] = []
        let scale = dpi / 72
        for i in 0..<min(doc.pageCount, 2000) where out.count < maxPages {
            if let wanted = pages, !wanted.contains(i + 1) { continue }
            guard let page = doc.page(i) else { continue }
            let w = Int((page.width * scale).rounded(.up)), h = Int((page.height * scale).rounded(.up))
            guard w > 0, h > 0, w * h <= 40_000_000,
                  let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { continue }
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { continue }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            poppler_page_render(page.handle, cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            let sink = PNGSink()
            let status = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
            if status == CAIRO_STATUS_SUCCESS {
                out.append(PageImage(page: i + 1, width: page.width, height: page.height, png: sink.data))
            }
        }
        return out
    }

    private final class PNGSink { var data = Data() }
}
