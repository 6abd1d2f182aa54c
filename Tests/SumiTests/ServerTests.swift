import Foundation
import XCTest
import SumiTestSupport

/// `sumi serve` over a real loopback socket: every endpoint, the error codes, the security
/// headers, the same report as the CLI, and no uploaded file left behind.
final class ServerTests: XCTestCase {
    /// A running sumi-server on a free port, with its own temporary directory.
    final class Server {
        let process = Process()
        let port: Int
        let tmp: URL

        init(_ extra: [String] = []) throws {
            TestEnvironment.isolateCache()
            tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-server-tmp-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            let out = tmp.deletingLastPathComponent().appendingPathComponent("sumi-server-out-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            process.executableURL = TestEnvironment.productsDirectory.appendingPathComponent("sumi-server")
            process.arguments = ["--port", "0", "--rules", TestEnvironment.root.appendingPathComponent("Rules").path] + extra
            var env = ProcessInfo.processInfo.environment
            env["TMPDIR"] = tmp.path
            process.environment = env
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = FileHandle.nullDevice
            try process.run()
            var found: Int? = nil
            let deadline = Date().addingTimeInterval(120)
            while found == nil && Date() < deadline && process.isRunning {
                let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
                if let r = text.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    found = Int(text[r].dropFirst("127.0.0.1:".count).dropLast())
                }
                usleep(100_000)
            }
            try? FileManager.default.removeItem(at: out)
            guard let found else { process.terminate(); throw XCTSkip("sumi-server did not start") }
            port = found
        }

        func stop() { process.terminate(); process.waitUntilExit(); try? FileManager.default.removeItem(at: tmp) }

        struct Reply { var status: Int; var headers: [String: String]; var body: Data }

        /// curl, so that the request is a real HTTP client's.
        func request(_ path: String, body: URL? = nil, headers: [String] = []) throws -> Reply {
            let dir = FileManager.default.temporaryDirectory
            let bodyFile = dir.appendingPathComponent("sumi-reply-\(UUID().uuidString)"), headFile = bodyFile.appendingPathExtension("h")
            defer { try? FileManager.default.removeItem(at: bodyFile); try? FileManager.default.removeItem(at: headFile) }
            var args = ["-s", "-o", bodyFile.path, "-D", headFile.path, "-w", "%{http_code}", "http://127.0.0.1:\(port)\(path)"]
            if let body { args += ["--data-binary", "@\(body.path)", "-H", "Content-Type: application/octet-stream"] }
            for h in headers { args += ["-H", h] }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            p.arguments = args
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let code = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            var hs: [String: String] = [:]
            for line in ((try? String(contentsOf: headFile, encoding: .utf8)) ?? "").components(separatedBy: "\r\n") {
                if let c = line.firstIndex(of: ":") { hs[line[..<c].lowercased()] = line[line.index(after: c)...].trimmingCharacters(in: .whitespaces) }
            }
            return Reply(status: Int(code) ?? 0, headers: hs, body: (try? Data(contentsOf: bodyFile)) ?? Data())
        }
    }

    func corpus(_ p: String) -> URL { TestEnvironment.root.appendingPathComponent("Corpus").appendingPathComponent(p) }

    func json(_ d: Data) throws -> [String: Any] { try XCTUnwrap(JSONSerialization.jsonObject(with: d) as? [String: Any]) }

    func testEndpointsHeadersAndTheSameReportAsTheCLI() throws {
        let s = try Server()
        defer { s.stop() }
        let health = try s.request("/healthz")
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.headers["x-content-type-options"], "nosniff")
        XCTAssertEqual(health.headers["cache-control"], "no-store")
        XCTAssertTrue(health.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        let page = try s.request("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(String(decoding: page.body, as: UTF8.self).contains("lang=\"ja\""))
        XCTAssertEqual(try s.request("/app.js").status, 200)
        let rules = try json(try s.request("/v1/rules").body)
        XCTAssertGreaterThan((rules["rules"] as? [Any])?.count ?? 0, 5)

