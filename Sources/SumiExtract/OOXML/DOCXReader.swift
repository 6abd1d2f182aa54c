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
