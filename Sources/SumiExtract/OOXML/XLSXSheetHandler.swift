import Foundation
import SumiModel

/// Streams one worksheet: one unit per non-empty cell, emitted row by row so a sheet
/// of any length needs memory for one row only.
///
/// - source: `hidden_sheet` for a hidden or very hidden sheet, else `hidden_row` /
///   `hidden_column` for a hidden row or column, else `invisible_text` for a cell whose
///   style hides it (`;;;` format, white text on no fill), else `body`;
/// - location: sheet name and A1 cell (plus row and column numbers);
/// - field label: the column's header cell (氏名, 電話番号 ...) for every cell below it,
///   however far down; for a form laid out as label | value, the label to the left;
/// - group: the cells of a row, so a fact in one cell is tied to a name in another;
/// - a phone number stored as a number (lost its leading 0) in a phone column, 9–10
///   digits, is given back its 0.
final class XLSXSheetHandler: SAXHandler {
    let session: OOXMLSession
    let part: String
    let sheet: XLSXWorkbook.Sheet
    let sheetIndex: Int
    let sharedStrings: [String]
    let styles: XLSXStyles
    let date1904: Bool

    private struct Cell {
        var column: Int
        var text: String
        var isString: Bool
        /// Stored as a number shown in General format (a candidate for the lost leading 0).
        var isGeneralNumber: Bool
        /// The cell's style hides its content (`;;;` format, white text).
        var invisible: Bool
    }

    private var hiddenColumns: [ClosedRange<Int>] = []
    private var row = 0
    private var rowHidden = false
    private var cells: [Cell] = []
    // The cell being read.
    private var cellColumn = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var capture: Capture = .none
    private var phoneticDepth = 0
    private enum Capture { case none, value, inline }
    // Header row and labels.
    private var header: [Int: String] = [:]
    private var headerRow: Int?
    // Page header and footer.
    private var headerFooter: [String] = []
    private var inHeaderFooter = false
    private var headerFooterText = ""

    init(session: OOXMLSession, part: String, sheet: XLSXWorkbook.Sheet, index: Int, sharedStrings: [String],
         styles: XLSXStyles, date1904: Bool) {
        self.session = session; self.part = part; self.sheet = sheet; self.sheetIndex = index
        self.sharedStrings = sharedStrings; self.styles = styles; self.date1904 = date1904
    }

    var shouldStop: Bool { session.shouldStop }

