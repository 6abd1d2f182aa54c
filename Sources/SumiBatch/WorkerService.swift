import Foundation
import Sumi
import SumiModel
import SumiReport

/// The worker side (`sumi worker`): reads requests on standard input, scans each file with
/// the one-file entry point, answers on standard output (see `WorkerRequest`).
public enum WorkerService {
    /// Serves until standard input ends. `memoryLimit` (bytes) caps the worker's address
    /// space, so that a reader that runs away with memory dies alone, not the machine.
    public static func serve(scanner: DocumentScanner, memoryLimit: UInt64?) {
        if let memoryLimit {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
            _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        }
        _ = try? scanner.rules.wait()
        write(Array(WorkerWire.ready.utf8) + [0x0A])
        let faults = FaultSwitch(ProcessInfo.processInfo.environment["SUMI_WORKER_FAULT"])
        let decoder = JSONDecoder()
        while let line = readLine(strippingNewline: true) {
            guard let request = try? decoder.decode(WorkerRequest.self, from: Data(line.utf8)) else { continue }
            faults.trigger(for: request.display)
            let report = scanner.scanFile(at: URL(fileURLWithPath: request.path), displayPath: request.display)
            write(report.jsonLine() + [0x0A])
        }
    }

    private static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; exit(0) }   // the parent is gone
                offset += n
            }
        }
    }
}

/// A test hook: `SUMI_WORKER_FAULT=crash:NAME,hang:NAME,oom:NAME` makes a worker crash
/// (SIGSEGV), hang, or allocate until its memory limit, when the path of the file it is
/// given contains NAME. It exists to test that the batch survives what a real crashing
/// reader does; it is read only by workers, and unset it does nothing.
struct FaultSwitch {
    private var rules: [(kind: Substring, name: Substring)] = []

    init(_ spec: String?) {
        for item in (spec ?? "").split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { rules.append((parts[0], parts[1])) }
        }
    }

    func trigger(for path: String) {
        for r in rules where path.contains(r.name) {
            switch r.kind {
            case "crash": kill(getpid(), SIGSEGV)
            case "hang": while true { sleep(3600) }
            case "oom":
                var hoard: [[UInt8]] = []
                while true { hoard.append([UInt8](repeating: 1, count: 64 << 20)) }
            default: break
            }
        }
    }
}
