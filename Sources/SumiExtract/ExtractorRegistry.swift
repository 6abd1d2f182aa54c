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
        case .image: ImageExtractor()
        case .unknown: nil
        }
    }

    /// What to do with a file of a detected kind: read it (with the format the report gives)
    /// or refuse it with the notice that says why. The one place the scanner and `sumi
    /// extract` learn this, so that they never disagree about what is read.
    public enum Intake {
        case read(FileFormat, any Extractor)
        case refuse(FileFormat, Notice)
    }

    public static func intake(for kind: FormatDetector.Kind, name: String) -> Intake {
        switch kind {
        case .supported(let format):
            guard let extractor = extractor(for: format) else {
                return .refuse(format, Notice(code: NoticeCode.unsupportedFormat, message: "この形式のファイルは読み取れません。内容を目視で確認してください。"))
            }
            return .read(format, extractor)
        case .convertible(let legacy) where LegacyExtractor.isAvailable:
            return .read(legacy.family, LegacyExtractor(legacy))
        case .convertible(let legacy):
            return .refuse(.unknown, Notice(code: NoticeCode.unsupportedFormat, message:
                "旧形式（.\(legacy.rawValue)）を読むには LibreOffice が必要ですが、この環境にはありません。DOCX・XLSX・PDF などで保存し直してから確認してください。"))
        case .legacy(let ext):
            return .refuse(.unknown, Notice(code: NoticeCode.unsupportedFormat, message:
                "旧形式または未対応の形式（.\(ext)）は読み取れません。DOCX・XLSX・PDF などで保存し直してから確認してください。"))
        case .encryptedOffice:
            return .refuse(FormatDetector.officeFormat(forName: name), Notice(code: NoticeCode.encrypted,
                message: "パスワードで保護されているため読み取れません。保護を解除したファイルで確認してください。"))
        case .unknown:
            return .refuse(.unknown, Notice(code: NoticeCode.unsupportedFormat, message: "この形式のファイルは読み取れません。内容を目視で確認してください。"))
        }
    }
}
