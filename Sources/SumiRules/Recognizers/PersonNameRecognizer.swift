import SumiModel
import SumiText

/// Person names (氏名) in free text, tables and forms. Context decides, never a
/// dictionary hit alone: an honorific or title after (さん, 様, 委員), a relation word
/// before (孫の + a given name alone, in kanji, hiragana or katakana), a name field or
/// column (氏名, 担当), or a surname followed by a given name. Foreign residents' names
/// in katakana with ・/＝ and in romaji (Taro YAMADA) are taken with the same context.
/// Word lists: Rules/recognizers/person_name.yaml; names: Rules/dict/names/.
struct PersonNameRecognizer: Recognizer {
    let rules: [RuleInfo]
    let names: NameLexicon
    let context: PersonContext
    let honorifics: [(id: Int32, word: String, kanji: Bool)]
    let inlineLabels: [(id: Int32, word: String)]
    let selfIntroductions: [(id: Int32, word: String)]
    let honorificStop: Set<String>
    let fieldLabels: [String]
    let fieldLabelExclude: [String]
    let cellStop: Set<String>
    let organisationWords: [[UInt16]]
    let kanaStop: Set<String>
    let foreignParts: Set<String>
    let romajiStop: Set<String>
    let confidence: Double

    private var info: RuleInfo { rules[0] }

    init(file: PersonNameFile, path: String, names: NameLexicon, context: PersonContext,
         normalizer: TextNormalizer, lexicon: LexiconBuilder) throws {
        rules = try file.rules.map { try $0.info(file: path) }
        guard rules.count == 1, rules[0].category == .personName else {
            throw RuleLoadError(file: path, message: "person_name.yaml must define exactly one rule of category person_name")
        }
        confidence = file.rules[0].confidence ?? 0.85
        self.names = names
        self.context = context
        let titles = Set(file.titles)
        honorifics = RecognizerConfig.literals(file.honorifics + file.titles, normalizer, lexicon).map { lit in
            (lit.id, lit.word, titles.contains(lit.word) || lit.word.unicodeScalars.contains { $0.value >= 0x4E00 })
        }
        inlineLabels = RecognizerConfig.literals(file.inlineLabels, normalizer, lexicon)
        selfIntroductions = RecognizerConfig.literals(file.selfIntroductions ?? [], normalizer, lexicon)
        honorificStop = RecognizerConfig.normalizedSet(file.honorificStopwords, normalizer)
        fieldLabels = Array(RecognizerConfig.normalizedSet(file.fieldLabels, normalizer))
        fieldLabelExclude = Array(RecognizerConfig.normalizedSet(file.fieldLabelExclude, normalizer))
        cellStop = RecognizerConfig.normalizedSet(file.cellStopwords, normalizer)
        organisationWords = file.organisationWords.map { Array(normalizer.normalize($0).units) }
        kanaStop = Set(file.kanaStopwords)
        foreignParts = RecognizerConfig.normalizedSet(file.foreignNameParts, normalizer)
        romajiStop = Set(file.romajiStopwords.map { $0.uppercased() })
    }

    struct Candidate {
        var range: Range<Int>
        var confidence: Double
        var reason: String
    }

    func recognize(_ text: AnalyzedText, detections: inout [Detection], rejections: inout [Rejection]?) {
        let u = text.units
        guard !u.isEmpty else { return }
        var found: [Candidate] = []
        u.withUnsafeBufferPointer { buf in
            fieldCell(text, buf, &found, &rejections)
            pairs(buf, &found)
            honorificContext(text, buf, &found, &rejections)
            relationContext(text, buf, &found, &rejections)
            inlineLabelContext(text, buf, &found)
            selfIntroductionContext(text, buf, &found)
            foreignNames(buf, &found)
        }
        for c in Self.longestFirst(found) {
            detections.append(Detection(
                rule: info.id, category: .personName, label: info.label, severity: info.severity,
                legalClass: info.legalClass, confidence: (c.confidence * 100).rounded() / 100, range: text.normalized.originalRange(c.range),
                reason: c.reason, normalized: text.string(c.range), normalizedRange: c.range))
        }
    }

