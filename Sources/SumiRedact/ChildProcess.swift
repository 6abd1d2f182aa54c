import Foundation
import SumiModel

/// A program run to its end or killed at a time limit, its output captured in files (a
/// pipe's buffer would block a child that writes a lot).
struct ChildProcess {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool

    static func run(_ program: URL, _ arguments: [String], timeLimit: Double) throws -> ChildProcess {
        let dir = try PrivateDirectory()
        defer { dir.remove() }
        let out = dir.url.appendingPathComponent("stdout"), err = dir.url.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = program
        p.arguments = arguments
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeLimit)
        var timedOut = false
        while p.isRunning {
            if Date() >= deadline { timedOut = true; p.terminate(); usleep(200_000); if p.isRunning { kill(p.processIdentifier, SIGKILL) }; break }
            usleep(10_000)
        }
        p.waitUntilExit()
        return ChildProcess(status: p.terminationStatus,
                            stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
                            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self),
                            timedOut: timedOut)
    }
}
