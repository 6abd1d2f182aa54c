import Foundation
import SumiModel

/// The text of a DrawingML part (a slide, a notes page, shapes and text boxes on a
/// sheet): paragraphs of shapes and table cells, one line each, emitted as one unit.
/// Slide-number fields are left out; `mc:Fallback` copies are skipped.
final class DrawingTextHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    private(set) var source: Source
    /// Source for the whole part when its root says it is not shown (a hidden slide, `show="0"`).
    let hiddenSource: Source?
    let location: Location
    let label: String?
    let groupKey: String?
    private var lines: [String] = []
    private var paragraph = ""
    private var inParagraph = false
    private var capturing = false
    private var skipDepth = 0
    private var inSlideNumberField = false

    init(session: OOXMLSession, part: String, source: Source, location: Location, label: String? = nil,
         groupKey: String? = nil, hiddenSource: Source? = nil) {
        self.session = session; self.part = part; self.source = source; self.location = location
        self.label = label; self.groupKey = groupKey; self.hiddenSource = hiddenSource
    }

    var shouldStop: Bool { session.shouldStop }

    func start(_ name: String, _ a: [String: String]) {
        if skipDepth > 0 { skipDepth += 1; return }
        switch name {
        case "sld":
            if let hidden = hiddenSource, a["show"] == "0" || a["show"] == "false" { source = hidden }
        case "Fallback": skipDepth = 1
        case "p": inParagraph = true; paragraph = ""
        case "fld": inSlideNumberField = a["type"]?.lowercased() == "slidenum"
        case "t": capturing = inParagraph && !inSlideNumberField
        case "br": if inParagraph { paragraph += "\n" }
        default: break
        }
    }

    func text(_ string: String) {
        if skipDepth == 0 && capturing { paragraph += string }
    }

    func end(_ name: String) {
        if skipDepth > 0 { skipDepth -= 1; return }
        switch name {
        case "t": capturing = false
        case "fld": inSlideNumberField = false
        case "p":
            inParagraph = false
            let t = paragraph.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { lines.append(t) }
        default: break
        }
    }

    func finish() {
        guard !lines.isEmpty else { return }
        session.emit(TextUnit(text: lines.joined(separator: "\n"), source: source, location: location,
                              fieldLabel: label, groupKey: groupKey))
        lines.removeAll()
    }
}
