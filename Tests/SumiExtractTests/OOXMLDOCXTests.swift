import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// DOCX made by python-docx (Tools/corpus): every place text can hide, with its source.
final class OOXMLDOCXTests: XCTestCase {
    func testHiddenRunIsInvisibleTextAndNotBody() throws {
        let r = try OOXMLFixture.extract("eval/office/office-01.docx", format: .docx)
        let hidden = try XCTUnwrap(r.units(.invisibleText).first { $0.text.contains("090-2468-1357") })
        XCTAssertEqual(hidden.location.part, "word/document.xml")
        XCTAssertTrue(hidden.text.contains("山本 花子"))
        XCTAssertFalse(r.units(.body).contains { $0.text.contains("090-2468-1357") }, "w:vanish text is not body text")
        // The visible part of the same paragraph is body, grouped with the hidden run.
        let body = try XCTUnwrap(r.units(.body).first { $0.text.contains("見守り対象世帯の状況を共有した。") })
        XCTAssertEqual(body.groupKey, hidden.groupKey)
    }

    func testTextBoxIsReadOnceFootnoteAndTable() throws {
        let r = try OOXMLFixture.extract("eval/office/office-01.docx", format: .docx)
        // mc:AlternateContent carries the text box twice (DrawingML and VML): read once.
        XCTAssertEqual(r.containing("naoko.kimura@example.jp").count, 1)
        XCTAssertEqual(r.containing("naoko.kimura@example.jp").first?.fieldLabel, "テキストボックス")
        let footnote = try XCTUnwrap(r.containing("03-5555-0134").first)
        XCTAssertEqual(footnote.source, .body)
        XCTAssertEqual(footnote.location.part, "word/footnotes.xml")
        let phoneCell = try XCTUnwrap(r.units.first { $0.text == "03-5555-0199" })
        XCTAssertEqual(phoneCell.fieldLabel, "電話番号")
        XCTAssertEqual(phoneCell.location.row, 2)
        XCTAssertEqual(phoneCell.location.column, 2)
        let nameCell = try XCTUnwrap(r.units.first { $0.text == "池田 健太" })
        XCTAssertEqual(nameCell.fieldLabel, "氏名")
        XCTAssertEqual(nameCell.groupKey, phoneCell.groupKey, "cells of one table row form a group")
    }

    func testItemValueFormLabelsTheValueWithItsItem() throws {
        // app-02.docx: a table headed 項目 | 記入例; the value cell carries its row's item.
        let r = try OOXMLFixture.extract("eval/application/app-02.docx", format: .docx)
        let birth = try XCTUnwrap(r.units(.body).first { $0.text == "平成元年4月1日" })
        XCTAssertEqual(birth.fieldLabel, "生年月日 記入例")
        let item = try XCTUnwrap(r.units(.body).first { $0.text == "生年月日" })
        XCTAssertEqual(item.fieldLabel, "項目")
    }

    func testTrackedChangesKeepDeletedAndInsertedTextApart() throws {
        let r = try OOXMLFixture.extract("eval/office/office-01.docx", format: .docx)
        let change = try XCTUnwrap(r.units(.trackedChange).first { $0.text.contains("080-1357-2468") })
        XCTAssertEqual(change.text, "（080-1357-2468）\n（m.ikeda@example.com）")
        XCTAssertFalse(r.units(.body).contains { $0.text.contains("080-1357-2468") || $0.text.contains("m.ikeda") })
        XCTAssertTrue(r.units(.body).contains { $0.text.contains("協力員の連絡先は名簿で管理する。") })
        let authors = try XCTUnwrap(r.units(.trackedChange).first { $0.fieldLabel == "変更履歴の作成者" })
        XCTAssertEqual(authors.text, "木村 直子")
        // A tracked change in another document: the deleted sentence about a child.
        let m = try OOXMLFixture.extract("eval/minutes/min-02.docx", format: .docx)
        XCTAssertTrue(m.units(.trackedChange).contains { $0.text.contains("はるとさんは発達障害の診断があり") })
        XCTAssertFalse(m.units(.body).contains { $0.text.contains("発達障害の診断") })
    }

