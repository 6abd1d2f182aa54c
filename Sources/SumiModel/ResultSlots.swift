import Foundation

/// Fixed result slots filled from several threads, each index by one thread, read in
/// index order once all are done.
public final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    public init(count: Int) { slots = Array(repeating: nil, count: count) }
    public func set(_ i: Int, _ r: T) { lock.lock(); slots[i] = r; lock.unlock() }
    public func all() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

/// A shared counter (files done, the next index to take).
public final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    public init() {}
    /// Adds one and returns the new value.
    public func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
