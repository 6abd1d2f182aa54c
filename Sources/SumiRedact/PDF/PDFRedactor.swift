import Foundation
import SumiModel

/// PDF: true removal by MuPDF, run as Debian's `mutool run` in a child process with a time
/// limit (MuPDF is AGPL-3.0: Sumi never links it, it runs the program). The glyphs under each
/// rectangle are removed from the content streams, image pixels under it blanked, and the
/// whole file saved anew with unused objects dropped (`PDFRedactionScript`). The rectangles
/// come from the caller, already fitted to the text (see `PDFRects`).
struct PDFRedactor: FormatRedactor {
    /// Seconds for one file, plus `secondsPerPage` per page redacted.
    var baseSeconds = 30.0
    var secondsPerPage = 0.5

    func redact(_ data: Data, _ request: RedactionRequest) throws -> RedactionOutput {
        guard let mutool = Self.mutool() else {
            throw RedactionError(code: "mutool_missing",
                                 message: "PDF の墨消しには mutool（Debian の mupdf-tools）が必要です。Tools/setup.sh で入れてください。")
        }
        let dir = try PrivateDirectory()
        defer { dir.remove() }
        let input = dir.url.appendingPathComponent("in.pdf"), output = dir.url.appendingPathComponent("out.pdf")
        let plan = dir.url.appendingPathComponent("plan.json"), script = dir.url.appendingPathComponent("redact.js")
        try data.write(to: input)
        try Data(PDFRedactionScript.source.utf8).write(to: script)
        var pages: [[String: Any]] = []
        for (page, rects) in request.pdfRects.sorted(by: { $0.key < $1.key }) where !rects.isEmpty {
            var entry: [String: Any] = ["page": page, "rects": rects.map { [$0.x0, $0.y0, $0.x1, $0.y1] }]
            if let boxes = request.pdfBoxes[page], !boxes.isEmpty { entry["boxes"] = boxes.map { [$0.x0, $0.y0, $0.x1, $0.y1] } }
            pages.append(entry)
        }
        let planObject: [String: Any] = ["pages": pages, "fill": [0, 0, 0], "sanitize": request.sanitize,
                                         "strip_texts": Array(Set(request.texts))]
        try JSONSerialization.data(withJSONObject: planObject).write(to: plan)
        let limit = baseSeconds + secondsPerPage * Double(pages.count)
        let run = try ChildProcess.run(mutool, ["run", script.path, input.path, output.path, plan.path], timeLimit: limit)
        if run.timedOut {
            throw RedactionError(code: "time_limit", message: "PDF の墨消しが時間内（\(Int(limit)) 秒）に終わりませんでした。")
        }
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let summary = (try? JSONSerialization.jsonObject(with: Data(last.utf8))) as? [String: Any]
        guard run.status == 0, summary?["ok"] as? Bool == true, let bytes = try? Data(contentsOf: output) else {
            let why = summary?["error"] as? String ?? "mutool exited \(run.status)"
            throw RedactionError(code: "redaction_failed", message: "PDF を墨消しできませんでした（\(why)）。")
        }
        var notes: [String] = []
        if let pathPages = summary?["path_pages"] as? [Int], !pathPages.isEmpty {
            notes.append("\(pathPages.map(String.init).joined(separator: ", ")) ページでは、図形や線で描かれた部分は黒い箱で覆っただけです（図形は削除されません）。目視で確認してください。")
        }
        if let collateral = summary?["collateral_glyphs"] as? Int, collateral > 0 {
            notes.append("墨消しの箱に触れた周りの文字 \(collateral) 字も消えました。")
        }
        let marked = summary?["pending_redactions_applied"] as? Int ?? 0
        if marked > 0 {
            notes.append("文書に残っていた未適用の墨消し指定 \(marked) 件を適用しました（その下の文字も削除されています）。")
        }
        notes.append("フォントの字形データは作り直していません。消した文字の字形がフォントに残ることがあります（文字としては読み出せません）。")
        return RedactionOutput(bytes: bytes, notes: notes, appliedMarkedRedactions: marked)
    }

    /// `mutool` on the PATH (or `$SUMI_MUTOOL`).
    static func mutool() -> URL? {
        if let p = ProcessInfo.processInfo.environment["SUMI_MUTOOL"], FileManager.default.isExecutableFile(atPath: p) {
            return URL(fileURLWithPath: p)
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/mutool"
            if FileManager.default.isExecutableFile(atPath: p) { return URL(fileURLWithPath: p) }
        }
        return nil
    }
}
