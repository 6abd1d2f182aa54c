import Foundation

/// How `sumi serve` runs: where it listens, how much it accepts, how many files it reads at
/// once. The defaults work on a fresh machine (127.0.0.1:8080, the shipped rules).
public struct ServerConfiguration: Sendable {
    /// 127.0.0.1 by default: a CMS on another host needs `--host 0.0.0.0` and a token.
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests); the chosen one is printed.
    public var port = 8080
    /// Largest upload, in bytes (413 above it).
    public var maxUploadBytes = 64 << 20
    /// Seconds per request's file (the scanner's time limit; 504 for a redaction past it).
    public var timeLimit = 60.0
    /// Files read at once; more requests wait in line, up to `queueLength`, then 503.
    public var maxConcurrent = ProcessInfo.processInfo.activeProcessorCount
    public var queueLength = 16
    /// When set, every /v1 request must carry `Authorization: Bearer <token>`.
    public var token: String?
    /// The rules directory (nil: the one that ships with sumi).
    public var rulesDirectory: URL?

    public init() {}
}
