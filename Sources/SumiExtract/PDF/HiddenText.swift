import CPoppler
import Foundation
import SumiModel

/// How a character of the text layer shows on the rendered page.
enum GlyphVisibility: UInt8 {
    case visible
    /// Painted over by an opaque single-colour shape (fake redaction).
    case covered
    /// Drawn in the colour of what is under it (white on white), or not drawn at all.
    case invisible
}

/// Finds text a reader cannot see but can copy, the way x-ray does: render the page and look
/// at the pixels under each glyph box. A glyph that shows is not one flat colour; a glyph at
/// least 80 % under an opaque single-colour shape is; a glyph drawn in the background colour
/// leaves the box flat in its own colour.
struct HiddenTextDetector {
    /// Pixels per PDF point (144 dpi): a 10.5 pt glyph is about 21 px, fine enough that the
    /// 80 % rule is not decided by rounding to whole pixels.
    var scale: Double = 2.0

    /// Whether the page is worth rendering: the document paints filled shapes (text may be
    /// under one), or the page has text in a light colour (white on white).
    static func worthRendering(_ text: PageText, documentHasFills: Bool) -> Bool {
        guard text.inkCount > 0 else { return false }
        return documentHasFills || text.styles.contains { $0.luminance > 0.85 }
    }

    /// One visibility per scalar of `text`, or nil when the page could not be rendered.
    func classify(_ page: PopplerPageRef, _ text: PageText) -> [GlyphVisibility]? {
        let w = Int((page.width * scale).rounded(.up)), h = Int((page.height * scale).rounded(.up))
        guard w > 0, h > 0, w * h <= 40_000_000 else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page.handle, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        return classify(Pixels(data: data, stride: stride, width: w, height: h), text)
    }

    /// The decision on a rendered page (separate from rendering so that it can be tested on
    /// pixels made by hand).
    func classify(_ image: Pixels, _ text: PageText) -> [GlyphVisibility] {
        var result = [GlyphVisibility](repeating: .visible, count: text.scalars.count)
        // Fonts that rendered visibly somewhere on the page: a flat white box over dark text
        // then means the glyph was hidden, not that the font failed to render here.
        var fontRenders = Set<String>()
        var flatWhite: [Int] = []
        for i in text.scalars.indices where !text.scalars[i].isBlank {
            guard let style = text.style(at: i) else { continue }
            let b = text.boxes[i]
            guard !b.isEmpty, let stats = image.stats(b, scale: scale, ink: style) else { continue }
            let (dominant, share, inkShare) = (stats.dominant, stats.share, stats.inkShare)
            let textIsShown = style.distance(to: dominant) < 0.25
            if textIsShown {
                // The box is flat in the text's own colour: black text under a black box, or
                // white text on white paper.
                if share >= 0.8 { result[i] = dominant.luminance > 0.85 ? .invisible : .covered } else { fontRenders.insert(style.font) }
            } else if inkShare >= 0.03 {
                fontRenders.insert(style.font)
            } else if share >= 0.8 && dominant.luminance <= 0.85 {
                result[i] = .covered // a dark or coloured shape over the glyph
            } else if share >= 0.995 {
                flatWhite.append(i) // nothing of the glyph shows on a light background
            } else {
                fontRenders.insert(style.font)
            }
        }
        let shownElsewhere = VerticalInkOffset.glyphsDrawnOffTheirBoxes(flatWhite, text: text, image: image, scale: scale)
        for i in flatWhite where !shownElsewhere.contains(i) && (text.style(at: i).map({ fontRenders.contains($0.font) }) ?? false) {
            result[i] = .invisible
        }
        return result
    }
}

/// Vertical writing (縦書き) in a font that is not embedded: the viewer substitutes a real
/// Japanese font (IPAex, Noto CJK on most Japanese machines) whose vertical metrics differ
/// from what poppler assumes for the text layer, and the ink of a column lands about one glyph
/// below (or above) the boxes. Seen on reportlab's HeiseiMin-W3 with UniJIS-UCS2-V and
/// fonts-ipaexfont installed: the first glyph's box of each column was blank paper, so the
/// probe called it invisible text. A column is therefore judged as a whole: the offset along
/// the column (none, one glyph down, one glyph up) that shows the most glyphs is the one the
/// font drew with, and a glyph whose ink shows at that offset is visible.
enum VerticalInkOffset {
    static func glyphsDrawnOffTheirBoxes(_ candidates: [Int], text: PageText, image: Pixels, scale: Double) -> Set<Int> {
        guard !candidates.isEmpty, let pieces = TextPieces.split(text) else { return [] }
        var shown = Set<Int>()
        let wanted = Set(candidates)
        for piece in pieces where piece.vertical {
            let glyphs = piece.range.filter { !text.scalars[$0].isBlank && !text.boxes[$0].isEmpty }
            guard glyphs.contains(where: wanted.contains) else { continue }
            let em = piece.em
            var best: (shift: Double, count: Int) = (0, -1)
            for shift in [0, em, -em] {
                let count = glyphs.filter { inkShows(at: $0, shift: shift, text: text, image: image, scale: scale) }.count
                if count > best.count { best = (shift, count) }
            }
            // The offset must explain the column: most of its glyphs show there.
            guard best.shift != 0, best.count * 2 > glyphs.count else { continue }
            for i in glyphs where wanted.contains(i) && inkShows(at: i, shift: best.shift, text: text, image: image, scale: scale) {
                shown.insert(i)
            }
        }
        return shown
    }

