/// Where texts occur in UTF-16 text: every occurrence of every text, as ranges, merged.
public enum Occurrences {
    /// Ranges of `haystack` covered by any of `needles` (longest first wins where they
    /// overlap; the union is returned sorted and merged).
    public static func ranges(of needles: [[UInt16]], in haystack: [UInt16]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for n in needles where !n.isEmpty && n.count <= haystack.count {
            let first = n[0]
            var i = 0
            let last = haystack.count - n.count
            while i <= last {
                if haystack[i] == first {
                    var k = 1
                    while k < n.count && haystack[i + k] == n[k] { k += 1 }
                    if k == n.count { found.append(i..<(i + n.count)); i += n.count; continue }
                }
                i += 1
            }
        }
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
