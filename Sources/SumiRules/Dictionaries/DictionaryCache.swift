import Foundation
import SumiModel
#if canImport(Glibc)
import Glibc
#endif

/// The compiled dictionaries of one rules directory, kept in a file under the user's cache
/// directory (`$SUMI_CACHE_DIR`, else `$XDG_CACHE_HOME/sumi`, else `~/.cache/sumi`) so that
/// a start-up reads them instead of rebuilding them. Holds only data derived from Rules/,
/// never anything from a scanned document.
///
/// The file is used only while it is current: its manifest lists the size and modification
/// time (to the nanosecond) of every file under the rules directory and of the running
/// executable, as git's index does, and must equal the manifest taken now. Any difference,
/// a damaged or foreign file, or `SUMI_NO_CACHE=1` means a rebuild from Rules/; failing to
/// write the cache only costs the next start-up its time.
struct DictionaryCache {
    /// Bump when the layout of the file or of what is in it changes.
    static let formatVersion: UInt32 = 1
    private static let magic = Array("SUMIDICT".utf8)
    /// Cache files kept per cache directory (one per rules directory used recently).
    static let keep = 8

    let file: URL
    let manifest: String

    /// nil when caching is turned off or there is no cache directory.
    init?(rulesDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if environment["SUMI_NO_CACHE"].map({ !$0.isEmpty && $0 != "0" }) == true { return nil }
        let dir: URL
        if let d = environment["SUMI_CACHE_DIR"], !d.isEmpty {
            dir = URL(fileURLWithPath: d)
        } else if let d = environment["XDG_CACHE_HOME"], d.hasPrefix("/") {
            dir = URL(fileURLWithPath: d).appendingPathComponent("sumi")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            dir = URL(fileURLWithPath: home).appendingPathComponent(".cache/sumi")
        } else {
            return nil
        }
        let rules = rulesDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        var sha = SHA256()
        sha.update(rules)
        file = dir.appendingPathComponent("dictionaries-\(sha.hexDigest().prefix(16)).bin")
        guard let m = Self.manifest(rules: rules) else { return nil }
        manifest = m
    }

    /// The cached dictionaries, or nil if there are none or they are not current.
    func load() -> CompiledDictionaries? {
        guard let mapped = MappedFile(path: file.path) else { return nil }
        var r = SnapshotReader(mapped)
        do {
            guard try r.u32() == Self.formatVersion, try r.string() == String(decoding: Self.magic, as: UTF8.self),
                  try r.string() == manifest else { return nil }
            let d = try CompiledDictionaries(from: &r)
            return r.atEnd ? d : nil
        } catch {
            return nil
        }
    }

    /// Writes the cache (best effort, atomically: a temporary file renamed into place, so
    /// two scans starting at once never read half a file), then prunes old cache files.
    func store(_ d: CompiledDictionaries) {
        var w = SnapshotWriter()
        w.u32(Self.formatVersion)
        w.string(String(decoding: Self.magic, as: UTF8.self))
        w.string(manifest)
        d.write(to: &w)
        let fm = FileManager.default
        let dir = file.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let tmp = dir.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
            try Data(w.bytes).write(to: tmp)
            guard rename(tmp.path, file.path) == 0 else { try? fm.removeItem(at: tmp); return }
        } catch {
            return
        }
        prune(dir)
    }

    private func prune(_ dir: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let caches = names.filter { $0.hasPrefix("dictionaries-") && $0.hasSuffix(".bin") }.map { name -> (String, Int) in
            var st = stat()
            let t = stat(dir.appendingPathComponent(name).path, &st) == 0 ? Int(st.st_mtim.tv_sec) : 0
            return (name, t)
        }
        guard caches.count > Self.keep else { return }
        for (name, _) in caches.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keep) {
            try? fm.removeItem(at: dir.appendingPathComponent(name))
        }
    }

    /// "path size mtime" for the executable and every regular file under the rules
    /// directory, sorted; nil if the directory cannot be listed.
    static func manifest(rules: String) -> String? {
        func entry(_ path: String, _ name: String) -> String? {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            guard (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            return "\(name)\t\(st.st_size)\t\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
        }
        var lines: [String] = []
        // The code that builds the tables is part of what they depend on.
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
           let e = entry(exe, "executable:\(exe)") {
            lines.append(e)
        } else {
            return nil
        }
        guard let walker = FileManager.default.enumerator(atPath: rules) else { return nil }
        var files: [String] = []
        for case let rel as String in walker { files.append(rel) }
        for rel in files.sorted() {
            if let e = entry(rules + "/" + rel, rel) { lines.append(e) }
        }
        return lines.joined(separator: "\n")
    }
}
