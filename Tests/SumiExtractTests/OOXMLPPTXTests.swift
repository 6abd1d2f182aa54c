import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// PPTX made by python-pptx (Tools/corpus): slides, notes, comments, properties.
final class OOXMLPPTXTests: XCTestCase {
    func testSlidesAndNotesCarryTheSlideNumber() throws {
        let r = try OOXMLFixture.extract("eval/public-comment/pc-12.pptx", format: .pptx)
        XCTAssertEqual(r.summary.pages, 5)
        XCTAssertEqual(r.summary.format, .pptx)
        let slide2 = try XCTUnwrap(r.units(.body).first { $0.location.page == 2 })
        XCTAssertTrue(slide2.text.contains("たん吸引"))
        XCTAssertEqual(slide2.location.part, "ppt/slides/slide2.xml")
        let notes = try XCTUnwrap(r.units(.notes).first)
        XCTAssertEqual(notes.location.page, 2)
        XCTAssertTrue(notes.text.contains("前田 千尋"))
        XCTAssertEqual(notes.groupKey, slide2.groupKey, "notes are tied to their slide")
        XCTAssertFalse(r.units(.body).contains { $0.text.contains("前田 千尋") })
        XCTAssertEqual(r.units(.body).filter { $0.location.page != nil }.map { $0.location.page! }, [1, 2, 3, 4, 5])
    }

    func testCommentsWithAuthorAndMetadata() throws {
        let r = try OOXMLFixture.extract("eval/office/office-03.pptx", format: .pptx)
        let comment = try XCTUnwrap(r.units(.comment).first { $0.fieldLabel == nil })
        XCTAssertEqual(comment.text, "数字は小川 美穂さん（03-6805-1234）に確認")
        XCTAssertEqual(comment.location.page, 1)
        XCTAssertEqual(comment.location.part, "ppt/comments/comment1.xml")
        XCTAssertEqual(r.units(.comment).first { $0.fieldLabel == "コメントの作成者" }?.text, "石田 浩")
        XCTAssertEqual(r.summary.pages, 2)
        let m = try OOXMLFixture.extract("eval/press/press-07.pptx", format: .pptx)
        XCTAssertEqual(m.units(.metadata).first { $0.fieldLabel == "作成者" }?.text, "松田 俊介")
    }

    func testChartAndSmartArtText() throws {
        let p = "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        let c = "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
        let chart = """
            <c:chartSpace \(c)><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>担当者別 訪問件数</a:t></a:r></a:p></c:rich></c:tx></c:title>
            <c:plotArea><c:barChart><c:ser><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>件数</c:v></c:pt></c:strCache></c:strRef></c:tx>
            <c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f><c:strCache><c:pt idx="0"><c:v>小川 美穂</c:v></c:pt><c:pt idx="1"><c:v>岡 大輔</c:v></c:pt></c:strCache></c:strRef></c:cat>
            <c:val><c:numRef><c:numCache><c:pt idx="0"><c:v>12</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>
            """
        let diagram = """
            <dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>
            <dgm:pt modelId="1"><dgm:t><a:bodyPr/><a:p><a:r><a:t>課長 石田 浩</a:t></a:r></a:p></dgm:t></dgm:pt>
            <dgm:pt modelId="2"><dgm:t><a:bodyPr/><a:p><a:r><a:t>係長 木村 直子</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>
            """
        let data = try OOXMLZip.make([
            "_rels/.rels": OOXMLZip.rels([("rId1", "officeDocument", "ppt/presentation.xml")]),
            "ppt/_rels/presentation.xml.rels": OOXMLZip.rels([("rId2", "slide", "slides/slide1.xml")]),
            "ppt/presentation.xml": "<p:presentation \(p)><p:sldIdLst><p:sldId id=\"256\" r:id=\"rId2\"/></p:sldIdLst></p:presentation>",
            "ppt/slides/slide1.xml": "<p:sld \(p)><p:cSld><p:spTree/></p:cSld></p:sld>",
            "ppt/slides/_rels/slide1.xml.rels": OOXMLZip.rels([("rId1", "chart", "../charts/chart1.xml"), ("rId2", "diagramData", "../diagrams/data1.xml"),
                                                               ("rId3", "diagramDrawing", "../diagrams/drawing1.xml")]),
            "ppt/charts/chart1.xml": chart,
            "ppt/diagrams/data1.xml": diagram,
            "ppt/diagrams/drawing1.xml": diagram.replacingOccurrences(of: "dgm:dataModel", with: "dsp:drawing"),
        ])
        let r = try OOXMLFixture.extract(ExtractionInput(data: data, name: "chart.pptx"), format: .pptx)
        let chartUnit = try XCTUnwrap(r.units.first { $0.fieldLabel == "グラフ" })
        XCTAssertEqual(chartUnit.text, "担当者別 訪問件数\n件数\n小川 美穂\n岡 大輔", "numbers in numCache left out")
        XCTAssertEqual(chartUnit.location.page, 1)
        XCTAssertEqual(chartUnit.location.part, "ppt/charts/chart1.xml")
        let smartArt = r.units.filter { $0.fieldLabel == "SmartArt" }
        XCTAssertEqual(smartArt.map(\.text), ["課長 石田 浩\n係長 木村 直子"], "read once, from the data part")
        XCTAssertEqual(smartArt.first?.location.page, 1)
        XCTAssertEqual(smartArt.first?.source, .body)
    }

    func testShowOrderHiddenSlideAndSlideNumberFields() throws {
        let p = "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        func slide(_ text: String) -> String {
            "<p:sld \(p)><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>\(text)</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        }
        let data = try OOXMLZip.make([
            "_rels/.rels": OOXMLZip.rels([("rId1", "officeDocument", "ppt/presentation.xml")]),
            "ppt/_rels/presentation.xml.rels": OOXMLZip.rels([("rId2", "slide", "slides/slide1.xml"), ("rId3", "slide", "slides/slide2.xml")]),
            // Shown second file first: p:sldId has both id and r:id.
            "ppt/presentation.xml": "<p:presentation \(p)><p:sldIdLst><p:sldId id=\"256\" r:id=\"rId3\"/><p:sldId id=\"257\" r:id=\"rId2\"/></p:sldIdLst></p:presentation>",
            "ppt/slides/slide1.xml": slide("後のスライド").replacingOccurrences(of: "<p:sld ", with: "<p:sld show=\"0\" "),
            "ppt/slides/slide2.xml": slide("最初のスライド"),
            "ppt/slides/_rels/slide2.xml.rels": OOXMLZip.rels([("rId1", "notesSlide", "../notesSlides/notesSlide1.xml")]),
            "ppt/notesSlides/notesSlide1.xml": "<p:notes \(p)><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>説明 山田</a:t></a:r></a:p></p:txBody></p:sp><p:sp><p:txBody><a:p><a:fld id=\"{1}\" type=\"slidenum\"><a:t>1</a:t></a:fld></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>",
        ])
        let r = try OOXMLFixture.extract(ExtractionInput(data: data, name: "x.pptx"), format: .pptx)
        XCTAssertEqual(r.units.filter { $0.location.page != nil && $0.source != .notes }.map(\.text), ["最初のスライド", "後のスライド"])
        XCTAssertEqual(r.units(.body).map(\.location.page), [1])
        XCTAssertEqual(r.units(.invisibleText).map(\.location.page), [2], "a hidden slide")
        XCTAssertEqual(r.units(.notes).map(\.text), ["説明 山田"])
        XCTAssertEqual(r.units(.notes).first?.location.page, 1)
    }
}
