import Foundation
import Sumi
import SumiOCR
import SumiServer

// `sumi serve` runs this program (the scanning CLI does not link the server). Flags:
//   --host H (127.0.0.1)  --port P (8080; 0 = any free port)  --max-upload-mb N (64)
//   --time-limit S (60)  --jobs N (cores)  --queue N (16)  --token-file F  --rules DIR

func fail(_ ja: String) -> Never {
    FileHandle.standardError.write(Data("sumi serve: エラー: \(ja) (usage_error)\n".utf8))
    exit(2)
}

func parse(_ arguments: [String]) -> ServerConfiguration {
    var config = ServerConfiguration()
    var args = arguments
    func value(_ flag: String) -> String? {
        guard let i = args.firstIndex(of: flag) else { return nil }
        guard i + 1 < args.count else { fail("\(flag) に値がありません。") }
        defer { args.removeSubrange(i...(i + 1)) }
        return args[i + 1]
    }
    if let v = value("--host") { config.host = v }
    if let v = value("--port") { guard let p = Int(v), (0...65535).contains(p) else { fail("--port は 0〜65535 です。") }; config.port = p }
    if let v = value("--max-upload-mb") { guard let n = Int(v), n > 0 else { fail("--max-upload-mb は正の整数です。") }; config.maxUploadBytes = n << 20 }
    if let v = value("--time-limit") { guard let s = Double(v), s > 0 else { fail("--time-limit は正の秒数です。") }; config.timeLimit = s }
    if let v = value("--jobs") { guard let n = Int(v), n > 0 else { fail("--jobs は正の整数です。") }; config.maxConcurrent = n }
    if let v = value("--queue") { guard let n = Int(v), n >= 0 else { fail("--queue は 0 以上の整数です。") }; config.queueLength = n }
    if let v = value("--rules") { config.rulesDirectory = URL(fileURLWithPath: v) }
    if let v = value("--token-file") {
        guard let t = try? String(contentsOfFile: v, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else {
            fail("トークンのファイル「\(v)」を読めません。")
        }
        config.token = t
    }
    if !args.isEmpty { fail("知らない引数: \(args.joined(separator: " "))") }
    return config
}

OpenMPThreads.ensureSingleThreaded()   // before any thread starts
let config = parse(Array(CommandLine.arguments.dropFirst()))
if !["127.0.0.1", "localhost", "::1"].contains(config.host) && config.token == nil {
    FileHandle.standardError.write(Data("sumi serve: 注意: \(config.host) で待ち受けます。--token-file なしでは誰でも使えます。\n".utf8))
}
let host = config.host
do {
    try await SumiServer(configuration: config).run { port in
        FileHandle.standardOutput.write(Data("sumi serve: http://\(host):\(port)/ で待ち受けています\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("sumi serve: 起動できません: \(error)\n".utf8))
    exit(1)
}
