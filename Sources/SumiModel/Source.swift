/// Where in a file a piece of text was found: the body a reader sees first, or a
/// part a determined reader can still get at. Raw values are the report contract's ids.
public enum Source: String, Codable, CaseIterable, Sendable {
    case body
    case headerFooter = "header_footer"
    case metadata
    case annotation
    case comment
    case trackedChange = "tracked_change"
    case hiddenSheet = "hidden_sheet"
    case hiddenRow = "hidden_row"
    case hiddenColumn = "hidden_column"
    case htmlComment = "html_comment"
    case htmlAttribute = "html_attribute"
    case covered
    case invisibleText = "invisible_text"
    case attachment
    case formField = "form_field"
    case notes
    case ocr

    /// Japanese display name for the text report.
    public var label: String {
        switch self {
        case .body: "本文"
        case .headerFooter: "ヘッダー・フッター"
        case .metadata: "文書プロパティ"
        case .annotation: "注釈"
        case .comment: "コメント"
        case .trackedChange: "変更履歴"
        case .hiddenSheet: "非表示シート"
        case .hiddenRow: "非表示行"
        case .hiddenColumn: "非表示列"
        case .htmlComment: "HTMLコメント"
        case .htmlAttribute: "HTML属性"
        case .covered: "黒塗りの下"
        case .invisibleText: "見えない文字"
        case .attachment: "添付ファイル"
        case .formField: "フォーム入力値"
        case .notes: "ノート"
        case .ocr: "OCR"
        }
    }
}

/// The file formats Sumi reads. Raw values are the report contract's ids.
public enum FileFormat: String, Codable, CaseIterable, Sendable {
    case pdf, docx, xlsx, pptx, html, txt, csv
    /// PNG, JPEG, TIFF and other pictures, read by OCR.
    case image
    case unknown
}

/// Outcome of scanning one file (see the schema for exact meanings).
public enum FileStatus: String, Codable, CaseIterable, Sendable {
    /// Every part was read and nothing was found.
    case clean
    /// At least one unsuppressed finding.
    case findings
    /// Some content could not be read, and no unsuppressed finding.
    case incomplete
    /// The file could not be read at all.
    case error
}
