import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// Row order of PDF page text on real reportlab files from Corpus/: a form's label and its
/// value end up side by side, as `pdftotext -layout` shows them, and nothing is lost.
final class PDFRowOrderTests: XCTestCase {
    let corpus = PDFExtractorTests.corpus

    func body(_ path: String) throws -> TextUnit {
        var units: [TextUnit] = []
        _ = try PDFExtractor().extract(ExtractionInput(url: corpus.appendingPathComponent(path), name: path)) { units.append($0) }
        return try XCTUnwrap(units.first { $0.source == .body }, path)
    }

    func lines(_ u: TextUnit) -> [String] { u.text.components(separatedBy: "\n") }

    func testFormTableRowsComeOutAsRowsWithLabelBesideValue() throws {
        let u = try body("eval/application/app-04.pdf")
        // poppler's own order put 申請者氏名, 居住地, 渡邊 翔太 on three lines and ran 疾病名脊髄損傷 together.
        XCTAssertTrue(lines(u).contains("申請者氏名\t渡邊 翔太\t生年月日\t1992/03/14\t性別\t男"), u.text)
        XCTAssertTrue(lines(u).contains("居住地\t世田谷区桜丘３−２５−１１\t電話\t03-3429-7788"), u.text)
        XCTAssertTrue(lines(u).contains("疾病名\t脊髄損傷（平成28年の交通事故による）"), u.text)
        XCTAssertTrue(lines(u).contains("主治医\t森 直樹\t医師（せたがや中央病院 整形外科）"), u.text)
        XCTAssertEqual(lines(u).first, "障害福祉サービス等 支給申請書（記入例）")

        // Still one box per scalar, moved with its character; a separator has none.
        let scalars = Array(u.text.unicodeScalars)
        let boxes = try XCTUnwrap(u.glyphBoxes)
        XCTAssertEqual(boxes.count, scalars.count)
        for (s, b) in zip(scalars, boxes) where s == "\t" { XCTAssertTrue(b.isEmpty) }
        for (s, b) in zip(scalars, boxes) where !s.isBlank { XCTAssertFalse(b.isEmpty, "\(s)") }
        // pdftotext -bbox-layout: 渡邊 翔太 at x 119.0…163.6, y 92.4…102.5.
        let name = Array("渡邊 翔太".unicodeScalars)
        let start = try XCTUnwrap((0...(scalars.count - name.count)).first { Array(scalars[$0..<$0 + name.count]) == name })
        let box = boxes[start..<start + name.count].reduce(BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)) { $0.union($1) }
        XCTAssertEqual(box.x0, 119.0, accuracy: 0.5)
        XCTAssertEqual(box.x1, 163.6, accuracy: 0.5)
        XCTAssertEqual(box.y0, 92.4, accuracy: 0.5)
        XCTAssertEqual(box.y1, 102.5, accuracy: 0.5)
    }

    func testWrappedCellsStayTogetherInTheirRow() throws {
        let u = try body("pdf-cases/table-wrap.pdf")
        XCTAssertTrue(lines(u).contains("氏名\t住所\t電話\t備考"), "poppler ran the header cells together: \(u.text)")
        XCTAssertTrue(u.text.contains("長谷部\n千代子\t世田谷区若林四丁目\n22番3号\t03-5432\n-1187\t独居"), u.text)
    }

    func testParagraphLineWrappingToTheMarginIsNotTakenForACell() throws {
        // The roster entry's line wraps back to the left margin, under the name: it is the
        // next row, not a second line of the address cell.
        let u = try body("eval/roster/roster-05.pdf")
        let l = lines(u)
        let i = try XCTUnwrap(l.firstIndex(of: "2．鈴木 俊介\t神奈川県川崎市多摩区登戸9-13-24 パークサイド308号室\t電話"), u.text)
        XCTAssertEqual(l[i + 1], "０３−３７１５−８０３７")
        XCTAssertTrue(l.contains("1．青木 勇気\t東京都世田谷区千歳台三丁目十七番十五号\t電話 080‐9315‐9008"), u.text)
    }

    func testProseKeepsItsLineOrder() throws {
        // Multi-line opinions: the paragraph lines stay in order under their No. cell.
        let u = try body("eval/public-comment/pc-05.pdf")
        XCTAssertTrue(u.text.contains("No.1\t【意見の概要】\nベトナム出身のファム・ティ・ランです。三軒茶屋に住んでいます。息子は知的障害があり、日本\n語と母語の両方で支援が必要です。\n【区の考え方】"), u.text)
    }

    func testStampVerticalLabelProseAndTightTableLayouts() throws {
        var units: [TextUnit] = []
        let path = "pdf-cases/rows-layout.pdf"
        _ = try PDFExtractor().extract(ExtractionInput(url: corpus.appendingPathComponent(path), name: path)) { units.append($0) }
        let pages = units.filter { $0.source == .body }.map { $0.text.components(separatedBy: "\n") }
        XCTAssertEqual(pages.count, 6)
        // Labels were drawn before values; the stamp 受付済 over 山田 花子 overlaps it, so it is
        // no cell of that row; the vertical label 相談者欄 stays one piece.
        XCTAssertEqual(pages[0], ["相談受付票", "相談者欄", "受付済", "氏名\t山田 花子", "電話\t03-1234-5678", "相談内容\t介護保険の申請について"])
        // Two columns of prose: each column's lines in order, the columns side by side.
        XCTAssertEqual(pages[1], ["左の段の一行目は区の施策の説明で、", "二行目へそのまま続いていく文章です。",
                                  "三行目で左の段が終わります。\t右の段の一行目は別の話題を扱い、", "二行目も右の段の続きの文章です。", "三行目で右の段が終わります。"])
        // Widely spaced single column: line by line, top to bottom.
        XCTAssertEqual(pages[2], ["一段の文章を行間を広く取って書いた例です。", "行と行は重ならないので、", "上から順に読まれなければなりません。"])
        // Rows as tight as lines of text, drawn column by column: poppler gives one paragraph
        // per column; the columns line up line for line and have ragged widths, so it is a grid.
        XCTAssertEqual(pages[3], ["No.\t氏名\t住所\t電話", "1\t山田 花子\t世田谷区太子堂一丁目2番3号\t03-1111-2222",
                                  "2\t長谷川 明美\t世田谷区砧五丁目\t090-3333-4444",
                                  "3\t林蓮\t世田谷区北沢二丁目10番1号 ハイツ北沢203\t03-5555-6666",
                                  "4\t小野寺 さくら\t世田谷区用賀\t080-7777-8888"])
        // Vertical writing: columns right to left, as poppler reads them, not sorted by x.
        XCTAssertEqual(pages[4], ["世田谷区の介護保険", "担当は山田花子です"])
        // Two blacked-out values in one row: one covered unit per cell, each labelled by the
        // nearest visible cell before it, not by everything earlier in the row.
        let covered = units.filter { $0.source == .covered }
        XCTAssertEqual(covered.map(\.text), ["岡田 和夫", "03-4321-8765"])
        XCTAssertEqual(covered.map(\.fieldLabel), ["氏名", "電話"])
        XCTAssertEqual(covered.map(\.glyphBoxes?.count), [5, 12])
        XCTAssertEqual(pages[5].count, 1)
        XCTAssertFalse(pages[5][0].contains("岡田"), "hidden text is blanked in the body")
    }

    func testEveryCharacterOfEveryCorpusPageIsKept() throws {
        let pdfs = (FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".pdf") && !$0.hasPrefix("robustness/") && !$0.contains("encrypted-password") && !$0.contains("truncated") && !$0.contains("corrupt") }
        XCTAssertGreaterThan(pdfs.count, 15)
        var reordered = 0
        for path in pdfs {
            let doc = try PopplerDocument(ExtractionInput(url: corpus.appendingPathComponent(path), name: path))
            for i in 0..<doc.pageCount {
                let raw = try XCTUnwrap(doc.page(i)).readText()
                let rows = raw.inRowOrder()
                XCTAssertEqual(rows.boxes.count, rows.scalars.count, path)
                XCTAssertEqual(rows.styleIndex.count, rows.scalars.count, path)
                XCTAssertEqual(Array(rows.raw.unicodeScalars), rows.scalars, path)
                // The same characters with ink, each with the box and style it had.
                func inked(_ t: PageText) -> [String] {
                    t.scalars.indices.filter { !t.scalars[$0].isBlank }
                        .map { "\(t.scalars[$0])|\(t.boxes[$0].array)|\(t.style(at: $0)?.font ?? "-")" }.sorted()
                }
                XCTAssertEqual(inked(rows), inked(raw), "\(path) page \(i + 1)")
                if rows.scalars != raw.scalars { reordered += 1 }
            }
        }
        XCTAssertGreaterThan(reordered, 5)
    }
}
