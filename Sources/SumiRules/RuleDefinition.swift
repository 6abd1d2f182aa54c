import SumiModel

/// A rule as written in a pack file under Rules/packs/ (YAML). See Rules/README.md.
public struct RuleDefinition: Codable, Sendable {
    public var id: String
    public var category: String
    public var label: String
    public var severity: String
    /// Severity when a context keyword is near (e.g. a My Number next to 個人番号 is critical).
    public var severityWithContext: String?
    public var legalClass: String
    public var description: String
    /// ICU regular expressions over the normalized text (NFKC, dashes folded to "-",
    /// spaces to " ", kanji numerals before counters as digits).
    public var patterns: [String]
    /// Which capture group is the finding (default 0, the whole match).
    public var group: Int?
    /// Cheap prefilter: the rule's patterns run only near one of these.
    public var anchor: Anchor?
    /// Words that raise confidence near the match (also usable as anchors).
    public var keywords: [String]?
    public var context: ContextDefinition?
    /// Drop a match unless a keyword is near it (for patterns ambiguous alone).
    public var requireContext: Bool?
    /// Named checks on the matched text, all of which must pass.
    public var validators: [String]?
    public var confidence: ConfidenceDefinition?
    /// Regexes on the normalized match text that cancel it.
    public var allow: [String]?
    /// Words near the match that cancel it (法人番号 next to a 13-digit number).
    public var allowContext: [String]?
    public var examples: Examples

    public struct Anchor: Codable, Sendable {
        /// Literal strings in the normalized text.
        public var literals: [String]?
        /// A run of at least this many digits (separators - . space ( ) allowed between them).
        public var digits: Int?
        /// Use the rule's keywords as anchors too.
        public var keywords: Bool?
        /// How far before/after an anchor a match may start/end (UTF-16 units).
        public var before: Int?
        public var after: Int?
    }

    public struct ContextDefinition: Codable, Sendable {
        /// Window before and after the match, in characters.
        public var before: Int?
        public var after: Int?
        /// Words that lower confidence (and severity by one step) near the match.
        public var lower: [String]?
        /// Clip the window to the match's line: a heading on the previous paragraph
        /// (生まれた方 … ⏎ 接種期間：令和7年4月1日) is not this date's context.
        public var sameLine: Bool?

        enum CodingKeys: String, CodingKey {
            case before, after, lower
            case sameLine = "same_line"
        }
    }

    public struct ConfidenceDefinition: Codable, Sendable {
        public var pattern: Double?
        public var validated: Double?
        public var context: Double?
    }

    public struct Examples: Codable, Sendable {
        public var match: [String]
        public var noMatch: [String]

        enum CodingKeys: String, CodingKey {
            case match
            case noMatch = "no_match"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, category, label, severity
        case severityWithContext = "severity_with_context"
        case legalClass = "legal_class"
        case description, patterns, group, anchor, keywords, context
        case requireContext = "require_context"
        case validators, confidence, allow
        case allowContext = "allow_context"
        case examples
    }
}

/// A pack file: a named list of rules.
public struct RulePackFile: Codable, Sendable {
    public var pack: String
    public var description: String?
    public var rules: [RuleDefinition]
}
