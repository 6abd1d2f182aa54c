import Foundation

/// Plain-text tables of a scorecard, for people and for the README.
public enum ScoreTable {
    static func pct(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "—" }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        // East Asian characters take two columns in a terminal.
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.properties.isIdeographic || $1.value >= 0x3000 ? 2 : 1) }
        let fill = String(repeating: " ", count: max(0, width - w))
        return right ? fill + s : s + fill
    }

    static func rows(_ title: String, _ table: [(String, Figures)]) -> String {
        var out = pad(title, 20) + pad("items", 7, right: true) + pad("found", 7, right: true) + pad("recall", 8, right: true)
            + pad("findings", 10, right: true) + pad("correct", 9, right: true) + pad("precision", 11, right: true)
            + pad("coverage", 10, right: true) + "\n"
        for (name, f) in table {
            out += pad(name, 20) + pad("\(f.items)", 7, right: true) + pad("\(f.matchedItems)", 7, right: true)
                + pad(pct(f.recall), 8, right: true) + pad("\(f.findings)", 10, right: true)
                + pad("\(f.correctFindings)", 9, right: true) + pad(pct(f.precision), 11, right: true)
                + pad(pct(f.coverage), 10, right: true) + "\n"
        }
        return out
    }

    public static func render(_ card: Scorecard, verbose: Bool) -> String {
        var out = "Score of \(card.tool) on \(card.documents) labelled documents\n\n"
        out += rows("category", card.byCategory.sorted { $0.key < $1.key } + [("ALL", card.overall)]) + "\n"
        out += rows("format", card.byFormat.sorted { $0.key < $1.key }) + "\n"
        out += rows("source", card.bySource.sorted { $0.key < $1.key }) + "\n"
        out += rows("document kind", card.byKind.sorted { $0.key < $1.key }) + "\n"
        let c = card.clean
        out += "clean documents: \(c.documents), false alarms: \(c.falseAlarms) (\(pct(c.falseAlarmsPerDocument)) per document), "
            + "flagged: \(c.flaggedDocuments)\n"
        out += "documents with personal information reported clean: \(card.piiDocumentsCalledClean)\n"
        out += "report status   labelled  clean\n"
        for (s, n) in card.statuses.sorted(by: { $0.key < $1.key }) {
            out += pad(s, 14) + pad("\(n.labelled)", 10, right: true) + pad("\(n.clean)", 7, right: true) + "\n"
        }
        if card.unlabelledFiles > 0 { out += "files in the report but not in the truth (not scored): \(card.unlabelledFiles)\n" }
        if verbose {
            out += "\nmisses (\(card.misses.count)):\n"
            for m in card.misses {
                let also = m.foundAs.isEmpty ? "" : "  [found as \(m.foundAs.joined(separator: ","))]"
                out += "  \(m.document) [\(m.status)] \(m.category) «\(m.text)» \(m.source) \(m.location)\(also)\n"
            }
            out += "\nfalse alarms (\(card.falseAlarms.count)):\n"
            for f in card.falseAlarms {
                out += "  \(f.document)\(f.cleanDocument ? " (clean)" : "") \(f.category) «\(f.text)» \(f.rule ?? "") \(f.source) \(f.location)\n"
            }
        }
        return out
    }

    /// One line per tool: the side-by-side comparison (ours and the peers').
    public static func compare(_ cards: [Scorecard]) -> String {
        var out = pad("tool", 26) + pad("recall", 8, right: true) + pad("precision", 11, right: true)
            + pad("coverage", 10, right: true) + pad("FA/clean doc", 14, right: true) + "\n"
        for c in cards {
            out += pad(c.tool, 26) + pad(pct(c.overall.recall), 8, right: true) + pad(pct(c.overall.precision), 11, right: true)
                + pad(pct(c.overall.coverage), 10, right: true) + pad(pct(c.clean.falseAlarmsPerDocument), 14, right: true) + "\n"
        }
        // Per category: recall / precision of each tool.
        let categories = Set(cards.flatMap { $0.byCategory.keys }).sorted()
        out += "\n" + pad("recall / precision", 18)
        for c in cards { out += pad(String(c.tool.prefix(22)), 24, right: true) }
        out += "\n"
        for cat in categories {
            out += pad(cat, 18)
            for c in cards {
                let f = c.byCategory[cat] ?? Figures()
                out += pad("\(pct(f.recall)) / \(pct(f.precision))", 24, right: true)
            }
            out += "\n"
        }
        return out
    }
}
