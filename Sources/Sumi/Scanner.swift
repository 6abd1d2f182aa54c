import Foundation
import SumiExtract
import SumiModel
import SumiOCR
import SumiReport
import SumiRules
import SumiText

/// The version of Sumi reported in `tool.version`.
public let sumiVersion = "0.1.0"

/// Ties the stages together: a file goes to its extractor, each unit (or group of
/// units) goes through the rules, detections become report findings with locations.
/// Thread-safe: rule matchers are pooled, one per concurrent scan.
public final class DocumentScanner: Sendable {
    public let rules: PendingRuleSet
    public let limits: ExtractionLimits
    /// Allowlist and baseline, applied to every report before it leaves the scanner.
    public let suppressor: Suppressor
    /// OCR for text only in images; nil with `--no-ocr` or on a machine without Tesseract's
    /// Japanese model (image-only pages then stay `image_only_page`).
    public let ocr: OCRSettings?
    private let pool: MatcherPool

    /// Tesseract when its Japanese model is installed, else nil.
    public static let defaultOCR: OCRSettings? = TesseractRecognizer.shared.map { OCRSettings(recognizer: $0) }

    /// Tesseract with the reads of identical images remembered for the process
    /// (`MemoizedRecognizer`): for `sumi scan` and archive workers, which read many files
    /// that share pictures. Not for the server, which keeps nothing of a file after answering.
    public static let archiveOCR: OCRSettings? = defaultOCR.map {
        var settings = $0
        settings.recognizer = MemoizedRecognizer($0.recognizer)
        return settings
    }

    public convenience init(ruleSet: RuleSet, limits: ExtractionLimits = ExtractionLimits(), suppressor: Suppressor = Suppressor(),
                            ocr: OCRSettings? = DocumentScanner.defaultOCR) {
        self.init(rules: PendingRuleSet(ruleSet), limits: limits, suppressor: suppressor, ocr: ocr)
    }

    /// With rules still loading: files are read at once and only the rule stage waits.
    /// If loading fails, every report is an `error` with notice `rules_not_loaded`; the CLI
    /// checks `rules.wait()` and exits with the rule error instead.
    public init(rules: PendingRuleSet, limits: ExtractionLimits = ExtractionLimits(), suppressor: Suppressor = Suppressor(),
                ocr: OCRSettings? = DocumentScanner.defaultOCR) {
        self.rules = rules
        self.limits = limits
        self.suppressor = suppressor
        self.ocr = ocr
        pool = MatcherPool(rules: rules)
    }

    /// The rules, once loaded. Only for scanners whose rules loaded (`rules.wait()` did not throw).
    public var ruleSet: RuleSet {
        guard let r = try? rules.wait() else { preconditionFailure("the scanner's rules failed to load") }
        return r
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
        var input = input
        if input.ocr == nil { input.ocr = ocr }
        var report = read(input, threads: threads)
        // OCR was wanted but this machine has no Tesseract model: say why pictures went unread.
        if ocr == nil, Self.defaultOCR == nil, input.depth == 0, report.notices.contains(where: { $0.code == NoticeCode.imageOnlyPage }) {
            report.notices.append(Notice(code: NoticeCode.ocrUnavailable, message:
                "この環境には OCR（Tesseract と日本語モデル tesseract-ocr-jpn）がないため、画像の中の文字を読んでいません。"))
        }
        // Without rules nothing was checked: say so rather than report the file clean. Wait
        // for the rules here: a file with no text never asked for them while being read.
        guard let ruleSet = try? rules.wait() else {
            return Self.notChecked(path: report.path, format: report.format, sha256: report.sha256)
        }
        if input.depth == 0 { suppressor.apply(&report, normalize: { Self.normalizedForSuppression($0, ruleSet) }) }
        return report
    }

    /// The form a text is compared in by allowlists and baselines: the rules' normalization
    /// (NFKC, dashes, 異体字), without white space.
    public static func normalizedForSuppression(_ text: String, _ ruleSet: RuleSet) -> String {
        ruleSet.normalizer.normalize(text).normalizedString.filter { !$0.isWhitespace }
    }