    static func inkShows(at i: Int, shift: Double, text: PageText, image: Pixels, scale: Double) -> Bool {
        guard let style = text.style(at: i) else { return false }
        var b = text.boxes[i]
        b.y0 += shift; b.y1 += shift
        guard let stats = image.stats(b, scale: scale, ink: style) else { return false }
        return stats.inkShare >= 0.03
    }
}

extension GlyphStyle {
    func distance(to c: RGB) -> Double { max(abs(red - c.red), abs(green - c.green), abs(blue - c.blue)) }
}

struct RGB: Hashable {
    var red: Double, green: Double, blue: Double
    var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }
}

/// A rendered page (cairo RGB24: little-endian 0xXXRRGGBB words).
struct Pixels {
    let data: UnsafeMutablePointer<UInt8>
    let stride: Int
    let width: Int
    let height: Int

    struct Stats { var dominant: RGB; var share: Double; var inkShare: Double }

    /// The most common colour in the glyph box (slightly inset, so neighbours do not bleed in),
    /// its share of the box, and the share of pixels close to the text colour.
    func stats(_ b: BoundingBox, scale: Double, ink: GlyphStyle) -> Stats? {
        // Glyph boxes span the font's full ascent and descent and touch their neighbours: a
        // small inset keeps the next character and the line above or below out.
        let insetX = (b.x1 - b.x0) * 0.1, insetY = (b.y1 - b.y0) * 0.04
        let x0 = max(0, Int(((b.x0 + insetX) * scale).rounded(.down))), x1 = min(width, Int(((b.x1 - insetX) * scale).rounded(.up)))
        let y0 = max(0, Int(((b.y0 + insetY) * scale).rounded(.down))), y1 = min(height, Int(((b.y1 - insetY) * scale).rounded(.up)))
        guard x1 - x0 >= 2, y1 - y0 >= 2 else { return nil }
        // A glyph box holds few distinct colours (paper, ink, anti-aliased edges, a cover):
        // count the first eight in a small inline table; this runs for every pixel of every
        // glyph on a rendered page, so no dictionary.
        var keys: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var counts: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        var used = 0
        var inkCount = 0
        let ir = Int((ink.red * 255).rounded()), ig = Int((ink.green * 255).rounded()), ib = Int((ink.blue * 255).rounded())
        withUnsafeMutableBytes(of: &keys) { kb in
            withUnsafeMutableBytes(of: &counts) { cb in
                let k = kb.bindMemory(to: UInt32.self), n = cb.bindMemory(to: Int.self)
                for y in y0..<y1 {
                    let row = data + y * stride
                    for x in x0..<x1 {
                        let p = row + x * 4
                        let bl = Int(p[0]), g = Int(p[1]), r = Int(p[2])
                        // Quantize to 16 levels: anti-aliasing noise does not split a flat colour.
                        let key = UInt32(r >> 4) << 8 | UInt32(g >> 4) << 4 | UInt32(bl >> 4)
                        var j = 0
                        while j < used && k[j] != key { j += 1 }
                        if j < used { n[j] += 1 } else if used < 8 { k[used] = key; n[used] = 1; used += 1 }
                        if abs(r - ir) < 64 && abs(g - ig) < 64 && abs(bl - ib) < 64 { inkCount += 1 }
                    }
                }
            }
        }
        let total = (x1 - x0) * (y1 - y0)
        guard used > 0 else { return nil }
        let (key, n): (UInt32, Int) = withUnsafeBytes(of: keys) { kb in
            withUnsafeBytes(of: counts) { cb in
                let k = kb.bindMemory(to: UInt32.self), c = cb.bindMemory(to: Int.self)
                var best = 0
                for j in 1..<used where c[j] > c[best] { best = j }
                return (k[best], c[best])
            }
        }
        let c = RGB(red: Double(key >> 8 & 0xF) / 15, green: Double(key >> 4 & 0xF) / 15, blue: Double(key & 0xF) / 15)
        return Stats(dominant: c, share: Double(n) / Double(total), inkShare: Double(inkCount) / Double(total))
    }
}
