import SumiModel

/// What a document as a whole says about the units in it, learned from the units seen so
/// far in document order (its title, a sheet name, the first line of a page).
///
/// A seating chart (座席表) is the case that needs it: its seats carry staff surnames with
/// no honorific and no name column (福本 内線3919), and only the title says they are people.
/// On fresh floor plans 2 of 46 such names were found before (one of the real leaks the
/// brief lists); the title is what a reader goes by, so it is what the recognizers get.
public struct DocumentContext: Sendable, Equatable {
    /// The document is a seating chart or a floor plan with people on it.
    public var seatingChart = false

    public init(seatingChart: Bool = false) { self.seatingChart = seatingChart }
}

/// Follows one document's groups in order and says, for each, what the document has shown
/// so far (including that group). One per file; cheap: it reads only first lines, and
/// nothing once the document's kind is known.
public struct DocumentContextTracker: Sendable {
    private let seatingTitles: [[UInt16]]
    private var context = DocumentContext()

    /// First lines longer than this are prose, not a title.
    static let titleLineLimit = 80

    public init(_ ruleSet: RuleSet) { self.init(ruleSet.documentCues) }

    init(_ cues: DocumentCues) { seatingTitles = cues.seatingChartTitleUnits }

    /// The context for `group`, after taking in its units.
    public mutating func observe(_ group: [TextUnit]) -> DocumentContext {
        guard !context.seatingChart, !seatingTitles.isEmpty else { return context }
        for unit in group where Self.titleLike(unit) {
            guard let firstLine = unit.firstLine(limit: Self.titleLineLimit) else { continue }
            // UTF-16 comparison, not String.contains: this runs on every cell of a workbook until
            // the kind is known, serially, and String search cost 1 s on 100,000 cells.
            if seatingTitles.contains(where: { UTF16Search.contains(firstLine, $0) }) { context.seatingChart = true; break }
        }
        return context
    }

    /// Body text and the document's title property; not comments, notes or other metadata
    /// (a comment saying 座席表を更新 does not make the document one).
    static func titleLike(_ unit: TextUnit) -> Bool {
        unit.source == .body || unit.source == .headerFooter || (unit.source == .metadata && unit.fieldLabel == "タイトル")
    }
}

/// The words in Rules/ that tell a document's kind (recognizers/seating_chart.yaml `titles`).
public struct DocumentCues: Sendable {
    public var seatingChartTitles: [String] = [] {
        didSet { seatingChartTitleUnits = seatingChartTitles.map { Array($0.utf16) }.filter { !$0.isEmpty } }
    }
    /// The same, as UTF-16, made once at load: a tracker is made per file.
    private(set) var seatingChartTitleUnits: [[UInt16]] = []

    public init(seatingChartTitles: [String] = []) {
        self.seatingChartTitles = seatingChartTitles
        seatingChartTitleUnits = seatingChartTitles.map { Array($0.utf16) }.filter { !$0.isEmpty }
    }
}
