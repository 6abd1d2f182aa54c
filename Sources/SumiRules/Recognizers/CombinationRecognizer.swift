import SumiModel
import SumiText

/// Relates the pieces of one opinion or one table row (the Setagaya pattern): a sensitive
/// term in a short cell of a row that names a person is a fact about that person, and
/// a name or relation word + a place + a sensitive fact in one opinion/row together
/// identify someone even when each piece alone looks harmless — that adds the notice
/// `combined_identification`. Opinions in running text are blocks separated by blank
/// lines or by lines starting with a marker (No.1, ①, 【意見) from town.yaml.
struct CombinationRecognizer: GroupRecognizer {
    let sensitive: SensitiveFactRecognizer
    let context: PersonContext
    let blockMarkers: [[UInt16]]

    func recognize(group: [AnalyzedText], detections: inout [[Detection]], notices: inout [Notice]) {
        if group.count > 1 { promoteRowFacts(group, &detections) }
        var blocks: [[(Int, Range<Int>)]] = []
        if group.count > 1 {
            blocks.append(group.indices.map { ($0, 0..<group[$0].units.count) })
        } else if let text = group.first {
            blocks = self.blocks(text.units).map { [(0, $0)] }
        }
        let sorted = detections.map { $0.sorted { $0.normalizedRange.lowerBound < $1.normalizedRange.lowerBound } }
        for block in blocks {
            var people: [String] = [], places: [String] = [], facts: [String] = []
            for (i, r) in block {
                for d in sorted[i].inside(r) {
                    switch d.category {
                    case .personName: people.append(d.normalized)
                    case .address: places.append(d.normalized)
                    case .medical, .disability, .sensitiveOther: facts.append(d.normalized)
                    default: break
                    }
                }
                for h in context.relations(in: group[i], within: r) { people.append(group[i].string(h.start..<h.end)) }
            }
            guard let who = people.first, let place = places.first, let fact = facts.first else { continue }
            let unit = group[block[0].0].unit
            notices.append(Notice(
                code: NoticeCode.combinedIdentification,
                message: "同じ意見・行に、人物（「\(who)」）・地名（「\(place)」）・要配慮情報（「\(fact)」）がそろっています。"
                    + "一つずつは無害に見えても、組み合わせると個人を特定できるおそれがあります（世田谷区の事例と同じ型）。公開前に削除または一般化してください。",
                page: unit.location.page, part: unit.location.part))
        }
    }

    /// A row that names a person: sensitive terms in its short cells are facts about them.
    private func promoteRowFacts(_ group: [AnalyzedText], _ detections: inout [[Detection]]) {
        var anchor: String? = nil
        for (i, ds) in detections.enumerated() {
            if let d = ds.first(where: { $0.category == .personName }) { anchor = "氏名「\(d.normalized)」"; break }
            if let h = context.relations(in: group[i]).first { anchor = "続柄「\(group[i].string(h.start..<h.end))」"; break }
        }
        guard let anchor else { return }
        // Short fact cells only (長女が喘息, 人工透析); a long cell with 。 is prose such as the ward's answer.
        for (i, text) in group.enumerated() where text.units.count <= sensitive.rowCellMaxLength && !text.units.contains(0x3002) {
            for c in sensitive.candidates(text) {
                if detections[i].contains(where: { $0.normalizedRange.overlaps(c.range) }) { continue }
                if sensitive.generalWord(text, c.range) != nil { continue }
                // A generic word (診断, 服薬中) next to a specific fact already reported in the
                // cell adds nothing: 発達障害の診断 is one fact.
                if c.term.generic, detections[i].contains(where: {
                    [.medical, .disability, .sensitiveOther].contains($0.category) }) { continue }
                let label = sensitive.rules[c.term.rule].label
                detections[i].append(sensitive.detection(c, text: text, reason: "\(label)「\(text.string(c.range))」が\(anchor)と同じ行",
                                                         confidence: sensitive.confidences[c.term.rule]))
            }
        }
    }

    /// Opinion blocks of running text: split at blank lines and at lines starting with a marker or a number.
    func blocks(_ u: [UInt16]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var blockStart = 0
        var lineStart = 0
        let n = u.count
        var i = 0
        while i <= n {
            if i == n || u[i] == 0x0A {
                let line = lineStart..<i
                var s = line.lowerBound
                while s < line.upperBound && (u[s] == 0x20 || u[s] == 0x09 || u[s] == 0x0D) { s += 1 }
                let blank = s == line.upperBound
                let marker = !blank && (blockMarkers.contains { PersonContext.hasPrefix(u, at: s, $0) }
                    || (Script.isDigit(u[s]) && {
                        var k = s
                        while k < line.upperBound && Script.isDigit(u[k]) { k += 1 }
                        return k < line.upperBound && [0x20, 0x09, 0x2E, 0x3001, 0x29].contains(u[k])
                    }()))
                if (blank || marker) && lineStart > blockStart {
                    out.append(blockStart..<lineStart)
                    blockStart = lineStart
                }
                if blank { blockStart = min(n, i + 1) }
                lineStart = i + 1
            }
            i += 1
        }
        if blockStart < n { out.append(blockStart..<n) }
        return out
    }
}
