import CPoppler
import Foundation
import SumiModel
import SumiText
import ZIPFoundation

/// The proof that does not trust Sumi's own reader: every removed text is looked for in the
/// redacted file's raw bytes — in UTF-8, UTF-16LE, UTF-16BE and CP932, XML- and HTML-escaped —
/// inside every part of an Office package (inflated, nested packages too), inside every
/// stream of a PDF (inflated) and in what `pdftotext` makes of the PDF. Anything found is a
/// leak and the copy is not published.
public enum LeakCheck {
    /// A removed text found in the output: where, in which form. No text in the clear.
    public struct Leak: Sendable, Hashable {
        /// Index into the texts checked.
        public var textIndex: Int
        public var place: String
        public var form: String
    }

    /// Texts shorter than this, or shorter digit strings, are not searched for in bytes: a
    /// one-kanji given name or 「12」 occurs in any binary by chance. The re-scan still covers them.
    static func searchable(_ text: String) -> Bool {
        let t = text.filter { !$0.isWhitespace }
        if t.count < 2 { return false }
        if t.allSatisfy(\.isASCII) && t.count < 4 { return false }
        return true
    }

    public static func leaks(in output: Data, format: FileFormat, texts: [String]) -> [Leak] {
        // Every form of every searchable text, searched for at once in each place.
        var needles: [[UInt8]] = [], owner: [(index: Int, form: String)] = []
        for (i, t) in texts.enumerated() where searchable(t) {
            for (name, bytes) in byteForms(t) where !bytes.isEmpty { needles.append([UInt8](bytes)); owner.append((i, name)) }
        }
        let forms = MultiSearch(needles)
        var found = Set<Leak>()
        func search(_ bytes: Data, place: String) {
            for n in forms.containsAny(in: [UInt8](bytes)) { found.insert(Leak(textIndex: owner[n].index, place: place, form: owner[n].form)) }
        }
        search(output, place: "file")
        switch format {
        case .docx, .xlsx, .pptx: forEachPart(output, prefix: "") { search($1, place: $0) }
        case .pdf:
            for (i, stream) in PDFStreams.decoded(output).enumerated() { search(stream, place: "stream \(i + 1)") }
            if let text = pdftotext(output) {
                let flat = Array(text.filter { !$0.isWhitespace }.utf16)
                let indices = texts.indices.filter { searchable(texts[$0]) }
                let words = MultiSearch(indices.map { Array(texts[$0].filter { !$0.isWhitespace }.utf16) })
                for n in words.containsAny(in: flat) { found.insert(Leak(textIndex: indices[n], place: "pdftotext", form: "text")) }
            }
        default: break
        }
        return found.sorted { ($0.textIndex, $0.place) < ($1.textIndex, $1.place) }
    }

    /// The byte sequences a text can take in a file.
    static func byteForms(_ text: String) -> [(String, Data)] {
        var forms: [(String, Data)] = [("utf-8", Data(text.utf8))]
        let xml = XMLEscaping.escape(text, attribute: true)
        if xml != text { forms.append(("utf-8 escaped", Data(xml.utf8))) }
        var le = Data(), be = Data()
        for u in text.utf16 { le.append(UInt8(u & 0xFF)); le.append(UInt8(u >> 8)); be.append(UInt8(u >> 8)); be.append(UInt8(u & 0xFF)) }
        forms.append(("utf-16le", le)); forms.append(("utf-16be", be))
        for (name, charset) in [("cp932", Charset.shiftJIS), ("euc-jp", Charset.eucJP)] {
            if let b = try? CharsetCodec(charset: charset).encode(text) {
                forms.append((name, Data(b)))
            }
        }
        return forms
    }

    /// Every part of a zip package, inflated, with nested packages opened too.
    static func forEachPart(_ data: Data, prefix: String, depth: Int = 0, _ body: (String, Data) -> Void) {
        guard depth < 4, let archive = try? Archive(data: data, accessMode: .read) else { return }
        for entry in archive where entry.type == .file {
            var bytes = Data()
            guard (try? archive.extract(entry, skipCRC32: true) { bytes.append($0) }) != nil else { continue }
            body(prefix + entry.path, bytes)
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { forEachPart(bytes, prefix: prefix + entry.path + "!", depth: depth + 1, body) }
        }
    }

    /// `pdftotext` (poppler-utils) of the file, or nil when it is not installed.
    static func pdftotext(_ data: Data) -> String? {
        guard let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
              let dir = try? PrivateDirectory() else { return nil }
        defer { dir.remove() }
        let file = dir.url.appendingPathComponent("out.pdf"), text = dir.url.appendingPathComponent("out.txt")
        guard (try? data.write(to: file)) != nil,
              let run = try? ChildProcess.run(URL(fileURLWithPath: tool), ["-enc", "UTF-8", file.path, text.path], timeLimit: 120),
              run.status == 0, let out = try? Data(contentsOf: text) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The streams of a PDF with their Flate filter undone (what a determined reader would do
/// with a hex editor and zlib), found by scanning for `stream` … `endstream`.
enum PDFStreams {
    static func decoded(_ data: Data) -> [Data] {
        let bytes = [UInt8](data)
        var out: [Data] = []
        let open = Array("stream".utf8), close = Array("endstream".utf8)
        var i = 0
        while let s = find(open, in: bytes, from: i) {
            if s >= 3, bytes[s - 3] == 0x65, bytes[s - 2] == 0x6E, bytes[s - 1] == 0x64 { i = s + open.count; continue }
            var start = s + open.count
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            guard let e = find(close, in: bytes, from: start) else { break }
            i = e + close.count
            let raw = Array(bytes[start..<e])
            if let inflated = inflate(raw) { out.append(Data(inflated)) } else { out.append(Data(raw)) }
        }
        return out
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count, from <= hay.count - needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func inflate(_ input: [UInt8], cap: Int = 256 << 20) -> [UInt8]? {
        var strm = z_stream()
        guard inflateInit_(&strm, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&strm) }
        var src = input
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let ok: Bool = src.withUnsafeMutableBufferPointer { sp in
            strm.next_in = sp.baseAddress
            strm.avail_in = uInt(sp.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { cp in
                    strm.next_out = cp.baseAddress
                    strm.avail_out = uInt(cp.count)
                    return CPoppler.inflate(&strm, Z_NO_FLUSH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(strm.avail_out))])
                if status == Z_STREAM_END { return true }
                if status != Z_OK || out.count > cap { return !out.isEmpty }
                if strm.avail_in == 0 { return !out.isEmpty }
            }
        }
        return ok ? out : nil
    }
}
