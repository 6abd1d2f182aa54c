/// Text prepared for matching, with a map back to the text as extracted.
///
/// Rules match on `units` (NFKC, dashes and spaces folded, variant kanji folded,
/// kanji numerals before counters turned into digits). Findings must report the
/// original text and offsets, so every normalized UTF-16 unit remembers where its
/// source segment starts in `original`.
public struct NormalizedText: Sendable {
    /// The text as extracted, in UTF-16.
    public let original: [UInt16]
    /// The normalized text in UTF-16; what rules match on.
    public let units: [UInt16]
    /// For each unit of `units`, the UTF-16 offset in `original` where its segment starts.
    /// Non-decreasing. Has one extra entry at the end equal to `original.count`.
    public let toOriginal: [Int32]

    public init(original: [UInt16], units: [UInt16], toOriginal: [Int32]) {
        precondition(toOriginal.count == units.count + 1, "offset map must have one entry per unit plus an end")
        self.original = original
        self.units = units
        self.toOriginal = toOriginal
    }

    /// The original UTF-16 range that a normalized range came from. A normalized range
    /// that covers part of a segment (one original character that became several) maps
    /// to the whole original character.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let p = Int(toOriginal[min(range.lowerBound, units.count)])
            return p..<p
        }
        let start = Int(toOriginal[range.lowerBound])
        let lastStart = toOriginal[range.upperBound - 1]
        var k = range.upperBound
        while k < units.count && toOriginal[k] <= lastStart { k += 1 }
        let end = Int(toOriginal[k])
        return start..<max(start, end)
    }

    /// The original text of a normalized range.
    public func originalString(_ range: Range<Int>) -> String {
        String(decoding: original[originalRange(range)], as: UTF16.self)
    }

    /// The normalized text of a range.
    public func normalizedString(_ range: Range<Int>) -> String {
        String(decoding: units[range.clamped(to: 0..<units.count)], as: UTF16.self)
    }

    public var normalizedString: String { String(decoding: units, as: UTF16.self) }
    public var originalStringValue: String { String(decoding: original, as: UTF16.self) }
}

/// Converts UTF-16 offsets of a string into Unicode-scalar offsets, which is what the
/// report contract counts in. Built once per text; lookups are O(log n) in the number
/// of surrogate pairs (usually zero).
public struct ScalarOffsets: Sendable {
    /// UTF-16 offsets of the low surrogates in the text, sorted.
    private let lowSurrogates: [Int]

    public init(_ utf16: [UInt16]) {
        var lows: [Int] = []
        for (i, u) in utf16.enumerated() where UTF16.isTrailSurrogate(u) && i > 0 && UTF16.isLeadSurrogate(utf16[i - 1]) {
            lows.append(i)
        }
        lowSurrogates = lows
    }

    /// Scalar offset of a UTF-16 offset.
    public func scalarOffset(_ utf16Offset: Int) -> Int {
        guard !lowSurrogates.isEmpty else { return utf16Offset }
        // Count low surrogates strictly before the offset.
        var lo = 0, hi = lowSurrogates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lowSurrogates[mid] < utf16Offset { lo = mid + 1 } else { hi = mid }
        }
        return utf16Offset - lo
    }
}
