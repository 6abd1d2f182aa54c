import Foundation
import SumiModel

/// What to remove from one file, decided before the redactor runs (by `Sumi`, from the
/// findings and the reviewer's decisions). The redactor never looks for personal data itself:
/// it removes exactly these texts, everywhere they occur, and the places it is told.
public struct RedactionRequest: Sendable {
    /// Texts removed wherever they occur in the file (a given name found once is removed
    /// everywhere in that document), as extracted (not normalized).
    public var texts: [String]
    /// The character written for each removed character of visible text.
    public var mask: Character
    /// Remove what is not personal data but can carry it: all comments of an HTML page,
    /// every annotation but links and every form value of a PDF.
    public var sanitize: Bool
    /// PDF: where to remove, per 1-based page, in poppler's page space (points, origin top-left).
    public var pdfRects: [Int: [BoundingBox]]
    /// PDF: where to draw the black boxes (the whole line height), per page; removal is
    /// only ever under `pdfRects`. Empty: the boxes are drawn at `pdfRects`.
    public var pdfBoxes: [Int: [BoundingBox]] = [:]
    /// XLSX: cells whose value is to be masked whatever it holds (a phone stored as a number
    /// shows as 090-1234-5678 but the file holds 9012345678), by worksheet part.
    public var cells: [String: Set<String>]
    /// Text formats: the charset the file was read in (ICU converter name), so that the copy
    /// is written in the same one.
    public var charset: String?

    public init(texts: [String], mask: Character = "■", sanitize: Bool = false, pdfRects: [Int: [BoundingBox]] = [:],
                cells: [String: Set<String>] = [:], charset: String? = nil) {
        self.texts = texts; self.mask = mask; self.sanitize = sanitize; self.pdfRects = pdfRects
        self.cells = cells; self.charset = charset
    }

    /// The texts worth searching for: distinct, non-empty, longest first (so that 世田谷 太郎
    /// is masked whole before 太郎 alone).
    var searchTexts: [[UInt16]] {
        Array(Set(texts.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }))
            .map { Array($0.utf16) }.sorted { $0.count > $1.count }
    }
}

/// The redacted copy and what the redactor could not do.
public struct RedactionOutput: Sendable {
    public var bytes: Data
    /// Things the reviewer should know (a part dropped, a page with line art covered only).
    public var notes: [String]
    /// Text the file itself asked to be removed went too (a PDF's Redact annotations that
    /// were marked but never applied): the copy may keep less than the request alone removes.
    public var appliedMarkedRedactions: Int

    public init(bytes: Data, notes: [String] = [], appliedMarkedRedactions: Int = 0) {
        self.bytes = bytes; self.notes = notes; self.appliedMarkedRedactions = appliedMarkedRedactions
    }
}

/// A redaction that could not be made. `code` is stable; `message` is Japanese.
public struct RedactionError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public init(code: String, message: String) { self.code = code; self.message = message }
    public var description: String { "\(code): \(message)" }
}

/// One format's redactor: original bytes and a request in, new bytes out.
public protocol FormatRedactor: Sendable {
    func redact(_ data: Data, _ request: RedactionRequest) throws -> RedactionOutput
}

/// The redactor for each format.
public enum RedactorRegistry {
    public static func redactor(for format: FileFormat) -> (any FormatRedactor)? {
        switch format {
        case .txt, .csv: TextRedactor(html: false)
        case .html: TextRedactor(html: true)
        case .docx, .xlsx, .pptx: OOXMLRedactor()
        case .pdf: PDFRedactor()
        // A picture would need its pixels painted over and proven by OCR again: not yet.
        case .image, .unknown: nil
        }
    }
}
