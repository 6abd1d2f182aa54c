import ArgumentParser
import Foundation
import Sumi
import SumiModel
import SumiReport

/// `sumi redact`: a copy of each file with the personal information removed from the file
/// (not covered), proven by a re-scan and an independent byte search before it is written.
/// Exit codes: 0 redacted and proven; 1 proven, but some finding could not be removed;
/// 2 usage; 3 an input not fully read (refused unless --allow-incomplete); 4 a proof failed
/// or a copy could not be made (no copy is left under the final name).
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "個人情報を取り除いた墨消し版を作ります (write a redacted copy; the original is never changed).")

    @Argument(help: "墨消しするファイル")
    var paths: [String]

    @Option(name: .shortAndLong, help: "出力先（ディレクトリ。ファイル 1 つならファイル名も可）。既定: 元のファイルの横に NAME.redacted.EXT")
    var output: String?

    @Option(name: .customLong("min-severity"), help: "この重大度以上の検出を消します: critical | high | medium | low")
    var minSeverity: String = "low"

    @Option(name: .long, help: "判断のファイル（JSON: {\"keep\": [id…], \"remove\": [id…]}。レビュー画面が書き出す形）")
    var decisions: String?

    @Option(name: .long, parsing: .singleValue, help: "ほかに消す文字列（何度でも指定可）")
    var also: [String] = []

    @Option(name: .long, help: "墨消しの文字（既定 ■）")
    var mask: String = "■"

    @Flag(name: .long, help: "HTML のコメントをすべて、PDF のリンク以外の注釈とフォームの値をすべて消します")
    var sanitize = false

    @Flag(name: .customLong("allow-incomplete"), help: "読み取れない部分のあるファイルも墨消しします（その部分は確認されていません）")
    var allowIncomplete = false

    @Option(name: .long, help: "結果の JSON を書くファイル（消した箇所の一覧。--show-text がなければ個人情報の文字列は含みません）")
    var report: String?

    @Flag(name: .customLong("show-text"), help: "結果の JSON に消した文字列そのものも書きます")
    var showText = false

    @Option(name: .long, help: "1 ファイルあたりの制限時間（秒）")
    var timeLimit: Double = 120

    @OptionGroup var suppression: SuppressionOptions

    @OptionGroup var rulesOption: RulesOption

    func run() throws {
        guard let severity = Severity(rawValue: minSeverity) else {
            UsageErrors.fail(japanese: "--min-severity は critical, high, medium, low のいずれかです。", english: "bad --min-severity")
        }
        guard mask.count == 1, let maskCharacter = mask.first else {
            UsageErrors.fail(japanese: "--mask には 1 文字を指定してください。", english: "--mask takes one character")
        }
        var options = RedactionOptions()
        options.minSeverity = severity
        options.also = also
        options.mask = maskCharacter
        options.sanitize = sanitize
        options.allowIncomplete = allowIncomplete
        if let decisions {
            guard let data = FileManager.default.contents(atPath: decisions),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                UsageErrors.fail(japanese: "判断のファイル「\(decisions)」を読めません（JSON: {\"keep\": [...], \"remove\": [...]}）。", english: "bad --decisions file")
            }
            options.keep = Set(object["keep"] as? [String] ?? [])
            options.remove = Set(object["remove"] as? [String] ?? [])
        }
        var limits = ExtractionLimitsDefaults.value
        limits.timePerFile = timeLimit
        let rulesOption = self.rulesOption
        let rules = PendingRuleSet { try rulesOption.load() }
        let suppressor = try suppression.suppressor(paths: paths, rules: rulesOption)
        let redaction = DocumentRedaction(scanner: DocumentScanner(rules: rules, limits: limits, suppressor: suppressor))
        let outDir = output.map { URL(fileURLWithPath: $0) }
        let outIsDir = outDir.map { paths.count > 1 || (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true } ?? false
        var results: [(RedactionResult, String?)] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var result = redaction.redact(fileAt: url, displayPath: path, options: options)
            _ = try rules.wait()
            var written: String? = nil
            if result.status == .redacted, let bytes = result.output {
                let target = RedactionOutputPath.target(for: url, output: outDir, outputIsDirectory: outIsDir,
                                                        extension: result.outputExtension)
                if target.standardizedFileURL.path == url.standardizedFileURL.path {
                    result.status = .failed; result.reason = "would_overwrite"; result.message = "元のファイルは上書きしません。別の出力先を指定してください。"
                } else if let e = RedactionOutputPath.write(bytes, to: target) {
                    result.status = .failed; result.reason = "write_error"; result.message = e
                } else {
                    written = target.path
                }
            }
            FileHandle.standardError.write(Data(RedactionSummaryLine.line(result, written: written).utf8))
            results.append((result, written))
        }
        if let report {
            let json = RedactionReportJSON.document(results, showText: showText)
            guard (try? json.write(to: URL(fileURLWithPath: report))) != nil else {
                UsageErrors.fail(japanese: "結果のファイル「\(report)」を書けません。", english: "cannot write --report")
            }
        }
        let code = RedactionReportJSON.exitCode(results.map(\.0))
        if code != 0 { throw ExitCode(code) }
    }
}

/// Where a redacted copy goes, and writing it so that a failure leaves nothing under the final name.
enum RedactionOutputPath {
    /// `extension`: the copy's own when it differs from the input's (a .doc redacted as .docx).
    static func target(for input: URL, output: URL?, outputIsDirectory: Bool, extension: String? = nil) -> URL {
        let ext = `extension` ?? input.pathExtension
        let base = input.deletingPathExtension().lastPathComponent
        let name = ext.isEmpty ? "\(base).redacted" : "\(base).redacted.\(ext)"
        guard let output else { return input.deletingLastPathComponent().appendingPathComponent(name) }
        return outputIsDirectory ? output.appendingPathComponent(name) : output
    }

    /// Writes through a temporary file in the same directory and renames it; nil on success.
    static func write(_ data: Data, to target: URL) -> String? {
        let dir = target.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: tmp)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: tmp, to: target)
            return nil
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            return "墨消し版を書けませんでした（\(target.path)）。"
        }
    }
}

/// One line per file for a person.
enum RedactionSummaryLine {
    static func line(_ r: RedactionResult, written: String?) -> String {
        switch r.status {
        case .redacted:
            let extra = r.alsoRemoved.isEmpty ? "" : "、ほか同じ文字列など \(r.alsoRemoved.count) 種"
            let kept = r.retention.map { String(format: "、ほかの文字の %.1f %% を保持", $0 * 100) } ?? ""
            var s = "\(r.path) → \(written ?? "?"): \(r.removed.count) 件を墨消ししました\(extra)（再検査・独立検査で確認済み\(kept)）。\n"
            for n in r.notes { s += "  注意: \(n)\n" }
            return s
        case .nothingToRemove:
            return "\(r.path): 消す対象の個人情報は見つかりませんでした（墨消し版は作りません）。\n"
        case .refused:
            return "\(r.path): \(r.message ?? "墨消ししません。") (\(r.reason ?? "refused"))\n"
        case .failed:
            return "\(r.path): \(r.message ?? "墨消しに失敗しました。") (\(r.reason ?? "failed"))\n"
        }
    }
}
