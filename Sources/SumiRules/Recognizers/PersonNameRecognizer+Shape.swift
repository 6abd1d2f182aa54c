import SumiModel
import SumiText

/// Names outside the lists, recognised by their shape where the context already says a
/// name stands there (see `NameKanji`): a salutation line before 様, a list after 出席委員,
/// 孫の…ちゃん, …と申します. On fresh documents a third of the names were in no list
/// (苅ノ江 環絵, 菖瀬 凛羽); context alone decided for them, as it does for a reader.
extension PersonNameRecognizer {
    /// Start of the run of kanji, with ノ/ヶ between kanji (柿ノ窪), that ends at `end`.
    func nameRunStart(_ u: UnsafeBufferPointer<UInt16>, _ end: Int, limit: Int = 6) -> Int {
        var s = end
        while s > 0 && end - s < limit {
            let c = u[s - 1]
            if Script.isKanji(c) { s -= 1; continue }
            if NameKanji.isSurnameInfix(c), s < end, s >= 2, Script.isKanji(u[s - 2]) { s -= 1; continue }
            break
        }
        while s < end && NameKanji.isSurnameInfix(u[s]) && !Script.isKanji(u[s]) { s += 1 }
        return s
    }

    /// Kanji and ノ/ヶ only.
    func isNameKanjiRun(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        !r.isEmpty && r.allSatisfy { Script.isKanji(u[$0]) || NameKanji.isSurnameInfix(u[$0]) }
    }

    /// A full name in the lists or in a name's shape: surname, one space, given name (either
    /// part may be outside the lists if it has the shape); without the space, a split of
    /// which one side is in the lists and the other has the shape (陶山清奈, 熊池越都子).
    func shapedFullName(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        guard r.count >= 2, r.count <= 12, !containsFormWord(u, r) else { return false }
        if let sp = r.first(where: { u[$0] == 0x20 }) {
            let s = r.lowerBound..<sp, g = (sp + 1)..<r.upperBound
            guard isNameKanjiRun(u, s), !g.isEmpty, !g.contains(where: { u[$0] == 0x20 }) else { return false }
            if organisation(u, s) != nil { return false }
            let sf = names.flags(u, s), gf = givenFlags(u, g)
            let surnameOK = sf.isSurname || nameKanji.surnameShaped(u, s)
            let givenOK = gf.isGiven || nameKanji.givenShaped(u, g)
            // At least one part in the lists, or both parts' shape and a surname of two or more.
            return surnameOK && givenOK && (sf.isSurname || gf.isGiven || s.count >= 2)
        }
        guard r.count >= 3, r.count <= 6, isNameKanjiRun(u, r), organisation(u, r) == nil else { return false }
        for k in (r.lowerBound + 1)..<r.upperBound {
            let s = r.lowerBound..<k, g = k..<r.upperBound
            guard s.count <= 4, g.count <= 3, !NameKanji.isSurnameInfix(u[k]) || Script.isKanji(u[k]) else { continue }
            let sf = names.flags(u, s), gf = givenFlags(u, g)
            if sf.isSurname && !sf.contains(.surnameCommon) && nameKanji.givenShaped(u, g) { return true }
            if gf.isGiven && !gf.contains(.givenCommon) && s.count >= 2 && nameKanji.surnameShaped(u, s) { return true }
        }
        return false
    }

    /// A line, cell or list item starts at `s` (nothing but a separator before it).
    func startsItem(_ u: UnsafeBufferPointer<UInt16>, _ s: Int) -> Bool {
        s == 0 || [0x0A, 0x0D, 0x09, 0x3001, 0x2C, 0x3002, 0x28, 0x29, 0x3A, 0x300C, 0x3010, 0x3011].contains(u[s - 1])
            || (u[s - 1] == 0x20 && (s < 2 || !Script.isKanji(u[s - 2])))
    }

    /// A salutation or list line: the name starts the line (or item) and ends at `end`,
    /// right before an honorific: 柿ノ窪　いろみ　様, 桐ノ谷　慧郎様, ユルドゥズ イヴァン様.
    func shapedNameBefore(_ u: UnsafeBufferPointer<UInt16>, _ end: Int) -> Range<Int>? {
        guard end > 0, !nameKanji.isEmpty else { return nil }
        let last = u[end - 1]
        if Script.isKatakana(last) || Script.isNameJoiner(last) {
            // Two katakana parts with one space: a foreign resident's name in a salutation.
            var s = end
            var spaces = 0
            while s > 0 && end - s < 24 {
                let c = u[s - 1]
                if Script.isKatakana(c) || Script.isNameJoiner(c) { s -= 1; continue }
                if c == 0x20 && spaces == 0 && s >= 2 && Script.isKatakana(u[s - 2]) { spaces += 1; s -= 1; continue }
                break
            }
            guard startsItem(u, s), end - s >= 4, spaces == 1 || (s..<end).contains(where: { Script.isNameJoiner(u[$0]) }) else { return nil }
            return s..<end
        }
        var gs: Int
        if Script.isKana(last) {
            let kind = Script.kanaClass(of: last)
            gs = end
            while gs > 0 && end - gs < 5 && kind(u[gs - 1]) { gs -= 1 }
        } else if Script.isKanji(last) {
            gs = nameRunStart(u, end)
        } else { return nil }
        guard gs < end else { return nil }
        if gs >= 2, u[gs - 1] == 0x20, Script.isKanji(u[gs - 2]) {
            let ss = nameRunStart(u, gs - 1, limit: 5)
            if startsItem(u, ss), shapedFullName(u, ss..<end) { return ss..<end }
            return nil
        }
        if Script.isKanji(last), startsItem(u, gs), shapedFullName(u, gs..<end) { return gs..<end }
        return nil
    }

    /// （相生、40代） / （13歳）: an age in parentheses right after `p`, as opinions sign off.
    func ageParenthesis(_ u: UnsafeBufferPointer<UInt16>, at p: Int) -> Bool {
        guard p < u.count, u[p] == 0x28 else { return false }
        var q = p + 1
        while q < u.count && q - p < 20 && u[q] != 0x29 && u[q] != 0x0A { q += 1 }
        guard q < u.count, u[q] == 0x29, q >= 2 else { return false }
        return u[q - 1] == 0x4EE3 /* 代 */ || u[q - 1] == 0x6B73 /* 歳 */ || (p + 1..<q).contains { u[$0] == 0x4EE3 || u[$0] == 0x6B73 }
    }

    /// 蓬代 凌雄（古池本町、70代）です / 熊池越都子（矢野町能下、80代）: a line that starts with a
    /// name in a name's shape and an age in parentheses, the way public comments are signed.
    func signatureLines(_ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        guard !nameKanji.isEmpty else { return }
        let n = u.count
        var k = 0
        while k < n {
            if u[k] == 0x28, k >= 2, ageParenthesis(u, at: k) {
                var s = nameRunStart(u, k, limit: 6)
                if s >= 2, u[s - 1] == 0x20, Script.isKanji(u[s - 2]) { s = nameRunStart(u, s - 1, limit: 5) }
                if s < k, s == 0 || u[s - 1] == 0x0A || u[s - 1] == 0x09, shapedFullName(u, s..<k) {
                    out.append(Candidate(range: s..<k, confidence: confidence - 0.05, reason: "年代・年齢を添えて名乗る行の氏名"))
                }
            }
            k += 1
        }
    }
}
