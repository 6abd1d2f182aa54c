import Foundation

/// Light normalization for comparing a finding's text with a labelled item's text:
/// NFKC (full-width digits and letters, half-width kana), lower-case, and no spaces,
/// dashes or long-vowel marks, because extractors and labellers disagree about exactly
/// those (０３－１２３４ vs 03-1234, 世田谷 太郎 vs 世田谷　太郎, − vs ー).
public enum EvalText {
    static let dropped: Set<Unicode.Scalar> = {
        var s = Set<Unicode.Scalar>()
        for v: UInt32 in [0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF70, 0xFF0D,
                          0x2500, 0x2501, 0x301C, 0xFF5E, 0x2043, 0xFE63, 0x00AD] {
            if let u = Unicode.Scalar(v) { s.insert(u) }
        }
        return s
    }()

    /// The text as the scorer compares it: a list of Unicode scalars.
    public static func normalize(_ text: String) -> [Unicode.Scalar] {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        return folded.unicodeScalars.filter { !$0.properties.isWhitespace && !dropped.contains($0) }
    }
}

/// How a finding's text overlaps an item's text, both normalized.
public struct TextOverlap: Sendable, Equatable {
    /// Length of the longest common substring.
    public var length: Int
    /// Where that substring sits in the item (scalar offsets), to measure coverage.
    public var itemRange: Range<Int>

    /// The longest common substring of `finding` and `item` (dynamic programming; texts are short).
    /// Ties go to the first position in the item.
    public static func longestCommon(_ finding: [Unicode.Scalar], _ item: [Unicode.Scalar]) -> TextOverlap {
        guard !finding.isEmpty, !item.isEmpty else { return TextOverlap(length: 0, itemRange: 0..<0) }
        var previous = [Int](repeating: 0, count: item.count + 1)
        var current = previous
        var best = 0, bestEnd = 0
        for f in finding {
            for j in 1...item.count {
                if f == item[j - 1] {
                    current[j] = previous[j - 1] + 1
                    if current[j] > best || (current[j] == best && j < bestEnd) { best = current[j]; bestEnd = j }
                } else {
                    current[j] = 0
                }
            }
            swap(&previous, &current)
        }
        return TextOverlap(length: best, itemRange: (bestEnd - best)..<bestEnd)
    }

    /// Whether two texts overlap enough to be the same piece of information: the common part is
    /// at least half of the shorter text, and at least 2 characters unless the shorter text is 1.
    /// So a surname alone matches a full name, a whole line matches the phone number in it,
    /// but a shared 年 or a shared digit does not make two dates the same.
    public var isMatch: Bool { length > 0 && length >= minimumLength }
    var minimumLength: Int = 1

    init(length: Int, itemRange: Range<Int>) {
        self.length = length; self.itemRange = itemRange
    }

    public static func between(_ finding: [Unicode.Scalar], _ item: [Unicode.Scalar]) -> TextOverlap {
        var o = longestCommon(finding, item)
        let shorter = min(finding.count, item.count)
        o.minimumLength = max(min(2, shorter), (shorter + 1) / 2)
        return o
    }
}
