import Dispatch
import SumiRules

/// A rule set that may still be loading on another core. A one-file check (the CMS hook)
/// spends a third of its time loading rules; starting the file's extraction at once and
/// letting only the rule stage wait for them hides that time behind the reading.
public final class PendingRuleSet: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<RuleSet, any Error>?

    /// Starts `load` on another core now.
    public init(loading load: @escaping @Sendable () throws -> RuleSet) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try load() }
            self.done.signal()
        }
    }

    /// Rules that are already loaded.
    public init(_ ruleSet: RuleSet) {
        result = .success(ruleSet)
        done.signal()
    }

    /// The rules, waiting for them if needed; rethrows what loading threw.
    public func wait() throws -> RuleSet {
        done.wait()
        done.signal()   // every later caller passes straight through
        return try result!.get()
    }
}
