import Foundation
import SumiModel

/// The report for a person: one line per finding with the Japanese label, where it is
/// (`file:page:line`), and the context with the finding highlighted.
public struct TextRenderer {
    /// ANSI colour, only when writing to a terminal.
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: ScanReport) -> String {
        var out = ""
        for file in report.files {
            out += render(file)
        }
        let s = report.summary
        out += "\n\(s.files) ファイル: 検出あり \(s.withFindings) / 問題なし \(s.clean) / 一部未確認 \(s.incomplete) / 読めない \(s.errors)"
        out += "（\(String(format: "%.2f", s.elapsedSeconds)) 秒）\n"
        return out
    }

    public func render(_ file: FileReport) -> String {
        var out = ""
        for f in file.findings where !f.suppressed {
            let place = placeString(file.path, f.location)
            let severity = paint("[\(f.severity.label)]", f.severity == .critical || f.severity == .high ? "31" : "33")
            let source = f.source == .body ? "" : "〔\(f.source.label)〕"
            out += "\(place): \(severity) \(f.label)\(source) \(highlight(f.context, f.text)) — \(f.reason)\n"
        }
        for n in file.notices {
            let page = n.page.map { ":\($0)" } ?? ""
            out += "\(file.path)\(page): \(paint("[注意]", "36")) \(n.message) (\(n.code))\n"
        }
        return out
    }

    func placeString(_ path: String, _ l: Location) -> String {
        var p = path
        if let sheet = l.sheet { p += ":\(sheet)" }
        if let cell = l.cell, l.sheet != nil { p += "!\(cell)" }
        if let page = l.page { p += ":\(page)" }
        if let line = l.line { p += ":\(line)" }
        if l.sheet == nil, l.line == nil, let cell = l.cell { p += ":\(cell)" }
        if let part = l.part { p += " (\(part))" }
        return p
    }

    func highlight(_ context: String, _ text: String) -> String {
        let flat = context.replacingNewlines()
        guard let r = flat.range(of: text.replacingNewlines()) else { return "「\(flat)」" }
        let marked = color ? "\u{1B}[1;41;97m\(flat[r])\u{1B}[0m" : "【\(flat[r])】"
        return "「" + flat[..<r.lowerBound] + marked + flat[r.upperBound...] + "」"
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
