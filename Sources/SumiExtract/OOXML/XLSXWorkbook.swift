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

/// `xl/styles.xml`: per cell style (`s` attribute of a cell), the number format, and
/// whether the style hides what the cell holds: a `;;;` format, or white text on no fill.
struct XLSXStyles {
    var formats: [XLSXNumberFormat.Kind] = []
    var invisible: [Bool] = []

    func kind(style: Int) -> XLSXNumberFormat.Kind {
        style >= 0 && style < formats.count ? formats[style] : .general
    }

    func isInvisible(style: Int) -> Bool {
        style >= 0 && style < invisible.count && invisible[style]
    }

    static func read(_ session: OOXMLSession, part: String?) -> XLSXStyles {
        guard let part else { return XLSXStyles() }
        let h = Handler()
        session.parse(part, with: h)
        let formats = h.cellFormats.map { XLSXNumberFormat.kind(id: $0.numFmt, code: h.codes[$0.numFmt]) }
        let invisible = zip(h.cellFormats, formats).map { xf, kind in
            kind == .hidden || (xf.font < h.whiteFonts.count && h.whiteFonts[xf.font]
                                && (xf.fill >= h.filledFills.count || !h.filledFills[xf.fill]))
        }
        return XLSXStyles(formats: formats, invisible: invisible)
    }

    private final class Handler: SAXHandler {
        var codes: [Int: String] = [:]
        var cellFormats: [(numFmt: Int, font: Int, fill: Int)] = []
        var whiteFonts: [Bool] = []
        var filledFills: [Bool] = []
        var section = ""
        func start(_ name: String, _ a: [String: String]) {
            switch name {
            case "numFmt":
                if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"] { codes[id] = code }
            case "cellXfs", "fonts", "fills":
                section = name
            case "xf" where section == "cellXfs":
                cellFormats.append((a["numFmtId"].flatMap { Int($0) } ?? 0, a["fontId"].flatMap { Int($0) } ?? 0,
                                    a["fillId"].flatMap { Int($0) } ?? 0))
            case "font" where section == "fonts":
                whiteFonts.append(false)
            case "color" where section == "fonts" && !whiteFonts.isEmpty:
                // White: rgb FFFFFF (any alpha), or theme colour 0 (Light 1, the sheet background).
                let rgb = a["rgb"]?.uppercased() ?? ""
                whiteFonts[whiteFonts.count - 1] = rgb.hasSuffix("FFFFFF") || a["theme"] == "0"
            case "fill" where section == "fills":
                filledFills.append(false)
            case "patternFill" where section == "fills" && !filledFills.isEmpty:
                let pattern = a["patternType"] ?? "none"
                filledFills[filledFills.count - 1] = pattern != "none" && pattern != "gray125"
            case "gradientFill" where section == "fills" && !filledFills.isEmpty:
                filledFills[filledFills.count - 1] = true
            default: break
            }
        }
        func end(_ name: String) { if name == section { section = "" } }
    }
}
