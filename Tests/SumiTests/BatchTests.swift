import Foundation
import XCTest
import SumiTestSupport
import SumiReport
import SumiBatch

/// Archive scans through the `sumi` executable: the cache and resuming after `kill -9`,
/// worker processes that crash or hang, shards merged, path lists and `--since`.
final class BatchTests: XCTestCase {
    var tmp: URL!
    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) throws -> CLITests.Run {
        try CLITests.run(arguments, environment: environment, stdin: stdin)
    }

    /// An invented archive: `count` text files, every third with a name and a phone number,
    /// plus the office and PDF samples so every reader runs in the workers.
    func makeArchive(count: Int, in name: String = "site") throws -> URL {
        let dir = tmp.appendingPathComponent(name)
        for i in 0..<count {
            let sub = dir.appendingPathComponent(String(format: "%02d", i % 7))
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let body = i % 3 == 0
                ? "お問い合わせ\n担当　山田 太郎\n電話 03-5432-\(String(format: "%04d", 1000 + i))\n"
                : "第\(i)回 会議の開催について\n日時 令和6年4月\(1 + i % 28)日\n場所 区役所第\(1 + i % 5)会議室\n"
            try body.write(to: sub.appendingPathComponent("notice-\(i).txt"), atomically: true, encoding: .utf8)
        }
        let samples = ScanTests.root.appendingPathComponent("Corpus/samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    /// The file lines of a JSON Lines report, without timings, and its summary line.
    func lines(_ jsonl: String) -> (files: [String], summary: [String: Any]) {
        var files: [String] = [], summary: [String: Any] = [:]
        for line in jsonl.split(separator: "\n") {
            if line.hasPrefix("{\"summary\"") {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                summary = object?["summary"] as? [String: Any] ?? [:]
            } else {
                files.append(line.replacingOccurrences(of: #""elapsed_seconds":[0-9.e+-]+,?"#, with: "", options: .regularExpression))
            }
        }
        return (files, summary)
    }

    func path(ofLine line: String) -> String {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String ?? ""
    }

    // MARK: the cache

    func testSecondRunComesFromTheCacheAndAChangedFileIsReadAgain() throws {
        let dir = try makeArchive(count: 12)
        let cache = tmp.appendingPathComponent("scan.sqlite").path
        let first = try run(["scan", "--cache", cache, "--format", "jsonl", "--quiet", dir.path])
        XCTAssertEqual(first.status, 1, first.stderr)
        let a = lines(first.stdout)
        XCTAssertEqual(a.files.count, 12 + 8)
        XCTAssertEqual(a.summary["from_cache"] as? Int, 0)

        let second = try run(["scan", "--cache", cache, "--format", "jsonl", "--quiet", dir.path])
        let b = lines(second.stdout)
        XCTAssertEqual(b.summary["from_cache"] as? Int, 20, second.stderr)
        XCTAssertEqual(b.files, a.files, "the cache gives back what the scan reported")

        // A file whose content changed is read again; one only touched is not.
        let changed = dir.appendingPathComponent("01/notice-1.txt")
        try "担当　佐藤 花子\n電話 03-1111-2222\n".write(to: changed, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: dir.appendingPathComponent("02/notice-2.txt").path)
        let third = try run(["scan", "--cache", cache, "--format", "jsonl", "--quiet", dir.path])
        let c = lines(third.stdout)
        XCTAssertEqual(c.summary["from_cache"] as? Int, 19)
        let line = try XCTUnwrap(c.files.first { path(ofLine: $0).hasSuffix("01/notice-1.txt") })
        XCTAssertTrue(line.contains("佐藤"), line)

        // A different configuration (here: masking) does not reuse reports made without it.
        let masked = try run(["scan", "--cache", cache, "--format", "jsonl", "--quiet", "--mask", dir.path])
        let m = lines(masked.stdout)
        XCTAssertEqual(m.summary["from_cache"] as? Int, 0)
        XCTAssertFalse(masked.stdout.contains("山田 太郎"), "masked reports are cached masked")
    }

    func testReportFromTheCacheInEveryFormat() throws {
        let dir = try makeArchive(count: 6)
        let cache = tmp.appendingPathComponent("scan.sqlite").path
        _ = try run(["scan", "--cache", cache, "--quiet", dir.path])
        let csv = try run(["report", "--cache", cache, "--format", "csv"])
        XCTAssertEqual(csv.status, 1, csv.stderr)
        XCTAssertTrue(csv.stdout.contains("山田 太郎"), csv.stdout)
        let html = try run(["report", "--cache", cache, "--format", "html"])
        XCTAssertTrue(html.stdout.contains("<html"), html.stderr)
        XCTAssertTrue(html.stdout.contains("notice-0.txt"))
        let json = try run(["report", "--cache", cache, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["files"] as? [Any])?.count, 6 + 8)
        // A file that is not a cache is a usage error, not a crash.
        let bad = try run(["report", "--cache", dir.appendingPathComponent("00/notice-0.txt").path])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("sumi: エラー: "), bad.stderr)
    }

    /// `kill -9` at random moments, three times, then a run to the end: the final report
    /// holds every file exactly once and equals an uninterrupted run's.
    func testKilledRunsResumeToTheUninterruptedReport() throws {
        let dir = try makeArchive(count: 600)
        let reference = lines(try run(["scan", "--format", "jsonl", "--quiet", dir.path]).stdout)
        XCTAssertEqual(reference.files.count, 608)

        let cache = tmp.appendingPathComponent("resume.sqlite").path
        var generator = SystemRandomNumberGenerator()
        var furthest = 0
        for attempt in 0..<3 {
            // The moment to kill is chosen by progress, not by the clock (a loaded CI machine
            // would otherwise finish or not start): a random number of lines past what any
            // earlier run wrote, so each run is killed with work left and work done.
            let out = tmp.appendingPathComponent("killed-\(attempt).jsonl")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            let target = furthest + Int.random(in: 20...120, using: &generator)
            let p = Process()
            p.executableURL = CLITests.sumi
            p.arguments = ["scan", "--cache", cache, "--format", "jsonl", "--quiet", dir.path]
            p.standardOutput = try FileHandle(forWritingTo: out)
            p.standardError = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(60)
            var written = 0
            while p.isRunning && Date() < deadline {
                written = (try? Data(contentsOf: out))?.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } ?? 0
                if written >= target { break }
                Thread.sleep(forTimeInterval: 0.005)
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationReason, .uncaughtSignal, "run \(attempt) was killed mid-run (\(written) lines)")
            furthest = max(furthest, written)
        }
        let resumed = try run(["scan", "--cache", cache, "--format", "jsonl", "--quiet", dir.path])
        let r = lines(resumed.stdout)
        XCTAssertEqual(r.files.count, 608)
        XCTAssertEqual(Set(r.files.map(path(ofLine:))).count, 608, "no file twice")
        XCTAssertEqual(r.files, reference.files)
        XCTAssertGreaterThan(r.summary["from_cache"] as? Int ?? 0, 0, "the killed runs' work was kept")
    }

    // MARK: workers

    func testACrashingAndAHangingReaderAreErrorsAndTheBatchGoesOn() throws {
        let dir = try makeArchive(count: 9)
        let r = try run(["scan", "--format", "jsonl", "--quiet", "--isolate", "--time-limit", "2", dir.path],
                        environment: ["SUMI_WORKER_FAULT": "crash:notice-4.txt,hang:notice-5.txt"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let l = lines(r.stdout)
        XCTAssertEqual(l.files.count, 17, "every file has its line")
        let crashed = try XCTUnwrap(l.files.first { path(ofLine: $0).hasSuffix("notice-4.txt") })
        XCTAssertTrue(crashed.contains(#""status":"error""#) && crashed.contains("extractor_crashed"), crashed)
        let hung = try XCTUnwrap(l.files.first { path(ofLine: $0).hasSuffix("notice-5.txt") })
        XCTAssertTrue(hung.contains(#""status":"error""#) && hung.contains("time_limit"), hung)
        // The files after them were read by a replacement worker.
        let after = try XCTUnwrap(l.files.first { path(ofLine: $0).hasSuffix("notice-7.txt") })
        XCTAssertTrue(after.contains(#""status":"clean""#), after)
        XCTAssertEqual(l.summary["errors"] as? Int, 2)
        let notRead = l.summary["not_read"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(notRead.compactMap { $0["code"] as? String }), ["extractor_crashed", "time_limit"], "\(notRead)")
    }

    func testAWorkerOverItsMemoryLimitIsAnError() throws {
        let dir = try makeArchive(count: 3)
        let r = try run(["scan", "--format", "jsonl", "--quiet", "--isolate", "--worker-memory", "2048", dir.path],
                        environment: ["SUMI_WORKER_FAULT": "oom:notice-1.txt"])
        let l = lines(r.stdout)
        XCTAssertEqual(l.files.count, 11)
        let line = try XCTUnwrap(l.files.first { path(ofLine: $0).hasSuffix("notice-1.txt") })
        XCTAssertTrue(line.contains(#""status":"error""#) && line.contains("extractor_crashed"), line)
        XCTAssertEqual(l.summary["errors"] as? Int, 1)
    }

    // MARK: shards and lists

    func testShardsMergeToTheUnshardedReport() throws {
        let dir = try makeArchive(count: 30)
        let whole = try run(["scan", "--format", "json", "--quiet", dir.path])
        var shardFiles: [String] = []
        var counts: [Int] = []
        for k in 1...3 {
            let out = tmp.appendingPathComponent("shard-\(k).jsonl").path
            let r = try run(["scan", "--shard", "\(k)/3", "--format", "jsonl", "--output", out, "--quiet", dir.path])
            XCTAssertNotEqual(r.status, 2, r.stderr)
            counts.append(lines(try String(contentsOfFile: out, encoding: .utf8)).files.count)
            shardFiles.append(out)
        }
        XCTAssertEqual(counts.reduce(0, +), 38)
        XCTAssertTrue(counts.allSatisfy { $0 > 0 }, "\(counts)")
        let merged = try run(["report", "merge", "--format", "json"] + shardFiles)
        XCTAssertEqual(merged.status, whole.status, merged.stderr)
        func files(_ json: String) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return try (object?["files"] as? [[String: Any]] ?? []).map { f in
                var f = f
                f["elapsed_seconds"] = nil
                return String(decoding: try JSONSerialization.data(withJSONObject: f, options: .sortedKeys), as: UTF8.self)
            }
        }
        XCTAssertEqual(try files(merged.stdout), try files(whole.stdout))
        // The same slice every time: a shard is a function of the path.
        let again = try run(["scan", "--shard", "2/3", "--format", "jsonl", "--quiet", dir.path])
        XCTAssertEqual(lines(again.stdout).files.map(path(ofLine:)),
                       lines(try String(contentsOfFile: shardFiles[1], encoding: .utf8)).files.map(path(ofLine:)))
        // A bad slice is a usage error.
        for bad in ["0/3", "4/3", "x"] {
            XCTAssertEqual(try run(["scan", "--shard", bad, dir.path]).status, 2, bad)
        }
    }

    func testFilesFromStdinWithNULsAndSinceAndBrokenEntries() throws {
        let dir = try makeArchive(count: 6)
        let old = dir.appendingPathComponent("00/notice-0.txt").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_500_000_000)], ofItemAtPath: old)
        let list = [old, dir.appendingPathComponent("01/notice-1.txt").path, tmp.appendingPathComponent("missing.txt").path]
        let nul = Data(list.joined(separator: "\0").utf8)
        let r = try run(["scan", "--files-from", "-", "--format", "jsonl", "--quiet"], stdin: nul)
        let l = lines(r.stdout)
        XCTAssertEqual(l.files.map(path(ofLine:)), list)
        XCTAssertTrue(l.files[2].contains(#""status":"error""#), l.files[2])

        let since = try run(["scan", "--since", "2024-01-01", "--format", "jsonl", "--quiet", dir.path])
        let paths = lines(since.stdout).files.map(path(ofLine:))
        XCTAssertFalse(paths.contains(old))
        XCTAssertEqual(paths.count, 13)
        XCTAssertEqual(try run(["scan", "--since", "yesterday", dir.path]).status, 2)
    }

    func testASymlinkLoopIsAnErrorForThatPathOnly() throws {
        let dir = try makeArchive(count: 2)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop").path, withDestinationPath: dir.path)
        let r = try run(["scan", "--format", "jsonl", "--quiet", dir.path])
        let l = lines(r.stdout)
        XCTAssertEqual(l.files.filter { path(ofLine: $0).hasSuffix("notice-0.txt") }.count, 1, "the loop does not scan a file twice")
        XCTAssertEqual(l.summary["files"] as? Int, l.files.count)
        let loop = try XCTUnwrap(l.files.first { path(ofLine: $0).hasSuffix("/loop") }, "the loop is reported")
        XCTAssertTrue(loop.contains(#""status":"error""#) && loop.contains("symlink_loop"), loop)
    }

    func testSummaryFileAndProgressLines() throws {
        let dir = try makeArchive(count: 6)
        let summary = tmp.appendingPathComponent("summary.json").path
        let r = try run(["scan", "--summary", summary, "--format", "json", dir.path])
        XCTAssertEqual(r.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any]
        let s = try XCTUnwrap(object?["summary"] as? [String: Any])
        XCTAssertEqual(s["files"] as? Int, 14)
        XCTAssertEqual((s["most_findings"] as? [[String: Any]])?.first?["path"] as? String, dir.appendingPathComponent("sample-roster.csv").path)
        // Not a terminal: plain progress lines on stderr, no personal data in them.
        XCTAssertTrue(r.stderr.contains("sumi: 14/14 件"), r.stderr)
        XCTAssertFalse(r.stderr.contains("山田"), r.stderr)
        let quiet = try run(["scan", "--summary", summary, "--quiet", "--format", "json", dir.path])
        XCTAssertEqual(quiet.stderr, "")
    }

    // MARK: the compact file list

    func testTargetTableGivesBackWhatWasAppended() {
        let targets: [ScanTarget] = [
            .file(URL(fileURLWithPath: "/srv/www/お知らせ.pdf"), display: "/srv/www/お知らせ.pdf"),
            .stdin,
            .problem("/srv/www/loop", code: "symlink_loop", message: "循環"),
            .file(URL(fileURLWithPath: "/srv/www/名簿 2024.xlsx"), display: "/srv/www/名簿 2024.xlsx"),
        ]
        let table = TargetTable(targets)
        XCTAssertEqual(Array(table), targets)
        XCTAssertEqual(table.path(at: 3), "/srv/www/名簿 2024.xlsx")
        XCTAssertEqual(Array(table.filtered { $0 != .stdin }), [targets[0], targets[2], targets[3]])
        XCTAssertEqual(Shard(index: 1, count: 1)!.slice(table), table)
    }
}
