/// Many needles at once over one haystack, in time that grows with the haystack times the
/// number of distinct needle lengths, not times the number of needles: a 10,000-row roster
/// removes 40,000 distinct texts (names, addresses, phones), and testing each one at each
/// position was hours. Rabin–Karp per length: a rolling hash over the haystack, looked up in
/// a table of the needles' hashes, confirmed by comparing the elements.
struct MultiSearch<Element: FixedWidthInteger & Sendable>: Sendable {
    private struct Group: Sendable { var length: Int; var byHash: [UInt64: [Int]] }
    private let needles: [[Element]]
    private let groups: [Group]
    private static var base: UInt64 { 1_000_003 }

    init(_ needles: [[Element]]) {
        self.needles = needles
        var byLength: [Int: [UInt64: [Int]]] = [:]
        for (i, n) in needles.enumerated() where !n.isEmpty {
            byLength[n.count, default: [:]][Self.hash(n[...]), default: []].append(i)
        }
        groups = byLength.map { Group(length: $0.key, byHash: $0.value) }.sorted { $0.length > $1.length }
    }

    static func hash(_ s: ArraySlice<Element>) -> UInt64 {
        var h: UInt64 = 0
        for e in s { h = h &* base &+ UInt64(truncatingIfNeeded: e) &+ 1 }
        return h
    }

    /// Every occurrence: (start, needle index), longer needles first at each length group.
    func forEachMatch(in hay: [Element], _ body: (Int, Int) -> Void) {
        for g in groups where g.length <= hay.count {
            let L = g.length
            var pow: UInt64 = 1
            for _ in 0..<(L - 1) { pow = pow &* Self.base }
            var h = Self.hash(hay[0..<L])
            var i = 0
            while true {
                if let candidates = g.byHash[h] {
                    for c in candidates where hay[i..<(i + L)].elementsEqual(needles[c]) { body(i, c) }
                }
                if i + L >= hay.count { break }
                h = (h &- (UInt64(truncatingIfNeeded: hay[i]) &+ 1) &* pow) &* Self.base &+ UInt64(truncatingIfNeeded: hay[i + L]) &+ 1
                i += 1
            }
        }
    }

    /// Whether any needle occurs.
    func containsAny(in hay: [Element]) -> Set<Int> {
        var found = Set<Int>()
        forEachMatch(in: hay) { _, n in found.insert(n) }
        return found
    }
}
