import Foundation
import SumiModel

/// Reads DOCX, XLSX and PPTX packages. (Being built: until then every Office file is
/// reported as not read, never as clean.)
public struct OOXMLExtractor: Extractor {
    public let format: FileFormat
    public init(format: FileFormat) { self.format = format }

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        throw ExtractionError(code: NoticeCode.unsupportedFormat, message: "Office 文書の読み取りはまだ実装されていません。目視で確認してください。")
    }
}
