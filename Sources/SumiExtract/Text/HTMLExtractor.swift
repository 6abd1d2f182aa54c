import Foundation
import SumiModel
import SumiText

/// HTML: what the page shows, and what its source still carries.
///
/// - visible text → `body` (block elements become line breaks; entities decoded);
/// - `<!-- comments -->` → `html_comment`;
/// - inline `<script>` (JSON-LD, data islands, variables) → `html_comment` too: it is
///   page source a visitor does not see but anyone can read (location part `script`);
/// - `alt`, `title`, `value`, `placeholder`, `<meta content>`, and `mailto:`/`tel:` links → `html_attribute`;
/// - elements hidden with the `hidden` attribute or `display:none` → `invisible_text`.
public struct HTMLExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        let data = try input.readAll()
        if data.isEmpty {
            return ExtractionSummary(format: .html, notices: [Notice.emptyFile])
        }
        let declared = Self.declaredCharset(data)
        let decoded = DecodedText.decode(data, declared: declared)
        if decoded.looksBinary {
            throw ExtractionError(code: NoticeCode.decodeErrors, message: "HTML として読めないバイナリデータです。")
        }
        let page = HTMLTokenizer.parse(decoded.text)
        try emit(TextUnit(text: page.visible, source: .body))
        if !page.hidden.isEmpty {
            try emit(TextUnit(text: page.hidden, source: .invisibleText, location: Location(part: "hidden")))
        }
        for extra in page.extras {
            try emit(TextUnit(text: extra.text, source: extra.source, location: Location(line: extra.line, part: extra.part),
                              fieldLabel: extra.label, firstLine: extra.line))
        }
        var notices: [Notice] = []
        if decoded.errorCount > 0 {
            notices.append(Notice.decodeErrors(charset: decoded.charset.name, count: decoded.errorCount))
        }
        return ExtractionSummary(format: .html, encoding: decoded.charset.name, notices: notices)
    }

    /// `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`
    /// in the first 2 KB, or a byte order mark.
    static func declaredCharset(_ data: Data) -> Charset? {
        let head = data.prefix(2048)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        let ascii = String(decoding: head.map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let r = ascii.range(of: "charset=") else { return nil }
        var label = ascii[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        label = label.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return Charset.fromLabel(String(label))
    }
}

/// A small, forgiving HTML tokenizer: enough to separate what is shown from what is
/// only in the source. Not a full HTML5 parser; unknown constructs become text.
enum HTMLTokenizer {
    struct Extra {
        var text: String
        var source: Source
        var line: Int
        var part: String
        var label: String?
    }

    struct Page {
        var visible = ""
        var hidden = ""
        var extras: [Extra] = []
    }

    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
        "header", "footer", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "form", "nav", "main",
        "aside", "caption", "thead", "tbody", "tfoot", "address", "figure", "figcaption", "title",
    ]
    static let cellTags: Set<String> = ["td", "th"]
    static let voidTags: Set<String> = ["br", "img", "input", "meta", "link", "hr", "area", "base", "col", "embed", "source", "wbr"]

    static func parse(_ html: String) -> Page {
        var page = Page()
        let s = Array(html.unicodeScalars)
        var i = 0
        var line = 1
        var text = ""
        // Stack of open elements that hide their content (hidden / display:none).
        var hiddenDepth: [String] = []
        func flushText() {
            guard !text.isEmpty else { return }
            let decoded = decodeEntities(text)
            if hiddenDepth.isEmpty { page.visible += decoded } else { page.hidden += decoded }
            text = ""
        }
        func lines(_ a: Int, _ b: Int) -> Int { s[a..<b].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
        func startsWith(_ lit: String, at p: Int) -> Bool {
            var k = p
            for c in lit.unicodeScalars {
                guard k < s.count, lowerASCII(s[k]) == c else { return false }
                k += 1
            }
            return true
        }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                if startsWith("<!--", at: i) {
                    flushText()
                    var j = i + 4
                    while j < s.count && !startsWith("-->", at: j) { j += 1 }
                    let body = String(String.UnicodeScalarView(s[(i + 4)..<min(j, s.count)]))
                    if !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        page.extras.append(Extra(text: body, source: .htmlComment, line: line, part: "comment"))
                    }
                    line += lines(i, min(j + 3, s.count))
                    i = min(j + 3, s.count)
                    continue
                }
                if i + 1 < s.count, s[i + 1].properties.isAlphabetic || s[i + 1] == "/" || s[i + 1] == "!" || s[i + 1] == "?" {
                    flushText()
                    var j = i + 1
                    var quote: Unicode.Scalar? = nil
                    while j < s.count {
                        let d = s[j]
                        if let q = quote { if d == q { quote = nil } } else if d == "\"" || d == "'" { quote = d } else if d == ">" { break }
                        j += 1
                    }
                    let tagText = String(String.UnicodeScalarView(s[(i + 1)..<min(j, s.count)]))
                    let tagLine = line
                    line += lines(i, min(j + 1, s.count))
                    i = min(j + 1, s.count)
                    let tag = Tag(tagText)
                    if tag.closing {
                        if hiddenDepth.last == tag.name { hiddenDepth.removeLast() }
                        if blockTags.contains(tag.name) { page.appendBreak(hidden: !hiddenDepth.isEmpty) }
                        if cellTags.contains(tag.name) { page.appendTab(hidden: !hiddenDepth.isEmpty) }
                        continue
                    }
                    collectAttributes(tag, line: tagLine, into: &page)
                    if tag.name == "script" || tag.name == "style" {
                        // Raw text until the matching end tag.
                        var k = i
                        while k < s.count && !startsWith("</\(tag.name)", at: k) { k += 1 }
                        let body = String(String.UnicodeScalarView(s[i..<k]))
                        if tag.name == "script", !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                           tag.attributes["src"] == nil {
                            page.extras.append(Extra(text: body, source: .htmlComment, line: line, part: "script"))
                        }
                        line += lines(i, k)
                        var e = k
                        while e < s.count && s[e] != ">" { e += 1 }
                        i = min(e + 1, s.count)
                        continue
                    }
                    if blockTags.contains(tag.name) { page.appendBreak(hidden: !hiddenDepth.isEmpty) }
                    if tag.hides && !voidTags.contains(tag.name) && !tag.selfClosing { hiddenDepth.append(tag.name) }
                    continue
                }
            }
            if c == "\n" { line += 1 }
            text.unicodeScalars.append(c)
            i += 1
        }
        flushText()
        page.visible = collapseBlankLines(page.visible)
        page.hidden = collapseBlankLines(page.hidden)
        return page
    }

    static func collectAttributes(_ tag: Tag, line: Int, into page: inout Page) {
        var wanted: [(String, String)] = []
        for key in ["alt", "title", "value", "placeholder", "aria-label", "data-name"] {
            if let v = tag.attributes[key], !v.isEmpty { wanted.append((key, v)) }
        }
        if tag.name == "meta", let v = tag.attributes["content"], !v.isEmpty {
            let name = tag.attributes["name"] ?? tag.attributes["property"] ?? tag.attributes["http-equiv"] ?? "meta"
            if name.lowercased() != "content-type" && name.lowercased() != "viewport" { wanted.append(("content", v)) }
        }
        if let href = tag.attributes["href"] {
            let lower = href.lowercased()
            if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
                let value = href.split(separator: ":", maxSplits: 1).last.map(String.init) ?? href
                wanted.append(("href", value.removingPercentEncoding ?? value))
            }
        }
        // A form value's label is usually the text just before the field on the same line
        // (<label>郵便番号</label> <input value="158-0097">): give it as context with the
        // field's name, so a bare 158-0097 is read as a postal code.
        let precedingText = page.visible.split(separator: "\n", omittingEmptySubsequences: false).last
            .map { String($0.trimmingCharacters(in: .whitespaces).suffix(30)) } ?? ""
        for (key, value) in wanted {
            let decoded = decodeEntities(value)
            var label = tag.name == "meta" ? tag.attributes["name"] : tag.attributes["name"] ?? tag.attributes["id"]
            if key == "value" || key == "placeholder", !precedingText.isEmpty {
                label = [precedingText, label].compactMap { $0 }.joined(separator: " ")
            }
            page.extras.append(Extra(text: decoded, source: .htmlAttribute, line: line, part: "\(tag.name)@\(key)", label: label))
        }
    }

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String] = [:]

        init(_ raw: String) {
            var body = Substring(raw)
            closing = body.hasPrefix("/")
            if closing { body = body.dropFirst() }
            selfClosing = body.hasSuffix("/")
            let nameEnd = body.firstIndex { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "/" || $0 == ">" } ?? body.endIndex
            name = body[..<nameEnd].lowercased()
            var rest = body[nameEnd...]
            while !rest.isEmpty {
                rest = rest.drop { $0.isWhitespace || $0 == "/" }
                guard !rest.isEmpty else { break }
                let keyEnd = rest.firstIndex { $0 == "=" || $0.isWhitespace || $0 == "/" } ?? rest.endIndex
                let key = rest[..<keyEnd].lowercased()
                rest = rest[keyEnd...].drop { $0.isWhitespace }
                var value = ""
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0.isWhitespace }
                    if let q = rest.first, q == "\"" || q == "'" {
                        rest = rest.dropFirst()
                        let end = rest.firstIndex(of: q) ?? rest.endIndex
                        value = String(rest[..<end])
                        rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
                    } else {
                        let end = rest.firstIndex { $0.isWhitespace } ?? rest.endIndex
                        value = String(rest[..<end])
                        rest = rest[end...]
                    }
                }
                if !key.isEmpty { attributes[key] = value }
            }
        }

        var hides: Bool {
            if attributes["hidden"] != nil { return true }
            if let style = attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: "") {
                return style.contains("display:none") || style.contains("visibility:hidden")
            }
            return false
        }
    }

    static func lowerASCII(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 0x41 && c.value <= 0x5A) ? Unicode.Scalar(c.value + 0x20)! : c
    }

    static func collapseBlankLines(_ s: String) -> String {
        var out = ""
        var newlines = 0
        for c in s {
            if c == "\n" { newlines += 1; if newlines <= 2 { out.append(c) } } else { newlines = 0; out.append(c) }
        }
        return out
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "copy": "©",
        "reg": "®", "yen": "¥", "times": "×", "divide": "÷", "hellip": "…", "mdash": "—", "ndash": "–",
        "minus": "−", "middot": "·", "laquo": "«", "raquo": "»", "ensp": "\u{2002}", "emsp": "\u{2003}",
    ]

    /// Decodes character references: &amp; &#12354; &#x3042; and the common named ones.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let body = s[s.index(after: i)..<semi]
                var replacement: String? = nil
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    if let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { replacement = String(u) }
                } else if body.hasPrefix("#") {
                    if let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) { replacement = String(u) }
                } else {
                    replacement = namedEntities[String(body)]
                }
                if let r = replacement {
                    out += r
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}

extension HTMLTokenizer.Page {
    mutating func appendBreak(hidden: Bool) {
        if hidden { if !self.hidden.hasSuffix("\n") { self.hidden += "\n" } }
        else if !visible.isEmpty && !visible.hasSuffix("\n") { visible += "\n" }
    }

    mutating func appendTab(hidden: Bool) {
        if hidden { self.hidden += "\t" } else { visible += "\t" }
    }
}
