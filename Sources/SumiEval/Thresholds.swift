import Foundation
import Yams

/// Quality floors kept in the repository (`Tools/eval/thresholds.yaml`). CI fails when a
/// figure falls below them. They are raised as quality improves, never lowered to get green.
public struct Thresholds: Codable, Sendable, Equatable {
    /// Limits for one row of the table. A missing limit is not checked.
    public struct Limits: Codable, Sendable, Equatable {
        public var minRecall: Double?
        public var minPrecision: Double?
        public var minCoverage: Double?
        /// Only meaningful for `overall`.
        public var maxFalseAlarmsPerCleanDocument: Double?
        public var maxPiiDocumentsCalledClean: Int?

        public init(minRecall: Double? = nil, minPrecision: Double? = nil, minCoverage: Double? = nil,
                    maxFalseAlarmsPerCleanDocument: Double? = nil, maxPiiDocumentsCalledClean: Int? = nil) {
            self.minRecall = minRecall; self.minPrecision = minPrecision; self.minCoverage = minCoverage
            self.maxFalseAlarmsPerCleanDocument = maxFalseAlarmsPerCleanDocument
            self.maxPiiDocumentsCalledClean = maxPiiDocumentsCalledClean
        }

        enum CodingKeys: String, CodingKey {
            case minRecall = "min_recall", minPrecision = "min_precision", minCoverage = "min_coverage"
            case maxFalseAlarmsPerCleanDocument = "max_false_alarms_per_clean_doc"
            case maxPiiDocumentsCalledClean = "max_pii_docs_called_clean"
        }
    }

    public var overall: Limits?
    public var categories: [String: Limits]?
    public var formats: [String: Limits]?
    public var sources: [String: Limits]?

    public init(overall: Limits? = nil, categories: [String: Limits]? = nil, formats: [String: Limits]? = nil,
                sources: [String: Limits]? = nil) {
        self.overall = overall; self.categories = categories; self.formats = formats; self.sources = sources
    }

    public static func parse(_ yaml: String) throws -> Thresholds {
        do {
            return try YAMLDecoder().decode(Thresholds.self, from: yaml)
        } catch {
            throw EvalError.badThresholds("\(error)")
        }
    }

