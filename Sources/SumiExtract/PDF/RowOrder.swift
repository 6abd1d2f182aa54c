import SumiModel

/// Puts a page's text in visual row order. poppler reads a form drawn as a table (reportlab,
/// Word and Excel exports) block by block, so a label (申請者氏名, 疾病名) lands lines away from
/// its value, and the rules need them side by side. Pieces of text whose vertical extents
/// overlap form one row, read left to right with a tab between them; rows go top to bottom.
/// A cell that wraps stays one piece of text: lines poppler gives one after another, one
/// under the other at line spacing, are kept together as a stack and placed as one.
extension PageText {
    /// Between cells of one row. A tab rather than a space: values hold spaces themselves
    /// (渡邊 翔太), and the rules already read a tab as the end of a field (氏名\t山田 as in a
    /// TSV cell; a labelled value ends at a tab), so a value does not run into the next label.
    static let cellSeparator: Unicode.Scalar = "\t"

    /// The same page with its text in row order, one box and style per scalar as before;
    /// inserted separators have an empty box and no style. Unchanged when the geometry
    /// cannot be trusted, when the page is mostly vertical writing (poppler already reads
    /// its columns right to left), or when poppler's order already is the row order.
    func inRowOrder() -> PageText {
        guard !boxesMismatched, let pieces = TextPieces.split(self), pieces.count > 1 else { return self }
        let verticalGlyphs = pieces.reduce(0) { $0 + ($1.vertical ? $1.glyphs : 0) }
        let allGlyphs = pieces.reduce(0) { $0 + $1.glyphs }
        guard verticalGlyphs * 2 <= allGlyphs else { return self }
        var stacks = RowLayout.stacks(pieces)
        var grouped = RowLayout.rows(stacks)
        // A table with tight rows looks like paragraphs, one per column: read it as a grid.
        let grid = RowLayout.gridColumns(grouped, stacks, pieces)
        if !grid.isEmpty {
            stacks = RowLayout.splitting(grid, of: stacks, pieces)
            grouped = RowLayout.rows(stacks)
        }
        let rows = grouped.map { $0.map { stacks[$0].pieces } }

        var out = PageText(raw: "", scalars: [], boxes: [], styleIndex: [], styles: styles, boxesMismatched: false)
        out.scalars.reserveCapacity(scalars.count + rows.count)
        let none = BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
        func put(_ s: Unicode.Scalar, _ b: BoundingBox, _ style: Int32) {
            out.scalars.append(s); out.boxes.append(b); out.styleIndex.append(style)
        }
        for (r, row) in rows.enumerated() {
            if r > 0 { put("\n", none, -1) }
            for (k, stack) in row.enumerated() {
                if k > 0 { put(Self.cellSeparator, none, -1) }
                for (l, p) in stack.enumerated() {
                    if l > 0 { put("\n", none, -1) }
                    // Blanks after a piece's last glyph would only pad the separator.
                    var end = pieces[p].range.upperBound
                    while end > pieces[p].range.lowerBound && scalars[end - 1].isBlank { end -= 1 }
                    for i in pieces[p].range.lowerBound..<end { put(scalars[i], boxes[i], styleIndex[i]) }
                }
            }
        }
        if scalars.last == "\n" { put("\n", none, -1) }
        if out.scalars == scalars { return self }
        out.raw = out.scalars.joinedString
        return out
    }
}

/// The grouping behind `inRowOrder`, on piece indices.
enum RowLayout {
    /// A wrapped cell or a paragraph: the next line is at most this many em below the
    /// previous one (top to top). Lines of a wrapped reportlab cell are 1.3 em apart; rows
    /// of a form table 1.8 em or more, and those must stay separate rows.
    static let maxLinePitch = 1.5

    /// Consecutive pieces (poppler's order) where each is the next line of the previous one's
    /// column: under it at line spacing, overlapping it horizontally and nothing else on its
    /// row. The last condition tells a wrapped cell (長谷部 / 千代子, under its own cell) from a
    /// paragraph line that wraps to the left margin, under the first cells of the row above
    /// (2．鈴木 俊介 … 電話 / 03-3715-8037 must stay two rows). Vertical pieces stand alone.
    static func stacks(_ pieces: [TextPiece]) -> [Stack] {
        let byTop = pieces.indices.sorted { pieces[$0].box.y0 < pieces[$1].box.y0 }
        var out: [Stack] = []
        for (i, p) in pieces.enumerated() {
            if let last = out.last, let q = last.pieces.last, !p.vertical, !pieces[q].vertical,
               isNextLine(p, after: pieces[q]), !overlapsRowNeighbour(p, of: q, pieces, byTop) {
                out[out.count - 1].pieces.append(i)
                out[out.count - 1].box = last.box.union(p.box)
                out[out.count - 1].em = min(last.em, p.em)
            } else {
                out.append(Stack(pieces: [i], box: p.box, em: p.em, vertical: p.vertical))
            }
        }
        return out
    }

