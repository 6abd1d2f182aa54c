import Foundation
import SumiModel

/// What the readers of one package share: the package, where units go, the notices
/// gathered so far, and the clock.
final class OOXMLSession {
    let package: OOXMLPackage
    let input: ExtractionInput
    private let sink: (TextUnit) throws -> Void
    private(set) var notices: [Notice] = []
    /// The first error thrown by the unit sink; the parse stops and the extractor rethrows it.
    private(set) var sinkError: Error?
    private(set) var timedOut = false
    private var clockTicks = 0
    /// Characters of visible text read so far (body, headers, notes), to tell a document
    /// that is really a pasted scan from one that merely has a logo.
    private(set) var visibleCharacters = 0

    init(package: OOXMLPackage, input: ExtractionInput, sink: @escaping (TextUnit) throws -> Void) {
        self.package = package
        self.input = input
        self.sink = sink
    }

    /// Text emitted so far, in UTF-16 units, against `maxCharacters`: shared strings and
    /// styles let a small package expand to far more text than its inflated size.
    private var emittedCharacters = 0
    private(set) var textLimitReached = false
    /// 2^28 UTF-16 units (512 MB of text): some hundred times the text of a large real workbook.
    static let maxCharacters = 1 << 28

    func emit(_ unit: TextUnit) {
        guard sinkError == nil, !textLimitReached else { return }
        emittedCharacters += unit.utf16Count
        if emittedCharacters > Self.maxCharacters {
            textLimitReached = true
            notice(Notice(code: NoticeCode.sizeLimit, message: OOXMLMessages.textLimit))
            return
        }
        if unit.source == .body || unit.source == .headerFooter || unit.source == .notes {
            visibleCharacters += unit.utf16Count
        }
        do { try sink(unit) } catch { sinkError = error }
    }

    func notice(_ notice: Notice) {
        if !notices.contains(notice) { notices.append(notice) }
    }

    /// True once the time budget is spent or the sink failed: readers stop.
    /// Looks at the clock only every so often, as it is asked per XML element.
    var shouldStop: Bool {
        if sinkError != nil || timedOut || textLimitReached { return true }
        clockTicks &+= 1
        if clockTicks & 0x3FF == 0, input.timeIsUp { timedOut = true }
        return timedOut
    }

    /// Checks the clock now (between parts).
    var outOfTime: Bool {
        if !timedOut, input.timeIsUp { timedOut = true }
        return timedOut || sinkError != nil || textLimitReached
    }

    /// Reads and parses one part. A part that is not well-formed gets a notice (what
    /// was read before the error has been delivered); the caller goes on with the rest.
    /// Returns false when the part is missing or was not read.
    @discardableResult
    func parse(_ part: String, with handler: SAXHandler) -> Bool {
        guard !outOfTime, let data = package.read(part) else { return false }
        switch SAX.parse(data, handler: handler) {
        case .complete, .stopped:
            return true
        case .malformed:
            notice(Notice(code: NoticeCode.unreadablePart, message: OOXMLMessages.malformedPart, part: part))
            return true
        }
    }

    /// All notices: the package's (size limits, damaged data), the readers', the clock's.
    var allNotices: [Notice] {
        var all = package.notices
        for n in notices where !all.contains(n) { all.append(n) }
        if timedOut { all.append(Notice.timeLimit) }
        return all
    }
}

/// Japanese wording of the notices about Office packages.
enum OOXMLMessages {
    static func totalSizeLimit(_ bytes: Int64) -> String {
        "展開後のサイズが上限（\(bytes / (1 << 20)) MB）を超えたため、この部分以降を読んでいません（ZIP 爆弾の可能性）。残りを目視で確認してください。"
    }
    static func ratioLimit(_ ratio: Double) -> String {
        "圧縮率が異常に高い（\(Int(ratio)) 倍超）ため、この部分を読んでいません（ZIP 爆弾の可能性）。目視で確認してください。"
    }
    static let damagedPart = "この部分の圧縮データが壊れているため読み取れません。目視で確認してください。"
    static let duplicatePart = "同じ名前の部分が複数入っています。開くソフトによって見える内容が違うため、最初のものだけを読みました（細工されたファイルの可能性）。元のソフトで保存し直してから確認してください。"
    static let oversizedCell = "Excel の上限（32,767 文字）を超える長さのセルがあり、先頭の 32,767 文字だけを読み取りました（細工されたファイルの可能性）。目視で確認してください。"
    static let textLimit = "読み取った文字数が上限を超えたため、以降を読んでいません（同じ文字列を大量に参照する細工の可能性）。残りを目視で確認してください。"
    static let malformedPart = "この部分の XML が壊れているため、途中までしか読み取れていません。目視で確認してください。"
    static func embeddedObjects(_ count: Int) -> String {
        "埋め込みオブジェクト（別のファイル）が \(count) 個あり、その中身は読み取っていません。開いて確認してください。"
    }
    static func images(_ count: Int) -> String {
        "画像が \(count) 個あります。画像の中の文字（スキャンした書類、写真、署名など）は読み取っていません。目視で確認してください。"
    }
    static let noMainPart = "Office 文書の本体（document.xml / workbook.xml / presentation.xml）が見つかりません。ファイルが壊れています。"
    static let macros = "マクロ（VBA）が含まれています。マクロの中の文字は読み取っていません。"
    static func imageOnly(_ count: Int) -> String {
        "本文の文字がほとんどなく、画像が \(count) 個あります（スキャンした書類や写真を貼り付けた文書の可能性）。画像の中の文字は読み取っていないため、目視で確認してください。"
    }
}

extension NoticeCode {
    /// Images in an Office document (their pixels are not read). Informational: a logo
    /// on every page must not make every file incomplete, but the reviewer is told.
    public static let embeddedImage = "embedded_image"
    /// VBA macros present (informational).
    public static let macros = "macros"
}
