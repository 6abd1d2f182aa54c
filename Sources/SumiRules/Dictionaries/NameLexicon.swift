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

    /// Names and readings, under tag 0, with their `Flags`.
    let table: FlatStringTable
    /// Longer runs are not looked up: no name in the lists is this long.
    static let maxLength = 12

    /// An empty lexicon (no name dictionaries).
    init() { table = FlatStringTable() }

    init(table: FlatStringTable) { self.table = table }

    func flags(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Flags {
        guard range.count <= Self.maxLength else { return [] }
        return Flags(rawValue: table.flags(units, range))
    }

    func flags(_ units: [UInt16], _ range: Range<Int>) -> Flags {
        units.withUnsafeBufferPointer { flags($0, range) }
    }

    func flags(of string: String) -> Flags {
        let u = Array(string.utf16)
        return flags(u, 0..<u.count)
    }

    /// Reads surnames.tsv, given_names.tsv and given_names_tier2.tsv. Kana readings of
    /// tier-1 names become kana names (はると, ユイ); hiragana stop words (こと, みな) are left
    /// out, their katakana forms (ミナ) stay.
    static func load(directory: URL, normalizer: TextNormalizer, kanaStopwords: Set<String>) throws -> NameLexicon {
        var table = FlatStringTable.Builder()
        func add(units u: [UInt16], _ f: Flags) {
            guard u.count <= maxLength, !f.isEmpty else { return }
            table.insert(u, flags: f.rawValue)
        }
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
                add(units: FastTSV.normalized(FastTSV.utf16(bytes, f[0]), normalizer), flags)
                guard tier1 else { return }
                let reading = FastTSV.utf16(bytes, f[1])
                guard reading.count >= 2 else { return }
                let kana: Flags = surname ? .surnameKana : .givenKana
                if !stop.contains(reading) { add(units: reading, kana) }
                add(units: reading.map { Script.isHiragana($0) && $0 <= 0x3096 ? $0 + 0x60 : $0 }, kana)
            }
        }
        return NameLexicon(table: table.build())
    }
}
