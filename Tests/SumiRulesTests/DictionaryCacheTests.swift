import Foundation
import XCTest
import SumiText
@testable import SumiRules

/// The flat dictionary tables and the cache that keeps them between runs: a cached load
/// must answer exactly as a fresh build, and any change under Rules/ must be seen.
final class DictionaryCacheTests: XCTestCase {
    private func units(_ s: String) -> [UInt16] { Array(s.utf16) }

    func testFlatTableKeepsTagsApartAndMergesFlags() {
        var b = FlatStringTable.Builder()
        // Enough entries to make the table grow several times.
        for i in 0..<5000 { b.insert(units("町\(i)"), tag: UInt16(i % 7 + 1), flags: 1) }
        b.insert(units("高橋"), flags: 1)
        b.insert(units("高橋"), flags: 4)
        b.insert(units("喜多見"), tag: 3, flags: 2)
        let t = b.build()
        XCTAssertEqual(t.count, 5002)
        let q = units("xx高橋yy")
        q.withUnsafeBufferPointer { u in
            XCTAssertEqual(t.flags(u, 2..<4), 5, "flags of one string added twice are merged")
            XCTAssertEqual(t.flags(u, 2..<3), 0, "a prefix is not an entry")
            XCTAssertEqual(t.flags(u, 2..<4, tag: 3), 0, "another tag is another list")
        }
        XCTAssertTrue(t.contains(units("喜多見"), tag: 3))
        XCTAssertFalse(t.contains(units("喜多見")))
        for i in stride(from: 0, to: 5000, by: 97) {
            XCTAssertTrue(t.contains(units("町\(i)"), tag: UInt16(i % 7 + 1)))
            XCTAssertFalse(t.contains(units("町\(i)"), tag: UInt16((i + 1) % 7 + 1)))
        }
        XCTAssertEqual(t.longest, 5)
    }

    func testTableSurvivesTheSnapshotFile() throws {
        var b = FlatStringTable.Builder()
        for (i, w) in ["佐藤", "さとう", "サトウ", "髙橋", "ジョン", "太子堂"].enumerated() { b.insert(units(w), tag: UInt16(i % 2), flags: UInt16(i + 1)) }
        let table = b.build()
        var w = SnapshotWriter()
        w.string("前")
        w.table(table)
        w.strings(["後", ""])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(w.bytes).write(to: URL(fileURLWithPath: path))
        var r = SnapshotReader(try XCTUnwrap(MappedFile(path: path)))
        XCTAssertEqual(try r.string(), "前")
        let back = try r.table()
        XCTAssertEqual(try r.strings(), ["後", ""])
        XCTAssertTrue(r.atEnd)
        XCTAssertEqual(back.count, table.count)
        for (i, word) in ["佐藤", "さとう", "サトウ", "髙橋", "ジョン", "太子堂"].enumerated() {
            units(word).withUnsafeBufferPointer { u in
                XCTAssertEqual(back.flags(u, 0..<u.count, tag: UInt16(i % 2)), UInt16(i + 1), word)
            }
        }
        // A file cut short is refused, not read past its end.
        try Data(w.bytes.prefix(w.bytes.count / 2)).write(to: URL(fileURLWithPath: path))
        var cut = SnapshotReader(try XCTUnwrap(MappedFile(path: path)))
        XCTAssertThrowsError(try { _ = try cut.string(); _ = try cut.table(); _ = try cut.strings() }())
    }

    /// A small rules directory with its own names and places.
    private func makeRules() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-rules-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("dict/names"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("dict/places/towns"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("recognizers"), withIntermediateDirectories: true)
        func write(_ rel: String, _ text: String) throws {
            try text.write(to: dir.appendingPathComponent(rel), atomically: true, encoding: .utf8)
        }
        try write("recognizers/person_name.yaml", "kana_stopwords: [こと]\n")
        try write("dict/names/surnames.tsv", "# surname\treading\ttier\trank\tcommon\n髙橋\tたかはし\t1\t1\t0\n")
        try write("dict/names/given_names.tsv", "# given\treading\ttier\trank\tcommon\n花子\tはなこ\t1\t1\t0\n")
        try write("dict/places/prefectures.tsv", "# name\treading\n東京都\tトウキョウト\n")
        try write("dict/places/municipalities.tsv", "# prefecture\tmunicipality\n東京都\t世田谷区\tセタガヤク\tward\n")
        try write("dict/places/towns/02-kanto.tsv", "# p\tm\ttown\n東京都\t世田谷区\t喜多見\tキタミ\t9\tjp\n")
        return dir
    }

