import Foundation
import SumiModel

/// Reads DOCX, XLSX and PPTX packages: everything a recipient could open, each piece
/// under the source a reader would find it in (body, comments, tracked changes, hidden
/// sheets/rows/columns, notes, properties ...).
///
/// A part that cannot be read (zip bomb limits, damaged data, malformed XML) becomes a
/// notice and the rest is still read; only a package that cannot be opened at all throws.
public struct OOXMLExtractor: Extractor {
    public let format: FileFormat
    public init(format: FileFormat) { self.format = format }

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        let package = try OOXMLPackage(input)
        let odf = ODFReader.kind(package)
        let detected = odf?.format ?? Self.detectFormat(package) ?? format
        return try withoutActuallyEscaping(emit) { sink in
            let session = OOXMLSession(package: package, input: input, sink: sink)
            var pages: Int? = nil
            if let odf {
                pages = ODFReader.read(session, kind: odf)
                if let error = session.sinkError { throw error }
                return ExtractionSummary(format: detected, pages: pages, notices: session.allNotices)
            }
            OOXMLProperties.read(session)
            switch detected {
            case .docx: try DOCXReader.read(session)
            case .xlsx: try XLSXReader.read(session)
            case .pptx: pages = try PPTXReader.read(session)
            default:
                throw ExtractionError(code: NoticeCode.unsupportedFormat, message: OOXMLMessages.noMainPart)
            }
            if let error = session.sinkError { throw error }
            return ExtractionSummary(format: detected, pages: pages, notices: session.allNotices)
        }
    }

    /// The kind of package by its main part, whatever the file is called.
    static func detectFormat(_ package: OOXMLPackage) -> FileFormat? {
        guard let main = package.relationships(of: "").first(where: { $0.kind == "officeDocument" })?.target else {
            if package.has("word/document.xml") { return .docx }
            if package.has("xl/workbook.xml") { return .xlsx }
            if package.has("ppt/presentation.xml") { return .pptx }
            return nil
        }
        if main.hasPrefix("word/") { return .docx }
        if main.hasPrefix("xl/") { return .xlsx }
        if main.hasPrefix("ppt/") { return .pptx }
        return nil
    }
}
