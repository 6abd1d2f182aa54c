import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Sumi
import SumiExtract
import SumiModel
import SumiRedact
import SumiReport
import SumiRules

/// `sumi serve`: the HTTP API a CMS calls before publishing and the page staff use, over the
/// same scanner, suppression, report writers and redactor as the CLI (no second pipeline).
/// No file is kept: uploads are scanned in memory; a redaction works in a private temporary
/// directory removed before the answer is sent, on error too. Logs carry the endpoint, the
/// status code, the size and the time, never a file name or its content.
public struct SumiServer: Sendable {
    public let configuration: ServerConfiguration
    let scanner: DocumentScanner
    let gate: AdmissionGate
    let metrics = Metrics()

    public init(configuration: ServerConfiguration, suppressor: Suppressor = Suppressor()) {
        self.configuration = configuration
        var limits = ExtractionLimits()
        limits.timePerFile = configuration.timeLimit
        let dir = configuration.rulesDirectory
        let rules = PendingRuleSet {
            guard let d = dir ?? RulesLocator.defaultDirectory() else {
                throw RuleLoadError(file: "Rules", message: "ルールのディレクトリが見つかりません")
            }
            return try RuleSet(directory: d)
        }
        scanner = DocumentScanner(rules: rules, limits: limits, suppressor: suppressor)
        gate = AdmissionGate(concurrent: configuration.maxConcurrent, queue: configuration.queueLength)
    }

    /// Runs until the process is stopped. `onListening` gets the port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        _ = try scanner.rules.wait() // fail at start, not on the first request
        var logger = Logger(label: "sumi-server")
        logger.logLevel = .info
        let app = Application(
            router: router(logger: logger),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "sumi"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService()
    }