    static func isNextLine(_ p: TextPiece, after q: TextPiece) -> Bool {
        let pitch = p.box.y0 - q.box.y0
        return pitch >= 0.5 * q.height && pitch <= maxLinePitch * max(p.em, q.em)
            && min(p.box.x1, q.box.x1) > max(p.box.x0, q.box.x0)
    }

    /// Whether `p` reaches under another piece on the row of piece `q`. `byTop` lists the
    /// pieces by their top edge, so only those that can share q's row are looked at.
    static func overlapsRowNeighbour(_ p: TextPiece, of q: Int, _ pieces: [TextPiece], _ byTop: [Int]) -> Bool {
        let row = pieces[q].box
        // First piece whose top is below q's row top minus its height: earlier ones end above the row.
        var lo = 0, hi = byTop.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pieces[byTop[mid]].box.y0 < row.y0 - (row.y1 - row.y0) { lo = mid + 1 } else { hi = mid }
        }
        for k in byTop[lo...] {
            let n = pieces[k]
            if n.box.y0 >= row.y1 { break }
            guard k != q, !n.vertical, verticalOverlap(n.box, row) >= 0.5 * min(n.height, row.y1 - row.y0) else { continue }
            if min(p.box.x1, n.box.x1) - max(p.box.x0, n.box.x0) > 0.25 * min(p.em, n.em) { return true }
        }
        return false
    }

    /// Stacks grouped into rows (each row's stack indices left to right), rows top to bottom. A
    /// stack joins the row it overlaps vertically by at least half the lower height, unless
    /// it overlaps a member of that row horizontally: text over other text (a stamp over a
    /// value) is not a cell of its row. Stacks are taken by their bottom edge, near the
    /// baseline that the cells of one row share, so a row forms from its aligned cells first
    /// and a taller stamp reaching into it comes after them.
    static func rows(_ stacks: [Stack]) -> [[Int]] {
        let order = stacks.indices.sorted {
            let a = stacks[$0].box, b = stacks[$1].box
            return a.y1 != b.y1 ? a.y1 < b.y1 : (a.x0 != b.x0 ? a.x0 < b.x0 : $0 < $1)
        }
        let tallest = stacks.reduce(0) { max($0, $1.box.y1 - $1.box.y0) }
        var rows: [Row] = []
        // Rows that this or a later stack can still overlap: a later stack ends lower, so it
        // starts no higher than this one's bottom minus the tallest stack.
        var open: [Int] = []
        for s in order {
            let stack = stacks[s]
            open.removeAll { rows[$0].box.y1 <= stack.box.y1 - tallest }
            var best: (row: Int, overlap: Double)?
            if !stack.vertical {
                for r in open where !rows[r].vertical {
                    let o = verticalOverlap(stack.box, rows[r].box)
                    guard o >= 0.5 * min(stack.box.y1 - stack.box.y0, rows[r].box.y1 - rows[r].box.y0),
                          !rows[r].members.contains(where: { overlapsHorizontally(stacks[$0], stack) }) else { continue }
                    if o > best?.overlap ?? 0 { best = (r, o) }
                }
            }
            if let best {
                rows[best.row].members.append(s)
                rows[best.row].box = rows[best.row].box.union(stack.box)
            } else {
                rows.append(Row(members: [s], box: stack.box, vertical: stack.vertical))
                open.append(rows.count - 1)
            }
        }
        return rows.sorted { $0.box.y0 != $1.box.y0 ? $0.box.y0 < $1.box.y0 : $0.box.x0 < $1.box.x0 }.map { row in
            row.members.sorted { stacks[$0].box.x0 != stacks[$1].box.x0 ? stacks[$0].box.x0 < stacks[$1].box.x0 : $0 < $1 }
        }
    }

    static func verticalOverlap(_ a: BoundingBox, _ b: BoundingBox) -> Double { min(a.y1, b.y1) - max(a.y0, b.y0) }

    /// More than a quarter em of shared width: touching or kerned neighbours do not count.
    static func overlapsHorizontally(_ a: Stack, _ b: Stack) -> Bool {
        min(a.box.x1, b.box.x1) - max(a.box.x0, b.box.x0) > 0.25 * min(a.em, b.em)
    }

    struct Stack {
        var pieces: [Int]
        var box: BoundingBox
        var em: Double
        var vertical: Bool
    }

    struct Row {
        var members: [Int]
        var box: BoundingBox
        var vertical: Bool
    }
}
