/// One piece of personal information found in a file. Field names follow the report contract.
public struct Finding: Codable, Sendable, Hashable {
    /// Stable fingerprint (rule + normalized text + file + location kind), for baselines.
    public var id: String
    /// Rule id from Rules/, e.g. `jp.my_number`.
    public var rule: String
    public var category: Category
    /// Japanese display name.
    public var label: String
    public var severity: Severity
    public var legalClass: LegalClass
    public var confidence: Double
    /// The matched text exactly as extracted (not normalized).
    public var text: String
    /// The surrounding sentence or cell, for review.
    public var context: String
    /// Japanese, one line: why this was flagged.
    public var reason: String
    public var source: Source
    public var location: Location
    public var suppressed: Bool
    /// Why the finding is suppressed (an allowlist entry, a baseline), when it is.
    public var suppression: Suppression?
    /// Present when the text was read by OCR from an image.
    public var ocr: OCRReading?

    public init(id: String = "", rule: String, category: Category, label: String, severity: Severity,
                legalClass: LegalClass, confidence: Double, text: String, context: String, reason: String,
                source: Source, location: Location, suppressed: Bool = false) {
        self.id = id; self.rule = rule; self.category = category; self.label = label
        self.severity = severity; self.legalClass = legalClass; self.confidence = confidence
        self.text = text; self.context = context; self.reason = reason; self.source = source
        self.location = location; self.suppressed = suppressed
    }

    enum CodingKeys: String, CodingKey {
        case id, rule, category, label, severity
        case legalClass = "legal_class"
        case confidence, text, context, reason, source, location, suppressed, suppression, ocr
    }
}

/// How a finding's text was read by OCR (`ocr` in the report).
public struct OCRReading: Codable, Sendable, Hashable {
    /// The OCR engine's mean confidence over the finding's characters (0–1): a low figure means
    /// the text may be misread, so the finding and what is near it deserve a look.
    public var confidence: Double

    public init(confidence: Double) { self.confidence = confidence }
}

/// What suppressed a finding: published on purpose (an allowlist entry) or accepted before
/// (a baseline). The finding stays in the report; it does not count for the exit code.
public struct Suppression: Codable, Sendable, Hashable {
    /// `allowlist` or `baseline`.
    public var kind: String
    /// The entry that allowed it: its text, pattern or list, and where it is written.
    public var entry: String
    /// The entry's reason, for the reviewer.
    public var reason: String?

    public init(kind: String, entry: String, reason: String? = nil) {
        self.kind = kind; self.entry = entry; self.reason = reason
    }
}
