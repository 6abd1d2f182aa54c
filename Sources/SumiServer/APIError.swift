import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as JSON `{"error": {"code", "message"}}` with a stable code for machines
/// and a Japanese message for people.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var headers: HTTPFields = [:]

    static func badRequest(_ m: String) -> APIError { APIError(status: .badRequest, code: "bad_request", message: m) }
    static let unauthorized = APIError(status: .unauthorized, code: "unauthorized", message: "認証トークンが必要です（Authorization: Bearer …）。")
    static func tooLarge(_ max: Int) -> APIError {
        APIError(status: .contentTooLarge, code: "too_large", message: "ファイルが大きすぎます（上限 \(max >> 20) MB）。")
    }
    static let unsupported = APIError(status: .unsupportedMediaType, code: "unsupported_format",
                                      message: "この形式のファイルは読み取れません。PDF・Word・Excel・PowerPoint・HTML・テキスト・CSV に対応しています。")
    static let busy = APIError(status: .serviceUnavailable, code: "busy", message: "混み合っています。少し待ってからもう一度送ってください。",
                               headers: [.retryAfter: "5"])
    static let timeLimit = APIError(status: .gatewayTimeout, code: "time_limit", message: "時間内に処理が終わりませんでした。")

    func response() -> Response {
        let body: [String: Any] = ["error": ["code": code, "message": message]]
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        var h = headers
        h[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: h, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
