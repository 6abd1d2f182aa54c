import Foundation
import SumiModel

/// One self-contained HTML file in Japanese for staff and managers, with no external assets
/// (it works offline and on a closed LAN): per file its status in plain words and the legal
/// reading; each PDF page drawn with every finding boxed and numbered; spreadsheet findings
/// as sheet/cell tables; other files' findings by part and line; notices explained; filters
/// by category and severity.
struct HTMLReportWriter: ReportWriter {
    var options: ReportOptions
    /// Page pictures per file path (PDFs), made by the caller (SumiExtract.PageImages).
    var pageImages: [String: [PageImage]]

    func write(_ report: ScanReport) -> Data {
        let r = options.mask ? Masking.masked(report) : report
        var h = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"><title>Sumi 検査結果</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>\(Self.css)</style></head><body>
        <header><h1>個人情報の検査結果</h1>
        <p class="sub">Sumi \(esc(r.tool.version)) ／ \(r.summary.files) ファイル：検出あり \(r.summary.withFindings)、問題なし \(r.summary.clean)、一部未確認 \(r.summary.incomplete + r.summary.findingsNotFullyRead)、読めない \(r.summary.errors)</p>
        <form class="filters" aria-label="絞り込み"><fieldset><legend>種類</legend>
        """
        let categories = Set(r.files.flatMap { $0.findings.map(\.category) }).sorted()
        for c in categories { h += "<label><input type=\"checkbox\" data-filter=\"category\" value=\"\(c.rawValue)\" checked> \(esc(c.label))</label>" }
        h += "</fieldset><fieldset><legend>重大度</legend>"
        for s in [Severity.critical, .high, .medium, .low] { h += "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"\(s.rawValue)\" checked> \(s.label)</label>" }
        h += "</fieldset></form></header><main>"
        for (fi, file) in r.files.enumerated() { h += section(file, index: fi) }
        h += "</main><script>\(Self.script)</script></body></html>\n"
        return Data(h.utf8)
    }

    private func section(_ file: FileReport, index fi: Int) -> String {
        let (statusWords, statusClass) = Self.statusWords(file)
        var h = "<section class=\"file\" id=\"f\(fi)\"><h2>\(esc(file.path)) <span class=\"status \(statusClass)\">\(statusWords)</span></h2>"
        if let legal = file.legal {
            h += "<p class=\"legal \(legal.reportable ? "reportable" : "")\">\(esc(legal.summary))</p>"
        }
        if !file.notices.isEmpty {
            h += "<ul class=\"notices\">"
            for n in file.notices {
                let page = n.page.map { "（\($0) ページ）" } ?? ""
                h += "<li><strong>\(esc(NoticeWords.explain(n.code)))</strong>\(page)<br><small>\(esc(n.message)) <code>\(esc(n.code))</code></small></li>"
            }
            h += "</ul>"
        }
        let live = file.findings
        guard !live.isEmpty else { return h + "</section>" }
        // Numbered in document order; the number is the box's label on the page.
        let numbered = Array(live.enumerated())
        let images = pageImages[file.path] ?? []
        if !images.isEmpty {
            for img in images {
                let onPage = numbered.filter { $0.element.location.page == img.page && $0.element.location.bbox != nil && $0.element.location.part == nil }
                h += "<div class=\"page\"><h3>\(img.page) ページ</h3><div class=\"sheet\" data-width=\"\(img.width)\" data-height=\"\(img.height)\">"
                h += "<img alt=\"\(img.page) ページの画像\" src=\"data:image/png;base64,\(img.png.base64EncodedString())\">"
                for (n, f) in onPage {
                    let b = f.location.bbox!
                    let left = b[0] / img.width * 100, top = b[1] / img.height * 100
                    let w = (b[2] - b[0]) / img.width * 100, hh = (b[3] - b[1]) / img.height * 100
                    h += "<a class=\"box sev-\(f.severity.rawValue)\(f.suppressed ? " suppressed" : "")\" href=\"#f\(fi)-\(n + 1)\" data-category=\"\(f.category.rawValue)\" data-severity=\"\(f.severity.rawValue)\" data-n=\"\(n + 1)\" data-bbox=\"\(b.map { String($0) }.joined(separator: ","))\" style=\"left:\(pct(left));top:\(pct(top));width:\(pct(w));height:\(pct(hh))\"><span>\(n + 1)</span></a>"
                }
                h += "</div>" + table(onPage.map { ($0.offset, $0.element) }, fi: fi) + "</div>"
            }
            let elsewhere = numbered.filter { f in !images.contains { $0.page == f.element.location.page } || f.element.location.bbox == nil || f.element.location.part != nil }
            if !elsewhere.isEmpty { h += "<h3>ページの外（文書情報・注釈・添付など）</h3>" + table(elsewhere.map { ($0.offset, $0.element) }, fi: fi) }
        } else {
            let groups = Dictionary(grouping: numbered) { Self.groupName($0.element.location) }
            for key in groups.keys.sorted() {
                h += "<h3>\(esc(key))</h3>" + table(groups[key]!.map { ($0.offset, $0.element) }, fi: fi)
            }
        }
        return h + "</section>"
    }

    private func table(_ items: [(Int, Finding)], fi: Int) -> String {
        guard !items.isEmpty else { return "" }
        var h = "<table><thead><tr><th>番号</th><th>場所</th><th>種類</th><th>法令上の区分</th><th>重大度</th><th>検出した文字列と前後</th><th>理由</th></tr></thead><tbody>"
        for (n, f) in items {
            let ctx = esc(f.context.replacingNewlines()).replacingOccurrences(of: esc(f.text.replacingNewlines()), with: "<mark>\(esc(f.text.replacingNewlines()))</mark>")
            let suppressed = f.suppressed ? "<br><small class=\"supp\">抑止: \(esc(f.suppression?.reason ?? f.suppression?.entry ?? ""))</small>" : ""
            h += "<tr id=\"f\(fi)-\(n + 1)\" class=\"finding sev-\(f.severity.rawValue)\" data-category=\"\(f.category.rawValue)\" data-severity=\"\(f.severity.rawValue)\"><td>\(n + 1)</td><td>\(esc(LocationWords.describe(path: "", f.location).trimmingCharacters(in: .whitespaces)))</td><td>\(esc(f.label))\(f.source == .body ? "" : "〔\(esc(f.source.label))〕")</td><td>\(f.legalClass.label)</td><td>\(f.severity.label)</td><td>\(ctx)</td><td>\(esc(f.reason))\(suppressed)</td></tr>"
        }
        return h + "</tbody></table>"
    }

    static func groupName(_ l: Location) -> String {
        if let sheet = l.sheet { return "シート「\(sheet)」" }
        if let page = l.page { return "\(page) ページ" + (l.part.map { "（\($0)）" } ?? "") }
        return l.part ?? "本文"
    }

    static func statusWords(_ f: FileReport) -> (String, String) {
        switch f.status {
        case .clean: ("問題なし", "clean")
        case .findings: f.fullyRead ? ("個人情報が見つかりました", "findings") : ("個人情報が見つかりました（一部を読み取れていません）", "findings")
        case .incomplete: ("一部を読み取れませんでした（目視で確認してください）", "incomplete")
        case .error: ("読み取れませんでした", "error")
        }
    }

    private func pct(_ v: Double) -> String { String(format: "%.3f%%", v) }

    private func esc(_ s: String) -> String {
        var o = ""
        for c in s {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            default: o.append(c)
            }
        }
        return o
    }

    static let css = """
    body{font-family:"IPAexGothic","Noto Sans CJK JP",sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
    header{background:#fff;border-bottom:1px solid #ccc;padding:1em 1.5em;position:sticky;top:0;z-index:2}
    h1{font-size:1.4em;margin:0}.sub{margin:.3em 0}.filters fieldset{display:inline-block;border:1px solid #bbb;margin-right:1em}
    main{padding:1em 1.5em}.file{background:#fff;border:1px solid #ccc;margin:1em 0;padding:1em}
    h2{font-size:1.15em}.status{font-size:.85em;padding:.1em .5em;border-radius:3px;margin-left:.5em}
    .status.clean{background:#dff3e3;color:#0b5d1e}.status.findings{background:#fde2e1;color:#8a1c1c}
    .status.incomplete{background:#fff1cc;color:#6b4e00}.status.error{background:#eee;color:#333}
    .legal{border-left:4px solid #999;padding:.4em .8em;background:#f6f6f6}.legal.reportable{border-color:#a4001d;background:#fdecee;font-weight:bold}
    .notices li{margin:.3em 0}.page{margin:1em 0}.sheet{position:relative;display:inline-block;border:1px solid #999;max-width:100%}
    .sheet img{display:block;max-width:100%;height:auto}
    .box{position:absolute;box-sizing:border-box;border:2px solid #c00;background:rgba(204,0,0,.12);text-decoration:none}
    .box span{position:absolute;top:-1.3em;left:-2px;background:#c00;color:#fff;font-size:11px;padding:0 3px;line-height:1.2em}
    .box.sev-medium{border-color:#b36b00;border-style:dashed}.box.sev-medium span{background:#b36b00}
    .box.sev-low{border-color:#555;border-style:dotted}.box.sev-low span{background:#555}
    .box.suppressed{border-color:#2b6cb0;border-style:dotted;background:rgba(43,108,176,.08)}
    table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
    th{background:#f0f0f0}mark{background:#ffd54f}.supp{color:#2b6cb0}.hidden{display:none}
    @media print{header{position:static}.filters{display:none}}
    """

    static let script = """
    document.querySelectorAll('[data-filter]').forEach(function(box){box.addEventListener('change',function(){
    var on={category:{},severity:{}};document.querySelectorAll('[data-filter]').forEach(function(c){if(c.checked)on[c.dataset.filter][c.value]=true;});
    document.querySelectorAll('[data-category]').forEach(function(e){var show=on.category[e.dataset.category]&&on.severity[e.dataset.severity];e.classList.toggle('hidden',!show);});});});
    """
}
