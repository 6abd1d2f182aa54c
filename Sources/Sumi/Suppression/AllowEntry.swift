import Foundation
import SumiModel

/// One thing that may be published (an official's name, the office phone, a department
/// mailbox): a text, a regular expression or a wildcard pattern, optionally for one category
/// and some paths, with a reason and an expiry date.
public struct AllowEntry: Sendable {
    public enum Match: Sendable {
        /// Equal after normalization (NFKC, dashes, 異体字, white space removed).
        case text(String)
        /// An ICU regular expression matching the whole finding text.
        case pattern(String)
        /// `*` and `?` wildcards on the normalized text (`*@city.example.lg.jp`).
        case glob(String)
    }

    public var match: Match
    public var category: Category?
    /// Path globs (`議事録/**`); empty: every path.
    public var paths: [String]
    public var reason: String?
    /// The day after which the entry no longer applies.
    public var expires: Date?
    /// Where it is written (`sumi.yaml:3`, `Rules/allow/office.yaml`, `職員名簿.csv`).
    public var origin: String

    public init(match: Match, category: Category? = nil, paths: [String] = [], reason: String? = nil,
                expires: Date? = nil, origin: String) {
        self.match = match; self.category = category; self.paths = paths; self.reason = reason
        self.expires = expires; self.origin = origin
    }

    /// What the report says allowed a finding (no pattern internals, just the entry).
    var description: String {
        switch match {
        case .text(let t): "\(origin): \(t)"
        case .pattern(let p): "\(origin): /\(p)/"
        case .glob(let g): "\(origin): \(g)"
        }
    }
}
