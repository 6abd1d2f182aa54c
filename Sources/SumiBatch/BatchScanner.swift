import Foundation
import Sumi
import SumiExtract
import SumiModel
import SumiReport

/// Scans many files: in this process (a few files, the tests) or in worker processes (an
/// archive), with or without the cache, delivering each file's report as soon as it is done.
/// One file's failure never stops the batch. `DocumentScanner` reads each file.
public struct BatchScanner: Sendable {
    public typealias Target = ScanTarget

    public let scanner: DocumentScanner
    public var concurrency: Int
    /// Read documents in these worker processes instead of this one.
    public var workers: WorkerPool?
    /// Reuse and record reports here.
    public var cache: ScanCache?
    /// Mask findings before they are cached or delivered (`--mask`).
    public var mask = false

    public init(scanner: DocumentScanner, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                workers: WorkerPool? = nil, cache: ScanCache? = nil, mask: Bool = false) {
        self.scanner = scanner
        self.concurrency = max(1, concurrency)
        self.workers = workers
        self.cache = cache
        self.mask = mask
    }

    /// Expands paths into targets (see `TargetList.expand`).
    public static func targets(for paths: [String]) -> TargetTable { TargetList.expand(paths) }

    /// Scans all targets and returns their reports in input order.
    public func scan(_ targets: TargetTable) -> [FileReport] {
        let results = ResultSlots<FileReport>(count: targets.count)
        run(targets, ordered: false) { i, report, _ in results.set(i, report) }
        return results.all()
    }

    /// Scans all targets; `deliver(index, report, fromCache)` is called once per target, from
    /// one thread at a time, in input order when `ordered` (a later file waits for an earlier
    /// slow one), else as each is done.
    public func run(_ targets: TargetTable, ordered: Bool, progress: ProgressMeter? = nil,
                    deliver: @escaping (Int, FileReport, Bool) -> Void) {
        let next = Counter()
        let out = Delivery(ordered: ordered, deliver: deliver)
        // Fewer files than cores: the spare cores run the rules inside each file.
        let threads = min(concurrency, max(1, targets.count))
        let threadsPerFile = workers == nil ? max(1, concurrency / threads) : 1
        let group = DispatchGroup()
        for slot in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while true {
                    let i = next.increment() - 1
                    guard i < targets.count else { return }
                    progress?.began(slot: slot, path: targets.path(at: i))
                    let (report, cached, bytes) = scanOne(targets[i], position: i, slot: slot, threadsPerFile: threadsPerFile)
                    progress?.finished(slot: slot, report, bytes: bytes, fromCache: cached)
                    out.put(i, report, cached)
                }
            }
            // The readers recurse (XML, PDF outlines): the stack of a main thread, not Thread's 512 kB.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }

    private func scanOne(_ target: ScanTarget, position: Int, slot: Int, threadsPerFile: Int) -> (FileReport, Bool, Int64) {
        if let problem = target.problemReport { return (problem, false, 0) }
        if scanner.rules.hasFailed {
            // The run ends with the rule error; do not read the rest of the archive first.
            return (DocumentScanner.notChecked(path: target.displayName), false, 0)
        }
        guard case .file(let url, let display) = target else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return (finish(scanner.scan(data: data, name: "-", threads: threadsPerFile)), false, Int64(data.count))
        }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
        // Hashed here only to look the file up: the scanner hashes what it reads itself.
        let hash = cache != nil ? DocumentScanner.contentHash(of: url) : nil
        if let cache, let hash, let stored = cache.lookup(path: display, sha256: hash) {
            cache.record(path: display, sha256: hash, report: nil, position: position)
            return (stored, true, bytes)
        }
        var report = workers.map { $0.scan(url, display: display, slot: slot, sha256: hash) }
            ?? scanner.scanFile(at: url, displayPath: display, threads: threadsPerFile)
        report = finish(report)
        // A time limit depends on the machine's load: such a report is not kept, the next run
        // tries again. Everything else (also a crash) is a fact about these bytes.
        if let cache, let hash = report.sha256 ?? hash, !report.notices.contains(where: { $0.code == NoticeCode.timeLimit }) {
            cache.record(path: display, sha256: hash, report: report, position: position)
        }
        return (report, false, bytes)
    }

    private func finish(_ report: FileReport) -> FileReport {
        mask ? Masking.masked(report) : report
    }
}

/// Hands reports on one at a time, in input order when asked (holding back the ones that
/// finish early; with a few threads that is a few reports).
private final class Delivery: @unchecked Sendable {
    private let ordered: Bool
    private let deliver: (Int, FileReport, Bool) -> Void
    private let lock = NSLock()
    private var waiting: [Int: (FileReport, Bool)] = [:]
    private var nextIndex = 0

    init(ordered: Bool, deliver: @escaping (Int, FileReport, Bool) -> Void) {
        self.ordered = ordered; self.deliver = deliver
    }

    func put(_ i: Int, _ report: FileReport, _ cached: Bool) {
        lock.lock(); defer { lock.unlock() }
        guard ordered else { deliver(i, report, cached); return }
        waiting[i] = (report, cached)
        while let (r, c) = waiting.removeValue(forKey: nextIndex) {
            deliver(nextIndex, r, c)
            nextIndex += 1
        }
    }
}
