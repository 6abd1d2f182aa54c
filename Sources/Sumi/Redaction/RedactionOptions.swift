import SumiModel

/// What `sumi redact` removes and how (CLI flags, the review page's decisions, the server's
/// request all become these).
public struct RedactionOptions: Sendable {
    /// Every unsuppressed finding at or above this is removed.
    public var minSeverity: Severity = .low
    /// Finding ids the reviewer chose to keep (published on purpose).
    public var keep: Set<String> = []
    /// Finding ids to remove whatever their severity.
    public var remove: Set<String> = []
    /// Extra texts removed wherever they occur (`--also`).
    public var also: [String] = []
    public var mask: Character = "■"
    /// Remove all HTML comments, every PDF annotation but links and every form value.
    public var sanitize = false
    /// Redact a file that was not fully read (its unread part may hold personal data).
    public var allowIncomplete = false
    /// Scan → redact → re-scan rounds: a re-scan that finds something new (the same name
    /// written another way) adds it and redacts again from the original.
    public var maxRounds = 3

    public init() {}

    /// Whether a finding of the input is to be removed.
    public func removes(_ f: Finding) -> Bool {
        !f.suppressed && !keep.contains(f.id) && (f.severity >= minSeverity || remove.contains(f.id))
    }
}
