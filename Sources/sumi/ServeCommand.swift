import ArgumentParser
import Foundation

/// `sumi serve`: starts the HTTP API and the staff page. The server is its own program
/// (`sumi-server`, beside this one) so that the scanning CLI does not carry the web stack;
/// this command runs it with the same arguments.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "HTTP API と職員向けの画面を起動します (start the HTTP API and web page; default 127.0.0.1:8080).")

    @Argument(parsing: .captureForPassthrough, help: "--host, --port, --max-upload-mb, --time-limit, --jobs, --queue, --token-file, --rules")
    var arguments: [String] = []

    func run() throws {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let server = me.deletingLastPathComponent().appendingPathComponent("sumi-server")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            UsageErrors.fail(japanese: "sumi-server が見つかりません（\(server.path)）。swift build --product sumi-server で作ってください。", english: "sumi-server not found")
        }
        let argv = [server.path] + arguments
        var cargs = argv.map { strdup($0) } + [nil]
        execv(server.path, &cargs)
        UsageErrors.fail(japanese: "sumi-server を起動できません。", english: "execv failed")
    }
}
