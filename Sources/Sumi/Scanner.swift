import Foundation
import SumiExtract
import SumiModel
import SumiReport
import SumiRules
import SumiText

/// The version of Sumi reported in `tool.version`.
public let sumiVersion = "0.1.0"

/// Ties the stages together: a file goes to its extractor, each unit (or group of
/// units) goes through the rules, detections become report findings with locations.
/// Thread-safe: rule matchers are pooled, one per concurrent scan.
public final class DocumentScanner: Sendable {
    public let ruleSet: RuleSet
    public let limits: ExtractionLimits
    private let pool: MatcherPool

    public init(ruleSet: RuleSet, limits: ExtractionLimits = ExtractionLimits()) {
        self.ruleSet = ruleSet
        self.limits = limits
        pool = MatcherPool(ruleSet: ruleSet)
    }

    /// Scans a file on disk. Never throws: what goes wrong is in the report entry.
    /// `threads` > 1 runs the rules on that many cores (for a batch with fewer files than cores).
    public func scanFile(at url: URL, displayPath: String? = nil, threads: Int = 1) -> FileReport {
        scan(ExtractionInput(url: url, name: displayPath ?? url.path, limits: limits), threads: threads)
    }

    /// Scans bytes in memory (stdin, an upload, an attachment).
    public func scan(data: Data, name: String, depth: Int = 0, threads: Int = 1) -> FileReport {
        scan(ExtractionInput(data: data, name: name, limits: limits, depth: depth), threads: threads)
    }

