import Foundation
import GRDB
import SumiModel
import SumiReport

/// The batch cache (`sumi scan --cache FILE.sqlite`): each file's report, keyed by the
/// file's path, the SHA-256 of its bytes and the scan's configuration (Sumi version, rules
/// version, mask, limits, allowlist and baseline), so that a re-run reads again only what
/// changed, and a run killed at any moment resumes where it stopped.
///
/// Why it survives `kill -9`: SQLite in WAL mode commits each batch of entries atomically
/// and an entry is written only once its report is complete; a killed run loses at most the
/// entries of its last uncommitted batch, which the next run scans again. An entry is
/// replaced, never added twice (the path is the primary key).
///
/// The cache holds what the report holds (masked with `--mask`): it is personal data, a
/// file the user chose, created readable by the owner only, and never written by default.
public final class ScanCache: @unchecked Sendable {
    /// One recorded run (a `sumi scan --cache` invocation).
    public struct Run: Sendable {
        public var id: Int64
        public var toolVersion: String
        public var rulesVersion: String
        public var finished: Bool
    }

    public let url: URL
    /// This run, in the `runs` table.
    public let run: Run
    private let db: DatabasePool
    private let configuration: String
    private let lock = NSLock()
    private var pending: [Pending] = []
    private var lastFlush = Date()

    /// Entries waiting for the next commit: a commit per file costs an fsync; a commit per
    /// 64 files or half a second loses at most that much work to a `kill -9`.
    private enum Pending {
        case store(path: String, sha256: String, status: String, report: [UInt8], position: Int)
        case touch(path: String, position: Int)
    }

    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens (creating if need be) the cache and starts a run. `configuration` is a digest
    /// of everything besides the file's bytes that changes its report.
    public init(url: URL, toolVersion: String, rulesVersion: String, configuration: String) throws {
        self.url = url
        self.configuration = configuration
        db = try Self.open(url, create: true)
        var run = Run(id: 0, toolVersion: toolVersion, rulesVersion: rulesVersion, finished: false)
        try db.write { db in
            try db.execute(sql: "INSERT INTO runs (started, tool_version, rules_version, configuration) VALUES (?, ?, ?, ?)",
                           arguments: [Date().timeIntervalSince1970, toolVersion, rulesVersion, configuration])
            run.id = db.lastInsertedRowID
        }
        self.run = run
    }

    /// Opens an existing cache to read its last run (`sumi report --cache`).
    public static func latest(_ url: URL) throws -> (run: Run, reports: [FileReport]) {
        guard FileManager.default.fileExists(atPath: url.path) else { throw OpenError(description: "ファイルがありません") }
        let db = try open(url, create: false)
        return try db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, tool_version, rules_version, finished FROM runs ORDER BY id DESC LIMIT 1") else {
                throw OpenError(description: "まだ一度も検査を記録していません")
            }
            let run = Run(id: row["id"], toolVersion: row["tool_version"], rulesVersion: row["rules_version"],
                          finished: (row["finished"] as Double?) != nil)
            var reports: [FileReport] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT report FROM entries WHERE run = ? ORDER BY position", arguments: [run.id])
            while let r = try rows.next() {
                let bytes: Data = r["report"]
                reports.append(try FileReport.decode(jsonLine: bytes))
            }
            return (run, reports)
        }
    }

    /// The stored report of this file, if its bytes and the configuration are unchanged.
    public func lookup(path: String, sha256: String) -> FileReport? {
        let bytes: Data? = try? db.read { db in
            try Data.fetchOne(db, sql: "SELECT report FROM entries WHERE path = ? AND sha256 = ? AND configuration = ?",
                              arguments: [path, sha256, configuration])
        }
        return bytes.flatMap { try? FileReport.decode(jsonLine: $0) }
    }

    /// Records a new report of the file (or, with `report` nil, that this run saw the file
    /// and its stored report again), at `position` in this run's list.
    public func record(path: String, sha256: String, report: FileReport?, position: Int) {
        lock.lock()
        if let report {
            pending.append(.store(path: path, sha256: sha256, status: report.status.rawValue, report: report.jsonLine(), position: position))
        } else {
            pending.append(.touch(path: path, position: position))
        }
        let due = pending.count >= 64 || Date().timeIntervalSince(lastFlush) >= 0.5
        lock.unlock()
        if due { try? flush() }
    }

    /// Commits what is pending.
    public func flush() throws {
        lock.lock()
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        lastFlush = Date()
        lock.unlock()
        guard !batch.isEmpty else { return }
        let run = self.run.id, configuration = self.configuration
        try db.write { db in
            for entry in batch {
                switch entry {
                case .store(let path, let sha, let status, let report, let position):
                    try db.execute(sql: """
                        INSERT INTO entries (path, sha256, configuration, status, report, run, position, scanned_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, configuration = excluded.configuration,
                          status = excluded.status, report = excluded.report, run = excluded.run,
                          position = excluded.position, scanned_at = excluded.scanned_at
                        """, arguments: [path, sha, configuration, status, Data(report), run, position, Date().timeIntervalSince1970])
                case .touch(let path, let position):
                    try db.execute(sql: "UPDATE entries SET run = ?, position = ? WHERE path = ?", arguments: [run, position, path])
                }
            }
        }
    }

    /// Commits the rest and marks the run finished (a report from the cache says when the
    /// last run did not finish).
    public func finish(files: Int) throws {
        try flush()
        try db.write { db in
            try db.execute(sql: "UPDATE runs SET finished = ?, files = ? WHERE id = ?",
                           arguments: [Date().timeIntervalSince1970, files, run.id])
        }
    }

    private static func open(_ url: URL, create: Bool) throws -> DatabasePool {
        let fm = FileManager.default
        if create, !fm.fileExists(atPath: url.path) {
            // Owner-only from the start: SQLite gives its -wal and -shm files the same mode.
            guard fm.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw OpenError(description: "作成できません")
            }
        }
        var config = Configuration()
        config.readonly = !create
        config.busyMode = .timeout(10)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: url.path, configuration: config)
        } catch {
            throw OpenError(description: "SQLite のデータベースとして開けません")
        }
        if create {
            do {
                try pool.write { db in
                    try db.execute(sql: """
                        CREATE TABLE IF NOT EXISTS runs (
                          id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL NOT NULL, finished REAL,
                          tool_version TEXT NOT NULL, rules_version TEXT NOT NULL, configuration TEXT NOT NULL,
                          files INTEGER);
                        CREATE TABLE IF NOT EXISTS entries (
                          path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, configuration TEXT NOT NULL,
                          status TEXT NOT NULL, report BLOB NOT NULL, run INTEGER NOT NULL,
                          position INTEGER NOT NULL, scanned_at REAL NOT NULL);
                        CREATE INDEX IF NOT EXISTS entries_by_run ON entries (run, position);
                        """)
                }
            } catch {
                throw OpenError(description: "Sumi のキャッシュではないか、壊れています")
            }
        }
        return pool
    }
}
