import Foundation
import SumiModel

/// The result of scanning one file; one entry of the report's `files`.
public struct FileReport: Codable, Sendable {
    public var path: String
    public var format: FileFormat
    public var sha256: String?
    public var encoding: String?
    public var pages: Int?
    /// The legacy format LibreOffice converted the file from (`doc`, `xls`, `ppt`, `rtf`);
    /// `format` is then the family (docx, xlsx, pptx). An addition to the schema.
    public var convertedFrom: String?
    public var status: FileStatus
    /// Every part of the file was read and checked. False for an `incomplete` or `error`
    /// file, and also for a file with findings whose rest was not all read (cut off by the
    /// time limit, an image-only page beside text with a name): such a file's status is
    /// `findings`, but it is not done with (an addition to the schema, `fully_read`).
    public var fullyRead: Bool
    public var notices: [Notice]
    public var findings: [Finding]
    /// Seconds spent on this file (an addition to the schema).
    public var elapsedSeconds: Double?

    public init(path: String, format: FileFormat, sha256: String? = nil, encoding: String? = nil, pages: Int? = nil,
                notices: [Notice] = [], findings: [Finding] = [], failed: Bool = false, elapsedSeconds: Double? = nil) {
        self.path = path; self.format = format; self.sha256 = sha256; self.encoding = encoding; self.pages = pages
        self.notices = notices; self.findings = findings; self.elapsedSeconds = elapsedSeconds
        self.failed = failed
        self.status = FileReport.status(notices: notices, findings: findings, failed: failed)
        self.fullyRead = !failed && !notices.contains(where: \.meansUnread)
    }

    /// The file could not be read at all (kept so that the status can be derived again).
    public private(set) var failed: Bool

    /// Derives the status again from the findings and notices: after suppression, which may
    /// leave a file with findings `clean` (or `incomplete`), never stale.
    public mutating func refreshStatus() {
        status = FileReport.status(notices: notices, findings: findings, failed: failed)
        fullyRead = !failed && !notices.contains(where: \.meansUnread)
    }

    /// findings > error > incomplete > clean. A file with anything unread is never clean.
    public static func status(notices: [Notice], findings: [Finding], failed: Bool) -> FileStatus {
        if findings.contains(where: { !$0.suppressed }) { return .findings }
        if failed { return .error }
        if notices.contains(where: \.meansUnread) { return .incomplete }
        return .clean
    }

    enum CodingKeys: String, CodingKey {
        case path, format, sha256, encoding, pages, status, notices, findings, legal
        case fullyRead = "fully_read"
        case convertedFrom = "converted_from"
        case elapsedSeconds = "elapsed_seconds"
    }

    /// This report as one line of compact JSON (no newline), decodable with `init(from:)`:
    /// a JSON Lines record, a worker's answer, a cache entry.
    public func jsonLine() -> [UInt8] { ReportJSONWriter.writeFile(self) }

    /// Reads a report written by `jsonLine()` (or an entry of a report's `files`).
    public static func decode(jsonLine bytes: some Collection<UInt8>) throws -> FileReport {
        try JSONDecoder().decode(FileReport.self, from: Data(bytes))
    }

    /// The file's legal reading (derived, written with the report; not stored).
    public var legal: LegalReading? { LegalReading.read(self) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(format, forKey: .format)
        try c.encodeIfPresent(sha256, forKey: .sha256)
        try c.encodeIfPresent(encoding, forKey: .encoding)
        try c.encodeIfPresent(pages, forKey: .pages)
        try c.encodeIfPresent(convertedFrom, forKey: .convertedFrom)
        try c.encode(status, forKey: .status)
        try c.encode(fullyRead, forKey: .fullyRead)
        try c.encode(notices, forKey: .notices)
        try c.encode(findings, forKey: .findings)
        try c.encodeIfPresent(legal, forKey: .legal)
        try c.encodeIfPresent(elapsedSeconds, forKey: .elapsedSeconds)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        format = try c.decode(FileFormat.self, forKey: .format)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
        pages = try c.decodeIfPresent(Int.self, forKey: .pages)
        convertedFrom = try c.decodeIfPresent(String.self, forKey: .convertedFrom)
        status = try c.decode(FileStatus.self, forKey: .status)
        notices = try c.decode([Notice].self, forKey: .notices)
        findings = try c.decode([Finding].self, forKey: .findings)
        elapsedSeconds = try c.decodeIfPresent(Double.self, forKey: .elapsedSeconds)
        failed = status == .error
        fullyRead = try c.decodeIfPresent(Bool.self, forKey: .fullyRead) ?? (status == .clean || status == .findings)
    }
}

