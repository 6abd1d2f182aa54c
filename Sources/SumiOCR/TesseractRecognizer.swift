import CTesseract
import Foundation
import SumiExtract
import SumiModel

/// OCR with Tesseract's C API and Debian's Japanese models (`jpn`, `jpn_vert`).
///
/// Horizontal first; a page read with low confidence is read again with the vertical model
/// and the better reading kept (Debian ships no orientation model, `osd`, and a vertical page
/// read as horizontal gives scattered characters at a low confidence). Engines are costly to
/// start (the `jpn` model is 2.4 MB of LSTM weights, about 0.2 s), so they are kept in a pool
/// and reused; each is used by one thread at a time.
public final class TesseractRecognizer: TextRecognizer, @unchecked Sendable {
    /// Where the models are: `TESSDATA_PREFIX`, else Debian's place. `SUMI_TESSDATA` replaces
    /// both (tests point it at an empty directory to be a machine without OCR).
    public static let dataPath: String? = {
        let env = ProcessInfo.processInfo.environment
        var candidates = ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"]
        if let custom = env["TESSDATA_PREFIX"] { candidates.insert(custom, at: 0) }
        if let only = env["SUMI_TESSDATA"] { candidates = [only] }
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/jpn.traineddata") }
    }()

    /// The recognizer of this process, or nil when Tesseract's Japanese model is missing.
    public static let shared: TesseractRecognizer? = dataPath.map { TesseractRecognizer(dataPath: $0) }

    /// A horizontal reading below this mean confidence is tried again as vertical writing.
    static let retryVerticalBelow = 0.75

    private let dataPath: String
    private let hasVertical: Bool
    private let lock = NSLock()
    private var idle: [String: [OpaquePointer]] = [:]

    init(dataPath: String) {
        self.dataPath = dataPath
        hasVertical = FileManager.default.fileExists(atPath: "\(dataPath)/jpn_vert.traineddata")
        // One OpenMP thread per engine is set before start: see OpenMPThreads.
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))   // Leptonica's warnings would go to stderr
    }

    public func recognize(_ image: GrayImage, timeLimit: Double) throws -> RecognizedText {
        try image.pixels.withUnsafeBufferPointer { buffer in
            try best(timeLimit: timeLimit, width: image.width, height: image.height) { api in
                TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
                if let dpi = image.dpi { TessBaseAPISetSourceResolution(api, Int32(dpi)) }
            }
        }
    }

    public func recognize(encoded: Data, maxPixels: Int, timeLimit: Double) throws -> [RecognizedText] {
        let pages = try ImageDecoding.decode(encoded, maxPixels: maxPixels)
        defer { ImageDecoding.destroy(pages) }
        let started = Date()
        return try pages.map { pix in
            let left = timeLimit - Date().timeIntervalSince(started)
            guard left > 0 else { throw RecognitionError.timeLimit }
            return try best(timeLimit: left, width: Int(pixGetWidth(pix)), height: Int(pixGetHeight(pix))) { api in
                TessBaseAPISetImage2(api, pix)
                // Many scans carry no resolution: Tesseract would guess 70 dpi and warn.
                if pixGetXRes(pix) < 70 { TessBaseAPISetSourceResolution(api, 300) }
            }
        }
    }

    /// Reads with the horizontal model, and with the vertical one when that reading is poor.
    private func best(timeLimit: Double, width: Int, height: Int, setImage: (OpaquePointer) -> Void) throws -> RecognizedText {
        let started = Date()
        var horizontal = try read(language: "jpn", vertical: false, timeLimit: timeLimit, width: width, height: height, setImage: setImage)
        guard hasVertical, horizontal.meanConfidence < Self.retryVerticalBelow else { return horizontal }
        let left = timeLimit - Date().timeIntervalSince(started)
        guard left > 1 else { return horizontal }
        let vertical = try read(language: "jpn_vert", vertical: true, timeLimit: left, width: width, height: height, setImage: setImage)
        if vertical.meanConfidence > horizontal.meanConfidence + 0.05 { return vertical }
        horizontal.meanConfidence = max(horizontal.meanConfidence, 0)
        return horizontal
    }

    private func read(language: String, vertical: Bool, timeLimit: Double, width: Int, height: Int,
                      setImage: (OpaquePointer) -> Void) throws -> RecognizedText {
        guard let api = take(language) else { throw RecognitionError.undecodable }
        defer { give(api, language) }
        setImage(api)
        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(max(1, min(timeLimit, 600)) * 1000))
        let started = Date()
        let status = TessBaseAPIRecognize(api, monitor)
        defer { TessBaseAPIClear(api) }
        if Date().timeIntervalSince(started) >= timeLimit { throw RecognitionError.timeLimit }
        guard status == 0 else { throw RecognitionError.undecodable }
        let mean = Double(TessBaseAPIMeanTextConf(api)) / 100
        return RecognizedText(lines: Self.lines(api), meanConfidence: max(0, mean), vertical: vertical, width: width, height: height)
    }

    /// The reading as lines of glyphs, walking Tesseract's result symbol by symbol.
    private static func lines(_ api: OpaquePointer) -> [[RecognizedGlyph]] {
        guard let it = TessBaseAPIGetIterator(api) else { return [] }
        defer { TessResultIteratorDelete(it) }
        let page = TessResultIteratorGetPageIterator(it)
        var lines: [[RecognizedGlyph]] = []
        var line: [RecognizedGlyph] = []
        repeat {
            guard let raw = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL) else { continue }
            let text = String(cString: raw)
            TessDeleteText(raw)
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0, !line.isEmpty {
                lines.append(line)
                line = []
            }
            var x0: Int32 = 0, y0: Int32 = 0, x1: Int32 = 0, y1: Int32 = 0
            _ = TessPageIteratorBoundingBox(page, RIL_SYMBOL, &x0, &y0, &x1, &y1)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            line.append(RecognizedGlyph(
                text: trimmed, box: BoundingBox(x0: Double(x0), y0: Double(y0), x1: Double(x1), y1: Double(y1)),
                confidence: Float(TessResultIteratorConfidence(it, RIL_SYMBOL) / 100),
                startsWord: TessPageIteratorIsAtBeginningOf(page, RIL_WORD) != 0))
        } while TessResultIteratorNext(it, RIL_SYMBOL) != 0
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private func take(_ language: String) -> OpaquePointer? {
        lock.lock()
        if let api = idle[language]?.popLast() { lock.unlock(); return api }
        lock.unlock()
        guard let api = TessBaseAPICreate() else { return nil }
        guard TessBaseAPIInit3(api, dataPath, language) == 0 else { TessBaseAPIDelete(api); return nil }
        // Layout as a page of blocks (forms, letters); no dictionary of English words.
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        return api
    }

    private func give(_ api: OpaquePointer, _ language: String) {
        lock.lock()
        idle[language, default: []].append(api)
        lock.unlock()
    }
}
