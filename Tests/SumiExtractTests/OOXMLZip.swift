import Foundation
import ZIPFoundation

/// Builds small OOXML packages in memory for tests of single constructs; whole documents
/// come from the corpus (made by python-docx / openpyxl / python-pptx).
enum OOXMLZip {
    static func make(_ parts: [String: String], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: compression) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try XCTUnwrapData(archive.data)
    }

    static func rels(_ entries: [(String, String, String)]) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + entries.map { "<Relationship Id=\"\($0.0)\" Type=\"\(base)\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
            + "</Relationships>"
    }

    private static func XCTUnwrapData(_ d: Data?) throws -> Data {
        guard let d else { throw NSError(domain: "OOXMLZip", code: 1) }
        return d
    }
}
