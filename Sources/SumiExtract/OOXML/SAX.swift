import CXMLBridge
import Foundation

/// Receives the events of one XML part. Element names are local names (the namespace
/// prefix is dropped: OOXML uses fixed prefixes and no clashing local names where it
/// matters); attributes are given both as written and by local name.
protocol SAXHandler: AnyObject {
    func start(_ name: String, _ attributes: [String: String])
    func end(_ name: String)
    func text(_ string: String)
    /// Asked after every element: true stops the parse (time is up, or emitting failed).
    var shouldStop: Bool { get }
    /// Called once after the parse, however it ended: emit what is still buffered.
    func finish()
}

extension SAXHandler {
    func start(_ name: String, _ attributes: [String: String]) {}
    func end(_ name: String) {}
    func text(_ string: String) {}
    var shouldStop: Bool { false }
    func finish() {}
}

/// Streaming XML over libxml2's reader (`xmlTextReader`): big sheets are never held as a
/// tree, and the parser is the one most document tools trust with hostile input.
///
/// Why not Foundation's XMLParser: on Linux it crashed the whole process (a NULL `strlen`
/// inside FoundationXML) on the processing instructions SharePoint writes into every
/// `customXml/item*.xml` it stores (`<?mso-contentType?>`), 12 of about 2,000 public test
/// files; and it cannot be told to refuse a DTD. Here: no network (`XML_PARSE_NONET`), no
/// external DTD or entity loading, entities never substituted, libxml2's own depth limit
/// (256 levels without `XML_PARSE_HUGE`), a document type declaration refused outright
/// (OOXML has none), and errors counted instead of printed.
enum SAX {
    enum Outcome: Equatable {
        case complete
        /// The handler asked to stop.
        case stopped
        /// The XML is not well-formed, or uses what OOXML never does (a DTD, entities):
        /// what was read before the problem was still delivered.
        case malformed(String)
    }

    /// libxml2 wants one global initialisation before threads use it (the bridge does it
    /// on first use; this makes that first use happen once, before any thread race).
    private static let initialized: Bool = { _ = sumi_xml_open(nil, 0); return true }()

    static func parse(_ data: Data, handler: SAXHandler) -> Outcome {
        _ = initialized
        defer { handler.finish() }
        guard !data.isEmpty else { return .malformed("empty part") }
        // libxml2 reads the bytes in place: the whole parse stays inside this closure.
        return data.withUnsafeBytes { raw -> Outcome in
            guard let base = raw.baseAddress, raw.count <= Int(Int32.max),
                  let reader = sumi_xml_open(base.assumingMemoryBound(to: UInt8.self), Int32(raw.count))
            else { return .malformed("parser could not start") }
            defer { sumi_xml_close(reader) }
            return read(reader, handler: handler)
        }
    }

    private static func firstError(_ reader: OpaquePointer) -> String {
        sumi_xml_first_error(reader).map { String(cString: $0) } ?? "not well-formed"
    }

    private static func read(_ reader: OpaquePointer, handler: SAXHandler) -> Outcome {
        var depth = 0
        var sawRoot = false
        while true {
            let r = sumi_xml_read(reader)
            if r == 0 { break }
            if r < 0 { return .malformed(firstError(reader)) }
            switch Int(sumi_xml_node_type(reader)) {
            case SUMI_XML_ELEMENT:
                let name = localName(string(sumi_xml_name(reader)))
                let empty = sumi_xml_is_empty_element(reader) == 1
                handler.start(name, attributes(reader))
                sawRoot = true
                if handler.shouldStop { return .stopped }
                if empty {
                    handler.end(name)
                    if handler.shouldStop { return .stopped }
                } else {
                    depth += 1
                }
            case SUMI_XML_END_ELEMENT:
                depth -= 1
                handler.end(localName(string(sumi_xml_name(reader))))
                if handler.shouldStop { return .stopped }
            case SUMI_XML_TEXT, SUMI_XML_CDATA, SUMI_XML_WHITESPACE, SUMI_XML_SIGNIFICANT_WHITESPACE:
                if let v = sumi_xml_value(reader) { handler.text(String(cString: v)) }
            case SUMI_XML_DOCUMENT_TYPE:
                return .malformed("DOCTYPE")
            case SUMI_XML_ENTITY_REFERENCE, SUMI_XML_ENTITY:
                return .malformed("entity reference")
            default:
                break // comments, processing instructions, the XML declaration
            }
        }
        if sumi_xml_error_count(reader) > 0 { return .malformed(firstError(reader)) }
        guard sawRoot, depth == 0 else { return .malformed("unclosed elements") }
        return .complete
    }

    /// Attributes as written (`w:val`), and a prefixed one also under its local name (`val`)
    /// unless an unprefixed attribute already has that name (p:sldId has both id and r:id).
    private static func attributes(_ reader: OpaquePointer) -> [String: String] {
        guard sumi_xml_has_attributes(reader) == 1 else { return [:] }
        var written: [String: String] = [:]
        while sumi_xml_next_attribute(reader) == 1 {
            written[string(sumi_xml_name(reader))] = string(sumi_xml_value(reader))
        }
        sumi_xml_move_to_element(reader)
        var attrs = written
        for (k, v) in written where k.utf8.contains(UInt8(ascii: ":")) && !k.hasPrefix("xmlns") {
            let local = localName(k)
            if written[local] == nil { attrs[local] = v }
        }
        return attrs
    }

    @inline(__always)
    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    @inline(__always)
    static func localName(_ qname: String) -> String {
        guard let colon = qname.utf8.firstIndex(of: UInt8(ascii: ":")) else { return qname }
        return String(qname[qname.index(after: colon)...])
    }
}
