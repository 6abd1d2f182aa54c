import CICUBridge
import Foundation

/// A character set Sumi can decode, named as the report names it.
public struct Charset: Hashable, Sendable, CustomStringConvertible {
    /// Name for the report (`UTF-8`, `Shift_JIS`, `EUC-JP`, `ISO-2022-JP`, `UTF-16LE`, `UTF-16BE`).
    public var name: String
    /// ICU converter name. Shift_JIS is decoded as windows-31j (CP932) so that the NEC
    /// and IBM extensions real municipal files use (①, ㈱, 髙) decode.
    public var converter: String
    /// Bytes to skip at the start (a byte order mark).
    public var bomLength: Int

    public static let utf8 = Charset(name: "UTF-8", converter: "UTF-8", bomLength: 0)
    public static let utf8BOM = Charset(name: "UTF-8", converter: "UTF-8", bomLength: 3)
    public static let shiftJIS = Charset(name: "Shift_JIS", converter: "windows-31j", bomLength: 0)
    public static let eucJP = Charset(name: "EUC-JP", converter: "EUC-JP", bomLength: 0)
    public static let iso2022JP = Charset(name: "ISO-2022-JP", converter: "ISO-2022-JP", bomLength: 0)
    public static let utf16LE = Charset(name: "UTF-16LE", converter: "UTF-16LE", bomLength: 2)
    public static let utf16BE = Charset(name: "UTF-16BE", converter: "UTF-16BE", bomLength: 2)

    public var description: String { name }

    /// Maps a label from HTML `<meta charset>` or an HTTP-style header to a charset.
    public static func fromLabel(_ label: String) -> Charset? {
        switch label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8": .utf8
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms932", "ms_kanji", "csshiftjis": .shiftJIS
        case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese": .eucJP
        case "iso-2022-jp", "csiso2022jp": .iso2022JP
        case "utf-16le": Charset(name: "UTF-16LE", converter: "UTF-16LE", bomLength: 0)
        case "utf-16be": Charset(name: "UTF-16BE", converter: "UTF-16BE", bomLength: 0)
        case "utf-16": .utf16LE
        default: nil
        }
    }
}

/// Decoded text with what was learned while decoding.
public struct DecodedText: Sendable {
    public var text: String
    public var charset: Charset
    /// Byte sequences that could not be decoded (each became U+FFFD).
    public var errorCount: Int
    /// The bytes look like binary data, not text in any charset.
    public var looksBinary: Bool
}

/// Guesses the charset of bytes that claim to be text.
///
/// Order: byte order mark; strict UTF-8; ISO-2022-JP escapes; then the Japanese legacy
/// charsets by which decodes with fewest errors and most kana; ICU's detector last.
public enum CharsetGuesser {
    public static func guess(_ sample: UnsafeRawBufferPointer) -> Charset {
        let b = sample.bindMemory(to: UInt8.self)
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return .utf8BOM }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return .utf16LE }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return .utf16BE }
        if let utf16 = guessBOMlessUTF16(b) { return utf16 }
        let highBytes = b.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        if highBytes == 0 {
            if containsISO2022Escape(b) { return .iso2022JP }
            return .utf8
        }
        let utf8Errors = UTF8Validation.invalidSequences(b, allowTruncatedEnd: true)
        // Mostly valid UTF-8 with a stray bad byte is still UTF-8 (reported as decode errors).
        let utf8Multibyte = UTF8Validation.multibyteSequences(b)
        if utf8Errors == 0 || (utf8Multibyte >= 8 && utf8Errors * 50 < utf8Multibyte) { return .utf8 }
        let candidates: [Charset] = [.shiftJIS, .eucJP]
        var best: (Charset, Int, Int)? = nil
        for c in candidates {
            let (text, errors) = decodeWhole(b, c)
            let score = japaneseScore(text)
            if best == nil || errors < best!.1 || (errors == best!.1 && score > best!.2) {
                best = (c, errors, score)
            }
        }
        if let best, best.1 == 0 { return best.0 }
        // Neither decodes cleanly: ask ICU's statistical detector, then fall back to the best.
        var name = [CChar](repeating: 0, count: 64)
        let confidence = sumi_detect_charset(b.baseAddress, Int32(min(b.count, 1 << 20)), &name, 64)
        if confidence >= 50 {
            let label = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let c = Charset.fromLabel(label) { return c }
        }
        return best?.0 ?? .utf8
    }

    /// UTF-16 without a BOM shows as NUL bytes in every other position for ASCII text.
    static func guessBOMlessUTF16(_ b: UnsafeBufferPointer<UInt8>) -> Charset? {
        let n = min(b.count, 4096) & ~1
        guard n >= 16 else { return nil }
        var evenZero = 0, oddZero = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenZero += 1 }
            if b[i + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        if oddZero * 10 > pairs * 3 && evenZero * 20 < pairs { return Charset(name: "UTF-16LE", converter: "UTF-16LE", bomLength: 0) }
        if evenZero * 10 > pairs * 3 && oddZero * 20 < pairs { return Charset(name: "UTF-16BE", converter: "UTF-16BE", bomLength: 0) }
        return nil
    }

    static func containsISO2022Escape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 3 else { return false }
        for i in 0..<(b.count - 2) where b[i] == 0x1B && b[i + 1] == 0x24 && (b[i + 2] == 0x42 || b[i + 2] == 0x40) {
            return true
        }
        return false
    }

    static func decodeWhole(_ b: UnsafeBufferPointer<UInt8>, _ c: Charset) -> (String, Int) {
        guard let decoder = StreamingDecoder(c) else { return ("", Int.max) }
        let units = decoder.decode(UnsafeRawBufferPointer(b), flush: true)
        return (String(decoding: units, as: UTF16.self), decoder.errorCount)
    }

    /// Hiragana and katakana are frequent in Japanese text and rare in mis-decoded bytes.
    static func japaneseScore(_ s: String) -> Int {
        var score = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x3041...0x309F, 0x30A0...0x30FF: score += 2
            case 0x3000...0x303F: score += 1
            case 0x4E00...0x9FFF: score += 1
            case 0xFF61...0xFF9F: score -= 1 // half-width katakana: typical of a wrong guess
            default: break
            }
        }
        return score
    }

    /// Binary data: NUL and other control bytes that text files do not contain.
    public static func looksBinary(_ sample: UnsafeRawBufferPointer, charset: Charset) -> Bool {
        if charset.name.hasPrefix("UTF-16") { return false }
        let b = sample.bindMemory(to: UInt8.self)
        guard !b.isEmpty else { return false }
        var control = 0
        for x in b where x < 0x20 && x != 0x09 && x != 0x0A && x != 0x0D && x != 0x0C && x != 0x1B {
            control += 1
        }
        return control * 100 > b.count * 2 || b.prefix(8192).contains(0)
    }
}