    private func cache(_ rules: URL, _ cacheDir: URL) -> DictionaryCache? {
        DictionaryCache(rulesDirectory: rules, environment: ["SUMI_CACHE_DIR": cacheDir.path])
    }

    func testCachedDictionariesAnswerLikeFreshOnesAndChangesAreSeen() throws {
        let rules = try makeRules()
        let cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-cache-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: rules)
            try? FileManager.default.removeItem(at: cacheDir)
        }
        let normalizer = TextNormalizer(variants: try VariantKanjiTable(tsv: "髙\t高\n"))
        let c = try XCTUnwrap(cache(rules, cacheDir))
        XCTAssertNil(c.load(), "nothing cached yet")
        let built = try CompiledDictionaries.build(directory: rules, normalizer: normalizer)
        c.store(built)
        let cached = try XCTUnwrap(cache(rules, cacheDir)?.load())
        XCTAssertEqual(cached.version, built.version)
        // 髙 folds to 高 in the normalized key, like the scanned text.
        for d in [built, cached] {
            XCTAssertTrue(try XCTUnwrap(d.names).flags(of: "高橋").contains(.surname1))
            XCTAssertTrue(try XCTUnwrap(d.names).flags(of: "ハナコ").contains(.givenKana))
            XCTAssertEqual(try XCTUnwrap(d.names).flags(of: "こと"), [])
            let g = try XCTUnwrap(d.gazetteer)
            XCTAssertEqual(g.town(after: "世田谷区", in: units("喜多見3丁目"), at: 0), 3)
            XCTAssertTrue(units("喜多見").withUnsafeBufferPointer { g.isTown($0, 0..<3) })
            XCTAssertEqual(d.places?.municipalities, ["世田谷区"])
        }

        // Editing a dictionary makes the cache stale: the next load rebuilds and sees the new name.
        let surnames = rules.appendingPathComponent("dict/names/surnames.tsv")
        try ("# surname\treading\ttier\trank\tcommon\n髙橋\tたかはし\t1\t1\t0\n喜屋武\tきゃん\t1\t2\t0\n").write(to: surnames, atomically: true, encoding: .utf8)
        XCTAssertNil(cache(rules, cacheDir)?.load(), "a changed file under Rules/ invalidates the cache")
        let rebuilt = try CompiledDictionaries.build(directory: rules, normalizer: normalizer)
        XCTAssertNotEqual(rebuilt.version, built.version)
        XCTAssertTrue(try XCTUnwrap(rebuilt.names).flags(of: "喜屋武").contains(.surname1))

        // A damaged cache file is ignored, not trusted.
        let fresh = try XCTUnwrap(cache(rules, cacheDir))
        fresh.store(rebuilt)
        XCTAssertNotNil(cache(rules, cacheDir)?.load())
        let bytes = try Data(contentsOf: fresh.file)
        try bytes.prefix(bytes.count - 100).write(to: fresh.file)
        XCTAssertNil(cache(rules, cacheDir)?.load())
        XCTAssertNil(DictionaryCache(rulesDirectory: rules, environment: ["SUMI_NO_CACHE": "1", "SUMI_CACHE_DIR": cacheDir.path]))
    }

    /// The rule set of the shipped Rules/ finds the same things whether its dictionaries
    /// came from the cache or were built.
    func testShippedRulesScanTheSameFromTheCache() throws {
        let rules = RulePackTests.rules
        let normalizer = try RulePackTests.shipped().normalizer
        let built = try CompiledDictionaries.build(directory: rules, normalizer: normalizer)
        let cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cacheDir) }
        let c = try XCTUnwrap(cache(rules, cacheDir))
        c.store(built)
        let cached = try XCTUnwrap(cache(rules, cacheDir)?.load())
        XCTAssertEqual(cached.version, built.version)
        XCTAssertEqual(cached.names?.table.count, built.names?.table.count)
        XCTAssertEqual(cached.gazetteer?.towns.count, built.gazetteer?.towns.count)
        XCTAssertEqual(cached.gazetteer?.municipalities.count, built.gazetteer?.municipalities.count)
        XCTAssertEqual(cached.gazetteer?.municipalityTags, built.gazetteer?.municipalityTags)
        XCTAssertEqual(cached.places?.municipalities, built.places?.municipalities)
        for word in ["佐藤", "髙橋", "はると", "ユイ", "渡邊", "山田", "森"] {
            XCTAssertEqual(cached.names?.flags(of: normalizer.normalize(word).normalizedString),
                           built.names?.flags(of: normalizer.normalize(word).normalizedString), word)
        }
    }
}
