import Foundation
import SumiModel
import SumiText

/// CSV/TSV: decoded like text, one unit per cell. The header row labels every cell
/// below it (a column headed 氏名 marks its cells as names), and the cells of a row
/// form a group so a fact in one cell can be tied to a name in another.
public struct CSVExtractor: Extractor {
    /// CSV files are read whole; larger ones are read as plain text in chunks.
    public static let maxBytes = 64 << 20
    /// A line longer than this is no table row (a 120 MB one-line CSV took 3.5 GB and ignored
    /// the time limit as one cell): such a file is read as plain text in chunks.
    public static let maxLineBytes = 1 << 20
    /// The format the report names (a tab-separated .txt is still a txt file).
    public var reportedFormat: FileFormat
    /// Forced delimiter; nil decides by name (.tsv) and by the first line.
    public var delimiter: Character?

    public init(reportedFormat: FileFormat = .csv, delimiter: Character? = nil) {
        self.reportedFormat = reportedFormat
        self.delimiter = delimiter
    }

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        let data = try input.readAll()
        if data.isEmpty {
            return ExtractionSummary(format: reportedFormat, notices: [Notice.emptyFile])
        }
        if data.count > Self.maxBytes || Self.longestLine(data) > Self.maxLineBytes {
            var text = PlainTextExtractor()
            text.reportedFormat = reportedFormat
            return try text.extract(input, emit: emit)
        }
        let sample = data.prefix(1 << 16)
        let charset = sample.withUnsafeBytes { CharsetGuesser.guess($0) }
        if sample.withUnsafeBytes({ CharsetGuesser.looksBinary($0, charset: charset) }) {
            throw ExtractionError(code: NoticeCode.decodeErrors, message: "CSV として読めないバイナリデータです。")
        }
        let decoded = DecodedText.decode(data, declared: charset)
        let delimiter: Character = self.delimiter
            ?? (input.name.lowercased().hasSuffix(".tsv") || Self.prefersTab(decoded.text) ? "\t" : ",")
        var header: [String] = []
        var headerRow: Int? = nil
        var timedOut = false
        for (rowIndex, row) in CSVParser.rows(decoded.text, delimiter: delimiter).enumerated() {
            // The header is the first row with two or more filled cells: exports often start
            // with a title row (「〇〇名簿」) above the column headers.
            if headerRow == nil, row.cells.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).count >= 2 {
                headerRow = rowIndex
                header = row.cells.map { $0.trimmingCharacters(in: .whitespaces) }
            }
            for (col, cell) in row.cells.enumerated() where !cell.isEmpty {
                let label = headerRow == nil || rowIndex == headerRow ? nil
                    : (col < header.count && !header[col].isEmpty ? header[col] : nil)
                let location = Location(line: row.line, cell: A1.reference(row: rowIndex + 1, column: col + 1),
                                        row: rowIndex + 1, column: col + 1)
                try emit(TextUnit(text: cell, source: .body, location: location, fieldLabel: label,
                                  groupKey: "row:\(rowIndex + 1)", firstLine: row.line))
            }
            if input.timeIsUp { timedOut = true; break }
        }
        var notices: [Notice] = []
        if decoded.errorCount > 0 {
            notices.append(Notice.decodeErrors(charset: decoded.charset.name, count: decoded.errorCount))
        }
        if timedOut {
            notices.append(Notice.timeLimit)
        }
        return ExtractionSummary(format: reportedFormat, encoding: decoded.charset.name, notices: notices)
    }

    /// Bytes of the longest line (a pass over the bytes, no decoding).
    static func longestLine(_ data: Data) -> Int {
        data.withUnsafeBytes { raw in
            var longest = 0, current = 0
            for b in raw.bindMemory(to: UInt8.self) {
                if b == 0x0A { longest = max(longest, current); current = 0 } else { current += 1 }
            }
            return max(longest, current)
        }
    }

    static func prefersTab(_ text: String) -> Bool {
        let firstLine = text.split(separator: "\n", maxSplits: 8).first { $0.contains("\t") || $0.contains(",") } ?? ""
        return firstLine.filter { $0 == "\t" }.count > firstLine.filter { $0 == "," }.count
    }
}

/// Tells a tab-separated table saved as .txt from prose: at least three lines with two
/// or more tabs each, and they make up most of the non-empty lines of the sample.
enum TableSniffer {
    static func isTabSeparated(_ sample: String) -> Bool {
        let lines = sample.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !lines.isEmpty else { return false }
        let tabbed = lines.filter { $0.filter { $0 == "\t" }.count >= 2 }.count
        return tabbed >= 3 && tabbed * 3 >= lines.count * 2
    }
}

/// RFC 4180 parsing, tolerant of bad quoting (a stray quote is kept as text).
enum CSVParser {
    struct Row {
        var cells: [String]
        /// 1-based line where the row starts.
        var line: Int
    }

    static func rows(_ text: String, delimiter: Character) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                inQuotes = true
            } else if c == delimiter {
                cells.append(cell); cell = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                cells.append(cell); cell = ""
                rows.append(Row(cells: cells, line: rowLine))
                cells = []
                line += 1
                rowLine = line
            } else {
                cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !cells.isEmpty {
            cells.append(cell)
            rows.append(Row(cells: cells, line: rowLine))
        }
        return rows
    }
}

/// A1-style cell references.
public enum A1 {
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row) }

    public static func columnName(_ column: Int) -> String {
        var n = column
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
