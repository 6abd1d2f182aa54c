/// Where a finding sits. Every field is optional: each format fills what it knows.
public struct Location: Codable, Sendable, Hashable {
    /// 1-based page (PDF) or slide (PPTX).
    public var page: Int?
    /// 1-based line in the extracted text of the file (text formats) or page.
    public var line: Int?
    /// Offset in Unicode scalars into the extracted text of the unit.
    public var start: Int?
    public var end: Int?
    /// PDF points [x0, y0, x1, y1], origin top-left.
    public var bbox: [Double]?
    public var sheet: String?
    /// A1-style reference.
    public var cell: String?
    /// Package part (word/comments.xml) or the name of an attachment.
    public var part: String?
    /// 1-based row and column for CSV (an addition to the schema, which allows extra fields).
    public var row: Int?
    public var column: Int?

    public init(page: Int? = nil, line: Int? = nil, start: Int? = nil, end: Int? = nil,
                bbox: [Double]? = nil, sheet: String? = nil, cell: String? = nil, part: String? = nil,
                row: Int? = nil, column: Int? = nil) {
        self.page = page; self.line = line; self.start = start; self.end = end
        self.bbox = bbox; self.sheet = sheet; self.cell = cell; self.part = part
        self.row = row; self.column = column
    }
}

/// A message to the person reviewing a file: something to check by hand.
public struct Notice: Codable, Sendable, Hashable {
    /// Stable machine code, e.g. `image_only_page`, `decode_errors`, `encrypted`.
    public var code: String
    /// Japanese, for the reviewer.
    public var message: String
    public var page: Int?
    /// Package part or attachment the notice is about (an addition to the schema).
    public var part: String?

    public init(code: String, message: String, page: Int? = nil, part: String? = nil) {
        self.code = code; self.message = message; self.page = page; self.part = part
    }

    /// Whether this notice means part of the file was not read, or a person must look at
    /// it before publishing, so the file may not be called clean.
    public var meansUnread: Bool { NoticeCode.unreadCodes.contains(code) || NoticeCode.reviewCodes.contains(code) }
}

/// The notice codes Sumi emits, in one place so that producers and the status logic agree.
public enum NoticeCode {
    public static let imageOnlyPage = "image_only_page"
    public static let encrypted = "encrypted"
    public static let unsupportedFormat = "unsupported_format"
    public static let decodeErrors = "decode_errors"
    public static let timeLimit = "time_limit"
    public static let sizeLimit = "size_limit"
    public static let coveredText = "covered_text"
    public static let invisibleText = "invisible_text"
    public static let embeddedFile = "embedded_file"
    public static let unreadablePart = "unreadable_part"
    public static let unmappedGlyphs = "unmapped_glyphs"
    public static let readError = "read_error"
    public static let emptyFile = "empty_file"
    public static let combinedIdentification = "combined_identification"
    /// The process reading the file died (a crash in a reader, out of memory): the batch
    /// went on, and this file is an `error` to be checked by hand.
    public static let extractorCrashed = "extractor_crashed"
    /// Text read by OCR from an image at or above the confidence threshold: read, but a person
    /// should compare it with the image (it is not in `unreadCodes`).
    public static let ocrText = "ocr_text"
    /// Images were not OCR'd (`--no-ocr`, or no Tesseract model): said beside `image_only_page`.
    public static let ocrUnavailable = "ocr_unavailable"
    /// A legacy file (.doc, .xls, .ppt, .rtf) was read after LibreOffice converted it to OOXML:
    /// what LibreOffice does not import (macros, some embedded objects) was not read.
    public static let converted = "converted"
    /// LibreOffice could not convert a legacy file (damaged, protected, too slow): an `error`.
    public static let conversionFailed = "conversion_failed"
    /// The rules failed to load, so nothing was checked: the file is an `error`, never clean.
    public static let rulesNotLoaded = "rules_not_loaded"

    /// Codes that mean some content was not read: a file carrying one is never `clean`.
    public static let unreadCodes: Set<String> = [
        imageOnlyPage, encrypted, unsupportedFormat, decodeErrors, timeLimit, sizeLimit,
        unreadablePart, unmappedGlyphs, readError, embeddedFile, extractorCrashed, conversionFailed,
    ]

    /// Codes that need a person even when nothing was found: a black box drawn over text
    /// that can still be copied is a failed redaction whatever the text says (the rules
    /// may simply not know the word someone meant to hide), so such a file is never `clean`.
    public static let reviewCodes: Set<String> = [coveredText]
}
