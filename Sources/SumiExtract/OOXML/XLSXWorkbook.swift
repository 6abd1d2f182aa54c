import Foundation
import SumiModel

/// The workbook-level parts of an XLSX package: sheet list (with hidden state),
/// defined names, the shared string table and the number formats of cell styles.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        /// `visible`, `hidden` or `veryHidden` (only reachable through the VBA editor).
        var state: String
        var relationshipId: String
        var isHidden: Bool { state == "hidden" || state == "veryHidden" }
    }

    struct DefinedName {
        var name: String
        var value: String
    }

    var sheets: [Sheet] = []
    var definedNames: [DefinedName] = []
    var date1904 = false

    static func read(_ session: OOXMLSession, part: String) -> XLSXWorkbook {
        let h = WorkbookHandler()
        session.parse(part, with: h)
        return h.workbook
    }

    private final class WorkbookHandler: SAXHandler {
        var workbook = XLSXWorkbook()
        var definedName: String?
        var buffer = ""
        func start(_ name: String, _ a: [String: String]) {
            switch name {
            case "sheet":
                workbook.sheets.append(Sheet(name: a["name"] ?? "", state: a["state"] ?? "visible", relationshipId: a["r:id"] ?? a["id"] ?? ""))
            case "workbookPr":
                workbook.date1904 = a["date1904"] == "1" || a["date1904"] == "true"
            case "definedName":
                definedName = a["name"]; buffer = ""
            default: break
            }
        }
        func text(_ string: String) { if definedName != nil { buffer += string } }
        func end(_ name: String) {
            if name == "definedName", let n = definedName {
                workbook.definedNames.append(DefinedName(name: n, value: buffer))
                definedName = nil
            }
        }
    }
}

/// `xl/sharedStrings.xml`: the text of every string cell, by index. Phonetic guides
/// (`rPh`, furigana) are left out: they repeat the cell's text in kana.
final class SharedStringsHandler: SAXHandler {
    var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var phoneticDepth = 0
    private var capturing = false
    let session: OOXMLSession

    init(session: OOXMLSession) { self.session = session }

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "si": inItem = true; current = ""
        case "rPh": phoneticDepth += 1
        case "t": capturing = inItem && phoneticDepth == 0
        default: break
        }
    }

    func text(_ string: String) { if capturing { current += string } }

    func end(_ name: String) {
        switch name {
        case "si": strings.append(current); inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": capturing = false
        default: break
        }
    }

    var shouldStop: Bool { session.shouldStop }
}

/// `xl/styles.xml`: the number format of each cell style (`s` attribute of a cell).
struct XLSXStyles {
    var formats: [XLSXNumberFormat.Kind] = []

    func kind(style: Int) -> XLSXNumberFormat.Kind {
        style >= 0 && style < formats.count ? formats[style] : .general
    }

    static func read(_ session: OOXMLSession, part: String?) -> XLSXStyles {
        guard let part else { return XLSXStyles() }
        let h = Handler()
        session.parse(part, with: h)
        return XLSXStyles(formats: h.cellFormatIds.map { XLSXNumberFormat.kind(id: $0, code: h.codes[$0]) })
    }

    private final class Handler: SAXHandler {
        var codes: [Int: String] = [:]
        var cellFormatIds: [Int] = []
        var inCellXfs = false
        func start(_ name: String, _ a: [String: String]) {
            switch name {
            case "numFmt":
                if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"] { codes[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                cellFormatIds.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        func end(_ name: String) { if name == "cellXfs" { inCellXfs = false } }
    }
}
