import Foundation
import SumiModel
import SumiText
import Yams

/// A rule implemented by a recognizer, as written in Rules/recognizers/*.yaml: the same
/// fields as a pattern rule minus the patterns (the recognizer's word lists replace them).
struct RecognizerRuleDefinition: Codable, Sendable {
    var id: String
    var category: String
    var label: String
    var severity: String
    var legalClass: String
    var description: String
    var confidence: Double?
    var examples: RuleDefinition.Examples

    enum CodingKeys: String, CodingKey {
        case id, category, label, severity
        case legalClass = "legal_class"
        case description, confidence, examples
    }

    /// Checks the enums and the example counts, naming the file and rule on error.
    func info(file: String) throws -> RuleInfo {
        func fail(_ m: String) -> RuleLoadError { RuleLoadError(file: file, rule: id, message: m) }
        guard let c = Category(rawValue: category) else { throw fail("unknown category '\(category)'") }
        guard let s = Severity(rawValue: severity) else { throw fail("unknown severity '\(severity)'") }
        guard let l = LegalClass(rawValue: legalClass) else { throw fail("unknown legal_class '\(legalClass)'") }
        guard examples.match.count >= 5, examples.noMatch.count >= 5 else {
            throw fail("needs at least 5 examples that match and 5 that do not")
        }
        return RuleInfo(id: id, category: c, label: label, severity: s, legalClass: l,
                        description: description, examples: examples, file: file)
    }
}

/// Rules/recognizers/person_context.yaml: words that tie a fact to one person.
struct PersonContextFile: Codable, Sendable {
    /// 続柄: 孫, 娘, 長男 ... (a given name alone after 「孫の」 is a name).
    var relations: [String]
    /// First person: 私, うちの子, 我が家 ...
    var firstPerson: [String]
    /// Words right after 私 that make it plural or not a pronoun (私たち, 私立).
    var firstPersonExclude: [String]
    /// Words right after "N歳" that make the age general (65歳以上).
    var ageExcludeAfter: [String]
    /// Words right before "N歳" that make it the end of a band (60歳から64歳).
    var ageExcludeBefore: [String]?

    enum CodingKeys: String, CodingKey {
        case ageExcludeBefore = "age_exclude_before"
        case relations
        case firstPerson = "first_person"
        case firstPersonExclude = "first_person_exclude"
        case ageExcludeAfter = "age_exclude_after"
    }
}

/// Rules/recognizers/person_name.yaml.
struct PersonNameFile: Codable, Sendable {
    var rules: [RecognizerRuleDefinition]
    var honorifics: [String]
    var titles: [String]
    var honorificStopwords: [String]
    var fieldLabels: [String]
    var fieldLabelExclude: [String]
    var inlineLabels: [String]
    var cellStopwords: [String]
    var organisationWords: [String]
    var kanaStopwords: [String]
    var foreignNameParts: [String]
    var romajiStopwords: [String]
    /// Self-introductions after a name: 等々力の髙橋です, 山田と申します.
    var selfIntroductions: [String]?
    /// Reading fields and columns (フリガナ, カナ, 口座名義（カナ）): their kana values are the name's reading.
    var readingLabels: [String]?
    /// Reading fields of organisations (団体名フリガナ, 施設名カナ).
    var readingLabelExclude: [String]?
    /// How often a kanji must occur in the name lists to make a name outside them (NameKanji).
    var nameShape: NameKanji.Thresholds?
    /// Words of a form's items (生年月日, 住所): a run containing one is never a name by shape.
    var formWords: [String]?
    /// Everyday words made of name kanji (成長, 希望): after a relation, never a name by shape.
    var everydayWords: [String]?

    enum CodingKeys: String, CodingKey {
        case selfIntroductions = "self_introductions"
        case readingLabels = "reading_labels", readingLabelExclude = "reading_label_exclude", nameShape = "name_shape", formWords = "form_words", everydayWords = "everyday_words"
        case rules, honorifics, titles
        case honorificStopwords = "honorific_stopwords"
        case fieldLabels = "field_labels"
        case fieldLabelExclude = "field_label_exclude"
        case inlineLabels = "inline_labels"
        case cellStopwords = "cell_stopwords"
        case organisationWords = "organisation_words"
        case kanaStopwords = "kana_stopwords"
        case foreignNameParts = "foreign_name_parts"
        case romajiStopwords = "romaji_stopwords"
    }
}

