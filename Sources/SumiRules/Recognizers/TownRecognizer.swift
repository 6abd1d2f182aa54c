import Foundation
import SumiModel
import SumiText

/// A town name (町名: 喜多見, 深沢) on its own is an address finding only in personal
/// context: right before a residence word (深沢在住, 喜多見に住む, 上用賀の自宅) or in a
/// sentence that points at one person (孫（千歳台在住、小3）, うちの娘（若林、高校1年）).
/// Full addresses are the address pack's job. Towns: the gazetteer (Rules/dict/places/towns/);
/// configuration: Rules/recognizers/town.yaml.
struct TownRecognizer: Recognizer {
    let rules: [RuleInfo]
    let confidence: Double
    let gazetteer: Gazetteer
    let residence: [(id: Int32, word: String)]
    let runSuffixes: [[UInt16]]
    let stopwords: Set<String>
    let context: PersonContext
    let fieldLabels: [(word: String, units: [UInt16])]

    private var info: RuleInfo { rules[0] }

    init(file: TownFile, path: String, gazetteer: Gazetteer, context: PersonContext,
         normalizer: TextNormalizer, lexicon: LexiconBuilder) throws {
        rules = try file.rules.map { try $0.info(file: path) }
        guard rules.count == 1 else { throw RuleLoadError(file: path, message: "town.yaml must define exactly one rule") }
        confidence = file.rules[0].confidence ?? 0.75
        self.context = context
        residence = RecognizerConfig.literals(file.residenceAfter, normalizer, lexicon)
        runSuffixes = file.runSuffixes.map { Array(normalizer.normalize($0).units) }
        stopwords = RecognizerConfig.normalizedSet(file.stopwords, normalizer)
        fieldLabels = RecognizerConfig.normalizedSet(file.fieldLabels ?? [], normalizer).sorted().map { ($0, Array($0.utf16)) }
        self.gazetteer = gazetteer
    }

    /// の に 、 ) で か(ら) ま(で) ・ へ ,
    static let followers: Set<UInt16> = [0x306E, 0x306B, 0x3001, 0x29, 0x3067, 0x304B, 0x307E, 0x30FB, 0x3078, 0x2C]

