import Foundation
import XCTest
import SumiExtract
import SumiModel
@testable import SumiRedact
import SumiReport
import SumiTestSupport
import SumiText
import ZIPFoundation
@testable import Sumi

/// `sumi redact` on real files: what a reader can see and what a reader can get at are both
/// clean afterwards, the rest of the file is as it was, and a failed proof leaves no copy.
final class RedactionTests: XCTestCase {
    var tmp: URL!
    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-redact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func corpus(_ path: String) -> URL { TestEnvironment.root.appendingPathComponent("Corpus").appendingPathComponent(path) }

    func redact(_ url: URL, _ options: RedactionOptions = RedactionOptions()) throws -> RedactionResult {
        DocumentRedaction(scanner: try ScanTests.scanner()).redact(fileAt: url, displayPath: url.lastPathComponent, options: options)
    }

    func assertRedacted(_ r: RedactionResult, file: StaticString = #filePath, line: UInt = #line) throws -> Data {
        XCTAssertEqual(r.status, .redacted, "\(r.path): \(r.reason ?? "") \(r.message ?? "")", file: file, line: line)
        XCTAssertFalse(r.removed.isEmpty, file: file, line: line)
        XCTAssertEqual(r.leaks, [], file: file, line: line)
        XCTAssertEqual(r.remaining.count, 0, file: file, line: line)
        XCTAssertGreaterThanOrEqual(r.retention ?? 0, DocumentRedaction.minRetention, file: file, line: line)
        return try XCTUnwrap(r.output, file: file, line: line)
    }

    // MARK: text formats

    /// The CP932 roster stays CP932, with the same lines, the same number of columns per line
    /// and one mask per removed character; the names are gone.
    func testCSVInCP932KeepsItsCharsetLinesAndColumns() throws {
        let input = corpus("samples/sample-roster.csv")
        let r = try redact(input)
        let out = try assertRedacted(r)
        XCTAssertEqual(r.inputReport.encoding, "Shift_JIS")
        let before = DecodedText.decode(try Data(contentsOf: input), declared: .shiftJIS)
        let after = DecodedText.decode(out, declared: .shiftJIS)
        XCTAssertEqual(after.errorCount, 0, "the copy is valid CP932")
        // Characters: CRLF is one Character in Swift, so lines are split on any newline.
        let beforeLines = before.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let afterLines = after.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        XCTAssertEqual(beforeLines.count, afterLines.count)
        XCTAssertEqual(beforeLines.map { $0.filter { $0 == "," }.count }, afterLines.map { $0.filter { $0 == "," }.count })
        XCTAssertEqual(before.text.filter { $0 == "\r\n" || $0 == "\r" }.count, after.text.filter { $0 == "\r\n" || $0 == "\r" }.count)
        for f in r.removed { XCTAssertFalse(after.text.contains(f.text), f.label) }
        XCTAssertTrue(after.text.contains("■"))
        XCTAssertEqual(afterLines[0], beforeLines[0], "the header row is unchanged")
    }

    /// UTF-16 with its BOM and EUC-JP (written by ICU) come back in their charset.
    func testUTF16WithBOMAndEUCJPAreWrittenBackInTheirCharset() throws {
        let text = "申請者氏名：世田谷 太郎\r\n電話：03-5432-1234\r\n以上です。\r\n"
        for (name, charset, bom) in [("u16.txt", Charset.utf16LE, Data([0xFF, 0xFE])), ("euc.txt", .eucJP, Data())] {
            let url = tmp.appendingPathComponent(name)
            try (bom + Data(CharsetCodec(charset: charset).encode(text))).write(to: url)
            let out = try assertRedacted(try redact(url))
            XCTAssertTrue(out.starts(with: bom))
            let strict = DecodedText.decode(Data(out), declared: charset)
            XCTAssertEqual(strict.errorCount, 0, name)
            let decoded = strict.text
            XCTAssertFalse(decoded.contains("太郎"), name)
            XCTAssertFalse(decoded.contains("5432-1234"), name)
            XCTAssertTrue(decoded.contains("以上です。\r\n"), name)
            XCTAssertEqual(decoded.count, text.count, "one mask per character: \(name)")
        }
    }

