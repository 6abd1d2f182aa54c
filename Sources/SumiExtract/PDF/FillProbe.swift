import CPoppler
import Foundation

/// A quick look at the raw PDF: does any content stream paint filled shapes (the `f`, `F`,
/// `f*`, `B`, `B*`, `b`, `b*` operators), or is there any image? Text can only be covered by
/// something filled or an image, so a document with neither (most text-only exports) needs
/// no page rendering for covered text.
/// Errs towards "yes": a false yes costs a render, a false no would miss a fake redaction.
enum FillProbe {
    /// What one pass over the raw streams learned.
    struct Survey: Equatable {
        /// Some content stream paints a filled shape, or there is an image.
        var hasFills = false
        /// Content streams whose compressed data is damaged: inflate failed part-way or the
        /// checksum at the end is wrong. poppler then draws and extracts whatever it got
        /// (nothing, or garbage after the break) with only a message on stderr, so a page
        /// can come out empty without being image-only: the file is not fully read.
        var damagedStreams = 0
    }

    static func documentHasFills(_ data: Data, budgetBytes: Int = 64 << 20) -> Bool {
        survey(data, budgetBytes: budgetBytes).hasFills
    }

    static func survey(_ data: Data, budgetBytes: Int = 64 << 20) -> Survey {
        // Works on the (usually memory-mapped) bytes in place: no copy of a large file.
        data.withUnsafeBytes { raw in survey(raw.bindMemory(to: UInt8.self), budgetBytes: budgetBytes) }
    }

    static func documentHasFills(_ bytes: UnsafeBufferPointer<UInt8>, budgetBytes: Int) -> Bool {
        survey(bytes, budgetBytes: budgetBytes).hasFills
    }

    static func survey(_ bytes: UnsafeBufferPointer<UInt8>, budgetBytes: Int) -> Survey {
        var result = Survey()
        var inflated = 0
        var i = 0
        let stream = Array("stream".utf8), end = Array("endstream".utf8)
        while let s = find(stream, in: bytes, from: i) {
            // "endstream" also contains "stream".
            if s >= 3, bytes[s - 3] == UInt8(ascii: "e"), bytes[s - 2] == UInt8(ascii: "n"), bytes[s - 1] == UInt8(ascii: "d") {
                i = s + stream.count; continue
            }
            var start = s + stream.count
            if start < bytes.count, bytes[start] == 0x0D { start += 1 }
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            guard let e = find(end, in: bytes, from: start) else { result.hasFills = true; return result }
            let dictStart = max(0, s - 600)
            let dict = String(decoding: bytes[dictStart..<s], as: UTF8.self)
            let lastDict = dict.range(of: "obj", options: .backwards).map { String(dict[$0.upperBound...]) } ?? dict
            i = e + end.count
            // An image can cover text as well as a filled path can.
            if lastDict.contains("/Subtype /Image") || lastDict.contains("/Subtype/Image") { result.hasFills = true; continue }
            if lastDict.contains("/FontFile") || lastDict.contains("/Length1")
                || lastDict.contains("/XRef") || lastDict.contains("/Metadata") || lastDict.contains("/EmbeddedFile") { continue }
            if inflated > budgetBytes { result.hasFills = true; return result }
            guard let (body, intact) = decodeChecked(UnsafeBufferPointer(rebasing: bytes[start..<e]), dict: lastDict) else {
                result.hasFills = true // a filter we cannot undo: cannot look, assume fills
                continue
            }
            if !intact { result.damagedStreams += 1 }
            if lastDict.contains("/FlateDecode") { inflated += body.count }
            if !result.hasFills, hasFillOperator(body) { result.hasFills = true }
        }
        return result
    }

