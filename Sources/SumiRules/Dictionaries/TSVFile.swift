import Foundation

/// The dictionaries under Rules/dict/ as rows of strings, for the smaller tables and for
/// code that wants `String`s; `FastTSV` does the byte-level reading (`#` lines are comments).
enum TSVFile {
    /// Calls `row` with the fields of every data line, decoded as strings.
    static func forEachRow(_ url: URL, file: String, _ row: ([String]) throws -> Void) throws {
        let bytes = try FastTSV.read(url, file: file)
        var failure: (any Error)?
        FastTSV.forEachRow(bytes) { fields in
            guard failure == nil else { return }
            do { try row(fields.map { String(decoding: bytes[$0], as: UTF8.self) }) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
