import Dispatch
import Foundation
import SumiRules

/// A rule set that may still be loading on another core. A one-file check (the CMS hook)
/// spends a third of its time loading rules; starting the file's extraction at once and
/// letting only the rule stage wait for them hides that time behind the reading.
public final class PendingRuleSet: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<RuleSet, any Error>?

    /// Starts `load` on another core now.
    public init(loading load: @escaping @Sendable () throws -> RuleSet) {
        DispatchQueue.global(qos: .userInitiated).async {
            let r = Result { try load() }
            self.condition.lock()
            self.result = r
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

    /// Whether loading has already failed (does not wait): a batch stops starting files,
    /// whose reports would be dropped anyway.
    public var hasFailed: Bool {
        condition.lock(); defer { condition.unlock() }
        if case .failure = result { return true }
        return false
    }
}
