import Foundation
import SumiModel
import SumiText

/// 要配慮個人情報 (APPI Art. 2(3)): disease and condition names, disabilities and their
/// certificates, and other sensitive facts (creed, criminal record, being a victim of
/// crime). A term is a finding only when the same ICU sentence ties it to one person —
/// a name, a relation word, the first person, an individual's age — and it is not used
/// in general/policy wording (認知症施策, 障害のある子ども, がん検診の受診率).
/// Terms: Rules/dict/sensitive/*.tsv; configuration: Rules/recognizers/sensitive.yaml.
struct SensitiveFactRecognizer: Recognizer {
    struct Term: Sendable {
        var rule: Int
        var word: String
        var kind: String
        var generic: Bool
        var ascii: Bool
        var takesGrade: Bool
    }

    struct Candidate {
        var range: Range<Int>
        var term: Term
    }

    let rules: [RuleInfo]
    let confidences: [Double]
    let terms: [Int32: Term]
    let generalAfter: [(units: [UInt16], word: String)]
    let generalBefore: [(units: [UInt16], word: String)]
    let context: PersonContext
    let rowCellMaxLength: Int
    let previousSentenceKinds: Set<String>
    let previousSentenceLimit: Int
    let statePredicateKinds: Set<String>
    let statePredicates: [[UInt16]]
    let previousSentenceBreaks: [[UInt16]]
    let residenceRules: Set<String>
    let formLabels: [(word: String, units: [UInt16])]

