import Foundation
import SumiModel

/// Remembers what was read from identical images in this process, keyed by the SHA-256 of
/// their pixels (or encoded bytes): an archive holds the same scanned attachment, logo or
/// stamp many times, and Tesseract takes about a second per page where hashing the page
/// takes a few milliseconds. On the 2,000-file archive bench (copies of Corpus/) OCR of one
/// scanned PDF's copies was most of the time. Only finished reads are kept (an error or a
/// time limit is tried again); at most `capacity` images, oldest out first.
public final class MemoizedRecognizer: TextRecognizer, @unchecked Sendable {
    private let base: any TextRecognizer
    private let capacity: Int
    private let lock = NSLock()
    private var pages: [String: RecognizedText] = [:]
    private var files: [String: [RecognizedText]] = [:]
    private var order: [String] = []

    public init(_ base: any TextRecognizer, capacity: Int = 256) {
        self.base = base
        self.capacity = max(1, capacity)
    }

    public func recognize(_ image: GrayImage, timeLimit: Double) throws -> RecognizedText {
        var h = SHA256()
        h.update("\(image.width)x\(image.height)@\(image.dpi ?? 0):")
        image.pixels.withUnsafeBytes { h.update($0) }
        let key = "p" + h.hexDigest()
        if let hit = lock.withLock({ pages[key] }) { return hit }
        let read = try base.recognize(image, timeLimit: timeLimit)
        lock.withLock { remember(key) { pages[key] = read } }
        return read
    }

    public func recognize(encoded: Data, maxPixels: Int, timeLimit: Double) throws -> [RecognizedText] {
        var h = SHA256()
        h.update("\(maxPixels):")
        encoded.withUnsafeBytes { h.update($0) }
        let key = "f" + h.hexDigest()
        if let hit = lock.withLock({ files[key] }) { return hit }
        let read = try base.recognize(encoded: encoded, maxPixels: maxPixels, timeLimit: timeLimit)
        lock.withLock { remember(key) { files[key] = read } }
        return read
    }

    /// Stores under `key` (caller holds the lock), dropping the oldest entry when full.
    private func remember(_ key: String, _ store: () -> Void) {
        if pages[key] == nil && files[key] == nil { order.append(key) }
        store()
        while order.count > capacity {
            let old = order.removeFirst()
            pages[old] = nil
            files[old] = nil
        }
    }
}
