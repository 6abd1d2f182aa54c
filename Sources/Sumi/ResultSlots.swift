import Foundation

/// Fixed result slots filled from several threads, each index by one thread, read in
/// index order once all are done.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: T) { lock.lock(); slots[i] = r; lock.unlock() }
    func all() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

/// A shared counter (files done, for progress).
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
