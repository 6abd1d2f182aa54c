import Foundation

/// The file list of a batch, stored compactly: every path's UTF-8 in one buffer with an end
/// offset per target, instead of a `URL` and a `String` per file. An archive run holds its
/// whole list (for the total, the order and the shard), so this is what the parent's memory
/// grows by per file: about the path's length plus 8 bytes, where `[ScanTarget]` took about
/// 450 bytes a file (20,000 files: +9 MB of a 58 MB parent, measured with /usr/bin/time).
public struct TargetTable: RandomAccessCollection, Sendable, Equatable {
    /// Why a path could not be scanned (few, so kept as they are).
    struct Problem: Sendable, Equatable { var code: String; var message: String }

    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var problems: [Int: Problem] = [:]
    private var stdinAt: Set<Int> = []

    public init() {}

    public init<S: Sequence>(_ targets: S) where S.Element == ScanTarget {
        self.init()
        for t in targets { append(t) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> ScanTarget {
        if stdinAt.contains(position) { return .stdin }
        let path = self.path(at: position)
        if let p = problems[position] { return .problem(path, code: p.code, message: p.message) }
        return .file(URL(fileURLWithPath: path), display: path)
    }

    /// The path as the report shows it, without building a `ScanTarget`.
    public func path(at position: Int) -> String {
        let start = position == 0 ? 0 : ends[position - 1]
        return String(decoding: bytes[start..<ends[position]], as: UTF8.self)
    }

    /// Appends a target. A file's URL is not kept: it is the display path resolved against
    /// the working directory, which is what `URL(fileURLWithPath:)` gives back.
    public mutating func append(_ target: ScanTarget) {
        switch target {
        case .stdin: stdinAt.insert(ends.count)
        case .problem(_, let code, let message): problems[ends.count] = Problem(code: code, message: message)
        case .file: break
        }
        bytes.append(contentsOf: target.displayName.utf8)
        ends.append(bytes.count)
    }

    /// The targets that `keep` accepts, in order, as a new table.
    public func filtered(_ keep: (ScanTarget) -> Bool) -> TargetTable {
        var out = TargetTable()
        for t in self where keep(t) { out.append(t) }
        return out
    }
}
