import Foundation
import SumiModel

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
