/// A rule pack that cannot be used. Names the file and rule so the author can fix it;
/// the CLI exits with code 2 and scans nothing.
public struct RuleLoadError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var rule: String?
    public var message: String

    public init(file: String, rule: String? = nil, message: String) {
        self.file = file; self.rule = rule; self.message = message
    }

    public var description: String {
        if let rule { return "\(file): rule \(rule): \(message)" }
        return "\(file): \(message)"
    }
}
