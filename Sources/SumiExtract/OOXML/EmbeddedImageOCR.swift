import Foundation
import SumiModel

/// OCR of the pictures inside an Office or OpenDocument file (a scanned form pasted into
/// Word, a photographed notice on a slide): each image's text is a unit with source `ocr`
/// and `location.part` naming the image.
///
/// What it means for the file depends on the document: one that is only images (next to no
/// text of its own) was not read unless OCR read it well (`ocr_text`, else `image_only_page`),
/// as for a scanned PDF page; in a document with text, a picture without readable text (a
/// logo, a photo) is only mentioned, as before, and text OCR finds in it is checked.
enum EmbeddedImageOCR {
    /// Pictures smaller than this (bytes) are icons and rules, not worth an OCR pass.
    static let minBytes = 2_000
    /// At most this many pictures of one file are read.
    static let maxImages = 50

    /// Reads `parts` with `ocr`; returns the notices to give (the caller gives its own when
    /// OCR is off). `imageOnly`: the document has next to no text of its own.
    static func read(_ session: OOXMLSession, parts: [String], ocr: OCRSettings, imageOnly: Bool) -> [Notice] {
        var notices: [Notice] = []
        var unreadInTextDocument = 0
        var unreadable = 0
        var read = 0
        for part in parts.sorted() {
            guard read < maxImages, !session.outOfTime else {
                notices.append(Notice(code: imageOnly ? NoticeCode.imageOnlyPage : NoticeCode.embeddedImage,
                                      message: "画像が多いため、\(read) 枚目より後の画像は OCR していません。目で確認してください。"))
                break
            }
            guard let data = session.package.read(part) else { continue }
            guard data.count >= minBytes else {
                unreadInTextDocument += 1   // an icon or a rule: mentioned, not read
                continue
            }
            // EMF/WMF drawings and the like: not something OCR reads here.
            guard FormatDetector.isImage([UInt8](data.prefix(8)), ext: (part as NSString).pathExtension.lowercased()) else {
                unreadable += 1
                continue
            }
            read += 1
            let left = max(1, min(ocr.pageTimeLimit, session.input.deadline.timeIntervalSinceNow))
            var location = Location()
            location.part = part
            let result = Result { try ocr.recognizer.recognize(encoded: data, maxPixels: ocr.maxPixels, timeLimit: left) }
            // Pages of a TIFF are one image here: their text joined, their confidence averaged.
            let joined = result.map { pages in
                RecognizedText(lines: pages.flatMap(\.lines),
                               meanConfidence: pages.isEmpty ? 0 : pages.map(\.meanConfidence).reduce(0, +) / Double(pages.count),
                               vertical: pages.first?.vertical ?? false, width: pages.first?.width ?? 0, height: pages.first?.height ?? 0)
            }
            let (unit, notice) = OCROutcome.of(joined, page: nil, subject: "埋め込み画像「\((part as NSString).lastPathComponent)」",
                                               settings: ocr, placement: .pixels, location: location)
            if let unit { session.emit(unit) }
            if imageOnly || notice.code == NoticeCode.ocrText {
                notices.append(notice)
            } else {
                unreadInTextDocument += 1
            }
        }
        if unreadable > 0 {
            notices.append(Notice(code: imageOnly ? NoticeCode.imageOnlyPage : NoticeCode.embeddedImage, message:
                "OCR できない形式の画像（EMF・WMF など）が \(unreadable) 枚あります。画像の中の文字を目で確認してください。"))
        }
        if unreadInTextDocument > 0, imageOnly, notices.isEmpty {
            // Only small pictures in a document without text: not read, as before OCR.
            notices.append(Notice(code: NoticeCode.imageOnlyPage, message: OOXMLMessages.imageOnly(unreadInTextDocument)))
        } else if unreadInTextDocument > 0, !imageOnly {
            notices.append(Notice(code: NoticeCode.embeddedImage, message:
                "画像が \(unreadInTextDocument) 枚あり、OCR では文字を読み取れませんでした（ロゴや写真など）。画像に個人情報が写っていないか目で確認してください。"))
        }
        return notices
    }
}
