/// Multi-pattern literal search over UTF-16 (Aho–Corasick).
///
/// One pass over the text finds every occurrence of every keyword, which is what lets
/// a hundred rules cost one scan: a rule's regex runs only near its keywords. The root
/// has a dense 64K-entry table because most characters of ordinary text lead nowhere,
/// and one array lookup is the common case.
public struct AhoCorasick: Sendable {
    /// A keyword occurrence: `[start, end)` in UTF-16 units, and the id given at build time.
    public struct Hit: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var id: Int32
    }

    // State 0 is the root. Edges of non-root states are sorted (unit, target) pairs.
    private var rootNext: [Int32]
    private var edgeStart: [Int32] = [0]   // state → first index in edgeUnits/edgeTarget
    private var edgeUnits: [UInt16] = []
    private var edgeTarget: [Int32] = []
    private var fail: [Int32] = []
    /// Output lists: ids ending at a state, chained through `outputLink` to shorter suffixes.
    private var outputStart: [Int32] = []
    private var outputIDs: [Int32] = []
    private var outputLink: [Int32] = []
    private var depth: [Int32] = []
    public let patternCount: Int

    /// Builds the automaton. `caseInsensitiveASCII` folds A–Z to a–z in keywords and text.
    public init(patterns: [(units: [UInt16], id: Int32)], caseInsensitiveASCII: Bool = true) {
        self.foldCase = caseInsensitiveASCII
        patternCount = patterns.count
        // 1. Build a trie with dictionary children, then flatten.
        var children: [[UInt16: Int32]] = [[:]]
        var outputs: [[Int32]] = [[]]
        var depths: [Int32] = [0]
        for (units, id) in patterns where !units.isEmpty {
            var s: Int32 = 0
            for raw in units {
                let u = caseInsensitiveASCII ? Self.fold(raw) : raw
                if let next = children[Int(s)][u] {
                    s = next
                } else {
                    let n = Int32(children.count)
                    children.append([:]); outputs.append([]); depths.append(depths[Int(s)] + 1)
                    children[Int(s)][u] = n
                    s = n
                }
            }
            outputs[Int(s)].append(id)
        }
        let stateCount = children.count
        rootNext = [Int32](repeating: 0, count: 65536)
        for (u, t) in children[0] { rootNext[Int(u)] = t }
        edgeStart = [Int32](repeating: 0, count: stateCount + 1)
        for s in 0..<stateCount {
            let sorted = s == 0 ? [] : children[s].sorted { $0.key < $1.key }
            edgeStart[s] = Int32(edgeUnits.count)
            for (u, t) in sorted { edgeUnits.append(u); edgeTarget.append(t) }
        }
        edgeStart[stateCount] = Int32(edgeUnits.count)
        depth = depths
        // 2. Failure links by breadth-first search.
        fail = [Int32](repeating: 0, count: stateCount)
        outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int32] = Array(children[0].values)
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            for (u, t) in children[Int(s)] {
                queue.append(t)
                var f = fail[Int(s)]
                var target: Int32 = 0
                while true {
                    if let g = Self.childOf(f, u, children) { target = g; break }
                    if f == 0 { break }
                    f = fail[Int(f)]
                }
                fail[Int(t)] = target == t ? 0 : target
                let ft = fail[Int(t)]
                outputLink[Int(t)] = outputs[Int(ft)].isEmpty ? outputLink[Int(ft)] : ft
            }
        }
        outputStart = [Int32](repeating: 0, count: stateCount + 1)
        for s in 0..<stateCount {
            outputStart[s] = Int32(outputIDs.count)
            outputIDs.append(contentsOf: outputs[s])
        }
        outputStart[stateCount] = Int32(outputIDs.count)
    }

    private let foldCase: Bool

    @inline(__always) static func fold(_ u: UInt16) -> UInt16 { (u >= 0x41 && u <= 0x5A) ? u + 0x20 : u }

    private static func childOf(_ s: Int32, _ u: UInt16, _ children: [[UInt16: Int32]]) -> Int32? {
        children[Int(s)][u]
    }

    @inline(__always) private func next(_ s: Int32, _ u: UInt16) -> Int32? {
        if s == 0 { let t = rootNext[Int(u)]; return t == 0 ? nil : t }
        var lo = Int(edgeStart[Int(s)]), hi = Int(edgeStart[Int(s) + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let m = edgeUnits[mid]
            if m == u { return edgeTarget[mid] }
            if m < u { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Calls `body` for every occurrence of every pattern, in order of end position.
    public func search(_ text: UnsafeBufferPointer<UInt16>, _ body: (Hit) -> Void) {
        var s: Int32 = 0
        for i in 0..<text.count {
            let u = foldCase ? Self.fold(text[i]) : text[i]
            while true {
                if let t = next(s, u) { s = t; break }
                if s == 0 { break }
                s = fail[Int(s)]
            }
            if s == 0 { continue }
            var o = outputStart[Int(s)] < outputStart[Int(s) + 1] ? s : outputLink[Int(s)]
            while o >= 0 {
                let len = Int(depth[Int(o)])
                for k in Int(outputStart[Int(o)])..<Int(outputStart[Int(o) + 1]) {
                    body(Hit(start: i + 1 - len, end: i + 1, id: outputIDs[k]))
                }
                o = outputLink[Int(o)]
            }
        }
    }

    public func search(_ text: [UInt16]) -> [Hit] {
        var hits: [Hit] = []
        text.withUnsafeBufferPointer { buf in search(buf) { hits.append($0) } }
        return hits
    }
}
