import Foundation
import XCTest
import SumiModel
@testable import SumiRules

/// Names, sensitive facts tied to a person, towns in personal context and the
/// combination notice, on the shipped Rules/ (dictionaries and recognizer files).
final class RecognizerTests: XCTestCase {
    func detect(_ text: String, label: String? = nil) throws -> [Detection] {
        let set = try RulePackTests.shipped()
        return RuleMatcher(set).detect(TextUnit(text: text, fieldLabel: label)).detections[0]
    }

    /// Original texts of the detections of one category.
    func found(_ category: Category, in text: String, label: String? = nil) throws -> [String] {
        let units = Array(text.utf16)
        return try detect(text, label: label).filter { $0.category == category }.map {
            String(decoding: units[$0.range], as: UTF16.self)
        }
    }

    // MARK: names

    /// Text the recognizers meet in a redacted copy (masks, symbols and digits right before
    /// a parenthesised relation word) must not crash them: 「■■■（孫）」 made an empty
    /// range walk backwards and trapped.
    func testMasksAndSymbolsBeforeARelationDoNotCrash() throws {
        for text in ["■■■（孫）は", "■（長男）", "12（娘）", "（孫）", "・（妻）の", "Ａ（夫）", "■■■ ■■（孫）は元気です。"] {
            XCTAssertEqual(try found(.personName, in: text), [], text)
        }
        XCTAssertEqual(try found(.personName, in: "はると（孫）は元気です。"), ["はると"])
    }

    func testGivenNameAloneAfterRelationInThreeScripts() throws {
        XCTAssertEqual(try found(.personName, in: "孫のはるとは毎日元気に通っています。"), ["はると"])
        XCTAssertEqual(try found(.personName, in: "娘の結衣が通う小学校では対応が遅れています。"), ["結衣"])
        XCTAssertEqual(try found(.personName, in: "次女のユイは来年入学します。"), ["ユイ"])
        // Through a parenthesis: 孫（千歳台在住、小3）のりく.
        XCTAssertEqual(try found(.personName, in: "孫（千歳台在住、小3）のりくは元気です。"), ["りく"])
        // Other shapes: 娘、さくら / はると（孫）.
        XCTAssertEqual(try found(.personName, in: "私の娘、さくらは小学2年生です。"), ["さくら"])
        XCTAssertEqual(try found(.personName, in: "はると（孫）は元気に通っています。"), ["はると"])
    }

    func testOrdinaryWordsAfterRelationAreNotNames() throws {
        XCTAssertEqual(try found(.personName, in: "孫のことが心配で、息子の将来も不安です。"), [])
        XCTAssertEqual(try found(.personName, in: "母の介護と父の通院で忙しい毎日です。"), [])
    }

    func testVariantKanjiNamesAreFoundAndKeepTheirOriginalSpelling() throws {
        XCTAssertEqual(try found(.personName, in: "𠮷田様から申出がありました。"), ["𠮷田"])
        XCTAssertEqual(try found(.personName, in: "担当　渡邉 健一"), ["渡邉 健一"])
        XCTAssertEqual(try found(.personName, in: "出席委員　髙橋 和夫（会長）、齋藤 誠"), ["髙橋 和夫", "齋藤 誠"])
        // The fingerprint text is the normalized one, so 髙橋 and 高橋 are one finding id.
        let d = try XCTUnwrap(try detect("髙橋 和夫（会長）").first { $0.category == .personName })
        XCTAssertEqual(d.normalized, "高橋 和夫")
    }

    func testForeignNamesInKatakanaAndRomaji() throws {
        XCTAssertEqual(try found(.personName, in: "外国人住民代表のファム・ティ・ランさんが発言しました。"), ["ファム・ティ・ラン"])
        XCTAssertEqual(try found(.personName, in: "グエン＝ヴァン＝ナム 080-1234-5678"), ["グエン＝ヴァン＝ナム"])
        XCTAssertEqual(try found(.personName, in: "講師：Taro YAMADA氏（NPO法人）"), ["Taro YAMADA"])
        XCTAssertEqual(try found(.personName, in: "氏名（アルファベット）　NGUYEN VAN NAM"), ["NGUYEN VAN NAM"])
        // Katakana compounds with ・ that are not names, and acronyms.
        XCTAssertEqual(try found(.personName, in: "ワーク・ライフ・バランスとNPO JAPANの取組"), [])
    }

    func testOrganisationsAndPlaceWordsAreNotNames() throws {
        XCTAssertEqual(try found(.personName, in: "佐藤建設株式会社様より見積書を受領しました。"), [])
        XCTAssertEqual(try found(.personName, in: "区立中学校の森林体験と小川での生き物観察、原則として雨天中止。"), [])
        XCTAssertEqual(try found(.personName, in: "区民の皆様へ。様式第1号に記入してください。"), [])
    }

    func testNameFieldAndSurnameGivenPair() throws {
        XCTAssertEqual(try found(.personName, in: "鈴木裕子", label: "会長氏名"), ["鈴木裕子"])
        XCTAssertEqual(try found(.personName, in: "株式会社みどり建装", label: "会社名"), [])
        XCTAssertEqual(try found(.personName, in: "近藤一郎\t080-1234-5678\n石川　直樹\t03-1234-5678"), ["近藤一郎", "石川　直樹"])
    }

    // MARK: sensitive facts

