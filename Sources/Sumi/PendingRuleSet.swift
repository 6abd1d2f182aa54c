import Dispatch
import Foundation
import SumiRules

/// A rule set that may still be loading on another core. A one-file check (the CMS hook)
/// spends a third of its time loading rules; starting the file's extraction at once and
/// letting only the rule stage wait for them hides that time behind the reading.
public final class PendingRuleSet: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<RuleSet, any Error>?
    private var loadedAt: UInt64 = 0

    /// Starts `load` on another core now.
    public init(loading load: @escaping @Sendable () throws -> RuleSet) {
        DispatchQueue.global(qos: .userInitiated).async {
            let r = Result { try load() }
            self.condition.lock()
            self.result = r
            self.loadedAt = DispatchTime.now().uptimeNanoseconds
            self.condition.broadcast()
            self.condition.unlock()
        }
    }

    /// Rules that are already loaded.
    public init(_ ruleSet: RuleSet) {
        result = .success(ruleSet)
    }

    /// The rules, waiting for them if needed; rethrows what loading threw.
    public func wait() throws -> RuleSet {
        condition.lock()
        while result == nil { condition.wait() }
        let r = result!
        condition.unlock()
        return try r.get()
    }

    /// When loading ended (`DispatchTime` uptime; 0 for rules given already loaded), so that a
    /// file's time limit need not count the wait for the rules on a first run (a dictionary
    /// cache rebuilt in a debug build takes seconds).
    public var loadedUptimeNanoseconds: UInt64 {
        condition.lock(); defer { condition.unlock() }
        return loadedAt
    }

    /// Whether loading has already failed (does not wait): a batch stops starting files,
    /// whose reports would be dropped anyway.
    public var hasFailed: Bool {
        condition.lock(); defer { condition.unlock() }
        if case .failure = result { return true }
        return false
    }
}
