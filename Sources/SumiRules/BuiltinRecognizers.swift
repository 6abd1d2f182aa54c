import Foundation
import SumiText

/// Builds the recognizers that are configured by data under Rules/ rather than by
/// a single regular expression: person names, sensitive facts tied to a person,
/// town names in personal context. Each reads its own files; adding words needs no Swift change.
enum BuiltinRecognizers {
    struct Loaded {
        var recognizers: [any Recognizer] = []
        var groupRecognizers: [any GroupRecognizer] = []
        var documentCues = DocumentCues()
    }

    static func load(directory: URL, normalizer: TextNormalizer, lexicon: LexiconBuilder,
                     dictionaries: CompiledDictionaries, only: Set<String>?) throws -> Loaded {
        var loaded = Loaded()
        func wanted(_ r: any Recognizer) -> Bool {
            guard let only else { return true }
            return r.rules.contains { only.contains($0.id) }
        }
        // Addresses run first: the person recognizers look at what was found before them.
        if let address = try AddressRecognizer.load(directory: directory, normalizer: normalizer, lexicon: lexicon,
                                                    gazetteer: dictionaries.gazetteer), wanted(address) {
            loaded.recognizers.append(address)
            if let postal = try PostalBeforeAddressRecognizer.load(directory: directory), wanted(postal) {
                loaded.recognizers.append(postal)
            }
        }
        try PersonRecognizers.load(directory: directory, normalizer: normalizer, lexicon: lexicon,
                                   dictionaries: dictionaries, only: only, into: &loaded)
        // First among the group recognizers: a facility's row is not a combination either.
        if let facility = try FacilityContactFilter.load(directory: directory, normalizer: normalizer) {
            loaded.groupRecognizers.insert(facility, at: 0)
        }
        return loaded
    }
}
