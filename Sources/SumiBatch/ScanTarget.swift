import Foundation
import SumiModel
import SumiReport

/// One thing to scan, resolved from the command line or a list of paths.
public enum ScanTarget: Sendable, Equatable {
    case file(URL, display: String)
    case stdin
    /// A path that cannot be scanned, with why (missing, unreadable, loop). It is reported as
    /// an `error` file: an archive scan lists what it could not reach.
    case problem(String, code: String, message: String)

    /// The path as the report shows it.
    public var displayName: String {
        switch self {
        case .file(_, let display): display
        case .stdin: "-"
        case .problem(let path, _, _): path
        }
    }

    /// The report of a target that could not be reached (nil for the others).
    var problemReport: FileReport? {
        guard case .problem(let path, let code, let message) = self else { return nil }
        return FileReport(path: path, format: .unknown, notices: [Notice(code: code, message: message)], failed: true)
    }
}
