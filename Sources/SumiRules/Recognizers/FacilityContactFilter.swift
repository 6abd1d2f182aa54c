import Foundation
import SumiModel
import SumiText

/// Rules/recognizers/facility.yaml.
struct FacilityFile: Codable, Sendable {
    /// Column headers whose cells name a facility (施設名, 名称).
    var nameLabels: [String]
    /// How facility names end (児童館, センター, 保育園).
    var suffixes: [String]
    /// Categories that are a facility's when its row names no person.
    var categories: [String]
    var examples: Examples

    struct Examples: Codable, Sendable {
        /// Rows whose contacts are a facility's: no finding of `categories` may remain.
        var filtered: [String]
        /// Rows with a person: their contacts stay findings.
        var kept: [String]
    }

    enum CodingKeys: String, CodingKey {
        case nameLabels = "name_labels", suffixes, categories, examples
    }
}

/// A facility's address and phone are not a person's. On fresh documents, lists of
/// children's centres, nurseries and care services were nearly all false alarms on clean
/// documents (95 of 107, seed 5150917): every row an address and a phone. A row (a table
/// row, or one line of running text) whose name is a facility's — a cell under 施設名 or
/// 名称, or a first item ending in 児童館, センター, 保育園 — and which names no person has
/// its address, phone and postal code removed from the findings. Rows with a person (a
/// roster's 施設名 column beside 氏名) are left alone. Runs before the other group
/// recognizers, so a facility row is not a combination of personal data either.
struct FacilityContactFilter: GroupRecognizer {
    let nameLabels: [[UInt16]]
    let suffixes: [[UInt16]]
    let categories: Set<SumiModel.Category>
    let filterExamples: FilterExamples?

    static func load(directory: URL, normalizer: TextNormalizer) throws -> FacilityContactFilter? {
        let path = "recognizers/facility.yaml"
        guard let file = try RecognizerConfig.read(FacilityFile.self, directory, path) else { return nil }
        var cats = Set<SumiModel.Category>()
        for c in file.categories {
            guard let cat = SumiModel.Category(rawValue: c) else { throw RuleLoadError(file: path, message: "unknown category '\(c)'") }
            cats.insert(cat)
        }
        func units(_ words: [String]) -> [[UInt16]] {
            RecognizerConfig.normalizedSet(words, normalizer).map { Array($0.utf16) }.sorted { $0.count > $1.count }
        }
        let examples = FilterExamples(name: "facility_contact", file: path, categories: cats,
                                      filtered: file.examples.filtered, kept: file.examples.kept)
        return FacilityContactFilter(nameLabels: units(file.nameLabels), suffixes: units(file.suffixes),
                                     categories: cats, filterExamples: examples)
    }

    func recognize(group: [AnalyzedText], detections: inout [[Detection]], notices: inout [Notice]) {
        guard detections.contains(where: { $0.contains { categories.contains($0.category) } }) else { return }
        let hasPerson = detections.contains { $0.contains { $0.category == .personName } }
        // A table row: one unit per cell.
        if group.count > 1 {
            guard !hasPerson, group.contains(where: isFacilityCell) else { return }
            for i in detections.indices { detections[i].removeAll { categories.contains($0.category) } }
            return
        }
        // Running text: line by line.
        for (i, text) in group.enumerated() where detections[i].contains(where: { categories.contains($0.category) }) {
            let u = text.units
            var facilityLines: [Range<Int>] = []
            var start = 0
            while start <= u.count {
                var end = start
                while end < u.count && u[end] != 0x0A { end += 1 }
                if end > start, startsWithFacility(u, start..<end),
                   !detections[i].contains(where: { $0.category == .personName && $0.normalizedRange.overlaps(start..<end) }) {
                    facilityLines.append(start..<end)
                }
                start = end + 1
            }
            guard !facilityLines.isEmpty else { continue }
            detections[i].removeAll { d in
                categories.contains(d.category) && facilityLines.contains { $0.contains(d.normalizedRange.lowerBound) }
            }
        }
    }

    /// A cell under a facility-name header, or a cell whose value ends like a facility name.
    private func isFacilityCell(_ text: AnalyzedText) -> Bool {
        let u = text.units
        var e = u.count
        while e > 0 && (u[e - 1] == 0x20 || u[e - 1] == 0x09) { e -= 1 }
        guard e > 0, e <= 40 else { return false }
        if !text.fieldLabel.isEmpty, nameLabels.contains(where: { text.fieldLabelContains($0) }) { return true }
        return endsWithSuffix(u, 0..<e)
    }

    /// The line's first item (up to a space, tab or comma) ends like a facility name.
    private func startsWithFacility(_ u: [UInt16], _ line: Range<Int>) -> Bool {
        var s = line.lowerBound
        while s < line.upperBound && (u[s] == 0x20 || u[s] == 0x09) { s += 1 }
        var e = s
        while e < line.upperBound && e - s <= 40 && ![0x20, 0x09, 0x2C, 0x3001].contains(u[e]) { e += 1 }
        return e - s >= 2 && endsWithSuffix(u, s..<e)
    }

    private func endsWithSuffix(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        suffixes.contains { w in
            w.count < r.count && u[(r.upperBound - w.count)..<r.upperBound].elementsEqual(w)
        }
    }
}