/// Strict UTF-8 checks without decoding.
enum UTF8Validation {
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    static func invalidSequences(_ b: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Int {
        var i = 0, bad = 0
        while i < b.count {
            let len = sequenceLength(b[i])
            if len == 0 { bad += 1; i += 1; continue }
            if i + len > b.count { if !allowTruncatedEnd { bad += 1 }; break }
            var ok = true
            for k in 1..<len where b[i + k] & 0xC0 != 0x80 { ok = false }
            if ok && len == 3 {
                let v = (UInt32(b[i] & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6)
                if v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) { ok = false }
            }
            if ok && len == 4 {
                let v = (UInt32(b[i] & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
                if v < 0x10000 || v > 0x10FFFF { ok = false }
            }
            if ok { i += len } else { bad += 1; i += 1 }
        }
        return bad
    }

    static func multibyteSequences(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for x in b where x >= 0xC2 && x <= 0xF4 { n += 1 }
        return n
    }
}

/// Decodes a byte stream chunk by chunk, keeping converter state across chunks so a
/// multi-byte character split at a chunk edge still decodes. Counts undecodable sequences.
public final class StreamingDecoder {
    private let handle: OpaquePointer
    public let charset: Charset
    public private(set) var errorCount = 0
    private var skippedBOM = false

    public init?(_ charset: Charset) {
        guard let h = sumi_decoder_open(charset.converter) else { return nil }
        handle = h
        self.charset = charset
    }

    deinit { sumi_decoder_close(handle) }

    /// Decodes one chunk into UTF-16. `flush` on the last chunk.
    public func decode(_ bytes: UnsafeRawBufferPointer, flush: Bool) -> [UInt16] {
        var bytes = bytes
        if !skippedBOM {
            skippedBOM = true
            if charset.bomLength > 0 && bytes.count >= charset.bomLength {
                bytes = UnsafeRawBufferPointer(rebasing: bytes[charset.bomLength...])
            }
        }
        let capacity = bytes.count * 2 + 16
        var out = [UInt16](repeating: 0, count: capacity)
        var errors: Int64 = 0
        let n = out.withUnsafeMutableBufferPointer { o in
            sumi_decoder_decode(handle, bytes.bindMemory(to: UInt8.self).baseAddress, Int32(bytes.count),
                                o.baseAddress, Int32(capacity), flush ? 1 : 0, &errors)
        }
        errorCount += Int(errors)
        if n < 0 { errorCount += 1; return [] }
        out.removeSubrange(Int(n)...)
        return out
    }
}

extension DecodedText {
    /// Decodes a whole buffer: charset from `declared` if given, else guessed.
    public static func decode(_ data: Data, declared: Charset? = nil) -> DecodedText {
        data.withUnsafeBytes { raw in
            let sample = UnsafeRawBufferPointer(rebasing: raw[0..<min(raw.count, 1 << 16)])
            let charset = declared ?? CharsetGuesser.guess(sample)
            let binary = CharsetGuesser.looksBinary(sample, charset: charset)
            guard let decoder = StreamingDecoder(charset) else {
                return DecodedText(text: "", charset: charset, errorCount: 1, looksBinary: binary)
            }
            let units = decoder.decode(raw, flush: true)
            return DecodedText(text: String(decoding: units, as: UTF16.self), charset: charset,
                               errorCount: decoder.errorCount, looksBinary: binary)
        }
    }
}
