/// Where texts occur in UTF-16 text: every occurrence of every text, as ranges, merged.
public enum Occurrences {
    /// Ranges of `haystack` covered by any of `needles` (longest first wins where they
    /// overlap; the union is returned sorted and merged).
    public static func ranges(of needles: [[UInt16]], in haystack: [UInt16]) -> [Range<Int>] {
        ranges(of: MultiSearch(needles), needles: needles, in: haystack)
    }

    /// Needles prepared once for many haystacks (the cells of a workbook, the units of a file).
    public struct Finder: Sendable {
        let needles: [[UInt16]]
        let search: MultiSearch<UInt16>
        public init(_ needles: [[UInt16]]) { self.needles = needles; search = MultiSearch(needles) }
        public func ranges(in haystack: [UInt16]) -> [Range<Int>] { Occurrences.ranges(of: search, needles: needles, in: haystack) }
    }

    /// Needles of Unicode scalar values (PDF text, whose glyph boxes are per scalar).
    public struct ScalarFinder: Sendable {
        let needles: [[UInt32]]
        let search: MultiSearch<UInt32>
        public init(_ needles: [[UInt32]]) { self.needles = needles; search = MultiSearch(needles) }
        public func ranges(in haystack: [UInt32]) -> [Range<Int>] {
            var found: [Range<Int>] = []
            search.forEachMatch(in: haystack) { start, n in found.append(start..<(start + needles[n].count)) }
            return merge(found)
        }
    }

    /// The same with a search built once for many haystacks.
    static func ranges(of search: MultiSearch<UInt16>, needles: [[UInt16]], in haystack: [UInt16]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        search.forEachMatch(in: haystack) { start, n in found.append(start..<(start + needles[n].count)) }
        return merge(found)
    }

    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// Whether a UTF-16 unit is kept as it is inside a masked range: line breaks and tabs,
    /// so that lines and columns of the file stay where they were.
    @inline(__always) static func keepsShape(_ u: UInt16) -> Bool { u == 0x0A || u == 0x0D || u == 0x09 }
}
