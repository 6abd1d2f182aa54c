import Foundation
import SumiModel

/// One row per finding for Excel: UTF-8 with a BOM and CRLF line ends, so that Excel on
/// Japanese Windows opens it without 文字化け; Japanese column headers; clean, incomplete and
/// error files get one row each so that nothing checked is missing from the list.
struct CSVReportWriter: ReportWriter {
    var options: ReportOptions

    static let header = ["ファイル", "状態", "種類", "重大度", "法令上の区分", "場所", "ページ", "シート", "セル", "行",
                         "部分", "出所", "検出した文字列", "前後の文", "理由", "抑止", "ID"]

    func write(_ report: ScanReport) -> Data {
        let r = options.mask ? Masking.masked(report) : report
        var rows: [[String]] = [Self.header]
        for file in r.files {
            let status = Self.status(file)
            if file.findings.isEmpty {
                let note = file.notices.map { "\($0.message) (\($0.code))" }.joined(separator: " / ")
                rows.append([file.path, status, "", "", "", "", "", "", "", "", "", "", "", "", note, "", ""])
            }
            for f in file.findings {
                let l = f.location
                rows.append([file.path, status, f.label, f.severity.label, f.legalClass.label,
                             LocationWords.describe(path: "", l).trimmingCharacters(in: .whitespaces),
                             l.page.map(String.init) ?? "", l.sheet ?? "", l.cell ?? "", l.line.map(String.init) ?? "",
                             l.part ?? "", f.source.label, f.text, f.context.replacingNewlines(), f.reason,
                             f.suppressed ? "抑止（\(f.suppression?.reason ?? f.suppression?.kind ?? "")）" : "", f.id])
            }
        }
        var out = "\u{FEFF}"
        for row in rows { out += row.map(Self.field).joined(separator: ",") + "\r\n" }
        return Data(out.utf8)
    }

    static func status(_ f: FileReport) -> String {
        switch f.status {
        case .clean: "問題なし"
        case .findings: f.fullyRead ? "検出あり" : "検出あり（一部未確認）"
        case .incomplete: "一部未確認"
        case .error: "読めない"
        }
    }

    /// RFC 4180 quoting; a leading = + - @ is prefixed with ' so that Excel does not run it.
    static func field(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first), !v.allSatisfy({ $0.isNumber || $0 == "-" }) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
