import Foundation
import SumiModel

/// PowerPoint (PPTX): slides in show order (page = slide number; a hidden slide's text
/// is `invisible_text`), their comments (legacy and modern, with authors), and speaker
/// notes (`notes`). A slide's units
/// share a group key so a name in the notes is tied to a diagnosis on the slide.
enum PPTXReader {
    /// Returns the number of slides.
    static func read(_ session: OOXMLSession) throws -> Int {
        let package = session.package
        guard let main = package.relationships(of: "").first(where: { $0.kind == "officeDocument" && !$0.external })?.target
                ?? (package.has("ppt/presentation.xml") ? "ppt/presentation.xml" : nil),
              package.has(main) else {
            throw ExtractionError(code: NoticeCode.unsupportedFormat, message: OOXMLMessages.noMainPart)
        }
        let rels = package.relationships(of: main)
        let order = SlideOrderHandler()
        session.parse(main, with: order)
        var slides = order.ids.compactMap { id in rels.first { $0.id == id && !$0.external }?.target }
        if slides.isEmpty { slides = rels.filter { $0.kind == "slide" && !$0.external }.map(\.target) }

        var authors: [String: String] = [:]
        for rel in rels where rel.kind == "commentAuthors" || rel.kind == "authors" {
            let h = PPTXAuthorsHandler()
            session.parse(rel.target, with: h)
            authors.merge(h.names) { a, _ in a }
        }
        var related = rels
        for (i, slide) in slides.enumerated() {
            guard !session.outOfTime else { break }
            let page = i + 1
            let key = "pptx#slide\(page)"
            // A hidden slide is skipped in the show and left out of a PDF export, yet it is in the file.
            session.parse(slide, with: DrawingTextHandler(session: session, part: slide, source: .body,
                                                          location: Location(page: page, part: slide), groupKey: key,
                                                          hiddenSource: .invisibleText))
            let slideRels = package.relationships(of: slide)
            related += slideRels
            OOXMLGraphics.read(session, relationships: slideRels, source: .body, location: Location(page: page), groupKey: key)
            for r in slideRels where !r.external && r.kind == "comments" {
                session.parse(r.target, with: PPTXCommentsHandler(session: session, part: r.target, page: page, authors: authors, groupKey: key))
            }
            for r in slideRels where !r.external && r.kind == "notesSlide" {
                session.parse(r.target, with: DrawingTextHandler(session: session, part: r.target, source: .notes,
                                                                 location: Location(page: page, part: r.target), label: "ノート", groupKey: key))
            }
        }
        OOXMLEmbedded.note(session, relationships: related)
        return slides.count
    }
}

/// `p:sldIdLst`: the slides in show order.
private final class SlideOrderHandler: SAXHandler {
    var ids: [String] = []
    func start(_ name: String, _ a: [String: String]) {
        if name == "sldId", let id = a["r:id"] { ids.append(id) }
    }
}

/// `commentAuthors.xml` (`p:cmAuthor id name`) and modern `authors.xml` (`p188:author id name`).
private final class PPTXAuthorsHandler: SAXHandler {
    var names: [String: String] = [:]
    func start(_ name: String, _ a: [String: String]) {
        if name == "cmAuthor" || name == "author", let id = a["id"], let n = a["name"] { names[id] = n }
    }
}

/// Legacy comments (`p:cm authorId` / `p:text`) and modern ones (`p188:cm` and
/// `p188:reply` with `a:t` paragraphs).
private final class PPTXCommentsHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    let page: Int
    let authors: [String: String]
    let groupKey: String
    private var depth = 0
    private var text = ""
    private var capturing = false
    private var currentAuthors: [String] = []
    private var texts: [String] = []

    init(session: OOXMLSession, part: String, page: Int, authors: [String: String], groupKey: String) {
        self.session = session; self.part = part; self.page = page; self.authors = authors; self.groupKey = groupKey
    }

    var shouldStop: Bool { session.shouldStop }

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "cm", "reply":
            if let id = a["authorId"], let n = authors[id], !currentAuthors.contains(n) { currentAuthors.append(n) }
            flushText()
        case "text", "t":
            capturing = true
        case "p":
            if !text.isEmpty { text += "\n" }
        default: break
        }
    }

    func text(_ string: String) { if capturing { text += string } }

    func end(_ name: String) {
        switch name {
        case "text", "t": capturing = false
        case "cm", "reply": flushText()
        default: break
        }
    }

    private func flushText() {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { texts.append(t) }
        text = ""
    }

    func finish() {
        let location = Location(page: page, part: part)
        if !texts.isEmpty {
            session.emit(TextUnit(text: texts.joined(separator: "\n"), source: .comment, location: location, groupKey: groupKey))
        }
        if !currentAuthors.isEmpty {
            session.emit(TextUnit(text: currentAuthors.joined(separator: "\n"), source: .comment, location: location,
                                  fieldLabel: "コメントの作成者", groupKey: groupKey))
        }
    }
}
