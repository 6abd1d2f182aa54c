import Foundation

/// The file a request carries: the raw body named by `?filename=` (or by its Content-Type),
/// or the first file part of a multipart/form-data body.
struct Upload {
    var name: String
    var data: Data

    static let extensions: [String: String] = [
        "application/pdf": "pdf", "text/plain": "txt", "text/csv": "csv", "text/html": "html",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    ]

    static func parse(body: Data, contentType: String?, filename: String?) throws -> Upload {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("multipart/form-data"), let boundary = Self.boundary(contentType ?? "") {
            return try multipart(body, boundary: boundary)
        }
        guard !body.isEmpty else { throw APIError.badRequest("ファイルが空です。本文にファイルを入れて送ってください。") }
        if let filename, !filename.isEmpty { return Upload(name: Self.safeName(filename), data: body) }
        let mime = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return Upload(name: "upload." + (extensions[mime] ?? "bin"), data: body)
    }

    /// Only the last path component, so that a name can never point outside the temporary
    /// directory it is written to.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
        let clean = last.filter { $0 != "\0" }
        return clean.isEmpty || clean == "." || clean == ".." ? "upload" : String(clean.prefix(200))
    }

    static func boundary(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces)
            if kv.lowercased().hasPrefix("boundary=") {
                return String(kv.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func multipart(_ body: Data, boundary: String) throws -> Upload {
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Data] = []
        var searchFrom = body.startIndex
        var starts: [Range<Data.Index>] = []
        while let r = body.range(of: delimiter, in: searchFrom..<body.endIndex) { starts.append(r); searchFrom = r.upperBound }
        for (a, b) in zip(starts, starts.dropFirst()) { parts.append(body[a.upperBound..<b.lowerBound]) }
        for part in parts {
            guard let headerEnd = part.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let headers = String(decoding: part[part.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            guard let fn = headers.range(of: "filename=\"") else { continue }
            let rest = headers[fn.upperBound...]
            let name = rest.prefix { $0 != "\"" }
            var content = part[headerEnd.upperBound...]
            if content.suffix(2) == Data("\r\n".utf8) { content = content.dropLast(2) }
            return Upload(name: safeName(String(name)), data: Data(content))
        }
        throw APIError.badRequest("multipart の中にファイルがありません。")
    }
}
