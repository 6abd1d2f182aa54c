import Foundation

/// What every test target shares: where the repository is, and a cache of its own.
public enum TestEnvironment {
    /// The clone the tests were built from.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The report schema the project carries (`schema/scan-report.schema.json`).
    public static var schemaURL: URL { root.appendingPathComponent("schema/scan-report.schema.json") }

    /// The dictionary cache of this test process: a fresh temporary directory, set as
    /// `SUMI_CACHE_DIR` before any rules load, so that a test run never writes to (or evicts
    /// entries from) the user's `~/.cache/sumi`. Removed when the process exits.
    public static let cacheDirectory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-test-cache-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        setenv("SUMI_CACHE_DIR", dir.path, 1)
        atexit { if let d = getenv("SUMI_CACHE_DIR") { try? FileManager.default.removeItem(atPath: String(cString: d)) } }
        return dir
    }()

    /// Call before loading rules (every test helper that builds a RuleSet does).
    public static func isolateCache() { _ = cacheDirectory }

    /// The directory holding the built products (`sumi`, the test bundle).
    public static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }
}
