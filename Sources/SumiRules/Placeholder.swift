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
        var groups: [[UInt16]] = [[]]
        for k in r {
            let c = u[k]
            if c >= 0x30 && c <= 0x39 {
                groups[groups.count - 1].append(c)
            } else if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) {
                return false
            } else if !groups[groups.count - 1].isEmpty {
                groups.append([])
            }
        }
        let all = groups.joined()
        if all.count >= 4 && Set(all).count == 1 { return true }
        let rest = groups.dropFirst().joined()
        return groups.count > 1 && rest.count >= 4 && Set(rest).count == 1
    }
}
