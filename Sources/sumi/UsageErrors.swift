import ArgumentParser
import Foundation
import SumiOCR

/// How the CLI says that it was called wrongly: exit 2 (the README's table, not
/// ArgumentParser's 64), the Japanese explanation first, ArgumentParser's English after it,
/// and where to look (`--help`). A first argument that is neither a file nor a subcommand
/// but close to one (`sumi sacn x`) is answered with 「もしかして: sumi scan x」 rather than
/// scanned as a path that does not exist.
enum UsageErrors {
    static var subcommands: [String] { SumiCommand.configuration.subcommands.map { $0._commandName } + ["help"] }

    /// The suggestion for a mistyped subcommand, or nil when `arguments` look fine.
    static func suggestion(for arguments: [String], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "-",
              !subcommands.contains(first), !fileExists(first) else { return nil }
        let close = subcommands.map { ($0, editDistance(first.lowercased(), $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        guard let (name, _) = close else { return nil }
        return (["sumi", name] + arguments.dropFirst()).joined(separator: " ")
    }

    /// The Japanese sentence for an ArgumentParser error message (which is English).
    static func japanese(for english: String) -> String {
        let table: [(String, String)] = [
            ("Missing expected argument", "必要な引数がありません（検査するファイルやディレクトリを指定してください）。"),
            ("Unknown option", "知らないオプションです。"),
            ("is invalid for", "オプションの値が正しくありません。"),
            ("Unexpected argument", "余分な引数があります。"),
            ("Missing value for", "オプションの値がありません。"),
            ("The value", "オプションの値が正しくありません。"),
        ]
        for (key, ja) in table where english.contains(key) { return ja }
        return "コマンドの指定に誤りがあります。"
    }

    /// Writes the message and exits 2.
    static func fail(japanese: String, english: String?) -> Never {
        var text = "sumi: エラー: \(japanese)\n"
        if let english, !english.isEmpty { text += "  (\(english.trimmingCharacters(in: .whitespacesAndNewlines)))\n" }
        text += "使い方は sumi --help で確認できます。 (usage_error)\n"
        FileHandle.standardError.write(Data(text.utf8))
        exit(ExitStatus.usage)
    }

    /// Levenshtein distance (insertions, deletions, substitutions), on characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension SumiCommand {
    /// The entry point: ArgumentParser's parsing with Sumi's exit codes and Japanese messages.
    static func main() {
        OpenMPThreads.ensureSingleThreaded()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty {
            UsageErrors.fail(japanese: "検査するファイルまたはディレクトリを指定してください（例: sumi scan 公開予定/）。", english: "missing paths")
        }
        if let better = UsageErrors.suggestion(for: arguments) {
            UsageErrors.fail(japanese: "「\(arguments[0])」というファイルもサブコマンドもありません。もしかして: \(better)", english: "no such file or subcommand")
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error) // --help, --version, and the exit codes the commands chose
            }
            if code == .validationFailure {
                UsageErrors.fail(japanese: UsageErrors.japanese(for: message(for: error)), english: message(for: error))
            }
            exit(withError: error)
        }
    }
}
