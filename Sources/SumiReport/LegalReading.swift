import SumiModel

/// What publishing a file as it is would mean in law, in one sentence a manager can act on.
/// For public bodies (行政機関等, which includes 地方公共団体の機関 since 2023), a leak must be
/// reported to the Personal Information Protection Commission and the persons told
/// (個人情報保護法 第68条) when it is one of the cases of 個人情報保護委員会規則 第43条:
/// 1号 要配慮個人情報を含む, 2号 不正に利用されると財産的被害が生じるおそれ, 3号 不正の目的,
/// 4号 本人の数が100人を超える (5号: 条例要配慮個人情報, which Sumi cannot tell from 1号).
/// A My Number is 特定個人情報 (番号法 第29条の4 and its reporting rule). Publishing a file is
/// the leak itself, so 3号 (intent) is not judged here. This is a reading for the reviewer,
/// not legal advice: the file's owner decides with the department that handles 個人情報.
public struct LegalReading: Sendable, Equatable, Encodable {
    /// The highest legal class among unsuppressed findings (nil: none).
    public var highestClass: LegalClass?
    /// Distinct persons, as far as the findings tell: distinct names, or, where a file has
    /// more distinct numbers or addresses than names (a list without names), those.
    public var persons: Int
    /// Whether publishing would be a leak that must be reported.
    public var reportable: Bool
    /// The grounds, as article references.
    public var grounds: [String]
    /// One Japanese sentence.
    public var summary: String

    enum CodingKeys: String, CodingKey {
        case highestClass = "highest_class", persons, reportable, grounds, summary
    }

    /// 規則第43条第4号: more than this many persons.
    public static let personsThreshold = 100

    public static func read(_ file: FileReport) -> LegalReading? {
        let live = file.findings.filter { !$0.suppressed }
        guard !live.isEmpty else { return nil }
        let order: [LegalClass] = [.specificPersonalInfo, .sensitivePersonalInfo, .personalInfo]
        let highest = order.first { c in live.contains { $0.legalClass == c } }
        func distinct(_ c: Category) -> Int {
            Set(live.filter { $0.category == c }.map { $0.text.filter { !$0.isWhitespace } }).count
        }
        let persons = max(distinct(.personName), distinct(.myNumber), distinct(.phone), distinct(.email), distinct(.address), 1)
        var grounds: [String] = []
        if live.contains(where: { $0.legalClass == .sensitivePersonalInfo }) { grounds.append("個人情報保護法第68条・規則第43条第1号（要配慮個人情報）") }
        if live.contains(where: { $0.category == .bankAccount }) { grounds.append("規則第43条第2号（財産的被害のおそれ：口座番号）") }
        if persons > personsThreshold { grounds.append("規則第43条第4号（本人の数が\(personsThreshold)人超）") }
        if live.contains(where: { $0.legalClass == .specificPersonalInfo }) { grounds.append("番号法第29条の4（特定個人情報）") }
        let reportable = !grounds.isEmpty
        let who = persons > 1 ? "約\(persons)人分の" : ""
        let kind = highest?.label ?? "個人情報"
        let summary = reportable
            ? "このまま公開すると、\(who)\(kind)の漏えいとして個人情報保護委員会への報告と本人への通知が必要になります（\(grounds.joined(separator: "、"))）。公開前に削除してください。"
            : "\(who)個人情報が含まれます。報告義務の対象ではない見込みですが、公開すれば漏えいです。公開前に削除するか、公表してよい情報か確認してください。"
        return LegalReading(highestClass: highest, persons: persons, reportable: reportable, grounds: grounds, summary: summary)
    }
}
