import Foundation

/// Turns a number stored in a cell into the text Excel shows for it, where that matters
/// for finding personal data:
/// - digit patterns such as `0##-####-####`, `000-0000`, `00000000000` bring back the
///   leading zero a phone number or postal code lost when it was typed as a number;
/// - date formats show a serial number as a date (western `1947/2/25` or Japanese era
///   `昭和22年2月25日`), so a birth date column reads as dates;
/// - anything else keeps the stored value (integral floats without `.0` or exponent).
enum XLSXNumberFormat {
    enum Kind: Equatable {
        case general
        /// `;;;`: every section empty, the value is not displayed (a way to hide a cell).
        case hidden
        case text
        case date(era: Bool)
        /// An integer digit pattern; tokens are placeholders (`0`, `#`, `?`) or literals.
        case digits([Token])
        case other
    }

    enum Token: Equatable {
        case placeholder(Character)
        case literal(String)
    }

    /// Classifies a number format (built-in id, or the custom code from styles.xml).
    static func kind(id: Int, code: String?) -> Kind {
        if let code { return classify(code) }
        switch id {
        case 0: return .general
        case 1: return .digits([.placeholder("0")])
        case 49: return .text
        case 14...17, 22, 30, 31: return .date(era: false)
        case 27...29, 32...36, 50...58: return .date(era: true)
        default: return .other
        }
    }

    static func classify(_ code: String) -> Kind {
        if code.contains(";") && code.split(separator: ";", omittingEmptySubsequences: false).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return .hidden
        }
        let section = firstSection(code)
        if section.lowercased() == "general" || section.isEmpty { return .general }
        if section == "@" { return .text }
        var tokens: [Token] = []
        var letters = Set<Character>()
        var eraLocale = false
        var decimalOrScaled = false
        let chars = Array(section)
        var i = 0
        var literal = ""
        func flushLiteral() { if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" } }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                var j = i + 1
                while j < chars.count && chars[j] != "\"" { literal.append(chars[j]); j += 1 }
                i = j + 1; continue
            case "\\":
                if i + 1 < chars.count { literal.append(chars[i + 1]) }
                i += 2; continue
            case "[":
                var j = i + 1
                var inner = ""
                while j < chars.count && chars[j] != "]" { inner.append(chars[j]); j += 1 }
                if inner.hasPrefix("$-") && (inner.hasSuffix("411") || inner.lowercased().contains("ja")) { eraLocale = true }
                if inner.hasPrefix("$") && !inner.hasPrefix("$-") {
                    // Currency symbol: [$¥-411]
                    literal += inner.dropFirst().prefix { $0 != "-" }
                }
                i = j + 1; continue
            case "_":
                i += 2; continue   // space the width of the next character
            case "*":
                i += 2; continue   // repeat fill
            case "0", "#", "?":
                flushLiteral(); tokens.append(.placeholder(c))
            default:
                if c.isLetter && c.isASCII { letters.insert(Character(c.lowercased())) }
                if c == "." || c == "," || c == "%" { decimalOrScaled = true }
                literal.append(c)
            }
            i += 1
        }
        flushLiteral()
        if letters.contains("y") || letters.contains("d") || letters.contains("g") || letters.contains("e") && eraLocale
            || (letters.contains("m") && !letters.contains("h") && !letters.contains("s") && !tokens.contains { if case .placeholder = $0 { true } else { false } }) {
            return .date(era: letters.contains("g") || (letters.contains("e") && eraLocale))
        }
        let hasPlaceholder = tokens.contains { if case .placeholder = $0 { true } else { false } }
        if hasPlaceholder && !decimalOrScaled && letters.isEmpty { return .digits(tokens) }
        return .other
    }

    private static func firstSection(_ code: String) -> String {
        var inQuote = false
        var out = ""
        for c in code {
            if c == "\"" { inQuote.toggle() }
            if c == ";" && !inQuote { break }
            out.append(c)
        }
        return out
    }

    /// The displayed text of a stored number.
    static func render(_ raw: String, kind: Kind, date1904: Bool) -> String {
        let trimmed = raw.utf8.first == 0x20 || raw.utf8.last == 0x20 ? raw.trimmingCharacters(in: .whitespaces) : raw
        switch kind {
        case .text:
            return trimmed
        case .date(let era):
            guard let value = Double(trimmed), value >= 1, value < 2_958_466 else { return plain(trimmed) }
            return formatDate(serial: value, date1904: date1904, era: era)
        case .digits(let tokens):
            guard let digits = integerDigits(trimmed) else { return plain(trimmed) }
            return apply(tokens, digits: digits.digits, negative: digits.negative)
        case .general, .other, .hidden:
            return plain(trimmed)
        }
    }

    /// `1.2345678E10` → `12345678000`, `5.0` → `5`; other values unchanged.
    static func plain(_ raw: String) -> String {
        if let d = integerDigits(raw) { return (d.negative ? "-" : "") + d.digits }
        return raw
    }

    /// The decimal digits of an integral value (nil if not integral or too large to be exact).
    static func integerDigits(_ raw: String) -> (digits: String, negative: Bool)? {
        if !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let stripped = raw.drop { $0 == "0" }
            return (stripped.isEmpty ? "0" : String(stripped), false)
        }
        guard let value = Double(raw), value.isFinite, value.rounded() == value, abs(value) < 1e15 else { return nil }
        return (String(Int64(abs(value))), value < 0)
    }

    static func apply(_ tokens: [Token], digits: String, negative: Bool) -> String {
        var remaining = Array(digits == "0" ? "" : digits)
        var out: [String] = []
        let firstPlaceholder = tokens.firstIndex { if case .placeholder = $0 { true } else { false } } ?? 0
        for (index, token) in tokens.enumerated().reversed() {
            switch token {
            case .literal(let s):
                out.append(s)
            case .placeholder(let p):
                if let d = remaining.popLast() {
                    out.append(String(d))
                } else {
                    out.append(p == "0" ? "0" : p == "?" ? " " : "")
                }
                if index == firstPlaceholder && !remaining.isEmpty {
                    out.append(String(remaining)); remaining = []
                }
            }
        }
        return (negative ? "-" : "") + out.reversed().joined()
    }

    // MARK: dates

    static func formatDate(serial: Double, date1904: Bool, era: Bool) -> String {
        var days = Int(serial.rounded(.down))
        if date1904 { days += 1462 }
        // Excel counts 1900-02-29, which did not exist.
        let (y, m, d) = civil(fromDaysSince1970: days - 25569 + (days < 60 ? 1 : 0))
        guard era, let e = japaneseEra(y, m, d) else { return "\(y)/\(m)/\(d)" }
        return "\(e.name)\(e.year)年\(m)月\(d)日"
    }

    static func japaneseEra(_ y: Int, _ m: Int, _ d: Int) -> (name: String, year: Int)? {
        let key = y * 10000 + m * 100 + d
        if key >= 20190501 { return ("令和", y - 2018) }
        if key >= 19890108 { return ("平成", y - 1988) }
        if key >= 19261225 { return ("昭和", y - 1925) }
        if key >= 19120730 { return ("大正", y - 1911) }
        if key >= 18730101 { return ("明治", y - 1867) }
        return nil
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civil(fromDaysSince1970 z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