    public func scan(_ input: ExtractionInput, threads: Int = 1) -> FileReport {
        let started = Date()
        var head = Data()
        var hash: String? = nil
        do {
            head = try FileHashing.head(input, bytes: 8192)
            hash = try FileHashing.sha256(input)
        } catch let e as ExtractionError {
            return FileReport(path: input.name, format: .unknown, notices: [Notice(code: e.code, message: e.message)],
                              failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        } catch {
            return FileReport(path: input.name, format: .unknown,
                              notices: [Notice(code: NoticeCode.readError, message: "ファイルを読み込めませんでした。")],
                              failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        }
        var kind = FormatDetector.detect(name: input.name, head: head)
        if input.name == "-" || input.name == "<stdin>", kind == .unknown { kind = .supported(.txt) }
        let format: FileFormat
        switch kind {
        case .supported(let f): format = f
        case .legacy(let ext):
            return FileReport(path: input.name, format: .unknown, sha256: hash, notices: [Notice(
                code: NoticeCode.unsupportedFormat,
                message: "旧形式または未対応の形式（.\(ext)）は読み取れません。DOCX・XLSX・PDF などで保存し直してから確認してください。")],
                failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        case .encryptedOffice:
            return FileReport(path: input.name, format: FormatDetector.officeFormat(forName: input.name), sha256: hash, notices: [Notice(
                code: NoticeCode.encrypted,
                message: "パスワードで保護されているため読み取れません。保護を解除したファイルで確認してください。")],
                failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        case .unknown:
            return FileReport(path: input.name, format: .unknown, sha256: hash, notices: [Notice(
                code: NoticeCode.unsupportedFormat,
                message: "この形式のファイルは読み取れません。内容を目視で確認してください。")],
                failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        }
        guard let extractor = ExtractorRegistry.extractor(for: format) else {
            return FileReport(path: input.name, format: format, sha256: hash, failed: true)
        }
        let matcher = pool.acquire()
        defer { pool.release(matcher) }
        var assembler = FindingAssembler(path: input.name)
        var notices: [Notice] = []
        var group: [TextUnit] = []
        // Groups wait in a small batch so that several cores can run the rules on them; the
        // results are assembled in document order, so the report does not depend on threads.
        var batch: [[TextUnit]] = []
        var batchUnits = 0
        func flushBatch() {
            guard !batch.isEmpty else { return }
            let results = threads > 1 && batch.count > 1
                ? pool.detectInParallel(batch, threads: threads)
                : batch.map { matcher.detect(group: $0) }
            for (units, result) in zip(batch, results) {
                for (unit, detections) in zip(units, result.detections) { assembler.add(detections, in: unit) }
                notices.append(contentsOf: result.notices)
            }
            batch.removeAll(keepingCapacity: true)
            batchUnits = 0
        }
        func flushGroup() {
            guard !group.isEmpty else { return }
            batchUnits += group.reduce(0) { $0 + $1.utf16Count }
            batch.append(group)
            group.removeAll(keepingCapacity: true)
            // Bounded: at most ~2 M characters (two text chunks) or 512 rows in flight.
            if threads == 1 || batch.count >= 512 || batchUnits >= 1 << 21 { flushBatch() }
        }
        do {
            let summary = try extractor.extract(input) { unit in
                if let key = unit.groupKey, let last = group.last, last.groupKey == key {
                    group.append(unit)
                } else {
                    flushGroup()
                    group.append(unit)
                }
            }
            flushGroup()
            flushBatch()
            return FileReport(path: input.name, format: summary.format, sha256: hash, encoding: summary.encoding,
                              pages: summary.pages, notices: summary.notices + notices, findings: assembler.findings,
                              failed: summary.failed, elapsedSeconds: Date().timeIntervalSince(started))
        } catch let e as ExtractionError {
            flushGroup()
            flushBatch()
            return FileReport(path: input.name, format: format, sha256: hash,
                              notices: notices + [Notice(code: e.code, message: e.message)], findings: assembler.findings,
                              failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        } catch {
            flushGroup()
            flushBatch()
            return FileReport(path: input.name, format: format, sha256: hash,
                              notices: notices + [Notice(code: NoticeCode.readError, message: "読み取り中にエラーが発生しました: \(error)")],
                              findings: assembler.findings, failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        }
    }
}

/// Rule matchers are not thread-safe; keep one per concurrent scan and reuse them.
final class MatcherPool: @unchecked Sendable {
    private let ruleSet: RuleSet
    private var free: [RuleMatcher] = []
    private let lock = NSLock()

    init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    func acquire() -> RuleMatcher {
        lock.lock(); defer { lock.unlock() }
        return free.popLast() ?? RuleMatcher(ruleSet)
    }

    func release(_ m: RuleMatcher) {
        lock.lock(); free.append(m); lock.unlock()
    }

    /// Runs the rules on groups on `threads` cores, each with its own matcher; results in input order.
    func detectInParallel(_ groups: [[TextUnit]], threads: Int) -> [RuleMatcher.GroupResult] {
        let slots = GroupResultSlots(count: groups.count)
        let workers = min(threads, groups.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let m = acquire()
            defer { release(m) }
            var i = worker
            while i < groups.count {
                slots.set(i, m.detect(group: groups[i]))
                i += workers
            }
        }
        return slots.all()
    }
}

/// Result slots filled from several threads, each index by one thread.
final class GroupResultSlots: @unchecked Sendable {
    private var slots: [RuleMatcher.GroupResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: RuleMatcher.GroupResult) { lock.lock(); slots[i] = r; lock.unlock() }
    func all() -> [RuleMatcher.GroupResult] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

extension FormatDetector {
    static func officeFormat(forName name: String) -> FileFormat {
        switch (name as NSString).pathExtension.lowercased() {
        case "docx", "docm": .docx
        case "xlsx", "xlsm": .xlsx
        case "pptx", "pptm": .pptx
        default: .unknown
        }
    }
}

/// Reading the start of an input and hashing it in a streaming way.
enum FileHashing {
    static func head(_ input: ExtractionInput, bytes: Int) throws -> Data {
        if let d = input.data { return d.prefix(bytes) }
        guard let url = input.url else { return Data() }
        guard let h = FileHandle(forReadingAtPath: url.path) else {
            throw ExtractionError(code: NoticeCode.readError, message: "ファイルを開けません（存在しないか、読み取り権限がありません）。")
        }
        defer { try? h.close() }
        do { return try h.read(upToCount: bytes) ?? Data() } catch {
            throw ExtractionError(code: NoticeCode.readError, message: "ファイルを読み込めませんでした（ディレクトリか、読み取れない特殊ファイルです）。")
        }
    }

    static func sha256(_ input: ExtractionInput) throws -> String {
        var sha = SHA256()
        if let d = input.data {
            d.withUnsafeBytes { sha.update($0) }
            return sha.hexDigest()
        }
        guard let url = input.url, let h = FileHandle(forReadingAtPath: url.path) else {
            throw ExtractionError(code: NoticeCode.readError, message: "ファイルを開けません。")
        }
        defer { try? h.close() }
        while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { sha.update($0) }
        }
        return sha.hexDigest()
    }
}
