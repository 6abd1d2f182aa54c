/// Word look-ups in UTF-16 text for the recognizers (normalized units, a first line, a cell):
/// String.contains is grapheme-aware and, on a per-cell path, many times slower. Concrete on
/// UnsafeBufferPointer on purpose: a generic version over collections was not specialized on
/// the hot path and cost a third of the dense-XLSX scan. For `[UInt16]` at one position see
/// `PersonContext.hasPrefix`.
enum UTF16Search {
    /// `word` starts at `i` and ends at or before `end`.
    @inline(__always)
    static func hasPrefix(_ u: UnsafeBufferPointer<UInt16>, at i: Int, _ word: [UInt16], end: Int) -> Bool {
        guard !word.isEmpty, i >= 0, i + word.count <= min(end, u.count) else { return false }
        for k in 0..<word.count where u[i + k] != word[k] { return false }
        return true
    }

    /// `word` occurs inside `range` of `u`.
    static func contains(_ u: UnsafeBufferPointer<UInt16>, _ word: [UInt16], in r: Range<Int>) -> Bool {
        guard !word.isEmpty, word.count <= r.count else { return false }
        var i = r.lowerBound
        while i + word.count <= r.upperBound {
            if u[i] == word[0] && hasPrefix(u, at: i, word, end: r.upperBound) { return true }
            i += 1
        }
        return false
    }

    /// `word` occurs anywhere in `u`.
    static func contains(_ u: [UInt16], _ word: [UInt16]) -> Bool {
        u.withUnsafeBufferPointer { contains($0, word, in: 0..<$0.count) }
    }
}
