import Foundation
import SumiModel
import SumiRedact

/// Where on a PDF page removed texts are: every occurrence in the page's text units (body,
/// covered, invisible), as one rectangle per line of the occurrence, fitted for MuPDF. MuPDF
/// removes every glyph whose box touches a rectangle, and poppler's boxes span the whole
/// line height: a box shrunk by 30 % of the line height at top and bottom keeps the lines
/// above and below whole (for vertical writing, across the column instead).
enum PDFRects {
    static let shrink = 0.3

    /// Per page: where to remove (shrunk across the line) and where to draw the black box
    /// (the whole line height, as a reader expects to see it).
    static func rects(for texts: [String], in units: [TextUnit]) -> (remove: [Int: [BoundingBox]], draw: [Int: [BoundingBox]]) {
        let needles = texts.map { Array($0.unicodeScalars.map(\.value)) }.filter { !$0.isEmpty }
        let finder = Occurrences.ScalarFinder(needles)
        var out: [Int: [BoundingBox]] = [:]
        var draw: [Int: [BoundingBox]] = [:]
        for unit in units {
            // Units of an attached PDF carry its own pages and boxes (`part` names it): they
            // are not places on this file's pages (the attachment is removed whole).
            guard unit.location.part == nil, let page = unit.location.page, let boxes = unit.glyphBoxes else { continue }
            let scalars = Array(unit.text.unicodeScalars)
            guard boxes.count == scalars.count else { continue }
            for r in finder.ranges(in: scalars.map(\.value)) {
                let lines = lineRects(Array(boxes[r]), scalars: Array(scalars[r]))
                // OCR boxes are tight around the ink of a picture: the pixels go under the
                // whole drawn box, or the tops and bottoms of the characters would stay in the image.
                if unit.source == .ocr {
                    // A quarter of the line's height on every side: Tesseract's box of a word's
                    // first character was seen a stroke short on the left.
                    let grown = lines.map { l -> BoundingBox in
                        let m = 0.25 * min(l.draw.y1 - l.draw.y0, l.draw.x1 - l.draw.x0)
                        return BoundingBox(x0: l.draw.x0 - m, y0: l.draw.y0 - m, x1: l.draw.x1 + m, y1: l.draw.y1 + m)
                    }
                    out[page, default: []] += grown
                    draw[page, default: []] += grown
                    continue
                }
                out[page, default: []] += lines.map(\.remove)
                draw[page, default: []] += lines.map(\.draw)
            }
        }
        return (out, draw)
    }

    /// The glyph boxes of one occurrence cut into lines (or columns), each fitted.
    static func lineRects(_ boxes: [BoundingBox], scalars: [Unicode.Scalar]) -> [(remove: BoundingBox, draw: BoundingBox)] {
        var lines: [[BoundingBox]] = []
        for (b, s) in zip(boxes, scalars) where !b.isEmpty && !s.properties.isWhitespace {
            if let last = lines.last?.last, sameLine(last, b) { lines[lines.count - 1].append(b) } else { lines.append([b]) }
        }
        return lines.map { line in
            let u = line.dropFirst().reduce(line[0]) { $0.union($1) }
            let vertical = line.count > 1 && (u.y1 - u.y0) > 1.5 * (u.x1 - u.x0)
            // The drawn box is a little larger than poppler's: a substituted font draws up to
            // about 0.85 pt above it at 10.5 pt (Tools/redact's harness). It only paints.
            let pad = max(1.0, 0.1 * min(u.y1 - u.y0, u.x1 - u.x0))
            let drawn = BoundingBox(x0: u.x0 - pad / 2, y0: u.y0 - pad, x1: u.x1 + pad / 2, y1: u.y1 + pad)
            if vertical {
                let d = (u.x1 - u.x0) * shrink
                return (BoundingBox(x0: u.x0 + d, y0: u.y0, x1: u.x1 - d, y1: u.y1), drawn)
            }
            let d = (u.y1 - u.y0) * shrink
            return (BoundingBox(x0: u.x0, y0: u.y0 + d, x1: u.x1, y1: u.y1 - d), drawn)
        }
    }

    static func sameLine(_ a: BoundingBox, _ b: BoundingBox) -> Bool {
        let overlapY = min(a.y1, b.y1) - max(a.y0, b.y0)
        let overlapX = min(a.x1, b.x1) - max(a.x0, b.x0)
        return overlapY >= 0.5 * min(a.y1 - a.y0, b.y1 - b.y0) || overlapX >= 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)
    }
}
