import SumiModel
import SumiText

/// What ties a fact to one person in a sentence: a name, a relation word (孫, 長男),
/// the first person (私, うちの子), an individual's age or school year (8歳, 小3).
/// Shared by the name, town and sensitive-fact recognizers. Configured by
/// Rules/recognizers/person_context.yaml.
struct PersonContext: Sendable {
    enum Kind: Sendable { case name, relation, firstPerson, attribute, residence }

    struct Link: Sendable {
        var kind: Kind
        var text: String
        var range: Range<Int>

        /// 続柄「孫」, 氏名「結衣」 ... for reasons.
        var description: String {
            switch kind {
            case .name: "氏名「\(text)」"
            case .relation: "続柄「\(text)」"
            case .firstPerson: "本人を指す「\(text)」"
            case .attribute: "個人の属性「\(text)」"
            case .residence: "居住地「\(text)」"
            }
        }
    }

    let relationIDs: [Int32]
    let firstPersonIDs: [Int32]
    /// Literal id → is a relation word / first-person word (ids are small and dense).
    let relationMask: [Bool]
    let firstPersonMask: [Bool]
    let longestWord: Int
    let relationSet: Set<String>
    let firstPersonExclude: [[UInt16]]
    let ageExcludeAfter: [[UInt16]]
    let ageExcludeBefore: [[UInt16]]

    init(file: PersonContextFile, normalizer: TextNormalizer, lexicon: LexiconBuilder) {
        relationIDs = RecognizerConfig.literals(file.relations, normalizer, lexicon).map(\.id)
        firstPersonIDs = RecognizerConfig.literals(file.firstPerson, normalizer, lexicon).map(\.id)
        relationSet = RecognizerConfig.normalizedSet(file.relations, normalizer)
        let maxID = Int((relationIDs + firstPersonIDs).max() ?? 0)
        var rm = [Bool](repeating: false, count: maxID + 1), fm = rm
        for id in relationIDs { rm[Int(id)] = true }
        for id in firstPersonIDs { fm[Int(id)] = true }
        relationMask = rm
        firstPersonMask = fm
        longestWord = (file.relations + file.firstPerson).map { normalizer.normalize($0).units.count }.max() ?? 1
        firstPersonExclude = file.firstPersonExclude.map { Array(normalizer.normalize($0).units) }
        ageExcludeAfter = file.ageExcludeAfter.map { Array(normalizer.normalize($0).units) }
        ageExcludeBefore = (file.ageExcludeBefore ?? []).map { Array(normalizer.normalize($0).units) }
    }

    /// Relation words standing as words: not inside a longer kanji compound (子孫, 工夫, 母子).
    func relations(in text: AnalyzedText, within range: Range<Int>? = nil) -> [AhoCorasick.Hit] {
        let u = text.units
        return hits(text, relationMask, range ?? 0..<u.count).filter { h in
            !(h.start > 0 && Script.isKanji(u[h.start - 1])) && !(h.end < u.count && Script.isKanji(u[h.end]))
        }
    }

    func firstPerson(in text: AnalyzedText, within range: Range<Int>) -> [AhoCorasick.Hit] {
        let u = text.units
        return hits(text, firstPersonMask, range).filter { h in
            !firstPersonExclude.contains(where: { Self.hasPrefix(u, at: h.end, $0) })
                && !(h.start > 0 && Script.isKanji(u[h.start - 1]) && Script.isKanji(u[h.start]))
        }
    }

