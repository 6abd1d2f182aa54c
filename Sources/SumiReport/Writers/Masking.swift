import SumiModel

/// Finding texts shown masked: enough of them stays for a reviewer to recognise which entry
/// is meant, too little to be a copy of it. A name keeps its first third (山田 太郎 → 山田＊＊);
/// a phone keeps its first group and last four digits (090-1234-5678 → 090-＊＊＊＊-5678),
/// a shorter number its last two (158-0097 → ＊＊＊-＊＊97).
public enum Masking {
    public static let mark: Character = "＊"

    public static func mask(_ text: String) -> String {
        let digits = text.filter(\.isNumber).count
        let chars = Array(text)
        if digits >= 6 && digits * 2 >= chars.filter({ !$0.isWhitespace }).count {
            // Numbers: the first group (before the first separator, if there is one and it is
            // short) and the last four digits stay; every other digit is masked.
            // Shorter numbers (a postal code, a birth date) keep only their last two digits.
            var out = chars
            let long = digits >= 10
            let firstGroupEnd = long ? (chars.firstIndex { !$0.isNumber }.flatMap { $0 <= 5 && $0 > 0 ? $0 : nil } ?? 0) : 0
            var kept = long ? 4 : 2
            for i in stride(from: chars.count - 1, through: firstGroupEnd, by: -1) where chars[i].isNumber {
                if kept > 0 { kept -= 1 } else { out[i] = mark }
            }
            return String(out)
        }
        let visible = chars.filter { !$0.isWhitespace }
        let keep = max(1, (visible.count + 2) / 3)
        guard visible.count > 1 else { return String(mark) }
        return String(visible.prefix(keep)) + String(repeating: mark, count: visible.count - keep)
    }

    /// The finding with its text masked, in its context too.
    public static func masked(_ f: Finding) -> Finding {
        var m = f
        m.text = mask(f.text)
        m.context = f.context.replacingOccurrences(of: f.text, with: m.text)
        if let s = f.suppression { m.suppression = Suppression(kind: s.kind, entry: s.kind == "allowlist" ? s.entry : "", reason: s.reason) }
        return m
    }

    public static func masked(_ report: ScanReport) -> ScanReport {
        var r = report
        r.files = r.files.map(masked)
        return r
    }

    /// One file's report with every finding masked, in every context (a context can hold
    /// other findings of the file). Not idempotent (a masked number loses more digits when
    /// masked again): a batch run that stores masked reports writes them with `mask` off.
    public static func masked(_ file: FileReport) -> FileReport {
        var f = file
        let texts = f.findings.map(\.text)
        f.findings = f.findings.map(masked)
        for j in f.findings.indices {
            for t in texts where t.count >= 2 { f.findings[j].context = f.findings[j].context.replacingOccurrences(of: t, with: mask(t)) }
        }
        return f
    }
}