    /// The extractor's notices, then the rule stage's; a second time-limit notice adds nothing
    /// when reading already stopped at the limit (one 「時間制限」 line, not two).
    static func merged(_ extraction: [Notice], _ rules: [Notice]) -> [Notice] {
        let readingStopped = extraction.contains { $0.code == NoticeCode.timeLimit }
        return extraction + rules.filter { !(readingStopped && $0.code == NoticeCode.timeLimit) }
    }

    /// The SHA-256 of a file's bytes, as the report's `sha256` gives it (nil when it cannot
    /// be read): the key of the batch cache.
    public static func contentHash(of url: URL) -> String? {
        var input = ExtractionInput(url: url, name: url.path)
        input.deadline = .distantFuture
        return (try? FileHashing.sha256(input)) ?? nil
    }

    /// The report for a file whose rules failed to load.
    public static func notChecked(path: String, format: FileFormat = .unknown, sha256: String? = nil) -> FileReport {
        FileReport(path: path, format: format, sha256: sha256, notices: [Notice(
            code: NoticeCode.rulesNotLoaded,
            message: "ルールを読み込めなかったため、個人情報の検査をしていません。ルールの設定を確認してください。")],
            failed: true)
    }

    private func read(_ input: ExtractionInput, threads: Int) -> FileReport {
        var input = input
        if input.depth == 0 { input.readers = max(input.readers, threads) }
        let started = Date()
        let head: Data
        do {
            head = try FileHashing.head(input, bytes: 8192)
        } catch let e as ExtractionError {
            return FileReport(path: input.name, format: .unknown, notices: [Notice(code: e.code, message: e.message)],
                              failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        } catch {
            return FileReport(path: input.name, format: .unknown,
                              notices: [Notice(code: NoticeCode.readError, message: "ファイルを読み込めませんでした。")],
                              failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        }
        // The hash is taken on another core while the file is read: it is only needed for
        // the report, and a debug build hashes at under 1 MB/s, which ate whole time limits.
        let hashed = input
        let hashing = BackgroundTask { try FileHashing.sha256(hashed) }
        var hash: String? { (try? hashing.wait()) ?? nil }
        var kind = FormatDetector.detect(name: input.name, head: head)
        if input.name == "-" || input.name == "<stdin>", kind == .unknown { kind = .supported(.txt) }
        let format: FileFormat, extractor: any Extractor
        switch ExtractorRegistry.intake(for: kind, name: input.name) {
        case .read(let f, let e): (format, extractor) = (f, e)
        case .refuse(let f, let notice):
            return FileReport(path: input.name, format: f, sha256: hash, notices: [notice],
                              failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        }
        // Rules and finding assembly run on other cores while the extractor reads on (when
        // `threads` > 1); findings come back in document order either way.
        let pipeline = DetectionPipeline(pool: pool, threads: threads, builder: FindingBuilder(path: input.name),
                                         deadline: Deadline(input.deadline))
        var group: [TextUnit] = []
        func flushGroup() {
            guard !group.isEmpty else { return }
            pipeline.add(group)
            group.removeAll(keepingCapacity: true)
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
            let (findings, notices) = pipeline.finish()
            var report = FileReport(path: input.name, format: summary.format, sha256: hash, encoding: summary.encoding,
                                    pages: summary.pages, notices: Self.merged(summary.notices, notices), findings: findings,
                                    failed: summary.failed, elapsedSeconds: Date().timeIntervalSince(started))
            report.convertedFrom = summary.convertedFrom
            return report
        } catch let e as ExtractionError {
            flushGroup()
            let (findings, notices) = pipeline.finish()
            return FileReport(path: input.name, format: format, sha256: hash,
                              notices: notices + [Notice(code: e.code, message: e.message)], findings: findings,
                              failed: true, elapsedSeconds: Date().timeIntervalSince(started))
        } catch {
            flushGroup()
            let (findings, notices) = pipeline.finish()
            return FileReport(path: input.name, format: format, sha256: hash,
                              notices: notices + [Notice(code: NoticeCode.readError, message: "読み取り中にエラーが発生しました: \(error)")],
                              findings: findings, failed: true, elapsedSeconds: Date().timeIntervalSince(started))
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

    /// The file's SHA-256, or nil when the file's time limit ran out while hashing (a huge
    /// file on a slow disk): the extractor then stops at once and the file is `incomplete`.
    static func sha256(_ input: ExtractionInput) throws -> String? {
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
            if input.timeIsUp { return nil }
        }
        return sha.hexDigest()
    }
}
