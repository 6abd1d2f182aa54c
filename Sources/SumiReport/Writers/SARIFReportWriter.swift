import Foundation
import SumiModel

/// SARIF 2.1.0, for code-scanning dashboards: one run, the rules that fired (Japanese
/// descriptions, category and legal class as properties), one result per finding with the
/// file, line and, as SARIF allows, a logical location for the page or the sheet and cell;
/// suppressed findings carry SARIF suppressions; notices become tool notifications.
/// Validated against the official schema by Tools/report/validate.sh.
struct SARIFReportWriter: ReportWriter {
    var options: ReportOptions

    func write(_ report: ScanReport) -> Data {
        let r = options.mask ? Masking.masked(report) : report
        var ruleIndex: [String: Int] = [:]
        var rules: [[String: Any]] = []
        var results: [[String: Any]] = []
        var notifications: [[String: Any]] = []
        for file in r.files {
            let uri = Self.uri(file.path)
            for f in file.findings {
                if ruleIndex[f.rule] == nil {
                    ruleIndex[f.rule] = rules.count
                    rules.append([
                        "id": f.rule, "name": f.category.rawValue,
                        "shortDescription": ["text": f.label],
                        "fullDescription": ["text": "\(f.label)（\(f.legalClass.label)）"],
                        "defaultConfiguration": ["level": Self.level(f.severity)],
                        "properties": ["category": f.category.rawValue, "legal_class": f.legalClass.rawValue],
                    ])
                }
                var physical: [String: Any] = ["artifactLocation": ["uri": uri]]
                if let line = f.location.line { physical["region"] = ["startLine": max(1, line)] }
                var location: [String: Any] = ["physicalLocation": physical]
                var logical: [[String: Any]] = []
                if let sheet = f.location.sheet, let cell = f.location.cell { logical.append(["fullyQualifiedName": "\(sheet)!\(cell)", "kind": "element"]) }
                else if let page = f.location.page { logical.append(["fullyQualifiedName": "page \(page)", "kind": "element"]) }
                if let part = f.location.part { logical.append(["fullyQualifiedName": part, "kind": "module"]) }
                if !logical.isEmpty { location["logicalLocations"] = logical }
                var result: [String: Any] = [
                    "ruleId": f.rule, "ruleIndex": ruleIndex[f.rule]!, "level": Self.level(f.severity),
                    "message": ["text": "\(f.label): \(f.reason)"],
                    "locations": [location],
                    "partialFingerprints": ["sumi/v1": f.id],
                    "properties": ["severity": f.severity.rawValue, "legal_class": f.legalClass.rawValue,
                                   "source": f.source.rawValue, "text": f.text, "bbox": f.location.bbox as Any? ?? NSNull()],
                ]
                if f.suppressed {
                    result["suppressions"] = [["kind": "external", "status": "accepted",
                                               "justification": f.suppression.map { "\($0.kind): \($0.reason ?? $0.entry)" } ?? "suppressed"]]
                }
                results.append(result)
            }
            for n in file.notices {
                notifications.append(["level": n.meansUnread ? "warning" : "note",
                                      "message": ["text": n.message],
                                      "descriptor": ["id": n.code],
                                      "locations": [["physicalLocation": ["artifactLocation": ["uri": uri]]]]])
            }
        }
        let run: [String: Any] = [
            "tool": ["driver": ["name": "sumi", "version": r.tool.version, "semanticVersion": r.tool.version,
                                "informationUri": "https://example.jp/sumi", "rules": rules,
                                "properties": ["rules_version": r.tool.rulesVersion]]],
            "results": results,
            "invocations": [["executionSuccessful": true, "toolExecutionNotifications": notifications]],
            "columnKind": "unicodeCodePoints",
        ]
        let doc: [String: Any] = ["$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// A relative URI reference for a path (SARIF wants URIs; Japanese names are escaped).
    static func uri(_ path: String) -> String {
        let p = path.hasPrefix("/") ? "file://" + path : path
        return p.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.union(CharacterSet(charactersIn: ":"))) ?? p
    }
}
