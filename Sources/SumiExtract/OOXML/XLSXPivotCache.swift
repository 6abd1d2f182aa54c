import Foundation
import SumiModel

/// A pivot table's cache (`xl/pivotCache/pivotCacheDefinitionN.xml` and its records):
/// a full copy of the source rows, kept in the file even when the source sheet has been
/// deleted and the pivot table shows only totals. Nobody sees it; anyone can unzip it.
/// Values are emitted per cache field (labelled with the field name) as `invisible_text`.
final class XLSXPivotCacheHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    private var fields: [String] = []
    /// Shared items (distinct values) per field, then values met in records.
    private var values: [[String]] = []
    private var field = -1
    private var inSharedItems = false
    private var recordColumn = -1
    private var emitted = 0

    init(session: OOXMLSession, part: String, fields: [String] = []) {
        self.session = session; self.part = part; self.fields = fields
        values = Array(repeating: [], count: fields.count)
    }

    var shouldStop: Bool { session.shouldStop }

    /// Field names read from the definition, for its records part.
    var fieldNames: [String] { fields }

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "cacheField":
            fields.append(a["name"] ?? "")
            values.append([])
            field = fields.count - 1
        case "sharedItems":
            inSharedItems = field >= 0
        case "r":
            recordColumn = 0
        case "s", "n", "d":
            // In the definition, a shared item; in the records, a value not shared (x = index).
            guard let v = a["v"], !v.isEmpty else { advance(); return }
            if inSharedItems, field >= 0 { values[field].append(v) }
            else if recordColumn >= 0, recordColumn < values.count, name == "s" { values[recordColumn].append(v) }
            advance()
        case "x", "b", "e", "m":
            advance()
        default: break
        }
    }

    private func advance() { if !inSharedItems && recordColumn >= 0 { recordColumn += 1 } }

    func end(_ name: String) {
        switch name {
        case "sharedItems": inSharedItems = false
        case "cacheField": field = -1
        case "r": recordColumn = -1
        default: break
        }
    }

    func finish() {
        for (i, vs) in values.enumerated() where !vs.isEmpty {
            var seen = Set<String>()
            let unique = vs.filter { seen.insert($0).inserted }
            session.emit(TextUnit(text: unique.joined(separator: "\n"), source: .invisibleText, location: Location(part: part),
                                  fieldLabel: fields[i].isEmpty ? "ピボットキャッシュ" : fields[i], groupKey: "\(part)#\(emitted)"))
            emitted += 1
        }
    }
}

extension XLSXReader {
    /// Pivot caches listed in the workbook, with their records.
    static func readPivotCaches(_ session: OOXMLSession, workbookRels: [OOXMLPackage.Relationship]) -> [OOXMLPackage.Relationship] {
        var related: [OOXMLPackage.Relationship] = []
        for rel in workbookRels where rel.kind == "pivotCacheDefinition" && !rel.external {
            let definition = XLSXPivotCacheHandler(session: session, part: rel.target)
            session.parse(rel.target, with: definition)
            let rels = session.package.relationships(of: rel.target)
            related += rels
            for r in rels where r.kind == "pivotCacheRecords" && !r.external {
                session.parse(r.target, with: XLSXPivotCacheHandler(session: session, part: r.target, fields: definition.fieldNames))
            }
        }
        return related
    }
}