    /// Hits inside `range` whose literal is set in `mask`: one binary search in the unit's
    /// hits (sorted by end) and a walk over the range, not one look-up per word.
    private func hits(_ text: AnalyzedText, _ mask: [Bool], _ range: Range<Int>) -> [AhoCorasick.Hit] {
        let all = text.hits
        var lo = 0, hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].end <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var out: [AhoCorasick.Hit] = []
        var i = lo
        while i < all.count && all[i].end <= range.upperBound {
            let h = all[i]
            i += 1
            if h.start >= range.lowerBound, Int(h.id) < mask.count, mask[Int(h.id)] { out.append(h) }
        }
        return out
    }

    /// Ages (8歳, not 65歳以上) and school years (小3, 小学3年, 高校1年) in a range.
    func attributes(in text: AnalyzedText, within range: Range<Int>) -> [Range<Int>] {
        let u = text.units
        var out: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard Script.isDigit(u[i]) else { i += 1; continue }
            let s = i
            while i < range.upperBound && Script.isDigit(u[i]) { i += 1 }
            if i < u.count && u[i] == 0x6B73 /* 歳 */ {
                // 65歳以上, 60歳から64歳: an age band, not one person.
                if !ageExcludeAfter.contains(where: { Self.hasPrefix(u, at: i + 1, $0) })
                    && !ageExcludeBefore.contains(where: { s >= $0.count && Self.hasPrefix(u, at: s - $0.count, $0) }) {
                    out.append(s..<(i + 1))
                }
                continue
            }
            // 小3, 中2, 高1, 小学3年, 中学2年, 高校1年
            var p = s
            if p > 0 && (u[p - 1] == 0x5B66 /* 学 */ || u[p - 1] == 0x6821 /* 校 */) { p -= 1 }
            if p > 0 && (u[p - 1] == 0x5C0F || u[p - 1] == 0x4E2D || u[p - 1] == 0x9AD8) /* 小 中 高 */ {
                if p - 1 == 0 || !Script.isKanji(u[p - 2]) {
                    var e = i
                    if e < u.count && u[e] == 0x5E74 /* 年 */ { e += 1 }
                    out.append((p - 1)..<e)
                }
            }
        }
        return out
    }

    /// Everything in the range that points at one person.
    /// `names` are person-name detections sorted by start.
    /// `residences` are towns already found in personal context (喜多見在住の…): a town of
    /// residence ties a fact to the person who lives there.
    func links(in text: AnalyzedText, sentence: Range<Int>, names: [Detection], residences: [Detection] = []) -> [Link] {
        var out: [Link] = []
        for d in residences where sentence.contains(d.normalizedRange.lowerBound) {
            out.append(Link(kind: .residence, text: d.normalized, range: d.normalizedRange))
        }
        let u = text.units
        for d in names.inside(sentence) where d.normalizedRange.upperBound <= sentence.upperBound {
            if Self.isSpeaker(u, d.normalizedRange) { continue }
            out.append(Link(kind: .name, text: d.normalized, range: d.normalizedRange))
        }
        for h in relations(in: text, within: sentence) {
            out.append(Link(kind: .relation, text: text.string(h.start..<h.end), range: h.start..<h.end))
        }
        for h in firstPerson(in: text, within: sentence) {
            out.append(Link(kind: .firstPerson, text: text.string(h.start..<h.end), range: h.start..<h.end))
        }
        for r in attributes(in: text, within: sentence) {
            out.append(Link(kind: .attribute, text: text.string(r), range: r))
        }
        return out
    }

    /// ○ ◯ ● ◎ before a speaker's name in minutes, and 【 of 【霧橋委員】 (the speaker label
    /// of fresh minutes: the speaker's name had tied 移動支援 and ショートステイ to them).
    static let speakerMarks: Set<UInt16> = [0x25CB, 0x25EF, 0x25CF, 0x25CE, 0x3010]

    /// A speaker's name in minutes (○伊藤委員, or 伊藤委員： at the start of a line) names who
    /// speaks, not the subject of what is said: it does not tie a fact to a person.
    static func isSpeaker(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        let s = r.lowerBound
        if s > 0 && speakerMarks.contains(u[s - 1]) { return true }
        guard s == 0 || u[s - 1] == 0x0A || u[s - 1] == 0x0D else { return false }
        var e = r.upperBound
        while e < u.count && e - r.upperBound < 5 && Script.isKanji(u[e]) { e += 1 }   // 委員, 課長
        return e < u.count && e > r.upperBound && (u[e] == 0x3A || u[e] == 0x20 || u[e] == 0x28)
    }

    static func hasPrefix(_ u: [UInt16], at i: Int, _ p: [UInt16]) -> Bool {
        guard !p.isEmpty, i + p.count <= u.count else { return false }
        for k in 0..<p.count where u[i + k] != p[k] { return false }
        return true
    }
}
