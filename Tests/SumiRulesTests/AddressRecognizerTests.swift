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

    private func addresses(_ text: String, label: String? = nil) -> [String] {
        let unit = TextUnit(text: text, fieldLabel: label)
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
}
