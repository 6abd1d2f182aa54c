import SumiModel

/// What `sumi rules list` and `sumi rules test` know about a rule, whatever implements it.
public struct RuleInfo: Sendable {
    public var id: String
    public var category: Category
    public var label: String
    public var severity: Severity
    public var legalClass: LegalClass
    public var description: String
    public var examples: RuleDefinition.Examples
    /// The file the rule was loaded from, relative to the rules directory.
    public var file: String

    public init(id: String, category: Category, label: String, severity: Severity, legalClass: LegalClass,
                description: String, examples: RuleDefinition.Examples, file: String) {
        self.id = id; self.category = category; self.label = label; self.severity = severity
        self.legalClass = legalClass; self.description = description; self.examples = examples; self.file = file
    }
}

/// A detector for one kind of entity that needs more than a regular expression
/// (dictionaries and context: names, sensitive facts tied to a person).
///
/// Recognizers run after the pattern rules, in order, on the same `AnalyzedText`;
/// each may read the detections made before it (a sensitive-fact recognizer looks
/// for a name detection in the same sentence) and appends its own.
public protocol Recognizer: Sendable {
    var rules: [RuleInfo] { get }
    /// Literals the recognizer wants found by the shared one-pass keyword search;
    /// it gets their hits through `AnalyzedText.hits(of:)` with the ids handed back
    /// by `LexiconBuilder`.
    func recognize(_ text: AnalyzedText, detections: inout [Detection], rejections: inout [Rejection]?)
}

/// A detector that relates units of one group (one table row, one opinion): a disease
/// in one cell and a name in another cell of the same row.
public protocol GroupRecognizer: Sendable {
    func recognize(group: [AnalyzedText], detections: inout [[Detection]], notices: inout [Notice])
    /// Examples of rows whose detections this recognizer removes and rows it must leave
    /// alone; `sumi rules test` runs them beside the rules' own examples.
    var filterExamples: FilterExamples? { get }
}

extension GroupRecognizer {
    public var filterExamples: FilterExamples? { nil }
}

/// A filter's examples: rows (cells separated by commas, or one line of text) in which no
/// detection of `categories` may remain, and rows in which one must.
public struct FilterExamples: Sendable {
    public var name: String
    public var file: String
    public var categories: Set<Category>
    public var filtered: [String]
    public var kept: [String]
}

/// Collects literals for the shared keyword automaton and hands out their ids.
public final class LexiconBuilder {
    private(set) var literals: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    /// The id of a literal (given in normalized form), adding it if new.
    @discardableResult
    public func id(for literal: String) -> Int32 {
        if let id = ids[literal] { return id }
        let id = Int32(literals.count)
        literals.append(literal)
        ids[literal] = id
        return id
    }

    func build() -> AhoCorasick {
        AhoCorasick(patterns: literals.enumerated().map { (Array($0.element.utf16), Int32($0.offset)) })
    }
}
