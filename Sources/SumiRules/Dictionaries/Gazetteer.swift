import Foundation
import SumiText

/// Prefectures, municipalities and the town names (町域) of each municipality, in
/// normalized form, read from Rules/dict/places/ (Japan Post postal-code data and
/// Geolonia's 町丁目 list; see Rules/dict/places/SOURCE.md).
///
/// The address recognizer finds a municipality by name, then asks which of that
/// municipality's towns the following text starts with.
struct Gazetteer: Sendable {
    /// Normalized prefecture names (東京都, 北海道 …).
    let prefectures: [[UInt16]]
    /// Normalized municipality name as it may be written → the prefectures that have it
    /// (府中市 is in Tokyo and Hiroshima). Names of towns in a 郡 are also indexed
    /// without the 郡 (三重郡川越町 → 川越町), as people usually write them.
    let municipalities: [String: [String]]
    /// "prefecture\tmunicipality" → the tag its towns are filed under in `towns`.
    let municipalityTags: [String: UInt16]
    /// Every normalized town name (町域) under the tag of its municipality, and once more
    /// under `anyMunicipality` for the town recognizer, which asks whether a word is a town at all.
    let towns: FlatStringTable
    /// Municipality as written → the tags of its towns in each prefecture that has it, so a
    /// look-up (one per municipality found in a text) builds no key strings.
    private let tagsByMunicipality: [String: [UInt16]]
    static let anyMunicipality: UInt16 = 0
    /// Longest town name of any municipality, in UTF-16 units.
    var longestTown: Int { towns.longest }

    static func load(from directory: URL, normalizer: TextNormalizer) throws -> Gazetteer? {
        let base = directory.appendingPathComponent("dict/places")
        let fm = FileManager.default
        let prefURL = base.appendingPathComponent("prefectures.tsv")
        let muniURL = base.appendingPathComponent("municipalities.tsv")
        guard fm.fileExists(atPath: prefURL.path), fm.fileExists(atPath: muniURL.path) else { return nil }
        func rows(_ url: URL) throws -> [[String]] {
            var out: [[String]] = []
            try TSVFile.forEachRow(url, file: "dict/places/\(url.lastPathComponent)") { out.append($0) }
            return out
        }
        // Most names are plain kanji/kana that normalization leaves as they are; only the
        // rest (kanji numerals, variants, full-width forms) go through the normalizer.
        let variants = normalizer.variants.map
        func norm(_ s: String) -> String {
            for v in s.unicodeScalars.lazy.map(\.value) {
                let plain = (v >= 0x4E00 && v <= 0x9FFF && variants[v] == nil && !Gazetteer.kanjiNumeralSet.contains(v))
                    || (v >= 0x3041 && v <= 0x3096) || (v >= 0x30A1 && v <= 0x30FA)
                if !plain { return normalizer.normalize(s).normalizedString }
            }
            return s
        }

        let prefectures = try rows(prefURL).compactMap { $0.first.map { Array(norm($0).utf16) } }.filter { !$0.isEmpty }
        var municipalities: [String: [String]] = [:]
        func addMunicipality(_ name: String, prefecture: String) {
            guard !name.isEmpty else { return }
            if municipalities[name]?.contains(prefecture) != true { municipalities[name, default: []].append(prefecture) }
        }
        for f in try rows(muniURL) where f.count >= 2 {
            let pref = norm(f[0]), muni = norm(f[1])
            addMunicipality(muni, prefecture: pref)
            if let gun = muni.firstIndex(of: "郡") { addMunicipality(String(muni[muni.index(after: gun)...]), prefecture: pref) }
        }

        var tags: [String: UInt16] = [:]
        var towns = FlatStringTable.Builder()
        let townDir = base.appendingPathComponent("towns")
        let townFiles = ((try? fm.contentsOfDirectory(atPath: townDir.path)) ?? []).filter { $0.hasSuffix(".tsv") }.sorted()
        // Rows come grouped by municipality: normalize its name once per group.
        var lastRaw = ("", ""), keyTags: [UInt16] = []
        for name in townFiles {
            let file = "dict/places/towns/\(name)"
            try TSVFile.forEachRow(townDir.appendingPathComponent(name), file: file) { f in
                guard f.count >= 3, !f[2].isEmpty else { return }
                if (f[0], f[1]) != lastRaw {
                    lastRaw = (f[0], f[1])
                    let pref = norm(f[0]), muni = norm(f[1])
                    var keys = ["\(pref)\t\(muni)"]
                    if let gun = muni.firstIndex(of: "郡") { keys.append("\(pref)\t\(muni[muni.index(after: gun)...])") }
                    keyTags = try keys.map { key in
                        if let t = tags[key] { return t }
                        guard tags.count < Int(UInt16.max) - 1 else {
                            throw RuleLoadError(file: file, message: "too many municipalities (more than 65,534)")
                        }
                        let t = UInt16(tags.count + 1)
                        tags[key] = t
                        return t
                    }
                }
                let town = Array(norm(f[2]).utf16)
                for tag in keyTags { towns.insert(town, tag: tag, flags: 1) }
                towns.insert(town, tag: anyMunicipality, flags: 1)
            }
        }
        return Gazetteer(prefectures: prefectures, municipalities: municipalities, municipalityTags: tags, towns: towns.build())
    }

