import SumiModel

/// The notices every extractor gives in the same words.
extension Notice {
    static let emptyFile = Notice(code: NoticeCode.emptyFile, message: "ファイルが空です（0 バイト）。")

    static func decodeErrors(charset: String, count: Int) -> Notice {
        Notice(code: NoticeCode.decodeErrors,
               message: "\(charset) として読めないバイト列が \(count) か所あります。その部分は確認できていません。")
    }

    static let timeLimit = Notice(code: NoticeCode.timeLimit, message: "時間制限のため最後まで読んでいません。残りを目視で確認してください。")
}
