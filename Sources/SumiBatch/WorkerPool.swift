import Foundation
import SumiModel
import SumiReport

/// Worker processes that read documents for a batch, so that a reader that crashes, runs
/// out of memory or hangs costs one file, not the run (issue 20 found Office files that
/// crashed the whole process, and with it the report of every other file).
///
/// One worker per batch thread (`slot`); a worker that dies or passes the time limit is
/// killed and the next file of that slot starts a new one. Each file's report says what
/// happened: `error` with notice `extractor_crashed` or `time_limit`.
public final class WorkerPool: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// The `sumi` executable (the running one).
        public var executable: URL
        /// Arguments that start a worker (`worker` and the scan's options).
        public var arguments: [String]
        /// The scan's own time limit per file; the parent waits this plus a margin before it
        /// kills a worker (the worker stops itself at the limit when it can).
        public var timePerFile: Double

        public init(executable: URL, arguments: [String], timePerFile: Double) {
            self.executable = executable; self.arguments = arguments; self.timePerFile = timePerFile
        }

        /// How long the parent waits for one file: the limit, and half as much again (at
        /// least 10 s) for the worker to notice it and answer with what it read.
        var parentLimit: Double { timePerFile + max(10, timePerFile / 2) }
    }

    private let configuration: Configuration
    private var slots: [Slot]

    private final class Slot: @unchecked Sendable { var worker: WorkerProcess? }

    public init(_ configuration: Configuration, slots: Int) {
        self.configuration = configuration
        self.slots = (0..<max(1, slots)).map { _ in Slot() }
        // A worker that died leaves a closed pipe; writing to it must be an error, not SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    /// The running executable, to start workers from.
    public static var currentExecutable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }

    /// Reads one file in the slot's worker. Never throws: a failure is the report.
    public func scan(_ url: URL, display: String, slot: Int, sha256: String?) -> FileReport {
        let s = slots[slot % slots.count]
        let started = Date()
        if s.worker == nil || s.worker?.isRunning == false {
            do {
                // Starting loads the rules: generous, and not counted against the file.
                s.worker = try WorkerProcess(executable: configuration.executable, arguments: configuration.arguments,
                                             startLimit: max(120, configuration.parentLimit))
            } catch let e as WorkerProcess.StartError {
                return Self.failed(display, sha256: sha256, code: NoticeCode.extractorCrashed,
                                   message: "読み取り処理を起動できませんでした（\(e.reason)）。このファイルは検査していません。", started: started)
            } catch {
                return Self.failed(display, sha256: sha256, code: NoticeCode.extractorCrashed,
                                   message: "読み取り処理を起動できませんでした。このファイルは検査していません。", started: started)
            }
        }
        guard let worker = s.worker else { preconditionFailure() }
        switch worker.scan(WorkerRequest(path: url.path, display: display), timeLimit: configuration.parentLimit) {
        case .report(let r):
            return r
        case .died(let why):
            s.worker = nil
            return Self.failed(display, sha256: sha256, code: NoticeCode.extractorCrashed,
                               message: "\(why)。ほかのファイルの検査は続けました。このファイルは内容を目視で確認してください。", started: started)
        case .timedOut:
            s.worker = nil
            return Self.failed(display, sha256: sha256, code: NoticeCode.timeLimit,
                               message: "制限時間（\(Int(configuration.timePerFile)) 秒）を大きく過ぎても読み終わらなかったため、読み取りを止めました。このファイルは内容を目視で確認してください。",
                               started: started)
        }
    }

    /// Ends every worker.
    public func shutdown() {
        for s in slots { s.worker?.stop(); s.worker = nil }
    }

    static func failed(_ display: String, sha256: String?, code: String, message: String, started: Date) -> FileReport {
        let ext = (display as NSString).pathExtension.lowercased()
        let format = FileFormat(rawValue: ext == "htm" ? "html" : ext) ?? .unknown
        return FileReport(path: display, format: format, sha256: sha256, notices: [Notice(code: code, message: message)],
                          failed: true, elapsedSeconds: Date().timeIntervalSince(started))
    }
}
