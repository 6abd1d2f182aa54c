import SumiModel

/// Numbers that are examples, not anyone's: 000-0000, 03-0000-0000, 1111-1111-1111 in a blank
/// form or a 記入例 line. A number whose digits are all one digit is nobody's postal code,
/// phone or account even when it passes a check digit (0000 0000 0000 does), so pattern rules
/// of the number categories reject it; on fresh blank forms these were most false alarms
/// after facility contacts.
enum Placeholder {
    static let categories: Set<Category> = [.postalCode, .phone, .myNumber, .idNumber, .bankAccount]

    /// Four or more digits that are all one digit, either the whole number (0000-0000-0000)
    /// or everything after its first group (03-0000-0000, 090-1111-1111: an area code or
    /// prefix followed by a blank), and no letters: a passport number like TK7777777 is letters
    /// plus digits and is someone's even when its digits repeat, so a match containing a Latin
    /// letter is never a placeholder.
    static func isPlaceholder(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        // One pass, no allocation (it runs on every number match): the digit seen first
        // overall and after the first group, and whether every later digit equals them.
        var digits = 0, restDigits = 0
        var first: UInt16 = 0, restFirst: UInt16 = 0
        var allSame = true, restSame = true
        var inFirstGroup = true, seenDigit = false
        for k in r {
            let c = u[k]
            if c >= 0x30 && c <= 0x39 {
                if digits == 0 { first = c } else if c != first { allSame = false }
                digits += 1
                seenDigit = true
                if !inFirstGroup {
                    if restDigits == 0 { restFirst = c } else if c != restFirst { restSame = false }
                    restDigits += 1
                }
            } else if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) {
                return false
            } else if seenDigit {
                inFirstGroup = false
            }
        }
        return (digits >= 4 && allSame) || (restDigits >= 4 && restSame)
    }
}
