import ArgumentParser
import Foundation
import Sumi
import SumiExtract
import SumiModel
import SumiReport
import SumiRules

/// `sumi`: find personal information in Japanese documents before they are published.
/// `main()` is in UsageErrors.swift (Sumi's exit codes and Japanese usage messages).
@main
struct SumiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sumi",
        abstract: "公開前の文書から個人情報を見つけます (finds personal information in Japanese documents).",
        version: sumiVersion,
        subcommands: [Scan.self, Redact.self, Serve.self, Extract.self, Rules.self],
        defaultSubcommand: Scan.self)
}

/// Exit codes a CI can trust (README): 0 clean, 1 findings, 2 usage/configuration, 3 incomplete.
enum ExitStatus {
    static let usage: Int32 = 2
}

struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "ルールのディレクトリ (default: the Rules/ that ships with sumi)")
    var rules: String?

    func load(only: Set<String>? = nil) throws -> RuleSet {
        guard let dir = rules.map({ URL(fileURLWithPath: $0) }) ?? RulesLocator.defaultDirectory() else {
            FileHandle.standardError.write(Data("sumi: エラー: ルールのディレクトリが見つかりません。--rules で指定してください。 (rules_not_found)\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
        do {
            return try RuleSet(directory: dir, only: only)
        } catch let e as RuleLoadError {
            FileHandle.standardError.write(Data("sumi: ルールを読み込めません (rule_error): \(e)\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
    }
}

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "ファイル・ディレクトリを検査します (scan files; - for stdin).")

    @Argument(help: "検査するファイルまたはディレクトリ。- で標準入力。")
    var paths: [String]

    @Option(name: .long, help: "出力形式: text | json | sarif | csv（Excel 用、BOM 付き UTF-8）| html（ページの画像つき、--output と）")
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

    @Flag(name: .shortAndLong, help: "問題のないファイルを一覧に出しません (text output: hide clean files)")
    var quiet = false

    @OptionGroup var suppression: SuppressionOptions

    @OptionGroup var rulesOption: RulesOption

    func run() throws {
        guard let threshold = Severity(rawValue: failOn) else {
            UsageErrors.fail(japanese: "--fail-on は critical, high, medium, low のいずれかです。", english: "bad --fail-on")
        }
        let started = Date()
        var limits = ExtractionLimitsDefaults.value
        limits.timePerFile = timeLimit
        let suppressor = try suppression.suppressor(paths: paths, rules: rulesOption)
        // Rules load on another core while the first files are read; only the rule stage waits.
        let rulesOption = self.rulesOption
        let rules = PendingRuleSet { try rulesOption.load() }
        let batch = BatchScanner(scanner: DocumentScanner(rules: rules, limits: limits, suppressor: suppressor), concurrency: jobs)
        let files = batch.scan(BatchScanner.targets(for: paths))
        // A rule error (reported by `load`) ends the run; the reports made without rules are dropped.
        let ruleSet = try rules.wait()
        let report = ScanReport(version: sumiVersion, rulesVersion: ruleSet.version, files: files,
                                elapsedSeconds: Date().timeIntervalSince(started))
        try suppression.writeBaselineIfAsked(files, ruleSet: ruleSet)
        let color = output == nil && format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var images: [String: [PageImage]] = [:]
        if format == .html {
            // The pages with findings of each PDF, drawn for the report (at most 30 a file).
            for file in files where file.format == .pdf {
                let pages = Set(file.findings.compactMap(\.location.page))
                guard !pages.isEmpty, file.path != "-" else { continue }
                images[file.path] = PageImages.render(ExtractionInput(url: URL(fileURLWithPath: file.path), name: file.path), pages: pages)
            }
        }
        let data = format.writer(ReportOptions(mask: mask, color: color, quiet: quiet), pageImages: images).write(report)
        if let output {
            guard (try? data.write(to: URL(fileURLWithPath: output))) != nil else {
                UsageErrors.fail(japanese: "出力ファイル「\(output)」を書けません。", english: "cannot write --output")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
        let code = report.exitCode(failOn: threshold)
        if code != 0 { throw ExitCode(code) }
    }
}

extension ReportFormat: ExpressibleByArgument {}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "ルールの一覧・例の検査・判定理由の表示 (list, test, explain rules).",
        subcommands: [List.self, Test.self, Explain.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "ルールの一覧")
        @OptionGroup var rulesOption: RulesOption

        func run() throws {
            let set = try rulesOption.load()
            print("rules_version \(set.version)")
            for r in set.ruleInfos {
                print("\(r.id)\t\(r.category.rawValue)\t\(r.label)\t\(r.severity.rawValue)\t\(r.legalClass.label)\t\(r.file)")
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "各ルールの例 (match / no_match) を検査します")
        @Argument(help: "ルール ID（省略時はすべて）") var id: String?
        @OptionGroup var rulesOption: RulesOption

        func run() throws {
            let set = try rulesOption.load()
            let (checked, failures) = RuleExamples.run(set, only: id)
            for f in failures { print("FAIL \(f)") }
            print("\(checked - failures.count) passed, \(failures.count) failed")
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "テキストまたはファイルについて、どのルールがなぜ反応したかを表示します")
        @Argument(help: "テキスト、またはファイルのパス") var input: String
        @OptionGroup var rulesOption: RulesOption

        func run() throws {
            let set = try rulesOption.load()
            var text = input
            if FileManager.default.fileExists(atPath: input), let s = try? String(contentsOfFile: input, encoding: .utf8) {
                text = s
            }
            let result = RuleMatcher(set).detect(TextUnit(text: text), explain: true)
            let units = Array(text.utf16)
            for d in result.detections[0] {
                let s = String(decoding: units[d.range], as: UTF16.self)
                print("検出 \(d.rule) [\(d.severity.rawValue) \(d.confidence)] «\(s)» — \(d.reason)")
            }
            for r in result.rejections {
                print("除外 \(r.rule) «\(r.text)» — \(r.why)")
            }
            for n in result.notices { print("通知 \(n.code) — \(n.message)") }
            if result.detections[0].isEmpty && result.rejections.isEmpty { print("どのルールも反応しませんでした。") }
        }
    }
}
