import SumiModel
import SumiText

/// A pattern rule ready to run: patterns compiled, literals resolved to lexicon ids.
/// A class: the matcher passes every rule for every text unit, and copying a struct of
/// a dozen arrays cost a retain and a release per field each time (a tenth of an XLSX scan).
final class CompiledRule: Sendable {
    let info: RuleInfo
    let severityWithContext: Severity?
    let patterns: [ICURegex]
    let group: Int
    let anchorLiterals: [Int32]
    let anchorDigits: Int?
    let anchorBefore: Int
    let anchorAfter: Int
    let keywords: [(id: Int32, word: String)]
    let lowerWords: [(id: Int32, word: String)]
    let allowContextWords: [(id: Int32, word: String)]
    let contextBefore: Int
    let contextAfter: Int
    /// Clip the context window to the line of the match.
    let contextSameLine: Bool
    let requireContext: Bool
    let validators: [(name: String, check: Validators.Check)]
    let allow: [ICURegex]
    let confidencePattern: Double
    let confidenceValidated: Double
    let confidenceContext: Double

    init(
        info: RuleInfo,
        severityWithContext: Severity?,
        patterns: [ICURegex],
        group: Int,
        anchorLiterals: [Int32],
        anchorDigits: Int?,
        anchorBefore: Int,
        anchorAfter: Int,
        keywords: [(id: Int32, word: String)],
        lowerWords: [(id: Int32, word: String)],
        allowContextWords: [(id: Int32, word: String)],
        contextBefore: Int,
        contextAfter: Int,
        contextSameLine: Bool,
        requireContext: Bool,
        validators: [(name: String, check: Validators.Check)],
        allow: [ICURegex],
        confidencePattern: Double,
        confidenceValidated: Double,
        confidenceContext: Double
    ) {
        self.info = info
        self.severityWithContext = severityWithContext
        self.patterns = patterns
        self.group = group
        self.anchorLiterals = anchorLiterals
        self.anchorDigits = anchorDigits
        self.anchorBefore = anchorBefore
        self.anchorAfter = anchorAfter
        self.keywords = keywords
        self.lowerWords = lowerWords
        self.allowContextWords = allowContextWords
        self.contextBefore = contextBefore
        self.contextAfter = contextAfter
        self.contextSameLine = contextSameLine
        self.requireContext = requireContext
        self.validators = validators
        self.allow = allow
        self.confidencePattern = confidencePattern
        self.confidenceValidated = confidenceValidated
        self.confidenceContext = confidenceContext
    }

    var hasAnchor: Bool { !anchorLiterals.isEmpty || anchorDigits != nil }
}
