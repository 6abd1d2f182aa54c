import SumiModel
import SumiText

/// One unit's text, normalized once and shared by every recognizer that looks at it.
public final class AnalyzedText {
    public let unit: TextUnit
    public let normalized: NormalizedText
    /// The unit's field label (column header, form field name), normalized; "" if none.
    public let fieldLabel: String
    /// Occurrences of every lexicon literal (rule anchors, keywords, context words).
    public let hits: [AhoCorasick.Hit]
    /// Lexicon literals that occur in the field label: asked per rule and unit, so looked
    /// up once (a spreadsheet gives every cell a label; String.contains per rule was slow).
    public let labelLiterals: Set<Int32>
    /// What the document around this unit has shown so far (a seating chart's title).
    public internal(set) var document = DocumentContext()
    /// Hit start positions per literal id, sorted, for window look-ups.
    private var positions: [Int32: [AhoCorasick.Hit]] = [:]
    private var sentenceCache: [Int]?
    /// Columns of tables written as text (header line + tab-separated rows), found on first use.
    lazy var tableColumns: TextTableColumns = TextTableColumns.find(normalized.units)
    /// The text has a tab: only then can it hold a text table.
    lazy var hasTab: Bool = normalized.units.contains(0x09)

    init(unit: TextUnit, normalized: NormalizedText, fieldLabel: String, hits: [AhoCorasick.Hit],
         labelLiterals: Set<Int32> = []) {
        self.unit = unit
        self.normalized = normalized
        self.fieldLabel = fieldLabel
        self.hits = hits
        self.labelLiterals = labelLiterals
        for h in hits { positions[h.id, default: []].append(h) }
    }

    public var units: [UInt16] { normalized.units }

    /// Hits of one literal, in order of end position.
    public func hits(of literal: Int32) -> [AhoCorasick.Hit] { positions[literal] ?? [] }

    /// Sentence boundaries of the normalized text (ICU, Japanese rules), computed on first use.
    public var sentenceBoundaries: [Int] {
        if let s = sentenceCache { return s }
        let s = normalized.units.withUnsafeBufferPointer { TextBreaks.sentences($0) }
        sentenceCache = s
        return s
    }

    /// The sentence containing a normalized offset.
    public func sentence(containing offset: Int) -> Range<Int> {
        let b = sentenceBoundaries
        var lo = 0, hi = b.count - 1
        // Largest boundary <= offset.
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if b[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = b[lo]
        let end = lo + 1 < b.count ? b[lo + 1] : normalized.units.count
        return start..<max(start, end)
    }

    /// The field label as UTF-16, for `fieldLabelContains`.
    private lazy var fieldLabelUnits: [UInt16] = Array(fieldLabel.utf16)

    /// Whether the normalized field label contains `word` (UTF-16). `String.contains` goes
    /// through Foundation on Linux and was a fifth of a spreadsheet scan, where every cell
    /// has a label and several recognizers ask about it.
    public func fieldLabelContains(_ word: [UInt16]) -> Bool {
        let hay = fieldLabelUnits
        guard !word.isEmpty, word.count <= hay.count else { return false }
        let first = word[0]
        var i = 0
        while i + word.count <= hay.count {
            if hay[i] == first, hay[i..<(i + word.count)].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }

    /// Normalized text of a range.
    public func string(_ range: Range<Int>) -> String { normalized.normalizedString(range) }
}
