import Foundation

/// Variant kanji (異体字) folded to a standard form for matching, e.g. 髙→高, 﨑→崎.
///
/// NFKC does not fold these (they are distinct characters), but a name written
/// 髙橋 is the same name as 高橋. The table is data: Rules/dict/text/variant_kanji.tsv,
/// with its sources recorded beside it.
public struct VariantKanjiTable: Sendable {
    /// Variant scalar → standard scalar.
    public private(set) var map: [UInt32: UInt32] {
        didSet { bmp = Self.flatten(map) }
    }
    /// The same for the Basic Multilingual Plane as a flat table (0 = no variant): the
    /// normalizer looks up every character, and hashing each one into `map` cost more
    /// than NFKC itself.
    public private(set) var bmp: [UInt32]

    public init(map: [UInt32: UInt32] = [:]) {
        self.map = map
        bmp = Self.flatten(map)
    }

    private static func flatten(_ map: [UInt32: UInt32]) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 0x10000)
        for (v, s) in map where v < 0x10000 { table[Int(v)] = s }
        return table
    }

    /// Parses `variant<TAB>standard[<TAB>note]` lines; `#` starts a comment line.
    /// Only single-character pairs are used; anything else is reported as an error line.
    public init(tsv: String) throws {
        var map: [UInt32: UInt32] = [:]
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2,
                  let v = fields[0].unicodeScalars.first, fields[0].unicodeScalars.count == 1,
                  let s = fields[1].unicodeScalars.first, fields[1].unicodeScalars.count == 1
            else {
                throw TableError(message: "variant_kanji.tsv line \(number + 1): expected two single characters")
            }
            if v != s { map[v.value] = s.value }
        }
        self.map = map
        bmp = Self.flatten(map)
    }

    public struct TableError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { message }
    }
}

