import Foundation
import SumiModel

/// Limits that keep one bad file from stopping or starving a batch.
public struct ExtractionLimits: Sendable {
    /// Wall-clock budget per file; past it the extractor stops and the file is `incomplete`.
    public var timePerFile: Double
    /// Largest total uncompressed size read from a package (zip bomb guard).
    public var maxUncompressedBytes: Int64
    /// Largest ratio of uncompressed to compressed size in a package.
    public var maxCompressionRatio: Double
    /// Nesting depth for attachments inside attachments.
    public var maxAttachmentDepth: Int

    public init(timePerFile: Double = 120, maxUncompressedBytes: Int64 = 1 << 30,
                maxCompressionRatio: Double = 200, maxAttachmentDepth: Int = 3) {
        self.timePerFile = timePerFile
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxAttachmentDepth = maxAttachmentDepth
    }
}

/// What an extractor reads: a file on disk or bytes in memory (stdin, an attachment).
public struct ExtractionInput: Sendable {
    /// The file, when it is on disk. Extractors that can stream prefer it.
    public var url: URL?
    /// The bytes, when they are in memory.
    public var data: Data?
    /// Display name (the path, or the attachment's name).
    public var name: String
    public var limits: ExtractionLimits
    /// When the time budget for this file runs out.
    public var deadline: Date
    /// How deep inside attachments this input is (0 for a file the user named).
    public var depth: Int
    /// Threads the extractor may use for this file (a scan of one large PDF on an idle
    /// machine); 1 in a batch, where every core already reads its own file.
    public var readers = 1
    /// OCR for text that is only in images (scanned pages, pictures); nil: images are not read
    /// (`--no-ocr`, or no engine), and pages that are only images stay `image_only_page`.
    public var ocr: OCRSettings?

    public init(url: URL? = nil, data: Data? = nil, name: String, limits: ExtractionLimits = ExtractionLimits(),
                deadline: Date? = nil, depth: Int = 0) {
        self.url = url; self.data = data; self.name = name; self.limits = limits
        self.deadline = deadline ?? Date().addingTimeInterval(limits.timePerFile)
        self.depth = depth
    }

    /// The whole input as bytes (reads the file if needed).
    public func readAll() throws -> Data {
        if let data { return data }
        guard let url else { throw ExtractionError(code: NoticeCode.readError, message: "入力がありません。") }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ExtractionError(code: NoticeCode.readError, message: "ファイルを読み込めませんでした: \(error.localizedDescription)")
        }
    }

    public var timeIsUp: Bool { Date() >= deadline }
}

/// A file that cannot be read at all. `code` is stable for machines; `message` is Japanese for people.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public init(code: String, message: String) { self.code = code; self.message = message }
    public var description: String { "\(code): \(message)" }
}

/// Reads one format. Emits units as soon as they are ready so that memory stays
/// bounded per page or chunk, and returns what it learned (notices, pages, encoding).
/// Throws `ExtractionError` only when nothing of the file could be read.
public protocol Extractor: Sendable {
    func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary
}