    /// The press release's comment held a home address: the comment goes, the markup stays.
    func testHTMLCommentsHoldingAFindingAreRemovedAndTheMarkupKept() throws {
        let input = corpus("samples/sample-press.html")
        let r = try redact(input)
        let out = String(decoding: try assertRedacted(r), as: UTF8.self)
        let original = try String(contentsOf: input, encoding: .utf8)
        XCTAssertTrue(original.contains("<!--"))
        XCTAssertFalse(out.contains("講師の自宅"))
        XCTAssertEqual(out.components(separatedBy: "<p").count, original.components(separatedBy: "<p").count)
        XCTAssertTrue(out.contains("<meta charset") || out.contains("charset="), "the charset declaration is kept")
        let sanitized = try redact(input, { var o = RedactionOptions(); o.sanitize = true; return o }())
        XCTAssertFalse(String(decoding: try assertRedacted(sanitized), as: UTF8.self).contains("<!--"))
    }

    // MARK: Office

    /// A name split over two runs, an author attribute, a number cell: the XML part redactor.
    func testXMLPartsLoseNamesSplitOverRunsAuthorsAndNumberCells() {
        var x = XMLTextRedactor(needles: [Array("世田谷 太郎".utf16), Array("090-1234-5678".utf16)], mask: "■")
        let doc = #"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>申請者 世田谷</w:t></w:r><w:r><w:t xml:space="preserve"> 太郎</w:t></w:r></w:p><w:p><w:ins w:author="世田谷 太郎"><w:r><w:t>A&amp;B 太郎</w:t></w:r></w:ins></w:p>"#
        let (out, n) = x.redact(doc)
        XCTAssertEqual(n, 2)
        XCTAssertEqual(out, #"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>申請者 ■■■</w:t></w:r><w:r><w:t xml:space="preserve">■■■</w:t></w:r></w:p><w:p><w:ins w:author="■■■■■■"><w:r><w:t>A&amp;B 太郎</w:t></w:r></w:ins></w:p>"#)
        x.cells = ["C4"]
        let sheet = #"<row r="4"><c r="A4" t="s"><v>3</v></c><c r="C4" s="1" t="n"><v>9012345678</v></c></row>"#
        XCTAssertEqual(x.redact(sheet).0, #"<row r="4"><c r="A4" t="s"><v>3</v></c><c t="inlineStr" r="C4" s="1"><is><t>■■■■■■■■■■</t></is></c></row>"#)
    }

    func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive where entry.type == .file {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            out[entry.path] = String(decoding: d, as: UTF8.self)
        }
        return out
    }

    /// Hidden text, tracked changes, comments, properties, hidden sheets, phones stored as
    /// numbers, speaker notes: gone from every part of the package; the thumbnail too.
    func testOfficeHiddenPlacesAreRedactedInEveryPart() throws {
        for path in ["eval/office/office-01.docx", "eval/office/office-02.xlsx", "eval/office/office-03.pptx",
                     "samples/sample-minutes.docx", "samples/sample-roster.xlsx", "samples/sample-slides.pptx"] {
            let r = try redact(corpus(path))
            let out = try assertRedacted(r)
            let p = try parts(out)
            XCTAssertFalse(p.keys.contains { $0.lowercased().hasPrefix("docprops/thumbnail") }, path)
            for f in r.removed where f.text.count >= 2 {
                for (name, xml) in p { XCTAssertFalse(xml.contains(XMLEscaping.escape(f.text, attribute: false)), "\(path) \(name) still has a \(f.label)") }
            }
            XCTAssertEqual(Set(p.keys), try Set(parts(Data(contentsOf: corpus(path))).keys.filter { !$0.lowercased().hasPrefix("docprops/thumbnail") }), path)
        }
    }

    func testPhonesStoredAsNumbersBecomeMaskedCells() throws {
        let r = try redact(corpus("eval/office/office-02.xlsx"))
        let sheet = try XCTUnwrap(parts(try assertRedacted(r))["xl/worksheets/sheet1.xml"])
        XCTAssertFalse(sheet.contains("9012345678"))
        XCTAssertTrue(sheet.contains(#"t="inlineStr" r="C4""#))
    }

    // MARK: PDF

    func pdftotext(_ data: Data) throws -> String {
        let file = tmp.appendingPathComponent("check-\(UUID().uuidString).pdf")
        try data.write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-layout", file.path, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: out, as: UTF8.self)
    }

    /// The form's values go, its labels (on the same lines) and the other lines stay; the text
    /// under a drawn black box (a fake redaction) is removed for real.
    func testPDFValuesAreRemovedLabelsKeptAndFakeRedactionsMadeReal() throws {
        let app = try redact(corpus("samples/sample-application.pdf"))
        let text = try pdftotext(try assertRedacted(app))
        for label in ["印鑑登録申請書", "住所", "氏名", "生年月日", "電話", "本人確認書類", "運転免許証"] { XCTAssertTrue(text.contains(label), label) }
        for f in app.removed { XCTAssertFalse(text.replacingOccurrences(of: " ", with: "").contains(f.text.replacingOccurrences(of: " ", with: "")), f.label) }
        let hidden = try redact(corpus("eval/pdf/pdf-hidden.pdf"))
        XCTAssertTrue(hidden.inputReport.notices.contains { $0.code == NoticeCode.coveredText })
        let out = try assertRedacted(hidden)
        let covered = hidden.inputReport.findings.filter { $0.source == .covered }
        XCTAssertFalse(covered.isEmpty)
        let after = try pdftotext(out).replacingOccurrences(of: " ", with: "")
        for f in covered { XCTAssertFalse(after.contains(f.text.replacingOccurrences(of: " ", with: "")), "text under the black box is gone") }
        XCTAssertFalse(try ScanTests.scanner().scan(data: out, name: "x.pdf").notices.contains { $0.code == NoticeCode.coveredText })
    }

    // MARK: fail-closed

    /// A name the redactor cannot find in the bytes (written as character references) but the
    /// scanner reads: the re-scan still finds it, so there is no copy.
    func testAFailedProofLeavesNoCopy() throws {
        let url = tmp.appendingPathComponent("entity.html")
        try Data("<html><body><p>申請者：&#x4E16;&#x7530;&#x8C37; &#x592A;&#x90CE;（電話 03-5432-1234）</p></body></html>".utf8).write(to: url)
        let r = try redact(url)
        XCTAssertEqual(r.status, .failed)
        XCTAssertEqual(r.reason, "proof_failed")
        XCTAssertNil(r.output)
        XCTAssertFalse(r.remaining.isEmpty)
    }

    func testIncompleteInputIsRefusedUnlessAllowed() throws {
        let r = try redact(corpus("eval/pdf/pdf-scanned.pdf"))
        XCTAssertEqual(r.status, .refused)
        XCTAssertEqual(r.reason, "incomplete")
        XCTAssertNil(r.output)
    }

    /// The CLI: a copy beside the original under NAME.redacted.EXT, the original untouched,
    /// exit 0; exit 3 for a refused input and 4 for a failed proof, with no file left for either.
    func testCLIWritesBesideTheOriginalAndNeverLeavesAFailedCopy() throws {
        let good = tmp.appendingPathComponent("opinion.txt")
        try FileManager.default.copyItem(at: corpus("samples/sample-opinion.txt"), to: good)
        let before = try Data(contentsOf: good)
        let ok = try CLITests.run(["redact", "--report", tmp.appendingPathComponent("r.json").path, good.path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try Data(contentsOf: good), before, "the original is never changed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("opinion.redacted.txt").path))
        let report = try String(contentsOf: tmp.appendingPathComponent("r.json"), encoding: .utf8)
        XCTAssertFalse(report.contains("はると"), "no personal text in the report without --show-text")
        let bad = tmp.appendingPathComponent("entity.html")
        try Data("<p>申請者：&#x4E16;&#x7530;&#x8C37; &#x592A;&#x90CE;</p>".utf8).write(to: bad)
        let failed = try CLITests.run(["redact", bad.path])
        XCTAssertEqual(failed.status, 4, failed.stderr)
        let scanned = tmp.appendingPathComponent("scan.pdf")
        try FileManager.default.copyItem(at: corpus("eval/pdf/pdf-scanned.pdf"), to: scanned)
        XCTAssertEqual(try CLITests.run(["redact", scanned.path]).status, 3)
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
        XCTAssertFalse(left.contains { $0.contains("entity.redacted") || $0.contains("scan.redacted") || $0.hasSuffix(".tmp") }, "\(left)")
    }
}
