import Foundation
import SumiModel

/// Word (DOCX): the main document with its tables and text boxes, headers and footers,
/// footnotes and endnotes, comments, document variables; tracked insertions and deletions,
/// and text hidden with `w:vanish` (directly or through a style) are reported under their
/// own sources.
enum DOCXReader {
    static func read(_ session: OOXMLSession) throws {
        let rels = session.package.relationships(of: "")
        guard let main = rels.first(where: { $0.kind == "officeDocument" && !$0.external })?.target
                ?? (session.package.has("word/document.xml") ? "word/document.xml" : nil),
              session.package.has(main) else {
            throw ExtractionError(code: NoticeCode.unsupportedFormat, message: OOXMLMessages.noMainPart)
        }
        let mainRels = session.package.relationships(of: main)
        let hidden = HiddenStyles.read(session, styles: mainRels.first { $0.kind == "styles" }?.target)

        session.parse(main, with: DOCXPartHandler(session: session, part: main, source: .body, hidden: hidden))
        // Headers and footers in document order; then notes and comments.
        for rel in mainRels where !rel.external {
            switch rel.kind {
            case "header", "footer":
                session.parse(rel.target, with: DOCXPartHandler(session: session, part: rel.target, source: .headerFooter, hidden: hidden))
            case "footnotes", "endnotes":
                session.parse(rel.target, with: DOCXPartHandler(session: session, part: rel.target, source: .body, hidden: hidden))
            case "comments":
                session.parse(rel.target, with: DOCXPartHandler(session: session, part: rel.target, source: .comment, hidden: hidden))
            default: break
            }
        }
        // Document variables (settings.xml): values templates and macros store out of sight.
        if let settings = mainRels.first(where: { $0.kind == "settings" && !$0.external })?.target {
            session.parse(settings, with: DocVarsHandler(session: session, part: settings))
        }
        // Authors of comments and changes as Word lists them (people.xml).
        if let people = mainRels.first(where: { $0.kind == "people" && !$0.external })?.target {
            session.parse(people, with: PeopleHandler(session: session, part: people, source: .comment, element: "person", attribute: "author"))
        }
        let related = mainRels + mainRels.filter { ["header", "footer"].contains($0.kind) }.flatMap { session.package.relationships(of: $0.target) }
        OOXMLGraphics.read(session, relationships: mainRels, source: .body, location: Location())
        OOXMLEmbedded.note(session, relationships: related)
    }
}

/// Style ids whose run properties hide text (`w:vanish`): a run or paragraph in such a
/// style is hidden like a directly hidden run.
struct HiddenStyles {
    var character: Set<String> = []
    var paragraph: Set<String> = []

    static func read(_ session: OOXMLSession, styles: String?) -> HiddenStyles {
        guard let styles else { return HiddenStyles() }
        let h = Handler()
        session.parse(styles, with: h)
        return h.result
    }

    private final class Handler: SAXHandler {
        var result = HiddenStyles()
        var styleId: String?
        var styleType: String?
        var inRPr = false
        func start(_ name: String, _ a: [String: String]) {
            switch name {
            case "style": styleId = a["styleId"]; styleType = a["type"]
            case "rPr": inRPr = styleId != nil
            case "rPrChange": inRPr = false
            case "vanish" where inRPr && DOCXPartHandler.isOn(a):
                if let id = styleId {
                    if styleType == "paragraph" { result.paragraph.insert(id) } else { result.character.insert(id) }
                }
            default: break
            }
        }
        func end(_ name: String) {
            if name == "style" { styleId = nil }
            if name == "rPr" { inRPr = false }
        }
    }
}

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
    static func looksLikeLabel(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 12 && !s.contains(where: { $0.isNumber }) && !s.contains("\n")
    }
}

/// `people.xml` / `persons.xml` / `authors.xml`: the names of everyone who commented or edited.
final class PeopleHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    let source: Source
    let element: String
    let attribute: String
    var names: [String] = []

    init(session: OOXMLSession, part: String, source: Source, element: String, attribute: String) {
        self.session = session; self.part = part; self.source = source; self.element = element; self.attribute = attribute
    }

    func start(_ name: String, _ a: [String: String]) {
        if name == element, let n = a[attribute], !n.isEmpty, !names.contains(n) { names.append(n) }
    }

    func finish() {
        guard !names.isEmpty else { return }
        session.emit(TextUnit(text: names.joined(separator: "\n"), source: source, location: Location(part: part),
                              fieldLabel: "作成者"))
    }

    var shouldStop: Bool { session.shouldStop }
}

/// `w:docVar name/val` in settings.xml: one metadata unit per variable, labelled with its name.
final class DocVarsHandler: SAXHandler {
    let session: OOXMLSession
    let part: String

    init(session: OOXMLSession, part: String) { self.session = session; self.part = part }

    func start(_ name: String, _ a: [String: String]) {
        guard name == "docVar", let value = a["val"], !value.isEmpty else { return }
        session.emit(TextUnit(text: value, source: .metadata, location: Location(part: part), fieldLabel: a["name"],
                              groupKey: "\(part)#docVars"))
    }

    var shouldStop: Bool { session.shouldStop }
}
