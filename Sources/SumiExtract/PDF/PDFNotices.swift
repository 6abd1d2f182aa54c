import SumiModel

/// The notices the PDF extractor gives, in Japanese for the reviewer.
extension Notice {
    static func imageOnlyPage(_ page: Int) -> Notice {
        Notice(code: NoticeCode.imageOnlyPage,
               message: "\(page) ページは文字情報がなく画像だけのページです（スキャン画像など）。内容を目視で確認してください。",
               page: page)
    }

    static func unmappedGlyphs(_ page: Int, bad: Int, total: Int) -> Notice {
        Notice(code: NoticeCode.unmappedGlyphs,
               message: "\(page) ページの文字の一部（\(total) 字中 \(bad) 字）がフォントの文字対応表がないため正しく読み取れません。目視で確認してください。",
               page: page)
    }

    static func coveredText(_ page: Int) -> Notice {
        Notice(code: NoticeCode.coveredText, message: "黒塗りの下に文字が残っています（\(page) ページ）。塗りつぶしではなく文字そのものを削除してください。", page: page)
    }

    static func invisibleText(_ page: Int) -> Notice {
        Notice(code: NoticeCode.invisibleText,
               message: "\(page) ページに見えない文字（背景と同じ色や透明の文字）があります。コピーや検索で読み出せます。",
               page: page)
    }

    static func morePages(code: String, count: Int) -> Notice {
        Notice(code: code, message: "ほかに \(count) ページで同じ問題があります。")
    }

    static func attachmentUnreadable(_ name: String, reason: String) -> Notice {
        Notice(code: NoticeCode.embeddedFile, message: "添付ファイル「\(name)」を読み取れませんでした（\(reason)）。内容を目視で確認してください。", part: name)
    }

    static func pdfTruncated() -> Notice {
        Notice(code: NoticeCode.unreadablePart,
               message: "PDF の末尾が欠けています（途中で切れたファイル）。読めた部分だけを確認しました。元のファイルで確認してください。")
    }

    static func damagedStreams(_ count: Int) -> Notice {
        Notice(code: NoticeCode.unreadablePart,
               message: "PDF の中の圧縮されたデータ \(count) 個が壊れていて、その部分の文字は読み取れていないか、正しくありません。元のファイルを開いて目視で確認してください。")
    }

    static func pageUnreadable(_ page: Int) -> Notice {
        Notice(code: NoticeCode.unreadablePart, message: "\(page) ページを読み込めませんでした。目視で確認してください。", page: page)
    }
}
