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
///
/// Two spans of the same text overlap in one of four ways: one contains the other, or the end of
/// one is the start of the other. Only those count: a merely shared piece (the 03-5432- of two
/// phone numbers, the @example.lg.jp of two addresses, the 東京都世田谷区 of two addresses) says
/// nothing about whether the finding is on the item.
public struct TextOverlap: Sendable, Equatable {
    /// Length of the overlap.
    public var length: Int
    /// Where the overlap sits in the item (scalar offsets), to measure coverage.
    public var itemRange: Range<Int>
    /// The least overlap that counts: at least half of the shorter text, and at least 2 characters
    /// unless the shorter text is 1. So a surname alone matches a full name and a phone number with
    /// its TEL prefix matches the number, but a shared 年 does not make two dates the same.
    var minimumLength: Int = 1

    init(length: Int, itemRange: Range<Int>) {
        self.length = length; self.itemRange = itemRange
    }

    public var isMatch: Bool { length > 0 && length >= minimumLength }

    /// The fraction of the item the overlap covers.
    public func itemFraction(of item: [Unicode.Scalar]) -> Double { item.isEmpty ? 0 : Double(length) / Double(item.count) }

    /// The largest span-consistent overlap of `finding` and `item`.
    public static func between(_ finding: [Unicode.Scalar], _ item: [Unicode.Scalar]) -> TextOverlap {
        var best = TextOverlap(length: 0, itemRange: 0..<0)
        if !finding.isEmpty, !item.isEmpty {
            if finding.count >= item.count, let _ = find(item, in: finding) {
                best = TextOverlap(length: item.count, itemRange: 0..<item.count)
            } else if finding.count < item.count, let at = find(finding, in: item) {
                best = TextOverlap(length: finding.count, itemRange: at..<(at + finding.count))
            } else {
                let limit = min(finding.count, item.count) - 1
                if limit > 0 {
                    for k in stride(from: limit, through: 1, by: -1) {
                        // The item's end is the finding's start …
                        if item[(item.count - k)...].elementsEqual(finding[..<k]) {
                            best = TextOverlap(length: k, itemRange: (item.count - k)..<item.count); break
                        }
                        // … or the finding's end is the item's start.
                        if finding[(finding.count - k)...].elementsEqual(item[..<k]) {
                            best = TextOverlap(length: k, itemRange: 0..<k); break
                        }
                    }
                }
            }
        }
        let shorter = min(finding.count, item.count)
        best.minimumLength = max(min(2, shorter), (shorter + 1) / 2)
        return best
    }

    /// First position of `needle` in `haystack`.
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