    init(file: SensitiveFile, path: String, directory: URL, context: PersonContext,
         normalizer: TextNormalizer, lexicon: LexiconBuilder) throws {
        rules = try file.rules.map { try $0.info(file: path) }
        confidences = file.rules.map { $0.confidence ?? 0.85 }
        self.context = context
        rowCellMaxLength = file.rowCellMaxLength ?? 60
        previousSentenceKinds = Set(file.previousSentenceKinds ?? [])
        previousSentenceLimit = file.previousSentenceLimit ?? 1
        statePredicateKinds = Set(file.statePredicateKinds ?? [])
        statePredicates = RecognizerConfig.normalizedSet(file.statePredicates ?? [], normalizer).map { Array($0.utf16) }
        previousSentenceBreaks = (file.previousSentenceBreaks ?? []).map { Array(normalizer.normalize($0).units) }.filter { !$0.isEmpty }
        residenceRules = Set(file.residenceRules ?? [])
        formLabels = RecognizerConfig.normalizedSet(file.formLabels ?? [], normalizer).sorted { $0.count > $1.count }.map { ($0, Array($0.utf16)) }
        let generic = RecognizerConfig.normalizedSet(file.genericTerms, normalizer)
        let gradeAfter = file.gradeAfter.map { normalizer.normalize($0).normalizedString }
        var overrides: [String: Int] = [:]
        for (term, ruleID) in file.categoryOverrides ?? [:] {
            guard let i = file.rules.firstIndex(where: { $0.id == ruleID }) else {
                throw RuleLoadError(file: path, rule: ruleID, message: "category_overrides names an unknown rule")
            }
            overrides[normalizer.normalize(term).normalizedString] = i
        }
        var terms: [Int32: Term] = [:]
        let ignore = RecognizerConfig.normalizedSet(file.ignoreTerms ?? [], normalizer)
        func add(_ raw: String, kind: String, rule: Int) {
            let w = normalizer.normalize(raw).normalizedString
            guard !w.isEmpty, !ignore.contains(w) else { return }
            let id = lexicon.id(for: w)
            if let existing = terms[id], overrides[w] == nil || overrides[w] == existing.rule { return }
            let r = overrides[w] ?? rule
            terms[id] = Term(rule: r, word: w, kind: kind, generic: generic.contains(w),
                             ascii: w.utf16.allSatisfy { $0 < 0x80 }, takesGrade: gradeAfter.contains { w.hasSuffix($0) })
        }
        for (i, def) in file.rules.enumerated() {
            guard let rel = file.termFiles[def.id] else { continue }
            let url = directory.appendingPathComponent(rel)
            let tsv: String
            do { tsv = try String(contentsOf: url, encoding: .utf8) } catch {
                throw RuleLoadError(file: rel, rule: def.id, message: "用語リストを読めません: \(error)")
            }
            for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard let term = f.first, !term.isEmpty else { continue }
                let kind = f.count > 1 ? String(f[1]) : ""
                // Grades (1級, A1, 区分3) are ambiguous alone: they extend a certificate instead.
                if kind == "grade" && !gradeAfter.contains(where: { term.hasSuffix($0) }) { continue }
                add(String(term), kind: kind, rule: i)
            }
            for extra in file.extraTerms?[def.id] ?? [] { add(extra, kind: "extra", rule: i) }
        }
        self.terms = terms
        let generalTSV = directory.appendingPathComponent("dict/sensitive/general_context.tsv")
        var generalWords = file.generalAfter
        if let tsv = try? String(contentsOf: generalTSV, encoding: .utf8) {
            for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
                if let w = line.split(separator: "\t").first { generalWords.append(String(w)) }
            }
        }
        generalAfter = generalWords.map { (normalizer.normalize($0).units, $0) }.filter { !$0.0.isEmpty }
        generalBefore = file.generalBefore.map { (normalizer.normalize($0).units, $0) }.filter { !$0.0.isEmpty }
    }

    /// Term occurrences, leftmost-longest, with certificate grades attached (身体障害者手帳2級).
    func candidates(_ text: AnalyzedText) -> [Candidate] {
        let u = text.units
        var raw: [Candidate] = []
        for h in text.hits {
            guard let t = terms[h.id] else { continue }
            if t.ascii {
                if h.start > 0 && (Script.isLatin(u[h.start - 1]) || Script.isDigit(u[h.start - 1])) { continue }
                if h.end < u.count && (Script.isLatin(u[h.end]) || Script.isDigit(u[h.end])) { continue }
            }
            // ガン in ガンバータル・バータル: a katakana term inside a longer katakana word is not
            // that word (a Mongolian name was reported as a disease on a fresh minutes file).
            if Script.isKatakana(u[h.end - 1]), h.end < u.count, Script.isKatakana(u[h.end]), u[h.end] != 0x30FB { continue }
            if Script.isKatakana(u[h.start]), h.start > 0, Script.isKatakana(u[h.start - 1]), u[h.start - 1] != 0x30FB { continue }
            raw.append(Candidate(range: h.start..<h.end, term: t))
        }
        raw.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
        var out: [Candidate] = []
        for c in raw {
            // Leftmost-longest: 知的障害 wins over 障害のある that starts inside it.
            if let last = out.last, last.range.overlaps(c.range) { continue }
            out.append(c)
        }
        for i in out.indices where out[i].term.takesGrade {
            out[i].range = out[i].range.lowerBound..<gradeEnd(u, out[i].range.upperBound)
        }
        return out
    }

    /// 生活保護を受けて / を受給して / 受給中: a predicate of the writer's own state right after the
    /// term. Welfare named after a sentence about a person is that person's only with one
    /// (現在、生活保護を受給しています); 生活保護の制度を周知して is policy and stays out.
    func statePredicateFollows(_ u: [UInt16], _ end: Int) -> Bool {
        statePredicates.contains { PersonContext.hasPrefix(u, at: end, $0) }
    }

    /// 2級, (A), B1, 1度, 3: a grade right after a certificate or care level.
    func gradeEnd(_ u: [UInt16], _ start: Int) -> Int {
        var p = start
        let n = u.count
        if p < n && (u[p] == 0x20 || u[p] == 0x28) { p += 1 }
        if p < n && u[p] == 0x7B2C /* 第 */ { p += 1 }
        if p < n && Script.isDigit(u[p]) {
            while p < n && Script.isDigit(u[p]) { p += 1 }
            if p < n && (u[p] == 0x7D1A || u[p] == 0x5EA6 || u[p] == 0x7A2E) { p += 1 } // 級 度 種
        } else if p < n && (u[p] == 0x41 || u[p] == 0x42) && !(p + 1 < n && Script.isLatin(u[p + 1])) {
            p += 1
            if p < n && Script.isDigit(u[p]) { p += 1 }
        } else {
            return start
        }
        if start < n && u[start] == 0x28 { return p < n && u[p] == 0x29 ? p + 1 : start }
        return p
    }

    /// A general-context word right after the term (施策, のある方, の方) or right before (各種).
    func generalWord(_ text: AnalyzedText, _ r: Range<Int>) -> String? {
        // Compared in place (only for the rare sensitive term): registering ~150 policy words
        // in the shared automaton would add a hit at almost every line of ordinary text.
        let u = text.units
        // One character may sit between the term and the policy word (がん・検診), but not a
        // line break: 先天性心疾患⏎看護師が… is a new bullet, not がん看護.
        let skippable = r.upperBound < u.count && ![0x0A, 0x0D, 0x3002].contains(u[r.upperBound])
        for at in (skippable ? [r.upperBound, r.upperBound + 1] : [r.upperBound]) where at <= u.count {
            if let w = generalAfter.first(where: { PersonContext.hasPrefix(u, at: at, $0.units) }) { return w.word }
        }
        for w in generalBefore where r.lowerBound >= w.units.count {
            if PersonContext.hasPrefix(u, at: r.lowerBound - w.units.count, w.units) { return w.word }
        }
        return nil
    }

    func recognize(_ text: AnalyzedText, detections: inout [Detection], rejections: inout [Rejection]?) {
        let cands = candidates(text)
        guard !cands.isEmpty else { return }
        var linksBySentence: [Int: [PersonContext.Link]] = [:]
        let names = detections.filter { $0.category == .personName }.sorted { $0.normalizedRange.lowerBound < $1.normalizedRange.lowerBound }
        let residences = detections.filter { residenceRules.contains($0.rule) }
        var accepted: [(Candidate, Range<Int>, String)] = []
        for c in cands {
            let info = rules[c.term.rule]
            var original: String { text.normalized.originalString(c.range) }
            if let g = generalWord(text, c.range) {
                rejections?.append(Rejection(rule: info.id, text: original, why: "一般的・施策的な記述（「\(g)」が隣接）"))
                continue
            }
            switch formItem(text, c.range) {
            case .label:
                rejections?.append(Rejection(rule: info.id, text: original, why: "様式の項目名（値ではない）"))
                continue
            case .value(let label):
                accepted.append((c, text.sentence(containing: c.range.lowerBound), "様式の「\(label)」欄の記載"))
                continue
            case .none:
                break
            }
            let sentence = text.sentence(containing: c.range.lowerBound)
            let links = linksBySentence[sentence.lowerBound] ?? context.links(in: text, sentence: sentence, names: names, residences: residences)
            linksBySentence[sentence.lowerBound] = links
            if let link = nearest(links, to: c.range) {
                accepted.append((c, sentence, "\(link.description)と同じ文"))
                continue
            }
            // A case record or a slide often names the person once and lists the facts on the
            // next line (対象児童：ひなたさん⏎状況：てんかんの服薬…). The sentence just before,
            // in the same paragraph, may carry the link.
            // Up to `previousSentenceLimit` sentences back (状況：現在保護観察中。窃盗による少年院送致歴あり。).
            if previousSentenceKinds.contains(c.term.kind) || (statePredicateKinds.contains(c.term.kind) && statePredicateFollows(text.units, c.range.upperBound)),
               !previousSentenceBreaks.contains(where: { PersonContext.hasPrefix(text.units, at: sentence.lowerBound, $0) }) {
                var current = sentence
                var link: PersonContext.Link? = nil
                for _ in 0..<previousSentenceLimit {
                    guard let previous = previousSentence(text, before: current) else { break }
                    let before = linksBySentence[previous.lowerBound] ?? context.links(in: text, sentence: previous, names: names, residences: residences)
                    linksBySentence[previous.lowerBound] = before
                    if let l = before.last { link = l; break }
                    current = previous
                }
                if let link {
                    accepted.append((c, sentence, "前の文の\(link.description)に続く記述"))
                    continue
                }
            }
            rejections?.append(Rejection(rule: info.id, text: original, why: "同じ文・直前の文に氏名・続柄・本人を示す語がない（一般的な記述）"))
        }
        for (c, sentence, reason) in accepted {
            let info = rules[c.term.rule]
            if c.term.generic, accepted.contains(where: { !$0.0.term.generic && $0.1 == sentence }) {
                rejections?.append(Rejection(rule: info.id, text: text.normalized.originalString(c.range),
                                             why: "同じ文により具体的な語があるため省略"))
                continue
            }
            detections.append(detection(c, text: text, reason: "\(info.label)「\(text.string(c.range))」が\(reason)", confidence: confidences[c.term.rule]))
        }
    }

    enum FormItem { case none, label, value(String) }

    /// On a form, a fact written in an item such as 疾病名 or 障害名 is about the form's
    /// subject even with no name in the sentence: the item is the column header of a
    /// spreadsheet cell, or starts the line and is followed by a tab or colon (a PDF row
    /// 「疾病名⇥脊髄損傷」, 「既往歴：糖尿病」). A term that is itself the item (身体障害者手帳⇥…)
    /// is the label, not a fact.
    func formItem(_ text: AnalyzedText, _ r: Range<Int>) -> FormItem {
        if !text.fieldLabel.isEmpty, let l = formLabels.first(where: { text.fieldLabelContains($0.units) }) {
            return .value(l.word)
        }
        let u = text.units
        var lineStart = r.lowerBound
        while lineStart > 0, u[lineStart - 1] != 0x0A, u[lineStart - 1] != 0x0D { lineStart -= 1 }
        while lineStart < r.lowerBound, u[lineStart] == 0x20 || u[lineStart] == 0x09 { lineStart += 1 }
        func separator(_ i: Int) -> Bool { i < u.count && (u[i] == 0x09 || u[i] == 0x3A) }
        if r.lowerBound == lineStart, separator(r.upperBound) { return .label }
        for l in formLabels where lineStart + l.units.count <= r.lowerBound {
            let end = lineStart + l.units.count
            if u[lineStart..<end].elementsEqual(l.units), separator(end) { return .value(l.word) }
        }
        return .none
    }

    /// The sentence before `sentence` when nothing but one line break separates them (a blank
    /// line starts another paragraph: another opinion, another topic).
    func previousSentence(_ text: AnalyzedText, before sentence: Range<Int>) -> Range<Int>? {
        guard sentence.lowerBound > 0 else { return nil }
        let u = text.units
        var i = sentence.lowerBound
        var breaks = 0
        while i > 0, u[i - 1] == 0x0A || u[i - 1] == 0x0D || u[i - 1] == 0x20 {
            if u[i - 1] == 0x0A { breaks += 1 }
            i -= 1
        }
        guard i > 0, breaks <= 1 else { return nil }
        let previous = text.sentence(containing: i - 1)
        return previous.isEmpty ? nil : previous
    }

    func detection(_ c: Candidate, text: AnalyzedText, reason: String, confidence: Double) -> Detection {
        let info = rules[c.term.rule]
        return Detection(rule: info.id, category: info.category, label: info.label, severity: info.severity,
                         legalClass: info.legalClass, confidence: confidence, range: text.normalized.originalRange(c.range),
                         reason: reason, normalized: text.string(c.range), normalizedRange: c.range)
    }

    func nearest(_ links: [PersonContext.Link], to r: Range<Int>) -> PersonContext.Link? {
        links.min { distance($0.range, r) < distance($1.range, r) }
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : max(0, a.lowerBound - b.upperBound)
    }
}
