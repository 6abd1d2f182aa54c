import Foundation

/// How each kanji is used in the name lists (Rules/dict/names/name_kanji.tsv, counted from
/// the lists by Tools/dict/build_name_kanji.py): in how many surname spellings, how many
/// given-name spellings, and how many given names end with it.
///
/// Real people's names are often rarer than any list (on fresh documents a third of the
/// names were in no list). Where the context already says "a name stands here" (a name
/// field, a salutation line before 様, a list after 出席委員, 孫の…ちゃん), a string made of
/// name kanji in a name's shape is accepted as a name: 苅ノ江 環絵, 綺緒ちゃん. Never
/// without that context: almost every kanji occurs in some name.
struct NameKanji: Sendable {
    struct Counts: Sendable {
        var inSurnames: Int
        var inGiven: Int
        var endsGiven: Int
    }

    /// Minimum counts for a kanji to count as a name kanji (Rules/recognizers/person_name.yaml `name_shape`).
    struct Thresholds: Codable, Sendable {
        var surnameMin: Int
        var givenMin: Int
        var givenFinalMin: Int

        static let standard = Thresholds(surnameMin: 5, givenMin: 5, givenFinalMin: 5)

        enum CodingKeys: String, CodingKey {
            case surnameMin = "surname_min", givenMin = "given_min", givenFinalMin = "given_final_min"
        }
    }

    private var counts: [UInt16: Counts] = [:]
    let thresholds: Thresholds

    /// Empty (no file): no shape is accepted, the recognizers rely on the lists alone.
    init(thresholds: Thresholds = .standard) { self.thresholds = thresholds }

    static func load(directory: URL, thresholds: Thresholds) throws -> NameKanji {
        var table = NameKanji(thresholds: thresholds)
        let url = directory.appendingPathComponent("dict/names/name_kanji.tsv")
        guard FileManager.default.fileExists(atPath: url.path) else { return table }
        try TSVFile.forEachRow(url, file: "dict/names/name_kanji.tsv") { f in
            // Kanji outside the BMP (𠮷) are left out: names with them are in the lists or rare enough.
            guard f.count >= 4, let u = f[0].utf16.first, f[0].utf16.count == 1 else { return }
            table.counts[u] = Counts(inSurnames: Int(f[1]) ?? 0, inGiven: Int(f[2]) ?? 0, endsGiven: Int(f[3]) ?? 0)
        }
        return table
    }

    var isEmpty: Bool { counts.isEmpty }

    /// ノ ヶ ケ 之 inside a surname (木ノ下, 霞ヶ関, 井之上), never first or last.
    @inline(__always) static func isSurnameInfix(_ u: UInt16) -> Bool {
        u == 0x30CE || u == 0x30F6 || u == 0x30B1 || u == 0x4E4B
    }

    /// 1–4 name kanji (with ノ/ヶ inside): 椎ノ窪, 菖瀬, 巽浦.
    func surnameShaped(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        guard !counts.isEmpty, r.count >= 1, r.count <= 5 else { return false }
        var kanji = 0
        for k in r {
            let c = u[k]
            if Self.isSurnameInfix(c) && k != r.lowerBound && k != r.upperBound - 1 && c != 0x4E4B { continue }
            guard let n = counts[c], n.inSurnames >= thresholds.surnameMin else { return false }
            kanji += 1
        }
        return kanji >= 1 && kanji <= 4
    }

    /// 1–3 name kanji ending in a kanji that ends given names (澪羽, 琥汰), or 2–4 kana (いろみ, のどね).
    func givenShaped(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        guard !counts.isEmpty, r.count >= 1 else { return false }
        if Script.isKana(u[r.lowerBound]) {
            let kind = Script.kanaClass(of: u[r.lowerBound])
            return r.count >= 2 && r.count <= 4 && u[r.lowerBound] != 0x30FC && r.allSatisfy { kind(u[$0]) }
        }
        guard r.count <= 3 else { return false }
        for k in r {
            guard let n = counts[u[k]], n.inGiven >= thresholds.givenMin else { return false }
        }
        return (counts[u[r.upperBound - 1]]?.endsGiven ?? 0) >= thresholds.givenFinalMin
    }
}
