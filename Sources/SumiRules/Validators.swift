import Foundation
import SumiModel

/// Named checks a rule can ask for in `validators:`. Each gets the normalized match
/// text (NFKC, ASCII digits, "-" for every dash) and says whether it is valid.
public struct Validators: Sendable {
    public typealias Check = @Sendable (String) -> Bool

    private var checks: [String: Check]

    public init(places: PlaceIndex? = nil) {
        checks = [
            "my_number_check_digit": { Validators.myNumberCheckDigit(digits($0)) },
            "corporate_number_check_digit": { Validators.corporateNumberCheckDigit(digits($0)) },
            "date_valid": { JapaneseDate.parse($0) != nil },
            "birth_date_plausible": { s in
                guard let d = JapaneseDate.parse(s) else { return false }
                return d.year >= 1868 && d.year <= 2026
            },
            "postal_code_format": { digits($0).count == 7 },
            "phone_digits": { Validators.phoneDigits(digits($0)) },
            "not_repeated_digits": { s in Set(digits(s)).count > 1 },
        ]
        if let places {
            checks["place_known"] = { places.containsKnownPlace($0) }
        }
    }

    public func check(named name: String) -> Check? { checks[name] }
    public var names: [String] { checks.keys.sorted() }

    /// My Number (個人番号): 12 digits, the last a check digit over the first 11.
    /// check = 11 − (Σ Pn×Qn mod 11), Pn the n-th digit from the right of the first 11,
    /// Qn = n+1 for n ≤ 6 and n−5 for n ≥ 7; a remainder ≤ 1 gives 0.
    public static func myNumberCheckDigit(_ d: [Int]) -> Bool {
        guard d.count == 12 else { return false }
        return myNumberCheckDigit(forFirst11: Array(d.prefix(11))) == d[11]
    }

    /// The check digit of a My Number whose first 11 digits are given.
    public static func myNumberCheckDigit(forFirst11 d: [Int]) -> Int {
        var sum = 0
        for n in 1...11 {
            let p = d[11 - n]
            let q = n <= 6 ? n + 1 : n - 5
            sum += p * q
        }
        let r = sum % 11
        return r <= 1 ? 0 : 11 - r
    }

    /// Corporate Number (法人番号): 13 digits, the FIRST a check digit:
    /// check = 9 − (Σ Pn×Qn mod 9), Pn the n-th digit from the right of the last 12,
    /// Qn = 1 for odd n and 2 for even n.
    public static func corporateNumberCheckDigit(_ d: [Int]) -> Bool {
        guard d.count == 13 else { return false }
        var sum = 0
        for n in 1...12 {
            let p = d[13 - n]
            sum += p * (n % 2 == 1 ? 1 : 2)
        }
        return 9 - (sum % 9) == d[0]
    }

    /// A Japanese phone number: 10 digits starting with 0 (fixed, 050, 0120), 11 for
    /// mobiles (070/080/090), 0800 toll-free; with +81 the leading 0 is dropped.
    public static func phoneDigits(_ d: [Int]) -> Bool {
        var d = d
        if d.count >= 11 && d[0] == 8 && d[1] == 1 { d = [0] + d.dropFirst(2) }
        guard d.first == 0, d.count >= 10, d.count <= 11 else { return false }
        if d.count == 11 {
            let prefix = d[1] * 10 + d[2]
            return [70, 80, 90, 50, 20, 60].contains(prefix) || (d[1] == 8 && d[2] == 0 && d[3] == 0)
        }
        return d[1] != 0
    }
}

@inline(__always) func digits(_ s: String) -> [Int] {
    s.unicodeScalars.compactMap { $0.value >= 0x30 && $0.value <= 0x39 ? Int($0.value - 0x30) : nil }
}

/// A calendar date read from Japanese text: 昭和60年10月23日, S60.10.23, 平成元年1月8日,
/// 1985年10月23日, 1985/10/23, 1985-10-23.
public struct JapaneseDate: Sendable, Equatable {
    public var year: Int, month: Int, day: Int

    static let eras: [(names: [String], start: (Int, Int, Int), maxYear: Int)] = [
        (["明治", "明", "M"], (1868, 1, 25), 45),
        (["大正", "大", "T"], (1912, 7, 30), 15),
        (["昭和", "昭", "S"], (1926, 12, 25), 64),
        (["平成", "平", "H"], (1989, 1, 8), 31),
        (["令和", "令", "R"], (2019, 5, 1), 99),
    ]

    /// Parses a normalized date string; nil if it is not a real date.
    public static func parse(_ raw: String) -> JapaneseDate? {
        var s = raw
        if s.contains("元年") { s = s.replacingOccurrences(of: "元年", with: "1年") }
        if s.contains(" ") { s = s.replacingOccurrences(of: " ", with: "") }
        var eraIndex: Int? = nil
        // Upper case for the romaji era letters (h31.4.1); digits and kanji are unchanged.
        var rest = Substring(s.uppercased())
        for (i, era) in eras.enumerated() {
            if let name = era.names.first(where: { rest.hasPrefix($0) }) {
                eraIndex = i
                rest = rest.dropFirst(name.count)
                break
            }
        }
        let numbers = rest.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        var (y, m, d) = (numbers[0], numbers[1], numbers[2])
        if let e = eraIndex {
            guard y >= 1, y <= eras[e].maxYear else { return nil }
            y = eras[e].start.0 + y - 1
        } else {
            guard y >= 1800, y <= 2100 else { return nil }
        }
        guard m >= 1, m <= 12, d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        let date = JapaneseDate(year: y, month: m, day: d)
        if let e = eraIndex {
            // The date must fall within the era (昭和64年 ends on 1月7日).
            let start = eras[e].start
            if (date.year, date.month, date.day) < start { return nil }
            if e + 1 < eras.count {
                let next = eras[e + 1].start
                if (date.year, date.month, date.day) >= next { return nil }
            }
        }
        return date
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Known prefectures and municipalities, for the `place_known` validator and the
/// address recognizers. Loaded from Rules/dict/places/.
public struct PlaceIndex: Sendable {
    public let prefectures: Set<String>
    public let municipalities: Set<String>
    /// The municipality names again, for look-ups by slice (the validator runs on every
    /// candidate of the rules that use it: building a string per window was most of its cost).
    private let table: FlatStringTable

    public init(prefectures: Set<String>, municipalities: Set<String>) {
        self.prefectures = prefectures
        self.municipalities = municipalities
        var b = FlatStringTable.Builder()
        for m in municipalities { b.insert(Array(m.utf16), flags: 1) }
        table = b.build()
    }

    /// Whether the text contains a known municipality (市区町村 name).
    public func containsKnownPlace(_ text: String) -> Bool {
        guard !municipalities.isEmpty else { return true }
        let u = Array(text.utf16)
        return u.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count {
                for j in (i + 1)...min(buf.count, i + table.longest) where table.contains(buf, i..<j) { return true }
            }
            return false
        }
    }
}
