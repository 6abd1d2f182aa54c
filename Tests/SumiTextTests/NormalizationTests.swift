import XCTest
@testable import SumiText

final class NormalizationTests: XCTestCase {
    let normalizer = TextNormalizer(variants: try! VariantKanjiTable(tsv: "髙\t高\n﨑\t崎\n邊\t辺\n𠮷\t吉\n"))

    func testNFKCFoldsFullWidthCircledAndKangxi() {
        XCTAssertEqual(normalizer.normalize("０３①㈱⾼ＡＢＣ").normalizedString, "031(株)高ABC")
    }

    func testDashFamilyAndSpacesFold() {
        XCTAssertEqual(normalizer.normalize("03‐1234－5678−9―0").normalizedString, "03-1234-5678-9-0")
        XCTAssertEqual(normalizer.normalize("０３ー１２３４ー５６７８").normalizedString, "03-1234-5678")
        XCTAssertEqual(normalizer.normalize("データ\u{3000}ー").normalizedString, "データ ー", "ー after kana stays a long vowel")
    }

    func testVariantKanjiIncludingSupplementaryPlane() {
        XCTAssertEqual(normalizer.normalize("髙橋さんと山﨑さんと𠮷田さん").normalizedString, "高橋さんと山崎さんと吉田さん")
    }

    func testKanjiNumeralsBeforeCounters() {
        XCTAssertEqual(normalizer.normalize("二丁目三番四号").normalizedString, "2丁目3番4号")
        XCTAssertEqual(normalizer.normalize("昭和六十年十月二十三日").normalizedString, "昭和60年10月23日")
        XCTAssertEqual(normalizer.normalize("一〇二号室").normalizedString, "102号室")
        XCTAssertEqual(normalizer.normalize("一郎と三宅").normalizedString, "一郎と三宅", "names keep their numerals")
    }

    func testOffsetsMapBackToOriginal() {
        let t = normalizer.normalize("住所：二丁目三番")
        let s = t.normalizedString
        let r = s.utf16.count - 2 ..< s.utf16.count - 1 // the "3"
        XCTAssertEqual(t.originalString(r), "三")
        let whole = 3..<t.units.count
        XCTAssertEqual(t.originalString(whole), "二丁目三番")
    }

    /// Property: for random Japanese text with full-width digits, variant kanji and dashes,
    /// any normalized range maps to an original slice that normalizes to a text containing it.
    func testRandomOffsetMapProperty() {
        let alphabet = Array("あいう山田髙﨑𠮷０１２３4５-‐－ー丁目番号一二三十〒㈱①⾼ 　\n")
        // Seeded, so a failure can be replayed.
        var rng = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<300 {
            let length = Int.random(in: 1...40, using: &rng)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            let n = normalizer.normalize(text)
            XCTAssertEqual(n.toOriginal.count, n.units.count + 1)
            if n.units.count > 0 { XCTAssertTrue(text.hasPrefix(n.originalString(0..<n.units.count)) || text.hasSuffix(n.originalString(0..<n.units.count))) }
            guard n.units.count > 1 else { continue }
            let a = Int.random(in: 0..<n.units.count, using: &rng)
            let b = Int.random(in: (a + 1)...n.units.count, using: &rng)
            let original = n.originalString(a..<b)
            XCTAssertTrue(text.contains(original), "«\(original)» is a slice of «\(text)»")
            let renormalized = normalizer.normalize(original).normalizedString
            let piece = n.normalizedString(a..<b)
            // Kanji numerals become digits depending on their neighbours (一番 alone is 1番, not
            // after another numeral), so compare only where none are involved.
            if !piece.contains(where: { "0123456789-一二三十".contains($0) }) {
                XCTAssertTrue(renormalized.contains(piece), "«\(piece)» within «\(renormalized)»")
            }
        }
    }

    func testSentenceBreaksJapanese() {
        let units = Array("孫は発達障害です。私は喜多見に住んでいます。".utf16)
        let b = units.withUnsafeBufferPointer { TextBreaks.sentences($0) }
        XCTAssertEqual(b, [0, 9, units.count])
    }
}

/// A small seeded generator (SplitMix64) for property tests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
