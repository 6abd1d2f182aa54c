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
        let rtf = dir.appendingPathComponent("memo.rtf")
        try Data("{\\rtf1\\ansi 山田太郎}".utf8).write(to: rtf)
        let legacy = UnitExtraction.extract(rtf, name: rtf.path) { _ in XCTFail("RTF is not read") }
        XCTAssertTrue(legacy.failed)
        XCTAssertEqual(legacy.notices.first?.code, NoticeCode.unsupportedFormat)
    }
}
