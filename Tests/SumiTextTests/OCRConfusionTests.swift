import XCTest
@testable import SumiText

final class OCRConfusionTests: XCTestCase {
    let table = try! OCRConfusionTable(tsv: """
        # misread\tprinted\twhere
        同和\t昭和\tbefore_digit
        合和\t令和\tbefore_digit
        呈\t号\tafter_digit
        """)

    func fold(_ s: String) -> String {
        table.fold(TextNormalizer().normalize(s)).normalizedString
    }

    func testEraMisreadingBeforeANumberIsFolded() {
        XCTAssertEqual(fold("生年月日 同和五十五年4月12日"), "生年月日 昭和55年4月12日")
        XCTAssertEqual(fold("合和6年9月2日"), "令和6年9月2日")
    }

    func testTheSameLettersAsAWordAreLeftAlone() {
        XCTAssertEqual(fold("同和問題の研修"), "同和問題の研修")
        XCTAssertEqual(fold("呈上します"), "呈上します")
    }

    func testUnitAfterADigitIsFoldedAndOffsetsStay() {
        let n = TextNormalizer().normalize("太子堂1丁目2番3呈の前")
        let folded = table.fold(n)
        XCTAssertEqual(folded.normalizedString, "太子堂1丁目2番3号の前")
        XCTAssertEqual(folded.toOriginal, n.toOriginal)
        XCTAssertEqual(folded.originalString(0..<10), "太子堂1丁目2番3呈")
    }

    func testUnequalLengthsAreRefused() {
        XCTAssertThrowsError(try OCRConfusionTable(tsv: "召\t昭和\tbefore_digit"))
        XCTAssertThrowsError(try OCRConfusionTable(tsv: "召和\t昭和\tsomewhere"))
    }
}
