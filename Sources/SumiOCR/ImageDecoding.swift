import CTesseract
import Foundation
import SumiExtract

/// Encoded images → Leptonica images for Tesseract, with the size checked from the header
/// before anything is decompressed: a 40 kB PNG can claim 50,000 × 50,000 pixels.
enum ImageDecoding {
    /// Every page of the image (a TIFF may hold many), 8-bit gray. The caller destroys them.
    static func decode(_ data: Data, maxPixels: Int) throws -> [UnsafeMutablePointer<PIX>] {
        try data.withUnsafeBytes { raw -> [UnsafeMutablePointer<PIX>] in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress, raw.count > 0 else { throw RecognitionError.undecodable }
            var format: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
            guard pixReadHeaderMem(base, raw.count, &format, &w, &h, &bps, &spp, &cmap) == 0 else { throw RecognitionError.undecodable }
            if !isTIFF(format) {
                try check(Int(w), Int(h), maxPixels)
                guard let pix = pixReadMem(base, raw.count) else { throw RecognitionError.undecodable }
                return [gray(pix)]
            }
            var pages: [UnsafeMutablePointer<PIX>] = []
            var n: Int32 = 0
            var res: Int32 = 0
            // Page by page, each header checked first; at most 500 pages of one TIFF.
            while n < 500, readHeaderMemTiff(base, raw.count, n, &w, &h, &bps, &spp, &res, &cmap, &format) == 0 {
                do { try check(Int(w), Int(h), maxPixels) } catch {
                    destroy(pages)
                    throw error
                }
                guard let pix = pixReadMemTiff(base, raw.count, n) else { break }
                pages.append(gray(pix))
                n += 1
            }
            guard !pages.isEmpty else { throw RecognitionError.undecodable }
            return pages
        }
    }

    static func destroy(_ pages: [UnsafeMutablePointer<PIX>]) {
        for p in pages {
            var o: UnsafeMutablePointer<PIX>? = p
            pixDestroy(&o)
        }
    }

    private static func check(_ w: Int, _ h: Int, _ maxPixels: Int) throws {
        guard w > 0, h > 0 else { throw RecognitionError.undecodable }
        if w * h > maxPixels { throw RecognitionError.tooLarge(width: w, height: h) }
    }

    private static func isTIFF(_ format: Int32) -> Bool {
        (Int32(IFF_TIFF)...Int32(IFF_TIFF_ZIP)).contains(format) || format == Int32(IFF_TIFF_JPEG)
    }

    /// 8-bit gray (colour and colour maps dropped, 1-bit scans widened), keeping the resolution.
    private static func gray(_ pix: UnsafeMutablePointer<PIX>) -> UnsafeMutablePointer<PIX> {
        guard pixGetDepth(pix) != 8 || pixGetColormap(pix) != nil, let g = pixConvertTo8(pix, 0) else { return pix }
        var old: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&old)
        return g
    }
}
