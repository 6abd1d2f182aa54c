import Foundation
import SumiModel

/// What an archive scan ends with (the last line of `--format jsonl`, `--summary FILE.json`):
/// counts by status and category, the files with the most findings, and every file that was
/// not fully read with the reason, so that what needs a person is a list, not a search.
/// Built file by file: it holds counts and short lists, never the reports.
public struct BatchSummary: Codable, Sendable {
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

    public var tool: ScanReport.Tool
    public var shard: String?
    /// The counts a whole report's `summary` has, counted the same way (written flat, beside
    /// the keys below).
    public var counts = ScanReport.Summary()
    /// Files whose report came from the cache (unchanged since an earlier run).
    public var fromCache = 0
    /// The files with most findings, most first (at most `busiestKept`).
    public var mostFindings: [Busy] = []
    /// Every `incomplete` or `error` file, and every file with findings not fully read.
    public var notRead: [Unread] = []

    public var elapsedSeconds: Double {
        get { counts.elapsedSeconds }
        set { counts.elapsedSeconds = newValue }
    }

    static let busiestKept = 20

    enum CodingKeys: String, CodingKey {
        case tool, shard
        case fromCache = "from_cache"
        case mostFindings = "most_findings"
        case notRead = "not_read"
    }

    public init(toolVersion: String, rulesVersion: String, shard: String? = nil) {
        tool = ScanReport.Tool(version: toolVersion, rulesVersion: rulesVersion)
        self.shard = shard
    }

    public init(from decoder: Decoder) throws {
        counts = try ScanReport.Summary(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tool = try c.decode(ScanReport.Tool.self, forKey: .tool)
        shard = try c.decodeIfPresent(String.self, forKey: .shard)
        fromCache = try c.decode(Int.self, forKey: .fromCache)
        mostFindings = try c.decode([Busy].self, forKey: .mostFindings)
        notRead = try c.decode([Unread].self, forKey: .notRead)
    }

    public func encode(to encoder: Encoder) throws {
        try counts.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tool, forKey: .tool)
        try c.encodeIfPresent(shard, forKey: .shard)
        try c.encode(fromCache, forKey: .fromCache)
        try c.encode(mostFindings, forKey: .mostFindings)
        try c.encode(notRead, forKey: .notRead)
    }

    /// The summary of a whole report (the end of a report written as JSON Lines).
    public init(_ report: ScanReport) {
        self.init(toolVersion: report.tool.version, rulesVersion: report.tool.rulesVersion)
        for f in report.files { add(f) }
        elapsedSeconds = report.summary.elapsedSeconds
    }

    /// Counts one file's report.
    public mutating func add(_ f: FileReport, fromCache cached: Bool = false) {
        counts.add(f)
        if cached { fromCache += 1 }
        let shown = f.findings.reduce(0) { $1.suppressed ? $0 : $0 + 1 }
        if !f.fullyRead {
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
        let failing = counts.findingsBySeverity.contains { (Severity(rawValue: $0.key) ?? .low) >= failOn && $0.value > 0 }
        if failing { return 1 }
        return counts.notFullyRead > 0 ? 3 : 0
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
