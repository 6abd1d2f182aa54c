import Foundation
import SumiModel

/// Excel (XLSX): every sheet including hidden and very hidden ones, hidden rows and
/// columns, shared and inline strings, numbers as Excel shows them, cell notes and
/// threaded comments with their authors, page headers and footers, text boxes on the
/// sheet, sheet names, defined names, and the source rows kept in pivot caches.
enum XLSXReader {
    static func read(_ session: OOXMLSession) throws {
        let package = session.package
        guard let main = package.relationships(of: "").first(where: { $0.kind == "officeDocument" && !$0.external })?.target
                ?? (package.has("xl/workbook.xml") ? "xl/workbook.xml" : nil),
              package.has(main) else {
            throw ExtractionError(code: NoticeCode.unsupportedFormat, message: OOXMLMessages.noMainPart)
        }
        let workbook = XLSXWorkbook.read(session, part: main)
        let rels = package.relationships(of: main)
        var shared: [String] = []
        if let part = rels.first(where: { $0.kind == "sharedStrings" })?.target {
            let h = SharedStringsHandler(session: session)
            session.parse(part, with: h)
            shared = h.strings
        }
        let styles = XLSXStyles.read(session, part: rels.first { $0.kind == "styles" }?.target)
        var persons: [String: String] = [:]
        if let part = rels.first(where: { $0.kind == "person" })?.target {
            let h = PersonsHandler()
            session.parse(part, with: h)
            persons = h.names
        }
        emitNames(session, workbook: workbook, part: main)

        var related = rels
        for (index, sheet) in workbook.sheets.enumerated() {
            guard !session.outOfTime else { break }
            guard let rel = rels.first(where: { $0.id == sheet.relationshipId }), !rel.external else { continue }
            // Chart sheets and dialog sheets carry no cells; their drawings are read below.
            session.parse(rel.target, with: XLSXSheetHandler(session: session, part: rel.target, sheet: sheet, index: index,
                                                             sharedStrings: shared, styles: styles, date1904: workbook.date1904))
            let sheetRels = package.relationships(of: rel.target)
            related += sheetRels
            for r in sheetRels where !r.external {
                switch r.kind {
                case "comments":
                    session.parse(r.target, with: XLSXCommentsHandler(session: session, part: r.target, sheet: sheet.name, persons: [:], threaded: false))
                case "threadedComment":
                    session.parse(r.target, with: XLSXCommentsHandler(session: session, part: r.target, sheet: sheet.name, persons: persons, threaded: true))
                case "drawing":
                    session.parse(r.target, with: DrawingTextHandler(session: session, part: r.target, source: sheet.isHidden ? .hiddenSheet : .body,
                                                                     location: Location(sheet: sheet.name, part: r.target), label: "図形・テキストボックス"))
                    let drawingRels = package.relationships(of: r.target)
                    related += drawingRels
                    OOXMLGraphics.read(session, relationships: drawingRels, source: sheet.isHidden ? .hiddenSheet : .body,
                                       location: Location(sheet: sheet.name))
                default: break
                }
            }
        }
        related += readPivotCaches(session, workbookRels: rels)
        OOXMLEmbedded.note(session, relationships: related)
    }

    /// Sheet tab names (a tab can be named after a person) and defined names.
    private static func emitNames(_ session: OOXMLSession, workbook: XLSXWorkbook, part: String) {
        let visible = workbook.sheets.filter { !$0.isHidden }.map(\.name)
        let hidden = workbook.sheets.filter(\.isHidden).map(\.name)
        if !visible.isEmpty {
            session.emit(TextUnit(text: visible.joined(separator: "\n"), source: .body, location: Location(part: part), fieldLabel: "シート名"))
        }
        if !hidden.isEmpty {
            session.emit(TextUnit(text: hidden.joined(separator: "\n"), source: .hiddenSheet, location: Location(part: part), fieldLabel: "シート名"))
        }
        let names = workbook.definedNames.filter { !$0.name.hasPrefix("_xlnm.") }.map { "\($0.name)\t\($0.value)" }
        if !names.isEmpty {
            session.emit(TextUnit(text: names.joined(separator: "\n"), source: .metadata, location: Location(part: part), fieldLabel: "名前の定義"))
        }
    }
}

/// `xl/persons/person.xml`: who wrote the threaded comments.
final class PersonsHandler: SAXHandler {
    var names: [String: String] = [:]
    func start(_ name: String, _ a: [String: String]) {
        if name == "person", let id = a["id"], let n = a["displayName"] { names[id] = n }
    }
}

/// Cell notes (`xl/commentsN.xml`: authors list, `comment ref authorId`) and threaded
/// comments (`xl/threadedComments/…`: `threadedComment ref personId`). One unit for
/// the text and one for the author, grouped, at the cell the comment is attached to.
final class XLSXCommentsHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    let sheet: String
    let persons: [String: String]
    let threaded: Bool
    private var authors: [String] = []
    private var inAuthor = false
    private var authorText = ""
    private var ref: String?
    private var author: String?
    private var text = ""
    private var capturing = false
    private var phoneticDepth = 0
    private var count = 0

    init(session: OOXMLSession, part: String, sheet: String, persons: [String: String], threaded: Bool) {
        self.session = session; self.part = part; self.sheet = sheet; self.persons = persons; self.threaded = threaded
    }

    var shouldStop: Bool { session.shouldStop }

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "author":
            inAuthor = true; authorText = ""
        case "comment" where !threaded:
            ref = a["ref"]; text = ""
            author = a["authorId"].flatMap { Int($0) }.flatMap { $0 >= 0 && $0 < authors.count ? authors[$0] : nil }
        case "threadedComment" where threaded:
            ref = a["ref"]; text = ""
            author = a["personId"].flatMap { persons[$0] }
        case "rPh":
            phoneticDepth += 1
        case "t" where !threaded:
            capturing = ref != nil && phoneticDepth == 0
        case "text" where threaded:
            capturing = ref != nil
        default: break
        }
    }

    func text(_ string: String) {
        if inAuthor { authorText += string } else if capturing { text += string }
    }

    func end(_ name: String) {
        switch name {
        case "author":
            inAuthor = false; authors.append(authorText)
        case "rPh":
            phoneticDepth -= 1
        case "t", "text":
            capturing = false
        case "comment" where !threaded, "threadedComment" where threaded:
            count += 1
            let location = Location(sheet: sheet, cell: ref, part: part)
            let key = "\(part)#\(count)"
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                session.emit(TextUnit(text: text, source: .comment, location: location, groupKey: key))
            }
            if let author, !author.isEmpty {
                session.emit(TextUnit(text: author, source: .comment, location: location, fieldLabel: "コメントの作成者", groupKey: key))
            }
            ref = nil
        default: break
        }
    }
}
