import Foundation
import SumiModel
import SumiReport

/// Progress of an archive scan on standard error: on a terminal one line redrawn four times
/// a second; otherwise (a log, a CI job) a plain line every few seconds. Shows files done of
/// the total, files/s, MB/s, the time left, counts by status and the file that has been
/// running longest when it is slow. Japanese, for the person watching.
public final class ProgressMeter: @unchecked Sendable {
    public enum Style: Sendable {
        case terminal
        /// A line every this many seconds.
        case lines(every: Double)
    }

    private let style: Style
    private let total: Int
    private let totalBytes: Int64
    private let output: FileHandle
    private let lock = NSLock()
    private let started = Date()
    private var done = 0
    private var doneBytes: Int64 = 0
    private var byStatus: [FileStatus: Int] = [:]
    private var cached = 0
    private var running: [Int: (path: String, since: Date)] = [:]
    private var timer: Thread?
    private var stopped = false
    /// A file counts as slow, and is named, after this many seconds.
    static let slowAfter = 5.0

    public init(style: Style, total: Int, totalBytes: Int64, output: FileHandle = .standardError) {
        self.style = style; self.total = total; self.totalBytes = totalBytes; self.output = output
    }

    /// The style for standard error: `.terminal` when it is one.
    public static var styleForStandardError: Style {
        isatty(STDERR_FILENO) != 0 ? .terminal : .lines(every: 5)
    }

    public func start() {
        let interval: Double
        switch style {
        case .terminal: interval = 0.25
        case .lines(let every): interval = every
        }
        let t = Thread { [weak self] in
            while let self, !self.isStopped {
                Thread.sleep(forTimeInterval: interval)
                if self.isStopped { break }
                self.draw(final: false)
            }
        }
        t.start()
        timer = t
    }

    /// A batch thread began reading a file.
    public func began(slot: Int, path: String) {
        lock.lock(); running[slot] = (path, Date()); lock.unlock()
    }

    /// A file is done.
    public func finished(slot: Int, _ report: FileReport, bytes: Int64, fromCache: Bool) {
        lock.lock()
        running[slot] = nil
        done += 1
        doneBytes += bytes
        byStatus[report.status, default: 0] += 1
        if fromCache { cached += 1 }
        lock.unlock()
    }

    /// Draws the last line and stops.
    public func finish() {
        lock.lock(); stopped = true; lock.unlock()
        draw(final: true)
    }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    private func draw(final: Bool) {
        let line = render()
        switch style {
        case .terminal:
            output.write(Data(("\r\u{1B}[K" + line + (final ? "\n" : "")).utf8))
        case .lines:
            output.write(Data(("sumi: " + line + "\n").utf8))
        }
    }

    func render(now: Date = Date()) -> String {
        lock.lock(); defer { lock.unlock() }
        let seconds = max(0.001, now.timeIntervalSince(started))
        let rate = Double(done) / seconds
        let mbps = Double(doneBytes) / 1_000_000 / seconds
        var parts = ["\(done)/\(total) 件", String(format: "%.1f 件/秒", rate), String(format: "%.1f MB/秒", mbps)]
        if done > 0, done < total {
            // By bytes when the sizes are known (a few large PDFs dominate an archive).
            let left = totalBytes > 0 && doneBytes > 0
                ? Double(totalBytes - doneBytes) / (Double(doneBytes) / seconds)
                : Double(total - done) / rate
            parts.append("残り約 " + Self.duration(left))
        }
        var counts = "問題なし \(byStatus[.clean] ?? 0)・検出あり \(byStatus[.findings] ?? 0)・未完了 \(byStatus[.incomplete] ?? 0)・エラー \(byStatus[.error] ?? 0)"
        if cached > 0 { counts += "（うちキャッシュ \(cached)）" }
        parts.append(counts)
        if let slow = running.values.min(by: { $0.since < $1.since }), now.timeIntervalSince(slow.since) >= Self.slowAfter {
            // Named only for the person at the terminal: a file name can itself be personal
            // (山田太郎_申請書.pdf), and plain lines end up in job logs.
            let seconds = Int(now.timeIntervalSince(slow.since))
            if case .terminal = style {
                parts.append("時間のかかっているファイル: \((slow.path as NSString).lastPathComponent)（\(seconds) 秒）")
            } else {
                parts.append("時間のかかっているファイルあり（\(seconds) 秒）")
            }
        }
        return parts.joined(separator: " | ")
    }

    static func duration(_ s: Double) -> String {
        guard s.isFinite else { return "?" }
        let t = Int(s.rounded())
        if t >= 3600 { return "\(t / 3600)時間\(t % 3600 / 60)分" }
        if t >= 60 { return "\(t / 60)分\(t % 60)秒" }
        return "\(t)秒"
    }
}
