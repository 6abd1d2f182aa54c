import ArgumentParser
import Foundation
import Sumi
import SumiBatch
import SumiModel
import SumiReport

/// `sumi report`: a report from what an archive scan recorded — its cache (`--cache`) or the
/// JSON Lines of several shards (`merge`) — in any format, without reading a document again.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "キャッシュや分割した検査の結果から報告を作ります (report from a cache; merge shards).",
        subcommands: [FromCache.self, Merge.self],
        defaultSubcommand: FromCache.self)

    struct Output: ParsableArguments {
        @Option(name: .long, help: "出力形式: text | json | jsonl | sarif | csv | html")
        var format: ReportFormat = .text
        @Option(name: .long, help: "結果を書くファイル（既定: 標準出力）")
        var output: String?
        @Option(name: .customLong("fail-on"), help: "この重大度以上の検出で終了コード 1")
        var failOn: String = "low"

        /// Writes the report and returns its exit code (as `sumi scan` would have).
        func write(_ report: ScanReport) -> Int32 {
            guard let threshold = Severity(rawValue: failOn) else {
                UsageErrors.fail(japanese: "--fail-on は critical, high, medium, low のいずれかです。", english: "bad --fail-on")
            }
            // Reports come as they were recorded: masked already when the scan masked them.
            ReportOutput.write(report, format: format, options: ReportOptions(color: ReportOutput.color(format: format, output: output)), output: output)
            return report.exitCode(failOn: threshold)
        }
    }

    struct FromCache: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "キャッシュの最後の検査を報告にします")
        @Option(name: .long, help: "sumi scan --cache で書いたキャッシュ") var cache: String
        @OptionGroup var out: Output

        func run() throws {
            let recorded = RecordedRun.load(cache)
            let code = out.write(recorded.report)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "分割した検査（--shard）の結果をひとつの報告にまとめます（jsonl またはキャッシュ）")
        @Argument(help: "sumi scan --format jsonl の出力、または --cache のキャッシュ") var inputs: [String]
        @OptionGroup var out: Output

        func run() throws {
            let code = out.write(RecordedRun.merge(inputs.map(RecordedRun.load)))
            if code != 0 { throw ExitCode(code) }
        }
    }
}

/// What one recorded scan holds: the reports and the versions they were made with.
struct RecordedRun {
    var source: String
    var toolVersion: String
    var rulesVersion: String
    var files: [FileReport]
    var elapsedSeconds: Double

    var report: ScanReport {
        ScanReport(version: toolVersion, rulesVersion: rulesVersion, files: files, elapsedSeconds: elapsedSeconds)
    }

    /// Reads a cache (SQLite, by its header) or a JSON Lines report.
    static func load(_ path: String) -> RecordedRun {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            UsageErrors.fail(japanese: "「\(path)」を読めません。", english: "cannot read input")
        }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if head.starts(with: Array("SQLite format 3".utf8)) {
            do {
                let (run, files) = try ScanCache.latest(URL(fileURLWithPath: path))
                if !run.finished {
                    FileHandle.standardError.write(Data("sumi: 警告: キャッシュ「\(path)」の最後の検査は途中で終わっています。同じコマンドをもう一度実行すると続きから再開します。\n".utf8))
                }
                return RecordedRun(source: path, toolVersion: run.toolVersion, rulesVersion: run.rulesVersion, files: files, elapsedSeconds: 0)
            } catch let e as ScanCache.OpenError {
                UsageErrors.fail(japanese: "キャッシュ「\(path)」を読めません（\(e.description)）。", english: "cannot read cache")
            } catch {
                UsageErrors.fail(japanese: "キャッシュ「\(path)」を読めません。", english: "cannot read cache: \(error)")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            UsageErrors.fail(japanese: "「\(path)」を読めません。", english: "cannot read input")
        }
        var run = RecordedRun(source: path, toolVersion: sumiVersion, rulesVersion: "", files: [], elapsedSeconds: 0)
        var sawSummary = false
        for (n, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            if let s = try? JSONDecoder().decode(BatchSummary.SummaryLine.self, from: line) {
                run.toolVersion = s.summary.tool.version
                run.rulesVersion = s.summary.tool.rulesVersion
                run.elapsedSeconds = s.summary.elapsedSeconds
                sawSummary = true
                continue
            }
            guard let f = try? FileReport.decode(jsonLine: line) else {
                UsageErrors.fail(japanese: "「\(path)」の \(n + 1) 行目は sumi の jsonl の行ではありません。", english: "bad jsonl line")
            }
            run.files.append(f)
        }
        if !sawSummary {
            FileHandle.standardError.write(Data("sumi: 警告: 「\(path)」には最後の集計行がありません（検査が途中で止まった可能性があります）。\n".utf8))
        }
        return run
    }

    /// Joins runs (shards) into one report: files in the order a walk gives them, one entry
    /// per path (a path in two inputs keeps the later input's report, with a warning).
    static func merge(_ runs: [RecordedRun]) -> ScanReport {
        var byPath: [String: FileReport] = [:]
        var duplicates = 0
        for run in runs {
            for f in run.files {
                if byPath.updateValue(f, forKey: f.path) != nil { duplicates += 1 }
            }
        }
        if duplicates > 0 {
            FileHandle.standardError.write(Data("sumi: 警告: \(duplicates) 件のパスが複数の入力にありました（後の入力の結果を使いました）。\n".utf8))
        }
        let rules = Set(runs.map(\.rulesVersion).filter { !$0.isEmpty })
        if rules.count > 1 {
            FileHandle.standardError.write(Data("sumi: 警告: 入力によってルールの版が違います（\(rules.sorted().joined(separator: "、"))）。\n".utf8))
        }
        let files = byPath.values.sorted { TargetList.walkOrder($0.path, $1.path) }
        return ScanReport(version: runs.first?.toolVersion ?? sumiVersion, rulesVersion: rules.sorted().last ?? "",
                          files: files, elapsedSeconds: runs.map(\.elapsedSeconds).max() ?? 0)
    }
}
