import Dispatch

/// Runs one piece of loading work on another core while the caller does the rest: rule
/// loading reads three large dictionaries and hashes the whole Rules/ directory, and a CMS
/// hook pays that start-up for every file it checks. The scanner hashes a file this way while
/// reading it.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    public init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The value, waiting for it if needed; rethrows what the work threw. Call once.
    public func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
