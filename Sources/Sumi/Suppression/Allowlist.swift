import Foundation
import SumiModel
import Yams

/// What may be published on purpose, read from YAML (`sumi.yaml` at the scanned tree's root
/// or `--config FILE`, plus what ships in `Rules/allow/`). Data, not code: a new official or
/// a new office number is a line in a file.
///
/// ```yaml
/// allow:
///   - text: 03-5432-1111          # equal after normalization
///     category: phone
///     reason: 区の代表番号
///   - pattern: '03-5432-2\d{3}'    # all numbers of one exchange
///     category: phone
///   - glob: '*@city.example.lg.jp' # department mailboxes
///     category: email
///   - text: 世田谷 一郎
///     category: person_name
///     paths: ['議事録/**']
///     expires: 2027-03-31           # the term of office ends
///   - allow_file: 職員名簿.csv        # a list kept elsewhere (relative to this file)
///     column: 氏名
///     category: person_name
/// ```
public struct Allowlist: Sendable {
    public var entries: [AllowEntry]

    public init(entries: [AllowEntry] = []) { self.entries = entries }

    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// Every `*.yaml` in a directory (sorted), then the files given.
    public static func load(directories: [URL], files: [URL]) throws -> Allowlist {
        var list = Allowlist()
        for dir in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                list.entries += try load(dir.appendingPathComponent(name)).entries
            }
        }
        for f in files { list.entries += try load(f).entries }
        return list
    }

    public static func load(_ url: URL) throws -> Allowlist {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw LoadError(file: url.path, message: "読めません")
        }
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch { throw LoadError(file: url.path, message: "YAML として読めません: \(error)") }
        guard let dict = root as? [String: Any] else {
            if root == nil { return Allowlist() }
            throw LoadError(file: url.path, message: "最上位は allow: の一覧にしてください")
        }
        var out: [AllowEntry] = []
        for (i, item) in ((dict["allow"] as? [Any]) ?? []).enumerated() {
            guard let e = item as? [String: Any] else { throw LoadError(file: url.path, message: "allow の \(i + 1) 番目が項目ではありません") }
            let origin = "\(name)#\(i + 1)"
            var category: Category? = nil
            if let c = e["category"] as? String {
                guard let cat = Category(rawValue: c) else { throw LoadError(file: url.path, message: "\(origin): 知らない category「\(c)」") }
                category = cat
            }
            let paths = (e["paths"] as? [String]) ?? ((e["path"] as? String).map { [$0] } ?? [])
            let reason = e["reason"] as? String
            var expires: Date? = nil
            if let x = e["expires"] {
                guard let d = Self.date(x) else { throw LoadError(file: url.path, message: "\(origin): expires は YYYY-MM-DD で書いてください") }
                expires = d
            }
            func entry(_ m: AllowEntry.Match, _ o: String = origin) -> AllowEntry {
                AllowEntry(match: m, category: category, paths: paths, reason: reason, expires: expires, origin: o)
            }
            if let t = Self.string(e["text"]) { out.append(entry(.text(t))) }
            else if let p = e["pattern"] as? String {
                guard (try? NSRegularExpression(pattern: p)) != nil else { throw LoadError(file: url.path, message: "\(origin): pattern が正しい正規表現ではありません") }
                out.append(entry(.pattern(p)))
            }
            else if let g = e["glob"] as? String { out.append(entry(.glob(g))) }
            else if let file = e["allow_file"] as? String {
                let listURL = url.deletingLastPathComponent().appendingPathComponent(file)
                for value in try Self.column(e["column"] as? String, of: listURL) {
                    out.append(entry(.text(value), "\(file)"))
                }
            } else {
                throw LoadError(file: url.path, message: "\(origin): text・pattern・glob・allow_file のどれかが必要です")
            }
        }
        return Allowlist(entries: out)
    }

    static func string(_ v: Any?) -> String? {
        if let s = v as? String { return s }
        if let i = v as? Int { return String(i) }
        return nil
    }

    static func date(_ v: Any) -> Date? {
        if let d = v as? Date { return d }
        guard let s = v as? String else { return nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Tokyo")
        f.dateFormat = "yyyy-MM-dd"
        return f.date(from: s)
    }

    /// The values of one column of a CSV list (UTF-8 or CP932; the header names the column;
    /// without a column, the first).
    static func column(_ name: String?, of url: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError(file: url.path, message: "allow_file を読めません")
        }
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .shiftJIS) ?? ""
        let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF} \t")) } }
        guard let header = rows.first else { return [] }
        let index = name.flatMap { header.firstIndex(of: $0) } ?? 0
        if let name, !header.contains(name) { throw LoadError(file: url.path, message: "列「\(name)」がありません") }
        return rows.dropFirst().compactMap { $0.count > index && !$0[index].isEmpty ? $0[index] : nil }
    }
}
