import SumiModel
import SumiText

/// Surname + given name with no other context (山田 太郎, 山田太郎, 伊藤ミナ).
extension PersonNameRecognizer {
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
                    // 垣内町, 大谷町: a surname-like town and 町 (a listed given name) is a place.
                    if e - k == 1, [0x753A, 0x6751, 0x5E02, 0x533A, 0x90E1].contains(u[k]) { continue }
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
}
