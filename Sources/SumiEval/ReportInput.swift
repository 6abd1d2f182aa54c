import Foundation

/// The part of a scan report the scorer reads (`schema/scan-report.schema.json`).
/// Decoded leniently — only `files[].path` and each finding's `category` and `text` are
/// required — so that other tools' outputs converted to the same shape can be scored too.
public struct EvalReport: Decodable, Sendable {
    public var tool: Tool?
    public var files: [File]

    public struct Tool: Decodable, Sendable {
        public var name: String?
        public var version: String?
    }

    public struct File: Decodable, Sendable {
        public var path: String
        public var format: String?
        /// clean | findings | incomplete | error
        public var status: String?
        public var findings: [EvalFinding]

        public init(path: String, format: String? = nil, status: String? = nil, findings: [EvalFinding]) {
            self.path = path; self.format = format; self.status = status; self.findings = findings
        }

        enum CodingKeys: String, CodingKey { case path, format, status, findings }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            path = try c.decode(String.self, forKey: .path)
            format = try c.decodeIfPresent(String.self, forKey: .format)
            status = try c.decodeIfPresent(String.self, forKey: .status)
            findings = try c.decodeIfPresent([EvalFinding].self, forKey: .findings) ?? []
        }
    }

    public init(files: [File]) { self.files = files }

    public static func load(_ url: URL) throws -> EvalReport {
        do {
            let data = url.path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: url)
            return try JSONDecoder().decode(EvalReport.self, from: data)
        } catch {
            throw EvalError.unreadable(url.path, "\(error)")
        }
    }
}

/// A finding as the scorer sees it.
public struct EvalFinding: Decodable, Sendable {
    public var category: String
    public var text: String
    public var rule: String?
    public var source: String?
    public var location: Location?
    /// Suppressed findings (allowlist, baseline) do not count: they do not make a file `findings` either.
    public var suppressed: Bool?

    public struct Location: Decodable, Sendable {
        public var page: Int?
        public var line: Int?
        public var start: Int?
        public var sheet: String?
        public var cell: String?
        public var part: String?

        public init(page: Int? = nil, line: Int? = nil, start: Int? = nil, sheet: String? = nil, cell: String? = nil, part: String? = nil) {
            self.page = page; self.line = line; self.start = start; self.sheet = sheet; self.cell = cell; self.part = part
        }
    }

    public init(category: String, text: String, rule: String? = nil, source: String? = nil,
                location: Location? = nil, suppressed: Bool? = nil) {
        self.category = category; self.text = text; self.rule = rule; self.source = source
        self.location = location; self.suppressed = suppressed
    }
}
