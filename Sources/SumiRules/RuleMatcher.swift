import SumiModel
import SumiText

/// Runs a `RuleSet` over text units. One per thread: it owns its copies of the
/// compiled patterns (ICU matchers keep state).
public final class RuleMatcher {
    public let ruleSet: RuleSet
    private let patterns: [[ICURegex]]
    private let allows: [[ICURegex]]
    /// Field labels seen before (a column header labels thousands of cells): normalized
    /// label and the lexicon literals in it.
    private var labels: [String: (String, Set<Int32>)] = [:]

    public init(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        patterns = ruleSet.rules.map { $0.patterns.map { $0.clone() } }
        allows = ruleSet.rules.map { $0.allow.map { $0.clone() } }
    }

    /// The result of detecting in one group of units.
    public struct GroupResult {
        /// Detections per unit, in the order of the units given.
        public var detections: [[Detection]]
        /// Group-level notices (e.g. a combination that identifies a person).
        public var notices: [Notice]
        /// Candidates considered and rejected, when asked for.
        public var rejections: [Rejection]
        /// The deadline passed before every rule had run on every unit: what was found is
        /// kept, but the group was not fully checked.
        public var timedOut = false

        /// No detections in a group of `count` units.
        public init(nothingIn count: Int) {
            detections = Array(repeating: [], count: count)
            notices = []
            rejections = []
        }

        init(detections: [[Detection]], notices: [Notice], rejections: [Rejection]) {
            self.detections = detections
            self.notices = notices
            self.rejections = rejections
        }
    }

    /// Normalizes and indexes one unit.
    public func analyze(_ unit: TextUnit) -> AnalyzedText {
        var normalized = ruleSet.normalizer.normalize(utf16: unit.utf16)
        if unit.source == .ocr { normalized = ruleSet.ocrConfusions.fold(normalized) }
        var hits: [AhoCorasick.Hit] = []
        normalized.units.withUnsafeBufferPointer { buf in ruleSet.lexicon.search(buf) { hits.append($0) } }
        var label = ""
        var labelLiterals = Set<Int32>()
        if let raw = unit.fieldLabel, !raw.isEmpty {
            if let known = labels[raw] {
                (label, labelLiterals) = known
            } else {
                // 氏　名, 住　所: forms space a label's characters for alignment; the label
                // is the same word (a CSV headed 氏　名 lost its column of names).
                let n = ruleSet.normalizer.normalize(Self.unspacedLabel(raw))
                label = n.normalizedString
                n.units.withUnsafeBufferPointer { buf in ruleSet.lexicon.search(buf) { labelLiterals.insert($0.id) } }
                if labels.count > 4096 { labels.removeAll(keepingCapacity: true) }
                labels[raw] = (label, labelLiterals)
            }
        }
        return AnalyzedText(unit: unit, normalized: normalized, fieldLabel: label, hits: hits, labelLiterals: labelLiterals)
    }

    /// A short label (at most 12 characters) without the spaces between its characters.
    static func unspacedLabel(_ raw: String) -> String {
        guard raw.count <= 12, raw.contains(where: { $0 == " " || $0 == "\u{3000}" }) else { return raw }
        return String(raw.filter { $0 != " " && $0 != "\u{3000}" })
    }

    /// Detects in one unit on its own.
    public func detect(_ unit: TextUnit, explain: Bool = false) -> GroupResult {
        detect(group: [unit], explain: explain)
    }

    /// Detects in units that belong together (a table row, an opinion), then lets the
    /// group recognizers relate them.
    ///
    /// `deadline` (a file's time limit) is checked between rules, so that one long unit
    /// cannot carry a scan far past its limit; when it passes, the result says `timedOut`.
    ///
    /// `document` is what the file has shown before this group (`DocumentContextTracker`);
    /// without it, the group's own units are all the context there is.
    public func detect(group units: [TextUnit], explain: Bool = false, deadline: Deadline? = nil,
                       document: DocumentContext? = nil) -> GroupResult {
        let document = document ?? {
            var tracker = DocumentContextTracker(ruleSet.documentCues)
            return tracker.observe(units)
        }()
        var rejections: [Rejection]? = explain ? [] : nil
        var timedOut = false
        // Normalizing is a pass over the text too: a row of 100 cells of 32 K characters
        // each is 3 M characters, so the deadline is asked between units here as well.
        var analyzed: [AnalyzedText] = []
        analyzed.reserveCapacity(units.count)
        for unit in units {
            if deadline?.hasPassed == true { timedOut = true; break }
            let text = analyze(unit)
            text.document = document
            analyzed.append(text)
        }
        var perUnit: [[Detection]] = []
        units: for text in analyzed {
            var found: [Detection] = []
            for (i, rule) in ruleSet.rules.enumerated() {
                if deadline?.hasPassed == true { timedOut = true; perUnit.append(found); break units }
                run(rule, index: i, on: text, into: &found, rejections: &rejections)
            }
            for r in ruleSet.recognizers {
                if deadline?.hasPassed == true { timedOut = true; perUnit.append(found); break units }
                r.recognize(text, detections: &found, rejections: &rejections)
            }
            perUnit.append(found)
        }
        while perUnit.count < units.count { perUnit.append([]) }
        var notices: [Notice] = []
        if !timedOut {
            for g in ruleSet.groupRecognizers {
                g.recognize(group: analyzed, detections: &perUnit, notices: &notices)
            }
        }
        var result = GroupResult(detections: perUnit.map(Self.resolveOverlaps), notices: notices, rejections: rejections ?? [])
        result.timedOut = timedOut
        return result
    }