/// Rules/recognizers/sensitive.yaml.
struct SensitiveFile: Codable, Sendable {
    var rules: [RecognizerRuleDefinition]
    /// Term list per rule id: the TSV files under dict/sensitive/ (term, kind, note).
    var termFiles: [String: String]
    /// Terms that only say "treated/in hospital"; reported only when no specific term is in the sentence.
    var genericTerms: [String]
    /// Extra terms beyond the TSV files, per rule id.
    var extraTerms: [String: [String]]?
    /// A term in two files is reported under this rule.
    var categoryOverrides: [String: String]?
    /// Terms whose kind is `grade` in the TSVs are not matched alone; these are extended by a grade.
    var gradeAfter: [String]
    /// Words right after a term that mark general/policy text (besides dict/sensitive/general_context.tsv).
    var generalAfter: [String]
    /// Words right before a term that mark general text (がん「検診」 comes after; 「各種」 before).
    var generalBefore: [String]
    /// Cells this short (characters) in a row with a name count as facts about that person.
    var rowCellMaxLength: Int?
    /// Kinds of term (dict/sensitive `kind` column) that the sentence before may tie to a person.
    var previousSentenceKinds: [String]?
    /// Kinds that follow the previous sentence's person only when a predicate of one's own
    /// state comes right after the term (生活保護を受けています), and those predicates.
    var statePredicateKinds: [String]?
    var statePredicates: [String]?
    /// How many sentences back, within the paragraph, may name the person (default 1).
    var previousSentenceLimit: Int?
    /// A sentence starting with one of these (【区の考え方】) speaks for someone else: it is not tied to the sentence before.
    var previousSentenceBreaks: [String]?
    /// Rules whose findings are a person's town of residence (喜多見在住の…), which ties a fact to them.
    var residenceRules: [String]?
    /// Form items whose value is a fact about the form's subject (疾病名, 障害名, 既往歴 …).
    var formLabels: [String]?
    /// Terms in the lists that are too vague alone (障害).
    var ignoreTerms: [String]?

    enum CodingKeys: String, CodingKey {
        case rules
        case termFiles = "term_files"
        case genericTerms = "generic_terms"
        case extraTerms = "extra_terms"
        case categoryOverrides = "category_overrides"
        case gradeAfter = "grade_after"
        case generalAfter = "general_after"
        case generalBefore = "general_before"
        case rowCellMaxLength = "row_cell_max_length"
        case previousSentenceKinds = "previous_sentence_kinds"
        case statePredicateKinds = "state_predicate_kinds", statePredicates = "state_predicates"
        case previousSentenceLimit = "previous_sentence_limit"
        case previousSentenceBreaks = "previous_sentence_breaks"
        case residenceRules = "residence_rules"
        case formLabels = "form_labels"
        case ignoreTerms = "ignore_terms"
    }
}

/// Rules/recognizers/town.yaml.
struct TownFile: Codable, Sendable {
    var rules: [RecognizerRuleDefinition]
    /// Residence markers after a town name: 在住, に住む, の自宅 ...
    var residenceAfter: [String]
    /// Suffixes that may be part of the same kanji run: 在住, 在, 地区.
    var runSuffixes: [String]
    /// Town names that are everyday words and never taken alone.
    var stopwords: [String]
    /// Lines starting with these begin a new opinion (block) in running text.
    var blockMarkers: [String]
    /// Column headers whose cells hold where a person lives (町名, 居住地区): a town alone in
    /// such a cell is an address.
    var fieldLabels: [String]?

    enum CodingKeys: String, CodingKey {
        case rules
        case residenceAfter = "residence_after"
        case runSuffixes = "run_suffixes"
        case stopwords
        case blockMarkers = "block_markers"
        case fieldLabels = "field_labels"
    }
}

enum RecognizerConfig {
    static func read<T: Decodable>(_ type: T.Type, _ directory: URL, _ rel: String) throws -> T? {
        let url = directory.appendingPathComponent(rel)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let yaml = try String(contentsOf: url, encoding: .utf8)
            return try YAMLDecoder().decode(T.self, from: yaml)
        } catch {
            throw RuleLoadError(file: rel, message: "YAML を読めません: \(error)")
        }
    }

    /// Registers normalized literals and returns (id, original word) pairs.
    static func literals(_ words: [String], _ normalizer: TextNormalizer, _ lexicon: LexiconBuilder) -> [(id: Int32, word: String)] {
        words.map { (lexicon.id(for: normalizer.normalize($0).normalizedString), $0) }
    }

    /// Kanji numerals the normalizer turns into digits before a counter (千歳台 → 1000歳台).
    static let kanjiNumerals: Set<UInt32> = Set("〇一二三四五六七八九十百千万".unicodeScalars.map(\.value))

    static func normalizedSet(_ words: [String], _ normalizer: TextNormalizer) -> Set<String> {
        Set(words.map { normalizer.normalize($0).normalizedString })
    }
}
