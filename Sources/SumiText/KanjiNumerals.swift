/// Kanji numerals → ASCII digits where addresses, dates and ages need them:
/// 二丁目三番四号 → 2丁目3番4号, 昭和六十年十月二十三日 → 昭和60年10月23日, 〇 → 0.
///
/// Only runs followed by a counter are converted, so names such as 一郎 or 三宅 and
/// words such as 一部 stay as they are.
public enum KanjiNumerals {
    /// Counters after which a kanji numeral run is a number.
    static let counters: [[UInt16]] = ["丁目", "番地", "番", "号", "年", "月", "日", "歳", "才", "階", "条", "地割"]
        .map { Array($0.utf16) }

    static func digitValue(_ u: UInt16) -> Int? {
        switch u {
        case 0x3007, 0x96F6: 0 // 〇 零
        case 0x4E00: 1 // 一
        case 0x4E8C: 2 // 二
        case 0x4E09: 3 // 三
        case 0x56DB: 4 // 四
        case 0x4E94: 5 // 五
        case 0x516D: 6 // 六
        case 0x4E03: 7 // 七
        case 0x516B: 8 // 八
        case 0x4E5D: 9 // 九
        default: nil
        }
    }

    static func multiplier(_ u: UInt16) -> Int? {
        switch u {
        case 0x5341: 10 // 十
        case 0x767E: 100 // 百
        case 0x5343: 1000 // 千
        default: nil
        }
    }

    static func isNumeral(_ u: UInt16) -> Bool { digitValue(u) != nil || multiplier(u) != nil }

    /// The value of a run such as 二十三, 百五, 一〇二 (positional), or nil if malformed.
    public static func value(of run: ArraySlice<UInt16>) -> Int? {
        guard !run.isEmpty else { return nil }
        if run.allSatisfy({ digitValue($0) != nil }) {
            // Positional: 一〇二 → 102. A single digit is positional too.
            guard run.count <= 6 else { return nil }
            return run.reduce(0) { $0 * 10 + digitValue($1)! }
        }
        var total = 0
        var pending: Int? = nil
        for u in run {
            if let d = digitValue(u) {
                if pending != nil { return nil } // 二三十 is not a number
                pending = d
            } else if let m = multiplier(u) {
                total += (pending ?? 1) * m
                pending = nil
            }
        }
        return total + (pending ?? 0)
    }

    /// Rewrites numeral runs followed by a counter in place, keeping the offset map:
    /// all digits of a converted run map to the run's first original offset.
    static func convertBeforeCounters(_ units: inout [UInt16], _ map: inout [Int32]) {
        guard units.contains(where: isNumeral) else { return }
        var out: [UInt16] = []
        var outMap: [Int32] = []
        out.reserveCapacity(units.count)
        outMap.reserveCapacity(units.count)
        var i = 0
        let n = units.count
        while i < n {
            if isNumeral(units[i]) {
                var j = i
                while j < n && isNumeral(units[j]) { j += 1 }
                if followedByCounter(units, at: j), let v = value(of: units[i..<j]) {
                    for d in String(v).utf16 {
                        out.append(d); outMap.append(map[i])
                    }
                    i = j
                    continue
                }
                for k in i..<j { out.append(units[k]); outMap.append(map[k]) }
                i = j
                continue
            }
            out.append(units[i]); outMap.append(map[i])
            i += 1
        }
        units = out
        map = outMap
    }

    static func followedByCounter(_ units: [UInt16], at j: Int) -> Bool {
        for c in counters where j + c.count <= units.count {
            if units[j..<(j + c.count)].elementsEqual(c) { return true }
        }
        return false
    }
}