    /// Overlapping candidates: keep the longer, then the more confident.
    static func longestFirst(_ cs: [Candidate]) -> [Candidate] {
        let sorted = cs.sorted {
            $0.range.count != $1.range.count ? $0.range.count > $1.range.count : $0.confidence > $1.confidence
        }
        var kept: [Candidate] = []
        for c in sorted where !kept.contains(where: { $0.range.overlaps(c.range) }) { kept.append(c) }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: name shapes

    enum Shape { case full, surname, given }

    /// A kanji name filling exactly `r`: surname + given (with or without one space), or one part.
    func kanjiName(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> (Shape, NameLexicon.Flags)? {
        guard r.count > 0 else { return nil }
        if let sp = r.first(where: { u[$0] == 0x20 }) {
            let sf = names.flags(u, r.lowerBound..<sp), gf = givenFlags(u, (sp + 1)..<r.upperBound)
            return sf.isSurname && gf.isGiven ? (.full, sf.union(gf)) : nil
        }
        if r.count >= 2 {
            for k in stride(from: r.upperBound - 1, to: r.lowerBound, by: -1) {
                let sf = names.flags(u, r.lowerBound..<k), gf = names.flags(u, k..<r.upperBound)
                if sf.isSurname && gf.isGiven && !(sf.contains(.surname2) && gf.contains(.given2)) { return (.full, sf.union(gf)) }
            }
        }
        let f = names.flags(u, r)
        if f.isSurname { return (.surname, f) }
        if f.isGiven { return (.given, f) }
        return nil
    }

    /// Flags of a given name in any script (kana names must not be stop words).
    func givenFlags(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> NameLexicon.Flags {
        let f = names.flags(u, r)
        if f.contains(.givenKana) && kanaStop.contains(String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF16.self)) {
            return f.subtracting(.givenKana)
        }
        return f
    }

    func string(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF16.self)
    }

    /// The kanji run ends with an organisation word (株式会社, 建設, 中学校).
    func organisation(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> String? {
        for w in organisationWords where w.count <= r.count {
            var ok = true
            for k in 0..<w.count where u[r.upperBound - w.count + k] != w[k] { ok = false; break }
            if ok { return String(decoding: w, as: UTF16.self) }
        }
        return nil
    }

    // MARK: surname + given name, no other context

    /// 山田 太郎 / 山田太郎 / 伊藤ミナ / 深沢 はるか: a kanji run that is a surname followed
    /// by a given name. Without a space both must be common names (tier 1) and the run
    /// must be exactly the name, bounded by other scripts; one everyday word is allowed.
    func pairs(_ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        let n = u.count
        var i = 0
        while i < n {
            guard Script.isKanji(u[i]) else { i += 1; continue }
            let s = i
            while i < n && Script.isKanji(u[i]) { i += 1 }
            let e = i
            let len = e - s
            guard len <= 6 else { continue }
            // One look-up of the whole run serves every branch below.
            let whole = names.flags(u, s..<e)
            // Spaced: surname, one space, given name in any script.
            if len <= 4, e + 1 < n, u[e] == 0x20, whole.isSurname {
                if let (ge, gf) = givenAfter(u, e + 1),
                   whole.contains(.surname1) || gf.contains(.given1) || gf.contains(.givenKana) {
                    out.append(Candidate(range: s..<ge, confidence: whole.contains(.surname1) ? 0.9 : 0.75,
                                         reason: "姓「\(string(u, s..<e))」と名「\(string(u, (e + 1)..<ge))」の並び"))
                    continue
                }
            }
            // Unspaced kanji + kanji, unless the run is itself one name (喜多見 is a surname, not 喜多 + 見).
            if len >= 3 && whole.isEmpty {
                for k in stride(from: e - 1, to: s, by: -1) {
                    let gf = names.flags(u, k..<e)
                    guard gf.contains(.given1) else { continue }
                    let sf = names.flags(u, s..<k)
                    if sf.contains(.surname1) && !(sf.contains(.surnameCommon) && gf.contains(.givenCommon)) {
                        out.append(Candidate(range: s..<e, confidence: 0.8,
                                             reason: "姓「\(string(u, s..<k))」と名「\(string(u, k..<e))」の並び"))
                        break
                    }
                }
            }
            // Unspaced kanji surname + kana given name filling the rest of the cell or line.
            if len <= 4, e < n, whole.contains(.surname1), Script.isKana(u[e]) {
                let hiragana = Script.isHiragana(u[e])
                var ke = e
                while ke < n && ke - e < 8 && (hiragana ? Script.isHiragana(u[ke]) : Script.isKatakana(u[ke])) { ke += 1 }
                let atEdge = ke == n || u[ke] == 0x09 || u[ke] == 0x0A || u[ke] == 0x0D || u[ke] == 0x20 || u[ke] == 0x2C
                if atEdge, ke - e >= 2, givenFlags(u, e..<ke).contains(.givenKana) {
                    out.append(Candidate(range: s..<ke, confidence: 0.8,
                                         reason: "姓「\(string(u, s..<e))」と名「\(string(u, e..<ke))」の並び"))
                }
            }
        }
    }

    /// A given name starting at `g`: a whole kanji run, the longest kana name prefix, or a katakana run.
    func givenAfter(_ u: UnsafeBufferPointer<UInt16>, _ g: Int) -> (Int, NameLexicon.Flags)? {
        let n = u.count
        guard g < n else { return nil }
        if Script.isKanji(u[g]) {
            var e = g
            while e < n && e - g < 5 && Script.isKanji(u[e]) { e += 1 }
            if e < n && Script.isKanji(u[e]) { return nil }
            let f = names.flags(u, g..<e)
            return f.contains(.given1) || f.contains(.given2) ? (e, f) : nil
        }
        if Script.isKana(u[g]) {
            let kind = Script.kanaClass(of: u[g])
            var e = g
            while e < n && e - g < 8 && kind(u[e]) { e += 1 }
            var k = e
            while k - g >= 2 {
                let f = givenFlags(u, g..<k)
                if f.contains(.givenKana) || f.contains(.given1) || f.contains(.given2) { return (k, f) }
                k -= 1
            }
        }
        return nil
    }

    // MARK: honorifics and titles after

    func honorificContext(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate],
                          _ rejections: inout [Rejection]?) {
        let n = u.count
        for (id, word, kanjiWord) in honorifics {
            for h in text.hits(of: id) where h.start > 0 {
                // 氏名, 様式, 様々, 先生方: the honorific must end the word.
                if kanjiWord, h.end < n, Script.isKanji(u[h.end]) || u[h.end] == 0x3005 { continue }
                let end = h.start
                let last = u[end - 1]
                if Script.isKanji(last) {
                    let rs = Script.runStart(Array(u[max(0, end - 10)..<end]), to: min(10, end), { Script.isKanji($0) }) + max(0, end - 10)
                    let run = string(u, rs..<end)   // short: at most 10 units
                    if honorificStop.contains(run) { reject(&rejections, run, "「\(run)\(word)」は呼びかけ・一般語"); continue }
                    if let org = organisation(u, rs..<end) { reject(&rejections, run, "組織名（「\(org)」で終わる）に続く「\(word)」"); continue }
                    var best: (Range<Int>, Shape)? = nil
                    for start in rs..<end {
                        guard let (shape, f) = kanjiName(u, start..<end) else { continue }
                        // Inside a longer compound only a common-list surname or a full name counts.
                        if start > rs && !(shape == .full || f.contains(.surname1)) { continue }
                        // 齋藤 一郎理事: a given name before a title needs its surname before the space.
                        if shape == .given && kanjiWord && !["君", "殿"].contains(word) {
                            guard start == rs, rs >= 2, u[rs - 1] == 0x20, Script.isKanji(u[rs - 2]) else { continue }
                            var ss = rs - 1
                            while ss > 0 && rs - 1 - ss < 4 && Script.isKanji(u[ss - 1]) { ss -= 1 }
                            guard names.flags(u, ss..<(rs - 1)).isSurname else { continue }
                            best = (ss..<end, .full); break
                        }
                        best = (start..<end, shape); break
                    }
                    guard var (r, shape) = best else {
                        reject(&rejections, run, "「\(word)」の前の「\(run)」は辞書の姓・名にない"); continue
                    }
                    // 小林 裕子さん: extend over a space to the surname.
                    if shape != .full, r.lowerBound >= 2, u[r.lowerBound - 1] == 0x20, Script.isKanji(u[r.lowerBound - 2]) {
                        let ss = Script.runStart(Array(u[max(0, r.lowerBound - 6)..<(r.lowerBound - 1)]), to: min(5, r.lowerBound - 1), { Script.isKanji($0) }) + max(0, r.lowerBound - 6)
                        if let (s2, _) = kanjiName(u, ss..<end), s2 == .full { r = ss..<end; shape = .full }
                    }
                    out.append(Candidate(range: r, confidence: confidence, reason: "敬称・役職「\(word)」の前の\(shape == .given ? "名" : "氏名")"))
                } else if Script.isKana(last) && !kanjiWord {
                    let kind = Script.kanaClass(of: last)
                    var s = end
                    while s > 0 && end - s < 8 && kind(u[s - 1]) { s -= 1 }
                    var accepted = false
                    for start in s..<(end - 1) {
                        let f = givenFlags(u, start..<end)
                        let name = string(u, start..<end)
                        if kanaStop.contains(name) || honorificStop.contains(name) { continue }
                        if f.contains(.givenKana) || f.contains(.surnameKana) || f.contains(.given2) || foreignParts.contains(name) {
                            // Surname in kanji before a kana given name: 佐藤はるとくん.
                            var r = start..<end
                            if start > 0, Script.isKanji(u[start - 1]) {
                                let ks = Script.runStart(Array(u[max(0, start - 4)..<start]), to: min(4, start), { Script.isKanji($0) }) + max(0, start - 4)
                                if names.flags(u, ks..<start).isSurname { r = ks..<end }
                            }
                            out.append(Candidate(range: r, confidence: confidence - 0.1, reason: "敬称「\(word)」の前の名"))
                            accepted = true
                            break
                        }
                    }
                    if !accepted && rejections != nil {
                        reject(&rejections, string(u, s..<end), "「\(word)」の前のかなは辞書の名にない")
                    }
                } else if Script.isKatakana(last) || Script.isNameJoiner(last) {
                    var s = end
                    while s > 0 && end - s < 24 && (Script.isKatakana(u[s - 1]) || Script.isNameJoiner(u[s - 1])) { s -= 1 }
                    if let r = katakanaName(u, s..<end, requirePart: false) {
                        out.append(Candidate(range: r, confidence: confidence - 0.05, reason: "敬称・役職「\(word)」の前のカタカナ氏名"))
                    }
                } else if Script.isLatin(last) {
                    if let r = romajiBefore(u, end) {
                        out.append(Candidate(range: r, confidence: confidence - 0.05, reason: "敬称・役職「\(word)」の前のローマ字氏名"))
                    }
                }
            }
        }
    }

    /// Records a rejected candidate for `sumi rules explain`; builds no string during a scan.
    func reject(_ rejections: inout [Rejection]?, _ text: @autoclosure () -> String, _ why: @autoclosure () -> String) {
        guard rejections != nil else { return }
        rejections?.append(Rejection(rule: info.id, text: text(), why: why()))
    }

    /// 等々力の髙橋です。/ 山田太郎と申します: a common-list surname or a full name right before a
    /// self-introduction, at the start of a sentence or after 「…の」.
    func selfIntroductionContext(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        for (id, word) in selfIntroductions {
            for h in text.hits(of: id) where h.start > 0 {
                if Script.isKatakana(u[h.start - 1]) {
                    // 北沢に住むひとり親のミナです。
                    var s = h.start
                    while s > 0 && h.start - s < 8 && Script.isKatakana(u[s - 1]) { s -= 1 }
                    if s > 0, u[s - 1] == 0x306E, names.flags(u, s..<h.start).contains(.givenKana) {
                        out.append(Candidate(range: s..<h.start, confidence: confidence - 0.1, reason: "自己紹介「\(word)」の前の名"))
                    }
                    continue
                }
                guard Script.isKanji(u[h.start - 1]) else { continue }
                var s = h.start
                while s > 0 && h.start - s < 7 && (Script.isKanji(u[s - 1]) || (u[s - 1] == 0x20 && s >= 2 && Script.isKanji(u[s - 2]))) { s -= 1 }
                guard s == 0 || [0x306E, 0x0A, 0x3002, 0x3001, 0x20, 0x28, 0x3000].contains(u[s - 1]) else { continue }
                guard let (shape, f) = kanjiName(u, s..<h.start), shape == .full || (shape == .surname && f.contains(.surname1)) else { continue }
                out.append(Candidate(range: s..<h.start, confidence: confidence - 0.1, reason: "自己紹介「\(word)」の前の氏名"))
            }
        }
    }

    // MARK: relation words before

    /// 孫のはるとは, 娘の結衣が, 長男の悠真（6歳）, 孫（千歳台在住、小3）のりく, 次女のさくら.
    func relationContext(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate],
                         _ rejections: inout [Rejection]?) {
        let n = u.count
        for h in context.relations(in: text) {
            let relation = string(u, h.start..<h.end)
            var p = h.end
            if p < n && u[p] == 0x28 /* ( */ {
                var q = p + 1
                while q < n && q - p < 30 && u[q] != 0x29 && u[q] != 0x0A { q += 1 }
                guard q < n && u[q] == 0x29 else { continue }
                // 娘（美桜・10歳）: a given name first inside the parenthesis, ended by ・ 、 ) or a space.
                if let r = givenAfterRelation(u, p + 1, relation, end: q, &rejections) {
                    out.append(Candidate(range: r, confidence: confidence, reason: "続柄「\(relation)」の括弧内の名"))
                    continue
                }
                p = q + 1
            }
            // はると（孫）: a name right before a parenthesised relation word.
            if h.start >= 2, u[h.start - 1] == 0x28, h.end < n, u[h.end] == 0x29 {
                let e = h.start - 1
                var s = e
                let c = u[e - 1]
                let sameScript: (UInt16) -> Bool = Script.isKanji(c) ? { Script.isKanji($0) } : Script.kanaClass(of: c)
                while s > 0 && e - s < 8 && sameScript(u[s - 1]) { s -= 1 }
                for start in s..<(e - (Script.isKanji(c) ? 0 : 1)) {
                    let f = givenFlags(u, start..<e)
                    if f.isGiven && !(Script.isKana(c) && kanaStop.contains(string(u, start..<e))) {
                        out.append(Candidate(range: start..<e, confidence: confidence, reason: "続柄「（\(relation)）」の前の名"))
                        break
                    }
                }
            }
            // 孫の陽菜, 孫・陽菜, 長男 悠真, 娘、さくら
            guard p + 1 < n, u[p] == 0x306E || u[p] == 0x30FB || u[p] == 0x20 || u[p] == 0x3001 else { continue }
            let connector = u[p] == 0x306E ? "の" : ""
            if let r = givenAfterRelation(u, p + 1, relation + connector, end: nil, &rejections) {
                out.append(Candidate(range: r, confidence: connector.isEmpty ? confidence - 0.05 : confidence,
                                     reason: "続柄「\(relation)\(connector)」に続く名"))
            }
        }
    }

