import Foundation
import SumiModel

/// One pass over `content.xml` or `styles.xml` of an OpenDocument package (see `ODFReader`).
/// Element names arrive as local names (`text:p` → `p`).
///
/// Paragraphs (`text:p`, `text:h`) are the units of text documents and slides; table cells
/// are the units of tables (sheets, and tables in text), labelled by a header row as in
/// XLSX. A comment's paragraphs and its author go to `comment`, a tracked deletion's to
/// `tracked_change`, speaker notes to `notes`, what a hiding style, section or hidden sheet,
/// row, column or slide covers to the source a reader would miss it in. In `styles.xml`
/// only page headers and footers are text; everything else there is style definitions.
final class ODFContentHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    let kind: ODFReader.Kind
    let styles: ODFStyles
    /// Embedded objects whose text was not read, and images (their pixels are never read).
    private(set) var objects = 0
    private(set) var images = 0
    private(set) var pages = 0
    private let embeddedDepth: Int

    init(session: OOXMLSession, part: String, kind: ODFReader.Kind, styles: ODFStyles, embeddedDepth: Int = 0) {
        self.session = session; self.part = part; self.kind = kind; self.styles = styles
        self.embeddedDepth = embeddedDepth
    }

    private var isStylesPart: Bool { part.hasSuffix("styles.xml") }

    // MARK: styles

    private var styleName: String?
    private var parentStyle: [String: String] = [:]

    private func hides(_ name: String?, in set: Set<String>) -> Bool {
        var current = name, steps = 0
        while let n = current, steps < 16 {
            if set.contains(n) { return true }
            current = parentStyle[n]; steps += 1
        }
        return false
    }

    // MARK: where text goes

    /// What an open element means for the text inside it.
    private enum Role { case plain, paragraph, hiddenSpan, annotation, creator, deletion, notes, headerFooter,
                        hiddenSection, hiddenPage, skip, cell }
    private var roles: [Role] = []

    private struct Paragraph { var visible = ""; var hidden = ""; var wholeHidden = false }
    private var paragraphs: [Paragraph] = []
    private var paragraphNumber = 0

    private struct Comment { var text: [String] = []; var author = "" }
    private var comments: [Comment] = []
    private var creator: String?
    private var changeAuthors: [String] = []

    private func inside(_ role: Role) -> Bool { roles.contains(role) }

    /// The source of text at this point, innermost reason first.
    private var source: Source {
        for role in roles.reversed() {
            switch role {
            case .annotation: return .comment
            case .deletion: return .trackedChange
            case .notes: return .notes
            case .headerFooter: return .headerFooter
            case .hiddenSection, .hiddenPage: return .invisibleText
            default: continue
            }
        }
        if table?.hidden == true { return kind == .spreadsheet ? .hiddenSheet : .invisibleText }
        return .body
    }

    /// Styles.xml holds text only in page headers and footers.
    private var emits: Bool { !isStylesPart || inside(.headerFooter) }

    // MARK: tables

    private struct Cell { var column: Int; var text: String }
    private struct Table {
        var index: Int
        var name: String
        var hidden: Bool
        var row = 0
        var rowRepeat = 1
        var rowHidden = false
        var column = 0
        var columnCursor = 0
        var cellRepeat = 1
        var hiddenColumns: [ClosedRange<Int>] = []
        var headerRow: Int?
        var header: [Int: String] = [:]
        var cells: [Cell] = []
        var cellText: [String] = []
    }
    private var table: Table?
    private var outerTables: [Table] = []
    private var tableCount = 0

    // MARK: events

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "style", "default-style":
            styleName = a["name"]
            if let n = a["name"], let p = a["parent-style-name"] { parentStyle[n] = p }
            roles.append(.plain)
        case "text-properties":
            if let s = styleName, a["display"] == "none" { styles.hiddenText.insert(s) }
            roles.append(.plain)
        case "table-properties":
            if let s = styleName, a["display"] == "false" { styles.hiddenTables.insert(s) }
            roles.append(.plain)
        case "drawing-page-properties":
            if let s = styleName, a["visibility"] == "hidden" { styles.hiddenPages.insert(s) }
            roles.append(.plain)
        case "header", "footer", "header-left", "footer-left", "header-first", "footer-first":
            roles.append(isStylesPart ? .headerFooter : .plain)
        case "p", "h":
            var p = Paragraph()
            p.wholeHidden = hides(a["style-name"], in: styles.hiddenText)
            paragraphs.append(p)
            roles.append(.paragraph)
        case "span":
            roles.append(hides(a["style-name"], in: styles.hiddenText) ? .hiddenSpan : .plain)
        case "s":
            append(String(repeating: " ", count: min(max(Int(a["c"] ?? "1") ?? 1, 1), 1000)))
            roles.append(.plain)
        case "tab":
            append("\t"); roles.append(.plain)
        case "line-break":
            append("\n"); roles.append(.plain)
        case "hidden-text":
            if let value = a["string-value"], !paragraphs.isEmpty {
                if a["is-hidden"] == "true" { paragraphs[paragraphs.count - 1].hidden += value } else { append(value) }
            }
            roles.append(.plain)
        case "hidden-paragraph":
            if a["is-hidden"] == "true", !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].wholeHidden = true }
            roles.append(.plain)
        case "section":
            let hidden = a["display"] == "none" || (a["display"] == "condition" && a["is-hidden"] == "true")
                || hides(a["style-name"], in: styles.hiddenText)
            roles.append(hidden ? .hiddenSection : .plain)
        case "annotation":
            comments.append(Comment()); roles.append(.annotation)
        case "creator":
            creator = ""; roles.append(.creator)
        case "deletion":
            roles.append(.deletion)
        case "note-citation", "annotation-end":
            roles.append(.skip)
        case "notes":
            roles.append(kind == .presentation ? .notes : .plain)
        case "page":
            if kind == .presentation && !isStylesPart {
                pages += 1
                roles.append(hides(a["style-name"], in: styles.hiddenPages) ? .hiddenPage : .plain)
            } else {
                roles.append(.plain)
            }
        case "image":
            if !isStylesPart { images += 1 }
            roles.append(.plain)
        case "object", "object-ole":
            if !isStylesPart { readObject(a["href"]) }
            roles.append(.plain)
        case "table":
            startTable(a); roles.append(.plain)
        case "table-column":
            if var t = table {
                let n = repeatCount(a["number-columns-repeated"])
                if a["visibility"] == "collapse" || a["visibility"] == "filter" {
                    t.hiddenColumns.append((t.columnCursor + 1)...(t.columnCursor + n))
                }
                t.columnCursor += n
                table = t
            }
            roles.append(.plain)
        case "table-row":
            if var t = table {
                t.row += 1
                t.rowRepeat = repeatCount(a["number-rows-repeated"])
                t.rowHidden = a["visibility"] == "collapse" || a["visibility"] == "filter"
                t.column = 0
                t.cells.removeAll(keepingCapacity: true)
                table = t
            }
            roles.append(.plain)
        case "table-cell", "covered-table-cell":
            if var t = table {
                t.column += 1
                t.cellRepeat = repeatCount(a["number-columns-repeated"])
                t.cellText = []
                table = t
            }
            roles.append(.cell)
        default:
            roles.append(.plain)
        }
    }

    func text(_ string: String) {
        if roles.last == .creator { creator? += string; return }
        append(string)
    }

    func end(_ name: String) {
        guard let role = roles.popLast() else { return }
        switch role {
        case .paragraph:
            if let p = paragraphs.popLast() { deliver(p) }
        case .creator:
            let who = (creator ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            creator = nil
            if !who.isEmpty {
                if !comments.isEmpty, inside(.annotation) { comments[comments.count - 1].author = who }
                else if !changeAuthors.contains(who) { changeAuthors.append(who) }
            }
        case .annotation:
            if let c = comments.popLast(), emits {
                let text = c.text.joined(separator: "\n")
                if !XLSXSheetHandler.isBlank(text) { emit(text, source: .comment) }
                if !c.author.isEmpty { emit(c.author, source: .comment, label: "コメントの作成者") }
            }
        case .cell:
            endCell()
        default:
            break
        }
        switch name {
        case "style", "default-style": styleName = nil
        case "table-row": endRow()
        case "table": endTable()
        case "tracked-changes":
            if !changeAuthors.isEmpty, emits {
                emit(changeAuthors.joined(separator: "\n"), source: .trackedChange, label: "変更履歴の作成者")
                changeAuthors = []
            }
        default: break
        }
    }

    func finish() {
        if !changeAuthors.isEmpty, emits {
            emit(changeAuthors.joined(separator: "\n"), source: .trackedChange, label: "変更履歴の作成者")
        }
    }

    var shouldStop: Bool { session.shouldStop }

    // MARK: paragraphs and units

    /// Adds text to the innermost open paragraph, unless something nearer holds it: a
    /// comment's date or a footnote number inside the paragraph is not the paragraph's text.
    private func append(_ s: String) {
        guard !paragraphs.isEmpty else { return }
        switch roles.last(where: { [.paragraph, .hiddenSpan, .annotation, .cell, .skip].contains($0) }) {
        case .paragraph: paragraphs[paragraphs.count - 1].visible += s
        case .hiddenSpan: paragraphs[paragraphs.count - 1].hidden += s
        default: break
        }
    }

    /// A finished paragraph goes to the innermost comment or table cell, else out as a unit.
    private func deliver(_ p: Paragraph) {
        guard emits else { return }
        paragraphNumber += 1
        let visible = p.wholeHidden ? p.visible + p.hidden : p.visible
        let hidden = p.wholeHidden ? "" : p.hidden
        let collector = roles.last { $0 == .annotation || $0 == .cell }
        if collector == .annotation, !comments.isEmpty {
            comments[comments.count - 1].text.append(visible + hidden)
            return
        }
        if collector == .cell, table != nil {
            // Hidden text in a cell is still the cell's; the cell's source says how it is hidden.
            if !hidden.isEmpty, !XLSXSheetHandler.isBlank(hidden) { emit(hidden, source: .invisibleText) }
            table?.cellText.append(p.wholeHidden ? "" : visible)
            if p.wholeHidden, !XLSXSheetHandler.isBlank(visible) { emit(visible, source: .invisibleText) }
            return
        }
        if !XLSXSheetHandler.isBlank(visible) { emit(visible, source: p.wholeHidden ? .invisibleText : source) }
        if !XLSXSheetHandler.isBlank(hidden) { emit(hidden, source: .invisibleText) }
    }

    private func emit(_ text: String, source: Source, label: String? = nil, location: Location? = nil, group: String? = nil) {
        session.emit(TextUnit(text: text, source: source, location: location ?? currentLocation,
                              fieldLabel: label, groupKey: group))
    }

    private var currentLocation: Location {
        if let t = table, t.row > 0 {
            if kind == .spreadsheet {
                return Location(page: slidePage, sheet: t.name, cell: A1.reference(row: t.row, column: max(t.column, 1)),
                                part: part, row: t.row, column: max(t.column, 1))
            }
            return Location(page: slidePage, part: part, row: t.row, column: max(t.column, 1))
        }
        return Location(page: slidePage, line: paragraphNumber, part: part)
    }

    private var slidePage: Int? { kind == .presentation && pages > 0 && !isStylesPart ? pages : nil }

    // MARK: tables

    private func repeatCount(_ value: String?) -> Int {
        // A sheet's trailing empty rows and columns come as one element repeated a million
        // times: counted, never expanded.
        min(max(Int(value ?? "1") ?? 1, 1), 1 << 20)
    }

    private func startTable(_ a: [String: String]) {
        if let t = table { outerTables.append(t) }
        tableCount += 1
        let hidden = hides(a["style-name"], in: styles.hiddenTables) || (table?.hidden ?? false)
        table = Table(index: tableCount, name: a["name"] ?? "Sheet\(tableCount)", hidden: hidden)
    }

    private func endTable() { table = outerTables.popLast() }

    private func endCell() {
        guard var t = table else { return }
        let text = t.cellText.joined(separator: "\n")
        if !XLSXSheetHandler.isBlank(text) { t.cells.append(Cell(column: t.column, text: text)) }
        t.column += t.cellRepeat - 1
        t.cellText = []
        table = t
    }

    private func endRow() {
        guard var t = table else { return }
        defer { t.row += t.rowRepeat - 1; t.cells.removeAll(keepingCapacity: true); table = t }
        guard !t.cells.isEmpty, emits else { return }
        let isHeader = XLSXSheetHandler.isHeaderRow(t.cells.map(\.text), afterHeader: t.headerRow != nil)
        if isHeader {
            t.headerRow = t.row
            t.header = [:]
            for c in t.cells { t.header[c.column] = c.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        var left: [Int: String] = [:]
        for c in t.cells { left[c.column] = c.text }
        for c in t.cells {
            var label: String?
            if let h = t.headerRow, t.row > h, let text = t.header[c.column], !text.isEmpty { label = text }
            if label == nil, !isHeader, let l = left[c.column - 1], DOCXPartHandler.looksLikeLabel(l) { label = l }
            var src = source
            if src == .body {
                if t.rowHidden { src = .hiddenRow }
                else if t.hiddenColumns.contains(where: { $0.contains(c.column) }) { src = .hiddenColumn }
            }
            if kind != .spreadsheet && (src == .hiddenRow || src == .hiddenColumn) { src = .invisibleText }
            let location: Location
            if kind == .spreadsheet {
                location = Location(sheet: t.name, cell: A1.reference(row: t.row, column: c.column), part: part,
                                    row: t.row, column: c.column)
            } else {
                location = Location(page: slidePage, part: part, row: t.row, column: c.column)
            }
            emit(c.text, source: src, label: label, location: location, group: "odf#\(t.index)!\(t.row)")
        }
    }

    // MARK: embedded objects

    /// A chart or another ODF object stored as a sub-document (`Object 1/content.xml`): its
    /// text (titles, the cached data table) is read like the document's. An OLE object or a
    /// binary one is counted as not read.
    private func readObject(_ href: String?) {
        guard let href, embeddedDepth < 2 else { objects += 1; return }
        var dir = href
        if dir.hasPrefix("./") { dir.removeFirst(2) }
        let inner = dir + "/content.xml"
        guard !dir.isEmpty, !dir.contains(".."), session.package.has(inner) else { objects += 1; return }
        let handler = ODFContentHandler(session: session, part: inner, kind: .text, styles: ODFStyles(),
                                        embeddedDepth: embeddedDepth + 1)
        session.parse(inner, with: handler)
        objects += handler.objects
        images += handler.images
    }
}
