import Foundation
import XCTest
import SumiModel
@testable import Sumi

/// `sumi extract` reads files exactly as the scanner does (the peers in Tools/peers get this text).
final class UnitExtractionTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testShiftJISCSVGivesOneUnitPerCellWithLocation() throws {
        let url = Self.root.appendingPathComponent("Corpus/samples/sample-roster.csv")
        var units: [TextUnit] = []
        let summary = UnitExtraction.extract(url, name: url.path) { units.append($0) }
        XCTAssertFalse(summary.failed)
        XCTAssertEqual(summary.format, .csv)
        XCTAssertFalse(units.isEmpty)
        XCTAssertTrue(units.allSatisfy { $0.location.cell != nil }, "CSV cells carry their A1 reference")
        XCTAssertTrue(units.contains { $0.text.contains("電話") || $0.fieldLabel?.contains("電話") == true })
    }

    func testMissingAndLegacyFilesFailWithANotice() throws {
        let missing = UnitExtraction.extract(URL(fileURLWithPath: "/nonexistent/x.txt"), name: "/nonexistent/x.txt") { _ in
            XCTFail("no unit from a missing file")
        }
        XCTAssertTrue(missing.failed)
        XCTAssertEqual(missing.notices.first?.code, NoticeCode.readError)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let jtd = dir.appendingPathComponent("memo.jtd")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)).write(to: jtd)
        let legacy = UnitExtraction.extract(jtd, name: jtd.path) { _ in XCTFail("一太郎 is not read") }
        XCTAssertTrue(legacy.failed)
        XCTAssertEqual(legacy.notices.first?.code, NoticeCode.unsupportedFormat)
        // RTF is read after LibreOffice converts it, as the scanner reads it.
        let rtf = dir.appendingPathComponent("memo.rtf")
        try Data("{\\rtf1\\ansi memo\\par}".utf8).write(to: rtf)
        var texts: [String] = []
        let read = UnitExtraction.extract(rtf, name: rtf.path) { texts.append($0.text) }
        XCTAssertFalse(read.failed, "\(read.notices)")
        XCTAssertEqual(read.convertedFrom, "rtf")
        XCTAssertTrue(texts.contains { $0.contains("memo") }, "\(texts)")
    }
}
