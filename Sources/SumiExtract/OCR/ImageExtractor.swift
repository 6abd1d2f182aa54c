import Foundation
import SumiModel

/// Reads a picture (PNG, JPEG, TIFF with all its pages, BMP, GIF, WebP) by OCR: one unit per
/// page, boxes in image pixels, `format: image`. Without OCR the file is `incomplete` with a
/// notice, as an image-only PDF page is, never `clean`.
public struct ImageExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        guard let ocr = input.ocr else {
            return ExtractionSummary(format: .image, notices: [
                Notice(code: NoticeCode.imageOnlyPage, message: "この画像の中の文字は OCR で読んでいません。目で確認してください。"),
            ])
        }
        let data = try input.readAll()
        let budget = max(1, min(input.deadline.timeIntervalSinceNow, ocr.pageTimeLimit * 20))
        let pages: [RecognizedText]
        do {
            pages = try ocr.recognizer.recognize(encoded: data, maxPixels: ocr.maxPixels, timeLimit: budget)
        } catch {
            let (_, notice) = OCROutcome.of(.failure(error), page: nil, subject: "この画像", settings: ocr,
                                            placement: .pixels, location: Location())
            if case .undecodable? = error as? RecognitionError {
                throw ExtractionError(code: NoticeCode.readError, message: "画像を読み込めませんでした（壊れているか、対応していない画像形式です）。")
            }
            return ExtractionSummary(format: .image, notices: [notice])
        }
        var notices: [Notice] = []
        for (i, read) in pages.enumerated() {
            let page: Int? = pages.count > 1 ? i + 1 : nil
            var location = Location()
            location.page = page
            let (unit, notice) = OCROutcome.of(.success(read), page: page, subject: page.map { "\($0) ページ目" } ?? "この画像",
                                               settings: ocr, placement: .pixels, location: location)
            if let unit { try emit(unit) }
            notices.append(notice)
        }
        return ExtractionSummary(format: .image, pages: pages.count > 1 ? pages.count : nil, notices: notices)
    }
}
