import ArgumentParser
import Foundation
import SumiBatch

/// The flags of `sumi scan` for archives: what to scan (a list, a slice, what changed), the
/// cache that makes a run resumable, worker processes, streamed output and the summary.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "検査結果のキャッシュ（SQLite）。変わっていないファイルは読み直さず、中断した検査はここから再開します")
    var cache: String?

    @Option(name: .customLong("files-from"), help: "検査するパスの一覧（1 行に 1 つ、または NUL 区切り）。- で標準入力")
    var filesFrom: String?

    @Option(name: .long, help: "この日時以降に更新されたファイルだけを検査します（2026-11-30、2026-11-30T21:00:00+09:00、24h、7d）")
    var since: String?

    @Option(name: .long, help: "K/N: ファイル一覧を N 台に分けたうちの K 番目だけを検査します（パスのハッシュで決まります）")
    var shard: String?

    @Option(name: .long, help: "全体の集計（状態別・種類別・検出の多いファイル・読めなかったファイル）を JSON で書くファイル")
    var summary: String?

    @Flag(name: .long, help: "jsonl の各行を終わった順に書きます（既定は入力の順）")
    var unordered = false

    @Flag(name: .long, inversion: .prefixedNo, help: "文書をワーカープロセスで読みます（1 つのファイルの異常終了で検査全体が止まりません）。既定: アーカイブ検査（--cache、jsonl、--files-from、--shard、--since、100 ファイル以上）で有効")
    var isolate: Bool?

    @Option(name: .customLong("worker-memory"), help: "ワーカー 1 つあたりのメモリ上限（MB）")
    var workerMemory: Int = 8192

    /// Whether these flags ask for an archive run (cache, list, slice, since).
    var asksForArchive: Bool { cache != nil || filesFrom != nil || shard != nil || since != nil || summary != nil }

    /// The targets: the paths and the list, filtered by `--since` and sliced by `--shard`.
    func targets(paths: [String]) -> TargetTable {
        var all = paths
        if let filesFrom {
            let data: Data?
            if filesFrom == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: filesFrom) }
            guard let data else { UsageErrors.fail(japanese: "パスの一覧「\(filesFrom)」を読めません。", english: "cannot read --files-from") }
            all += TargetList.paths(inList: data)
        }
        var targets = TargetList.expand(all)
        if let since { targets = TargetList.modified(since: parsedSince(since), targets) }
        if let shard = parsedShard { targets = shard.slice(targets) }
        return targets
    }

    var parsedShard: Shard? {
        guard let shard else { return nil }
        guard let s = Shard(shard) else {
            UsageErrors.fail(japanese: "--shard は K/N の形で、1 ≤ K ≤ N です（例: --shard 2/8）。", english: "bad --shard")
        }
        return s
    }

    func validate(paths: [String]) {
        if paths.isEmpty && filesFrom == nil {
            UsageErrors.fail(japanese: "検査するファイルまたはディレクトリを指定してください（例: sumi scan 公開予定/）。", english: "missing paths")
        }
        if paths.contains("-") && filesFrom == "-" {
            UsageErrors.fail(japanese: "標準入力は、検査する内容とパスの一覧の両方には使えません。", english: "stdin used twice")
        }
        _ = parsedShard
        if let since { _ = parsedSince(since) }
    }

    /// `--since`: a date (local midnight), a date and time (ISO 8601), or an age (24h, 7d, 90m).
    func parsedSince(_ text: String, now: Date = Date()) -> Date {
        if let last = text.last, let n = Double(text.dropLast()), n >= 0 {
            switch last {
            case "m": return now.addingTimeInterval(-n * 60)
            case "h": return now.addingTimeInterval(-n * 3600)
            case "d": return now.addingTimeInterval(-n * 86_400)
            default: break
            }
        }
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: text) { return d }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone.current
        for format in ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            day.dateFormat = format
            if let d = day.date(from: text) { return d }
        }
        UsageErrors.fail(japanese: "--since の日時「\(text)」を読めません（例: 2026-11-30、2026-11-30T21:00:00+09:00、24h、7d）。", english: "bad --since")
    }
}
