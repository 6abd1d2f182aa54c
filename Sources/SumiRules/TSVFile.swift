import Foundation

/// Reads the tab-separated dictionaries under Rules/dict/ quickly: they hold hundreds of
/// thousands of rows, and splitting them as Swift `String`s (grapheme by grapheme) costs
/// more than a second per scan start. Works on UTF-8 bytes; `#` lines are comments.
enum TSVFile {
    /// Calls `row` with the fields of every data line, decoded as strings.
    static func forEachRow(_ url: URL, file: String, _ row: ([String]) throws -> Void) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RuleLoadError(file: file, message: "読めません (cannot read): \(error.localizedDescription)")
        }
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var fields: [String] = []
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                if end > lineStart, bytes[lineStart] != 0x23 /* # */ {
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    for i in lineStart...end where i == end || bytes[i] == 0x09 {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self))
                        fieldStart = i + 1
                    }
                    try row(fields)
                }
                lineStart = lineEnd + 1
            }
        }
    }
}