    func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "c":
            if let r = a["r"], let col = Self.column(ofReference: r) { cellColumn = col } else { cellColumn += 1 }
            cellType = a["t"] ?? "n"
            cellStyle = a["s"].flatMap { Int($0) } ?? 0
            value = ""; inlineText = ""
        case "v":
            capture = .value
        case "t":
            if phoneticDepth == 0 && cellType == "inlineStr" { capture = .inline }
        case "rPh":
            phoneticDepth += 1
        case "row":
            row = a["r"].flatMap { Int($0) } ?? row + 1
            rowHidden = a["hidden"] == "1" || a["hidden"] == "true"
            cells.removeAll(keepingCapacity: true)
            cellColumn = 0
        case "col":
            if a["hidden"] == "1" || a["hidden"] == "true", let lo = a["min"].flatMap({ Int($0) }), let hi = a["max"].flatMap({ Int($0) }), lo <= hi {
                hiddenColumns.append(lo...hi)
            }
        case "oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter":
            inHeaderFooter = true; headerFooterText = ""
        default:
            break
        }
    }

    func text(_ string: String) {
        switch capture {
        case .value: value += string
        case .inline: inlineText += string
        case .none: if inHeaderFooter { headerFooterText += string }
        }
    }

    func end(_ name: String) {
        switch name {
        case "v", "t":
            capture = .none
        case "rPh":
            phoneticDepth -= 1
        case "c":
            endCell()
        case "row":
            endRow()
        case "oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter":
            inHeaderFooter = false
            let t = Self.stripHeaderFooterCodes(headerFooterText)
            if !t.isEmpty && !headerFooter.contains(t) { headerFooter.append(t) }
        default:
            break
        }
    }

    func finish() {
        if !cells.isEmpty { endRow() }
        guard !headerFooter.isEmpty else { return }
        session.emit(TextUnit(text: headerFooter.joined(separator: "\n"), source: .headerFooter,
                              location: Location(sheet: sheet.name, part: part), fieldLabel: "ヘッダー・フッター"))
    }

    /// Excel's own limit on the characters of one cell.
    static let maxCellCharacters = 32_767

    private func endCell() {
        var text: String
        var isString = true
        var isGeneralNumber = false
        switch cellType {
        case "s":
            guard let i = Int(value) ?? Int(value.trimmingCharacters(in: .whitespaces)), i >= 0, i < sharedStrings.count else { return }
            text = sharedStrings[i]
        case "inlineStr":
            text = inlineText
        case "str", "d":
            text = value
        case "b":
            text = value == "1" ? "TRUE" : "FALSE"
            isString = false
        case "e":
            return
        default:
            guard !value.isEmpty else { return }
            let kind = styles.kind(style: cellStyle)
            text = XLSXNumberFormat.render(value, kind: kind, date1904: date1904)
            isString = false
            isGeneralNumber = kind == .general
        }
        guard !Self.isBlank(text) else { return }
        // Excel holds at most 32,767 characters in a cell. A longer one was not written by
        // Excel: a 1 MB shared string referenced by 20,000 cells is 20 GB of text (a 110 kB
        // file that hung the scan). Its first 32,767 characters are read; the rest is not.
        if text.utf16.count > Self.maxCellCharacters {
            text = String(decoding: text.utf16.prefix(Self.maxCellCharacters), as: UTF16.self)
            session.notice(Notice(code: NoticeCode.sizeLimit, message: OOXMLMessages.oversizedCell, part: part))
        }
        cells.append(Cell(column: cellColumn, text: text, isString: isString, isGeneralNumber: isGeneralNumber,
                          invisible: styles.isInvisible(style: cellStyle)))
    }

    private func endRow() {
        defer { cells.removeAll(keepingCapacity: true) }
        guard !cells.isEmpty else { return }
        if isHeaderRow() {
            headerRow = row
            header = [:]
            for c in cells { header[c.column] = c.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        let groupKey = "xlsx#\(sheetIndex)!\(row)"
        var left: [Int: String] = [:]
        for c in cells where c.isString { left[c.column] = c.text }
        for c in cells {
            var label: String? = nil
            if let h = headerRow, row > h, let text = header[c.column], !text.isEmpty { label = text }
            if label == nil, row != headerRow, let l = left[c.column - 1], DOCXPartHandler.looksLikeLabel(l) { label = l }
            var text = c.text
            if c.isGeneralNumber, let label, Self.lostLeadingZero(text), isPhoneLabel(label) { text = "0" + text }
            let source: Source
            if sheet.isHidden { source = .hiddenSheet }
            else if rowHidden { source = .hiddenRow }
            else if hiddenColumns.contains(where: { $0.contains(c.column) }) { source = .hiddenColumn }
            else if c.invisible { source = .invisibleText }
            else { source = .body }
            session.emit(TextUnit(
                text: text, source: source,
                location: Location(sheet: sheet.name, cell: A1.reference(row: row, column: c.column), part: part,
                                   row: row, column: c.column),
                fieldLabel: label, groupKey: groupKey))
        }
    }

    /// Words that make a row a header row when two of its cells carry them.
    static let headerWords = ["氏名", "名前", "住所", "電話", "TEL", "Tel", "tel", "携帯", "FAX", "Fax", "メール", "mail", "Mail",
                              "生年月日", "年齢", "性別", "口座", "番号", "郵便", "連絡先", "所属", "備考", "担当", "生年"]

    /// A header row: three or more short text cells without digits (No. 氏名 住所 …), or two
    /// cells that both name a personal field (氏名 | 電話). Title rows have one cell; the
    /// first header found labels the sheet until another strong header row appears.
    private func isHeaderRow() -> Bool {
        // Cheap test first: most rows hold numbers or long text and are no header.
        guard cells.count >= 2, cells.allSatisfy(\.isString) else { return false }
        return Self.isHeaderRow(cells.map(\.text), afterHeader: headerRow != nil)
    }

    /// The header-row test shared by every table reader (XLSX, OpenDocument): `texts` are a
    /// row's non-empty text cells; `afterHeader` whether the table already has a header.
    static func isHeaderRow(_ texts: [String], afterHeader: Bool) -> Bool {
        guard texts.count >= 2, texts.allSatisfy({ t in t.count <= 24 && !t.contains { $0.isNumber || $0 == "\n" } }) else { return false }
        if !afterHeader && texts.count >= 3 { return true }
        let wordy = texts.filter { t in headerWords.contains { t.contains($0) } }.count
        if afterHeader { return wordy >= 2 && wordy * 2 >= texts.count }
        return texts.count == 2 && wordy == 2
    }

    /// Only white space (checked per cell: Foundation's trimming is slow on Linux).
    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    private var phoneLabels: [String: Bool] = [:]

    private func isPhoneLabel(_ label: String) -> Bool {
        if let known = phoneLabels[label] { return known }
        let answer = Self.isPhoneLabel(label)
        phoneLabels[label] = answer
        return answer
    }

    static func isPhoneLabel(_ label: String) -> Bool {
        ["電話", "TEL", "Tel", "tel", "携帯", "FAX", "Fax", "ファクス", "ファックス", "連絡先"].contains { label.contains($0) }
    }

    /// 9 digits (a landline such as 3-1234-5678) or 10 digits (a mobile 90-1234-5678)
    /// not starting with 0: a Japanese phone number typed into a number cell.
    static func lostLeadingZero(_ text: String) -> Bool {
        (text.count == 9 || text.count == 10) && text.first != "0" && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `AB12` → 28.
    static func column(ofReference r: String) -> Int? {
        var col = 0
        for u in r.utf8 {
            if u >= 65 && u <= 90 { col = col * 26 + Int(u - 64) }
            else if u >= 97 && u <= 122 { col = col * 26 + Int(u - 96) }
            else { break }
        }
        return col > 0 ? col : nil
    }

    /// Removes Excel's header/footer codes: `&L` `&C` `&R` sections, `&P` page, `&N` pages,
    /// `&D` `&T` `&F` `&A`, `&"font,style"`, `&12` size, `&B` `&I` `&U` ...; `&&` is an ampersand.
    static func stripHeaderFooterCodes(_ s: String) -> String {
        var out = ""
        var chars = Array(s)[...]
        while let c = chars.popFirst() {
            guard c == "&" else { out.append(c); continue }
            guard let next = chars.popFirst() else { break }
            switch next {
            case "&": out.append("&")
            case "L", "C", "R": if !out.isEmpty && out.last != "\n" { out.append("\n") }
            case "\"":
                while let x = chars.popFirst(), x != "\"" {}
            default:
                if next.isNumber { while let x = chars.first, x.isNumber { chars.removeFirst() } }
            }
        }
        return out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}
