import Foundation
import SumiModel

/// Reads OpenDocument packages (.odt, .ods, .odp, as LibreOffice writes them): a zip of XML
/// parts like OOXML, read through the same package (its zip-bomb limits), the same libxml2
/// reader and the same session. What is read: `meta.xml` (properties), `styles.xml` (which
/// styles hide text, sheets and slides; page headers and footers), `content.xml` (body,
/// tables, comments with authors, tracked deletions with authors, hidden text, speaker
/// notes). The report's `format` is the OOXML family (text → docx, spreadsheet → xlsx,
/// presentation → pptx): the schema's format list is fixed, and the locations are the same.
enum ODFReader {
    /// The kinds of document, by the package's `mimetype` part.
    enum Kind {
        case text, spreadsheet, presentation

        var format: FileFormat {
            switch self {
            case .text: .docx
            case .spreadsheet: .xlsx
            case .presentation: .pptx
            }
        }
    }

    /// The kind by `mimetype` (stored first and uncompressed in every ODF package), or nil
    /// when the package is no OpenDocument file.
    static func kind(_ package: OOXMLPackage) -> Kind? {
        guard package.has("content.xml"), let data = package.read("mimetype") else { return nil }
        let mime = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // Templates (…-template) and the flat variants read the same way.
        if mime.hasPrefix("application/vnd.oasis.opendocument.text") { return .text }
        if mime.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { return .spreadsheet }
        if mime.hasPrefix("application/vnd.oasis.opendocument.presentation") { return .presentation }
        return nil
    }

    /// Reads the package; returns the number of slides for a presentation.
    static func read(_ session: OOXMLSession, kind: Kind) -> Int? {
        session.parse("meta.xml", with: ODFMetaHandler(session: session))
        let styles = ODFStyles()
        session.parse("styles.xml", with: ODFContentHandler(session: session, part: "styles.xml", kind: kind, styles: styles))
        let content = ODFContentHandler(session: session, part: "content.xml", kind: kind, styles: styles)
        if !session.parse("content.xml", with: content) {
            session.notice(Notice(code: NoticeCode.unreadablePart, message: OOXMLMessages.malformedPart, part: "content.xml"))
        }
        if content.objects > 0 {
            session.notice(Notice(code: NoticeCode.embeddedFile, message: OOXMLMessages.embeddedObjects(content.objects)))
        }
        let pictures = session.package.partNames.filter { $0.hasPrefix("Pictures/") }
        if content.images > 0, let ocr = session.input.ocr, !pictures.isEmpty {
            let imageOnly = session.visibleCharacters < OOXMLEmbedded.imageOnlyTextLimit
            for n in EmbeddedImageOCR.read(session, parts: pictures, ocr: ocr, imageOnly: imageOnly) { session.notice(n) }
        } else if content.images > 0 {
            if session.visibleCharacters < OOXMLEmbedded.imageOnlyTextLimit {
                session.notice(Notice(code: NoticeCode.imageOnlyPage, message: OOXMLMessages.imageOnly(content.images)))
            } else {
                session.notice(Notice(code: NoticeCode.embeddedImage, message: OOXMLMessages.images(content.images)))
            }
        }
        return kind == .presentation ? content.pages : nil
    }
}

/// The named styles that hide what uses them, gathered from `styles.xml` and the automatic
/// styles of `content.xml`: text with `text:display="none"`, a sheet with
/// `table:display="false"`, a slide with `presentation:visibility="hidden"`.
final class ODFStyles {
    var hiddenText: Set<String> = []
    var hiddenTables: Set<String> = []
    var hiddenPages: Set<String> = []
}

/// `meta.xml`: who made and last saved the document, its title, keywords and user fields.
final class ODFMetaHandler: SAXHandler {
    static let labels = ["initial-creator": "作成者", "creator": "最終更新者", "title": "タイトル", "subject": "件名",
                         "description": "コメント", "keyword": "キーワード", "printed-by": "最終印刷者", "user-defined": ""]
    let session: OOXMLSession
    private var current: String?
    private var label: String?
    private var buffer = ""

    init(session: OOXMLSession) { self.session = session }

    func start(_ name: String, _ attributes: [String: String]) {
        guard let l = Self.labels[name] else { return }
        current = name; buffer = ""
        label = name == "user-defined" ? (attributes["name"] ?? "ユーザー定義") : l
    }

    func text(_ string: String) { if current != nil { buffer += string } }

    func end(_ name: String) {
        guard name == current else { return }
        let value = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty {
            session.emit(TextUnit(text: value, source: .metadata, location: Location(part: "meta.xml"),
                                  fieldLabel: label, groupKey: "props:meta.xml"))
        }
        current = nil
    }

    var shouldStop: Bool { session.shouldStop }
}