    func testPropertiesCustomPropertiesAndCustomXml() throws {
        let r = try OOXMLFixture.extract("eval/office/office-01.docx", format: .docx)
        let meta = r.units(.metadata)
        XCTAssertEqual(meta.first { $0.fieldLabel == "作成者" }?.text, "木村 直子")
        XCTAssertEqual(meta.first { $0.fieldLabel == "作成者" }?.location.part, "docProps/core.xml")
        XCTAssertEqual(meta.first { $0.fieldLabel == "最終更新者" }?.text, "木村 直子")
        XCTAssertEqual(meta.first { $0.fieldLabel == "管理者" }?.text, "石田 浩")
        XCTAssertEqual(meta.first { $0.fieldLabel == "会社" }?.location.part, "docProps/app.xml")
        let custom = try XCTUnwrap(meta.first { $0.fieldLabel == "連絡先" })
        XCTAssertEqual(custom.text, "03-5432-0987")
        XCTAssertEqual(custom.location.part, "docProps/custom.xml")
        XCTAssertEqual(meta.first { $0.fieldLabel == "担当者" }?.text, "木村 直子")
        XCTAssertTrue(meta.contains { $0.location.part == "customXml/item2.xml" && $0.text.contains("山本 花子") })
    }

    func testImageIsNotedButDoesNotMakeTheFileIncomplete() throws {
        let r = try OOXMLFixture.extract("eval/office/office-01.docx", format: .docx)
        XCTAssertEqual(r.noticeCodes, [NoticeCode.embeddedImage])
        XCTAssertFalse(r.summary.notices.contains { $0.meansUnread })
        XCTAssertEqual(r.summary.format, .docx)
    }

    func testImagesWithNoTextAreNotClean() throws {
        // A scanned form pasted into Word: one picture, no text. Its words are in the pixels.
        let document = """
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>申請書</w:t></w:r></w:p></w:body></w:document>
        """
        let data = try OOXMLZip.make([
            "_rels/.rels": OOXMLZip.rels([("rId1", "officeDocument", "word/document.xml")]),
            "word/_rels/document.xml.rels": OOXMLZip.rels([("rId1", "image", "media/image1.png")]),
            "word/document.xml": document, "word/media/image1.png": "not really a png",
        ])
        let r = try OOXMLFixture.extract(ExtractionInput(data: data, name: "scan.docx"), format: .docx)
        XCTAssertEqual(r.noticeCodes, [NoticeCode.imageOnlyPage])
        XCTAssertTrue(r.summary.notices.contains { $0.meansUnread })
    }

    func testCommentsWithAuthorsHeadersAndFooters() throws {
        let r = try OOXMLFixture.extract("eval/minutes/min-02.docx", format: .docx)
        let comment = try XCTUnwrap(r.units(.comment).first { $0.text.contains("発言者名は公開版では削除すること") })
        XCTAssertEqual(comment.location.part, "word/comments.xml")
        let author = try XCTUnwrap(r.units(.comment).first { $0.fieldLabel == "コメントの作成者" })
        XCTAssertEqual(author.text, "小林 裕子")
        XCTAssertEqual(author.groupKey, comment.groupKey)
        XCTAssertTrue(r.units(.headerFooter).contains { $0.location.part == "word/header1.xml" && $0.text.contains("学校運営協議会") })
        let footer = try OOXMLFixture.extract("eval/application/app-06.docx", format: .docx)
        XCTAssertTrue(footer.units(.headerFooter).contains { $0.location.part == "word/footer1.xml" && $0.text.contains("藤井 千尋") })
    }

    func testStyleThatHidesTextParagraphLinesAndDocumentVariables() throws {
        // A character style with w:vanish hides the runs that use it.
        let styles = """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="Shown"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>
        </w:styles>
        """
        let document = """
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
        <w:p><w:r><w:t>一行目</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>隠し 03-1111-2222</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Shown"/></w:rPr><w:t>表示</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:vanish/><w:rPrChange w:author="a"><w:rPr/></w:rPrChange></w:rPr><w:t>直接</w:t></w:r><w:r><w:t>二</w:t><w:br/><w:t>三</w:t></w:r></w:p>
        </w:body></w:document>
        """
        let data = try OOXMLZip.make([
            "_rels/.rels": OOXMLZip.rels([("rId1", "officeDocument", "word/document.xml")]),
            "word/_rels/document.xml.rels": OOXMLZip.rels([("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml")]),
            "word/document.xml": document, "word/styles.xml": styles,
            "word/settings.xml": "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docVars><w:docVar w:name=\"申請者\" w:val=\"山田 太郎\"/></w:docVars></w:settings>",
        ])
        let r = try OOXMLFixture.extract(ExtractionInput(data: data, name: "style.docx"), format: .docx)
        XCTAssertEqual(r.units(.invisibleText).first?.text, "隠し 03-1111-2222\n直接")
        XCTAssertEqual(r.units(.body).first?.text, "一行目\n表示\n二\n三")
        let docVar = try XCTUnwrap(r.units(.metadata).first { $0.fieldLabel == "申請者" })
        XCTAssertEqual(docVar.text, "山田 太郎")
        XCTAssertEqual(docVar.location.part, "word/settings.xml")
        XCTAssertEqual(r.noticeCodes, [])
    }
}
