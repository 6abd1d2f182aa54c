import SumiModel

/// What a recognizer found in one unit's text, before it becomes a report finding.
/// Ranges are UTF-16 offsets into the unit's ORIGINAL text (already mapped back from
/// the normalized text), so the scanner can cut the exact extracted string.
public struct Detection: Sendable, Hashable {
    public var rule: String
    public var category: Category
    public var label: String
    public var severity: Severity
    public var legalClass: LegalClass
    public var confidence: Double
    /// UTF-16 range in the unit's original text.
    public var range: Range<Int>
    /// Japanese, one line: why.
    public var reason: String
    /// The normalized text of the match, for fingerprints (so 髙橋 and 高橋 are one finding id).
    public var normalized: String
    /// UTF-16 range in the unit's normalized text (for recognizers that relate detections).
    public var normalizedRange: Range<Int>

    public init(rule: String, category: Category, label: String, severity: Severity, legalClass: LegalClass,
                confidence: Double, range: Range<Int>, reason: String, normalized: String, normalizedRange: Range<Int>) {
        self.rule = rule; self.category = category; self.label = label; self.severity = severity
        self.legalClass = legalClass; self.confidence = confidence; self.range = range
        self.reason = reason; self.normalized = normalized; self.normalizedRange = normalizedRange
    }
}

/// Why a candidate was not reported, for `sumi rules explain`.
public struct Rejection: Sendable, Hashable {
    public var rule: String
    public var text: String
    public var why: String
}
