import Foundation

/// At most `concurrent` files are read at once; up to `queue` more wait their turn; past
/// that a request is turned away at once (503 with Retry-After) instead of piling up.
actor AdmissionGate {
    private let concurrent: Int
    private let queue: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(concurrent: Int, queue: Int) { self.concurrent = max(1, concurrent); self.queue = max(0, queue) }

    /// False when the line is full.
    func enter() async -> Bool {
        if running < concurrent { running += 1; return true }
        guard waiting.count < queue else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
