import Foundation
import SumiModel

/// One output format of a scan report. The CLI, a batch run and the server pick a writer by
/// `ReportFormat` and hand it the report after suppression; each writer is one file here.
public protocol ReportWriter: Sendable {
    func write(_ report: ScanReport) -> Data
}

/// How a report is written, whatever the format.
public struct ReportOptions: Sendable {
    /// Show each finding's text masked (山田＊＊, 090-＊＊＊＊-5678), so that the log of a CMS
    /// hook does not become a copy of the personal data.
    public var mask = false
    /// ANSI colour (text output to a terminal).
    public var color = false
    /// Leave clean files out of the text output.
    public var quiet = false

    public init(mask: Bool = false, color: Bool = false, quiet: Bool = false) {
        self.mask = mask; self.color = color; self.quiet = quiet
    }
}

/// The formats `--format` takes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, csv, html

    /// The writer; `pageImages` (PDF pages drawn, per file path) are used by the HTML report.
    public func writer(_ options: ReportOptions, pageImages: [String: [PageImage]] = [:]) -> any ReportWriter {
        switch self {
        case .text: TextReportWriter(options: options)
        case .json: JSONReportWriter(options: options)
        case .jsonl: JSONLinesReportWriter(options: options)
        case .sarif: SARIFReportWriter(options: options)
        case .csv: CSVReportWriter(options: options)
        case .html: HTMLReportWriter(options: options, pageImages: pageImages)
        }
    }
}

struct TextReportWriter: ReportWriter {
    var options: ReportOptions
    func write(_ report: ScanReport) -> Data {
        let r = options.mask ? Masking.masked(report) : report
        return Data(TextRenderer(color: options.color, quiet: options.quiet).render(r).utf8)
    }
}

struct JSONReportWriter: ReportWriter {
    var options: ReportOptions
    func write(_ report: ScanReport) -> Data {
        let r = options.mask ? Masking.masked(report) : report
        return Data(ReportJSONWriter.write(r, pretty: true)) + Data("\n".utf8)
    }
}
