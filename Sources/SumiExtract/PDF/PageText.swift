import CPoppler
import Foundation
import SumiModel

/// The text layer of one page as poppler reads it: the text, one box per Unicode scalar
/// (PDF points, origin top-left) and each scalar's fill colour and font.
struct PageText {
    /// The text as poppler returned it (the same characters as `scalars`).
    var raw: String
    var scalars: [Unicode.Scalar]
    var boxes: [BoundingBox]
    /// Index into `styles` for each scalar.
    var styleIndex: [Int32]
    var styles: [GlyphStyle]
    /// poppler returned a different number of boxes than characters (rare, odd layouts):
    /// the boxes are then only approximate.
    var boxesMismatched: Bool

    var text: String { raw }

    /// Characters that are not white space.
    var inkCount: Int { scalars.reduce(0) { $0 + ($1.isBlank ? 0 : 1) } }

    func style(at i: Int) -> GlyphStyle? {
        guard i < styleIndex.count else { return nil }
        let k = Int(styleIndex[i])
        return k >= 0 && k < styles.count ? styles[k] : nil
    }
}

/// Fill colour (0…1) and font of a run of text.
struct GlyphStyle: Equatable {
    var red: Double, green: Double, blue: Double
    var font: String
    var size: Double

    /// Perceived lightness, 0 black … 1 white.
    var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }
}

extension PopplerPageRef {
    /// Reads the page's text layer (one poppler text pass, shared by text, layout and attributes).
    func readText() -> PageText {
        let raw = GString.take(poppler_page_get_text(handle)) ?? ""
        let scalars = Array(raw.unicodeScalars)
        var rects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var n: guint = 0
        var boxes: [BoundingBox] = []
        if poppler_page_get_text_layout(handle, &rects, &n) != 0, let rects {
            boxes.reserveCapacity(Int(n))
            for i in 0..<Int(n) {
                let r = rects[i]
                boxes.append(BoundingBox(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)))
            }
        }
        g_free(rects)
        let mismatched = boxes.count != scalars.count
        boxes = Self.align(boxes, to: scalars)

        var styles: [GlyphStyle] = []
        var styleIndex = [Int32](repeating: -1, count: scalars.count)
        let attrs = poppler_page_get_text_attributes(handle)
        forEachGList(attrs) { p in
            let a = p.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
            let style = GlyphStyle(red: Double(a.color.red) / 65535, green: Double(a.color.green) / 65535,
                                   blue: Double(a.color.blue) / 65535,
                                   font: GString.borrow(a.font_name) ?? "", size: a.font_size)
            let k: Int32
            if let last = styles.last, last == style { k = Int32(styles.count - 1) } else { styles.append(style); k = Int32(styles.count - 1) }
            let lo = max(0, Int(a.start_index)), hi = min(scalars.count - 1, Int(a.end_index))
            if lo <= hi { for i in lo...hi { styleIndex[i] = k } }
        }
        poppler_page_free_text_attributes(attrs)
        return PageText(raw: raw, scalars: scalars, boxes: boxes, styleIndex: styleIndex, styles: styles, boxesMismatched: mismatched)
    }

    /// One box per scalar. poppler gives one rectangle per character of its text, with the
    /// final line break left out; where the counts still differ, the missing boxes are
    /// empty (a finding there gets no bbox rather than a wrong one).
    static func align(_ boxes: [BoundingBox], to scalars: [Unicode.Scalar]) -> [BoundingBox] {
        if boxes.count == scalars.count { return boxes }
        let empty = BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
        if boxes.count > scalars.count { return Array(boxes.prefix(scalars.count)) }
        return boxes + Array(repeating: empty, count: scalars.count - boxes.count)
    }
}

extension Unicode.Scalar {
    /// White space as poppler's text layer produces it (ASCII space and controls, NBSP,
    /// ideographic space, the Unicode space block). A fast check: this runs on every character of every page.
    var isBlank: Bool {
        let v = value
        if v <= 0x20 { return true }
        if v < 0x85 { return false }
        return v == 0x85 || v == 0xA0 || v == 0x3000 || v == 0x1680 || (0x2000...0x200B).contains(v)
            || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0xFEFF
    }
}

extension Sequence where Element == Unicode.Scalar {
    /// The scalars as a string, through UTF-8 bytes: `String.UnicodeScalarView.append`
    /// was half the cost of putting a page in row order.
    var joinedString: String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(underestimatedCount * 3)
        for scalar in self {
            let v = scalar.value
            if v < 0x80 {
                utf8.append(UInt8(v))
            } else if v < 0x800 {
                utf8.append(UInt8(0xC0 | (v >> 6))); utf8.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                utf8.append(UInt8(0xE0 | (v >> 12))); utf8.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                utf8.append(UInt8(0xF0 | (v >> 18))); utf8.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                utf8.append(UInt8(0x80 | ((v >> 6) & 0x3F))); utf8.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
