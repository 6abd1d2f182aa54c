import Foundation
import SumiModel

/// What an archive scan ends with (the last line of `--format jsonl`, `--summary FILE.json`):
/// counts by status and category, the files with the most findings, and every file that was
/// not fully read with the reason, so that what needs a person is a list, not a search.
/// Built file by file: it holds counts and short lists, never the reports.
public struct BatchSummary: Codable, Sendable {
    public struct Tool: Codable, Sendable {
        public var name = "sumi"
        public var version: String
        public var rulesVersion: String
        enum CodingKeys: String, CodingKey { case name, version; case rulesVersion = "rules_version" }
    }

    /// A file with many findings.
    public struct Busy: Codable, Sendable {
        public var path: String
        public var findings: Int
    }

    /// A file that was not fully read, and why (its first such notice).
    public struct Unread: Codable, Sendable {
        public var path: String
        public var status: FileStatus
        public var code: String
        public var message: String
    }

    public var tool: Tool
    public var shard: String?
    public var files = 0
    public var clean = 0
    public var withFindings = 0
    public var incomplete = 0
    public var errors = 0
    public var notFullyRead = 0
    /// Files whose report came from the cache (unchanged since an earlier run).
    public var fromCache = 0
    public var findingsByCategory: [String: Int] = [:]
    public var findingsBySeverity: [String: Int] = [:]
    /// The files with most findings, most first (at most `busiestKept`).
    public var mostFindings: [Busy] = []
    /// Every `incomplete` or `error` file, and every file with findings not fully read.
    public var notRead: [Unread] = []
    public var elapsedSeconds: Double = 0

    static let busiestKept = 20

    enum CodingKeys: String, CodingKey {
        case tool, shard, files, clean, incomplete, errors
        case withFindings = "with_findings"
        case notFullyRead = "not_fully_read"
        case fromCache = "from_cache"
        case findingsByCategory = "findings_by_category"
        case findingsBySeverity = "findings_by_severity"
        case mostFindings = "most_findings"
        case notRead = "not_read"
        case elapsedSeconds = "elapsed_seconds"
    }

    public init(toolVersion: String, rulesVersion: String, shard: String? = nil) {
        tool = Tool(version: toolVersion, rulesVersion: rulesVersion)
        self.shard = shard
    }

    /// The summary of a whole report (the end of a report written as JSON Lines).
    public init(_ report: ScanReport) {
        self.init(toolVersion: report.tool.version, rulesVersion: report.tool.rulesVersion)
        for f in report.files { add(f) }
        elapsedSeconds = report.summary.elapsedSeconds
    }

    /// Counts one file's report.
    public mutating func add(_ f: FileReport, fromCache cached: Bool = false) {
        files += 1
        if cached { fromCache += 1 }
        switch f.status {
        case .clean: clean += 1
        case .findings: withFindings += 1
        case .incomplete: incomplete += 1
        case .error: errors += 1
        }
        var shown = 0
        for finding in f.findings where !finding.suppressed {
            shown += 1
            findingsByCategory[finding.category.rawValue, default: 0] += 1
            findingsBySeverity[finding.severity.rawValue, default: 0] += 1
        }
        if !f.fullyRead {
            notFullyRead += 1
            let n = f.notices.first(where: \.meansUnread)
            notRead.append(Unread(path: f.path, status: f.status, code: n?.code ?? NoticeCode.readError,
                                  message: n?.message ?? "読み取れませんでした。"))
        }
        if shown > 0, mostFindings.count < Self.busiestKept || shown > mostFindings.last!.findings {
            let at = mostFindings.firstIndex { $0.findings < shown } ?? mostFindings.endIndex
            mostFindings.insert(Busy(path: f.path, findings: shown), at: at)
            if mostFindings.count > Self.busiestKept { mostFindings.removeLast() }
        }
    }

    /// The CLI's exit code, as for a whole report (`ScanReport.exitCode`): 1 for a finding at
    /// or above `failOn`, else 3 if some file was not fully read, else 0.
    public func exitCode(failOn: Severity) -> Int32 {
        let failing = findingsBySeverity.contains { (Severity(rawValue: $0.key) ?? .low) >= failOn && $0.value > 0 }
        if failing { return 1 }
        return notFullyRead > 0 ? 3 : 0
    }

    /// As JSON (pretty for `--summary FILE.json`, one line for the end of JSON Lines).
    public func json(pretty: Bool) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(SummaryLine(summary: self))) ?? Data()
    }

    /// The summary line is `{"summary": {...}}`, so that a reader of JSON Lines tells it from
    /// a file's line (which has `path`) by its one key.
    public struct SummaryLine: Codable, Sendable { public var summary: BatchSummary }
}
