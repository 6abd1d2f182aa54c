/// Character classes of Japanese text, on normalized UTF-16 units. Japanese has no
/// word spaces, so recognizers find word edges where the script changes.
enum Script {
    /// CJK ideographs, 々 〆 ヶ, and surrogate halves (ideographs outside the BMP).
    @inline(__always) static func isKanji(_ u: UInt16) -> Bool {
        (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0xF900 && u <= 0xFAFF)
            || u == 0x3005 || u == 0x3006 || u == 0x30F6 || (u >= 0xD800 && u <= 0xDFFF)
    }

    @inline(__always) static func isHiragana(_ u: UInt16) -> Bool { u >= 0x3041 && u <= 0x309F }

    /// Katakana letters and the prolonged sound mark (not the middle dot ・).
    @inline(__always) static func isKatakana(_ u: UInt16) -> Bool {
        (u >= 0x30A1 && u <= 0x30FA) || u == 0x30FC || (u >= 0x31F0 && u <= 0x31FF)
    }

    @inline(__always) static func isKana(_ u: UInt16) -> Bool { isHiragana(u) || isKatakana(u) }

    /// A test for the same kana script as `u` (hiragana or katakana).
    static func kanaClass(of u: UInt16) -> (UInt16) -> Bool {
        if isHiragana(u) { return { isHiragana($0) } }
        return { isKatakana($0) }
    }

    @inline(__always) static func isUpper(_ u: UInt16) -> Bool { u >= 0x41 && u <= 0x5A }
    @inline(__always) static func isLower(_ u: UInt16) -> Bool { u >= 0x61 && u <= 0x7A }
    @inline(__always) static func isLatin(_ u: UInt16) -> Bool { isUpper(u) || isLower(u) }
    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    /// Katakana middle dot ・ (NFKC folds the half-width one) and the double hyphen ＝ (NFKC "=").
    @inline(__always) static func isNameJoiner(_ u: UInt16) -> Bool { u == 0x30FB || u == 0x3D || u == 0x30A0 }

    /// End of a run of one script starting at `start`.
    static func runEnd(_ units: [UInt16], from start: Int, limit: Int? = nil, _ inRun: (UInt16) -> Bool) -> Int {
        var i = start
        let end = min(units.count, limit ?? units.count)
        while i < end && inRun(units[i]) { i += 1 }
        return i
    }

    /// Start of a run of one script ending at `end`.
    static func runStart(_ units: [UInt16], to end: Int, limit: Int? = nil, _ inRun: (UInt16) -> Bool) -> Int {
        var i = end
        let start = max(0, limit ?? 0)
        while i > start && inRun(units[i - 1]) { i -= 1 }
        return i
    }

    /// Hiragana → katakana (the same sound), for names written in either.
    static func katakana(_ hiragana: String) -> String {
        String(decoding: hiragana.utf16.map { isHiragana($0) && $0 <= 0x3096 ? $0 + 0x60 : $0 }, as: UTF16.self)
    }
}
