import Dispatch
import Foundation
import SumiModel
import SumiRules

/// The rule stage of one file: groups of units in, findings out in document order.
///
/// With one thread (a batch scan keeps every core busy with its own file) each group runs
/// on the caller's thread as it arrives. With more, groups gather into small batches; a
/// batch runs on `threads` background cores, which also build its findings, while the
/// caller goes on extracting the next ones. Batches run one at a time, in order, and at
/// most `batchesInFlight` wait or run, so memory stays bounded; the report does not depend
/// on the number of threads.
final class DetectionPipeline: @unchecked Sendable {
    private let pool: MatcherPool
    private let threads: Int
    private let builder: FindingBuilder
    private var batch: [[TextUnit]] = []
    private var batchCharacters = 0
    /// Batches run one after another, in document order, on this queue.
    private let queue = DispatchQueue(label: "sumi.rule-stage")
    /// Batches waiting or running: bounds memory when extraction outpaces the rules (or
    /// the rules are still loading).
    private let room = DispatchSemaphore(value: DetectionPipeline.batchesInFlight)
    // Written on `queue` only; read by the caller after draining it.
    private var assembler: FindingAssembler
    private var notices: [Notice] = []
    /// The file's time limit: past it, groups are no longer checked and the file says so.
    /// Moved by the time the rules took to load after the file was started, once known.
    private var deadline: Deadline?
    private let started = DispatchTime.now().uptimeNanoseconds
    private var deadlineSettled = false
    private var timedOut = false
    /// What the file has shown so far (a seating chart's title), in document order: batches
    /// run one at a time, in order, so each group gets the context of everything before it.
    private var tracker: DocumentContextTracker?

    /// Small enough that extraction and rules overlap early in a file (a 100-page PDF is
    /// about 400,000 characters), large enough that the hand-offs cost nothing.
    static let batchGroups = 64
    static let batchCharacters = 1 << 16
    static let batchesInFlight = 4

    init(pool: MatcherPool, threads: Int, builder: FindingBuilder, deadline: Deadline? = nil) {
        self.pool = pool
        self.deadline = deadline
        self.threads = max(1, threads)
        self.builder = builder
        assembler = FindingAssembler(path: builder.path)
    }

    func add(_ group: [TextUnit]) {
        batch.append(group)
        batchCharacters += group.reduce(0) { $0 + $1.utf16Count }
        if threads == 1 || batch.count >= Self.batchGroups || batchCharacters >= Self.batchCharacters { submit() }
    }

    /// Waits for everything submitted; the file's findings and group notices.
    func finish() -> (findings: [Finding], notices: [Notice]) {
        submit()
        queue.sync {}
        if timedOut { notices.append(Self.rulesTimedOut) }
        return (assembler.findings, notices)
    }

    private func submit() {
        guard !batch.isEmpty else { return }
        let work = batch
        batch.removeAll(keepingCapacity: true)
        batchCharacters = 0
        guard threads > 1 else { run(work); return }
        room.wait()
        queue.async {
            self.run(work)
            self.room.signal()
        }
    }

    private func run(_ work: [[TextUnit]]) {
        if !deadlineSettled, let d = deadline {
            deadlineSettled = true
            _ = try? pool.rules.wait()
            let loaded = pool.rules.loadedUptimeNanoseconds
            if loaded > started { deadline = d.extended(byNanoseconds: loaded - started) }
        }
        let builder = self.builder
        if tracker == nil, let ruleSet = try? pool.rules.wait() { tracker = DocumentContextTracker(ruleSet) }
        let contexts = work.map { tracker?.observe($0) ?? DocumentContext() }
        let results = pool.detect(work, contexts: contexts, threads: threads, deadline: deadline) { units, result in
            (zip(units, result.detections).flatMap { builder.findings($1, in: $0) }, result.notices, result.timedOut)
        }
        for (findings, groupNotices, late) in results {
            assembler.add(findings)
            notices.append(contentsOf: groupNotices)
            if late { timedOut = true }
        }
    }

    /// Text was read but its check was cut short: the file is not fully read.
    static let rulesTimedOut = Notice(code: NoticeCode.timeLimit,
        message: "時間制限のため、読み取った文章の一部を検査していません。残りを目視で確認するか、--time-limit を延ばしてください。")
}

/// Rule matchers are not thread-safe; keep one per concurrent scan and reuse them.
final class MatcherPool: @unchecked Sendable {
    let rules: PendingRuleSet
    private var free: [RuleMatcher] = []
    private let lock = NSLock()

    init(rules: PendingRuleSet) { self.rules = rules }

    /// A matcher, once the rules are loaded; nil if they failed to load.
    func acquire() -> RuleMatcher? {
        guard let ruleSet = try? rules.wait() else { return nil }
        lock.lock(); defer { lock.unlock() }
        return free.popLast() ?? RuleMatcher(ruleSet)
    }

    func release(_ m: RuleMatcher) {
        lock.lock(); free.append(m); lock.unlock()
    }

    /// Runs the rules on groups on up to `threads` cores, each with its own matcher, and
    /// `then` on each group's result on the same core; the outputs in input order.
    /// `contexts[i]` is what the document showed up to group `i`.
    func detect<T>(_ groups: [[TextUnit]], contexts: [DocumentContext], threads: Int, deadline: Deadline? = nil,
                   then: @Sendable ([TextUnit], RuleMatcher.GroupResult) -> T) -> [T] {
        let workers = min(threads, groups.count)
        // Rules that failed to load find nothing; the caller reports the load error instead.
        @Sendable func detect(_ m: RuleMatcher?, _ i: Int) -> RuleMatcher.GroupResult {
            let g = groups[i]
            if deadline?.hasPassed == true {
                var skipped = RuleMatcher.GroupResult(nothingIn: g.count)
                skipped.timedOut = true
                return skipped
            }
            return m?.detect(group: g, deadline: deadline, document: contexts[i]) ?? RuleMatcher.GroupResult(nothingIn: g.count)
        }
        if workers <= 1 {
            let m = acquire()
            defer { m.map(release) }
            return groups.indices.map { then(groups[$0], detect(m, $0)) }
        }
        let slots = ResultSlots<T>(count: groups.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let m = acquire()
            defer { m.map(release) }
            var i = worker
            while i < groups.count {
                slots.set(i, then(groups[i], detect(m, i)))
                i += workers
            }
        }
        return slots.all()
    }
}
