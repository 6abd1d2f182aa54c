import Foundation
import SumiModel

/// Turns what the user named (paths, directories, a file of paths) into the list of files a
/// batch scans, in a deterministic order: arguments in the order given, each directory walked
/// with its entries sorted by name. Nothing here fails as a whole: a missing path, a symlink
/// loop or a directory without read permission is a `problem` target, reported per file.
public enum TargetList {
    /// Expands paths (`-` = standard input) into targets.
    public static func expand(_ paths: [String]) -> TargetTable {
        var out = TargetTable()
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

    /// The paths in a `--files-from` list: one per line (CR LF or LF), or NUL-separated when
    /// the list holds a NUL (`find -print0`). Empty lines are skipped; nothing is trimmed
    /// beyond the line end, since a file name may begin or end with a space.
    public static func paths(inList data: Data) -> [String] {
        let separator: UInt8 = data.contains(0) ? 0 : 0x0A
        return data.split(separator: separator, omittingEmptySubsequences: true).compactMap { raw in
            var line = raw
            if separator == 0x0A, line.last == 0x0D { line = line.dropLast() }
            guard !line.isEmpty else { return nil }
            return String(decoding: line, as: UTF8.self)
        }
    }

    /// Keeps the files modified at or after `date` (the nightly re-scan of what changed).
    /// Targets that are not files on disk (problems, standard input) stay: they are news too.
    public static func modified(since date: Date, _ targets: TargetTable) -> TargetTable {
        targets.filtered { target in
            guard case .file(let url, _) = target else { return true }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  let modified = attributes[.modificationDate] as? Date else { return true }
            return modified >= date
        }
    }

    /// Orders paths as a walk lists them: component by component, so that `a/b` (inside
    /// directory `a`) comes before `a.txt`, as the sorted walk of their parent gives them.
    public static func walkOrder(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "/", omittingEmptySubsequences: false)
        let y = b.split(separator: "/", omittingEmptySubsequences: false)
        for (p, q) in zip(x, y) where p != q {
            // A directory's contents come where the directory's name sorts among its siblings.
            return p < q
        }
        return x.count < y.count
    }

    private static func walk(_ dir: URL, display: String, visited: Set<String>, into out: inout TargetTable) {
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
}
