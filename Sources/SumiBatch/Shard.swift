import Foundation
import SumiModel

/// `--shard K/N`: the K-th of N deterministic slices of a file list, so that N machines (the
/// indices of a Kubernetes Indexed Job, a Slurm array, GNU parallel) each scan one slice and
/// `sumi report merge` joins them. A file's slice depends only on its path as shown in the
/// report, never on the order or the size of the list: every machine that lists the same
/// tree under the same path picks the same files, with no coordination.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based, as `--shard 1/4` … `4/4`.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index; self.count = count
    }

    /// Parses `K/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the path belongs to this slice: the first eight bytes of SHA-256 of its UTF-8,
    /// modulo the count (a hash, so that each slice gets a fair mix of directories).
    public func contains(_ path: String) -> Bool {
        var sha = SHA256()
        sha.update(path)
        let digest = sha.hexDigest()
        let head = UInt64(digest.prefix(16), radix: 16) ?? 0
        return Int(head % UInt64(count)) == index - 1
    }

    /// The targets of this slice. Standard input belongs to the first slice only.
    public func slice(_ targets: TargetTable) -> TargetTable {
        targets.filtered { t in
            if case .stdin = t { return index == 1 }
            return contains(t.displayName)
        }
    }
}
