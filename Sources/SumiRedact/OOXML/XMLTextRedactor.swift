import Foundation

/// Removes texts from one XML part of an Office package, in place, without a DOM: the part is
/// cut into markup and character data; the character data of one paragraph, cell or shared
/// string is joined (a name split over several runs — 「世田谷」「 太郎」 — is found whole),
/// each occurrence is masked character by character in the runs that hold it, and attribute
/// values (comment and revision authors, titles, alt texts) are masked the same way. Nothing
/// else of the part changes, so the file stays what its producer wrote.
struct XMLTextRedactor {
    let finder: Occurrences.Finder
    let mask: Character
    /// XLSX: A1 references of cells in this part whose number value is masked too.
    var cells: Set<String> = []

    init(needles: [[UInt16]], mask: Character) { finder = Occurrences.Finder(needles); self.mask = mask }
    init(finder: Occurrences.Finder, mask: Character) { self.finder = finder; self.mask = mask }

    /// Elements that sit inside a paragraph without ending its text: runs and their
    /// properties, revisions, fields, hyperlinks, ruby. Any other tag ends a block.
    static let inline: Set<String> = [
        "r", "t", "rPr", "proofErr", "bookmarkStart", "bookmarkEnd", "noProof", "lang", "rFonts", "sz", "szCs",
        "b", "bCs", "i", "iCs", "u", "color", "highlight", "vertAlign", "latin", "ea", "cs", "kern", "spacing",
        "ins", "del", "delText", "instrText", "fldSimple", "fldChar", "hyperlink", "smartTag", "rt", "rubyBase",
        "ruby", "rubyPr", "softHyphen", "shd", "w", "position", "effect", "em", "dstrike", "strike", "caps",
        "smallCaps", "vanish", "webHidden", "rStyle", "solidFill", "srgbClr", "schemeClr", "ln", "sym",
        "commentRangeStart", "commentRangeEnd", "permStart", "permEnd", "moveFrom", "moveTo", "rtl",
    ]

    enum Piece {
        case markup(String)
        case text(String)      // escaped character data as in the file
        case cdata(String)     // the inside of <![CDATA[…]]>
    }

    func redact(_ xml: String) -> (String, Int) {
        var pieces = Self.split(xml)
        var changed = 0
        // Attribute values first (tags are independent of each other).
        for k in pieces.indices {
            if case .markup(let m) = pieces[k], m.hasPrefix("<"), !m.hasPrefix("<!"), !m.hasPrefix("<?"), m.contains("=") {
                let (new, n) = maskAttributes(m)
                if n > 0 { pieces[k] = .markup(new); changed += n }
            }
        }
        // Character data, block by block.
        var block: [(piece: Int, text: [UInt16])] = []
        func flush() {
            defer { block.removeAll(keepingCapacity: true) }
            guard !block.isEmpty else { return }
            var joined: [UInt16] = []
            var owner: [(Int, Int)] = [] // (index into block, unit index in that piece's text)
            for (b, entry) in block.enumerated() {
                for (u, unit) in entry.text.enumerated() { joined.append(unit); owner.append((b, u)) }
            }
            let hits = finder.ranges(in: joined)
            guard !hits.isEmpty else { return }
            var texts = block.map(\.text)
            for r in hits {
                for i in r where !Occurrences.keepsShape(joined[i]) {
                    let (b, u) = owner[i]
                    texts[b][u] = UTF16.isTrailSurrogate(joined[i]) ? 0xFFFF : maskUnit
                }
                changed += 1
            }
            for (b, entry) in block.enumerated() where texts[b] != entry.text {
                let plain = String(decoding: texts[b].filter { $0 != 0xFFFF }, as: UTF16.self)
                if case .cdata = pieces[entry.piece] { pieces[entry.piece] = .cdata(plain) }
                else { pieces[entry.piece] = .text(XMLEscaping.escape(plain, attribute: false)) }
            }
        }
        var cellRef: String? = nil
        var inMaskedValue = false
        var inFormula = false
        for k in pieces.indices {
            switch pieces[k] {
            case .markup(let m):
                let name = Self.localName(m)
                if !cells.isEmpty {
                    // A number cell to mask becomes an inline string of masks:
                    // <c r="B2" s="3"><v>9012345678</v></c> → <c t="inlineStr" r="B2" s="3"><is><t>■■■■■■■■■■</t></is></c>.
                    if name == "c", !m.hasPrefix("</") {
                        cellRef = Self.attribute("r", in: m)
                        let type = Self.attribute("t", in: m)
                        if let r = cellRef, cells.contains(r), !m.hasSuffix("/>"), type == nil || type == "n" || type == "e",
                           let space = m.firstIndex(where: { $0.isWhitespace }) {
                            var tag = m
                            if let t = type { tag = tag.replacingOccurrences(of: " t=\"\(t)\"", with: "") }
                            tag.insert(contentsOf: " t=\"inlineStr\"", at: tag.index(space, offsetBy: 0))
                            pieces[k] = .markup(tag)
                        } else { cellRef = nil }
                    } else if name == "c" {
                        cellRef = nil
                    } else if name == "v", cellRef != nil {
                        let prefix = Self.prefix(m)
                        if m.hasPrefix("</") { pieces[k] = .markup("</\(prefix)t></\(prefix)is>"); inMaskedValue = false }
                        else { pieces[k] = .markup("<\(prefix)is><\(prefix)t>"); inMaskedValue = true }
                        continue
                    } else if name == "f", cellRef != nil {
                        pieces[k] = .markup("") // a formula would recompute what was masked
                        inFormula = !m.hasPrefix("</") && !m.hasSuffix("/>")
                        continue
                    }
                }
                if !Self.inline.contains(name) { flush() }
            case .text(let t):
                if inFormula { pieces[k] = .text(""); continue }
                if inMaskedValue {
                    pieces[k] = .text(String(repeating: mask, count: max(1, t.count)))
                    changed += 1
                    continue
                }
                block.append((k, Array(XMLEscaping.unescape(t).utf16)))
            case .cdata(let t):
                block.append((k, Array(t.utf16)))
            }
        }
        flush()
        guard changed > 0 else { return (xml, 0) }
        var out = ""
        out.reserveCapacity(xml.utf8.count + 64)
        for p in pieces {
            switch p {
            case .markup(let m): out += m
            case .text(let t): out += t
            case .cdata(let t): out += "<![CDATA[" + t + "]]>"
            }
        }
        return (out, changed)
    }

