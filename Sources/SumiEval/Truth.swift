import Foundation

/// `Corpus/truth.json`: every labelled document and every planted item in it.
/// Written by `Tools/corpus/generate.py`; see `Tools/corpus/README.md` for the conventions.
public struct GroundTruth: Decodable, Sendable {
    public var version: Int?
    public var documents: [TruthDocument]

    public init(version: Int? = nil, documents: [TruthDocument]) {
        self.version = version; self.documents = documents
    }

    public static func load(_ url: URL) throws -> GroundTruth {
        do {
            return try JSONDecoder().decode(GroundTruth.self, from: Data(contentsOf: url))
        } catch {
            throw EvalError.unreadable(url.path, "\(error)")
        }
    }

    /// Only the documents whose path starts with one of `prefixes` (all when empty).
    public func scoped(to prefixes: [String]) -> GroundTruth {
        guard !prefixes.isEmpty else { return self }
        return GroundTruth(version: version, documents: documents.filter { d in prefixes.contains { d.path.hasPrefix($0) } })
    }
}

/// One labelled document. `path` is relative to `Corpus/`, e.g. `eval/minutes/min-01.txt`.
public struct TruthDocument: Decodable, Sendable {
    public var path: String
    public var format: String
    public var encoding: String?
    /// True when the document holds no personal information at all.
    public var clean: Bool
    public var kind: String?
    public var items: [TruthItem]

    public init(path: String, format: String, clean: Bool, kind: String? = nil, items: [TruthItem]) {
        self.path = path; self.format = format; self.clean = clean; self.kind = kind; self.items = items
    }
}

/// One planted piece of personal information, as a text extractor returns it.
public struct TruthItem: Decodable, Sendable {
    public var category: String
    public var text: String
    public var page: Int?
    public var source: String?
    public var sheet: String?
    public var cell: String?
    public var part: String?
    /// n for the n-th labelled item with the same category and text in the document.
    public var occurrence: Int?
    public var note: String?

    public init(category: String, text: String, page: Int? = nil, source: String? = nil, sheet: String? = nil,
                cell: String? = nil, part: String? = nil, occurrence: Int? = nil) {
        self.category = category; self.text = text; self.page = page; self.source = source
        self.sheet = sheet; self.cell = cell; self.part = part; self.occurrence = occurrence
    }
}

public enum EvalError: Error, CustomStringConvertible {
    case unreadable(String, String)
    case badThresholds(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let why): return "読み込めません (unreadable): \(path): \(why)"
        case .badThresholds(let why): return "しきい値ファイルの誤り (bad_thresholds): \(why)"
        }
    }
}
