import Foundation
import SumiModel

/// The report for a person: one line per finding with its severity, legal class and label,
/// where it is in words a reader of the file understands (「2ページ 5行目」, 「シート「名簿」A2」),
/// and the context with the finding highlighted; one line per clean file; the notices.
public struct TextRenderer {
    /// ANSI colour, only when writing to a terminal.
    public var color: Bool
    /// Leave out the files that are clean (`--quiet`).
    public var quiet: Bool

    public init(color: Bool, quiet: Bool = false) { self.color = color; self.quiet = quiet }

    public func render(_ report: ScanReport) -> String {
        var out = ""
        for file in report.files {
            out += render(file)
        }
        let s = report.summary
        let cutShort = s.findingsNotFullyRead > 0 ? "（うち一部未確認 \(s.findingsNotFullyRead)）" : ""
        out += "\n\(s.files) ファイル: 検出あり \(s.withFindings)\(cutShort) / 問題なし \(s.clean) / 一部未確認 \(s.incomplete) / 読めない \(s.errors)"
        out += "（\(String(format: "%.2f", s.elapsedSeconds)) 秒）\n"
        return out
    }

    public func render(_ file: FileReport) -> String {
        var out = ""
        if file.status == .clean {
            if !quiet { out += "\(file.path): \(paint("[問題なし]", "32")) すべて読み取り、個人情報は見つかりませんでした。\n" }
            return out
        }
        for f in file.findings where !f.suppressed {
            let place = LocationWords.describe(path: file.path, f.location)
            let severity = paint("[\(f.severity.label)・\(f.legalClass.label)]", f.severity == .critical || f.severity == .high ? "31" : "33")
            let source = f.source == .body ? "" : "〔\(f.source.label)〕"
            out += "\(place): \(severity) \(f.label)\(source) \(highlight(f.context, f.text)) — \(f.reason)\n"
        }
        if let legal = LegalReading.read(file) {
            out += "\(file.path): \(paint(legal.reportable ? "[判定・報告対象]" : "[判定]", legal.reportable ? "35" : "33")) \(legal.summary)\n"
        }
        for n in file.notices {
            let place = LocationWords.describe(path: file.path, Location(page: n.page, part: n.part))
            out += "\(place): \(paint("[注意]", "36")) \(n.message) (\(n.code))\n"
        }
        return out
    }

    func highlight(_ context: String, _ text: String) -> String {
        let flat = context.replacingNewlines()
        guard let r = flat.range(of: text.replacingNewlines()) else { return "「\(flat)」" }
        let marked = color ? "\u{1B}[1;41;97m\(flat[r])\u{1B}[0m" : "【\(flat[r])】"
        return "「" + flat[..<r.lowerBound] + marked + flat[r.upperBound...] + "」"
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}

/// Where a finding is, in the words a reader of the file would use to find it: page and
/// line of a PDF, sheet and cell of a workbook, line (and cell) of a text or CSV file, the
/// part of an Office package when it is not the body. The README lists one example per format.
public enum LocationWords {
    public static func describe(path: String, _ l: Location) -> String {
        var words: [String] = []
        if let part = l.part { words.append("（\(part)）") }
        if let sheet = l.sheet {
            words.append("シート「\(sheet)」\(l.cell ?? "")")
        } else {
            if let page = l.page { words.append("\(page)ページ") }
            if let line = l.line { words.append("\(line)行目") }
            if let cell = l.cell { words.append("セル \(cell)") }
            else if let row = l.row, let column = l.column { words.append("\(row)行 \(column)列") }
        }
        return words.isEmpty ? path : path + " " + words.joined(separator: " ")
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
