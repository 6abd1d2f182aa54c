/// A piece of extracted text with where it came from: a page, a cell, a comment,
/// a metadata field, a chunk of a text file. Extractors produce units; the rule
/// stage scans each unit and reports findings relative to it.
public struct TextUnit: Sendable {
    /// The text as extracted (not normalized).
    public var text: String {
        get {
            switch storage {
            case .string(let s): s
            case .utf16(let u): String(decoding: u, as: UTF16.self)
            }
        }
        set { storage = .string(newValue) }
    }

    /// The text as UTF-16 code units, which is what the rule stage works on. Large text
    /// chunks are built as UTF-16 and never become a `String` unless someone asks:
    /// the round trip UTF-16 → String → UTF-16 cost a fifth of a text scan.
    public var utf16: [UInt16] {
        switch storage {
        case .string(let s): Array(s.utf16)
        case .utf16(let u): u
        }
    }

    /// Length in UTF-16 units, without copying.
    public var utf16Count: Int {
        switch storage {
        case .string(let s): s.utf16.count
        case .utf16(let u): u.count
        }
    }

    /// The UTF-16 text up to its first line break, if that is at most `limit` units long;
    /// nil for a longer first line. Reads only the start, whatever the unit's size.
    public func firstLine(limit: Int) -> [UInt16]? {
        func line<C: Collection>(_ c: C) -> [UInt16]? where C.Element == UInt16 {
            var units: [UInt16] = []
            for x in c {
                if x == 0x0A || x == 0x0D { break }
                if units.count == limit { return nil }
                units.append(x)
            }
            return units
        }
        switch storage {
        case .string(let s): return line(s.utf16)
        case .utf16(let u): return line(u)
        }
    }

    private enum Storage: Sendable {
        case string(String)
        case utf16([UInt16])
    }
    private var storage: Storage
    /// Which part of the file a reader would find it in.
    public var source: Source
    /// Where the unit sits (page, sheet + cell, part, row/column). Findings copy this
    /// and add offsets, line and bbox.
    public var location: Location
    /// The label of the field the text fills, e.g. a column header (氏名, 住所, 生年月日)
    /// or a form field name. Recognizers use it as context.
    public var fieldLabel: String?
    /// Units with the same key belong together (one table row, one opinion): a sensitive
    /// fact in one cell is tied to a name in another cell of the same row.
    public var groupKey: String?
    /// Line number of the first line of `text` in the file or page (1-based).
    public var firstLine: Int
    /// Offset in Unicode scalars of `text` within the larger text the report counts in
    /// (a text file read in chunks counts offsets from the start of the file).
    public var offsetBase: Int
    /// Number of leading Unicode scalars repeated from the previous chunk so that a match
    /// across a chunk edge is not lost; findings that end inside this prefix were already reported.
    public var overlapPrefix: Int
    /// For PDF: one box per Unicode scalar of `text` (PDF points, origin top-left),
    /// or nil where the format has no geometry.
    public var glyphBoxes: [BoundingBox]?
    /// For text read by OCR: the engine's confidence (0–1) per Unicode scalar of `text`.
    public var glyphConfidences: [Float]?

    /// A unit over UTF-16 text (chunks of large text files).
    public init(utf16: [UInt16], source: Source = .body, location: Location = Location(), fieldLabel: String? = nil,
                groupKey: String? = nil, firstLine: Int = 1, offsetBase: Int = 0, overlapPrefix: Int = 0,
                glyphBoxes: [BoundingBox]? = nil) {
        self.init(text: "", source: source, location: location, fieldLabel: fieldLabel, groupKey: groupKey,
                  firstLine: firstLine, offsetBase: offsetBase, overlapPrefix: overlapPrefix, glyphBoxes: glyphBoxes)
        storage = .utf16(utf16)
    }

    public init(text: String, source: Source = .body, location: Location = Location(), fieldLabel: String? = nil,
                groupKey: String? = nil, firstLine: Int = 1, offsetBase: Int = 0, overlapPrefix: Int = 0,
                glyphBoxes: [BoundingBox]? = nil) {
        self.storage = .string(text); self.source = source; self.location = location; self.fieldLabel = fieldLabel
        self.groupKey = groupKey; self.firstLine = firstLine; self.offsetBase = offsetBase
        self.overlapPrefix = overlapPrefix; self.glyphBoxes = glyphBoxes
    }
}

/// A rectangle in PDF points, origin top-left.
public struct BoundingBox: Sendable, Hashable, Codable {
    public var x0: Double, y0: Double, x1: Double, y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    public var isEmpty: Bool { x1 <= x0 || y1 <= y0 }

    /// The smallest box containing both (empty boxes are ignored).
    public func union(_ other: BoundingBox) -> BoundingBox {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return BoundingBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    public var array: [Double] { [x0, y0, x1, y1] }
}

/// What an extractor learned about a file besides its text.
public struct ExtractionSummary: Sendable {
    public var format: FileFormat
    /// Character set for text formats.
    public var encoding: String?
    /// Pages (PDF) or slides (PPTX).
    public var pages: Int?
    /// Things the reviewer must check by hand; codes in `NoticeCode`.
    public var notices: [Notice]
    /// The file could not be read at all (status `error`).
    public var failed: Bool
    /// The legacy format the file was converted from before reading (`doc`, `xls`, `ppt`, `rtf`).
    public var convertedFrom: String?

    public init(format: FileFormat, encoding: String? = nil, pages: Int? = nil, notices: [Notice] = [], failed: Bool = false) {
        self.format = format; self.encoding = encoding; self.pages = pages; self.notices = notices; self.failed = failed
    }
}
