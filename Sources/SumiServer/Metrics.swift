import Foundation

/// Counts for `GET /metrics` (Prometheus text format): requests by endpoint and status code,
/// time spent, files by scan status. Counts only: never a file name or a finding's text.
final class Metrics: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [String: Int] = [:]
    private var seconds: [String: Double] = [:]
    private var files: [String: Int] = [:]
    private var rejected = 0

    func record(endpoint: String, status: Int, seconds s: Double) {
        lock.lock(); defer { lock.unlock() }
        requests["endpoint=\"\(endpoint)\",code=\"\(status)\"", default: 0] += 1
        seconds[endpoint, default: 0] += s
    }

    func file(status: String) { lock.lock(); files[status, default: 0] += 1; lock.unlock() }
    func busy() { lock.lock(); rejected += 1; lock.unlock() }

    func text() -> String {
        lock.lock(); defer { lock.unlock() }
        var out = "# HELP sumi_requests_total Requests by endpoint and HTTP status.\n# TYPE sumi_requests_total counter\n"
        for (k, v) in requests.sorted(by: { $0.key < $1.key }) { out += "sumi_requests_total{\(k)} \(v)\n" }
        out += "# HELP sumi_request_seconds_total Seconds spent answering, by endpoint.\n# TYPE sumi_request_seconds_total counter\n"
        for (k, v) in seconds.sorted(by: { $0.key < $1.key }) { out += "sumi_request_seconds_total{endpoint=\"\(k)\"} \(String(format: "%.3f", v))\n" }
        out += "# HELP sumi_files_total Files scanned, by status.\n# TYPE sumi_files_total counter\n"
        for (k, v) in files.sorted(by: { $0.key < $1.key }) { out += "sumi_files_total{status=\"\(k)\"} \(v)\n" }
        out += "# HELP sumi_busy_total Requests turned away because the queue was full.\n# TYPE sumi_busy_total counter\nsumi_busy_total \(rejected)\n"
        return out
    }
}
