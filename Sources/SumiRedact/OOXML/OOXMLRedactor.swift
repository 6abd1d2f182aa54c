import Foundation
import ZIPFoundation

/// DOCX, XLSX, PPTX: every XML part is redacted in place (`XMLTextRedactor`): body, tables,
/// headers and footers, notes, comments and their authors, tracked changes and revision
/// authors, text boxes, charts' cached values, SmartArt, shared strings (every cell that uses
/// one), pivot caches, docProps (core, app, custom), customXml, people.xml. The picture of
/// page 1 that Office keeps as `docProps/thumbnail.*` is dropped with its relationship, and
/// embedded Office packages are redacted the same way, recursively. Parts are rewritten in
/// their original order; nothing else changes.
struct OOXMLRedactor: FormatRedactor {
    /// Nested packages deeper than this are dropped rather than redacted.
    var maxDepth = 3

    func redact(_ data: Data, _ request: RedactionRequest) throws -> RedactionOutput {
        try redact(data, request, depth: 0)
    }

    private func redact(_ data: Data, _ request: RedactionRequest, depth: Int) throws -> RedactionOutput {
        let source: Archive
        do { source = try Archive(data: data, accessMode: .read) } catch {
            throw RedactionError(code: "read_error", message: "Office 文書（ZIP）として開けません。")
        }
        let target: Archive
        do { target = try Archive(data: Data(), accessMode: .create) } catch {
            throw RedactionError(code: "write_error", message: "墨消し版を作れませんでした。")
        }
        let finder = Occurrences.Finder(request.searchTexts)
        var notes: [String] = []
        var dropped = Set<String>()
        for entry in source where entry.type == .file && Self.isThumbnail(entry.path) { dropped.insert(entry.path) }
        if !dropped.isEmpty { notes.append("文書の縮小画像（\(dropped.sorted().joined(separator: ", "))）を削除しました。") }
        var written = Set<String>()
        for entry in source where entry.type == .file {
            guard !dropped.contains(entry.path), written.insert(entry.path).inserted else { continue }
            var bytes = Data()
            do {
                _ = try source.extract(entry, skipCRC32: false) { bytes.append($0) }
            } catch {
                throw RedactionError(code: "read_error", message: "部分「\(entry.path)」を読み出せません。")
            }
            let lower = entry.path.lowercased()
            if lower.hasSuffix(".xml") || lower.hasSuffix(".rels") || lower.hasSuffix(".vml") {
                if var xml = String(data: bytes, encoding: .utf8) {
                    if lower.hasSuffix(".rels") || entry.path == "[Content_Types].xml" {
                        xml = Self.removingReferences(to: dropped, in: xml)
                    }
                    var redactor = XMLTextRedactor(finder: finder, mask: request.mask)
                    redactor.cells = request.cells[entry.path] ?? []
                    let (new, _) = redactor.redact(xml)
                    bytes = Data(new.utf8)
                } else {
                    notes.append("部分「\(entry.path)」は UTF-8 の XML ではないため、そのまま残しました。")
                }
            } else if depth < maxDepth, Self.isPackage(lower) {
                do {
                    bytes = try redact(bytes, RedactionRequest(texts: request.texts, mask: request.mask), depth: depth + 1).bytes
                } catch {
                    notes.append("埋め込まれた文書「\(entry.path)」は墨消しできないため削除しました。")
                    continue
                }
            }
            let payload = bytes
            do {
                try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(payload.count),
                                    compressionMethod: .deflate) { position, size in
                    payload.subdata(in: Int(position)..<(Int(position) + size))
                }
            } catch {
                throw RedactionError(code: "write_error", message: "墨消し版に「\(entry.path)」を書けませんでした。")
            }
        }
        guard let out = target.data else { throw RedactionError(code: "write_error", message: "墨消し版を作れませんでした。") }
        return RedactionOutput(bytes: out, notes: notes)
    }

    static func isThumbnail(_ path: String) -> Bool { path.lowercased().hasPrefix("docprops/thumbnail.") }

    static func isPackage(_ lowerPath: String) -> Bool {
        [".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".pptm"].contains { lowerPath.hasSuffix($0) }
    }

    /// A relationship or content-type override that names a dropped part goes with it.
    static func removingReferences(to parts: Set<String>, in xml: String) -> String {
        guard !parts.isEmpty else { return xml }
        var out = xml
        for part in parts {
            for element in ["Relationship", "Override"] {
                while let r = out.range(of: "<\(element) [^>]*\(NSRegularExpression.escapedPattern(for: part))[^>]*/>", options: .regularExpression) {
                    out.removeSubrange(r)
                }
            }
        }
        return out
    }
}