    func router(logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: Guard(server: self, logger: logger))
        router.get("/") { _, _ in Self.asset(WebAssets.indexHTML, "text/html; charset=utf-8") }
        router.get("/app.js") { _, _ in Self.asset(WebAssets.appJS, "text/javascript; charset=utf-8") }
        router.get("/app.css") { _, _ in Self.asset(WebAssets.appCSS, "text/css; charset=utf-8") }
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}")))
        }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: self.metrics.text())))
        }
        router.get("/v1/rules") { _, _ in try self.rules() }
        router.post("/v1/scan") { request, _ in try await self.scan(request) }
        router.post("/v1/redact") { request, _ in try await self.redact(request) }
        return router
    }

    static func asset(_ text: String, _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: endpoints

    func rules() throws -> Response {
        let set = try scanner.rules.wait()
        let list = set.ruleInfos.map { r -> [String: Any] in
            ["id": r.id, "category": r.category.rawValue, "label": r.label, "severity": r.severity.rawValue, "legal_class": r.legalClass.rawValue]
        }
        let data = try JSONSerialization.data(withJSONObject: ["rules_version": set.version, "rules": list], options: [.sortedKeys, .prettyPrinted])
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func scan(_ request: Request) async throws -> Response {
        let upload = try await self.upload(request)
        let q = request.uri.queryParameters
        let mask = q.get("mask").map { $0 == "1" || $0 == "true" } ?? false
        let render = q.get("render").map { $0 == "1" || $0 == "true" } ?? false
        let failOn = q.get("fail_on").flatMap { Severity(rawValue: String($0)) } ?? .low
        let (report, pages) = try await admitted {
            let file = self.scanner.scan(data: upload.data, name: upload.name, threads: 1)
            let pages = render && file.format == .pdf
                ? PageImages.render(ExtractionInput(data: upload.data, name: upload.name), pages: nil, maxPages: 30) : []
            return (file, pages)
        }
        metrics.file(status: report.status.rawValue)
        let ruleSet = try scanner.rules.wait()
        let full = ScanReport(version: sumiVersion, rulesVersion: ruleSet.version, files: [report], elapsedSeconds: report.elapsedSeconds ?? 0)
        var body = ReportFormat.json.writer(ReportOptions(mask: mask)).write(full)
        if !pages.isEmpty, var object = try JSONSerialization.jsonObject(with: body) as? [String: Any] {
            object["pages"] = pages.map { ["page": $0.page, "width": $0.width, "height": $0.height, "image": "data:image/png;base64," + $0.png.base64EncodedString()] }
            body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        }
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers[.sumiStatus] = report.status.rawValue
        headers[.sumiExitCode] = String(full.exitCode(failOn: failOn))
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    func redact(_ request: Request) async throws -> Response {
        let upload = try await self.upload(request)
        var options = RedactionOptions()
        if let raw = request.headers[.sumiDecisions], let data = Data(base64Encoded: raw),
           let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            options.keep = Set(obj["keep"] as? [String] ?? [])
            options.remove = Set(obj["remove"] as? [String] ?? [])
        }
        let q = request.uri.queryParameters
        if let keep = q.get("keep") { options.keep.formUnion(keep.split(separator: ",").map(String.init)) }
        if let sev = q.get("min_severity").flatMap({ Severity(rawValue: String($0)) }) { options.minSeverity = sev }
        let chosen = options
        let result: RedactionResult = try await admitted {
            let dir = try PrivateDirectory()
            defer { dir.remove() }
            let file = dir.url.appendingPathComponent(upload.name)
            try upload.data.write(to: file)
            return DocumentRedaction(scanner: self.scanner).redact(fileAt: file, displayPath: upload.name, options: chosen)
        }
        switch result.status {
        case .redacted, .nothingToRemove:
            let bytes = result.output ?? upload.data
            let summary: [String: Any] = ["status": result.status.rawValue, "removed": result.removed.count,
                                          "notes": result.notes, "retention": result.retention ?? 1]
            let json = (try? JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])) ?? Data()
            let ext = result.outputExtension ?? (upload.name as NSString).pathExtension
            let base = (upload.name as NSString).deletingPathExtension
            let outName = ext.isEmpty ? "\(base).redacted" : "\(base).redacted.\(ext)"
            var headers: HTTPFields = [.contentType: "application/octet-stream"]
            headers[.contentDisposition] = "attachment; filename=\"redacted.\(ext)\"; filename*=UTF-8''\(outName.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "redacted")"
            headers[.sumiRedaction] = json.base64EncodedString()
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        case .refused:
            throw APIError(status: .unprocessableContent, code: result.reason ?? "incomplete", message: result.message ?? "墨消しできません。")
        case .failed:
            if result.reason == "time_limit" { throw APIError.timeLimit }
            throw APIError(status: .unprocessableContent, code: result.reason ?? "proof_failed", message: result.message ?? "墨消しできませんでした。")
        }
    }

    // MARK: helpers

    func upload(_ request: Request) async throws -> Upload {
        var request = request
        let max = configuration.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > max { throw APIError.tooLarge(max) }
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: max) } catch { throw APIError.tooLarge(max) }
        let upload = try Upload.parse(body: Data(byteBuffer: buffer), contentType: request.headers[.contentType],
                                      filename: request.uri.queryParameters.get("filename").map { String($0) })
        let head = upload.data.prefix(8192)
        if case .unknown = FormatDetector.detect(name: upload.name, head: head) { throw APIError.unsupported }
        return upload
    }

    /// Runs CPU-bound work off the event loops, once the gate lets it in (503 when full).
    func admitted<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard await gate.enter() else { metrics.busy(); throw APIError.busy }
        defer { Task { await gate.leave() } }
        return try await withCheckedThrowingContinuation { c in
            DispatchQueue.global(qos: .userInitiated).async { c.resume(with: Result { try work() }) }
        }
    }
}

extension HTTPField.Name {
    static let sumiStatus = HTTPField.Name("X-Sumi-Status")!
    static let sumiExitCode = HTTPField.Name("X-Sumi-Exit-Code")!
    static let sumiDecisions = HTTPField.Name("X-Sumi-Decisions")!
    static let sumiRedaction = HTTPField.Name("X-Sumi-Redaction")!
}

extension Data {
    init(byteBuffer: ByteBuffer) {
        self = Data(byteBuffer.readableBytesView)
    }
}
