import CICUBridge

/// Sentence and word boundaries from ICU's break iterator with Japanese rules.
/// Japanese has no spaces between words, so context windows and "same sentence"
/// tests use these boundaries (or plain character counts), never `\b`.
public enum TextBreaks {
    /// Sentence boundaries (UTF-16 offsets, including 0 and the end).
    public static func sentences(_ text: UnsafeBufferPointer<UInt16>) -> [Int] {
        boundaries(kind: Int32(SUMI_BREAK_SENTENCE), text)
    }

    /// Word boundaries (UTF-16 offsets, including 0 and the end).
    public static func words(_ text: UnsafeBufferPointer<UInt16>) -> [Int] {
        boundaries(kind: Int32(SUMI_BREAK_WORD), text)
    }

    static func boundaries(kind: Int32, _ text: UnsafeBufferPointer<UInt16>) -> [Int] {
        guard !text.isEmpty else { return [0] }
        var capacity = max(16, text.count / 8)
        while true {
            var out = [Int32](repeating: 0, count: capacity)
            let n = Int(sumi_breaks(kind, text.baseAddress, Int32(text.count), &out, Int32(capacity)))
            if n < 0 { return [0, text.count] }
            if n <= capacity { return out.prefix(n).map(Int.init) }
            capacity = n
        }
    }
}
