import Foundation
import SumiExtract
import SumiModel
import SumiReport

/// Scans many paths: files, directories (recursively, symlink loops and unreadable
/// entries reported rather than fatal), and `-` for standard input. One file's failure
/// never stops the batch. Files are scanned concurrently; the report keeps input order.
public struct BatchScanner: Sendable {
    public let scanner: DocumentScanner
    public var concurrency: Int

    public init(scanner: DocumentScanner, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.scanner = scanner
        self.concurrency = max(1, concurrency)
    }

    /// One thing to scan, resolved from the command line.
    public enum Target: Sendable {
        case file(URL, display: String)
        case stdin
        /// A path that cannot be scanned, with why (missing, unreadable, loop).
        case problem(String, code: String, message: String)

        /// The path as the report shows it.
        public var displayName: String {
            switch self {
            case .file(_, let display): display
            case .stdin: "-"
            case .problem(let path, _, _): path
            }
        }
    }

    /// Expands paths into targets, walking directories in sorted order.
    public static func targets(for paths: [String]) -> [Target] {
        var out: [Target] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { out.append(.stdin); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                out.append(.problem(path, code: "not_found", message: "ファイルまたはディレクトリが見つかりません。"))
                continue
            }
            if isDir.boolValue {
                walk(URL(fileURLWithPath: path), display: path, visited: [], into: &out)
            } else {
                out.append(.file(URL(fileURLWithPath: path), display: path))
            }
        }
        return out
    }

    private static func walk(_ dir: URL, display: String, visited: Set<String>, into out: inout [Target]) {
        let fm = FileManager.default
        let real = dir.resolvingSymlinksInPath().path
        if visited.contains(real) {
            out.append(.problem(display, code: "symlink_loop", message: "シンボリックリンクが循環しているため読み飛ばしました。"))
            return
        }
        let visited = visited.union([real])
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: dir.path).sorted()
        } catch {
            out.append(.problem(display, code: NoticeCode.readError, message: "ディレクトリを読めません（権限がありません）。"))
            return
        }
        for name in names {
            let url = dir.appendingPathComponent(name)
            let shown = display.hasSuffix("/") ? display + name : display + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
                out.append(.problem(shown, code: NoticeCode.readError, message: "リンク先が存在しません。"))
                continue
            }
            if isDir.boolValue {
                walk(url, display: shown, visited: visited, into: &out)
            } else {
                out.append(.file(url, display: shown))
            }
        }
    }

    /// Scans all targets. `progress` is called after each file (from any thread).
    public func scan(_ targets: [Target], progress: (@Sendable (Int, Int, FileReport) -> Void)? = nil) -> [FileReport] {
        let results = ResultSlots<FileReport>(count: targets.count)
        let done = Counter()
        let scanner = self.scanner
        // Fewer files than cores: the spare cores run the rules inside each file.
        let fileWorkers = min(concurrency, max(1, targets.count))
        let threadsPerFile = max(1, concurrency / fileWorkers)
        DispatchQueue.concurrentPerform(iterations: fileWorkers) { worker in
            var i = worker
            while i < targets.count {
                let report: FileReport
                if scanner.rules.hasFailed {
                    // The run ends with the rule error; do not read the rest of the archive first.
                    report = DocumentScanner.notChecked(path: targets[i].displayName)
                    results.set(i, report)
                    i += fileWorkers
                    continue
                }
                switch targets[i] {
                case .file(let url, let display):
                    report = scanner.scanFile(at: url, displayPath: display, threads: threadsPerFile)
                case .stdin:
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    report = scanner.scan(data: data, name: "-", threads: threadsPerFile)
                case .problem(let path, let code, let message):
                    report = FileReport(path: path, format: .unknown, notices: [Notice(code: code, message: message)], failed: true)
                }
                results.set(i, report)
                progress?(done.increment(), targets.count, report)
                i += fileWorkers
            }
        }
        return results.all()
    }
}
