import Foundation
import SumiModel
import SumiText

/// Everything built from the large files under Rules/dict/ (names, places), plus the hash
/// of the whole rules directory. Building it reads and normalizes about 400,000 lines and
/// costs about a third of a second of two cores; a CMS hook that checks one file pays that
/// on every call, so the result is kept in the dictionary cache (`DictionaryCache`) and
/// read back in a few milliseconds while Rules/ and the executable are unchanged.
struct CompiledDictionaries: Sendable {
    /// `RuleSet.version`: a hash of every path and byte under the rules directory.
    var version: String
    /// Surnames and given names (nil when recognizers/person_name.yaml is absent).
    var names: NameLexicon?
    /// Prefectures, municipalities and their towns (nil when dict/places/ is absent).
    var gazetteer: Gazetteer?
    /// Place names as written, for the `place_known` validator.
    var places: PlaceIndex?

    /// From the cache when it is current, else built from the files (and the cache refreshed).
    static func load(directory: URL, normalizer: TextNormalizer) throws -> CompiledDictionaries {
        let cache = DictionaryCache(rulesDirectory: directory)
        if let cache, let cached = cache.load() { return cached }
        let built = try build(directory: directory, normalizer: normalizer)
        cache?.store(built)
        return built
    }

    /// Reads the dictionaries from Rules/: the places and the hash of the directory on other
    /// cores while this one reads the names.
    static func build(directory: URL, normalizer: TextNormalizer) throws -> CompiledDictionaries {
        let version = BackgroundTask { try RuleSet.hashDirectory(directory) }
        let gazetteer = BackgroundTask { try Gazetteer.load(from: directory, normalizer: normalizer) }
        var names: NameLexicon?
        var namesError: (any Error)?
        do {
            if let file = try RecognizerConfig.read(KanaStopwords.self, directory, "recognizers/person_name.yaml") {
                names = try NameLexicon.load(directory: directory, normalizer: normalizer,
                                             kanaStopwords: Set(file.kanaStopwords))
            }
        } catch {
            namesError = error
        }
        let places = try PlaceIndex.load(from: directory)
        let builtGazetteer = try gazetteer.wait()
        let builtVersion = try version.wait()
        if let namesError { throw namesError }
        return CompiledDictionaries(version: builtVersion, names: names, gazetteer: builtGazetteer, places: places)
    }

    /// The one key of person_name.yaml the name lexicon needs.
    private struct KanaStopwords: Decodable {
        var kanaStopwords: [String]
        enum CodingKeys: String, CodingKey { case kanaStopwords = "kana_stopwords" }
    }

    func write(to w: inout SnapshotWriter) {
        w.string(version)
        w.u32(names == nil ? 0 : 1)
        if let names { w.table(names.table) }
        w.u32(gazetteer == nil ? 0 : 1)
        if let gazetteer { gazetteer.write(to: &w) }
        w.u32(places == nil ? 0 : 1)
        if let places {
            w.strings(places.prefectures.sorted())
            w.strings(places.municipalities.sorted())
        }
    }

    init(from r: inout SnapshotReader) throws {
        version = try r.string()
        names = try r.u32() == 1 ? NameLexicon(table: try r.table()) : nil
        gazetteer = try r.u32() == 1 ? try Gazetteer(from: &r) : nil
        places = try r.u32() == 1 ? PlaceIndex(prefectures: Set(try r.strings()), municipalities: Set(try r.strings())) : nil
    }

    init(version: String, names: NameLexicon?, gazetteer: Gazetteer?, places: PlaceIndex?) {
        self.version = version
        self.names = names
        self.gazetteer = gazetteer
        self.places = places
    }
}
