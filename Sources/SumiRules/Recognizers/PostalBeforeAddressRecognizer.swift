import Foundation
import SumiModel
import SumiText

/// A postal code with neither 〒 nor a 郵便番号 label, right before an address the address
/// recognizer found: the first line of a mail-merge address block (616‐5305 / 兵庫県相生市…)
/// or 496-3500 宇都宮市… in a form. On fresh mail merges and applications these were most
/// of the missed postal codes (8 of 11 on the development seed); the address is the context
/// a reader goes by, so without one nothing is found. Rules/recognizers/postal_before_address.yaml.
struct PostalBeforeAddressRecognizer: Recognizer {
    struct File: Codable {
        var rules: [RecognizerRuleDefinition]
    }

    static let path = "recognizers/postal_before_address.yaml"

    let info: RuleInfo
    let confidence: Double
    var rules: [RuleInfo] { [info] }

    static func load(directory: URL) throws -> PostalBeforeAddressRecognizer? {
        guard let file = try RecognizerConfig.read(File.self, directory, path) else { return nil }
        guard file.rules.count == 1, let rule = file.rules.first else {
            throw RuleLoadError(file: path, message: "expected exactly one rule (jp.postal_code_before_address)")
        }
        let info = try rule.info(file: path)
        guard info.category == .postalCode else { throw RuleLoadError(file: path, rule: rule.id, message: "category must be postal_code") }
        return PostalBeforeAddressRecognizer(info: info, confidence: rule.confidence ?? 0.85)
    }

    /// The dashes producers put in a postal code (the normalizer folds most to "-"; ー and
    /// ‐ typed by hand are kept here too).
    private static func isDash(_ c: UInt16) -> Bool {
        c == 0x2D || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2212 || c == 0x30FC || c == 0xFF0D || c == 0xFF70
    }

    func recognize(_ text: AnalyzedText, detections: inout [Detection], rejections: inout [Rejection]?) {
        let addresses = detections.filter { $0.category == .address }
        guard !addresses.isEmpty else { return }
        let u = text.units
        for a in addresses {
            guard let r = postalCode(u, before: a.normalizedRange.lowerBound),
                  !detections.contains(where: { $0.category == .postalCode && $0.normalizedRange.overlaps(r) }) else { continue }
            detections.append(Detection(
                rule: info.id, category: .postalCode, label: info.label, severity: info.severity, legalClass: info.legalClass,
                confidence: confidence, range: text.normalized.originalRange(r),
                reason: "住所の直前にある郵便番号", normalized: text.string(r), normalizedRange: r))
        }
    }

    /// 123-4567 or 1234567 ending at `start` after at most spaces and one line break, and
    /// starting a line or after a space, a tab or a colon.
    func postalCode(_ u: [UInt16], before start: Int) -> Range<Int>? {
        var e = start
        var breaks = 0
        while e > 0 {
            let c = u[e - 1]
            if c == 0x20 || c == 0x09 || c == 0x3000 { e -= 1; continue }
            if c == 0x0A || c == 0x0D { if c == 0x0A { breaks += 1 }; if breaks > 1 { return nil }; e -= 1; continue }
            break
        }
        // Back over 4 digits, an optional dash, 3 digits.
        var s = e
        func digits(_ n: Int) -> Bool {
            for _ in 0..<n {
                guard s > 0, Script.isDigit(u[s - 1]) else { return false }
                s -= 1
            }
            return true
        }
        guard digits(4) else { return nil }
        if s > 0, Self.isDash(u[s - 1]) { s -= 1 }
        guard digits(3) else { return nil }
        if s > 0 {
            let p = u[s - 1]
            guard p == 0x0A || p == 0x0D || p == 0x20 || p == 0x09 || p == 0x3000 || p == 0x3A || p == 0xFF1A else { return nil }
        }
        return s..<e
    }
}
