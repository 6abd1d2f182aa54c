import SumiModel
import SumiText

/// Names in name fields and columns (氏名 cells) and after labels in running text (担当：山田).
extension PersonNameRecognizer {
    /// Longest compound before an inline label word (申込者 + 氏名).
    static let maxLabelPrefix = 6

    // MARK: name fields

    /// A cell whose column or field is a name field (氏名, 担当者): the whole cell is the name.
    func fieldCell(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate], _ rejections: inout [Rejection]?) {
        let label = text.fieldLabel
        guard !label.isEmpty, let word = fieldLabels.first(where: { text.fieldLabelContains($0.units) })?.word,
              !fieldLabelExclude.contains(where: { text.fieldLabelContains($0) }) else { return }
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

    /// 世帯の状況（続柄・氏名・生年月日） then 長男⇥木本友人⇥R3.1.4: the cells of a text table's
    /// 氏名 column (`TextTableColumns`) are names, as a spreadsheet column's cells are.
    func tableCells(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        guard text.hasTab else { return }
        for column in text.tableColumns.columns {
            let header = string(u, column.header)
            guard let word = fieldLabels.first(where: { header.contains($0.word) })?.word,
                  !fieldLabelExclude.contains(where: { header.contains(String(decoding: $0, as: UTF16.self)) }) else { continue }
            for cell in column.cells {
                var e = cell.upperBound
                if let paren = cell.first(where: { u[$0] == 0x28 }) { e = paren }
                while e > cell.lowerBound && u[e - 1] == 0x20 { e -= 1 }
                let r = cell.lowerBound..<e
                guard r.count >= 2, r.count <= 40, !cellStop.contains(string(u, r)),
                      r.allSatisfy({ Script.isKanji(u[$0]) || Script.isKana(u[$0]) || Script.isLatin(u[$0]) || u[$0] == 0x20 || Script.isNameJoiner(u[$0]) })
                else { continue }
                out.append(Candidate(range: r, confidence: 0.85, reason: "表の列「\(header)」の値（「\(word)」）"))
            }
        }
    }

    /// 相談者　松本 幸子 / 氏名（アルファベット） NGUYEN VAN NAM / 出席委員 A、B、C: a label in running
    /// text followed by a separator; each item of the list up to the line end is checked.
    func inlineLabelContext(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        let n = u.count
        for (id, word) in inlineLabels {
            for h in text.hits(of: id) {
                // A label may end a compound label (申込者氏名, 保護者氏名, ご担当): up to six
                // kanji or kana before it, starting a line or after a space or punctuation.
                // Longer runs are prose (…を記入した申請者), a Latin letter before it a word.
                var j = h.start
                while j > 0, h.start - j <= Self.maxLabelPrefix, Script.isKanji(u[j - 1]) || Script.isKana(u[j - 1]) { j -= 1 }
                if h.start - j > Self.maxLabelPrefix { continue }
                if j > 0, Script.isLatin(u[j - 1]) || (u[j - 1] >= 0x30 && u[j - 1] <= 0x39) { continue }
                if j < h.start, u[h.start - 1] == 0x306E { continue } // 申請者の氏名: prose, not a form label
                var p = h.end
                if p < n && u[p] == 0x28 {
                    while p < n && u[p] != 0x29 && u[p] != 0x0A && p - h.end < 20 { p += 1 }
                    p += 1
                }
                let labelEnd = min(p, n)
                guard p < n, u[p] == 0x20 || u[p] == 0x09 || u[p] == 0x3A else { continue }
                while p < n && (u[p] == 0x20 || u[p] == 0x09 || u[p] == 0x3A) { p += 1 }
                var lineEnd = p
                while lineEnd < n && u[lineEnd] != 0x0A && u[lineEnd] != 0x0D && u[lineEnd] != 0x09 { lineEnd += 1 }
                // 氏名（カナ） アオノアツノリ: a reading label's value is the name's reading.
                if inlineReading(u, label: j..<labelEnd, value: p..<lineEnd, &out) { continue }
                if isReadingLabel({ w in (j..<labelEnd).count >= w.count && string(u, j..<labelEnd).contains(String(decoding: w, as: UTF16.self)) }) { continue }
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

    /// Surname (2–4, ノ inside allowed) + given name (2–3), both in a name's shape.
    func splitsByShape(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        // 氏名 生年月日 in a redacted copy (the name gone): 生年 + 月日 has the shape, and is a label.
        if containsFormWord(u, r) { return false }
        for k in (r.lowerBound + 2)..<(r.upperBound - 1) where k - r.lowerBound <= 4 && r.upperBound - k <= 3 {
            guard Script.isKanji(u[k]), Script.isKanji(u[k - 1]) else { continue }
            if nameKanji.surnameShaped(u, r.lowerBound..<k) && nameKanji.givenShaped(u, k..<r.upperBound) { return true }
        }
        return false
    }

    /// The run contains a form item's word (`form_words`: 生年月日, 住所, 電話).
    func containsFormWord(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        formWords.contains { UTF16Search.contains(u, $0, in: r) }
    }

    fileprivate func labelItem(_ u: UnsafeBufferPointer<UInt16>, _ item: Range<Int>, _ label: String, _ out: inout [Candidate]) {
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
            // グエン フォン: two katakana parts with a space under a name label.
            if ke + 1 < e, u[ke] == 0x20, Script.isKatakana(u[ke + 1]), ke - s >= 2 {
                var k2 = ke + 1
                while k2 < e && (Script.isKatakana(u[k2]) || Script.isNameJoiner(u[k2])) { k2 += 1 }
                if k2 - ke > 2, k2 == e || u[k2] == 0x20 {
                    out.append(Candidate(range: s..<k2, confidence: 0.85, reason: reason)); return
                }
            }
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
            if organisation(u, tok) != nil || titleWords.contains(string(u, tok)) { continue }
            if i + 1 < tokens.count, tokens[i + 1].lowerBound - tok.upperBound <= 2, isNameKanjiRun(u, tok), tok.count <= 5 {
                let next = tokens[i + 1]
                let gf = givenFlags(u, next)
                let sf = names.flags(u, tok)
                // Under an explicit name label a known given name makes the pair a name even when
                // the surname is not in the dictionary (世田谷 太郎 in a form's 氏名 field).
                if (sf.isSurname || gf.contains(.given1) || gf.contains(.givenKana)) && (gf.isGiven) {
                    out.append(Candidate(range: tok.lowerBound..<next.upperBound, confidence: 0.85, reason: reason)); return
                }
                // Outside the lists: both parts in a name's shape (巽浦 寿元, 藍塚 隼児).
                let surnameOK = sf.isSurname || nameKanji.surnameShaped(u, tok)
                let givenOK = gf.isGiven || nameKanji.givenShaped(u, next)
                if surnameOK && givenOK && (sf.isSurname || gf.isGiven || tok.count >= 2) {
                    out.append(Candidate(range: tok.lowerBound..<next.upperBound, confidence: 0.8, reason: reason)); return
                }
            }
            if isNameKanjiRun(u, tok), !kanjiOnly(tok) || kanjiName(u, tok) == nil, shapedFullName(u, tok) {
                out.append(Candidate(range: tok, confidence: 0.8, reason: reason)); return
            }
            // 委員 鷹畑薫絵、磯迫穂絵: under a name label, an unspaced run that splits into a
            // surname's shape and a given name's shape, neither in the lists.
            if isNameKanjiRun(u, tok), tok.count >= 4, tok.count <= 6, kanjiName(u, tok) == nil, splitsByShape(u, tok) {
                out.append(Candidate(range: tok, confidence: 0.75, reason: reason)); return
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
}
