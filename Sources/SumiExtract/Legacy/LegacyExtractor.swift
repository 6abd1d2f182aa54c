import Foundation
import SumiModel

/// Reads .doc, .xls, .ppt and .rtf: LibreOffice converts the file to its OOXML equivalent
/// (`OfficeConverter`), and the OOXML reader reads that, with its limits. The report keeps
/// the original's path and family and says `converted_from`; notice `converted` tells the
/// reviewer that what LibreOffice does not import was not read.
public struct LegacyExtractor: Extractor {
    public let legacy: LegacyFormat
    public init(_ legacy: LegacyFormat) { self.legacy = legacy }

    /// Whether this machine can read legacy files (LibreOffice is installed).
    public static var isAvailable: Bool { OfficeConverter.program != nil }

    /// Seconds one conversion may take at most: the file's remaining budget, capped so that
    /// a hanging conversion costs a batch a minute, not the default two.
    static let conversionCap: Double = 60

    public func extract(_ input: ExtractionInput, emit: (TextUnit) throws -> Void) throws -> ExtractionSummary {
        let original = try input.readAll()
        let budget = min(Self.conversionCap, max(1, input.deadline.timeIntervalSinceNow))
        let converted = try OfficeConverter.shared.convert(original, from: legacy, timeLimit: budget)
        var inner = input
        inner.url = nil
        inner.data = converted
        var summary = try OOXMLExtractor(format: legacy.family).extract(inner, emit: emit)
        summary.convertedFrom = legacy.rawValue
        summary.notices.insert(Notice(code: NoticeCode.converted, message:
            "旧形式（.\(legacy.rawValue)）を LibreOffice で \(legacy.convertedExtension.uppercased()) に変換して読みました。" +
            "マクロや一部の埋め込みオブジェクトなど、変換されない部分は確認されていません。"), at: 0)
        return summary
    }
}
