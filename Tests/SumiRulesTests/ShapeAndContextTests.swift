import Foundation
import XCTest
import SumiModel
@testable import SumiRules

/// Detection that does not depend on a name being in the dictionary or a number being
/// someone's: names recognized by their shape where the context says "a person" (salutation,
/// roster line, relation + ちゃん), readings in フリガナ fields, placeholder numbers of blank
/// forms, and facility contacts, on the shipped Rules/.
final class ShapeAndContextTests: XCTestCase {
    func found(_ category: SumiModel.Category, in text: String, label: String? = nil) throws -> [String] {
        let set = try RulePackTests.shipped()
        let units = Array(text.utf16)
        return RuleMatcher(set).detect(TextUnit(text: text, fieldLabel: label)).detections[0]
            .filter { $0.category == category }
            .map { String(decoding: units[$0.range], as: UTF16.self) }
    }

    // MARK: readings

    func testKanaInAReadingFieldIsAName() throws {
        XCTAssertEqual(try found(.personName, in: "アオノ　アツノリ", label: "氏名（フリガナ）"), ["アオノ　アツノリ"])
        XCTAssertEqual(try found(.personName, in: "あおの あつのり", label: "ふりがな"), ["あおの あつのり"])
        XCTAssertEqual(try found(.personName, in: "氏名（カナ）　アオノ　アツノリ"), ["アオノ　アツノリ"])
    }

    func testReadingOfAFacilityOrOrganisationIsNotAName() throws {
        XCTAssertEqual(try found(.personName, in: "ミドリジドウカン", label: "施設名（フリガナ）"), [])
        XCTAssertEqual(try found(.personName, in: "施設名（フリガナ）　ミドリジドウカン"), [])
        XCTAssertEqual(try found(.personName, in: "カブシキガイシャ", label: "会社名（カナ）"), [])
    }

    // MARK: names by shape

    func testRareNameBeforeASalutationIsFoundByItsShape() throws {
        XCTAssertEqual(try found(.personName, in: "柿ノ窪　いろみ　様"), ["柿ノ窪　いろみ"])
        XCTAssertEqual(try found(.personName, in: "民生委員　様"), [])
    }

    func testRareGivenNameAfterARelationAndChan() throws {
        XCTAssertEqual(try found(.personName, in: "孫の綺緒ちゃんは今年から支援級です。"), ["綺緒"])
    }

    func testRosterLineOfRareNames() throws {
        XCTAssertEqual(try found(.personName, in: "出席委員　筧 澄典、汐見 琴音"), ["筧 澄典", "汐見 琴音"])
    }

    func testOrdinaryWordsAreNotNamesByShape() throws {
        XCTAssertEqual(try found(.personName, in: "市の課題です。"), [])
    }

    // MARK: seating charts

    func testSeatLabelsAreNamesOnlyInASeatingChart() throws {
        let set = try RulePackTests.shipped()
        let matcher = RuleMatcher(set)
        var tracker = DocumentContextTracker(set)
        let title = [TextUnit(text: "教育政策課 座席表（令和6年1月27日現在）")]
        let seats = [TextUnit(text: "金澤\t鴨ノ原（会計年度）\t幸田 内線1685\t鷲ノ沢 課長補佐\n書庫　打合せ　窓口")]
        XCTAssertTrue(tracker.observe(title).seatingChart)
        let units = Array(seats[0].text.utf16)
        let inChart = matcher.detect(group: seats, document: tracker.observe(seats)).detections[0]
            .filter { $0.category == .personName }.map { String(decoding: units[$0.range], as: UTF16.self) }
        XCTAssertEqual(inChart, ["金澤", "鴨ノ原", "幸田", "鷲ノ沢"])
        XCTAssertEqual(try found(.personName, in: seats[0].text), [])
        // A comment that mentions the chart does not make the document one.
        var other = DocumentContextTracker(set)
        XCTAssertFalse(other.observe([TextUnit(text: "座席表を更新しました", source: .comment)]).seatingChart)
    }

    // MARK: text tables

    func testTextTableColumnsGiveTheirHeaderToTheCellsBelow() throws {
        let text = "世帯の状況（続柄・氏名・生年月日・個人番号）\n長男\t木本友人\tR3.1.4\n配偶者\t木本琥馬\tS55.2.28"
        XCTAssertEqual(try found(.birthDate, in: text), ["R3.1.4", "S55.2.28"])
        XCTAssertEqual(try found(.personName, in: text), ["木本友人", "木本琥馬"])
        // Without the header line the same rows say nothing about birth dates.
        XCTAssertEqual(try found(.birthDate, in: "長男\t木本友人\tR3.1.4\n配偶者\t木本琥馬\tS55.2.28"), [])
        // A tabbed header needs two rows below it: one tabbed form line above another is a form.
        let u = Array("必要な方の氏名\t世田谷 花子\t世田谷 はると\n本籍・筆頭者の記載\t□要\t■不要".utf16)
        XCTAssertTrue(TextTableColumns.find(u).columns.isEmpty)
        let table = Array("続柄\t氏名\t生年月日\n長男\t木本友人\tR3.1.4\n長女\t木本紬\tH21.2.22".utf16)
        let columns = TextTableColumns.find(table).columns
        XCTAssertEqual(columns.count, 3)
        XCTAssertEqual(columns[1].cells.map { String(decoding: table[$0], as: UTF16.self) }, ["木本友人", "木本紬"])
    }

    // MARK: placeholders

    func testAllSameDigitNumbersOfBlankFormsAreNotFindings() throws {
        XCTAssertEqual(try found(.postalCode, in: "〒000-0000"), [])
        XCTAssertEqual(try found(.phone, in: "電話 03-0000-0000"), [])
        XCTAssertEqual(try found(.phone, in: "携帯 090-1111-1111"), [])
        XCTAssertEqual(try found(.phone, in: "電話 03-1117-5123"), ["03-1117-5123"])
    }

    func testAPassportNumberWithRepeatedDigitsIsStillSomeones() throws {
        XCTAssertEqual(try found(.idNumber, in: "旅券（TK7777777）の写しを添付"), ["TK7777777"])
    }

    // MARK: facility contacts

    func testFacilityRowsLoseTheirContactsButRowsWithANameKeepThem() throws {
        let set = try RulePackTests.shipped()
        let matcher = RuleMatcher(set)
        let facility = ["山崎町児童館", "相生市山崎町1895番地", "03-5973-1829"].map { TextUnit(text: $0) }
        let facilityHits = matcher.detect(group: facility).detections.joined()
        XCTAssertFalse(facilityHits.contains { $0.category == .phone || $0.category == .address })

        let person = ["青野 篤慶", "相生市山崎町1895番地", "090-1234-5678", "すずらん保育園"].map { TextUnit(text: $0) }
        let personHits = matcher.detect(group: person).detections.joined()
        XCTAssertTrue(personHits.contains { $0.category == .phone })
    }

    func testShippedFilterExamplesAllPass() throws {
        let result = RuleExamples.run(try RulePackTests.shipped())
        XCTAssertEqual(result.failures.map(\.description), [])
        XCTAssertGreaterThan(result.checked, 300)
    }
}