    private static let kanjiNumeralSet: Set<UInt32> = Set("〇一二三四五六七八九十百千".unicodeScalars.map(\.value))

    /// The longest town name of the municipality (as written) that `units` starts with at `start`.
    func town(after municipality: String, in units: [UInt16], at start: Int) -> Int? {
        guard let tags = tagsByMunicipality[municipality], !tags.isEmpty else { return nil }
        return units.withUnsafeBufferPointer { u in
            var length = min(longestTown, u.count - start)
            while length > 0 {
                if tags.contains(where: { towns.contains(u, start..<(start + length), tag: $0) }) { return length }
                length -= 1
            }
            return nil
        }
    }

    /// Whether `u[r]` is the name of a town in any municipality.
    func isTown(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        towns.contains(u, r, tag: Self.anyMunicipality)
    }

    /// Length of the prefecture name that ends exactly at `end`, if any.
    func prefecture(endingAt end: Int, in units: [UInt16]) -> Int? {
        for p in prefectures where p.count <= end {
            if units[(end - p.count)..<end].elementsEqual(p) { return p.count }
        }
        return nil
    }

    func write(to w: inout SnapshotWriter) {
        w.strings(prefectures.map { String(decoding: $0, as: UTF16.self) })
        w.strings(municipalities.keys.sorted().map { ([$0] + municipalities[$0]!).joined(separator: "\t") })
        w.strings(municipalityTags.sorted { $0.value < $1.value }.map(\.key))
        w.table(towns)
    }

    init(from r: inout SnapshotReader) throws {
        prefectures = try r.strings().map { Array($0.utf16) }
        var municipalities: [String: [String]] = [:]
        for line in try r.strings() {
            let f = line.split(separator: "\t").map(String.init)
            guard f.count >= 2 else { throw SnapshotError.truncated }
            municipalities[f[0]] = Array(f.dropFirst())
        }
        self.municipalities = municipalities
        var tags: [String: UInt16] = [:]
        for (i, key) in try r.strings().enumerated() { tags[key] = UInt16(i + 1) }
        municipalityTags = tags
        towns = try r.table()
        tagsByMunicipality = Self.tags(municipalities, tags)
    }

    init(prefectures: [[UInt16]], municipalities: [String: [String]], municipalityTags: [String: UInt16], towns: FlatStringTable) {
        self.prefectures = prefectures
        self.municipalities = municipalities
        self.municipalityTags = municipalityTags
        self.towns = towns
        tagsByMunicipality = Self.tags(municipalities, municipalityTags)
    }

    private static func tags(_ municipalities: [String: [String]], _ keys: [String: UInt16]) -> [String: [UInt16]] {
        var out: [String: [UInt16]] = [:]
        for (name, prefs) in municipalities { out[name] = prefs.compactMap { keys["\($0)\t\(name)"] } }
        return out
    }
}
