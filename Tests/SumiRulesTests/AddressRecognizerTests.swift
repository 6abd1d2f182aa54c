import Foundation
import XCTest
import SumiTestSupport
import SumiModel
@testable import SumiRules

/// The address recognizer against the shipped gazetteer (Rules/dict/places).
final class AddressRecognizerTests: XCTestCase {
    static let rules: RuleSet = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        TestEnvironment.isolateCache()
        return try! RuleSet(directory: root.appendingPathComponent("Rules"))
    }()

    private func addresses(_ text: String, label: String? = nil, source: Source = .body) -> [String] {
        let unit = TextUnit(text: text, source: source, fieldLabel: label)
        let units = Array(text.utf16)
        return RuleMatcher(Self.rules).detect(unit).detections[0].filter { $0.category == .address }
            .map { String(decoding: units[$0.range], as: UTF16.self) }
    }

    func testKanjiNumeralsFullWidthDigitsAndDashesGiveTheOriginalText() {
        XCTAssertEqual(addresses("申請者住所：東京都世田谷区奥沢二丁目十九番二十四号　電話"), ["東京都世田谷区奥沢二丁目十九番二十四号"])
        XCTAssertEqual(addresses("世田谷区成城６－３－１４ サンライズ408号室に転居"), ["世田谷区成城６－３－１４ サンライズ408号室"])
        XCTAssertEqual(addresses("代沢9ー5ー16 の世田谷区代沢9ー5ー16"), ["世田谷区代沢9ー5ー16"])
    }

    func testDesignatedCityWardAndTownWithoutDistrict() {
        XCTAssertEqual(addresses("神奈川県川崎市多摩区登戸六丁目20番3号"), ["神奈川県川崎市多摩区登戸六丁目20番3号"])
        XCTAssertEqual(addresses("三重県川越町豊田1234番地"), ["三重県川越町豊田1234番地"])
    }

    func testPlaceNamesWithoutBlockNumbersAreNotAddresses() {
        XCTAssertEqual(addresses("世田谷区三軒茶屋の再開発と、東京都世田谷区の人口92万人"), [])
        XCTAssertEqual(addresses("令和6年10月23日 世田谷区議会 第3回定例会"), [])
    }

    func testAddressCellWithoutMunicipality() {
        XCTAssertEqual(addresses("上野毛5-23-5", label: "住所"), ["上野毛5-23-5"])
        XCTAssertEqual(addresses("上野毛5-23-5", label: "備考"), [])
    }

    /// Spaces between the numbers and their units, as glyph-placing PDF producers and OCR
    /// write them (before: nothing was found in either line).
    func testSpacedBlockNumbers() {
        XCTAssertEqual(addresses("住所 東京都世田谷区太子堂 一 丁目2番3号"), ["東京都世田谷区太子堂 一 丁目2番3号"])
        XCTAssertEqual(addresses("世田谷区経堂4丁目 17番 9号 に住む"), ["世田谷区経堂4丁目 17番 9号"])
        XCTAssertEqual(addresses("世田谷区三軒茶屋 三 人が参加"), [])
    }

    /// A stray kanji OCR put before the municipality does not hide an address whose town the
    /// gazetteer knows; one before an unknown town still does (東北区域).
    func testGluedKanjiBeforeAKnownTown() {
        XCTAssertEqual(addresses("末広才世田谷区太子堂一丁目2番3号"), ["世田谷区太子堂一丁目2番3号"])
        XCTAssertEqual(addresses("平成30年度に東北区域で3-4件"), [])
    }

    /// OCR text is read through the misreadings of Rules/dict/text/ocr_confusions.tsv: 3呈 is 3号
    /// in a scan, and the finding keeps what OCR read.
    func testOCRMisreadUnitInScannedText() {
        XCTAssertEqual(addresses("住所 世田谷区松原5番地3呈", source: .ocr), ["世田谷区松原5番地3呈"])
        XCTAssertEqual(addresses("住所 世田谷区松原5番地3呈"), ["世田谷区松原5番地3"])
    }
}