    /// Whether the file has an `/Encrypt` dictionary (its streams are then ciphertext).
    static func mentionsEncryption(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in find(Array("/Encrypt".utf8), in: raw.bindMemory(to: UInt8.self), from: 0) != nil }
    }

    /// `decode`, and whether the data was whole (every Flate stream ended with its checksum).
    static func decodeChecked(_ raw: UnsafeBufferPointer<UInt8>, dict: String) -> (bytes: [UInt8], intact: Bool)? {
        guard dict.contains("/FlateDecode") || dict.contains("/Fl ") else {
            return decode(raw, dict: dict).map { ($0, true) }
        }
        var data = Array(raw)
        if dict.contains("/ASCII85Decode") || dict.contains("/A85") {
            guard let d = ascii85(data) else { return ([], false) }
            data = d
        }
        let filters = dict.components(separatedBy: "/").filter { $0.hasSuffix("Decode") || $0.hasPrefix("Decode") }
        if filters.contains(where: { !$0.hasPrefix("FlateDecode") && !$0.hasPrefix("ASCII85Decode") }) { return nil }
        var complete = false
        let out = data.withUnsafeBufferPointer { inflate($0[...], cap: 16 << 20, complete: &complete) }
        return (out ?? [], complete)
    }

    /// The stream's bytes with its filters undone: none, FlateDecode, or ASCII85Decode then
    /// FlateDecode (as reportlab writes). Nil for other filters.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, dict: String) -> [UInt8]? {
        let hasFlate = dict.contains("/FlateDecode") || dict.contains("/Fl ")
        let hasA85 = dict.contains("/ASCII85Decode") || dict.contains("/A85")
        let filters = dict.components(separatedBy: "/").filter { $0.hasSuffix("Decode") || $0.hasPrefix("Decode") }
        if !dict.contains("/Filter") { return Array(raw) }
        if filters.contains(where: { !$0.hasPrefix("FlateDecode") && !$0.hasPrefix("ASCII85Decode") }) { return nil }
        var data = Array(raw)
        if hasA85 { guard let d = ascii85(data) else { return nil }; data = d }
        if hasFlate {
            guard let out = data.withUnsafeBufferPointer({ inflate($0[...], cap: 16 << 20) }) else { return nil }
            data = out
        }
        return data
    }

    /// ASCII85 (PDF's ASCII85Decode): groups of five '!'…'u' characters, 'z' for four zero bytes, '~>' ends.
    static func ascii85(_ input: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 4 / 5)
        var group: [UInt32] = []
        func flush(_ n: Int) {
            var v: UInt32 = 0
            var g = group
            while g.count < 5 { g.append(84) }
            for c in g { v = v &* 85 &+ c }
            let b = [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            out.append(contentsOf: b.prefix(n))
            group.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "~") { break }
            if c == UInt8(ascii: "z") && group.isEmpty { out.append(contentsOf: [0, 0, 0, 0]) }
            else if c >= 33 && c <= 117 {
                group.append(UInt32(c - 33))
                if group.count == 5 { flush(4) }
            } else if !(c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0) { return nil }
            i += 1
        }
        if group.count == 1 { return nil }
        if !group.isEmpty { flush(group.count - 1) }
        return out
    }

    /// A fill operator as a separate token (outside strings, roughly: a false hit only costs a render).
    static func hasFillOperator(_ b: [UInt8]) -> Bool {
        func delim(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }
        var i = 0
        var inString = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "(") { inString += 1 } else if c == UInt8(ascii: ")") { inString = max(0, inString - 1) }
            else if c == UInt8(ascii: "\\") && inString > 0 { i += 2; continue }
            else if inString == 0, c == UInt8(ascii: "f") || c == UInt8(ascii: "F") || c == UInt8(ascii: "B") || c == UInt8(ascii: "b") {
                let before = i == 0 || delim(b[i - 1])
                var j = i + 1
                if j < b.count, b[j] == UInt8(ascii: "*") { j += 1 }
                let after = j >= b.count || delim(b[j])
                if before && after { return true }
            }
            i += 1
        }
        return false
    }

    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard needle.count <= hay.count, from <= hay.count - needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i <= hay.count - needle.count {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func inflate(_ input: Slice<UnsafeBufferPointer<UInt8>>, cap: Int) -> [UInt8]? {
        var complete = false
        return inflate(input, cap: cap, complete: &complete)
    }

    /// Inflates up to `cap` bytes; `complete` says whether the data was healthy: it reached
    /// its end with a good checksum, or was healthy up to `cap`. False for damaged or
    /// truncated data.
    static func inflate(_ input: Slice<UnsafeBufferPointer<UInt8>>, cap: Int, complete: inout Bool) -> [UInt8]? {
        var strm = z_stream()
        guard inflateInit_(&strm, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&strm) }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var src = Array(input)
        var ended = false
        defer { complete = ended }
        let ok: Bool = src.withUnsafeMutableBufferPointer { sp in
            strm.next_in = sp.baseAddress
            strm.avail_in = uInt(sp.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { cp in
                    strm.next_out = cp.baseAddress
                    strm.avail_out = uInt(cp.count)
                    return CPoppler.inflate(&strm, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(strm.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { ended = true; return true }
                if status == Z_OK && out.count > cap { ended = true; return true }
                if status != Z_OK { return !out.isEmpty }
                if strm.avail_in == 0 && produced == 0 { return !out.isEmpty }
            }
        }
        return ok ? out : nil
    }
}
