/// A hash set of short UTF-16 strings, each filed under a 16-bit tag (which list it is in:
/// 0 for a plain word list, a municipality's number for its towns) and carrying 16 bits of
/// flags, looked up by a slice of the scanned text without building a string.
///
/// Everything lives in two flat arrays, so the dictionary cache writes and reads a table
/// with one copy each way instead of re-inserting 300,000 names at every start-up; and the
/// look-ups, which run for every kanji run of every scanned text, touch no reference counts.
struct FlatStringTable: @unchecked Sendable {
    // The two arrays as buffers: owned by `storage` (a table built here) or pointing into the
    // mapped cache file (a table read from the cache, used in place with no copy). Never
    // written after `init`, so sharing them between scanning threads is safe.
    /// Entries back to back: length, tag, flags, then the units.
    let pool: UnsafeBufferPointer<UInt16>
    /// 0 for an empty slot, else 1 + the pool offset of an entry. Linear probing; the
    /// capacity is a power of two, at most half full.
    let slots: UnsafeBufferPointer<UInt32>
    /// Keeps the memory of `pool` and `slots` alive.
    private let storage: AnyObject
    let count: Int
    /// Length of the longest string, in UTF-16 units: callers bound their look-ups by it.
    let longest: Int

    fileprivate static let header = 3

    /// An empty table.
    init() { self = Builder().build() }

    /// A table over memory someone else owns (`storage` keeps it alive): the dictionary
    /// cache's mapping. Throws if the sizes are not a table's; each look-up checks its
    /// offsets, so a damaged file gives wrong answers at worst, never a read out of bounds.
    init(pool: UnsafeBufferPointer<UInt16>, slots: UnsafeBufferPointer<UInt32>, count: Int, longest: Int,
         storage: AnyObject) throws {
        guard slots.count >= 2, slots.count & (slots.count - 1) == 0, count * 2 <= slots.count,
              pool.count <= Int(UInt32.max) - 1 else { throw FlatStringTableError.damaged }
        self.pool = pool
        self.slots = slots
        self.count = count
        self.longest = longest
        self.storage = storage
    }

    @inline(__always)
    private static func hash(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, tag: UInt16) -> Int {
        // FNV-1a over the units, then a final mix so the low bits (the slot index) depend on all of them.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(tag)
        for i in r { h = (h ^ UInt64(u[i])) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    /// The flags of `u[r]` filed under `tag`; 0 when it is not in the table.
    @inline(__always)
    func flags(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, tag: UInt16 = 0) -> UInt16 {
        guard r.count > 0, r.count <= longest else { return 0 }
        let mask = slots.count - 1
        var i = Self.hash(u, r, tag: tag) & mask
        let p = pool, s = slots, n = r.count
        var probes = 0
        while s[i] != 0 && probes < s.count {
            let o = Int(s[i]) - 1
            if o + Self.header + n <= p.count && Int(p[o]) == n && p[o + 1] == tag {
                var k = o + Self.header, j = r.lowerBound
                while j < r.upperBound && p[k] == u[j] { k += 1; j += 1 }
                if j == r.upperBound { return p[o + 2] }
            }
            i = (i + 1) & mask
            probes += 1
        }
        return 0
    }

    func contains(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, tag: UInt16 = 0) -> Bool {
        flags(u, r, tag: tag) != 0
    }

    func contains(_ units: [UInt16], tag: UInt16 = 0) -> Bool {
        units.withUnsafeBufferPointer { contains($0, 0..<$0.count, tag: tag) }
    }

    /// Builds a table by insertion; `build()` freezes it.
    struct Builder {
        private var pool: [UInt16] = []
        private var slots = [UInt32](repeating: 0, count: 1 << 10)
        private var count = 0
        private var longest = 0

        /// Adds `units` under `tag`, or adds `flags` (non-zero) to an entry already there.
        mutating func insert(_ units: [UInt16], tag: UInt16 = 0, flags: UInt16) {
            precondition(flags != 0, "flags 0 marks an absent entry")
            guard !units.isEmpty, units.count <= Int(UInt16.max) else { return }
            if (count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            units.withUnsafeBufferPointer { u in
                var i = FlatStringTable.hash(u, 0..<u.count, tag: tag) & mask
                while slots[i] != 0 {
                    let o = Int(slots[i]) - 1
                    if Int(pool[o]) == u.count && pool[o + 1] == tag
                        && pool[(o + header)..<(o + header + u.count)].elementsEqual(u) {
                        pool[o + 2] |= flags
                        return
                    }
                    i = (i + 1) & mask
                }
                slots[i] = UInt32(pool.count + 1)
                pool.append(UInt16(u.count))
                pool.append(tag)
                pool.append(flags)
                pool.append(contentsOf: u)
                count += 1
                longest = max(longest, u.count)
            }
        }

        private var header: Int { FlatStringTable.header }

        private mutating func grow() {
            var bigger = [UInt32](repeating: 0, count: slots.count * 2)
            let mask = bigger.count - 1
            pool.withUnsafeBufferPointer { p in
                for s in slots where s != 0 {
                    let o = Int(s) - 1
                    var i = FlatStringTable.hash(p, (o + header)..<(o + header + Int(p[o])), tag: p[o + 1]) & mask
                    while bigger[i] != 0 { i = (i + 1) & mask }
                    bigger[i] = s
                }
            }
            slots = bigger
        }

        func build() -> FlatStringTable {
            let owned = OwnedTableMemory(pool: pool, slots: slots)
            // The arrays are never resized again: their buffers stay valid while `owned` lives.
            return try! FlatStringTable(pool: owned.pool, slots: owned.slots, count: count, longest: longest, storage: owned)
        }
    }
}

/// The memory of a table built in this process.
private final class OwnedTableMemory {
    private let poolMemory: UnsafeMutableBufferPointer<UInt16>
    private let slotMemory: UnsafeMutableBufferPointer<UInt32>
    let pool: UnsafeBufferPointer<UInt16>
    let slots: UnsafeBufferPointer<UInt32>

    init(pool: [UInt16], slots: [UInt32]) {
        poolMemory = .allocate(capacity: max(pool.count, 1))
        _ = poolMemory.initialize(from: pool)
        slotMemory = .allocate(capacity: slots.count)
        _ = slotMemory.initialize(from: slots)
        self.pool = UnsafeBufferPointer(rebasing: poolMemory[0..<pool.count])
        self.slots = UnsafeBufferPointer(slotMemory)
    }

    deinit {
        poolMemory.deallocate()
        slotMemory.deallocate()
    }
}

enum FlatStringTableError: Error { case damaged }