    func testSensitiveFactTiedToAPersonInTheSameSentence() throws {
        let text = "喜多見に住む私の孫（小学3年）は小児ぜんそくの持病があります。"
        let d = try XCTUnwrap(try detect(text).first { $0.category == .medical })
        XCTAssertEqual(d.normalized, "小児ぜんそく")
        XCTAssertEqual(d.legalClass, .sensitivePersonalInfo)
        XCTAssertEqual(d.severity, .high)
        XCTAssertTrue(d.reason.contains("孫") || d.reason.contains("私") || d.reason.contains("小学3年"), d.reason)
        XCTAssertEqual(try found(.disability, in: "私は身体障害者手帳2級を持っています。"), ["身体障害者手帳2級"])
    }

    func testGeneralPolicyTextIsNotAFinding() throws {
        for text in ["認知症施策の推進について、講座を開いてほしい。",
                     "障害のある子どもへの支援として、通級指導教室を増やすべきです。",
                     "がん検診の受診率向上に向けて、休日の検診日を増やしてください。"] {
            let cats = try detect(text).map(\.category)
            XCTAssertFalse(cats.contains(.medical) || cats.contains(.disability), text)
        }
        // A fact in one sentence is not tied to a relative named in another.
        XCTAssertEqual(try found(.medical, in: "孫の湊は元気です。糖尿病の予防教室に参加しました。"), [])
    }

    func testSpeakerNamesInMinutesDoNotTieWhatTheySay() throws {
        XCTAssertEqual(try found(.medical, in: "伊藤委員：糖尿病が増えているので受診を呼びかけてほしい。"), [])
        XCTAssertEqual(try found(.medical, in: "○伊藤委員　糖尿病が増えているので受診を呼びかけてほしい。"), [])
        // What the speaker says about their own family still counts.
        XCTAssertEqual(try found(.medical, in: "○吉田委員　私事ですが、私の母も認知症です。"), ["認知症"])
    }

    func testExplainGivesTheReasonForARejectedTerm() throws {
        let set = try RulePackTests.shipped()
        let r = RuleMatcher(set).detect(TextUnit(text: "認知症施策の推進をお願いします。"), explain: true)
        XCTAssertTrue(r.rejections.contains { $0.text == "認知症" && $0.why.contains("施策") }, "\(r.rejections)")
    }

    // MARK: towns

    func testTownIsAnAddressOnlyInPersonalContext() throws {
        XCTAssertEqual(try found(.address, in: "喜多見に住む孫は元気です。"), ["喜多見"])
        XCTAssertEqual(try found(.address, in: "深沢在住の私です。"), ["深沢"])
        XCTAssertEqual(try found(.address, in: "喜多見地区の公園にトイレを整備してください。"), [])
        XCTAssertEqual(try found(.address, in: "三軒茶屋駅周辺の再開発について説明会を開きます。"), [])
    }

    // MARK: groups

    func testCombinationNoticeForOneOpinionAndNotForAClean() throws {
        let set = try RulePackTests.shipped()
        let leak = "No.1　【意見の概要】\n喜多見に住む孫のはるとは発達障害と診断され、療育手帳を持っています。\n\nNo.2　【意見の概要】\n認知症施策の推進をお願いします。\n"
        let r = RuleMatcher(set).detect(TextUnit(text: leak))
        XCTAssertEqual(r.notices.map(\.code), [NoticeCode.combinedIdentification])
        XCTAssertTrue(r.notices[0].message.contains("はると") && r.notices[0].message.contains("喜多見"), r.notices[0].message)
        let clean = RuleMatcher(set).detect(TextUnit(text: "No.1　【意見の概要】\n発達障害のある子どもへの支援を喜多見地区でも進めてください。\n"))
        XCTAssertEqual(clean.notices.map(\.code), [])
    }

    func testFactInAShortCellOfARowThatNamesAPerson() throws {
        let set = try RulePackTests.shipped()
        let row = [TextUnit(text: "吉田 湊", fieldLabel: "氏名", groupKey: "row:2"),
                   TextUnit(text: "生活保護", fieldLabel: "世帯区分", groupKey: "row:2"),
                   TextUnit(text: "人工透析", fieldLabel: "備考", groupKey: "row:2")]
        let r = RuleMatcher(set).detect(group: row)
        XCTAssertEqual(r.detections[0].map(\.category), [.personName])
        XCTAssertEqual(r.detections[1].map(\.category), [.sensitiveOther])
        XCTAssertEqual(r.detections[2].map(\.category), [.medical])
        // The same cells without a name in the row are not facts about anyone.
        let anonymous = RuleMatcher(set).detect(group: Array(row.dropFirst()))
        XCTAssertEqual(anonymous.detections.flatMap { $0 }.count, 0)
    }

    func testTownColumnOnlyInARowThatNamesAPerson() throws {
        let set = try RulePackTests.shipped()
        let row = [TextUnit(text: "中島 清", fieldLabel: "氏名", groupKey: "row:2"),
                   TextUnit(text: "砧", fieldLabel: "町名", groupKey: "row:2")]
        let r = RuleMatcher(set).detect(group: row)
        XCTAssertEqual(r.detections[1].map(\.category), [.address])
        // A statistics table with a 町名 column names no one.
        let stats = [TextUnit(text: "砧", fieldLabel: "町名", groupKey: "row:2"),
                     TextUnit(text: "1,234", fieldLabel: "世帯数", groupKey: "row:2")]
        XCTAssertEqual(RuleMatcher(set).detect(group: stats).detections.flatMap { $0 }.count, 0)
    }
}
