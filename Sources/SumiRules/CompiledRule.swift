import SumiModel
import SumiText

/// A pattern rule ready to run: patterns compiled, literals resolved to lexicon ids.
struct CompiledRule: Sendable {
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

    var hasAnchor: Bool { !anchorLiterals.isEmpty || anchorDigits != nil }
}
