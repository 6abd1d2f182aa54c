import Foundation
import SumiModel

/// LibreOffice, started once per process and kept running, converting legacy files to OOXML.
///
/// The first conversion starts `soffice.bin` headless with a private profile (in a directory
/// only this user can read) that holds `ConverterMacro`; later conversions are requests in its
/// queue directory, so a file costs a load and a store, not a LibreOffice start. Conversions
/// are one at a time (a lock): one LibreOffice per process, and a batch has a process per core.
/// A conversion past its time limit, or one that kills LibreOffice, is `conversion_failed`;
/// the instance is then stopped and the next conversion starts a new one.
public final class OfficeConverter: @unchecked Sendable {
    /// The converter of this process.
    public static let shared = OfficeConverter()

    /// LibreOffice's program, or nil on a machine without it (legacy files stay unread).
    /// `SUMI_SOFFICE` overrides the place (tests point it at a missing file to be "without").
    public static let program: URL? = {
        let env = ProcessInfo.processInfo.environment
        var candidates = ["/usr/lib/libreoffice/program/soffice.bin", "/opt/libreoffice/program/soffice.bin"]
        if let custom = env["SUMI_SOFFICE"] { candidates = [custom] }
        return candidates.map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Seconds LibreOffice gets to start (a first start creates its profile: about 1–3 s).
    static let startLimit: Double = 60

    private let lock = NSLock()
    private var office: Process?
    private var home: PrivateDirectory?
    private var sequence = 0

    private init() {
        // Stop LibreOffice when this process ends normally; the macro also watches for this
        // process's death, which covers SIGKILL.
        atexit { OfficeConverter.shared.stopAtExit() }
    }

    /// Converts `data` (a file in `format`) to its OOXML equivalent within `timeLimit` seconds.
    /// Throws `ExtractionError` with `conversion_failed` when LibreOffice is missing, cannot
    /// load the file, fails or takes too long.
    public func convert(_ data: Data, from format: LegacyFormat, timeLimit: Double) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        let queue = try running()
        // Starting LibreOffice (once per process, up to `startLimit`) is not the file's cost.
        let deadline = Date().addingTimeInterval(timeLimit)
        sequence += 1
        let id = "c\(sequence)"
        let source = queue.appendingPathComponent("\(id).\(format.rawValue)")
        let target = queue.appendingPathComponent("\(id).\(format.convertedExtension)")
        let answer = queue.appendingPathComponent("\(id).done")
        defer { for f in [source, target, answer] { try? FileManager.default.removeItem(at: f) } }
        do {
            try data.write(to: source)
            let request = queue.appendingPathComponent("\(id).tmp")
            try [source.path, target.path, format.exportFilter, format.documentService, format.importFilter]
                .map { $0 + "\n" }.joined().write(to: request, atomically: false, encoding: .utf8)
            try FileManager.default.moveItem(at: request, to: queue.appendingPathComponent("\(id).req"))
        } catch {
            throw Self.failure("変換用の一時ファイルを書けませんでした。")
        }
        while !FileManager.default.fileExists(atPath: answer.path) {
            if !(office?.isRunning ?? false) {
                stopLocked()
                throw Self.failure("変換中に LibreOffice が終了しました。ファイルが壊れている可能性があります。")
            }
            if Date() >= deadline {
                stopLocked()
                throw ExtractionError(code: NoticeCode.conversionFailed,
                                      message: "変換が時間内（\(Int(timeLimit)) 秒）に終わりませんでした。内容を目視で確認してください。")
            }
            usleep(5_000)
        }
        let reply = (try? String(contentsOf: answer, encoding: .utf8)) ?? ""
        guard reply.hasPrefix("ok"), let converted = try? Data(contentsOf: target), !converted.isEmpty else {
            throw Self.failure("LibreOffice がこのファイルを開けませんでした（壊れているか、パスワードで保護されています）。")
        }
        return converted
    }

    /// Stops LibreOffice (at exit, or after a failed conversion).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        stopLocked()
    }

    /// At exit another thread may be mid-conversion, holding the lock: then only ask the
    /// macro to stop (it also stops by itself once this process is gone).
    private func stopAtExit() {
        if lock.try() {
            stopLocked()
            lock.unlock()
        } else if let home {
            _ = FileManager.default.createFile(atPath: home.url.appendingPathComponent("queue/stop").path, contents: nil)
        }
    }

    private func stopLocked() {
        if let home { _ = FileManager.default.createFile(atPath: home.url.appendingPathComponent("queue/stop").path, contents: nil) }
        if let office, office.isRunning {
            let pid = office.processIdentifier
            let until = Date().addingTimeInterval(1)
            while office.isRunning, Date() < until { usleep(10_000) }
            if office.isRunning { kill(pid, SIGKILL) }
            office.waitUntilExit()
        }
        office = nil
        home?.remove()
        home = nil
    }

    /// The queue directory of a running LibreOffice, starting one if needed.
    private func running() throws -> URL {
        if let office, office.isRunning, let home { return home.url.appendingPathComponent("queue") }
        stopLocked()
        guard let program = Self.program else {
            throw Self.failure("LibreOffice がないため変換できません。")
        }
        guard let dir = try? PrivateDirectory() else { throw Self.failure("作業用の一時ディレクトリを作れません。") }
        home = dir
        let profile = dir.url.appendingPathComponent("profile"), queue = dir.url.appendingPathComponent("queue")
        do {
            try FileManager.default.createDirectory(at: queue, withIntermediateDirectories: true)
            // A first start creates the profile and exits; then the macro is put into it.
            let first = try launch(program, profile: profile, dir: dir, extra: ["--terminate_after_init"])
            let until = Date().addingTimeInterval(Self.startLimit)
            while first.isRunning, Date() < until { usleep(20_000) }
            if first.isRunning { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() }
            let standard = profile.appendingPathComponent("user/basic/Standard")
            try FileManager.default.createDirectory(at: standard, withIntermediateDirectories: true)
            try ConverterMacro.module.write(to: standard.appendingPathComponent("\(ConverterMacro.moduleName).xba"),
                                            atomically: true, encoding: .utf8)
            try ConverterMacro.libraryIndex.write(to: standard.appendingPathComponent("script.xlb"), atomically: true, encoding: .utf8)
            let owner = ProcessInfo.processInfo.processIdentifier
            let macro = "macro:///Standard.\(ConverterMacro.moduleName).Serve(\"\(queue.path)\",\"\(owner)\")"
            let p = try launch(program, profile: profile, dir: dir, extra: [macro])
            office = p
            let ready = queue.appendingPathComponent("ready.done")
            while !FileManager.default.fileExists(atPath: ready.path) {
                guard p.isRunning, Date() < until else {
                    stopLocked()
                    throw Self.failure("LibreOffice を起動できませんでした。")
                }
                usleep(10_000)
            }
        } catch let e as ExtractionError {
            throw e
        } catch {
            stopLocked()
            throw Self.failure("LibreOffice を起動できませんでした。")
        }
        return queue
    }

    private func launch(_ program: URL, profile: URL, dir: PrivateDirectory, extra: [String]) throws -> Process {
        let p = Process()
        p.executableURL = program
        p.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--invisible",
                       "--norestore", "--nologo", "--nodefault", "--nolockcheck"] + extra
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = dir.url.path   // nothing of LibreOffice's lands in the user's home
        env["SAL_USE_VCLPLUGIN"] = "svp"
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    private static func failure(_ message: String) -> ExtractionError {
        ExtractionError(code: NoticeCode.conversionFailed, message: "旧形式からの変換に失敗しました: \(message)")
    }
}
