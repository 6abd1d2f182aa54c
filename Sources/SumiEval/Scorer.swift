/// Matches a report's findings to the ground truth and counts.
///
/// A finding matches a labelled item when
/// 1. it is in the same document (the report path ends with the truth path),
/// 2. the categories are equal,
/// 3. the location agrees wherever both give it: page, sheet, cell, source, part,
/// 4. the texts overlap as two spans of one text would, after `EvalText.normalize`
///    (`TextOverlap.isMatch`).
///
/// Each finding finds at most one item: findings are taken in report order, and each is assigned
/// to the item it covers best (by fraction of the item), the first still-unmatched one among
/// equals in `occurrence` order — so items repeated in a document (`occurrence` 1, 2 …) each need
/// a finding of their own. A finding whose best items are all matched already (a fragment of a
/// name, a duplicate) is still correct — it is on labelled information — and adds to their
/// coverage, but finds no new item. Findings in files with status `error` or `incomplete` count
/// like any other; items in a file that was not read are simply not found.
public struct Scorer: Sendable {
    public var truth: GroundTruth

    public init(truth: GroundTruth) { self.truth = truth }

    public func score(_ report: EvalReport, tool: String? = nil) -> Scorecard {
        var card = Scorecard(tool: tool ?? report.tool?.name ?? "sumi")
        var used = Set<Int>()
        for doc in truth.documents {
            let index = Scorer.fileIndex(for: doc.path, in: report)
            if let i = index { used.insert(i) }
            score(doc, file: index.map { report.files[$0] }, into: &card)
        }
        card.unlabelledFiles = report.files.count - used.count
        return card
    }

    /// The report file for a truth path: the same path, or a path ending in `/` + the truth path.
    static func fileIndex(for truthPath: String, in report: EvalReport) -> Int? {
        report.files.firstIndex { $0.path == truthPath || $0.path.hasSuffix("/" + truthPath) }
    }

    private func score(_ doc: TruthDocument, file: EvalReport.File?, into card: inout Scorecard) {
        card.documents += 1
        let status = file?.status ?? (file == nil ? "missing" : "unknown")
        if doc.clean { card.statuses[status, default: .init()].clean += 1 } else { card.statuses[status, default: .init()].labelled += 1 }
        if !doc.clean, !doc.items.isEmpty, status == "clean" { card.piiDocumentsCalledClean += 1 }

        let findings = (file?.findings ?? []).filter { $0.suppressed != true }
        let items = doc.items
        let itemTexts = items.map { EvalText.normalize($0.text) }
        let findingTexts = findings.map { EvalText.normalize($0.text) }

        // Repeated items (same category and text) are tried in `occurrence` order.
        let order = items.indices.sorted { (items[$0].occurrence ?? 1, $0) < (items[$1].occurrence ?? 1, $1) }

        var matched = [Bool](repeating: false, count: items.count)
        var covered = itemTexts.map { [Bool](repeating: false, count: $0.count) }
        var correct = [Bool](repeating: false, count: findings.count)

        for (f, finding) in findings.enumerated() {
            var candidates: [(item: Int, overlap: TextOverlap, fraction: Double)] = []
            for i in order where items[i].category == finding.category && Scorer.locationAgrees(items[i], finding) {
                let o = TextOverlap.between(findingTexts[f], itemTexts[i])
                if o.isMatch { candidates.append((i, o, o.itemFraction(of: itemTexts[i]))) }
            }
            guard let bestFraction = candidates.map(\.fraction).max() else { continue }
            correct[f] = true
            // A finding finds one item: the one it covers best (the first still unmatched among equals,
            // in occurrence order). When all of those are matched it is a fragment or a duplicate:
            // it adds coverage but no new item.
            let best = candidates.filter { $0.fraction == bestFraction }
            if let free = best.first(where: { !matched[$0.item] }) {
                matched[free.item] = true
                for k in free.overlap.itemRange { covered[free.item][k] = true }
            } else {
                for c in best { for k in c.overlap.itemRange { covered[c.item][k] = true } }
            }
        }

        // Items.
        for (i, item) in items.enumerated() {
            var fig = Figures()
            fig.items = 1
            fig.matchedItems = matched[i] ? 1 : 0
            fig.characters = itemTexts[i].count
            fig.coveredCharacters = covered[i].filter { $0 }.count
            let source = item.source ?? "body"
            card.overall.add(fig)
            card.byCategory[item.category, default: Figures()].add(fig)
            card.byFormat[doc.format, default: Figures()].add(fig)
            card.bySource[source, default: Figures()].add(fig)
            card.byKind[doc.kind ?? "unknown", default: Figures()].add(fig)
            if !matched[i] {
                let foundAs = findings.indices.filter { f in
                    findings[f].category != item.category && Scorer.locationAgrees(item, findings[f])
                        && TextOverlap.between(findingTexts[f], itemTexts[i]).isMatch
                }.map { findings[$0].category }
                card.misses.append(Miss(document: doc.path, status: status, category: item.category, text: item.text,
                                        source: source, location: Scorer.describe(item), foundAs: Array(Set(foundAs)).sorted()))
            }
        }

        // Findings.
        var falseAlarmsHere = 0
        for (f, finding) in findings.enumerated() {
            var fig = Figures()
            fig.findings = 1
            fig.correctFindings = correct[f] ? 1 : 0
            let source = finding.source ?? "body"
            card.overall.add(fig)
            card.byCategory[finding.category, default: Figures()].add(fig)
            card.byFormat[doc.format, default: Figures()].add(fig)
            card.bySource[source, default: Figures()].add(fig)
            card.byKind[doc.kind ?? "unknown", default: Figures()].add(fig)
            if !correct[f] {
                falseAlarmsHere += 1
                card.falseAlarms.append(FalseAlarm(document: doc.path, cleanDocument: doc.clean, category: finding.category,
                                                   text: finding.text, rule: finding.rule, source: source,
                                                   location: Scorer.describe(finding.location)))
            }
        }
        if doc.clean {
            card.clean.documents += 1
            card.clean.falseAlarms += falseAlarmsHere
            if !findings.isEmpty { card.clean.flaggedDocuments += 1 }
        }
    }

    /// Page, sheet, cell, source and part must be equal where both sides give them.
    static func locationAgrees(_ item: TruthItem, _ finding: EvalFinding) -> Bool {
        let loc = finding.location
        func agree<T: Equatable>(_ a: T?, _ b: T?) -> Bool { a == nil || b == nil || a == b }
        return agree(item.page, loc?.page)
            && agree(item.sheet, loc?.sheet)
            && agree(item.cell?.uppercased(), loc?.cell?.uppercased())
            && agree(item.source, finding.source)
            && agree(item.part, loc?.part)
    }

    static func describe(_ item: TruthItem) -> String {
        var parts: [String] = []
        if let p = item.page { parts.append("p.\(p)") }
        if let s = item.sheet { parts.append("sheet \(s)") }
        if let c = item.cell { parts.append(c) }
        if let p = item.part { parts.append(p) }
        if let o = item.occurrence { parts.append("#\(o)") }
        return parts.joined(separator: " ")
    }

    static func describe(_ loc: EvalFinding.Location?) -> String {
        guard let loc else { return "" }
        var parts: [String] = []
        if let p = loc.page { parts.append("p.\(p)") }
        if let s = loc.sheet { parts.append("sheet \(s)") }
        if let c = loc.cell { parts.append(c) }
        if let p = loc.part { parts.append(p) }
        if let l = loc.line { parts.append("line \(l)") }
        return parts.joined(separator: " ")
    }
}
