import Foundation
import SumiText

/// Surnames and given names from Rules/dict/names/, normalized like the text (髙橋 and
/// 高橋 are one key), looked up by UTF-16 slice without building strings.
///
/// Dictionary hits alone are never findings (many surnames are ordinary words: 森, 原,
/// 小川); recognizers look names up only next to context or as a surname + given-name pair.
struct NameLexicon: Sendable {
    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        static let surname1 = Flags(rawValue: 1)        // common-name list (tier 1)
        static let surname2 = Flags(rawValue: 2)        // SudachiDict only (tier 2)
        static let surnameCommon = Flags(rawValue: 4)   // also an everyday word
        static let given1 = Flags(rawValue: 8)
        static let given2 = Flags(rawValue: 16)
        static let givenCommon = Flags(rawValue: 32)
        static let givenKana = Flags(rawValue: 64)      // a reading of a tier-1 given name, in kana
        static let surnameKana = Flags(rawValue: 128)   // a reading of a tier-1 surname, in kana

        var isSurname: Bool { !isDisjoint(with: [.surname1, .surname2]) }
        var isGiven: Bool { !isDisjoint(with: [.given1, .given2, .givenKana]) }
    }

    /// Up to 12 UTF-16 units packed into three words; longer strings are not names here.
    struct Key: Hashable, Sendable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0

        init() {}

        init?(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
            guard range.count > 0, range.count <= 12 else { return nil }
            var k = 0
            for i in range {
                let v = UInt64(units[i]) << UInt64((k % 4) * 16)
                switch k / 4 {
                case 0: a |= v
                case 1: b |= v
                default: c |= v
                }
                k += 1
            }
        }
    }

    private(set) var table = KeyTable<Flags>()
    static let maxLength = 12

    init() {}

    func flags(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Flags {
        guard let k = Key(units, range) else { return [] }
        return table.get(k) ?? []
    }

    func flags(_ units: [UInt16], _ range: Range<Int>) -> Flags {
        units.withUnsafeBufferPointer { flags($0, range) }
    }

    func flags(of string: String) -> Flags {
        let u = Array(string.utf16)
        return flags(u, 0..<u.count)
    }

    mutating func add(_ normalized: String, _ f: Flags) {
        let u = Array(normalized.utf16)
        u.withUnsafeBufferPointer { buf in
            guard let k = Key(buf, 0..<buf.count) else { return }
            table.update(k) { $0 = ($0 ?? []).union(f) }
        }
    }

    mutating func add(units u: [UInt16], _ f: Flags) {
        u.withUnsafeBufferPointer { buf in
            guard let k = Key(buf, 0..<buf.count) else { return }
            table.update(k) { $0 = ($0 ?? []).union(f) }
        }
    }

    /// Reads surnames.tsv, given_names.tsv and given_names_tier2.tsv. Kana readings of
    /// tier-1 names become kana names (はると, ユイ); hiragana stop words (こと, みな) are left
    /// out, their katakana forms (ミナ) stay.
    static func load(directory: URL, normalizer: TextNormalizer, kanaStopwords: Set<String>) throws -> NameLexicon {
        var lex = NameLexicon()
        let stop = Set(kanaStopwords.map { Array($0.utf16) })
        let base = directory.appendingPathComponent("dict/names")
        for (file, surname) in [("surnames.tsv", true), ("given_names.tsv", false), ("given_names_tier2.tsv", false)] {
            let url = base.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let bytes = try FastTSV.read(url, file: "dict/names/\(file)")
            FastTSV.forEachRow(bytes) { f in
                guard f.count >= 5 else { return }
                let tier1 = FastTSV.equals(bytes, f[2], 0x31)
                let common = FastTSV.equals(bytes, f[4], 0x31)
                var flags: Flags = surname ? (tier1 ? .surname1 : .surname2) : (tier1 ? .given1 : .given2)
                if common { flags.insert(surname ? .surnameCommon : .givenCommon) }
                lex.add(units: FastTSV.normalized(FastTSV.utf16(bytes, f[0]), normalizer), flags)
                guard tier1 else { return }
                let reading = FastTSV.utf16(bytes, f[1])
                guard reading.count >= 2 else { return }
                let kana: Flags = surname ? .surnameKana : .givenKana
                if !stop.contains(reading) { lex.add(units: reading, kana) }
                lex.add(units: reading.map { Script.isHiragana($0) && $0 <= 0x3096 ? $0 + 0x60 : $0 }, kana)
            }
        }
        return lex
    }
}

/// An open-addressing hash table keyed by `NameLexicon.Key` with a cheap multiplicative
/// hash: the name and town look-ups run for every kanji run of every scanned text, and
/// Swift's `Dictionary` (SipHash) was most of their cost.
struct KeyTable<Value: Sendable>: Sendable {
    private var keys: [NameLexicon.Key] = []
    private var values: [Value?] = []
    private var mask = 0
    private(set) var count = 0

    init() { resize(1 << 10) }

    @inline(__always) private static func hash(_ k: NameLexicon.Key) -> Int {
        var h = k.a &* 0x9E37_79B9_7F4A_7C15
        h ^= k.b &* 0xC2B2_AE3D_27D4_EB4F
        h ^= k.c &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    func get(_ k: NameLexicon.Key) -> Value? {
        var i = Self.hash(k) & mask
        while let v = values[i] {
            if keys[i] == k { return v }
            i = (i + 1) & mask
        }
        return nil
    }

    func contains(_ k: NameLexicon.Key) -> Bool { get(k) != nil }

    mutating func update(_ k: NameLexicon.Key, _ body: (inout Value?) -> Void) {
        if (count + 1) * 2 > values.count { resize(values.count * 2) }
        var i = Self.hash(k) & mask
        while values[i] != nil {
            if keys[i] == k { body(&values[i]); return }
            i = (i + 1) & mask
        }
        var v: Value? = nil
        body(&v)
        guard v != nil else { return }
        keys[i] = k
        values[i] = v
        count += 1
    }

    private mutating func resize(_ capacity: Int) {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: NameLexicon.Key(), count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where v != nil {
            var i = Self.hash(k) & mask
            while values[i] != nil { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
            count += 1
        }
    }
}
