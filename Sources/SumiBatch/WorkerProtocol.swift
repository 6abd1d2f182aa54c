import Foundation

/// What a batch parent and a worker process (`sumi worker`) say over the worker's pipes.
///
/// Parent → worker, on its standard input: one `WorkerRequest` per line (JSON).
/// Worker → parent, on its standard output: `ready` once the rules are loaded, then for each
/// request one line, the file's report as `FileReport.jsonLine()`. Nothing else is written
/// to standard output; standard error is discarded (a crash's backtrace is no report).
public struct WorkerRequest: Codable, Sendable {
    /// The file to read.
    public var path: String
    /// Its path as the report shows it.
    public var display: String

    public init(path: String, display: String) { self.path = path; self.display = display }
}

enum WorkerWire {
    static let ready = "ready"
}
