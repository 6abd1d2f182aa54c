import Foundation
import SumiModel

/// A format Sumi reads by having LibreOffice convert it to its OOXML equivalent first:
/// the binary Office formats of before 2007 and RTF.
public enum LegacyFormat: String, Sendable, CaseIterable {
    case doc, xls, ppt, rtf

    /// The family the report gives (`format`): a .doc is a word-processing file, as a .docx is.
    public var family: FileFormat {
        switch self {
        case .doc, .rtf: .docx
        case .xls: .xlsx
        case .ppt: .pptx
        }
    }

    /// LibreOffice's export filter for the OOXML equivalent.
    var exportFilter: String {
        switch self {
        case .doc, .rtf: "MS Word 2007 XML"
        case .xls: "Calc MS Excel 2007 XML"
        case .ppt: "Impress MS PowerPoint 2007 XML"
        }
    }

    /// LibreOffice's import filter for the format.
    var importFilter: String {
        switch self {
        case .doc: "MS Word 97"
        case .rtf: "Rich Text Format"
        case .xls: "MS Excel 97"
        case .ppt: "MS PowerPoint 97"
        }
    }

    /// The UNO document model the file is loaded into.
    var documentService: String {
        switch self {
        case .doc, .rtf: "com.sun.star.text.TextDocument"
        case .xls: "com.sun.star.sheet.SpreadsheetDocument"
        case .ppt: "com.sun.star.presentation.PresentationDocument"
        }
    }

    /// The extension of the converted file (what a redacted copy is written as).
    public var convertedExtension: String { family.rawValue }

    /// The legacy format of a file: RTF by its `{\rtf`, else by its extension, else by the
    /// stream names of an OLE compound file's directory.
    /// nil: not one LibreOffice is asked to convert (一太郎, WordPerfect, an unknown OLE file).
    static func detect(ext: String, head: Data) -> LegacyFormat? {
        if head.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        switch ext {
        case "doc", "dot": return .doc
        case "xls", "xlt": return .xls
        case "ppt", "pps", "pot": return .ppt
        case "rtf": return .rtf
        default: break
        }
        // No telling extension: the stream names of the OLE directory (UTF-16LE), when it
        // sits in the head, as it usually does.
        if contains(head, utf16: "WordDocument") { return .doc }
        if contains(head, utf16: "Workbook") { return .xls }
        if contains(head, utf16: "PowerPoint Document") { return .ppt }
        return nil
    }

    private static func contains(_ data: Data, utf16 s: String) -> Bool {
        data.range(of: Data(s.utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] })) != nil
    }
}
