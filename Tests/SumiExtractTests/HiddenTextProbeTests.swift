import Foundation
import XCTest
@testable import SumiExtract
import SumiModel

/// The hidden-text probe's decision on pixels drawn by hand, so that the case real fonts
/// cause (vertical glyphs drawn a glyph away from their boxes) is tested on every machine,
/// with or without Japanese fonts installed.
final class HiddenTextProbeTests: XCTestCase {
    /// A white page 300 × 200 pt at the probe's scale, with black squares painted where told.
    final class Page {
        let scale = 2.0
        let width = 600, height = 400
        var bytes: [UInt8]

        init() { bytes = [UInt8](repeating: 0xFF, count: 600 * 400 * 4) }

        /// Ink in the middle 60 % of a glyph box (PDF points), as a glyph's strokes fill it.
        func ink(_ b: BoundingBox) {
            let w = b.x1 - b.x0, h = b.y1 - b.y0
            let x0 = Int((b.x0 + 0.2 * w) * scale), x1 = Int((b.x1 - 0.2 * w) * scale)
            let y0 = Int((b.y0 + 0.2 * h) * scale), y1 = Int((b.y1 - 0.2 * h) * scale)
            for y in max(0, y0)..<min(height, y1) where (y - y0) % 3 != 2 {
                for x in max(0, x0)..<min(width, x1) {
                    let p = (y * width + x) * 4
                    bytes[p] = 0; bytes[p + 1] = 0; bytes[p + 2] = 0
                }
            }
        }

        func classify(_ text: PageText) -> [GlyphVisibility] {
            bytes.withUnsafeMutableBufferPointer { buf in
                HiddenTextDetector(scale: scale).classify(
                    Pixels(data: buf.baseAddress!, stride: width * 4, width: width, height: height), text)
            }
        }
    }

    static let black = GlyphStyle(red: 0, green: 0, blue: 0, font: "HeiseiMin-W3", size: 11)

    /// A horizontal line 氏名 山田 at y 20 and a vertical column of `column` at x 62 from y 60.
    static func text(column: String) -> PageText {
        var scalars: [Unicode.Scalar] = []
        var boxes: [BoundingBox] = []
        for (k, s) in "氏名山田".unicodeScalars.enumerated() {
            scalars.append(s)
            boxes.append(BoundingBox(x0: 100 + 11 * Double(k), y0: 20, x1: 111 + 11 * Double(k), y1: 31))
        }
        scalars.append("\n"); boxes.append(BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0))
        for (k, s) in column.unicodeScalars.enumerated() {
            scalars.append(s)
            boxes.append(BoundingBox(x0: 62, y0: 60 + 11 * Double(k), x1: 73, y1: 71 + 11 * Double(k)))
        }
        return PageText(raw: String(String.UnicodeScalarView(scalars)), scalars: scalars, boxes: boxes,
                        styleIndex: [Int32](repeating: 0, count: scalars.count), styles: [black], boxesMismatched: false)
    }

    func testVerticalColumnDrawnOneGlyphBelowItsBoxesIsVisible() {
        let text = Self.text(column: "相談者欄")
        let page = Page()
        for i in text.scalars.indices where !text.scalars[i].isBlank {
            var b = text.boxes[i]
            if b.x0 == 62 { b.y0 += 11; b.y1 += 11 } // the substituted font draws the column lower
            page.ink(b)
        }
        XCTAssertEqual(page.classify(text).filter { $0 != .visible }.count, 0)
    }

    func testVerticalColumnDrawnOneGlyphAboveItsBoxesIsVisible() {
        let text = Self.text(column: "世田谷区の介護保険")
        let page = Page()
        for i in text.scalars.indices where !text.scalars[i].isBlank {
            var b = text.boxes[i]
            if b.x0 == 62 { b.y0 -= 11; b.y1 -= 11 }
            page.ink(b)
        }
        XCTAssertEqual(page.classify(text).filter { $0 != .visible }.count, 0)
    }

    func testVerticalColumnWithNoInkAnywhereIsStillInvisible() {
        // White-on-white vertical text: no offset shows it, so the probe must still say so.
        let text = Self.text(column: "相談者欄")
        let page = Page()
        for i in 0..<4 { page.ink(text.boxes[i]) } // only the horizontal line is drawn
        let v = page.classify(text)
        XCTAssertEqual(v[0..<4].filter { $0 != .visible }.count, 0)
        XCTAssertEqual(v[5...].filter { $0 == .invisible }.count, 4)
    }

    func testOneBlankGlyphInAnInkedColumnDrawnInPlaceIsNotExplainedAway() {
        // Ink exactly on the boxes except one glyph: no offset explains the column better
        // than none, so the one glyph with nothing drawn stays invisible.
        let text = Self.text(column: "相談者欄")
        let page = Page()
        for i in text.scalars.indices where !text.scalars[i].isBlank && i != 7 { page.ink(text.boxes[i]) }
        let v = page.classify(text)
        XCTAssertEqual(v[7], .invisible)
        XCTAssertEqual(v.enumerated().filter { $0.offset != 7 && $0.element != .visible }.count, 0)
    }
}