    public static func load(_ url: URL) throws -> Thresholds {
        guard FileManager.default.fileExists(atPath: url.path) else { throw EvalError.unreadable(url.path, "no such file") }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw EvalError.unreadable(url.path, "not a UTF-8 file")
        }
        return try parse(text)
    }

    /// A figure below its floor (or above its ceiling).
    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        public var scope: String
        public var metric: String
        public var value: Double?
        public var limit: Double

        public var description: String {
            let v = value.map { String(format: "%.4f", $0) } ?? "none"
            return "\(scope) \(metric) = \(v), limit \(String(format: "%.2f", limit))"
        }
    }

    /// Every figure in `card` that is below its floor or above its ceiling.
    /// A category, format or source named here but absent from the scorecard has recall 0:
    /// losing a whole category must not pass. Precision without findings is not checked.
    public func check(_ card: Scorecard) -> [Violation] {
        var out: [Violation] = []
        let eps = 1e-9
        func check(_ scope: String, _ fig: Figures, _ l: Limits) {
            if let m = l.minRecall, (fig.recall ?? 0) < m - eps {
                out.append(Violation(scope: scope, metric: "recall", value: fig.recall, limit: m))
            }
            if let m = l.minPrecision, let p = fig.precision, p < m - eps {
                out.append(Violation(scope: scope, metric: "precision", value: p, limit: m))
            }
            if let m = l.minCoverage, (fig.coverage ?? 0) < m - eps {
                out.append(Violation(scope: scope, metric: "coverage", value: fig.coverage, limit: m))
            }
        }
        if let l = overall {
            check("overall", card.overall, l)
            if let m = l.maxFalseAlarmsPerCleanDocument, let v = card.clean.falseAlarmsPerDocument, v > m + eps {
                out.append(Violation(scope: "overall", metric: "false_alarms_per_clean_doc", value: v, limit: m))
            }
            if let m = l.maxPiiDocumentsCalledClean, card.piiDocumentsCalledClean > m {
                out.append(Violation(scope: "overall", metric: "pii_docs_called_clean",
                                     value: Double(card.piiDocumentsCalledClean), limit: Double(m)))
            }
        }
        for (name, l) in (categories ?? [:]).sorted(by: { $0.key < $1.key }) {
            check("category \(name)", card.byCategory[name] ?? Figures(), l)
        }
        for (name, l) in (formats ?? [:]).sorted(by: { $0.key < $1.key }) {
            check("format \(name)", card.byFormat[name] ?? Figures(), l)
        }
        for (name, l) in (sources ?? [:]).sorted(by: { $0.key < $1.key }) {
            check("source \(name)", card.bySource[name] ?? Figures(), l)
        }
        return out
    }

    // MARK: Writing floors from a run

    static func floor2(_ x: Double) -> Double { (x * 100 + 1e-9).rounded(.down) / 100 }
    static func ceil2(_ x: Double) -> Double { max(0, (x * 100 - 1e-9).rounded(.up) / 100) }

    /// The floors a scorecard achieves: each figure rounded down to 2 decimals (ceilings rounded up).
    /// Rows with nothing labelled get no limit.
    public static func achieved(by card: Scorecard) -> Thresholds {
        func limits(_ f: Figures) -> Limits? {
            guard f.items > 0 else { return nil }
            return Limits(minRecall: f.recall.map(floor2), minPrecision: f.precision.map(floor2),
                          minCoverage: f.coverage.map(floor2))
        }
        var overall = limits(card.overall) ?? Limits()
        overall.maxFalseAlarmsPerCleanDocument = card.clean.falseAlarmsPerDocument.map(ceil2)
        overall.maxPiiDocumentsCalledClean = card.piiDocumentsCalledClean
        return Thresholds(overall: overall,
                          categories: card.byCategory.compactMapValues(limits),
                          formats: card.byFormat.compactMapValues(limits),
                          sources: card.bySource.compactMapValues(limits))
    }

    /// Limits that only go up: each floor the higher of the two, each ceiling the lower.
    public func raised(to other: Thresholds) -> Thresholds {
        func hi(_ a: Double?, _ b: Double?) -> Double? { a.flatMap { x in b.map { max(x, $0) } ?? x } ?? b }
        func lo<T: Comparable>(_ a: T?, _ b: T?) -> T? { a.flatMap { x in b.map { min(x, $0) } ?? x } ?? b }
        func merge(_ a: Limits?, _ b: Limits?) -> Limits? {
            guard a != nil || b != nil else { return nil }
            return Limits(minRecall: hi(a?.minRecall, b?.minRecall), minPrecision: hi(a?.minPrecision, b?.minPrecision),
                          minCoverage: hi(a?.minCoverage, b?.minCoverage),
                          maxFalseAlarmsPerCleanDocument: lo(a?.maxFalseAlarmsPerCleanDocument, b?.maxFalseAlarmsPerCleanDocument),
                          maxPiiDocumentsCalledClean: lo(a?.maxPiiDocumentsCalledClean, b?.maxPiiDocumentsCalledClean))
        }
        func mergeAll(_ a: [String: Limits]?, _ b: [String: Limits]?) -> [String: Limits]? {
            var out: [String: Limits] = [:]
            for k in Set((a ?? [:]).keys).union((b ?? [:]).keys) { out[k] = merge(a?[k], b?[k]) }
            return out.isEmpty ? nil : out
        }
        return Thresholds(overall: merge(overall, other.overall), categories: mergeAll(categories, other.categories),
                          formats: mergeAll(formats, other.formats), sources: mergeAll(sources, other.sources))
    }

    /// YAML with a fixed key order and the rule about raising in a comment.
    public func yaml() -> String {
        func num(_ x: Double) -> String { String(format: "%.2f", x) }
        func line(_ l: Limits) -> String {
            var f: [String] = []
            if let v = l.minRecall { f.append("min_recall: \(num(v))") }
            if let v = l.minPrecision { f.append("min_precision: \(num(v))") }
            if let v = l.minCoverage { f.append("min_coverage: \(num(v))") }
            if let v = l.maxFalseAlarmsPerCleanDocument { f.append("max_false_alarms_per_clean_doc: \(num(v))") }
            if let v = l.maxPiiDocumentsCalledClean { f.append("max_pii_docs_called_clean: \(v)") }
            return "{" + f.joined(separator: ", ") + "}"
        }
        var out = """
        # Quality floors for `sumi-eval --thresholds` (Tools/eval/run.sh, make eval, make test).
        # Each figure is what the code achieved when it was last raised, rounded down to 2 decimals
        # (ceilings rounded up). These numbers only go up: raise them when quality improves
        # (Tools/eval/run.sh --raise), never lower them to get a green build.

        """
        if let o = overall { out += "overall: \(line(o))\n" }
        for (title, table) in [("categories", categories), ("formats", formats), ("sources", sources)] {
            guard let table, !table.isEmpty else { continue }
            out += "\(title):\n"
            for (k, l) in table.sorted(by: { $0.key < $1.key }) { out += "  \(k): \(line(l))\n" }
        }
        return out
    }
}
