import CPoppler
import Foundation
import SumiModel

/// Text a reader finds outside the pages: document properties, XMP metadata and the
/// bookmarks (outline) panel.
extension PopplerDocument {
    /// Info dictionary fields, then XMP values that add something, then outline titles.
    func metadataUnits() -> [TextUnit] {
        var units: [TextUnit] = []
        var seen = Set<String>()
        let fields: [(String, String, (OpaquePointer) -> UnsafeMutablePointer<gchar>?)] = [
            ("Title", "タイトル", poppler_document_get_title),
            ("Author", "作成者", poppler_document_get_author),
            ("Subject", "サブタイトル", poppler_document_get_subject),
            ("Keywords", "キーワード", poppler_document_get_keywords),
            ("Creator", "アプリケーション", poppler_document_get_creator),
            ("Producer", "PDF 変換", poppler_document_get_producer),
        ]
        for (key, label, get) in fields {
            guard let value = GString.take(get(handle))?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { continue }
            seen.insert(value)
            units.append(TextUnit(text: value, source: .metadata, location: Location(part: "Info/\(key)"), fieldLabel: label))
        }
        if let xmp = GString.take(poppler_document_get_metadata(handle)) {
            for (element, value) in XMPText.values(xmp) where seen.insert(value).inserted {
                units.append(TextUnit(text: value, source: .metadata, location: Location(part: "XMP/\(element)"), fieldLabel: element))
            }
        }
        for title in outlineTitles() where !title.isEmpty {
            units.append(TextUnit(text: title, source: .metadata, location: Location(part: "Outline"), fieldLabel: "しおり"))
        }
        return units
    }

    /// Every bookmark title, depth first (bounded, against looping outlines).
    func outlineTitles(limit: Int = 10_000) -> [String] {
        var out: [String] = []
        func walk(_ iter: OpaquePointer?, depth: Int) {
            guard let iter, depth < 32 else { return }
            repeat {
                if out.count >= limit { return }
                if let action = poppler_index_iter_get_action(iter) {
                    if let t = GString.borrow(action.pointee.any.title) { out.append(t.trimmingCharacters(in: .whitespacesAndNewlines)) }
                    poppler_action_free(action)
                }
                let child = poppler_index_iter_get_child(iter)
                walk(child, depth: depth + 1)
                if let child { poppler_index_iter_free(child) }
            } while poppler_index_iter_next(iter) != 0
        }
        let root = poppler_index_iter_new(handle)
        walk(root, depth: 0)
        if let root { poppler_index_iter_free(root) }
        return out
    }
}

/// Text values of an XMP packet (element name, value), without the RDF scaffolding.
enum XMPText {
    static func values(_ xml: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var element = ""
        var i = xml.startIndex
        while i < xml.endIndex {
            guard let lt = xml[i...].firstIndex(of: "<") else { break }
            let text = xml[i..<lt].trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, !element.isEmpty, !element.hasPrefix("x:"), !element.hasPrefix("rdf:RDF") {
                out.append((element, unescape(text)))
            }
            guard let gt = xml[lt...].firstIndex(of: ">") else { break }
            let tag = xml[xml.index(after: lt)..<gt]
            if !tag.hasPrefix("/") && !tag.hasPrefix("?") && !tag.hasPrefix("!") {
                let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" })
                // rdf:li carries the value of its enclosing property (dc:creator, dc:title …).
                if name != "rdf:li" && name != "rdf:Seq" && name != "rdf:Alt" && name != "rdf:Bag" { element = name }
            }
            i = xml.index(after: gt)
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