    func isTown(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        return gazetteer.isTown(u, r) && !stopwords.contains(String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF16.self))
    }

    func recognize(_ text: AnalyzedText, detections: inout [Detection], rejections: inout [Rejection]?) {
        let u = text.units
        var found: [(Range<Int>, String)] = []
        let existing = detections.sorted { $0.normalizedRange.lowerBound < $1.normalizedRange.lowerBound }
        let names = existing.filter { $0.category == .personName }
        // Kanji numerals before a counter became digits (千歳台 → 1000歳台); they are still part of a town name.
        var numeral = Set<Int>()
        for i in u.indices where Script.isDigit(u[i]) {
            let o = Int(text.normalized.toOriginal[i])
            if o < text.normalized.original.count, Script.isKanji(text.normalized.original[o]) { numeral.insert(i) }
        }
        func kanji(_ i: Int) -> Bool { Script.isKanji(u[i]) || (!numeral.isEmpty && numeral.contains(i)) }
        u.withUnsafeBufferPointer { buf in
            // 1. Right before a residence word: 深沢在住, 喜多見に住む, 上用賀の自宅.
            for (id, word) in residence {
                for h in text.hits(of: id) where h.start > 0 && kanji(h.start - 1) {
                    var rs = h.start
                    while rs > 0 && h.start - rs < 8 && kanji(rs - 1) { rs -= 1 }
                    for s in rs..<h.start where h.start - s >= (word.hasPrefix("在") ? 1 : 2) {
                        if isTown(buf, s..<h.start) { found.append((s..<h.start, "「\(word)」の前の町名")); break }
                    }
                }
            }
            // 2. A town in a sentence that points at one person.
            var seenSentences = Set<Int>()
            var anchors: [Range<Int>] = context.relations(in: text).map { $0.start..<$0.end }
            for d in existing where d.category == .personName { anchors.append(d.normalizedRange) }
            for id in context.firstPersonIDs { anchors += text.hits(of: id).map { $0.start..<$0.end } }
            for a in anchors {
                let sentence = text.sentence(containing: a.lowerBound)
                guard seenSentences.insert(sentence.lowerBound).inserted else { continue }
                let links = context.links(in: text, sentence: sentence, names: names)
                guard !links.isEmpty else { continue }
                var i = sentence.lowerBound
                while i < sentence.upperBound {
                    guard kanji(i) else { i += 1; continue }
                    let s = i
                    while i < sentence.upperBound && kanji(i) { i += 1 }
                    var e = i
                    for suf in runSuffixes where e - s > suf.count && PersonContext.hasPrefix(u, at: e - suf.count, suf) {
                        e -= suf.count; break
                    }
                    guard e - s >= 2, isTown(buf, s..<e) else { continue }
                    // A place word is followed by a particle or punctuation: 深沢の, 喜多見に, （若林、
                    guard e < u.count, Self.followers.contains(u[e]) || i > e else { continue }
                    if links.contains(where: { $0.range.overlaps(s..<e) }) { continue }
                    // Next to a name it is a surname (石井 誠), not a place.
                    if existing.inside(max(0, s - 16)..<(e + 2)).contains(where: { $0.normalizedRange.overlaps(max(0, s - 2)..<(e + 2)) }) { continue }
                    // In a table line, the person must be in the same cell.
                    var cs = s, ce = e
                    while cs > sentence.lowerBound && u[cs - 1] != 0x09 { cs -= 1 }
                    while ce < sentence.upperBound && u[ce] != 0x09 { ce += 1 }
                    guard let cellLink = links.first(where: { $0.range.lowerBound >= cs && $0.range.upperBound <= ce }) else { continue }
                    found.append((s..<e, "\(cellLink.description)と同じ文の町名"))
                }
            }
        }
        var seen = Set<Int>()
        for (r, reason) in found where seen.insert(r.lowerBound).inserted {
            detections.append(Detection(
                rule: info.id, category: info.category, label: info.label, severity: info.severity,
                legalClass: info.legalClass, confidence: confidence, range: text.normalized.originalRange(r),
                reason: "個人の文脈にある\(reason)「\(text.string(r))」", normalized: text.string(r), normalizedRange: r))
        }
    }
}

/// A town alone in a residence column (町名, 居住地区) of a row that names a person: a case
/// list's 「中島 清 | 砧」. A statistics table with a 町名 column and no names is not personal,
/// so this looks at the whole row, after the per-cell recognizers.
struct TownColumnRecognizer: GroupRecognizer {
    let town: TownRecognizer

    func recognize(group: [AnalyzedText], detections: inout [[Detection]], notices: inout [Notice]) {
        guard !town.fieldLabels.isEmpty, group.count > 1,
              detections.contains(where: { $0.contains { $0.category == .personName } }) else { return }
        for (i, text) in group.enumerated() where !text.fieldLabel.isEmpty {
            guard let label = town.fieldLabels.first(where: { text.fieldLabelContains($0.units) }) else { continue }
            let u = text.units
            var s = 0, e = u.count
            while s < e && (u[s] == 0x20 || u[s] == 0x09) { s += 1 }
            while e > s && (u[e - 1] == 0x20 || u[e - 1] == 0x09) { e -= 1 }
            guard e > s, !detections[i].contains(where: { $0.normalizedRange.overlaps(s..<e) }),
                  u.withUnsafeBufferPointer({ town.isTown($0, s..<e) }) else { continue }
            let info = town.rules[0]
            detections[i].append(Detection(
                rule: info.id, category: info.category, label: info.label, severity: info.severity,
                legalClass: info.legalClass, confidence: town.confidence, range: text.normalized.originalRange(s..<e),
                reason: "氏名のある行の「\(label.word)」欄の町名「\(text.string(s..<e))」", normalized: text.string(s..<e),
                normalizedRange: s..<e))
        }
    }
}
