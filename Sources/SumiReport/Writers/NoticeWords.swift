import SumiModel

/// What each notice means, in plain words for a person who is not an engineer (the HTML
/// report shows it above the notice's own message).
public enum NoticeWords {
    public static func explain(_ code: String) -> String {
        switch code {
        case NoticeCode.coveredText: "黒塗りの下に文字が残っています。黒い四角で隠しただけで、文字はコピーや検索で読み出せます。"
        case NoticeCode.invisibleText: "見えない文字があります（背景と同じ色の文字など）。画面には見えませんが、コピーや検索で読み出せます。"
        case NoticeCode.imageOnlyPage: "画像だけのページがあります。画像の中の文字は読み取れていないので、目で確認してください。"
        case NoticeCode.timeLimit: "時間内に最後まで読めませんでした。残りの部分は確認されていません。"
        case NoticeCode.unreadablePart: "壊れていて読めない部分があります。その部分は確認されていません。"
        case NoticeCode.encrypted: "パスワードで保護されているため、中身を確認できませんでした。"
        case NoticeCode.unsupportedFormat: "この形式は読み取れません。中身は確認されていません。"
        case NoticeCode.embeddedFile: "別のファイルが埋め込まれていて、その中身は確認されていません。"
        case NoticeCode.decodeErrors: "文字化けしている部分があり、その部分は確認されていません。"
        case NoticeCode.unmappedGlyphs: "文字として読み出せない字があり、その部分は確認されていません。"
        case NoticeCode.sizeLimit: "大きすぎるか、細工された可能性のある部分があり、最後まで読んでいません。"
        case NoticeCode.combinedIdentification: "一つずつは無害に見えても、組み合わせると個人が分かる情報がそろっています。"
        case NoticeCode.ocrText: "画像の中の文字を OCR で読み取りました。読み違いがありうるので、画像と見比べてください。"
        case NoticeCode.ocrUnavailable: "OCR を使っていないため、画像の中の文字は読んでいません。"
        case NoticeCode.converted: "古い形式のファイルを新しい形式に変換して読みました。マクロなど変換されない部分は確認されていません。"
        case NoticeCode.conversionFailed: "古い形式のファイルを変換できなかったため、中身を確認できませんでした。"
        case NoticeCode.rulesNotLoaded: "検査のルールを読み込めなかったため、検査していません。"
        default: "確認が必要な点があります。"
        }
    }
}
