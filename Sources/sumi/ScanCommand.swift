import ArgumentParser
import Foundation
import Sumi
import SumiBatch
import SumiExtract
import SumiModel
import SumiReport
import SumiRules

/// `sumi scan`: one file, a few, or an archive (README, "Archive scans").
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "ファイル・ディレクトリを検査します (scan files; - for stdin).")

    @Argument(help: "検査するファイルまたはディレクトリ。- で標準入力。")
    var paths: [String] = []

    @Option(name: .long, help: "出力形式: text | json | jsonl（1 ファイル 1 行、終わったものから）| sarif | csv（Excel 用、BOM 付き UTF-8）| html（ページの画像つき、--output と）")
    var format: ReportFormat = .text

    @Option(name: .long, help: "結果を書くファイル（既定: 標準出力）")
    var output: String?

    @Flag(name: .long, help: "検出した文字列を伏せて出力します（山田＊＊、090-＊＊＊＊-5678）")
    var mask = false

    @Option(name: .customLong("fail-on"), help: "この重大度以上の検出で終了コード 1: critical | high | medium | low")
    var failOn: String = "low"

    @Option(name: .long, help: "1 ファイルあたりの制限時間（秒）")
    var timeLimit: Double = 120

    @Option(name: .long, help: "同時に検査するファイル数")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "問題のないファイルを一覧に出さず、進み具合も表示しません")
    var quiet = false

    @Flag(name: .customLong("no-ocr"), help: "画像の中の文字を OCR で読みません（画像だけのページは「一部未確認」のまま）")
    var noOCR = false

    @OptionGroup var archive: ArchiveOptions

    @OptionGroup var suppression: SuppressionOptions

    @OptionGroup var rulesOption: RulesOption

    func run() throws {
        guard let threshold = Severity(rawValue: failOn) else {
            UsageErrors.fail(japanese: "--fail-on は critical, high, medium, low のいずれかです。", english: "bad --fail-on")
        }
        archive.validate(paths: paths)
        let started = Date()
        let targets = archive.targets(paths: paths)
        // An archive: what the flags ask for, or simply many files. One file's crash must
        // not cost the report of the others, so archives read in worker processes.
        let isArchive = archive.asksForArchive || format == .jsonl || archive.isolate == true || targets.count >= 100
        var limits = ExtractionLimitsDefaults.value
        limits.timePerFile = timeLimit
        let suppressor = try suppression.suppressor(paths: paths, rules: rulesOption)
        // Rules load on another core while the first files are read; only the rule stage waits.
        let rulesOption = self.rulesOption
        let rules = PendingRuleSet { try rulesOption.load() }
        let scanner = DocumentScanner(rules: rules, limits: limits, suppressor: suppressor, ocr: noOCR ? nil : DocumentScanner.archiveOCR)
        if isArchive {
            let code = try scanArchive(targets, scanner: scanner, suppressor: suppressor, threshold: threshold, started: started)
            if code != 0 { throw ExitCode(code) }
            return
        }
        let files = BatchScanner(scanner: scanner, concurrency: jobs).scan(targets)
        // A rule error (reported by `load`) ends the run; the reports made without rules are dropped.
        let ruleSet = try rules.wait()
        let report = ScanReport(version: sumiVersion, rulesVersion: ruleSet.version, files: files,
                                elapsedSeconds: Date().timeIntervalSince(started))
        try suppression.writeBaselineIfAsked(files, ruleSet: ruleSet)
        ReportOutput.write(report, format: format, options: ReportOptions(mask: mask, color: ReportOutput.color(format: format, output: output), quiet: quiet), output: output)
        let code = report.exitCode(failOn: threshold)
        if code != 0 { throw ExitCode(code) }
    }

    /// The archive run: workers, cache, progress, reports streamed or kept for one document.
    private func scanArchive(_ targets: TargetTable, scanner: DocumentScanner, suppressor: Suppressor,
                             threshold: Severity, started: Date) throws -> Int32 {
        let streaming = format == .jsonl
        if streaming && suppression.writeBaseline != nil {
            UsageErrors.fail(japanese: "--write-baseline は --format jsonl とは使えません（json などで書いてください）。", english: "--write-baseline with jsonl")
        }
        if mask && suppression.writeBaseline != nil {
            UsageErrors.fail(japanese: "--write-baseline は --mask とは使えません（伏せた文字列からはベースラインを作れません）。", english: "--write-baseline with --mask")
        }
        let ruleSet = try scanner.rules.wait()
        var cache: ScanCache?
        if let path = archive.cache {
            do {
                cache = try ScanCache(url: URL(fileURLWithPath: path), toolVersion: sumiVersion, rulesVersion: ruleSet.version,
                                      configuration: configurationDigest(ruleSet: ruleSet, suppressor: suppressor))
            } catch let e as ScanCache.OpenError {
                UsageErrors.fail(japanese: "キャッシュ「\(path)」を開けません（\(e.description)）。", english: "cannot open --cache")
            } catch {
                UsageErrors.fail(japanese: "キャッシュ「\(path)」を開けません。", english: "cannot open --cache: \(error)")
            }
        }
        let isolate = archive.isolate ?? true
        let workers = isolate ? WorkerPool(.init(executable: WorkerPool.currentExecutable, arguments: workerArguments(),
                                                 timePerFile: timeLimit), slots: jobs) : nil
        let batch = BatchScanner(scanner: scanner, concurrency: jobs, workers: workers, cache: cache, mask: mask)
        let progress = quiet ? nil : ProgressMeter(style: ProgressMeter.styleForStandardError, total: targets.count,
                                                  totalBytes: Self.totalBytes(targets))
        progress?.start()
        var summary = BatchSummary(toolVersion: sumiVersion, rulesVersion: ruleSet.version, shard: archive.parsedShard?.description)
        let sink = streaming ? ReportOutput.stream(to: output) : nil
        var kept: [FileReport] = []
        batch.run(targets, ordered: !(streaming && archive.unordered), progress: progress) { _, report, cached in
            summary.add(report, fromCache: cached)
            if let sink { sink.write(Data(JSONLinesReportWriter.line(for: report))) } else { kept.append(report) }
        }
        progress?.finish()
        workers?.shutdown()
        do { try cache?.finish(files: targets.count) } catch {
            FileHandle.standardError.write(Data("sumi: 警告: キャッシュに最後の結果を書けませんでした（次回はそのファイルを読み直します）。\n".utf8))
        }
        summary.elapsedSeconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
        if let sink {
            sink.write(JSONLinesReportWriter.summaryLine(summary))
            if output != nil { try? sink.close() }
        } else {
            let report = ScanReport(version: sumiVersion, rulesVersion: ruleSet.version, files: kept, elapsedSeconds: summary.elapsedSeconds)
            try suppression.writeBaselineIfAsked(kept, ruleSet: ruleSet)
            // Already masked by the batch (the cache holds what the report holds).
            ReportOutput.write(report, format: format, options: ReportOptions(mask: false, color: ReportOutput.color(format: format, output: output), quiet: quiet), output: output)
        }
        if let path = archive.summary {
            guard (try? summary.json(pretty: true).write(to: URL(fileURLWithPath: path))) != nil else {
                UsageErrors.fail(japanese: "集計ファイル「\(path)」を書けません。", english: "cannot write --summary")
            }
        }
        return summary.exitCode(failOn: threshold)
    }

    /// The arguments a worker needs to scan as this command does.
    private func workerArguments() -> [String] {
        var a = ["worker", "--time-limit", String(timeLimit), "--memory-limit", String(archive.workerMemory)]
        if let r = rulesOption.rules { a += ["--rules", r] }
        if let c = suppression.config { a += ["--config", c] }
        if suppression.noAllow { a.append("--no-allow") }
        if noOCR { a.append("--no-ocr") }
        if let b = suppression.baseline { a += ["--baseline", b] }
        return a + ["--"] + paths.filter { $0 != "-" }
    }

    /// Everything besides a file's bytes that changes its report: a cached report made with
    /// another value of any of these is stale.
    private func configurationDigest(ruleSet: RuleSet, suppressor: Suppressor) -> String {
        var sha = SHA256()
        sha.update("sumi \(sumiVersion)\u{0}rules \(ruleSet.version)\u{0}mask \(mask)\u{0}time \(timeLimit)\u{0}ocr \(!noOCR && DocumentScanner.defaultOCR != nil)\u{0}")
        sha.update(suppressor.digest)
        return sha.hexDigest()
    }

    private static func totalBytes(_ targets: TargetTable) -> Int64 {
        var total: Int64 = 0
        for case .file(let url, _) in targets {
            total += ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
        }
        return total
    }
}
