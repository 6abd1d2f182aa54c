import CLibXML2
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

    /// libxml2 wants one global initialisation before threads use it.
    private static let initialized: Bool = { xmlInitParser(); return true }()

    static func parse(_ data: Data, handler: SAXHandler) -> Outcome {
        _ = initialized
        defer { handler.finish() }
        guard !data.isEmpty else { return .malformed("empty part") }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOXINCNODE.rawValue)
        // libxml2 reads the bytes in place: the whole parse stays inside this closure.
        return data.withUnsafeBytes { raw -> Outcome in
            guard let base = raw.baseAddress, raw.count <= Int(Int32.max),
                  let reader = xmlReaderForMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options)
            else { return .malformed("parser could not start") }
            defer { xmlFreeTextReader(reader) }
            // Errors are counted and the first kept, never written to stderr. Warnings are not
            // errors: a namespace URI that is not absolute (SharePoint's customXml items use
            // bare GUIDs) is well-formed XML.
            let errors = ErrorSink()
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                let e = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
                e.count += 1
                if e.first == nil, let m = error.pointee.message { e.first = String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines) }
            }, Unmanaged.passUnretained(errors).toOpaque())
            return withExtendedLifetime(errors) { read(reader, handler: handler, errors: errors) }
        }
    }

    private final class ErrorSink { var count = 0; var first: String? }

    private static func read(_ reader: xmlTextReaderPtr, handler: SAXHandler, errors: ErrorSink) -> Outcome {
        var depth = 0
        var sawRoot = false
        while true {
            let r = xmlTextReaderRead(reader)
            if r == 0 { break }
            if r < 0 { return .malformed(errors.first ?? "not well-formed") }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = localName(string(xmlTextReaderConstName(reader)))
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                handler.start(name, attributes(reader))
                sawRoot = true
                if handler.shouldStop { return .stopped }
                if empty {
                    handler.end(name)
                    if handler.shouldStop { return .stopped }
                } else {
                    depth += 1
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                depth -= 1
                handler.end(localName(string(xmlTextReaderConstName(reader))))
                if handler.shouldStop { return .stopped }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if let v = xmlTextReaderConstValue(reader) { handler.text(String(cString: v)) }
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                return .malformed("DOCTYPE")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                return .malformed("entity reference")
            default:
                break // comments, processing instructions, the XML declaration
            }
        }
        if errors.count > 0 { return .malformed(errors.first ?? "not well-formed") }
        guard sawRoot, depth == 0 else { return .malformed("unclosed elements") }
        return .complete
    }

    /// Attributes as written (`w:val`), and a prefixed one also under its local name (`val`)
    /// unless an unprefixed attribute already has that name (p:sldId has both id and r:id).
    private static func attributes(_ reader: xmlTextReaderPtr) -> [String: String] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [:] }
        var written: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            written[string(xmlTextReaderConstName(reader))] = string(xmlTextReaderConstValue(reader))
        }
        xmlTextReaderMoveToElement(reader)
        var attrs = written
        for (k, v) in written where k.utf8.contains(UInt8(ascii: ":")) && !k.hasPrefix("xmlns") {
            let local = localName(k)
            if written[local] == nil { attrs[local] = v }
        }
        return attrs
    }

    @inline(__always)
    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    @inline(__always)
    static func localName(_ qname: String) -> String {
        guard let colon = qname.utf8.firstIndex(of: UInt8(ascii: ":")) else { return qname }
        return String(qname[qname.index(after: colon)...])
    }
}
