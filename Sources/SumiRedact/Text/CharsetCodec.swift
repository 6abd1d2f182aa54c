import CICUBridge
import Foundation
import SumiText

/// The byte layout of text in one of the charsets Sumi reads, so that a redacted copy can
/// keep every byte it does not change: where each UTF-16 unit of the decoded text starts in
/// the file, and how to write a replacement in the same charset.
struct CharsetCodec {
    let charset: Charset

    /// Bytes of the BOM the file starts with (kept as is).
    func bomLength(_ data: Data) -> Int {
        guard charset.bomLength > 0, data.count >= charset.bomLength else { return 0 }
        let bom: [UInt8]
        switch charset.converter {
        case "UTF-16LE": bom = [0xFF, 0xFE]
        case "UTF-16BE": bom = [0xFE, 0xFF]
        default: bom = [0xEF, 0xBB, 0xBF]
        }
        return Array(data.prefix(bom.count)) == bom ? bom.count : 0
    }

    /// The decoded text (after the BOM) and the byte offset of each unit, plus the end.
    /// Nil for a charset whose bytes cannot be split per character without state
    /// (ISO-2022-JP), or when the layout disagrees with the decoder.
    func layout(_ data: Data) throws -> (units: [UInt16], starts: [Int]) {
        let bom = bomLength(data)
        guard let decoder = StreamingDecoder(charset) else {
            throw RedactionError(code: "unsupported_charset", message: "文字コード \(charset.name) の墨消しには対応していません。")
        }
        let units = data.withUnsafeBytes { raw in decoder.decode(raw, flush: true) }
        guard decoder.errorCount == 0 else {
            throw RedactionError(code: "decode_errors", message: "読めない文字があるため、元の文字コードのまま書き出せません。")
        }
        let bytes = [UInt8](data)
        var starts: [Int] = []
        starts.reserveCapacity(units.count + 1)
        var i = bom
        switch charset.converter {
        case "UTF-8":
            while i < bytes.count {
                let b = bytes[i]
                let n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                starts.append(i)
                if n == 4 { starts.append(i) } // a surrogate pair: both units start here
                i += n
            }
        case "UTF-16LE", "UTF-16BE":
            while i < bytes.count { starts.append(i); i += 2 }
        case "windows-31j", "Shift_JIS":
            while i < bytes.count {
                let b = bytes[i]
                starts.append(i)
                i += (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) ? 2 : 1
            }
        case "EUC-JP":
            while i < bytes.count {
                let b = bytes[i]
                starts.append(i)
                i += b == 0x8F ? 3 : (b == 0x8E || (0xA1...0xFE).contains(b)) ? 2 : 1
            }
        default:
            throw RedactionError(code: "unsupported_charset", message: "文字コード \(charset.name) の墨消しには対応していません。UTF-8 などで保存し直してください。")
        }
        guard starts.count == units.count else {
            throw RedactionError(code: "unsupported_charset", message: "文字コード \(charset.name) の文字の区切りを確定できないため、墨消しできません。")
        }
        starts.append(bytes.count)
        return (units, starts)
    }

    /// `text` in this charset (no BOM); throws when a character has no mapping in it.
    func encode(_ text: String) throws -> [UInt8] {
        let src = Array(text.utf16)
        if src.isEmpty { return [] }
        var cap = src.count * 4 + 16
        while true {
            var out = [UInt8](repeating: 0, count: cap)
            let n = out.withUnsafeMutableBufferPointer { o in
                src.withUnsafeBufferPointer { s in sumi_encode(charset.converter, s.baseAddress, Int32(s.count), o.baseAddress, Int32(cap)) }
            }
            if n >= 0 { return Array(out.prefix(Int(n))) }
            if n == -3 { cap *= 2; continue }
            throw RedactionError(code: "unencodable_mask", message: "墨消しの文字「\(text)」を \(charset.name) で書けません。--mask で別の文字を指定してください。")
        }
    }
}
