import Foundation
import SumiModel
import SumiText

/// Plain text in any of the charsets municipal files use, read in chunks so that a
/// 200 MB file does not need 200 MB of text in memory. Each chunk ends at a line
/// break and the next repeats the last line, so a match across the edge is not lost.
public struct PlainTextExtractor: Extractor {
    /// Chunk size in UTF-16 units. 64 K: a chunk is also the unit the rule stage checks the
    /// time limit between, and text dense with personal data (a roster: a finding every few
    /// hundred bytes) takes about 0.35 s per 64 K in a debug build and 0.02 s in release, so
    /// a time limit holds to within about that. The 512-unit overlap costs 0.8 %.
    public var chunkUnits: Int
    /// Longest overlap repeated from the previous chunk.
    public var overlapUnits: Int

    /// The format the report names (a CSV too large or too odd to read as a table is read
    /// as text, and is still a csv file).
    public var reportedFormat: FileFormat = .txt

    public init(chunkUnits: Int = 1 << 16, overlapUnits: Int = 512) {
        self.chunkUnits = chunkUnits
        self.overlapUnits = overlapUnits
    }

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        let reader = try ByteReader(input)
        let sample = try reader.head(1 << 16)
        if sample.isEmpty {
            return ExtractionSummary(format: reportedFormat, encoding: nil, notices: [
                Notice.emptyFile,
            ])
        }
        let charset = sample.withUnsafeBytes { CharsetGuesser.guess($0) }
        if sample.withUnsafeBytes({ CharsetGuesser.looksBinary($0, charset: charset) }) {
            throw ExtractionError(code: NoticeCode.decodeErrors,
                                  message: "テキストとして読めないバイナリデータです。正しい形式で保存し直すか、内容を目視で確認してください。")
        }
        // A .txt that is really a tab-separated table (a roster pasted from Excel) is read
        // as one, so each cell gets its column header as context (a bare 201-0003 under
        // 郵便番号 is a postal code). Only small files: tables are not 200 MB.
        if reportedFormat == .txt, reader.size.map({ $0 <= CSVExtractor.maxBytes }) == true,
           TableSniffer.isTabSeparated(DecodedText.decode(sample, declared: charset).text) {
            return try CSVExtractor(reportedFormat: .txt, delimiter: "\t").extract(input, emit: emit)
        }
        guard let decoder = StreamingDecoder(charset) else {
            throw ExtractionError(code: NoticeCode.decodeErrors, message: "文字コード \(charset.name) を扱えません。")
        }
        var chunker = TextChunker(chunkUnits: chunkUnits, overlapUnits: overlapUnits)
        var timedOut = false
        try reader.forEachChunk(size: 1 << 20) { bytes, isLast in
            let units = bytes.withUnsafeBytes { decoder.decode($0, flush: isLast) }
            try chunker.append(units, final: isLast, emit: emit)
            if input.timeIsUp { timedOut = true; return false }
            return true
        }
        if timedOut { try chunker.flush(emit: emit) }
        var notices: [Notice] = []
        if decoder.errorCount > 0 {
            notices.append(Notice.decodeErrors(charset: charset.name, count: decoder.errorCount))
        }
        if timedOut {
            notices.append(Notice.timeLimit)
        }
        return ExtractionSummary(format: reportedFormat, encoding: charset.name, notices: notices)
    }
}

/// Splits a stream of UTF-16 text into units at line breaks, with overlap, tracking
/// line numbers and scalar offsets for each unit.
struct TextChunker {
    let chunkUnits: Int
    let overlapUnits: Int
    private var buffer: [UInt16] = []
    /// Leading units of `buffer` repeated from the previous unit.
    private var overlap = 0
    private var nextLine = 1
    private var scalarBase = 0
    private var pendingCR = false

    init(chunkUnits: Int, overlapUnits: Int) {
        self.chunkUnits = chunkUnits
        self.overlapUnits = overlapUnits
    }

    mutating func append(_ units: [UInt16], final: Bool, emit: (TextUnit) throws -> Void) throws {
        buffer.append(contentsOf: units)
        while buffer.count - overlap >= chunkUnits {
            try cut(at: cutPoint(), emit: emit)
        }
        if final { try flush(emit: emit) }
    }

