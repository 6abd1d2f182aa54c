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
        subcommands: [Scan.self, Redact.self, Report.self, Serve.self, Extract.self, Rules.self, Worker.self],
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
