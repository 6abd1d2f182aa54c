import Foundation
import XCTest
import SumiTestSupport
import SumiExtract
import SumiModel
import SumiReport
@testable import Sumi

/// .doc, .xls, .ppt and .rtf made by LibreOffice (Tools/corpus/legacy_cases.py), read after
/// LibreOffice converts them back to OOXML: comments, tracked deletions, hidden text, hidden
/// sheets, rows and columns, notes and hidden slides survive both conversions.
final class LegacyTests: XCTestCase {
    static let dir = TestEnvironment.root.appendingPathComponent("Corpus/robustness/legacy")

    func testLegacyFilesGiveTheirFindingsUnderTheRightSource() throws {
        let expected = try ExpectedFindings.load(Self.dir)
        XCTAssertEqual(expected.files.count, 7)
        let reports = try expected.check(in: Self.dir) { name in
            LegacyFormat(rawValue: (name as NSString).pathExtension)!.family
        }
        for (name, r) in reports {
            XCTAssertEqual(r.convertedFrom, (name as NSString).pathExtension, name)
            XCTAssertEqual(r.notices.first?.code, NoticeCode.converted, name)
        }
    }

    /// The report says where the text came from: `converted_from` beside the family, and the
    /// notice in the text report.
    func testTheReportSaysTheFileWasConverted() throws {
        let run = try CLITests.run(["scan", "--format", "json", Self.dir.appendingPathComponent("roster.xls").path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let file = try XCTUnwrap((json["files"] as? [[String: Any]])?.first)
        XCTAssertEqual(file["converted_from"] as? String, "xls")
        XCTAssertEqual(file["format"] as? String, "xlsx")
        let text = try CLITests.run(["scan", Self.dir.appendingPathComponent("roster.xls").path])
        XCTAssertTrue(text.stdout.contains("LibreOffice で XLSX に変換して読みました"), text.stdout)
    }

    /// Without LibreOffice a legacy file is what it always was: an `error` that says what to do.
    func testWithoutLibreOfficeALegacyFileIsUnsupported() throws {
        let run = try CLITests.run(["scan", "--format", "json", Self.dir.appendingPathComponent("minutes.doc").path],
                                   environment: ["SUMI_SOFFICE": "/nonexistent/soffice.bin"])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stdout.contains("\"unsupported_format\""), run.stdout)
        XCTAssertTrue(run.stdout.contains("LibreOffice が必要"), run.stdout)
    }

    /// A conversion past the file's time limit is `error` + `conversion_failed`, never clean,
    /// and the next file is still converted (by a new LibreOffice).
    func testAConversionPastItsTimeLimitFailsAndTheNextFileIsStillRead() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        // About 6 MB of RTF: LibreOffice needs over ten seconds for it, the limit is three
        // (the next file needs a new LibreOffice, about 1.5 s, within its own three).
        let line = "市民の皆さまへのお知らせ本文の行です".unicodeScalars.map { "\\u\($0.value)?" }.joined()
        var rtf = "{\\rtf1\\ansi\\deff0 "
        for i in 0..<40_000 { rtf += "\\par \(i) \(line)\n" }
        rtf += "}"
        try rtf.write(to: tmp.appendingPathComponent("a-big.rtf"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.dir.appendingPathComponent("minutes.rtf"), to: tmp.appendingPathComponent("b-minutes.rtf"))
        let run = try CLITests.run(["scan", "--format", "json", "--jobs", "1", "--time-limit", "3", tmp.path])
        let report = try JSONDecoder().decode(ScanReport.self, from: Data(run.stdout.utf8))
        let big = try XCTUnwrap(report.files.first { $0.path.hasSuffix("a-big.rtf") })
        XCTAssertEqual(big.status, .error)
        XCTAssertEqual(big.notices.map(\.code), [NoticeCode.conversionFailed])
        XCTAssertTrue(big.notices[0].message.contains("時間内"), big.notices[0].message)
        let next = try XCTUnwrap(report.files.first { $0.path.hasSuffix("b-minutes.rtf") })
        XCTAssertEqual(next.status, .findings, "\(next.notices)")
    }

    /// Worker processes (archive mode) convert too, each with its own LibreOffice.
    func testWorkersReadLegacyFiles() throws {
        let run = try CLITests.run(["scan", "--format", "json", "--isolate", "--jobs", "2", Self.dir.path])
        let report = try JSONDecoder().decode(ScanReport.self, from: Data(run.stdout.utf8))
        let files = report.files.filter { !$0.path.hasSuffix(".json") }
        XCTAssertEqual(files.count, 7)
        XCTAssertTrue(files.allSatisfy { $0.status == .findings && $0.convertedFrom != nil }, "\(report.files.map { ($0.path, $0.status, $0.notices.map(\.code)) })")
    }

    /// A legacy file is redacted as its OOXML equivalent, proven like any other copy.
    func testALegacyFileIsRedactedAsItsOOXMLEquivalent() throws {
        let redaction = DocumentRedaction(scanner: try ScanTests.scanner())
        var options = RedactionOptions()
        options.allowIncomplete = false
        let result = redaction.redact(fileAt: Self.dir.appendingPathComponent("minutes.doc"), displayPath: "minutes.doc", options: options)
        XCTAssertEqual(result.status, .redacted, result.message ?? "")
        XCTAssertEqual(result.outputExtension, "docx")
        XCTAssertTrue(result.notes.contains { $0.contains("DOCX 形式で書き出しました") }, "\(result.notes)")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-legacy-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: copy) }
        try XCTUnwrap(result.output).write(to: copy)
        XCTAssertEqual(try ScanTests.scanner().scanFile(at: copy).status, .clean)
    }
}