    /// A given name at `p` after a relation word. With `end` (inside a parenthesis) the name
    /// must be followed by ・ 、 , ) or a space before `end`.
    func givenAfterRelation(_ u: UnsafeBufferPointer<UInt16>, _ p: Int, _ relation: String, end: Int?,
                            _ rejections: inout [Rejection]?) -> Range<Int>? {
        let n = end ?? u.count
        guard p < n else { return nil }
        func closes(_ k: Int) -> Bool {
            guard end != nil else { return true }
            return k < u.count && [0x30FB, 0x3001, 0x2C, 0x29, 0x20].contains(u[k])
        }
        let c = u[p]
        if Script.isKanji(c) {
            var e = p
            while e < n && e - p < 6 && Script.isKanji(u[e]) { e += 1 }
            guard closes(e), let (shape, f) = kanjiName(u, p..<e) else {
                if end == nil { reject(&rejections, string(u, p..<e), "続柄「\(relation)」の後だが辞書の名にない") }
                return nil
            }
            // 息子の学が vs 息子の学校: an everyday word needs ちゃん/くん/さん or a parenthesis after it.
            if shape == .given && f.contains(.givenCommon) && !f.contains(.given2) && end == nil {
                let next = e < u.count ? u[e] : 0
                if !(next == 0x28 || next == 0x3061 || next == 0x304F || next == 0x3055) {
                    reject(&rejections, string(u, p..<e), "続柄「\(relation)」の後だが一般語としても使われる")
                    return nil
                }
            }
            if shape == .surname && !f.isGiven { return nil }
            return p..<e
        }
        guard Script.isKana(c) else { return nil }
        let kind = Script.kanaClass(of: c)
        var e = p
        while e < n && e - p < 8 && (kind(u[e]) || (Script.isKatakana(c) && Script.isNameJoiner(u[e]))) { e += 1 }
        if Script.isKatakana(c), closes(e), let r = katakanaName(u, p..<e, requirePart: false) { return r }
        // Longest kana name prefix followed by a particle or the end of the kana run.
        var k = e
        while k - p >= 2 {
            let name = string(u, p..<k)
            let f = givenFlags(u, p..<k)
            if !kanaStop.contains(name) && (f.contains(.givenKana) || f.contains(.given1) || f.contains(.given2)) {
                let next = k < u.count ? u[k] : 0
                if (k == e || (end == nil && Self.particles.contains(next))) && closes(k) { return p..<k }
            }
            k -= 1
        }
        if end == nil { reject(&rejections, string(u, p..<e), "続柄「\(relation)」の後だが辞書の名にない") }
        return nil
    }