    mutating func flush(emit: (TextUnit) throws -> Void) throws {
        if buffer.count > overlap { try cut(at: buffer.count, emit: emit) }
        buffer.removeAll()
        overlap = 0
    }

    /// After the last line break in the chunk, or at the chunk size (never inside a surrogate pair).
    private func cutPoint() -> Int {
        let limit = overlap + chunkUnits
        var i = limit
        while i > overlap + chunkUnits / 2 {
            if buffer[i - 1] == 0x0A { return i }
            i -= 1
        }
        var c = limit
        if c < buffer.count, UTF16.isTrailSurrogate(buffer[c]) { c -= 1 }
        return c
    }

    private mutating func cut(at end: Int, emit: (TextUnit) throws -> Void) throws {
        let slice = Array(buffer[0..<end])
        let overlapScalars = countScalars(slice[0..<overlap])
        // The overlap's lines were counted with the previous unit.
        let overlapLines = countLines(slice[0..<overlap])
        try emit(TextUnit(utf16: slice, source: .body, firstLine: nextLine - overlapLines,
                          offsetBase: scalarBase - overlapScalars, overlapPrefix: overlapScalars))
        let fresh = slice[overlap..<end]
        nextLine += countLines(fresh)
        scalarBase += countScalars(fresh)
        // Repeat the last lines (at most `overlapUnits`, starting at a line start) in the next unit.
        var start = max(0, end - overlapUnits)
        if let nl = buffer[start..<end].firstIndex(of: 0x0A), nl + 1 < end { start = nl + 1 }
        if start < end, UTF16.isTrailSurrogate(buffer[start]) { start += 1 }
        buffer.removeSubrange(0..<start)
        overlap = end - start
    }

    private mutating func countLines(_ s: ArraySlice<UInt16>) -> Int {
        var n = 0
        var prevCR = false
        for u in s {
            if u == 0x0A { if !prevCR { n += 1 } ; prevCR = false }
            else if u == 0x0D { n += 1; prevCR = true }
            else { prevCR = false }
        }
        return n
    }

    private func countScalars(_ s: ArraySlice<UInt16>) -> Int {
        var n = 0
        for u in s where !UTF16.isTrailSurrogate(u) { n += 1 }
        return n
    }
}

/// Reads a file or an in-memory buffer in chunks.
struct ByteReader {
    let input: ExtractionInput

    init(_ input: ExtractionInput) throws { self.input = input }

    /// Size in bytes, when known.
    var size: Int? {
        if let data = input.data { return data.count }
        guard let url = input.url,
              let n = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber else { return nil }
        return n.intValue
    }

    func head(_ n: Int) throws -> Data {
        if let data = input.data { return data.prefix(n) }
        guard let url = input.url else { return Data() }
        guard let h = FileHandle(forReadingAtPath: url.path) else {
            throw ExtractionError(code: NoticeCode.readError, message: "ファイルを開けません（権限がないか、存在しません）。")
        }
        defer { try? h.close() }
        return (try? h.read(upToCount: n)) ?? Data()
    }

    /// Calls `body` with consecutive chunks; `body` returns false to stop early.
    func forEachChunk(size: Int, _ body: (Data, Bool) throws -> Bool) throws {
        if let data = input.data {
            var offset = 0
            repeat {
                let end = min(data.count, offset + size)
                if try !body(data.subdata(in: offset..<end), end == data.count) { return }
                offset = end
            } while offset < data.count
            return
        }
        guard let url = input.url, let h = FileHandle(forReadingAtPath: url.path) else {
            throw ExtractionError(code: NoticeCode.readError, message: "ファイルを開けません（権限がないか、存在しません）。")
        }
        defer { try? h.close() }
        var current = try h.read(upToCount: size) ?? Data()
        while true {
            let next = current.count < size ? Data() : (try h.read(upToCount: size) ?? Data())
            let isLast = next.isEmpty
            if try !body(current, isLast) || isLast { return }
            current = next
        }
    }
}