/// The whole report: `sumi scan --format json` (schema/scan-report.schema.json).
public struct ScanReport: Codable, Sendable {
    public struct Tool: Codable, Sendable {
        public var name = "sumi"
        public var version: String
        public var rulesVersion: String

        enum CodingKeys: String, CodingKey {
            case name, version
            case rulesVersion = "rules_version"
        }
    }

    public struct Summary: Codable, Sendable {
        public var files = 0
        public var clean = 0
        public var withFindings = 0
        public var incomplete = 0
        public var errors = 0
        /// Files with some part not read, whatever their status: `incomplete` and `error`
        /// files, and files with findings that were also cut short (`fully_read` false).
        public var notFullyRead = 0
        /// Of those, files whose status is `findings`.
        public var findingsNotFullyRead = 0
        public var findingsByCategory: [String: Int] = [:]
        public var findingsBySeverity: [String: Int] = [:]
        public var elapsedSeconds: Double = 0

        /// Counts one file (the whole report's summary, and an archive's as it streams).
        public mutating func add(_ f: FileReport) {
            files += 1
            switch f.status {
            case .clean: clean += 1
            case .findings: withFindings += 1
            case .incomplete: incomplete += 1
            case .error: errors += 1
            }
            if !f.fullyRead {
                notFullyRead += 1
                if f.status == .findings { findingsNotFullyRead += 1 }
            }
            for finding in f.findings where !finding.suppressed {
                findingsByCategory[finding.category.rawValue, default: 0] += 1
                findingsBySeverity[finding.severity.rawValue, default: 0] += 1
            }
        }

        enum CodingKeys: String, CodingKey {
            case files, clean
            case withFindings = "with_findings"
            case incomplete, errors
            case notFullyRead = "not_fully_read"
            case findingsNotFullyRead = "findings_not_fully_read"
            case findingsByCategory = "findings_by_category"
            case findingsBySeverity = "findings_by_severity"
            case elapsedSeconds = "elapsed_seconds"
        }
    }

    public var tool: Tool
    public var files: [FileReport]
    public var summary: Summary

    public init(version: String, rulesVersion: String, files: [FileReport], elapsedSeconds: Double) {
        tool = Tool(version: version, rulesVersion: rulesVersion)
        self.files = files
        var s = Summary()
        for f in files { s.add(f) }
        s.elapsedSeconds = (elapsedSeconds * 1000).rounded() / 1000
        summary = s
    }

    /// The CLI's exit code, in this order of precedence: 1 = an unsuppressed finding at or
    /// above `failOn`; 3 = nothing at that level, but some file was not fully read (also a
    /// file with lesser findings whose rest was cut off); 0 = every file fully read, nothing
    /// at or above `failOn`. So 0 always means "all read".
    public func exitCode(failOn: Severity) -> Int32 {
        let failing = files.contains { f in f.findings.contains { !$0.suppressed && $0.severity >= failOn } }
        if failing { return 1 }
        if files.contains(where: { !$0.fullyRead }) { return 3 }
        return 0
    }

    /// The report as JSON per the shared schema (see `ReportJSONWriter`).
    public func json(pretty: Bool = true) throws -> Data {
        Data(ReportJSONWriter.write(self, pretty: pretty))
    }

    /// The JSON with long findings lists written in slices of `findingsPerSlice` (for tests:
    /// slicing must not change a byte).
    func json(pretty: Bool, findingsPerSlice: Int) -> Data {
        Data(ReportJSONWriter.write(self, pretty: pretty, findingsPerSlice: findingsPerSlice))
    }

    /// The same document through `JSONEncoder` and the `Codable` conformances (the reference
    /// the hand-written writer is tested against).
    public func jsonViaEncoder(pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
