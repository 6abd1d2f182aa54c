import CPoppler
import Foundation
import SumiModel

/// OCR of what a PDF page shows only as pictures: a page that is a scan (no text layer over a
/// page-sized image), and a scan pasted onto a page that also has text (an image covering a
/// large share of the page with almost no text of the layer inside it — a searchable scan,
/// whose OCR layer is already there, is not read twice).
enum PageOCR {
    /// The page's images (PDF points, origin top-left).
    static func imageAreas(_ page: PopplerPageRef) -> [BoundingBox] {
        let list = poppler_page_get_image_mapping(page.handle)
        defer { poppler_page_free_image_mapping(list) }
        var out: [BoundingBox] = []
        forEachGList(list) { p in
            let r = p.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
            out.append(BoundingBox(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)))
        }
        return out
    }

    /// Pasted scans worth OCR on a page with text: images of at least `share` of the page
    /// holding fewer than 10 characters of the text layer.
    static func pastedScans(_ page: PopplerPageRef, textBoxes: [BoundingBox], share: Double) -> [BoundingBox] {
        let pageArea = page.width * page.height
        guard pageArea > 0 else { return [] }
        return imageAreas(page).filter { area in
            let clipped = BoundingBox(x0: max(0, area.x0), y0: max(0, area.y0), x1: min(page.width, area.x1), y1: min(page.height, area.y1))
            guard !clipped.isEmpty, (clipped.x1 - clipped.x0) * (clipped.y1 - clipped.y0) >= share * pageArea else { return false }
            let inside = textBoxes.lazy.filter { b in
                let cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2
                return cx >= clipped.x0 && cx <= clipped.x1 && cy >= clipped.y0 && cy <= clipped.y1
            }.prefix(10).count
            return inside < 10
        }
    }

    /// OCR of `region` of the page (the whole page when nil): its unit and notice.
    static func read(_ page: PopplerPageRef, number: Int, region: BoundingBox?, settings: OCRSettings) -> (unit: TextUnit?, notice: Notice) {
        let area = region ?? BoundingBox(x0: 0, y0: 0, x1: page.width, y1: page.height)
        let subject = region == nil ? "\(number) ページ目" : "\(number) ページ目に貼られた画像"
        var location = Location()
        location.page = number
        guard let image = render(page, area: area, dpi: settings.dpi) else {
            return OCROutcome.of(.failure(RecognitionError.undecodable), page: number, subject: subject, settings: settings,
                                 placement: .pixels, location: location)
        }
        let read = Result { try settings.recognizer.recognize(image, timeLimit: settings.pageTimeLimit) }
        let placement = OCRUnits.Placement(scale: 72 / settings.dpi, originX: area.x0, originY: area.y0)
        return OCROutcome.of(read, page: number, subject: subject, settings: settings, placement: placement, location: location)
    }

    /// The area drawn at `dpi` as 8-bit gray, white where nothing is drawn; nil past 100 MP.
    static func render(_ page: PopplerPageRef, area: BoundingBox, dpi: Double) -> GrayImage? {
        let scale = dpi / 72
        let w = Int(((area.x1 - area.x0) * scale).rounded(.up)), h = Int(((area.y1 - area.y0) * scale).rounded(.up))
        guard w > 0, h > 0, w * h <= 100_000_000,
              let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        cairo_translate(cr, -area.x0, -area.y0)
        poppler_page_render(page.handle, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<h {
                let row = data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: w) { $0 }
                for x in 0..<w {
                    let p = row[x]
                    let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                    out[y * w + x] = UInt8((r * 54 + g * 183 + b * 19) >> 8)
                }
            }
        }
        return GrayImage(width: w, height: h, pixels: pixels, dpi: Int(dpi))
    }
}
