import SumiModel
import SumiText

/// Foreign residents' names: katakana with ・/＝ and romaji (Taro YAMADA).
extension PersonNameRecognizer {
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
