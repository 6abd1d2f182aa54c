import Foundation
import SumiModel
import SumiReport

/// The one place where findings are suppressed, after detection and before any report is
/// written: the allowlist (published on purpose) first, then the baseline (accepted before).
/// A suppressed finding stays in the report with what suppressed it; the file's status and
/// the exit code no longer count it. `DocumentScanner` applies it to every file it scans, so
/// the CLI, a batch run, the server and the redactor (which keeps suppressed findings) agree.
public struct Suppressor: Sendable {
    public var allowlist: Allowlist
    public var baseline: Baseline?
    /// Entries that expired before this day are ignored.
    public var today: Date

    public init(allowlist: Allowlist = Allowlist(), baseline: Baseline? = nil, today: Date = Date()) {
        self.allowlist = allowlist; self.baseline = baseline; self.today = today
    }

    public var isEmpty: Bool { allowlist.entries.isEmpty && baseline == nil }

    /// What the suppressor would do, as a hash: the entries live today and the baseline's
    /// identities. Part of a batch cache's key, so that a changed allowlist, an entry that
    /// expired or a new baseline makes the cached reports stale.
    public var digest: String {
        var sha = SHA256()
        for e in liveEntries { sha.update(String(describing: e)); sha.update("\u{0}") }
        if let b = baseline {
            sha.update("baseline")
            for k in b.counts.keys.sorted() { sha.update("\(k)=\(b.counts[k]!)\u{0}") }
        }
        return sha.hexDigest()
    }

    private var liveEntries: [AllowEntry] {
        allowlist.entries.filter { e in e.expires.map { $0 >= today.addingTimeInterval(-86_400) } ?? true }
    }

    public func apply(_ report: inout FileReport, normalize: (String) -> String) {
        guard !isEmpty, !report.findings.isEmpty else { return }
        let matchers = liveEntries.map { ($0, Self.matcher($0, normalize)) }
        var remaining = baseline?.counts ?? [:]
        for i in report.findings.indices where !report.findings[i].suppressed {
            let f = report.findings[i]
            let normalized = normalize(f.text)
            if let (entry, _) = matchers.first(where: { e, m in
                (e.category == nil || e.category == f.category) && Self.pathMatches(e.paths, report.path) && m(f.text, normalized)
            }) {
                report.findings[i].suppressed = true
                report.findings[i].suppression = Suppression(kind: "allowlist", entry: entry.description, reason: entry.reason)
                continue
            }
            if let b = baseline {
                let id = b.identity(normalizedText: normalized, category: f.category, path: report.path)
                if let n = remaining[id], n > 0 {
                    remaining[id] = n - 1
                    report.findings[i].suppressed = true
                    report.findings[i].suppression = Suppression(kind: "baseline", entry: String(id.prefix(16)), reason: "ベースラインで確認済み")
                }
            }
        }
        report.refreshStatus()
    }

    /// The baseline of a set of reports: every unsuppressed finding, counted per identity.
    public static func baseline(of files: [FileReport], key: [UInt8], normalize: (String) -> String) -> Baseline {
        var b = Baseline(key: key)
        for file in files {
            for f in file.findings where !f.suppressed {
                b.counts[b.identity(normalizedText: normalize(f.text), category: f.category, path: file.path), default: 0] += 1
            }
        }
        return b
    }

    static func matcher(_ e: AllowEntry, _ normalize: (String) -> String) -> (String, String) -> Bool {
        switch e.match {
        case .text(let t):
            let n = normalize(t)
            return { _, normalized in normalized == n }
        case .pattern(let p):
            let re = try? NSRegularExpression(pattern: "^(?:\(p))$")
            return { text, normalized in
                guard let re else { return false }
                return [text, normalized].contains { re.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
            }
        case .glob(let g):
            let re = try? NSRegularExpression(pattern: "^" + Self.globRegex(normalize(g), path: false) + "$")
            return { _, normalized in re?.firstMatch(in: normalized, range: NSRange(normalized.startIndex..., in: normalized)) != nil }
        }
    }

    /// Whether a path is in scope: no globs, or one that matches the path or a tail of it
    /// (`議事録/**` matches `site/議事録/2026/a.pdf`).
    static func pathMatches(_ globs: [String], _ path: String) -> Bool {
        if globs.isEmpty { return true }
        return globs.contains { g in
            guard let re = try? NSRegularExpression(pattern: "(^|/)" + globRegex(g, path: true) + "$") else { return false }
            return re.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
        }
    }

    static func globRegex(_ glob: String, path: Bool) -> String {
        var out = ""
        var chars = Array(glob)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "*" {
                if chars.first == "*" { chars = chars.dropFirst(); out += ".*"; if chars.first == "/" { chars = chars.dropFirst(); out += "(?:/)?" } }
                else { out += path ? "[^/]*" : ".*" }
            } else if c == "?" {
                out += path ? "[^/]" : "."
            } else {
                out += NSRegularExpression.escapedPattern(for: String(c))
            }
        }
        return out
    }
}
