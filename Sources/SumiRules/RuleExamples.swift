import SumiModel

/// Runs every rule's examples, as gitleaks does for its default rules: each `match`
/// example must produce a detection of that rule, each `no_match` example must not.
/// An example may mark the exact expected text with ⟦ ⟧: `個人番号 ⟦1234 5678 9018⟧`.
public enum RuleExamples {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var file: String
        public var example: String
        public var expected: String
        public var got: [String]
        public var description: String {
            "\(file): \(rule): example «\(example)»: expected \(expected), got [\(got.joined(separator: ", "))]"
        }
    }

    public static func run(_ ruleSet: RuleSet, only: String? = nil) -> (checked: Int, failures: [Failure]) {
        let matcher = RuleMatcher(ruleSet)
        var failures: [Failure] = []
        var checked = 0
        for info in ruleSet.ruleInfos where only == nil || info.id == only {
            for raw in info.examples.match {
                checked += 1
                let (text, expected) = strip(raw)
                let got = detections(of: info.id, in: text, matcher)
                let ok = expected.map { e in got.contains(e) } ?? !got.isEmpty
                if !ok {
                    failures.append(Failure(rule: info.id, file: info.file, example: raw,
                                            expected: expected.map { "«\($0)»" } ?? "a match", got: got))
                }
            }
            for raw in info.examples.noMatch {
                checked += 1
                let got = detections(of: info.id, in: raw, matcher)
                if !got.isEmpty {
                    failures.append(Failure(rule: info.id, file: info.file, example: raw, expected: "no match", got: got))
                }
            }
        }
        if only == nil {
            for case let examples? in ruleSet.groupRecognizers.map(\.filterExamples) {
                for (row, mustRemain) in examples.filtered.map({ ($0, false) }) + examples.kept.map({ ($0, true) }) {
                    checked += 1
                    let got = rowDetections(row, of: examples.categories, matcher)
                    if got.isEmpty == mustRemain {
                        failures.append(Failure(rule: examples.name, file: examples.file, example: row,
                                                expected: mustRemain ? "a detection kept" : "no detection of \(examples.categories.map(\.rawValue).sorted().joined(separator: "/"))",
                                                got: got))
                    }
                }
            }
        }
        return (checked, failures)
    }

    /// A filter example's row: cells separated by commas form one table row (a group of
    /// units); a row without commas is one unit of running text.
    static func rowDetections(_ row: String, of categories: Set<Category>, _ matcher: RuleMatcher) -> [String] {
        let cells = row.split(separator: ",", omittingEmptySubsequences: false).map { TextUnit(text: String($0)) }
        let result = matcher.detect(group: cells)
        var got: [String] = []
        for (cell, found) in zip(cells, result.detections) {
            let units = cell.utf16
            got += found.filter { categories.contains($0.category) }.map { String(decoding: units[$0.range], as: UTF16.self) }
        }
        return got
    }

    /// The original texts the rule detected in `text` (after overlap resolution with all rules).
    static func detections(of rule: String, in text: String, _ matcher: RuleMatcher) -> [String] {
        // Examples written as "label: value" in one line stand for a table cell with a header:
        // "氏名\t山田太郎" puts 山田太郎 in a cell labelled 氏名.
        var unit = TextUnit(text: text)
        if let tab = text.firstIndex(of: "\t"), !text[..<tab].contains("\n") {
            unit = TextUnit(text: String(text[text.index(after: tab)...]), fieldLabel: String(text[..<tab]))
        }
        let units = unit.utf16
        return matcher.detect(unit).detections[0].filter { $0.rule == rule }.map {
            String(decoding: units[$0.range], as: UTF16.self)
        }
    }

    static func strip(_ raw: String) -> (String, String?) {
        guard let open = raw.firstIndex(of: "⟦"), let close = raw.firstIndex(of: "⟧"), open < close else { return (raw, nil) }
        let expected = String(raw[raw.index(after: open)..<close])
        let text = raw.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
        return (text, expected)
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
