import Foundation
import SumiModel

/// What OCR of one page or picture means for the report: its text as a unit (`source: ocr`),
/// and a notice that is never silent. At or above the confidence threshold the page counts
/// as read, with notice `ocr_text` asking for a look; below it, or when OCR failed, the page
/// stays `image_only_page` (the file `incomplete`), with whatever text was read still checked.
enum OCROutcome {
    /// `subject`: what was read, as the notice names it (「2 ページ目」「2 ページ目に貼られた画像」「この画像」).
    static func of(_ read: Result<RecognizedText, any Error>, page: Int?, subject: String, settings: OCRSettings,
                   placement: OCRUnits.Placement, location: Location) -> (unit: TextUnit?, notice: Notice) {
        switch read {
        case .success(let text):
            let unit = OCRUnits.unit(text, placement: placement, location: location)
            let confidence = String(format: "%.2f", text.meanConfidence)
            let written = text.vertical ? "（縦書きとして）" : ""
            if unit != nil, text.meanConfidence >= settings.minConfidence {
                return (unit, Notice(code: NoticeCode.ocrText, message:
                    "\(subject)は画像のため、文字を OCR で読み取りました\(written)（確信度 \(confidence)）。読み違いがありうるので、画像を目で確かめてください。",
                    page: page, part: location.part))
            }
            let why = unit == nil ? "文字が見つかりませんでした" : "確信度が低い（\(confidence)）ため、読めたとはみなしません"
            return (unit, Notice(code: NoticeCode.imageOnlyPage, message:
                "\(subject)は画像です。OCR を試みましたが\(why)。画像の中の文字を目で確認してください。",
                page: page, part: location.part))
        case .failure(let error):
            let why: String
            switch error as? RecognitionError {
            case .tooLarge(let w, let h)?: why = "画像が大きすぎる（\(w) × \(h) 画素）ため OCR していません"
            case .timeLimit?: why = "OCR が時間内（\(Int(settings.pageTimeLimit)) 秒）に終わりませんでした"
            default: why = "画像を読み込めなかったため OCR できませんでした"
            }
            return (nil, Notice(code: NoticeCode.imageOnlyPage, message:
                "\(subject)は画像です。\(why)。画像の中の文字を目で確認してください。", page: page, part: location.part))
        }
    }
}
