import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// Reads corpus files through the OOXML extractor and collects what it emits.
enum OOXMLFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent("Corpus").appendingPathComponent(relative) }

    struct Result {
        var units: [TextUnit]
        var summary: ExtractionSummary

        func units(_ source: Source) -> [TextUnit] { units.filter { $0.source == source } }
        /// The units whose text contains `s`.
        func containing(_ s: String) -> [TextUnit] { units.filter { $0.text.contains(s) } }
        var noticeCodes: [String] { summary.notices.map(\.code) }
    }

    static func extract(_ relative: String, format: FileFormat, limits: ExtractionLimits = ExtractionLimits()) throws -> Result {
        try extract(ExtractionInput(url: url(relative), name: relative, limits: limits), format: format)
    }

    static func extract(_ input: ExtractionInput, format: FileFormat) throws -> Result {
        var units: [TextUnit] = []
        let summary = try OOXMLExtractor(format: format).extract(input) { units.append($0) }
        if ProcessInfo.processInfo.environment["SUMI_DUMP_UNITS"] != nil {
            for u in units {
                print("[\(u.source.rawValue)] sheet=\(u.location.sheet ?? "-") cell=\(u.location.cell ?? "-") page=\(u.location.page.map(String.init) ?? "-") part=\(u.location.part ?? "-") label=\(u.fieldLabel ?? "-") group=\(u.groupKey ?? "-") line=\(u.firstLine)\n    \(u.text.replacingOccurrences(of: "\n", with: "⏎"))")
            }
            print("notices: \(summary.notices)")
            fflush(nil)
        }
        return Result(units: units, summary: summary)
    }
}

final class OOXMLDumpTests: XCTestCase {
    /// `SUMI_DUMP_FILE=eval/x.docx SUMI_DUMP_UNITS=1 swift test --filter OOXMLDumpTests` prints what is extracted.
    func testDumpWhenAsked() throws {
        guard let file = ProcessInfo.processInfo.environment["SUMI_DUMP_FILE"] else { return }
        let format = FileFormat(rawValue: (file as NSString).pathExtension) ?? .docx
        _ = try OOXMLFixture.extract(file, format: format)
    }
}
