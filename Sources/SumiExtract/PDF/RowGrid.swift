import SumiModel

/// Tables whose rows are as close as lines of a paragraph (Excel's PDF export: 11 pt text in
/// 14 pt rows) come out of `RowLayout.stacks` as one stack per column, each a "paragraph" of
/// cells. Side by side, such columns have the same number of lines, line for line at the
/// same height: that is a grid, and its lines are rows. Two columns of prose can look the
/// same, but their lines run to the column's width; a column of table cells has ragged
/// widths (山田 花子, 長谷川 明美), so at least one ragged column is required.
extension RowLayout {
    /// Fewest lines for a column to count as part of a grid: a row of wrapped cells (名前 on
    /// two lines next to an address on two lines) must stay cells.
    static let minGridLines = 3

    /// Stacks to be taken apart into their lines, found row by row.
    static func gridColumns(_ rows: [[Int]], _ stacks: [Stack], _ pieces: [TextPiece]) -> Set<Int> {
        var out = Set<Int>()
        for row in rows {
            let tall = row.filter { stacks[$0].pieces.count >= minGridLines }
            guard tall.count >= 2 else { continue }
            var seen = Set<Int>()
            for first in tall where !seen.contains(first) {
                let aligned = tall.filter { $0 == first || linesAlign(stacks[first], stacks[$0], pieces) }
                seen.formUnion(aligned)
                if aligned.count >= 2 && aligned.contains(where: { !runsFullWidth(stacks[$0], pieces) }) {
                    out.formUnion(aligned)
                }
            }
        }
        return out
    }

    /// Same number of lines, each at the height of its counterpart.
    static func linesAlign(_ a: Stack, _ b: Stack, _ pieces: [TextPiece]) -> Bool {
        guard a.pieces.count == b.pieces.count else { return false }
        return zip(a.pieces, b.pieces).allSatisfy { p, q in
            let x = pieces[p], y = pieces[q]
            return verticalOverlap(x.box, y.box) >= 0.5 * min(x.height, y.height)
        }
    }

    /// Every line but the last as wide as the widest, give or take 15 %: running text.
    static func runsFullWidth(_ s: Stack, _ pieces: [TextPiece]) -> Bool {
        let widths = s.pieces.map { pieces[$0].box.x1 - pieces[$0].box.x0 }
        guard let widest = widths.max() else { return false }
        return widths.dropLast().allSatisfy { $0 >= 0.85 * widest }
    }

    /// The stacks with those in `grid` replaced by one stack per line.
    static func splitting(_ grid: Set<Int>, of stacks: [Stack], _ pieces: [TextPiece]) -> [Stack] {
        stacks.indices.flatMap { i -> [Stack] in
            guard grid.contains(i) else { return [stacks[i]] }
            return stacks[i].pieces.map { Stack(pieces: [$0], box: pieces[$0].box, em: pieces[$0].em, vertical: false) }
        }
    }
}
