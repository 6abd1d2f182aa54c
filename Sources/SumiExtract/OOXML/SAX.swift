import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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

/// Streaming (SAX) XML over Foundation's XMLParser: big sheets are never held as a tree.
enum SAX {
    enum Outcome: Equatable {
        case complete
        /// The handler asked to stop.
        case stopped
        /// The XML is not well-formed (what was read before the error was still delivered).
        case malformed(String)
    }

    static func parse(_ data: Data, handler: SAXHandler) -> Outcome {
        // OOXML parts have no DTD; one that declares entities is refused rather than expanded.
        if let head = String(data: data.prefix(2048), encoding: .utf8) ?? String(data: data.prefix(2048), encoding: .isoLatin1),
           head.contains("<!DOCTYPE") || head.contains("<!ENTITY") {
            return .malformed("DOCTYPE")
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(handler)
        parser.delegate = delegate
        let ok = parser.parse()
        handler.finish()
        if delegate.stopped { return .stopped }
        // XMLParser on Linux returns true for a part cut off in the middle (premature end)
        // and for some recovered errors: trust only a clean run that closed every element.
        if ok && parser.parserError == nil && delegate.errorCount == 0 && delegate.depth == 0 && delegate.sawRoot {
            return .complete
        }
        return .malformed("\(parser.parserError.map { "\($0)" } ?? "unclosed elements") (line \(parser.lineNumber))")
    }

    @inline(__always)
    static func localName(_ qname: String) -> String {
        guard let colon = qname.utf8.firstIndex(of: UInt8(ascii: ":")) else { return qname }
        return String(qname[qname.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: SAXHandler
        var stopped = false
        var depth = 0
        var sawRoot = false
        var errorCount = 0
        init(_ handler: SAXHandler) { self.handler = handler }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            // Keys are kept as written; a prefixed key (w:val) is also given under its
            // local name (val) unless an unprefixed attribute already has that name
            // (p:sldId has both id and r:id).
            var attrs = attributeDict
            for (k, v) in attributeDict where k.utf8.contains(UInt8(ascii: ":")) {
                let local = SAX.localName(k)
                if attributeDict[local] == nil && !k.hasPrefix("xmlns") { attrs[local] = v }
            }
            depth += 1
            sawRoot = true
            handler.start(SAX.localName(elementName), attrs)
            checkStop(parser)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
            handler.end(SAX.localName(elementName))
            checkStop(parser)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            errorCount += 1
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handler.text(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            handler.text(String(decoding: CDATABlock, as: UTF8.self))
        }

        private func checkStop(_ parser: XMLParser) {
            if !stopped && handler.shouldStop {
                stopped = true
                parser.abortParsing()
            }
        }
    }
}
