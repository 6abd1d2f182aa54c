import Foundation
import SumiModel

/// Turns a page's text layer into units: one body unit for the whole page (so a name or
/// address broken across a line or table cell is still one text to the rules), and one unit
/// per run of hidden characters with source `covered` or `invisible_text`. Hidden characters
/// are blanked in the body so they are reported once, under the source that says where they are.
enum PageUnits {
    static func make(_ text: PageText, visibility: [GlyphVisibility]?, page: Int) -> [TextUnit] {
        let key = "pdf-page-\(page)"
        var body = text.scalars
        var units: [TextUnit] = []
        if let visibility, visibility.count == body.count {
            var i = 0
            while i < body.count {
                let kind = visibility[i]
                guard kind != .visible else { i += 1; continue }
                // A run of one kind; white space inside it (岡田 和夫) belongs to it, a line
                // break or the end of its table cell ends it.
                var j = i + 1
                var end = i + 1
                while j < body.count && body[j] != "\n" && body[j] != PageText.cellSeparator {
                    if visibility[j] == kind { end = j + 1 } else if !body[j].isBlank { break }
                    j += 1
                }
                units.append(TextUnit(
                    text: text.scalars[i..<end].joinedString, source: kind == .covered ? .covered : .invisibleText,
                    location: Location(page: page), fieldLabel: label(before: i, in: text.scalars, visibility),
                    groupKey: key, glyphBoxes: Array(text.boxes[i..<end])))
                for k in i..<end where !body[k].isBlank { body[k] = " " }
                i = end
            }
        }
        let bodyText: String
        if units.isEmpty {
            bodyText = text.raw
        } else {
            bodyText = body.joinedString
        }
        var out: [TextUnit] = []
        if body.contains(where: { !$0.isBlank }) {
            out.append(TextUnit(text: bodyText, source: .body, location: Location(page: page), groupKey: key,
                                glyphBoxes: text.boxes))
        }
        return out + units
    }

    /// The visible text just before a hidden run on its line (利用者：), as context for the
    /// rules: in a table row, the nearest cell with visible text (the label cell), not the whole row.
    static func label(before i: Int, in scalars: [Unicode.Scalar], _ visibility: [GlyphVisibility]) -> String? {
        var k = i
        var out: [Unicode.Scalar] = []
        while k > 0 && out.count < 24 {
            k -= 1
            if scalars[k] == "\n" { break }
            if scalars[k] == PageText.cellSeparator && out.contains(where: { !$0.isBlank }) { break }
            if visibility[k] == .visible { out.append(scalars[k]) }
        }
        let t = out.reversed().joinedString.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }
}
