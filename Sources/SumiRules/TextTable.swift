/// Tables written as text: a header line naming the columns, then rows of tab-separated
/// cells, the way poppler gives a PDF form's table and people type a roster in a .txt:
///
///     世帯の状況（続柄・氏名・生年月日・個人番号）      ← or 続柄⇥氏名⇥生年月日⇥個人番号
///     長男⇥木本友人⇥R3.1.4
///
/// A cell under 生年月日 is a birth date to a reader, as a spreadsheet cell under that
/// header is: the rules get the header as the cell's context (`RuleMatcher` anchors and
/// keywords). On fresh application PDFs the dates of a household table were missed because
/// 生年月日 stood only in the header line.
struct TextTableColumns: Sendable {
    struct Column: Sendable {
        /// The column's name in the header line (normalized-text range).
        var header: Range<Int>
        /// Its cells in the rows below.
        var cells: [Range<Int>]
    }

    var columns: [Column] = []
    /// Every cell with its column, sorted by start: a roster typed as text has thousands.
    private var cellIndex: [(cell: Range<Int>, column: Int)] = []

    /// A tab header needs three names or more: 氏名⇥目黒 洋利 is a form's label and value.
    static let minTabHeaderFields = 3
    /// Column names are short and have no digits.
    static let maxHeaderField = 16

    /// The column whose cell contains `r`.
    func column(containing r: Range<Int>) -> Column? {
        // Last cell starting at or before r: cells do not overlap.
        var lo = 0, hi = cellIndex.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cellIndex[mid].cell.lowerBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, r.upperBound <= cellIndex[lo - 1].cell.upperBound else { return nil }
        return columns[cellIndex[lo - 1].column]
    }

    static func find(_ u: [UInt16]) -> TextTableColumns {
        guard u.contains(0x09) else { return TextTableColumns() }
        var lines: [Range<Int>] = []
        var s = 0
        for k in 0...u.count where k == u.count || u[k] == 0x0A {
            var e = k
            if e > s && u[e - 1] == 0x0D { e -= 1 }
            lines.append(s..<e)
            s = k + 1
        }
        var out = TextTableColumns()
        var i = 0
        while i < lines.count {
            guard let (headers, tabbed) = headerFields(u, lines[i]) else { i += 1; continue }
            var cols = headers.map { Column(header: $0, cells: []) }
            var j = i + 1
            while j < lines.count {
                let cells = fields(u, lines[j])
                guard cells.count >= 2 else { break }
                for (k, c) in cells.enumerated() where k < cols.count { cols[k].cells.append(c) }
                j += 1
            }
            // A tabbed header needs two rows: one tabbed line after another is also how a
            // form puts label⇥value⇥value (必要な方の氏名⇥世田谷 花子（妻）⇥…) above the next.
            if j > i + (tabbed ? 2 : 1) { out.columns.append(contentsOf: cols) }
            i = j
        }
        for (k, c) in out.columns.enumerated() { for cell in c.cells { out.cellIndex.append((cell, k)) } }
        out.cellIndex.sort { $0.cell.lowerBound < $1.cell.lowerBound }
        return out
    }

    /// Tab-separated fields of a line, trimmed of spaces.
    static func fields(_ u: [UInt16], _ line: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = line.lowerBound
        for k in line.lowerBound...line.upperBound where k == line.upperBound || u[k] == 0x09 {
            var a = s, b = k
            while a < b && u[a] == 0x20 { a += 1 }
            while b > a && u[b - 1] == 0x20 { b -= 1 }
            if a < b { out.append(a..<b) }
            s = k + 1
        }
        return out
    }

    /// The column names of a header line: three or more tab-separated names, or the
    /// ・-separated list in the line's last parenthesis (世帯の状況（続柄・氏名・生年月日）).
    static func headerFields(_ u: [UInt16], _ line: Range<Int>) -> (fields: [Range<Int>], tabbed: Bool)? {
        func isName(_ r: Range<Int>) -> Bool {
            !r.isEmpty && r.count <= maxHeaderField && !r.contains { (0x30...0x39).contains(u[$0]) }
        }
        let tabbed = fields(u, line)
        if tabbed.count >= minTabHeaderFields, tabbed.allSatisfy(isName) { return (tabbed, true) }
        guard tabbed.count == 1, let close = line.last(where: { u[$0] == 0x29 }), close + 1 == line.upperBound,
              let open = line.last(where: { u[$0] == 0x28 }), open < close else { return nil }
        var items: [Range<Int>] = []
        var s = open + 1
        for k in (open + 1)...close where k == close || u[k] == 0x30FB {
            items.append(s..<k)
            s = k + 1
        }
        return items.count >= 2 && items.allSatisfy(isName) ? (items, false) : nil
    }
}
