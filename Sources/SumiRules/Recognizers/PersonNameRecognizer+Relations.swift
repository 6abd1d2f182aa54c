import SumiModel
import SumiText

/// Given names after relation words (孫のはると, 娘（美桜・10歳）, はると（孫）).
extension PersonNameRecognizer {
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
                // Nothing of the name's script before the parenthesis (「■（孫）」 in a redacted
                // copy, a digit, a symbol): no candidate, and no empty range to walk.
                let last = e - (Script.isKanji(c) ? 0 : 1)
                guard s < last else { continue }
                for start in s..<last {
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

    /// は right at `p`, and before the sentence ends a word said of a person: where they
    /// live, which school or nursery, their school year or age (甥の巧児は、あおぞら保育園に通う).
    /// 息子の将来は不安です has none of them.
    func personPredicateFollows(_ u: UnsafeBufferPointer<UInt16>, _ p: Int) -> Bool {
        guard p < u.count, u[p] == 0x306F else { return false }
        var q = p + 1
        while q < u.count && q - p < 40 && u[q] != 0x3002 && u[q] != 0x0A { q += 1 }
        let rest = string(u, (p + 1)..<q)
        return Self.personPredicates.contains { rest.contains($0) }
    }

    static let personPredicates = ["に住んで", "に住む", "在住", "に通う", "に通って", "年生", "小学", "中学", "高校", "保育園", "幼稚園", "こども園", "歳", "年少", "年長", "と診断"]

    /// （上野毛在住、小学4年）, （小3）, （年長）: a parenthesis at `p` that says where a person lives
    /// or which school year they are in, as opposed to 将来（10年後）.
    func personParenthesis(_ u: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
        guard p < u.count, u[p] == 0x28 else { return false }
        var q = p + 1
        while q < u.count && q - p < 30 && u[q] != 0x29 && u[q] != 0x0A { q += 1 }
        guard q < u.count, u[q] == 0x29 else { return false }
        let inside = string(u, (p + 1)..<q)
        if Self.personParenthesisWords.contains(where: { inside.contains($0) }) { return true }
        // 小3, 中2, 高1
        for k in (p + 1)..<(q - 1) where [0x5C0F, 0x4E2D, 0x9AD8].contains(u[k]) && Script.isDigit(u[k + 1]) { return true }
        return false
    }

    static let personParenthesisWords = ["在住", "小学", "中学", "高校", "年生", "年長", "年中", "年少", "歳", "代"]

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
                // 孫の綺緒ちゃん, 次男の琥玖くん: outside the lists, a given name's shape with ちゃん/くん/さん.
                if end == nil, e < u.count, [0x3061, 0x304F, 0x3055].contains(u[e]), nameKanji.givenShaped(u, p..<e) {
                    return p..<e
                }
                // 母（綺衣）, 義父（峻馬・93歳）: alone in the parenthesis after a relation; 娘の栞世（13歳）:
                // followed by an age. Two or more kanji in a given name's shape.
                // Inside the parenthesis only alone and of two kanji: 兄（太子堂、52歳） is a town.
                if e - p >= 2, nameKanji.givenShaped(u, p..<e), !cellStop.contains(string(u, p..<e)), !everydayWords.contains(string(u, p..<e)),
                   end != nil ? (e - p == 2 && e < u.count && u[e] == 0x29) : ageParenthesis(u, at: e) {
                    return p..<e
                }
                // 甥の琥輔は、…に住んで / 甥の巧児は、あおぞら保育園に通う: は and, in the same
                // sentence, what is said of a person (where they live, which school, their age).
                if end == nil, e - p >= 2, nameKanji.givenShaped(u, p..<e), !cellStop.contains(string(u, p..<e)),
                   !everydayWords.contains(string(u, p..<e)), personPredicateFollows(u, e) {
                    return p..<e
                }
                if end == nil { reject(&rejections, string(u, p..<e), "続柄「\(relation)」の後だが辞書の名にない") }
                return nil
            }
            // 息子の学が vs 息子の学校: an everyday word needs ちゃん/くん/さん or a parenthesis after it.
            if shape == .given && f.contains(.givenCommon) && !f.contains(.given2) && end == nil {
                let next = e < u.count ? u[e] : 0
                // The parenthesis must be about the person (（10歳）, （小3）), not 将来（10年後）.
                let aboutPerson = next == 0x28 && (ageParenthesis(u, at: e) || personParenthesis(u, at: e))
                if !(aboutPerson || next == 0x3061 || next == 0x304F || next == 0x3055) {
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
        // 孫娘ののどほちゃん / 長男のユウトくん: a kana given name's shape with ちゃん/くん after it.
        if end == nil, Script.isHiragana(c) {
            // The hiragana run goes on into ちゃん/くん: the name ends where they begin.
            for k in (p + 2)..<max(p + 2, e) where k + 1 < u.count
                && ((u[k] == 0x3061 && u[k + 1] == 0x3083 && k + 2 < u.count && u[k + 2] == 0x3093) || (u[k] == 0x304F && u[k + 1] == 0x3093)) {
                let name = string(u, p..<k)
                if k - p >= 2, nameKanji.givenShaped(u, p..<k), !kanaStop.contains(name), !cellStop.contains(name) { return p..<k }
                break
            }
        } else if end == nil, e - p >= 2, e - p <= 6, !kanaStop.contains(string(u, p..<e)), !cellStop.contains(string(u, p..<e)),
                  e < u.count, u[e] == 0x3061 || u[e] == 0x304F {
            // Katakana only with ちゃん/くん: 娘のクラスは小学3年生の… has the shape and the predicate.
            return p..<e
        }
        // 夫（はるご）: inside the parenthesis a kana given name's shape is enough.
        if end != nil, Script.isHiragana(c), closes(e), nameKanji.givenShaped(u, p..<e),
           !kanaStop.contains(string(u, p..<e)), !cellStop.contains(string(u, p..<e)) {
            return p..<e
        }
        if end == nil { reject(&rejections, string(u, p..<e), "続柄「\(relation)」の後だが辞書の名にない") }
        return nil
    }

    /// は が も の を に と や へ で ち(ゃん) く(ん) さ(ん)
    static let particles: Set<UInt16> = [0x306F, 0x304C, 0x3082, 0x306E, 0x3092, 0x306B, 0x3068, 0x3084, 0x3078, 0x3067, 0x3061, 0x304F, 0x3055]
}