    /// は が も の を に と や へ で ち(ゃん) く(ん) さ(ん)
    static let particles: Set<UInt16> = [0x306F, 0x304C, 0x3082, 0x306E, 0x3092, 0x306B, 0x3068, 0x3084, 0x3078, 0x3067, 0x3061, 0x304F, 0x3055]

    // MARK: name fields

    /// A cell whose column or field is a name field (氏名, 担当者): the whole cell is the name.
    func fieldCell(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate], _ rejections: inout [Rejection]?) {
        let label = text.fieldLabel
        guard !label.isEmpty, let word = fieldLabels.first(where: { label.contains($0) }),
              !fieldLabelExclude.contains(where: { label.contains($0) }) else { return }
        var s = 0, e = u.count
        while s < e && (u[s] == 0x20 || u[s] == 0x09 || u[s] == 0x0A) { s += 1 }
        while e > s && (u[e - 1] == 0x20 || u[e - 1] == 0x09 || u[e - 1] == 0x0A) { e -= 1 }
        if let paren = (s..<e).first(where: { u[$0] == 0x28 }) { e = paren }
        while e > s && u[e - 1] == 0x20 { e -= 1 }
        guard e - s >= 1, e - s <= 40 else { return }
        let cell = string(u, s..<e)
        if cellStop.contains(cell) { return }
        let ok = (s..<e).allSatisfy { Script.isKanji(u[$0]) || Script.isKana(u[$0]) || Script.isLatin(u[$0]) || u[$0] == 0x20 || Script.isNameJoiner(u[$0]) || u[$0] == 0x2E }
        guard ok else { reject(&rejections, cell, "欄「\(label)」の値だが氏名の形でない"); return }
        out.append(Candidate(range: s..<e, confidence: 0.9, reason: "氏名欄「\(text.fieldLabel)」の値（「\(word)」）"))
    }

    /// 相談者　松本 幸子 / 氏名（アルファベット） NGUYEN VAN NAM / 出席委員 A、B、C: a label in running
    /// text followed by a separator; each item of the list up to the line end is checked.
    func inlineLabelContext(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        let n = u.count
        for (id, word) in inlineLabels {
            for h in text.hits(of: id) {
                if h.start > 0 {
                    let b = u[h.start - 1]
                    if Script.isKanji(b) || Script.isKana(b) || Script.isLatin(b) { continue }
                }
                var p = h.end
                if p < n && u[p] == 0x28 {
                    while p < n && u[p] != 0x29 && u[p] != 0x0A && p - h.end < 20 { p += 1 }
                    p += 1
                }
                guard p < n, u[p] == 0x20 || u[p] == 0x09 || u[p] == 0x3A else { continue }
                while p < n && (u[p] == 0x20 || u[p] == 0x09 || u[p] == 0x3A) { p += 1 }
                var lineEnd = p
                while lineEnd < n && u[lineEnd] != 0x0A && u[lineEnd] != 0x0D && u[lineEnd] != 0x09 { lineEnd += 1 }
                var itemStart = p
                var k = p
                while k <= lineEnd {
                    if k == lineEnd || u[k] == 0x3001 || u[k] == 0x2C || u[k] == 0x2F || u[k] == 0x3002 {
                        labelItem(u, itemStart..<k, word, &out)
                        itemStart = k + 1
                    }
                    k += 1
                }
            }
        }
    }

    private func labelItem(_ u: UnsafeBufferPointer<UInt16>, _ item: Range<Int>, _ label: String, _ out: inout [Candidate]) {
        var s = item.lowerBound, e = item.upperBound
        if let paren = (s..<e).first(where: { u[$0] == 0x28 }) { e = paren }
        while s < e && u[s] == 0x20 { s += 1 }
        while e > s && u[e - 1] == 0x20 { e -= 1 }
        guard e > s else { return }
        let reason = "氏名の見出し「\(label)」に続く氏名"
        if Script.isLatin(u[s]) {
            var le = s
            while le < e && (Script.isLatin(u[le]) || (u[le] == 0x20 && le + 1 < e && Script.isLatin(u[le + 1]))) { le += 1 }
            if romajiWords(u, s..<le, standalone: false) { out.append(Candidate(range: s..<le, confidence: 0.85, reason: reason)) }
            return
        }
        if Script.isKatakana(u[s]) {
            var ke = s
            while ke < e && (Script.isKatakana(u[ke]) || Script.isNameJoiner(u[ke])) { ke += 1 }
            if let r = katakanaName(u, s..<ke, requirePart: false), r == s..<ke {
                out.append(Candidate(range: r, confidence: 0.85, reason: reason)); return
            }
        }
        // Space-separated tokens, in order: 市民活動推進課 藤原 電話 … → 藤原; 世田谷 太郎 → both.
        var tokens: [Range<Int>] = []
        var t = s
        while t < e {
            while t < e && u[t] == 0x20 { t += 1 }
            let ts = t
            while t < e && u[t] != 0x20 { t += 1 }
            if t > ts { tokens.append(ts..<t) }
            if tokens.count >= 6 { break }
        }
        func kanjiOnly(_ r: Range<Int>) -> Bool { r.allSatisfy { Script.isKanji(u[$0]) } }
        for (i, tok) in tokens.enumerated() {
            if organisation(u, tok) != nil { continue }
            if i + 1 < tokens.count, tokens[i + 1].lowerBound - tok.upperBound <= 2, kanjiOnly(tok), tok.count <= 4 {
                let next = tokens[i + 1]
                let gf = givenFlags(u, next)
                let sf = names.flags(u, tok)
                // Under an explicit name label a known given name makes the pair a name even when
                // the surname is not in the dictionary (世田谷 太郎 in a form's 氏名 field).
                if (sf.isSurname || gf.contains(.given1) || gf.contains(.givenKana)) && (gf.isGiven) {
                    out.append(Candidate(range: tok.lowerBound..<next.upperBound, confidence: 0.85, reason: reason)); return
                }
            }
            if kanjiOnly(tok), let (shape, f) = kanjiName(u, tok) {
                if shape == .given && !f.contains(.given1) { continue }
                out.append(Candidate(range: tok, confidence: 0.8, reason: reason)); return
            }
            if Script.isKana(u[tok.lowerBound]), let (ge, _) = givenAfter(u, tok.lowerBound), ge == tok.upperBound {
                out.append(Candidate(range: tok, confidence: 0.8, reason: reason)); return
            }
        }
    }

    // MARK: foreign names

    /// Standalone katakana names with ・/＝ of which one part is a known foreign name part,
    /// and romaji "Given SURNAME" (one Capitalized word and one ALL-CAPS word).
    func foreignNames(_ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        let n = u.count
        var i = 0
        while i < n {
            let c = u[i]
            if Script.isNameJoiner(c), i > 0, i + 1 < n, Script.isKatakana(u[i - 1]), Script.isKatakana(u[i + 1]) {
                var s = i, e = i
                while s > 0 && (Script.isKatakana(u[s - 1]) || Script.isNameJoiner(u[s - 1])) { s -= 1 }
                while e < n && (Script.isKatakana(u[e]) || Script.isNameJoiner(u[e])) { e += 1 }
                if let r = katakanaName(u, s..<e, requirePart: true) {
                    out.append(Candidate(range: r, confidence: 0.8, reason: "外国人住民の氏名の形（カタカナ・中黒）"))
                }
                i = e
                continue
            }
            if Script.isUpper(c), i == 0 || !(Script.isLatin(u[i - 1]) || Script.isDigit(u[i - 1]) || u[i - 1] == 0x2E || u[i - 1] == 0x40 || u[i - 1] == 0x5F) {
                var e = i
                var words = 0
                var lastWordEnd = i
                while e < n && words < 4 {
                    var w = e
                    while w < n && Script.isLatin(u[w]) { w += 1 }
                    if w == e { break }
                    words += 1
                    lastWordEnd = w
                    if w < n && u[w] == 0x20 && w + 1 < n && Script.isUpper(u[w + 1]) { e = w + 1 } else { e = w; break }
                }
                let after = lastWordEnd < n ? u[lastWordEnd] : 0x20
                if words >= 2, !(Script.isDigit(after) || after == 0x40 || after == 0x2E || after == 0x5F),
                   romajiWords(u, i..<lastWordEnd, standalone: true) {
                    out.append(Candidate(range: i..<lastWordEnd, confidence: 0.8, reason: "ローマ字氏名の形（名 + 大文字の姓）"))
                }
                i = max(lastWordEnd, i + 1)
                continue
            }
            i += 1
        }
    }

    /// A katakana run with joiners is a name if it has 2–4 parts (or, with context, is a known kana name).
    func katakanaName(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, requirePart: Bool) -> Range<Int>? {
        var s = r.lowerBound, e = r.upperBound
        while s < e && Script.isNameJoiner(u[s]) { s += 1 }
        while e > s && Script.isNameJoiner(u[e - 1]) { e -= 1 }
        guard e - s >= 2 else { return nil }
        var parts: [String] = []
        var ps = s
        for k in s...e where k == e || Script.isNameJoiner(u[k]) {
            if k > ps { parts.append(string(u, ps..<k)) }
            ps = k + 1
        }
        guard parts.count <= 4, parts.allSatisfy({ $0.count <= 8 }) else { return nil }
        if parts.contains(where: { foreignParts.contains($0) }) { return s..<e }
        if requirePart { return nil }
        if parts.count >= 2 { return s..<e }
        let f = names.flags(u, s..<e)
        return (f.contains(.givenKana) || f.contains(.surnameKana)) && !kanaStop.contains(parts[0]) ? s..<e : nil
    }

    /// Up to four latin words before `end` (Maria SANTOS氏).
    func romajiBefore(_ u: UnsafeBufferPointer<UInt16>, _ end: Int) -> Range<Int>? {
        var s = end
        var words = 0
        while s > 0 && words < 4 {
            var w = s
            while w > 0 && Script.isLatin(u[w - 1]) { w -= 1 }
            if w == s { break }
            words += 1
            s = w
            if s >= 2 && u[s - 1] == 0x20 && Script.isLatin(u[s - 2]) { s -= 1 } else { break }
        }
        return words >= 1 && romajiWords(u, s..<end, standalone: false) ? s..<end : nil
    }

    /// Each word Capitalized or ALL CAPS. Standalone needs both kinds (Taro YAMADA) and a
    /// caps word that is not an acronym from the stop list (NPO, CITY).
    func romajiWords(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, standalone: Bool) -> Bool {
        let words = string(u, r).split(separator: " ")
        guard !words.isEmpty, words.count <= 4 else { return false }
        var caps = 0, capitalized = 0
        for w in words {
            let chars = Array(w.utf16)
            guard chars.count >= 2, Script.isUpper(chars[0]) else { return false }
            if chars.dropFirst().allSatisfy(Script.isUpper) {
                if romajiStop.contains(String(w)) { return false }
                caps += 1
            } else if chars.dropFirst().allSatisfy(Script.isLower) {
                if romajiStop.contains(String(w).uppercased()) { return false }
                capitalized += 1
            } else { return false }
        }
        if standalone { return caps >= 1 && capitalized >= 1 }
        return words.count >= 2 || caps == 1 || capitalized == 1
    }
}
