import CICUBridge

/// An error compiling a pattern, with ICU's own message.
public struct RegexCompileError: Error, CustomStringConvertible, Sendable {
    public var pattern: String
    public var message: String
    public var description: String { "invalid pattern \(pattern): \(message)" }
}

/// A compiled ICU regular expression over UTF-16 text.
///
/// ICU syntax (the same as Java's and NSRegularExpression's). Not thread-safe: a
/// matcher keeps its subject text and position, so use `clone()` per thread.
public final class ICURegex: @unchecked Sendable {
    private let handle: OpaquePointer
    public let pattern: String

    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: UInt32(SUMI_REGEX_CASE_INSENSITIVE))
        public static let comments = Options(rawValue: UInt32(SUMI_REGEX_COMMENTS))
        public static let dotAll = Options(rawValue: UInt32(SUMI_REGEX_DOTALL))
        public static let multiline = Options(rawValue: UInt32(SUMI_REGEX_MULTILINE))
    }

    public init(_ pattern: String, options: Options = []) throws {
        let units = Array(pattern.utf16)
        var error = [CChar](repeating: 0, count: 256)
        let compiled = units.withUnsafeBufferPointer { buf in
            sumi_regex_compile(buf.baseAddress, Int32(buf.count), options.rawValue, &error, Int32(error.count))
        }
        guard let compiled else {
            let message = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw RegexCompileError(pattern: pattern, message: message)
        }
        self.handle = compiled
        self.pattern = pattern
    }

    private init(handle: OpaquePointer, pattern: String) {
        self.handle = handle
        self.pattern = pattern
    }

    deinit { sumi_regex_close(handle) }

    /// An independent matcher for use on another thread.
    public func clone() -> ICURegex {
        guard let copy = sumi_regex_clone(handle) else { fatalError("ICU could not clone a compiled pattern") }
        return ICURegex(handle: copy, pattern: pattern)
    }

    public var groupCount: Int { Int(sumi_regex_group_count(handle)) }

    /// Calls `body` with each match in `region` of `text` (UTF-16 offsets). Look-behind
    /// and look-ahead see text outside the region. `body` gets the whole-match range
    /// and a function returning a capture group's range, and returns false to stop.
    /// The text must not change while matching.
    public func forEachMatch(in text: UnsafeBufferPointer<UInt16>, region: Range<Int>? = nil,
                             _ body: (Range<Int>, (Int) -> Range<Int>?) -> Bool) {
        guard sumi_regex_set_text(handle, text.baseAddress, Int32(text.count)) == 0 else { return }
        let region = region ?? 0..<text.count
        guard sumi_regex_set_region(handle, Int32(region.lowerBound), Int32(region.upperBound)) == 0 else { return }
        var start: Int32 = 0, end: Int32 = 0
        let handle = self.handle
        let group: (Int) -> Range<Int>? = { g in
            var s: Int32 = -1, e: Int32 = -1
            guard sumi_regex_group(handle, Int32(g), &s, &e) == 0, s >= 0, e >= s else { return nil }
            return Int(s)..<Int(e)
        }
        while sumi_regex_find_next(handle, &start, &end) == 1 {
            if !body(Int(start)..<Int(end), group) { break }
            if end == start {
                // An empty match: ICU advances by itself on findNext, nothing more to do.
                continue
            }
        }
    }

    /// Convenience for tests and small inputs: all whole-match ranges in a string's UTF-16 view.
    public func matches(in string: String) -> [String] {
        let units = Array(string.utf16)
        var out: [String] = []
        units.withUnsafeBufferPointer { buf in
            forEachMatch(in: buf) { range, _ in
                out.append(String(decoding: units[range], as: UTF16.self))
                return true
            }
        }
        return out
    }
}
