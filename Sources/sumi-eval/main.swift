import ArgumentParser
import Foundation
import SumiEval

/// `sumi-eval`: scores scan reports against `Corpus/truth.json` and gates on the thresholds file.
struct SumiEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sumi-eval",
        abstract: "Scores scan reports (sumi scan --format json, or another tool's output in that shape) against the ground truth.",
        discussion: """
        Exit codes: 0 scored (and every figure at or above the thresholds), 1 a figure below a threshold, 2 usage or unreadable input.
        With several reports, prints one table each and a side-by-side line per report.
        """)

    @Argument(help: "Report JSON files (- for standard input).")
    var reports: [String]

    @Option(name: .long, help: "Ground truth (Corpus/truth.json).")
    var truth = "Corpus/truth.json"

    @Option(name: .long, help: "Score only truth documents whose path starts with this (repeatable), e.g. eval/.")
    var scope: [String] = []

    @Option(name: .long, help: "Thresholds YAML: exit 1 when the first report is below any of them.")
    var thresholds: String?

    @Option(name: .long, help: "Rewrite this thresholds YAML, raising each floor to what the first report achieves (never lowering).")
    var raise: String?

    @Flag(name: .long, help: "Machine-readable output: one scorecard per report.")
    var json = false

    @Flag(name: .shortAndLong, help: "List every miss and false alarm.")
    var verbose = false

    func run() throws {
        do {
            let truthSet = try GroundTruth.load(URL(fileURLWithPath: truth)).scoped(to: scope)
            let scorer = Scorer(truth: truthSet)
            var cards: [Scorecard] = []
            for path in reports {
                let report = try EvalReport.load(URL(fileURLWithPath: path))
                let name = report.tool?.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                cards.append(scorer.score(report, tool: name))
            }
            if json {
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let out = cards.count == 1 ? try enc.encode(cards[0]) : try enc.encode(cards)
                FileHandle.standardOutput.write(out + Data("\n".utf8))
            } else {
                for c in cards { print(ScoreTable.render(c, verbose: verbose)) }
                if cards.count > 1 { print(ScoreTable.compare(cards)) }
            }
            guard let first = cards.first else { return }
            if let raise {
                let url = URL(fileURLWithPath: raise)
                let old = FileManager.default.fileExists(atPath: raise) ? try Thresholds.load(url) : Thresholds()
                try old.raised(to: Thresholds.achieved(by: first)).yaml().write(to: url, atomically: true, encoding: .utf8)
                FileHandle.standardError.write(Data("sumi-eval: thresholds raised in \(raise)\n".utf8))
            }
            if let thresholds {
                let violations = try Thresholds.load(URL(fileURLWithPath: thresholds)).check(first)
                for v in violations { FileHandle.standardError.write(Data("sumi-eval: BELOW THRESHOLD \(v)\n".utf8)) }
                if !violations.isEmpty {
                    FileHandle.standardError.write(Data("sumi-eval: \(violations.count) figure(s) below \(thresholds)\n".utf8))
                    throw ExitCode(1)
                }
                FileHandle.standardError.write(Data("sumi-eval: every figure at or above \(thresholds)\n".utf8))
            }
        } catch let e as EvalError {
            FileHandle.standardError.write(Data("sumi-eval: \(e)\n".utf8))
            throw ExitCode(2)
        }
    }
}

SumiEvalCommand.main()
