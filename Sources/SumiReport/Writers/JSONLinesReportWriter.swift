import Foundation
import SumiModel

/// `--format jsonl`: one line per file (the object of the JSON report's `files`), then one
/// line `{"summary": …}` (`BatchSummary`). An archive scan writes the file lines as each file
/// is done (`line(for:)`), so that its memory does not grow with the archive; this writer
/// gives the same lines for a report held whole (`sumi report --cache`, `merge`).
public struct JSONLinesReportWriter: ReportWriter {
    public var options: ReportOptions

    public init(options: ReportOptions) { self.options = options }

    public func write(_ report: ScanReport) -> Data {
        let r = options.mask ? Masking.masked(report) : report
        var out = Data()
        for f in r.files { out.append(contentsOf: Self.line(for: f)) }
        out.append(Self.summaryLine(BatchSummary(r)))
        return out
    }

    /// One file's line, with its newline.
    public static func line(for file: FileReport) -> [UInt8] {
        file.jsonLine() + [0x0A]
    }

    /// The last line.
    public static func summaryLine(_ summary: BatchSummary) -> Data {
        summary.json(pretty: false) + Data([0x0A])
    }
}
