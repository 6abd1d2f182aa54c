import Foundation
import SumiModel

/// Streams one WordprocessingML part (document, header, footer, footnotes, comments).
///
/// Text is gathered per paragraph into the innermost open container: a table cell, a
/// text box, a comment, a footnote, or the part itself. A container emits one unit per
/// source (the part's own source, `tracked_change`, `invisible_text`) when it closes,
/// all with the same group key. Top-level paragraphs are emitted in blocks of a few
/// thousand characters so context across paragraph breaks (氏名 / 山田 太郎) is kept.
final class DOCXPartHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    let source: Source
    let hidden: HiddenStyles

    private struct Container {
        var texts: [Source: String] = [:]
        var firstLine: Int
        var fieldLabel: String?
        var groupKey: String
        var location: Location
        var isCell = false
        /// Comment author, emitted with the comment.
        var author: String?
    }

    private struct Paragraph {
        var texts: [Source: String] = [:]
        var hiddenStyle = false
        /// Whether the last tracked change read in this paragraph was a deletion.
        var lastChangeRemoved: Bool?
        // The run being read.
        var runText = ""
        var runVanish = false
        var runStyleHidden = false
        var inRunProps = false
    }

    private struct Table {
        var id: Int
        var row = 0
        var column = 0
        /// Grid columns the current cell spans (w:gridSpan).
        var span = 1
        var header: [Int: String] = [:]
        var rowCells: [Int: String] = [:]
    }

    private var containers: [Container] = []
    private var paragraphs: [Paragraph] = []
    private var tables: [Table] = []
    private var stack: [String] = []
    private var skipDepth = 0
    private var changeDepth = 0
    private var capturing = false
    private var line = 1
    private var groupCounter = 0
    private var tableCounter = 0
    private var changeAuthors: [String] = []
    private static let blockLimit = 4000

    init(session: OOXMLSession, part: String, source: Source, hidden: HiddenStyles) {
        self.session = session; self.part = part; self.source = source; self.hidden = hidden
        containers.append(newContainer())
    }

    var shouldStop: Bool { session.shouldStop }

    private func newContainer(label: String? = nil, location: Location? = nil, key: String? = nil) -> Container {
        groupCounter += 1
        return Container(firstLine: line, fieldLabel: label, groupKey: key ?? "\(part)#\(groupCounter)",
                         location: location ?? Location(part: part))
    }

    static func isOn(_ a: [String: String]) -> Bool {
        guard let v = a["val"] else { return true }
        return !(v == "0" || v == "false" || v == "off")
    }

    func start(_ name: String, _ a: [String: String]) {
        if skipDepth > 0 { skipDepth += 1; return }
        let parent = stack.last
        stack.append(name)
        if let author = a["author"], ["ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "cellIns", "cellDel"].contains(name),
           !author.isEmpty, !changeAuthors.contains(author) {
            changeAuthors.append(author)
        }
        switch name {
        case "Fallback":
            // mc:AlternateContent repeats a text box for old readers; read the Choice only.
            stack.removeLast(); skipDepth = 1
        case "ins", "del", "moveFrom", "moveTo":
            changeDepth += 1
            // Deleted and inserted text of one paragraph are different versions: keep them
            // apart (a replaced 山田 → 田中 must not read 山田田中).
            let removed = name == "del" || name == "moveFrom"
            if var p = paragraphs.popLast() {
                if let last = p.lastChangeRemoved, last != removed, let t = p.texts[.trackedChange], !t.hasSuffix("\n") {
                    p.texts[.trackedChange] = t + "\n"
                }
                p.lastChangeRemoved = removed
                paragraphs.append(p)
            }
        case "p":
            paragraphs.append(Paragraph())
        case "pStyle" where parent == "pPr":
            if let v = a["val"], hidden.paragraph.contains(v), !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].hiddenStyle = true }
        case "r":
            if !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].runText = ""
                paragraphs[paragraphs.count - 1].runVanish = false
                paragraphs[paragraphs.count - 1].runStyleHidden = false
            }
        case "rPr" where parent == "r":
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].inRunProps = true }
        case "vanish":
            if let p = paragraphs.last, p.inRunProps, Self.isOn(a) { paragraphs[paragraphs.count - 1].runVanish = true }
        case "rStyle":
            if let p = paragraphs.last, p.inRunProps, let v = a["val"], hidden.character.contains(v) {
                paragraphs[paragraphs.count - 1].runStyleHidden = true
            }
        case "t", "delText":
            capturing = parent == "r"
        case "tab" where parent == "r":
            appendRun("\t")
        case "br", "cr":
            if parent == "r" { appendRun("\n") }
        case "noBreakHyphen":
            appendRun("-")
        case "tbl":
            if containers.count == 1 { flush(force: true) }
            tableCounter += 1
            tables.append(Table(id: tableCounter))
        case "tr":
            if !tables.isEmpty {
                tables[tables.count - 1].row += 1
                tables[tables.count - 1].column = 0
                tables[tables.count - 1].rowCells = [:]
            }
        case "tc":
            guard let t = tables.last else { break }
            let col = t.column + 1
            var label: String? = nil
            if t.row > 1 {
                if let h = t.header[col], !h.isEmpty, h.count <= 40 { label = h }
                else if let left = t.rowCells[col - 1], Self.looksLikeLabel(left) { label = left }
                // An item/value form (項目 | 記入例): the item in the first cell names the value
                // beside it (生年月日 | 平成元年4月1日), whatever the value column is headed.
                if col == 2, let itemHeader = t.header[1], Self.itemHeaders.contains(itemHeader),
                   let item = t.rowCells[1], Self.looksLikeLabel(item), label != item {
                    label = [item, label].compactMap { $0 }.joined(separator: " ")
                }
            }
            var c = newContainer(label: label, location: Location(part: part, row: t.row, column: col),
                                 key: "\(part)#tbl\(t.id)r\(t.row)")
            c.isCell = true
            containers.append(c)
        case "gridSpan" where parent == "tcPr":
            if !tables.isEmpty { tables[tables.count - 1].span = max(1, Int(a["val"] ?? "1") ?? 1) }
        case "txbxContent":
            containers.append(newContainer(label: "テキストボックス"))
        case "comment":
            var c = newContainer(key: "\(part)#comment\(a["id"] ?? String(groupCounter))")
            c.author = a["author"]
            containers.append(c)
        case "footnote", "endnote":
            containers.append(newContainer())
        default:
            break
        }
    }

    func text(_ string: String) {
        if skipDepth == 0 && capturing { appendRun(string) }
    }

    func end(_ name: String) {
        if skipDepth > 0 { skipDepth -= 1; return }
        _ = stack.popLast()
        switch name {
        case "ins", "del", "moveFrom", "moveTo":
            changeDepth -= 1
        case "t", "delText":
            capturing = false
        case "rPr":
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].inRunProps = false }
        case "r":
            endRun()
        case "p":
            endParagraph()
        case "tc":
            guard containers.count > 1, containers[containers.count - 1].isCell else { break }
            let cell = containers.removeLast()
            if !tables.isEmpty {
                let t = tables[tables.count - 1]
                let col = t.column + 1
                let text = (cell.texts[source] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if t.row == 1 { tables[tables.count - 1].header[col] = text }
                tables[tables.count - 1].rowCells[col] = text
                tables[tables.count - 1].column += t.span
                tables[tables.count - 1].span = 1
            }
            emit(cell)
        case "tbl":
            _ = tables.popLast()
            if containers.count == 1 { containers[0].firstLine = line }
        case "txbxContent", "comment", "footnote", "endnote":
            if containers.count > 1 { emit(containers.removeLast()) }
        default:
            break
        }
    }

    func finish() {
        while containers.count > 1 { emit(containers.removeLast()) }
        flush(force: true)
        if !changeAuthors.isEmpty {
            session.emit(TextUnit(text: changeAuthors.joined(separator: "\n"), source: .trackedChange,
                                  location: Location(part: part), fieldLabel: "変更履歴の作成者"))
        }
    }

    // MARK: runs and paragraphs

    private func appendRun(_ s: String) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].runText += s
    }

    private func endRun() {
        guard var p = paragraphs.popLast() else { return }
        if !p.runText.isEmpty {
            let src: Source
            if changeDepth > 0 { src = .trackedChange }
            else if p.runVanish || p.runStyleHidden || p.hiddenStyle { src = .invisibleText }
            else { src = source }
            p.texts[src, default: ""] += p.runText
            p.runText = ""
        }
        paragraphs.append(p)
    }

    private func endParagraph() {
        guard let p = paragraphs.popLast(), !containers.isEmpty else { return }
        let i = containers.count - 1
        var newlines = 0
        for (src, text) in p.texts {
            let existing = containers[i].texts[src]
            containers[i].texts[src] = existing.map { $0 + "\n" + text } ?? text
            newlines = max(newlines, text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 })
        }
        if containers[i].texts.isEmpty { containers[i].firstLine = line + 1 }
        line += 1 + newlines
        if i == 0 { flush(force: false) }
    }

    /// Emits the top-level block when it is long enough (or always, when forced).
    private func flush(force: Bool) {
        let c = containers[0]
        let size = c.texts.values.reduce(0) { $0 + $1.utf16.count }
        guard size > 0, force || size >= Self.blockLimit else {
            if size == 0 { containers[0].firstLine = line }
            return
        }
        emit(c)
        containers[0] = newContainer()
    }

    private func emit(_ c: Container) {
        for src in [source, .trackedChange, .invisibleText] {
            guard let text = c.texts[src], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            session.emit(TextUnit(text: text, source: src, location: c.location, fieldLabel: c.fieldLabel,
                                  groupKey: c.groupKey, firstLine: c.firstLine))
        }
        if let author = c.author, !author.isEmpty {
            session.emit(TextUnit(text: author, source: source, location: c.location, fieldLabel: "コメントの作成者",
                                  groupKey: c.groupKey, firstLine: c.firstLine))
        }
    }

    /// A short left-hand cell such as 氏名 or 生年月日 that labels the cell to its right.
    /// Headers of a first column that lists form items.
    static let itemHeaders: Set<String> = ["項目", "項目名", "区分", "事項", "種別", "記入項目", "内容"]

    static func looksLikeLabel(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 12 && !s.contains(where: { $0.isNumber }) && !s.contains("\n")
    }
}
