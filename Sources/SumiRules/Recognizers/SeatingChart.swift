import SumiText

/// The words of Rules/recognizers/seating_chart.yaml, normalized: what a seating chart's
/// title says, and what else a seat label may carry besides a surname.
struct SeatingChart: Sendable {
    struct File: Codable {
        var titles: [String]
        var roles: [String]
        var objects: [String]
        var objectEndings: [String]

        enum CodingKeys: String, CodingKey {
            case titles, roles, objects
            case objectEndings = "object_endings"
        }
    }

    static let path = "recognizers/seating_chart.yaml"

    /// Title words, normalized (a title line is not a seat line).
    let titles: [[UInt16]]
    /// Roles, employment kinds and 内線, longest first, so 課長補佐 goes before 課長.
    let roles: [[UInt16]]
    /// Labels that are things, not people (複合機, 書庫).
    let objects: Set<String>
    /// Last characters of labels that are departments, rooms or equipment (課, 室, 機).
    let objectEndings: Set<UInt16>

    var isEmpty: Bool { titles.isEmpty }

    init() { titles = []; roles = []; objects = []; objectEndings = [] }

    init(file: File, normalizer: TextNormalizer) {
        titles = RecognizerConfig.normalizedSet(file.titles, normalizer).sorted().map { Array($0.utf16) }
        roles = RecognizerConfig.normalizedSet(file.roles, normalizer).map { Array($0.utf16) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        objects = RecognizerConfig.normalizedSet(file.objects, normalizer)
        objectEndings = Set(RecognizerConfig.normalizedSet(file.objectEndings, normalizer).compactMap { $0.utf16.last })
    }
}
