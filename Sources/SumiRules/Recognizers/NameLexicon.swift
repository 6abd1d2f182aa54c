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

    private(set) var table: [Key: Flags] = [:]
    static let maxLength = 12

    init() {}

    func flags(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Flags {
        guard let k = Key(units, range) else { return [] }
        return table[k] ?? []
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
            table[k, default: []].formUnion(f)
        }
    }

    /// Reads surnames.tsv, given_names.tsv and given_names_tier2.tsv. Kana readings of
    /// tier-1 names become kana names (はると, ユイ) unless listed as kana stop words.
    static func load(directory: URL, normalizer: TextNormalizer, kanaStopwords: Set<String>) throws -> NameLexicon {
        var lex = NameLexicon()
        let base = directory.appendingPathComponent("dict/names")
        func rows(_ file: String) throws -> [[Substring]] {
            let url = base.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw RuleLoadError(file: "dict/names/\(file)", message: "\(error)")
            }
            return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
                $0.split(separator: "\t", omittingEmptySubsequences: false)
            }
        }
        func norm(_ s: Substring) -> String { RecognizerConfig.normalizeEntry(s, normalizer) }
        for f in try rows("surnames.tsv") where f.count >= 5 {
            var flags: Flags = f[2] == "1" ? .surname1 : .surname2
            if f[4] == "1" { flags.insert(.surnameCommon) }
            lex.add(norm(f[0]), flags)
            if f[2] == "1", f[1].count >= 2 {
                // Stop words are hiragana words (こと, みな); the katakana form is still a name (ミナ).
                if !kanaStopwords.contains(String(f[1])) { lex.add(String(f[1]), .surnameKana) }
                lex.add(Script.katakana(String(f[1])), .surnameKana)
            }
        }
        for file in ["given_names.tsv", "given_names_tier2.tsv"] {
            for f in try rows(file) where f.count >= 5 {
                var flags: Flags = f[2] == "1" ? .given1 : .given2
                if f[4] == "1" { flags.insert(.givenCommon) }
                lex.add(norm(f[0]), flags)
                if f[2] == "1", f[1].count >= 2 {
                    if !kanaStopwords.contains(String(f[1])) { lex.add(String(f[1]), .givenKana) }
                    lex.add(Script.katakana(String(f[1])), .givenKana)
                }
            }
        }
        return lex
    }
}
