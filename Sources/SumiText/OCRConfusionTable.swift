/// Characters OCR puts where others were printed, folded back for matching in OCR text only.
///
/// Tesseract's Japanese models (Debian's small integer ones) read the era name 昭和 as 召和 or
/// 同和 and 令和 as 合和 often enough that most birth-date misses on scanned forms were the
/// era (Tools/eval/ocr.sh). A reader of the scan sees 昭和; the detector should too. The table is
/// data (Rules/dict/text/ocr_confusions.tsv): `misread<TAB>printed<TAB>where[<TAB>note]`, the two
/// strings of equal length so that a fold is a 1:1 replacement and every offset stays, and
/// `where` one of `any`, `before_digit` (the misreading is followed by a digit: 同和 alone is a
/// word, 同和55年 is a misread era) or `after_digit` (3呈 is 3号).
///
/// Applied by the rule matcher to units whose source is `ocr`, after normalization; findings
/// keep the document's (the OCR's) own characters.
public struct OCRConfusionTable: Sendable {
    public enum Context: String, Sendable { case any, beforeDigit = "before_digit", afterDigit = "after_digit" }

    public struct Entry: Sendable {
        public var misread: [UInt16]
        public var printed: [UInt16]
        public var context: Context
    }

    public private(set) var entries: [Entry]
    /// First UTF-16 unit of any misreading: the pass over a unit looks only there.
    private var firsts: Set<UInt16>

    public init(entries: [Entry] = []) {
        self.entries = entries
        firsts = Set(entries.compactMap { $0.misread.first })
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Parses the TSV; `#` starts a comment line.
    public init(tsv: String) throws {
        var entries: [Entry] = []
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            guard fields.count >= 3, let context = Context(rawValue: fields[2]) else {
                throw VariantKanjiTable.TableError(message: "ocr_confusions.tsv line \(number + 1): expected misread, printed, any|before_digit|after_digit")
            }
            let misread = Array(fields[0].utf16), printed = Array(fields[1].utf16)
            guard !misread.isEmpty, misread.count == printed.count, misread != printed else {
                throw VariantKanjiTable.TableError(message: "ocr_confusions.tsv line \(number + 1): misread and printed must differ and have the same length")
            }
            entries.append(Entry(misread: misread, printed: printed, context: context))
        }
        self.init(entries: entries)
    }

    /// `text` with every misreading folded to what was printed (same length, same map).
    public func fold(_ text: NormalizedText) -> NormalizedText {
        guard !entries.isEmpty else { return text }
        let u = text.units
        var out: [UInt16]? = nil
        var i = 0
        while i < u.count {
            guard firsts.contains(u[i]) else { i += 1; continue }
            var advanced = false
            for e in entries where i + e.misread.count <= u.count && u[i..<i + e.misread.count].elementsEqual(e.misread) {
                let end = i + e.misread.count
                switch e.context {
                case .any: break
                case .beforeDigit: guard end < u.count, isDigit(u[end]) else { continue }
                case .afterDigit: guard i > 0, isDigit(u[i - 1]) else { continue }
                }
                if out == nil { out = u }
                out!.replaceSubrange(i..<end, with: e.printed)
                i = end; advanced = true
                break
            }
            if !advanced { i += 1 }
        }
        guard let out else { return text }
        return NormalizedText(original: text.original, units: out, toOriginal: text.toOriginal)
    }
}

@inline(__always) private func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }

private extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\r" }).reversed().drop(while: { $0 == " " || $0 == "\r" }).reversed())
    }
}
