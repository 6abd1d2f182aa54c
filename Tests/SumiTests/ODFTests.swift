import Foundation
import XCTest
import SumiTestSupport
import SumiModel
import SumiReport
@testable import Sumi

/// OpenDocument files made by LibreOffice (Tools/corpus/odf_cases.py): what a reviewer would
/// miss — comments, tracked deletions, hidden text, hidden sheets, rows and columns, speaker
/// notes, a hidden slide, page headers — found under the right source.
final class ODFTests: XCTestCase {
    func testLibreOfficeFilesGiveTheirFindingsUnderTheRightSource() throws {
        let dir = TestEnvironment.root.appendingPathComponent("Corpus/robustness/odf")
        let expected = try ExpectedFindings.load(dir)
        XCTAssertEqual(expected.files.count, 6)
        try expected.check(in: dir) { $0.hasSuffix(".odt") ? .docx : $0.hasSuffix(".ods") ? .xlsx : .pptx }
    }

    /// A spreadsheet finding has sheet and cell, a slide's its page: the locations of OOXML.
    func testLocationsAreSheetCellAndPage() throws {
        let dir = TestEnvironment.root.appendingPathComponent("Corpus/robustness/odf")
        let scanner = try ScanTests.scanner()
        let roster = scanner.scanFile(at: dir.appendingPathComponent("roster.ods"))
        let hidden = try XCTUnwrap(roster.findings.first { $0.text == "東海林 和子" })
        XCTAssertEqual(hidden.location.sheet, "名簿")
        XCTAssertEqual(hidden.location.cell, "A4")
        let slides = scanner.scanFile(at: dir.appendingPathComponent("slides.odp"))
        XCTAssertEqual(slides.findings.first { $0.source == .invisibleText }?.location.page, 2)
        XCTAssertEqual(slides.findings.first { $0.source == .notes }?.location.page, 1)
    }

    /// A damaged content.xml is an unread part (the file is incomplete), never clean.
    func testADamagedContentPartIsNeverClean() throws {
        let src = TestEnvironment.root.appendingPathComponent("Corpus/robustness/odf/minutes.odt")
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-odf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-q", src.path, "-d", tmp.appendingPathComponent("x").path]
        try unzip.run(); unzip.waitUntilExit()
        let content = tmp.appendingPathComponent("x/content.xml")
        var xml = try String(contentsOf: content, encoding: .utf8)
        xml = String(xml.prefix(xml.count * 2 / 3))   // cut off mid-document
        try xml.write(to: content, atomically: true, encoding: .utf8)
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        zip.arguments = ["-c", "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', sys.argv[2])",
                         tmp.appendingPathComponent("cut").path, tmp.appendingPathComponent("x").path]
        try zip.run(); zip.waitUntilExit()
        let cut = tmp.appendingPathComponent("cut.odt")
        try FileManager.default.moveItem(at: tmp.appendingPathComponent("cut.zip"), to: cut)
        let r = try ScanTests.scanner().scanFile(at: cut)
        XCTAssertNotEqual(r.status, .clean)
        XCTAssertTrue(r.notices.contains { $0.code == NoticeCode.unreadablePart && $0.part == "content.xml" }, "\(r.notices)")
    }
}
