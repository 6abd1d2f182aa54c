import Foundation
import SumiExtract
import SumiModel

/// Text units of a file exactly as the scanner reads them, without running the rules:
/// `sumi extract`, so that other tools (Tools/peers) can be given exactly Sumi's extraction.
public enum UnitExtraction {
    /// Extracts `url`, calling `emit` with each unit. A file that cannot be read at all returns
    /// a summary with `failed` and a notice, like the scanner's `error` status.
    /// `ocr`: read text in images too, as the scanner does (`DocumentScanner.ocr`).
    public static func extract(_ url: URL, name: String, limits: ExtractionLimits = ExtractionLimits(),
                               ocr: OCRSettings? = nil, emit: (TextUnit) throws -> Void) -> ExtractionSummary {
        var input = ExtractionInput(url: url, name: name, limits: limits)
        input.ocr = ocr
        let head: Data
        do {
            head = try FileHashing.head(input, bytes: 8192)
        } catch let e as ExtractionError {
            return ExtractionSummary(format: .unknown, notices: [Notice(code: e.code, message: e.message)], failed: true)
        } catch {
            return ExtractionSummary(format: .unknown, notices: [Notice(code: NoticeCode.readError, message: "ファイルを読み込めませんでした。")], failed: true)
        }
        let format: FileFormat, extractor: any Extractor
        switch ExtractorRegistry.intake(for: FormatDetector.detect(name: name, head: head), name: name) {
        case .read(let f, let e): (format, extractor) = (f, e)
        case .refuse(let f, let notice): return ExtractionSummary(format: f, notices: [notice], failed: true)
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
