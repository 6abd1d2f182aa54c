import ArgumentParser
import Foundation
import Sumi
import SumiModel
import SumiReport
import SumiRules

/// The allowlist and baseline flags of `sumi scan` (and `sumi redact`).
struct SuppressionOptions: ParsableArguments {
    @Option(name: .long, help: "許可リスト（YAML）。既定: 検査するディレクトリの sumi.yaml、なければカレントの sumi.yaml、と Rules/allow/")
    var config: String?

    @Flag(name: .customLong("no-allow"), help: "許可リストとベースラインを使わず、すべて表示します")
    var noAllow = false

    @Option(name: .long, help: "ベースライン（以前の検出を確認済みとして抑止。鍵は FILE.key）")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "今回の検出をベースラインとして書きます（鍵 FILE.key がなければ作ります）")
    var writeBaseline: String?

    func suppressor(paths: [String], rules: RulesOption) throws -> Suppressor {
        if noAllow { return Suppressor() }
        var files: [URL] = []
        if let config {
            files.append(URL(fileURLWithPath: config))
        } else {
            for p in paths {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
                    let y = URL(fileURLWithPath: p).appendingPathComponent("sumi.yaml")
                    if FileManager.default.fileExists(atPath: y.path) { files.append(y) }
                }
            }
            if files.isEmpty, FileManager.default.fileExists(atPath: "sumi.yaml") { files.append(URL(fileURLWithPath: "sumi.yaml")) }
        }
        let shipped = (rules.rules.map { URL(fileURLWithPath: $0) } ?? RulesLocator.defaultDirectory()).map { $0.appendingPathComponent("allow") }
        do {
            let allow = try Allowlist.load(directories: shipped.map { [$0] } ?? [], files: files)
            let base = try baseline.map { try Baseline.load(URL(fileURLWithPath: $0)) }
            return Suppressor(allowlist: allow, baseline: base)
        } catch let e as Allowlist.LoadError {
            UsageErrors.fail(japanese: "許可リストまたはベースラインを読めません: \(e.description)", english: "bad allowlist or baseline (config_error)")
        }
    }

    func writeBaselineIfAsked(_ files: [FileReport], ruleSet: RuleSet) throws {
        guard let writeBaseline else { return }
        let url = URL(fileURLWithPath: writeBaseline)
        do {
            let key = try Baseline.key(for: url, create: true)
            let b = Suppressor.baseline(of: files, key: key) { DocumentScanner.normalizedForSuppression($0, ruleSet) }
            try b.write(to: url)
            FileHandle.standardError.write(Data("sumi: ベースラインを書きました: \(writeBaseline)（\(b.counts.values.reduce(0, +)) 件、鍵 \(writeBaseline).key）\n".utf8))
        } catch {
            UsageErrors.fail(japanese: "ベースライン「\(writeBaseline)」を書けません。", english: "cannot write baseline")
        }
    }
}