    private var maskUnit: UInt16 { String(mask).utf16.first ?? 0x25A0 }

    /// Masks occurrences inside each quoted attribute value of one tag.
    private func maskAttributes(_ tag: String) -> (String, Int) {
        var out = ""
        var n = 0
        var rest = Substring(tag)
        while let eq = rest.firstIndex(of: "=") {
            let afterEq = rest.index(after: eq)
            guard afterEq < rest.endIndex, let quote = Optional(rest[afterEq]), quote == "\"" || quote == "'" else {
                out += rest[..<afterEq]; rest = rest[afterEq...]; continue
            }
            let valueStart = rest.index(after: afterEq)
            guard let close = rest[valueStart...].firstIndex(of: quote) else { break }
            out += rest[..<valueStart]
            let raw = String(rest[valueStart..<close])
            var units = Array(XMLEscaping.unescape(raw).utf16)
            let hits = finder.ranges(in: units)
            if hits.isEmpty {
                out += raw
            } else {
                for r in hits { for i in r where !Occurrences.keepsShape(units[i]) { units[i] = UTF16.isTrailSurrogate(units[i]) ? 0xFFFF : maskUnit } }
                out += XMLEscaping.escape(String(decoding: units.filter { $0 != 0xFFFF }, as: UTF16.self), attribute: true)
                n += hits.count
            }
            out.append(quote)
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return (out, n)
    }

    /// Markup and character data, in order.
    static func split(_ xml: String) -> [Piece] {
        var pieces: [Piece] = []
        var i = xml.startIndex
        while i < xml.endIndex {
            guard let lt = xml[i...].firstIndex(of: "<") else { pieces.append(.text(String(xml[i...]))); break }
            if lt > i { pieces.append(.text(String(xml[i..<lt]))) }
            let rest = xml[lt...]
            let end: String.Index
            if rest.hasPrefix("<![CDATA[") {
                let close = rest.range(of: "]]>")
                let inner = rest.index(lt, offsetBy: 9)
                let stop = close?.lowerBound ?? xml.endIndex
                pieces.append(.cdata(String(xml[inner..<stop])))
                end = close?.upperBound ?? xml.endIndex
                i = end
                continue
            } else if rest.hasPrefix("<!--") {
                end = rest.range(of: "-->")?.upperBound ?? xml.endIndex
            } else if rest.hasPrefix("<?") {
                end = rest.range(of: "?>")?.upperBound ?? xml.endIndex
            } else {
                // A tag ends at the first '>' outside quotes.
                var j = xml.index(after: lt)
                var quote: Character? = nil
                while j < xml.endIndex {
                    let c = xml[j]
                    if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { break }
                    j = xml.index(after: j)
                }
                end = j < xml.endIndex ? xml.index(after: j) : xml.endIndex
            }
            pieces.append(.markup(String(xml[lt..<end])))
            i = end
        }
        return pieces
    }

    /// The local name of a tag (`<w:t xml:space="preserve">` → t, `</a:p>` → p).
    static func localName(_ tag: String) -> String {
        var s = Substring(tag)
        if s.hasPrefix("</") { s = s.dropFirst(2) } else if s.hasPrefix("<") { s = s.dropFirst() }
        let name = s.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return String(name)
    }

    /// The namespace prefix of a tag with its colon (`<x:v>` → "x:"), or "".
    static func prefix(_ tag: String) -> String {
        var s = Substring(tag)
        if s.hasPrefix("</") { s = s.dropFirst(2) } else if s.hasPrefix("<") { s = s.dropFirst() }
        let name = s.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        if let colon = name.lastIndex(of: ":") { return String(name[...colon]) }
        return ""
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        for q in ["\"", "'"] {
            if let r = tag.range(of: " \(name)=\(q)") {
                let rest = tag[r.upperBound...]
                if let close = rest.firstIndex(of: Character(q)) { return String(rest[..<close]) }
            }
        }
        return nil
    }
}

/// XML's five escapes and numeric character references.
enum XMLEscaping {
    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let entity = s[s.index(after: i)..<semi]
                var replacement: String? = nil
                switch entity {
                case "amp": replacement = "&"
                case "lt": replacement = "<"
                case "gt": replacement = ">"
                case "quot": replacement = "\""
                case "apos": replacement = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { replacement = String(u) }
                    else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) { replacement = String(u) }
                }
                if let r = replacement { out += r; i = s.index(after: semi); continue }
            }
            out.append(c)
            i = s.index(after: i)
        }
        return out
    }
}
