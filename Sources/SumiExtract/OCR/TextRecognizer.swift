import Foundation
import SumiModel

/// An 8-bit grayscale raster (row-major, one byte a pixel, 0 black … 255 white).
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]
    /// Resolution the image was made at, when known (a PDF page rendered at 300 dpi).
    public var dpi: Int?

    public init(width: Int, height: Int, pixels: [UInt8], dpi: Int? = nil) {
        self.width = width; self.height = height; self.pixels = pixels; self.dpi = dpi
    }
}

/// One character read from an image, with its box (image pixels, origin top-left) and how
/// sure the engine is of it (0–1).
public struct RecognizedGlyph: Sendable {
    public var text: String
    public var box: BoundingBox
    public var confidence: Float
    /// The glyph begins a word (the engine's word segmentation).
    public var startsWord: Bool

    public init(text: String, box: BoundingBox, confidence: Float, startsWord: Bool) {
        self.text = text; self.box = box; self.confidence = confidence; self.startsWord = startsWord
    }
}

/// What OCR read from one image: lines of glyphs in reading order.
public struct RecognizedText: Sendable {
    public var lines: [[RecognizedGlyph]]
    /// Mean word confidence of the image (0–1), the engine's own figure.
    public var meanConfidence: Double
    /// Read as vertical writing (columns right to left).
    public var vertical: Bool
    public var width: Int
    public var height: Int

    public init(lines: [[RecognizedGlyph]], meanConfidence: Double, vertical: Bool, width: Int, height: Int) {
        self.lines = lines; self.meanConfidence = meanConfidence; self.vertical = vertical
        self.width = width; self.height = height
    }

    public var isEmpty: Bool { lines.allSatisfy(\.isEmpty) }
}

/// Why an image could not be read by OCR.
public enum RecognitionError: Error, Sendable {
    /// The image's header says it is larger than `OCRSettings.maxPixels` (a decompression bomb).
    case tooLarge(width: Int, height: Int)
    /// Not an image the decoder knows, or damaged.
    case undecodable
    /// The page's OCR time ran out.
    case timeLimit
}

/// Reads text with boxes from images: the only thing the extractors know of OCR. The engine
/// (Tesseract, in SumiOCR) is handed in through `ExtractionInput.ocr`, so SumiExtract neither
/// links it nor needs it installed.
public protocol TextRecognizer: Sendable {
    /// Reads a rendered page or picture.
    func recognize(_ image: GrayImage, timeLimit: Double) throws -> RecognizedText
    /// Decodes an encoded image (PNG, JPEG, TIFF with all its pages, BMP, GIF, WebP) and reads
    /// each page; refuses images larger than `maxPixels` before decoding them.
    func recognize(encoded: Data, maxPixels: Int, timeLimit: Double) throws -> [RecognizedText]
}

/// Whether and how OCR runs for a file.
public struct OCRSettings: Sendable {
    public var recognizer: any TextRecognizer
    /// Resolution PDF pages are rendered at for OCR (Tesseract reads 300 dpi best).
    public var dpi: Double = 300
    /// Mean confidence from which an OCR'd page counts as read (with notice `ocr_text`);
    /// below it the page stays `image_only_page` and the file `incomplete`.
    public var minConfidence: Double = 0.6
    /// Seconds of OCR per page at most.
    public var pageTimeLimit: Double = 30
    /// Largest image decoded (pixels): 100 MP is an A0 scan at 300 dpi; a bomb claims more.
    public var maxPixels: Int = 100_000_000
    /// An image on a page that also has text is OCR'd when it covers this share of the page.
    public var pastedScanShare: Double = 0.25

    public init(recognizer: any TextRecognizer) { self.recognizer = recognizer }
}
