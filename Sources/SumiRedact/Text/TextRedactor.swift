import Foundation
import SumiModel
import SumiText

/// Plain text, CSV and HTML: every occurrence of each removed text becomes one mask character
/// per character (line breaks and tabs kept, so lines and CSV columns stay where they were).
/// Every other byte of the file is copied unchanged: the charset (CP932 stays CP932), the BOM,
/// the line endings, the CSV quoting and, for HTML, the markup and its charset declaration.
/// HTML also loses every comment that held a removed text (with `sanitize`, every comment).
struct TextRedactor: FormatRedactor {
    var html: Bool

    func redact(_ data: Data, _ request: RedactionRequest) throws -> RedactionOutput {
        let charset = request.charset.flatMap(Charset.fromLabel) ?? data.withUnsafeBytes { CharsetGuesser.guess(UnsafeRawBufferPointer(rebasing: $0.prefix(1 << 16))) }
        let codec = CharsetCodec(charset: charset)
        let (units, starts) = try codec.layout(data)
        var needles = request.searchTexts
        if html { needles += request.searchTexts.map { Array(HTMLEscaping.escape(String(decoding: $0, as: UTF16.self)).utf16) } }
        let masked = Occurrences.ranges(of: needles, in: units)
        var deleted: [Range<Int>] = []
        var notes: [String] = []
        if html {
            let comments = HTMLEscaping.comments(in: units)
            deleted = comments.filter { c in request.sanitize || masked.contains { $0.overlaps(c) } }
            if !deleted.isEmpty { notes.append("HTML のコメント \(deleted.count) 個を削除しました。") }
        }
        let mask = try codec.encode(String(request.mask))
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + masked.count * 8)
        out.append(contentsOf: bytes[0..<starts[0]])
        var i = 0
        var m = 0, d = 0
        while i < units.count {
            if d < deleted.count, deleted[d].lowerBound == i { i = deleted[d].upperBound; d += 1; continue }
            while m < masked.count, masked[m].upperBound <= i { m += 1 }
            let inMask = m < masked.count && masked[m].contains(i)
            let isTrail = UTF16.isTrailSurrogate(units[i])
            if inMask && !Occurrences.keepsShape(units[i]) {
                if !isTrail { out.append(contentsOf: mask) }
            } else if !(isTrail && i > 0 && starts[i] == starts[i - 1]) {
                out.append(contentsOf: bytes[starts[i]..<nextStart(starts, i)])
            }
            i += 1
        }
        return RedactionOutput(bytes: Data(out), notes: notes)
    }

    /// Where the character after unit `i` starts (a surrogate pair shares one start).
    private func nextStart(_ starts: [Int], _ i: Int) -> Int {
        var j = i + 1
        while j < starts.count - 1 && starts[j] == starts[i] { j += 1 }
        return starts[j]
    }
}

/// The bits of HTML the text redactor needs: its escaping, and where comments are.
enum HTMLEscaping {
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// `<!-- … -->` ranges, in UTF-16 units.
    static func comments(in units: [UInt16]) -> [Range<Int>] {
        let open = Array("<!--".utf16), close = Array("-->".utf16)
        var out: [Range<Int>] = []
        var i = 0
        while i + open.count <= units.count {
            if units[i] == 0x3C, Array(units[i..<(i + open.count)]) == open {
                var j = i + open.count
                while j + close.count <= units.count, Array(units[j..<(j + close.count)]) != close { j += 1 }
                let end = min(units.count, j + close.count)
                out.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return out
    }
}
