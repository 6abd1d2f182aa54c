import Foundation
import XCTest
import SumiTestSupport

/// The `sumi` executable as a user or a CMS hook meets it: exit codes, messages, output.
final class CLITests: XCTestCase {
    struct Run { var status: Int32; var stdout: String; var stderr: String; var seconds: Double }

    static var sumi: URL { TestEnvironment.productsDirectory.appendingPathComponent("sumi") }

    func run(_ arguments: [String], in directory: URL? = nil) throws -> Run { try Self.run(arguments, in: directory) }

    /// Runs the built `sumi` with a private dictionary cache; other test classes use it too.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    stdin: Data? = nil) throws -> Run {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.sumi.path),
                      "build the CLI first (make test runs swift build --build-tests): \(Self.sumi.path)")
        TestEnvironment.isolateCache()
        let p = Process()
        p.executableURL = Self.sumi
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let input = Pipe()
        if stdin != nil { p.standardInput = input }
        // Output goes to files: a large report would fill a pipe's buffer and block the child.
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-cli-out-\(UUID().uuidString)")
        let errURL = outURL.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        let started = Date()
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin); try? input.fileHandleForWriting.close() }
        p.waitUntilExit()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Run(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(started))
    }

    var tmp: URL!
    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    // MARK: usage errors: exit 2, Japanese first, English after, where to look

    func assertUsageError(_ r: Run, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 2, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("sumi: エラー: "), r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("sumi --help"), r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains("(usage_error)"), r.stderr, file: file, line: line)
    }

    func testNoArgumentsIsAUsageError() throws {
        let r = try run([])
        assertUsageError(r)
        XCTAssertTrue(r.stderr.contains("指定してください"), r.stderr)
    }

    func testUnknownOptionAndBadValueAreUsageErrorsWithTheEnglishAfter() throws {
        let unknown = try run(["scan", "--bogus", "x.txt"])
        assertUsageError(unknown)
        XCTAssertTrue(unknown.stderr.contains("知らないオプション"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("--bogus"), unknown.stderr)
        let badFormat = try run(["scan", "--format", "xml", "x.txt"])
        assertUsageError(badFormat)
        XCTAssertTrue(badFormat.stderr.contains("値が正しくありません"), badFormat.stderr)
        let missing = try run(["scan"])
        assertUsageError(missing)
    }

    func testAMistypedSubcommandIsAnsweredWithASuggestion() throws {
        let r = try run(["sacn", "x.pdf"], in: tmp)
        assertUsageError(r)
        XCTAssertTrue(r.stderr.contains("もしかして: sumi scan x.pdf"), r.stderr)
        let rules = try run(["rulse", "list"], in: tmp)
        XCTAssertTrue(rules.stderr.contains("もしかして: sumi rules list"), rules.stderr)
    }

    func testAFolderNamedLikeASubcommandIsScanned() throws {
        let folder = tmp.appendingPathComponent("sacn")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("会議の資料です。\n".utf8).write(to: folder.appendingPathComponent("memo.txt"))
        let r = try run(["sacn"], in: tmp)
        XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
        XCTAssertTrue(r.stdout.contains("memo.txt: [問題なし]"), r.stdout)
    }

    // MARK: text output

    func testTextOutputShowsLegalClassCleanFilesAndPlaceInWords() throws {
        let samples = TestEnvironment.root.appendingPathComponent("Corpus/samples").path
        let r = try run(["scan", samples])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stdout.contains("・要配慮個人情報]"), "legal class on each finding")
        XCTAssertTrue(r.stdout.contains("・個人情報]"))
        XCTAssertTrue(r.stdout.contains("sample-clean.txt: [問題なし]"), "clean files are named")
        XCTAssertTrue(r.stdout.contains("sample-roster.xlsx （xl/worksheets/sheet1.xml） シート「名簿」A2: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("sample-application.pdf 1ページ 2行目: "), r.stdout)
        XCTAssertTrue(r.stdout.contains("sample-roster.csv 2行目 セル A2: "), r.stdout)
        let quiet = try run(["scan", "--quiet", samples])
        XCTAssertFalse(quiet.stdout.contains("[問題なし]"), "--quiet leaves clean files out")
        XCTAssertTrue(quiet.stdout.contains("要配慮個人情報"))
    }

    // MARK: the time limit, and what a cut-off file with findings is

    /// Dense text (a roster: a name, a phone and an address on every line) far too long to
    /// scan in the limit. The file is cut off with findings: its status is `findings`, but it
    /// is not fully read, the summary counts it, and exit 3 wins over 0 under --fail-on critical.
    func testATimeLimitCutsOffALongFileAndTheExitCodeSaysSo() throws {
        var text = ""
        for i in 0..<60_000 {
            text += "申請者 世田谷 太郎 様 電話 03-5432-\(String(format: "%04d", i % 10000)) 住所 東京都世田谷区太子堂\(i % 5 + 1)丁目\(i % 20 + 1)番\(i % 30 + 1)号 本文の続きです。\n"
        }
        let big = tmp.appendingPathComponent("roster-dump.txt")
        try Data(text.utf8).write(to: big)
        _ = try run(["rules", "list"]) // builds this process's dictionary cache, so that the limit is the scan's alone
        let limit = 2.0
        let r = try run(["scan", "--format", "json", "--time-limit", "\(limit)", "--fail-on", "critical", big.path])
        XCTAssertEqual(r.status, 3, "nothing critical, but the file was not fully read: \(r.stderr)")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let file = try XCTUnwrap((json["files"] as? [[String: Any]])?.first)
        XCTAssertEqual(file["status"] as? String, "findings")
        XCTAssertEqual(file["fully_read"] as? Bool, false)
        XCTAssertTrue((file["notices"] as? [[String: Any]])?.contains { $0["code"] as? String == "time_limit" } == true)
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["not_fully_read"] as? Int, 1)
        XCTAssertEqual(summary["findings_not_fully_read"] as? Int, 1)
        // The limit holds to within 10 % or 0.5 s in a release build (Tools/bench/time_limit.sh);
        // a debug build's smallest step of work (one 64 K chunk through one recognizer) is
        // about fifteen times slower, hence the wider margin here.
        let elapsed = try XCTUnwrap(file["elapsed_seconds"] as? Double)
        XCTAssertLessThan(elapsed, limit + 1.5, "the file took \(elapsed) s with a \(limit) s limit")
        let text2 = try run(["scan", "--time-limit", "\(limit)", "--fail-on", "critical", big.path])
        XCTAssertTrue(text2.stdout.contains("（うち一部未確認 1）"), text2.stdout.suffix(300).description)
    }
}