    // MARK: pattern rules

    private func run(_ rule: CompiledRule, index: Int, on text: AnalyzedText, into found: inout [Detection],
                     rejections: inout [Rejection]?) {
        let units = text.normalized.units
        guard !units.isEmpty else { return }
        let windows = candidateWindows(rule, text)
        guard !windows.isEmpty else { return }
        var seen = Set<Range<Int>>()
        units.withUnsafeBufferPointer { buf in
            for pattern in patterns[index] {
                for window in windows {
                    pattern.forEachMatch(in: buf, region: window) { whole, group in
                        guard let r = rule.group == 0 ? whole : group(rule.group), !r.isEmpty else { return true }
                        if seen.insert(r).inserted {
                            evaluate(rule, index: index, range: r, text: text, into: &found, rejections: &rejections)
                        }
                        return true
                    }
                }
            }
        }
    }

    /// Where the rule's patterns may match: around its anchors, merged. The whole text
    /// if the rule has no anchor.
    private func candidateWindows(_ rule: CompiledRule, _ text: AnalyzedText) -> [Range<Int>] {
        let count = text.normalized.units.count
        guard rule.hasAnchor else { return [0..<count] }
        // A field labelled with an anchor word (a 生年月日 column) anchors the whole cell.
        if !text.labelLiterals.isEmpty, rule.anchorLiterals.contains(where: { text.labelLiterals.contains($0) }) {
            return [0..<count]
        }
        var raw: [Range<Int>] = []
        for id in rule.anchorLiterals {
            for h in text.hits(of: id) {
                raw.append(max(0, h.start - rule.anchorBefore)..<min(count, h.end + rule.anchorAfter))
            }
        }
        if let minDigits = rule.anchorDigits {
            for c in DigitClusters.find(text.normalized.units, minDigits: minDigits) {
                raw.append(max(0, c.lowerBound - rule.anchorBefore)..<min(count, c.upperBound + rule.anchorAfter))
            }
        }
        // An anchor word naming a column of a text table (生年月日 in 続柄⇥氏名⇥生年月日) anchors
        // that column's cells.
        if !raw.isEmpty, text.hasTab {
            for column in text.tableColumns.columns
            where rule.anchorLiterals.contains(where: { id in text.hits(of: id).contains { column.header.lowerBound <= $0.start && $0.end <= column.header.upperBound } }) {
                raw.append(contentsOf: column.cells)
            }
        }
        guard !raw.isEmpty else { return [] }
        raw.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = [raw[0]]
        for r in raw.dropFirst() {
            if r.lowerBound <= merged[merged.count - 1].upperBound {
                merged[merged.count - 1] = merged[merged.count - 1].lowerBound..<max(merged[merged.count - 1].upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    private func evaluate(_ rule: CompiledRule, index: Int, range: Range<Int>, text: AnalyzedText,
                          into found: inout [Detection], rejections: inout [Rejection]?) {
        let matched = text.string(range)
        func reject(_ why: String) {
            rejections?.append(Rejection(rule: rule.info.id, text: text.normalized.originalString(range), why: why))
        }
        for allow in allows[index] where !allow.matches(in: matched).isEmpty {
            return reject("allow パターン \(allow.pattern) に一致")
        }
        if Placeholder.categories.contains(rule.info.category), Placeholder.isPlaceholder(text.normalized.units, range) {
            return reject("記入例の番号（同じ数字の繰り返し）")
        }
        let count = text.normalized.units.count
        var window = max(0, range.lowerBound - rule.contextBefore)..<min(count, range.upperBound + rule.contextAfter)
        if rule.contextSameLine {
            let u = text.normalized.units
            var lo = range.lowerBound
            while lo > window.lowerBound, u[lo - 1] != 0x0A { lo -= 1 }
            var hi = range.upperBound
            while hi < window.upperBound, u[hi] != 0x0A { hi += 1 }
            window = lo..<hi
        }
        // The header of the text-table column this match sits in, as a spreadsheet cell's label.
        let columnHeader = text.hasTab ? text.tableColumns.column(containing: range)?.header : nil
        func near(_ words: [(id: Int32, word: String)]) -> String? {
            for (id, word) in words {
                if text.hits(of: id).contains(where: { $0.start >= window.lowerBound && $0.end <= window.upperBound
                    && !($0.start >= range.lowerBound && $0.end <= range.upperBound) }) {
                    return word
                }
                if text.labelLiterals.contains(id) { return word }
                if let header = columnHeader, text.hits(of: id).contains(where: { $0.start >= header.lowerBound && $0.end <= header.upperBound }) {
                    return word
                }
            }
            return nil
        }
        if let word = near(rule.allowContextWords) { return reject("近くに「\(word)」があるため除外") }
        var validated = false
        for (name, check) in rule.validators {
            guard check(matched) else { return reject("検証 \(name) に不合格") }
            validated = true
        }
        let contextWord = near(rule.keywords)
        if rule.requireContext && contextWord == nil { return reject("必要な文脈語が近くにない") }
        var confidence = validated ? rule.confidenceValidated : rule.confidencePattern
        var severity = rule.info.severity
        var reason = "\(rule.info.label)の形式に一致"
        if validated { reason += "（検査: \(rule.validators.map(\.name).joined(separator: ", "))）" }
        if let contextWord {
            confidence = max(confidence, rule.confidenceContext)
            if let s = rule.severityWithContext { severity = max(severity, s) }
            reason = "「\(contextWord)」の近くの\(rule.info.label)" + (validated ? "（検査合格）" : "")
        }
        if let lower = near(rule.lowerWords) {
            confidence *= 0.5
            severity = severity.lowered
            reason += "（「\(lower)」があるため確度を下げた）"
        }
        found.append(Detection(
            rule: rule.info.id, category: rule.info.category, label: rule.info.label, severity: severity,
            legalClass: rule.info.legalClass, confidence: (confidence * 100).rounded() / 100,
            range: text.normalized.originalRange(range), reason: reason, normalized: matched, normalizedRange: range))
    }

    // MARK: overlaps

    /// Where findings overlap, the most specific category wins (a My Number is not also
    /// a phone number); among equals, the longer, then the more confident. Sensitive
    /// facts and names may overlap other categories' findings only if they are not inside them.
    static func resolveOverlaps(_ detections: [Detection]) -> [Detection] {
        let ordered = detections.sorted {
            if $0.category.specificity != $1.category.specificity { return $0.category.specificity < $1.category.specificity }
            if $0.range.count != $1.range.count { return $0.range.count > $1.range.count }
            if $0.confidence != $1.confidence { return $0.confidence > $1.confidence }
            return $0.rule < $1.rule
        }
        var kept: [Detection] = []
        for d in ordered where !kept.contains(where: { $0.range.overlaps(d.range) }) {
            kept.append(d)
        }
        return kept.sorted { ($0.range.lowerBound, $0.range.upperBound, $0.rule) < ($1.range.lowerBound, $1.range.upperBound, $1.rule) }
    }
}

extension Severity {
    var lowered: Severity {
        switch self {
        case .critical: .high
        case .high: .medium
        case .medium, .low: .low
        }
    }
}

/// Runs of digits with light separators (- . ・ space parentheses), the anchor of every
/// number rule. Cheap to find, rare in prose at the lengths the rules ask for.
enum DigitClusters {
    static func find(_ units: [UInt16], minDigits: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = units.count
        while i < n {
            guard isDigit(units[i]) else { i += 1; continue }
            let start = i
            var digitCount = 0
            var end = i
            var gap = 0
            while i < n {
                let u = units[i]
                if isDigit(u) { digitCount += 1; gap = 0; end = i + 1 }
                else if isSeparator(u) && gap < 3 { gap += 1 }
                else { break }
                i += 1
            }
            if digitCount >= minDigits { out.append(start..<end) }
        }
        return out
    }

    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    @inline(__always) static func isSeparator(_ u: UInt16) -> Bool {
        // A line break counts: a PDF table cell wraps 03-5432⏎-1187. ・ separates a phone
        // number on flyers (090・1234・5678).
        u == 0x30FB || u == 0x2D || u == 0x2E || u == 0x20 || u == 0x28 || u == 0x29 || u == 0x2F || u == 0x0A
    }
}