        let pdf = corpus("samples/sample-application.pdf")
        let scan = try s.request("/v1/scan?filename=sample-application.pdf", body: pdf)
        XCTAssertEqual(scan.status, 200)
        XCTAssertEqual(scan.headers["x-sumi-status"], "findings")
        let served = try XCTUnwrap((try json(scan.body)["files"] as? [[String: Any]])?.first)
        let cli = try CLITests.run(["scan", "--format", "json", "--rules", TestEnvironment.root.appendingPathComponent("Rules").path, pdf.path])
        let local = try XCTUnwrap((try json(Data(cli.stdout.utf8))["files"] as? [[String: Any]])?.first)
        func ids(_ f: [String: Any]) -> [String] { ((f["findings"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String } }
        XCTAssertEqual(ids(served), ids(local), "the server's findings are the CLI's")
        XCTAssertEqual(served["status"] as? String, local["status"] as? String)

        let rendered = try json(try s.request("/v1/scan?filename=a.pdf&render=1", body: pdf).body)
        XCTAssertEqual((rendered["pages"] as? [[String: Any]])?.count, 1)

        let redacted = try s.request("/v1/redact?filename=sample-application.pdf", body: pdf)
        XCTAssertEqual(redacted.status, 200)
        XCTAssertTrue(redacted.headers["content-disposition"]?.contains("sample-application.redacted.pdf") == true)
        let summary = try json(try XCTUnwrap(Data(base64Encoded: redacted.headers["x-sumi-redaction"] ?? "")))
        XCTAssertEqual(summary["status"] as? String, "redacted")
        XCTAssertTrue(redacted.body.starts(with: Array("%PDF".utf8)))

        let metrics = String(decoding: try s.request("/metrics").body, as: UTF8.self)
        XCTAssertTrue(metrics.contains(#"sumi_requests_total{endpoint="/v1/scan",code="200"} 2"#), metrics)
        XCTAssertFalse(metrics.contains("sample-application"), "no file names in metrics")
        // Nothing of the uploads is left in the server's temporary directory.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: s.tmp.path), [])
    }

    func testErrorCodesAreJSONWithJapaneseMessages() throws {
        let s = try Server(["--max-upload-mb", "1", "--token-file", try tokenFile()])
        defer { s.stop() }
        let pdf = corpus("samples/sample-application.pdf")
        let auth = "Authorization: Bearer test-token-123"
        let noToken = try s.request("/v1/scan?filename=a.pdf", body: pdf)
        XCTAssertEqual(noToken.status, 401)
        XCTAssertEqual((try json(noToken.body)["error"] as? [String: Any])?["code"] as? String, "unauthorized")
        XCTAssertEqual(try s.request("/healthz").status, 200, "health needs no token")
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-x-\(UUID().uuidString).bin")
        try Data([0, 1, 2, 3, 0xFF, 0xFE]).write(to: bin)
        defer { try? FileManager.default.removeItem(at: bin) }
        let unsupported = try s.request("/v1/scan?filename=x.bin", body: bin, headers: [auth])
        XCTAssertEqual(unsupported.status, 415)
        let message = (try json(unsupported.body)["error"] as? [String: Any])?["message"] as? String ?? ""
        XCTAssertTrue(message.contains("読み取れません"), message)
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-big-\(UUID().uuidString).txt")
        try Data(repeating: 0x41, count: 2 << 20).write(to: big)
        defer { try? FileManager.default.removeItem(at: big) }
        XCTAssertEqual(try s.request("/v1/scan?filename=big.txt", body: big, headers: [auth]).status, 413)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-empty-\(UUID().uuidString)")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        XCTAssertEqual(try s.request("/v1/scan?filename=a.pdf", body: empty, headers: [auth]).status, 400)
        XCTAssertEqual(try s.request("/v1/scan?filename=a.pdf", body: pdf, headers: [auth]).status, 200)
        let scanned = try s.request("/v1/redact?filename=s.pdf", body: corpus("eval/pdf/pdf-scanned.pdf"), headers: [auth])
        XCTAssertEqual(scanned.status, 422)
        XCTAssertEqual((try json(scanned.body)["error"] as? [String: Any])?["code"] as? String, "incomplete")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: s.tmp.path), [])
    }

    func tokenFile() throws -> String {
        let f = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-token-\(UUID().uuidString)")
        try Data("test-token-123\n".utf8).write(to: f)
        return f.path
    }
}
