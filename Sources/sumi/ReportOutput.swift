import Foundation
import Sumi
import SumiExtract
import SumiModel
import SumiReport

/// Writing a whole report, for `sumi scan` and `sumi report`: the pages of the HTML report,
/// the file or standard output.
enum ReportOutput {
    /// The pages with findings of each PDF, drawn for the HTML report (at most 30 a file),
    /// from the files where they still are.
    static func pageImages(for files: [FileReport], format: ReportFormat) -> [String: [PageImage]] {
        guard format == .html else { return [:] }
        var images: [String: [PageImage]] = [:]
        for file in files where file.format == .pdf {
            let pages = Set(file.findings.compactMap(\.location.page))
            guard !pages.isEmpty, file.path != "-", FileManager.default.fileExists(atPath: file.path) else { continue }
            images[file.path] = PageImages.render(ExtractionInput(url: URL(fileURLWithPath: file.path), name: file.path), pages: pages)
        }
        return images
    }

    /// Writes `report` in `format` to `output` (nil: standard output).
    static func write(_ report: ScanReport, format: ReportFormat, options: ReportOptions, output: String?) {
        let data = format.writer(options, pageImages: pageImages(for: report.files, format: format)).write(report)
        if let output {
            guard (try? data.write(to: URL(fileURLWithPath: output))) != nil else {
                UsageErrors.fail(japanese: "出力ファイル「\(output)」を書けません。", english: "cannot write --output")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Where a streamed report goes: the file named by `--output`, or standard output.
    static func stream(to output: String?) -> FileHandle {
        guard let output else { return .standardOutput }
        guard FileManager.default.createFile(atPath: output, contents: nil), let h = FileHandle(forWritingAtPath: output) else {
            UsageErrors.fail(japanese: "出力ファイル「\(output)」を書けません。", english: "cannot write --output")
        }
        return h
    }

    /// Whether text goes to a colour terminal.
    static func color(format: ReportFormat, output: String?) -> Bool {
        output == nil && format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
