import Foundation
import SumiModel
import SumiReport

/// One worker process (`sumi worker`) and its pipes. Used by one batch thread at a time.
final class WorkerProcess {
    enum Outcome {
        case report(FileReport)
        /// The worker ended (a signal, an exit) before answering: why, in Japanese.
        case died(String)
        case timedOut
    }

    struct StartError: Error { var reason: String }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    /// Starts the worker and waits until it says `ready` (its rules are loaded).
    init(executable: URL, arguments: [String], startLimit: Double) throws {
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"   // a crash is reported by the parent, without a trace
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw StartError(reason: "\(error)") }
        switch readLine(until: Date().addingTimeInterval(startLimit)) {
        case .line(let l) where String(decoding: l, as: UTF8.self) == WorkerWire.ready: return
        case .line: stop(); throw StartError(reason: "unexpected first line")
        case .end: throw StartError(reason: died())
        case .timeout: stop(); throw StartError(reason: "did not start within \(Int(startLimit)) s")
        }
    }

    /// Sends one file and waits for its report, at most `timeLimit` seconds.
    func scan(_ request: WorkerRequest, timeLimit: Double) -> Outcome {
        guard var line = try? JSONEncoder().encode(request) else { return .died("要求を作れません") }
        line.append(0x0A)
        guard writeAll(line) else { return .died(died()) }
        switch readLine(until: Date().addingTimeInterval(timeLimit)) {
        case .line(let bytes):
            guard let report = try? FileReport.decode(jsonLine: bytes) else {
                stop()
                return .died("読み取り処理の応答を解釈できません")
            }
            return .report(report)
        case .end: return .died(died())
        case .timeout:
            stop()
            return .timedOut
        }
    }

    /// Ends the worker: closes its input (it exits when it sees the end), then kills it.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            let until = Date().addingTimeInterval(0.2)
            while process.isRunning && Date() < until { usleep(5_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? output.fileHandleForReading.close()
    }

    var isRunning: Bool { process.isRunning }

    // MARK: pipes

    private enum Read { case line([UInt8]), end, timeout }

    private func readLine(until deadline: Date) -> Read {
        let fd = output.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                return .line(line)
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return .timeout }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 { if errno == EINTR { continue }; return .end }
            if ready == 0 { continue }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return .end }
            if n == 0 { return .end }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    private func writeAll(_ data: Data) -> Bool {
        let fd = input.fileHandleForWriting.fileDescriptor
        return data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
    }

    /// Waits for the ended worker and says how it ended.
    private func died() -> String {
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        try? output.fileHandleForReading.close()
        switch process.terminationReason {
        case .uncaughtSignal:
            let s = process.terminationStatus
            let name = s == SIGKILL ? "SIGKILL（メモリ不足で強制終了された可能性があります）"
                : s == SIGSEGV ? "SIGSEGV" : s == SIGABRT ? "SIGABRT" : s == SIGBUS ? "SIGBUS" : "シグナル \(s)"
            return "読み取り処理が異常終了しました（\(name)）"
        case .exit:
            return "読み取り処理が途中で終了しました（終了コード \(process.terminationStatus)）"
        @unknown default:
            return "読み取り処理が途中で終了しました"
        }
    }
}
