import Foundation
import SumiText

/// Loads the recognizers about people: names, towns in personal context, sensitive
/// facts tied to a person, and the combination check per opinion/row.
///
/// Files: Rules/recognizers/{person_context,person_name,town,sensitive}.yaml (see Rules/README.md).
/// Order matters: names first (towns and facts look for a name in the same sentence),
/// then towns, then sensitive facts; the combination check runs per group afterwards.
enum PersonRecognizers {
    static func load(directory: URL, normalizer: TextNormalizer, lexicon: LexiconBuilder,
                     dictionaries: CompiledDictionaries, only: Set<String>?,
                     into loaded: inout BuiltinRecognizers.Loaded) throws {
        let ctxPath = "recognizers/person_context.yaml"
        guard let ctxFile = try RecognizerConfig.read(PersonContextFile.self, directory, ctxPath) else { return }
        let context = PersonContext(file: ctxFile, normalizer: normalizer, lexicon: lexicon)
        func wanted(_ ids: [String]) -> Bool { only.map { !$0.isDisjoint(with: ids) } ?? true }

        let namePath = "recognizers/person_name.yaml"
        if let file = try RecognizerConfig.read(PersonNameFile.self, directory, namePath), wanted(file.rules.map(\.id)) {
            let nameKanji = try NameKanji.load(directory: directory, thresholds: file.nameShape ?? .standard)
            var seats = SeatingChart()
            if let seatFile = try RecognizerConfig.read(SeatingChart.File.self, directory, SeatingChart.path) {
                seats = SeatingChart(file: seatFile, normalizer: normalizer)
                loaded.documentCues.seatingChartTitles = seatFile.titles
            }
            let r = try PersonNameRecognizer(file: file, path: namePath, names: dictionaries.names ?? NameLexicon(),
                                             nameKanji: nameKanji, seats: seats, context: context,
                                             normalizer: normalizer, lexicon: lexicon)
            loaded.recognizers.append(r)
        }
        let townPath = "recognizers/town.yaml"
        var markers: [[UInt16]] = []
        if let file = try RecognizerConfig.read(TownFile.self, directory, townPath) {
            markers = file.blockMarkers.map { Array(normalizer.normalize($0).units) }
            if wanted(file.rules.map(\.id)) {
                guard let gazetteer = dictionaries.gazetteer else {
                    throw RuleLoadError(file: townPath, message: "dict/places/ (prefectures.tsv, municipalities.tsv, towns/) is missing")
                }
                let town = try TownRecognizer(file: file, path: townPath, gazetteer: gazetteer, context: context,
                                              normalizer: normalizer, lexicon: lexicon)
                loaded.recognizers.append(town)
                loaded.groupRecognizers.append(TownColumnRecognizer(town: town))
            }
        }
        let sensitivePath = "recognizers/sensitive.yaml"
        if let file = try RecognizerConfig.read(SensitiveFile.self, directory, sensitivePath), wanted(file.rules.map(\.id)) {
            let r = try SensitiveFactRecognizer(file: file, path: sensitivePath, directory: directory, context: context,
                                                normalizer: normalizer, lexicon: lexicon)
            loaded.recognizers.append(r)
            loaded.groupRecognizers.append(CombinationRecognizer(sensitive: r, context: context, blockMarkers: markers))
        }
    }
}
