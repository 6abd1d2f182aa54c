import Foundation
import XCTest
@testable import SumiText

final class DecodingTests: XCTestCase {
    func decode(_ bytes: [UInt8]) -> DecodedText { DecodedText.decode(Data(bytes)) }

    func testShiftJISWithNECAndIBMExtensions() {
        // 髙 (IBM extension FB FC), ① (NEC 87 40), ㈱ (NEC 87 8D), 日本 (93 FA 96 7B)
        let d = decode([0xFB, 0xFC, 0x8B, 0xB4, 0x87, 0x40, 0x87, 0x8A, 0x93, 0xFA, 0x96, 0x7B, 0x82, 0xC5, 0x82, 0xB7])
        XCTAssertEqual(d.charset.name, "Shift_JIS")
        XCTAssertEqual(d.text, "髙橋①㈱日本です")
        XCTAssertEqual(d.errorCount, 0)
        // The NEC-selected IBM extension code for 髙 (EE E0), as Python's cp932 writes it.
        XCTAssertEqual(decode([0xEE, 0xE0, 0x8B, 0xB4, 0x82, 0xB3, 0x82, 0xF1]).text, "髙橋さん")
    }

    func testEUCJP() {
        // 日本語のテキストです in EUC-JP
        let text = "日本語のテキストです。住所は世田谷区です。"
        let bytes = encode(text, "EUC-JP")
        let d = decode(bytes)
        XCTAssertEqual(d.charset.name, "EUC-JP")
        XCTAssertEqual(d.text, text)
    }

    func testUTF16WithAndWithoutBOM() {
        let text = "孫のはるとは喜多見に住んでいます"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(decode(le).text, text)
        XCTAssertEqual(decode(le).charset.name, "UTF-16LE")
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(decode(be).text, text)
        let ascii = "Name: Taro YAMADA, TEL 03-1234-5678"
        let bomless: [UInt8] = ascii.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(decode(bomless).text, ascii)
    }

    func testUTF8WithBOMAndISO2022JP() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("氏名 山田".utf8)
        XCTAssertEqual(decode(bom).text, "氏名 山田")
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42] // 日本
        let d = decode(jis)
        XCTAssertEqual(d.charset.name, "ISO-2022-JP")
        XCTAssertEqual(d.text, "日本")
    }

    func testInvalidUTF8InTheMiddleIsCounted() {
        var bytes = Array(String(repeating: "世田谷区の意見募集について。", count: 20).utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE, 0xC0], at: 90)
        let d = decode(bytes)
        XCTAssertEqual(d.charset.name, "UTF-8")
        XCTAssertGreaterThan(d.errorCount, 0)
        XCTAssertTrue(d.text.contains("\u{FFFD}"))
    }

    func testStreamingDecoderHandlesCharacterSplitAcrossChunks() {
        let bytes: [UInt8] = [0x93, 0xFA, 0x96, 0x7B] // 日本 in Shift_JIS
        let decoder = StreamingDecoder(.shiftJIS)!
        var out: [UInt16] = []
        bytes[0..<3].withUnsafeBytes { out += decoder.decode($0, flush: false) }
        bytes[3...].withUnsafeBytes { out += decoder.decode($0, flush: true) }
        XCTAssertEqual(String(decoding: out, as: UTF16.self), "日本")
        XCTAssertEqual(decoder.errorCount, 0)
    }

    func testBinaryIsRecognized() {
        let garbage: [UInt8] = (0..<2000).map { UInt8(($0 * 7919) % 256) }
        garbage.withUnsafeBytes { raw in
            XCTAssertTrue(CharsetGuesser.looksBinary(raw, charset: CharsetGuesser.guess(raw)))
        }
    }

    /// Encodes with ICU through a decoder round trip is not possible, so use iconv from the C library.
    func encode(_ text: String, _ charset: String) -> [UInt8] {
        let cd = iconv_open(charset, "UTF-8")
        XCTAssertNotEqual(cd, iconv_t(bitPattern: -1))
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4)
        var inLeft = input.count, outLeft = output.count
        input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = ib.baseAddress
                var op: UnsafeMutablePointer<CChar>? = ob.baseAddress
                _ = iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
    }
}
