import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Every request passes here: the bearer token for /v1 (when one is configured), security
/// headers on every answer (a CSP that allows only the page's own script and style, no
/// sniffing, no caching of results, no framing), errors as JSON, a log line without names or
/// content, and the metrics.
struct Guard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let server: SumiServer
    let logger: Logger

    static let csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = Date()
        let endpoint = Self.endpoint(request.uri.path)
        var response: Response
        do {
            if request.uri.path.hasPrefix("/v1/"), let token = server.configuration.token {
                let given = request.headers[.authorization] ?? ""
                guard Self.constantTimeEqual(given, "Bearer \(token)") else { throw APIError.unauthorized }
            }
            response = try await next(request, context)
        } catch let e as APIError {
            response = e.response()
        } catch let e as HTTPError {
            response = APIError(status: e.status, code: e.status == .notFound ? "not_found" : "bad_request",
                                message: e.status == .notFound ? "そのページはありません。" : "要求を処理できませんでした。").response()
        } catch {
            response = APIError(status: .internalServerError, code: "internal_error", message: "内部エラーが発生しました。").response()
        }
        response.headers[.contentSecurityPolicy] = Self.csp
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        let seconds = Date().timeIntervalSince(started)
        server.metrics.record(endpoint: endpoint, status: Int(response.status.code), seconds: seconds)
        logger.info("\(request.method.rawValue) \(endpoint) \(response.status.code) \(String(format: "%.3f", seconds))s")
        return response
    }

    /// The path without its query or anything a user chose (no file names in logs).
    static func endpoint(_ path: String) -> String {
        ["/", "/app.js", "/app.css", "/healthz", "/metrics", "/v1/rules", "/v1/scan", "/v1/redact"].contains(path) ? path : "other"
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<min(x.count, y.count) { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
