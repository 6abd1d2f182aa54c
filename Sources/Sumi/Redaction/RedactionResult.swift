import Foundation
import SumiModel
import SumiRedact
import SumiReport

/// The outcome of redacting one file: the proven copy, or why there is none.
public struct RedactionResult: Sendable {
    public enum Status: String, Sendable {
        /// A copy was made and proven: nothing removed can be found in it.
        case redacted
        /// Nothing to remove: no copy is needed.
        case nothingToRemove = "nothing_to_remove"
        /// The input was not fully read (or not read at all): no copy is made.
        case refused
        /// The copy could not be made or did not pass the proof: no copy is left.
        case failed
    }

    public var path: String
    public var format: FileFormat
    public var status: Status
    /// Stable code when not redacted: incomplete, error, proof_failed, or a redactor's code.
    public var reason: String?
    /// Japanese, for people.
    public var message: String?
    /// The proven copy (only when `redacted`).
    public var output: Data?
    /// The extension the copy must be written with when it is not the input's: a legacy file
    /// (.doc, .xls, .ppt, .rtf) is redacted as its OOXML equivalent (docx, xlsx, pptx).
    public var outputExtension: String?
    /// The findings of the input that were removed.
    public var removed: [Finding]
    /// Texts removed besides those findings: `--also`, and what a re-scan found again.
    public var alsoRemoved: [String]
    /// Findings that could not be removed, with why (exit 1).
    public var unremoved: [(finding: Finding, why: String)]
    /// What the redactor wants the reviewer to know.
    public var notes: [String]
    /// Scan → redact → re-scan rounds it took.
    public var rounds: Int
    /// Share of the input's other characters found again in the copy.
    public var retention: Double?
    /// Removed texts found in the copy by the independent check (a failed proof).
    public var leaks: [LeakCheck.Leak]
    /// Findings of the re-scan of the copy that should have been removed (a failed proof).
    public var remaining: [Finding]
    /// The scan of the input.
    public var inputReport: FileReport
}
