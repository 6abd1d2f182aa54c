import Foundation
import Sumi
import SumiModel
import SumiReport

/// `sumi redact --report FILE.json`: what was removed where, per file. Personal text only
/// with `--show-text`; leaks are named by place and form, never by their text.
enum RedactionReportJSON {
    static func document(_ results: [(RedactionResult, String?)], showText: Bool) -> Data {
        var files: [[String: Any]] = []
        for (r, written) in results {
            var f: [String: Any] = ["path": r.path, "format": r.format.rawValue, "status": r.status.rawValue,
                                    "output": written as Any? ?? NSNull(), "rounds": r.rounds]
            if let reason = r.reason { f["exit_reason"] = reason }
            if let m = r.message { f["message"] = m }
            if let v = r.retention { f["retention"] = (v * 10000).rounded() / 10000 }
            f["removed"] = r.removed.map { finding -> [String: Any] in
                var d: [String: Any] = ["id": finding.id, "category": finding.category.rawValue, "label": finding.label,
                                        "severity": finding.severity.rawValue, "source": finding.source.rawValue,
                                        "location": location(finding.location)]
                if showText { d["text"] = finding.text }
                return d
            }
            f["also_removed"] = showText ? r.alsoRemoved : []
            f["also_removed_count"] = r.alsoRemoved.count
            f["unremoved"] = r.unremoved.map { u -> [String: Any] in
                var d: [String: Any] = ["id": u.finding.id, "category": u.finding.category.rawValue, "why": u.why]
                if showText { d["text"] = u.finding.text }
                return d
            }
            f["remaining"] = r.remaining.map { ["id": $0.id, "category": $0.category.rawValue, "location": location($0.location)] }
            f["leaks"] = r.leaks.map { ["place": $0.place, "form": $0.form] }
            f["notes"] = r.notes
            files.append(f)
        }
        var counts: [String: Int] = [:]
        for (r, _) in results { counts[r.status.rawValue, default: 0] += 1 }
        let doc: [String: Any] = ["tool": ["name": "sumi", "version": sumiVersion], "files": files, "summary": counts]
        return (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    static func location(_ l: Location) -> [String: Any] {
        var d: [String: Any] = [:]
        if let v = l.page { d["page"] = v }
        if let v = l.line { d["line"] = v }
        if let v = l.bbox { d["bbox"] = v }
        if let v = l.sheet { d["sheet"] = v }
        if let v = l.cell { d["cell"] = v }
        if let v = l.part { d["part"] = v }
        return d
    }

    /// 4 over 3 over 1 over 0 (see `Redact`).
    static func exitCode(_ results: [RedactionResult]) -> Int32 {
        if results.contains(where: { $0.status == .failed }) { return 4 }
        if results.contains(where: { $0.status == .refused }) { return 3 }
        if results.contains(where: { !$0.unremoved.isEmpty }) { return 1 }
        return 0
    }
}
