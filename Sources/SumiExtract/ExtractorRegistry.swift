import SumiModel

/// The extractor for each supported format.
public enum ExtractorRegistry {
    public static func extractor(for format: FileFormat) -> (any Extractor)? {
        switch format {
        case .txt: PlainTextExtractor()
        case .csv: CSVExtractor()
        case .html: HTMLExtractor()
        case .pdf: PDFExtractor()
        case .docx, .xlsx, .pptx: OOXMLExtractor(format: format)
        case .unknown: nil
        }
    }
}
