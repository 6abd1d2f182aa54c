import SumiModel

/// A run of poppler's text drawn as one piece of a visual line: consecutive glyphs that sit
/// side by side (or one under the other, in vertical writing).
struct TextPiece {
    /// The scalars in poppler's text, line break excluded; blanks after the last glyph stay with it.
    var range: Range<Int>
    /// Union of the inked glyph boxes.
    var box: BoundingBox
    /// Height of the tallest glyph: the unit of every tolerance below (a table cell in 10.5 pt
    /// type and a 20 pt heading are judged on their own scale).
    var em: Double
    /// The glyphs run downwards (縦書き). These are never grouped into rows.
    var vertical: Bool
    /// Glyphs with ink.
    var glyphs: Int

    var height: Double { box.y1 - box.y0 }
}

/// Cuts poppler's text into pieces of visual lines. poppler's line breaks are not enough: its
/// glib text joins neighbouring blocks without any separator (a table row comes out as
/// 「疾病名脊髄損傷」 or 「1992/03/14性別」), so a piece also ends where the next glyph does not
/// continue the line: it sits on another line, goes back to the left, or starts after a gap
/// wider than word spacing (a cell boundary).
enum TextPieces {
    /// Widest gap, in em, between glyphs that poppler wrote with nothing between them. Cells
    /// of reportlab and Word tables are about 1 em apart; glyphs of one word, including
    /// narrow ones such as the hyphens of 03-1234-5678, at most about 0.3 em.
    static let maxTightGap = 0.5
    /// Widest gap, in em, across a space that poppler inserted: word spacing, even in
    /// justified text, stays well under this; a cell boundary does not.
    static let maxSpacedGap = 0.8

    /// The pieces in poppler's order, or nil when a glyph with ink has no box (then the
    /// geometry cannot be trusted and the page keeps poppler's order).
    static func split(_ text: PageText) -> [TextPiece]? {
        var pieces: [TextPiece] = []
        var current: TextPiece?
        var last: BoundingBox?
        var blankSinceLast = false
        for i in text.scalars.indices {
            let s = text.scalars[i]
            if s == "\n" {
                if let c = current { pieces.append(c) }
                current = nil; last = nil; blankSinceLast = false
                continue
            }
            if s.isBlank {
                if let c = current { current!.range = c.range.lowerBound..<(i + 1) }
                blankSinceLast = true
                continue
            }
            let b = text.boxes[i]
            if b.isEmpty { return nil }
            // The second glyph sets the direction; later ones must keep it.
            if var c = current, let a = last, let down = continuation(from: a, to: b, spaced: blankSinceLast),
               c.glyphs == 1 || down == c.vertical {
                c.range = c.range.lowerBound..<(i + 1)
                c.box = c.box.union(b)
                c.em = max(c.em, b.y1 - b.y0)
                c.vertical = down
                c.glyphs += 1
                current = c
            } else {
                if let c = current { pieces.append(c) }
                current = TextPiece(range: i..<(i + 1), box: b, em: b.y1 - b.y0, vertical: false, glyphs: 1)
            }
            last = b
            blankSinceLast = false
        }
        if let c = current { pieces.append(c) }
        return pieces
    }

    /// Whether glyph `b` continues the line that glyph `a` ends: nil if not, false when it
    /// continues to the right, true when it continues downwards (vertical writing).
    static func continuation(from a: BoundingBox, to b: BoundingBox, spaced: Bool) -> Bool? {
        let ah = a.y1 - a.y0, bh = b.y1 - b.y0, aw = a.x1 - a.x0, bw = b.x1 - b.x0
        let maxGap = spaced ? maxSpacedGap : maxTightGap
        let sameLine = min(a.y1, b.y1) - max(a.y0, b.y0) >= 0.5 * min(ah, bh)
        // Not to the left of a's start: a combining mark may share its base's box.
        if sameLine && b.x0 >= a.x0 - 0.1 * max(ah, bh) && b.x0 - a.x1 <= maxGap * max(ah, bh) { return false }
        let sameColumn = min(a.x1, b.x1) - max(a.x0, b.x0) >= 0.5 * min(aw, bw)
        if sameColumn && b.y0 >= a.y0 + 0.5 * ah && b.y0 - a.y1 <= maxGap * max(aw, bw) { return true }
        return nil
    }
}
