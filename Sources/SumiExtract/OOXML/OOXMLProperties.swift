import Foundation
import SumiModel

/// Document properties (`docProps/core.xml`, `app.xml`, `custom.xml`) and `customXml`
/// data parts: author, last editor, company, manager and any custom field, which
/// File → Properties shows to anyone. Source `metadata`, labelled with the field name.
enum OOXMLProperties {
    /// Fields worth reading, with the label File → Properties shows.
    static let coreLabels: [String: String] = [
        "title": "タイトル", "subject": "件名", "creator": "作成者", "keywords": "キーワード",
        "description": "コメント", "lastModifiedBy": "最終更新者", "category": "分類",
        "contentStatus": "状態", "identifier": "識別子",
    ]
    static let appLabels: [String: String] = [
        "Company": "会社", "Manager": "管理者", "HyperlinkBase": "ハイパーリンクの基点", "Template": "テンプレート",
    ]

    static func read(_ session: OOXMLSession) {
        let packageRels = session.package.relationships(of: "")
        func partFor(_ kind: String, fallback: String) -> String {
            packageRels.first { $0.kind == kind && !$0.external }?.target ?? fallback
        }
        let core = partFor("core-properties", fallback: "docProps/core.xml")
        session.parse(core, with: FieldsHandler(session: session, part: core, labels: coreLabels))
        let app = partFor("extended-properties", fallback: "docProps/app.xml")
        session.parse(app, with: FieldsHandler(session: session, part: app, labels: appLabels))
        let custom = partFor("custom-properties", fallback: "docProps/custom.xml")
        session.parse(custom, with: CustomPropertiesHandler(session: session, part: custom))
        // customXml/item1.xml ...: data bound to content controls or kept by other software.
        for part in session.package.partNames where part.hasPrefix("customXml/") && part.hasSuffix(".xml")
            && !part.contains("/_rels/") && !(part as NSString).lastPathComponent.hasPrefix("itemProps") {
            session.parse(part, with: AllTextHandler(session: session, part: part))
        }
    }

    /// Emits the text of each direct child element named in `labels`.
    private final class FieldsHandler: SAXHandler {
        let session: OOXMLSession
        let part: String
        let labels: [String: String]
        var depth = 0
        var current: String?
        var buffer = ""

        init(session: OOXMLSession, part: String, labels: [String: String]) {
            self.session = session; self.part = part; self.labels = labels
        }

        func start(_ name: String, _ attributes: [String: String]) {
            depth += 1
            if depth == 2, labels[name] != nil { current = name; buffer = "" }
        }

        func text(_ string: String) { if current != nil { buffer += string } }

        func end(_ name: String) {
            if depth == 2, let field = current, field == name {
                let value = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty {
                    session.emit(TextUnit(text: value, source: .metadata, location: Location(part: part),
                                          fieldLabel: labels[field], groupKey: "props:\(part)"))
                }
                current = nil
            }
            depth -= 1
        }

        var shouldStop: Bool { session.shouldStop }
    }

    /// `<property name="担当者"><vt:lpwstr>…</vt:lpwstr></property>`: the name labels the value.
    private final class CustomPropertiesHandler: SAXHandler {
        let session: OOXMLSession
        let part: String
        var name: String?
        var buffer = ""

        init(session: OOXMLSession, part: String) { self.session = session; self.part = part }

        func start(_ element: String, _ attributes: [String: String]) {
            if element == "property" { name = attributes["name"]; buffer = "" }
        }

        func text(_ string: String) { if name != nil { buffer += string } }

        func end(_ element: String) {
            guard element == "property" else { return }
            let value = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty {
                session.emit(TextUnit(text: value, source: .metadata, location: Location(part: part),
                                      fieldLabel: name, groupKey: "props:\(part)"))
            }
            name = nil
        }

        var shouldStop: Bool { session.shouldStop }
    }
}

/// Every text node of a part of unknown vocabulary (customXml data bound to content
/// controls or kept by other software), one line each. Attribute values are left out:
/// in practice they are ids, URIs and style names.
final class AllTextHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    let source: Source
    var lines: [String] = []
    var buffer = ""

    init(session: OOXMLSession, part: String, source: Source = .metadata) {
        self.session = session; self.part = part; self.source = source
    }

    func start(_ name: String, _ attributes: [String: String]) {
        flush()
    }

    func text(_ string: String) { buffer += string }
    func end(_ name: String) { flush() }

    private func flush() {
        let t = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { lines.append(t) }
        buffer = ""
        if lines.count >= 200 { emitLines() }
    }

    func finish() {
        flush()
        emitLines()
    }

    private func emitLines() {
        guard !lines.isEmpty else { return }
        session.emit(TextUnit(text: lines.joined(separator: "\n"), source: source, location: Location(part: part)))
        lines.removeAll()
    }

    var shouldStop: Bool { session.shouldStop }

}
