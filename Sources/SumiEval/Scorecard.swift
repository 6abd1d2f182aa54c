/// Counts behind one row of the score table: labelled items and how many were found and
/// covered, findings and how many were right.
public struct Figures: Codable, Sendable, Equatable {
    public var items = 0
    public var matchedItems = 0
    /// Characters of the labelled items (normalized) and how many of them matching findings cover.
    public var characters = 0
    public var coveredCharacters = 0
    public var findings = 0
    public var correctFindings = 0

    public init() {}

    /// Labelled items found; nil when there is nothing to find.
    public var recall: Double? { items == 0 ? nil : Double(matchedItems) / Double(items) }
    /// Findings that match a labelled item; nil when there are no findings.
    public var precision: Double? { findings == 0 ? nil : Double(correctFindings) / Double(findings) }
    /// Share of the labelled characters that a redaction of the matching findings would remove.
    public var coverage: Double? { characters == 0 ? nil : Double(coveredCharacters) / Double(characters) }

    mutating func add(_ o: Figures) {
        items += o.items; matchedItems += o.matchedItems; characters += o.characters
        coveredCharacters += o.coveredCharacters; findings += o.findings; correctFindings += o.correctFindings
    }

    enum CodingKeys: String, CodingKey {
        case items, matchedItems = "matched_items", characters, coveredCharacters = "covered_characters"
        case findings, correctFindings = "correct_findings", recall, precision, coverage
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items); try c.encode(matchedItems, forKey: .matchedItems)
        try c.encode(characters, forKey: .characters); try c.encode(coveredCharacters, forKey: .coveredCharacters)
        try c.encode(findings, forKey: .findings); try c.encode(correctFindings, forKey: .correctFindings)
        try c.encode(recall, forKey: .recall); try c.encode(precision, forKey: .precision)
        try c.encode(coverage, forKey: .coverage)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        items = try c.decode(Int.self, forKey: .items); matchedItems = try c.decode(Int.self, forKey: .matchedItems)
        characters = try c.decode(Int.self, forKey: .characters)
        coveredCharacters = try c.decode(Int.self, forKey: .coveredCharacters)
        findings = try c.decode(Int.self, forKey: .findings); correctFindings = try c.decode(Int.self, forKey: .correctFindings)
    }
}

/// Clean documents (labelled with no personal information): every finding in one is a false alarm.
public struct CleanFigures: Codable, Sendable, Equatable {
    public var documents = 0
    public var falseAlarms = 0
    /// Clean documents the tool reported with findings.
    public var flaggedDocuments = 0
    public var falseAlarmsPerDocument: Double? { documents == 0 ? nil : Double(falseAlarms) / Double(documents) }

    enum CodingKeys: String, CodingKey {
        case documents, falseAlarms = "false_alarms", flaggedDocuments = "flagged_documents"
        case falseAlarmsPerDocument = "false_alarms_per_document"
    }

    public init() {}

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documents, forKey: .documents); try c.encode(falseAlarms, forKey: .falseAlarms)
        try c.encode(flaggedDocuments, forKey: .flaggedDocuments)
        try c.encode(falseAlarmsPerDocument, forKey: .falseAlarmsPerDocument)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documents = try c.decode(Int.self, forKey: .documents); falseAlarms = try c.decode(Int.self, forKey: .falseAlarms)
        flaggedDocuments = try c.decode(Int.self, forKey: .flaggedDocuments)
    }
}

/// A labelled item no finding matched.
public struct Miss: Codable, Sendable, Equatable {
    public var document: String
    /// The report's status for the document (`missing` when the report does not list it).
    public var status: String
    public var category: String
    public var text: String
    public var source: String
    public var location: String
    /// Findings of another category over the same text (a phone reported as a My Number, say).
    public var foundAs: [String]
}

/// A finding that matches no labelled item.
public struct FalseAlarm: Codable, Sendable, Equatable {
    public var document: String
    /// Whether the document is labelled clean.
    public var cleanDocument: Bool
    public var category: String
    public var text: String
    public var rule: String?
    public var source: String
    public var location: String

    enum CodingKeys: String, CodingKey { case document, cleanDocument = "clean_document", category, text, rule, source, location }
}

/// Everything the scorer measured over one report.
public struct Scorecard: Codable, Sendable {
    public var tool: String
    public var documents = 0
    public var overall = Figures()
    public var byCategory: [String: Figures] = [:]
    public var byFormat: [String: Figures] = [:]
    public var bySource: [String: Figures] = [:]
    /// By the document's kind in the truth (public_comment, roster, minutes …).
    public var byKind: [String: Figures] = [:]
    public var clean = CleanFigures()
    /// Documents with labelled personal information that the report calls `clean`.
    public var piiDocumentsCalledClean = 0
    /// Report status (clean, findings, incomplete, error, missing) → labelled documents / clean documents.
    public var statuses: [String: StatusCount] = [:]
    /// Report files that are not in the ground truth (not scored).
    public var unlabelledFiles = 0
    public var misses: [Miss] = []
    public var falseAlarms: [FalseAlarm] = []

    public struct StatusCount: Codable, Sendable, Equatable {
        public var labelled = 0
        public var clean = 0
    }

    public init(tool: String) { self.tool = tool }

    enum CodingKeys: String, CodingKey {
        case tool, documents, overall, byCategory = "by_category", byFormat = "by_format", bySource = "by_source", byKind = "by_kind"
        case clean = "clean_documents", piiDocumentsCalledClean = "pii_documents_called_clean", statuses
        case unlabelledFiles = "unlabelled_files", misses, falseAlarms = "false_alarms"
    }
}
