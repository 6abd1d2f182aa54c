import CPoppler
import Foundation
import SumiModel

/// Reads PDF through poppler-glib. (Being built: until then every PDF is reported
/// as not read, never as clean.)
public struct PDFExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        _ = poppler_get_version()
        throw ExtractionError(code: NoticeCode.unsupportedFormat, message: "PDF の読み取りはまだ実装されていません。目視で確認してください。")
    }
}
