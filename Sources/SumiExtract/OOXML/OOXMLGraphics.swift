import Foundation
import SumiModel

/// Text inside charts and SmartArt, which live in parts of their own: chart titles,
/// axis titles and the category and series names cached in the chart (`c:strCache`),
/// and the nodes of a SmartArt diagram (an org chart full of staff names). The cached
/// SmartArt drawing (`diagramDrawing`) repeats the data's text and is not read.
enum OOXMLGraphics {
    static func read(_ session: OOXMLSession, relationships: [OOXMLPackage.Relationship], source: Source,
                     location: Location, groupKey: String? = nil) {
        for rel in relationships where !rel.external {
            var at = location
            at.part = rel.target
            switch rel.kind {
            case "chart", "chartEx":
                session.parse(rel.target, with: ChartTextHandler(session: session, source: source, location: at, groupKey: groupKey))
            case "diagramData":
                session.parse(rel.target, with: DrawingTextHandler(session: session, part: rel.target, source: source, location: at,
                                                                   label: "SmartArt", groupKey: groupKey))
            default: break
            }
        }
    }
}

/// Chart text: `a:t` runs (titles) and the cached string values (`c:strCache/c:pt/c:v`:
/// category labels, series names). Cached numbers are left out.
final class ChartTextHandler: SAXHandler {
    let session: OOXMLSession
    let source: Source
    let location: Location
    let groupKey: String?
    private var lines: [String] = []
    private var buffer = ""
    private var capturing = false
    private var inStringCache = 0

    init(session: OOXMLSession, source: Source, location: Location, groupKey: String?) {
        self.session = session; self.source = source; self.location = location; self.groupKey = groupKey
    }

    var shouldStop: Bool { session.shouldStop }

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "strCache", "strLit": inStringCache += 1
        case "t": capturing = true; buffer = ""
        case "v": if inStringCache > 0 { capturing = true; buffer = "" }
        default: break
        }
    }

    func text(_ string: String) { if capturing { buffer += string } }

    func end(_ name: String) {
        switch name {
        case "strCache", "strLit": inStringCache -= 1
        case "t", "v":
            if capturing {
                let t = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty && !lines.contains(t) { lines.append(t) }
            }
            capturing = false
        default: break
        }
    }

    func finish() {
        guard !lines.isEmpty else { return }
        session.emit(TextUnit(text: lines.joined(separator: "\n"), source: source, location: location,
                              fieldLabel: "グラフ", groupKey: groupKey))
    }
}
