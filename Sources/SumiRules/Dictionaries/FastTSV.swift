import Foundation
import SumiText

/// Reads the large dictionary TSVs (280k names, 81k towns) as bytes: Swift's
/// Character-level `split` costs about a second per load, and a scan loads them once.
enum FastTSV {
    /// Calls `body` for every line that is not empty and does not start with "#",
    /// with the byte ranges of its tab-separated fields.
    static func forEachRow(_ bytes: [UInt8], _ body: (_ fields: [Range<Int>]) -> Void) {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8)
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            var end = lineStart
            while end < n && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd > lineStart && bytes[lineStart] != 0x23 {
                fields.removeAll(keepingCapacity: true)
                var f = lineStart
                for i in lineStart...lineEnd where i == lineEnd || bytes[i] == 0x09 {
                    fields.append(f..<i)
                    f = i + 1
                }
                body(fields)
            }
            lineStart = end + 1
        }
    }

    /// UTF-16 units of a UTF-8 byte range (the files are valid UTF-8; bad bytes become U+FFFD).
    static func utf16(_ bytes: [UInt8], _ r: Range<Int>) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(r.count / 2 + 1)
        var i = r.lowerBound
        while i < r.upperBound {
            let b = bytes[i]
            var scalar: UInt32
            var len: Int
            if b < 0x80 { scalar = UInt32(b); len = 1 }
            else if b >> 5 == 0x6 { scalar = UInt32(b & 0x1F); len = 2 }
            else if b >> 4 == 0xE { scalar = UInt32(b & 0x0F); len = 3 }
            else if b >> 3 == 0x1E { scalar = UInt32(b & 0x07); len = 4 }
            else { out.append(0xFFFD); i += 1; continue }
            guard i + len <= r.upperBound else { out.append(0xFFFD); break }
            for k in 1..<len { scalar = (scalar << 6) | UInt32(bytes[i + k] & 0x3F) }
            if scalar >= 0x10000 {
                let v = scalar - 0x10000
                out.append(UInt16(0xD800 + (v >> 10)))
                out.append(UInt16(0xDC00 + (v & 0x3FF)))
            } else {
                out.append(UInt16(scalar))
            }
            i += len
        }
        return out
    }

    static func equals(_ bytes: [UInt8], _ r: Range<Int>, _ ascii: UInt8) -> Bool {
        r.count == 1 && bytes[r.lowerBound] == ascii
    }

    /// A dictionary entry in the form the normalized text has. Plain kana and kanji skip ICU;
    /// variant kanji, compatibility forms, kanji numerals (千歳台 → 1000歳台) go through the normalizer.
    static func normalized(_ units: [UInt16], _ normalizer: TextNormalizer) -> [UInt16] {
        let plain = units.allSatisfy { u in
            (u >= 0x3041 && u <= 0x30FA) || (u >= 0x4E00 && u <= 0x9FFF
                && normalizer.variants.map[UInt32(u)] == nil && !RecognizerConfig.kanjiNumerals.contains(UInt32(u)))
        }
        return plain ? units : normalizer.normalize(utf16: units).units
    }

    static func read(_ url: URL, file: String) throws -> [UInt8] {
        do { return [UInt8](try Data(contentsOf: url)) } catch {
            throw RuleLoadError(file: file, message: "\(error)")
        }
    }
}
