import Foundation
import SumiExtract
import SumiModel

/// Text units of a file exactly as the scanner reads them, without running the rules:
/// `sumi extract`, so that other tools (Tools/peers) can be given exactly Sumi's extraction.
public enum UnitExtraction {
    /// Extracts `url`, calling `emit` with each unit. A file that cannot be read at all returns
    /// a summary with `failed` and a notice, like the scanner's `error` status.
    public static func extract(_ url: URL, name: String, limits: ExtractionLimits = ExtractionLimits(),
                               emit: (TextUnit) throws -> Void) -> ExtractionSummary {
        let input = ExtractionInput(url: url, name: name, limits: limits)
        let head: Data
        do {
            head = try FileHashing.head(input, bytes: 8192)
        } catch let e as ExtractionError {
            return ExtractionSummary(format: .unknown, notices: [Notice(code: e.code, message: e.message)], failed: true)
        } catch {
            return ExtractionSummary(format: .unknown, notices: [Notice(code: NoticeCode.readError, message: "ファイルを読み込めませんでした。")], failed: true)
        }
        let format: FileFormat
        switch FormatDetector.detect(name: name, head: head) {
        case .supported(let f): format = f
        case .legacy(let ext):
            return ExtractionSummary(format: .unknown, notices: [Notice(code: NoticeCode.unsupportedFormat,
                message: "旧形式または未対応の形式（.\(ext)）は読み取れません。")], failed: true)
        case .encryptedOffice:
            return ExtractionSummary(format: FormatDetector.officeFormat(forName: name), notices: [Notice(
                code: NoticeCode.encrypted, message: "パスワードで保護されているため読み取れません。")], failed: true)
        case .unknown:
            return ExtractionSummary(format: .unknown, notices: [Notice(code: NoticeCode.unsupportedFormat,
                message: "この形式のファイルは読み取れません。")], failed: true)
        }
        guard let extractor = ExtractorRegistry.extractor(for: format) else {
            return ExtractionSummary(format: format, failed: true)
        }
        do {
            return try extractor.extract(input, emit: emit)
        } catch let e as ExtractionError {
            return ExtractionSummary(format: format, notices: [Notice(code: e.code, message: e.message)], failed: true)
        } catch {
            return ExtractionSummary(format: format, notices: [Notice(code: NoticeCode.readError, message: "読み取り中にエラーが発生しました: \(error)")], failed: true)
        }
    }
}
