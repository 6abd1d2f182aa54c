import Foundation

/// When a file's time budget runs out, in a form that is cheap to ask often (the rule stage
/// asks between rules): a monotonic clock reading, immune to the wall clock being set.
public struct Deadline: Sendable, Hashable {
    /// Nanoseconds of `DispatchTime` (CLOCK_MONOTONIC on Linux).
    public let uptimeNanoseconds: UInt64

    public init(secondsFromNow seconds: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        let budget = seconds.isFinite && seconds > 0 ? min(seconds, 1e9) * 1e9 : 0
        uptimeNanoseconds = now &+ UInt64(budget)
    }

    /// The same moment as a wall-clock `Date` deadline.
    public init(_ date: Date) { self.init(secondsFromNow: date.timeIntervalSinceNow) }

    public init(uptimeNanoseconds: UInt64) { self.uptimeNanoseconds = uptimeNanoseconds }

    /// The same deadline moved later by `nanoseconds` (time that should not count, such as
    /// waiting for the rules to load on a first run).
    public func extended(byNanoseconds nanoseconds: UInt64) -> Deadline {
        Deadline(uptimeNanoseconds: uptimeNanoseconds &+ nanoseconds)
    }

    public var hasPassed: Bool { DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds }
}
