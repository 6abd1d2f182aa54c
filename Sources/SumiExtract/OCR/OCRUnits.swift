import Foundation
import SumiModel

/// Text units from what OCR read: one unit per image (page), lines joined with line breaks,
/// a box and a confidence per Unicode scalar, in the coordinates the report uses (PDF points
/// for a page, image pixels for a picture).
enum OCRUnits {
    /// Pixel (x, y) → report coordinates: `origin + pixel * scale`.
    struct Placement {
        var scale: Double
        var originX: Double = 0
        var originY: Double = 0
        static let pixels = Placement(scale: 1)
    }

    static func unit(_ read: RecognizedText, placement: Placement, location: Location) -> TextUnit? {
        var scalars = String.UnicodeScalarView()
        var boxes: [BoundingBox] = []
        var confidences: [Float] = []
        func place(_ b: BoundingBox) -> BoundingBox {
            BoundingBox(x0: placement.originX + b.x0 * placement.scale, y0: placement.originY + b.y0 * placement.scale,
                        x1: placement.originX + b.x1 * placement.scale, y1: placement.originY + b.y1 * placement.scale)
        }
        func append(_ s: Unicode.Scalar, _ box: BoundingBox, _ c: Float) {
            scalars.append(s); boxes.append(box); confidences.append(c)
        }
        let empty = BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
        for line in read.lines where !line.isEmpty {
            if !scalars.isEmpty { append("\n", empty, 1) }
            var previous: RecognizedGlyph?
            for g in line {
                if let p = previous, needsSpace(p, g, vertical: read.vertical) {
                    let gap = read.vertical
                        ? BoundingBox(x0: min(p.box.x0, g.box.x0), y0: p.box.y1, x1: max(p.box.x1, g.box.x1), y1: g.box.y0)
                        : BoundingBox(x0: p.box.x1, y0: min(p.box.y0, g.box.y0), x1: g.box.x0, y1: max(p.box.y1, g.box.y1))
                    append(" ", gap.isEmpty ? empty : place(gap), min(p.confidence, g.confidence))
                }
                let box = place(g.box)
                for s in g.text.unicodeScalars { append(s, box, g.confidence) }
                previous = g
            }
        }
        guard !scalars.isEmpty else { return nil }
        var unit = TextUnit(text: String(scalars), source: .ocr, location: location, glyphBoxes: boxes)
        unit.glyphConfidences = confidences
        return unit
    }

    /// A space where the engine starts a new word and the page shows a gap: between Latin
    /// words always; between kanji or kana only where the gap is most of a character wide (「山田　花子」 keeps its
    /// space, a label's characters that the engine split into words do not get one).
    static func needsSpace(_ a: RecognizedGlyph, _ b: RecognizedGlyph, vertical: Bool) -> Bool {
        guard b.startsWord else { return false }
        let size = vertical ? max(a.box.x1 - a.box.x0, 1) : max(a.box.y1 - a.box.y0, 1)
        let gap = vertical ? b.box.y0 - a.box.y1 : b.box.x0 - a.box.x1
        if let x = a.text.unicodeScalars.last, let y = b.text.unicodeScalars.first, x.isASCII && y.isASCII {
            return gap > size * 0.15
        }
        return gap > size * 0.8
    }
}
