import CICUBridge

/// Builds `NormalizedText`: NFKC plus the foldings NFKC leaves out.
///
/// NFKC folds full-width forms, circled digits, ㈱ and Kangxi radicals (⾼ → 高), but
/// not the dash family, variant kanji, or kanji numerals. Each step keeps the map
/// from normalized units back to original offsets.
public struct TextNormalizer: Sendable {
    public var variants: VariantKanjiTable

    public init(variants: VariantKanjiTable = VariantKanjiTable()) {
        self.variants = variants
    }

    public func normalize(_ string: String) -> NormalizedText {
        normalize(utf16: Array(string.utf16))
    }

    public func normalize(utf16 original: [UInt16]) -> NormalizedText {
        let (nfkc, nfkcMap) = Self.nfkc(original)
        var units: [UInt16] = []
        var map: [Int32] = []
        units.reserveCapacity(nfkc.count)
        map.reserveCapacity(nfkc.count + 1)
        foldCharacters(nfkc, nfkcMap, into: &units, &map)
        KanjiNumerals.convertBeforeCounters(&units, &map)
        map.append(Int32(original.count))
        return NormalizedText(original: original, units: units, toOriginal: map)
    }

    /// NFKC through ICU, with the segment map. Retries once with the exact size ICU asks for.
    static func nfkc(_ src: [UInt16]) -> ([UInt16], [Int32]) {
        if src.isEmpty { return ([], []) }
        var capacity = src.count + src.count / 4 + 16
        while true {
            var dst = [UInt16](repeating: 0, count: capacity)
            var map = [Int32](repeating: 0, count: capacity)
            let n = src.withUnsafeBufferPointer { s in
                sumi_nfkc_map(s.baseAddress, Int32(s.count), &dst, &map, Int32(capacity))
            }
            if n < 0 {
                // ICU failed (should not happen for valid UTF-16): fall back to identity.
                return (src, (0..<src.count).map { Int32($0) })
            }
            if Int(n) <= capacity {
                dst.removeSubrange(Int(n)...)
                map.removeSubrange(Int(n)...)
                return (dst, map)
            }
            capacity = Int(n)
        }
    }

    /// Dashes → "-", spaces → " ", zero-width characters dropped, ー after a digit → "-",
    /// variant kanji → standard.
    func foldCharacters(_ src: [UInt16], _ srcMap: [Int32], into units: inout [UInt16], _ map: inout [Int32]) {
        variants.bmp.withUnsafeBufferPointer { bmp in
            foldCharacters(src, srcMap, bmp, into: &units, &map)
        }
    }

    private func foldCharacters(_ src: [UInt16], _ srcMap: [Int32], _ bmp: UnsafeBufferPointer<UInt32>,
                                into units: inout [UInt16], _ map: inout [Int32]) {
        var i = 0
        let n = src.count
        while i < n {
            let u = src[i]
            let origin = srcMap[i]
            // Decode a surrogate pair (𠮷 U+20BB7 lives outside the BMP).
            if UTF16.isLeadSurrogate(u), i + 1 < n, UTF16.isTrailSurrogate(src[i + 1]) {
                let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(src[i + 1]) - 0xDC00)
                if let standard = variants.map[scalar] {
                    append(scalar: standard, origin: origin, &units, &map)
                } else {
                    units.append(u); map.append(origin)
                    units.append(src[i + 1]); map.append(srcMap[i + 1])
                }
                i += 2
                continue
            }
            switch u {
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2500, 0x2501, 0xFF0D, 0xFE58, 0xFE63, 0x2043:
                units.append(0x2D); map.append(origin)
            case 0x30FC, 0xFF70:
                // The prolonged sound mark is a dash only between digits: 03ー1234ー5678.
                if let last = units.last, last >= 0x30, last <= 0x39 {
                    units.append(0x2D)
                } else {
                    units.append(0x30FC)
                }
                map.append(origin)
            case 0x00A0, 0x3000, 0x2002...0x200A, 0x202F, 0x205F:
                units.append(0x20); map.append(origin)
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                break // invisible: dropped so that 山\u{200B}田 still matches 山田
            default:
                let standard = bmp[Int(u)]
                if standard != 0 {
                    append(scalar: standard, origin: origin, &units, &map)
                } else {
                    units.append(u); map.append(origin)
                }
            }
            i += 1
        }
    }

    private func append(scalar: UInt32, origin: Int32, _ units: inout [UInt16], _ map: inout [Int32]) {
        guard let s = Unicode.Scalar(scalar) else { return }
        for unit in String(s).utf16 {
            units.append(unit); map.append(origin)
        }
    }
}
