import SumiModel
import SumiText

/// Readings of names (フリガナ, カナ, 口座名義（カナ）): a reading column or field holds the
/// name again in kana, full- or half-width (NFKC folds ｶﾘﾉｴ to カリノエ), and is as personal
/// as the name. On fresh rosters and applications readings were the largest class of
/// misses (138 of 321 missed names, seed 5150917): the label says what the value is, the
/// value's shape (kana, one or two parts) confirms it; no reading list is needed.
extension PersonNameRecognizer {
    /// The label names a reading, and not an organisation's (団体名フリガナ).
    func isReadingLabel(_ contains: ([UInt16]) -> Bool) -> Bool {
        readingLabels.contains(where: contains) && !readingLabelExclude.contains(where: contains)
    }

    /// A cell of a reading column or field: the whole value, if it is a name reading's shape.
    func readingCell(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        guard !text.fieldLabel.isEmpty, isReadingLabel({ text.fieldLabelContains($0) }) else { return }
        if let r = readingValue(u, 0..<u.count) {
            out.append(Candidate(range: r, confidence: 0.85, reason: "読み仮名の欄「\(text.fieldLabel)」の値（氏名の読み）"))
        }
    }

    /// `r` trimmed is kana in one to three parts (space, ・ or ＝ between them), 2–24 long,
    /// and not a stop word (なし, 同上).
    func readingValue(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Range<Int>? {
        var s = r.lowerBound, e = r.upperBound
        while s < e && (u[s] == 0x20 || u[s] == 0x09 || u[s] == 0x0A) { s += 1 }
        while e > s && (u[e - 1] == 0x20 || u[e - 1] == 0x09 || u[e - 1] == 0x0A) { e -= 1 }
        guard e - s >= 2, e - s <= 24, Script.isKana(u[s]), u[s] != 0x30FC else { return nil }
        var separators = 0
        var letters = 0
        for k in s..<e {
            let c = u[k]
            if Script.isKana(c) { letters += 1; continue }
            guard c == 0x20 || Script.isNameJoiner(c), k > s, u[k - 1] != 0x20, !Script.isNameJoiner(u[k - 1]) else { return nil }
            separators += 1
        }
        guard letters >= 2, separators <= 2 else { return nil }
        let value = string(u, s..<e)
        if cellStop.contains(value) || kanaStop.contains(value) { return nil }
        return s..<e
    }

    /// 氏名（カナ）　アオノアツノリ / フリガナ：カワシマ モリタカ: an inline label that names a
    /// reading, followed by its value up to the end of the line.
    func inlineReading(_ u: UnsafeBufferPointer<UInt16>, label: Range<Int>, value: Range<Int>, _ out: inout [Candidate]) -> Bool {
        let labelUnits = Array(UnsafeBufferPointer(rebasing: u[label]))
        func contains(_ w: [UInt16]) -> Bool {
            guard w.count <= labelUnits.count else { return false }
            for i in 0...(labelUnits.count - w.count) where labelUnits[i] == w[0] {
                if Array(labelUnits[i..<(i + w.count)]) == w { return true }
            }
            return false
        }
        guard isReadingLabel(contains), let r = readingValue(u, value) else { return false }
        out.append(Candidate(range: r, confidence: 0.85, reason: "読み仮名の見出し「\(string(u, label))」に続く氏名の読み"))
        return true
    }
}
