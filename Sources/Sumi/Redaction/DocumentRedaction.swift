import Foundation
import SumiExtract
import SumiModel
import SumiRedact
import SumiReport

/// Scan → redact → re-scan → prove, for one file: the one loop the CLI, a batch and the
/// server share. Fail-closed: a copy is returned only when the re-scan with the same rules
/// finds nothing that was to be removed, the independent byte search (`LeakCheck`) finds
/// none of the removed texts, and at least 95 % of the other characters are still there.
public struct DocumentRedaction: Sendable {
    public let scanner: DocumentScanner
    /// Least share of the input's other characters the copy must keep.
    public static let minRetention = 0.95

    public init(scanner: DocumentScanner) { self.scanner = scanner }

    public func redact(fileAt url: URL, displayPath: String, options: RedactionOptions) -> RedactionResult {
        let report = scanner.scanFile(at: url, displayPath: displayPath)
        var result = RedactionResult(path: displayPath, format: report.format, status: .failed, reason: nil, message: nil,
                                     output: nil, outputExtension: nil, removed: [], alsoRemoved: [], unremoved: [], notes: [], rounds: 0,
                                     retention: nil, leaks: [], remaining: [], inputReport: report)
        if report.status == .error {
            return refuse(result, "error", "このファイルは読み取れないため、墨消しできません（\(report.notices.first?.message ?? "")）。")
        }
        // Unread parts refuse the redaction; a notice that only asks for a look (text under
        // a black box: it was read, and removing it for real is the point) does not.
        let unread = report.notices.contains { NoticeCode.unreadCodes.contains($0.code) }
        if unread && !options.allowIncomplete {
            return refuse(result, "incomplete", "読み取れない部分があり、そこに個人情報があるかもしれないため墨消ししません。内容を確認し、よければ --allow-incomplete を付けてください。")
        }
        let chosen = report.findings.filter(options.removes)
        let kept = Set(report.findings.filter { !options.removes($0) }.map(\.text))
        result.removed = chosen
        guard !chosen.isEmpty || !options.also.isEmpty else {
            result.status = .nothingToRemove
            return result
        }
        guard let work = try? PrivateDirectory() else { return fail(result, "write_error", "作業用の一時ディレクトリを作れません。") }
        defer { work.remove() }
        var url = url, conversionNotes: [String] = []
        // A legacy file is redacted as the OOXML file LibreOffice makes of it (what the scan
        // read): writing the binary format back would need LibreOffice again, after the proof.
        if let from = report.convertedFrom, let legacy = LegacyFormat(rawValue: from) {
            do {
                let converted = try OfficeConverter.shared.convert(try Data(contentsOf: url), from: legacy,
                                                                    timeLimit: scanner.limits.timePerFile)
                url = work.url.appendingPathComponent("converted.\(legacy.convertedExtension)")
                try converted.write(to: url)
            } catch let e as ExtractionError {
                return fail(result, e.code, e.message)
            } catch {
                return fail(result, "write_error", "作業用のファイルを書けません。")
            }
            result.outputExtension = legacy.convertedExtension
            conversionNotes.append("旧形式（.\(from)）のため、墨消し版は \(legacy.convertedExtension.uppercased()) 形式で書き出しました（旧形式には書き戻しません）。")
        }
        guard let redactor = RedactorRegistry.redactor(for: report.format), let original = try? Data(contentsOf: url) else {
            return fail(result, "unsupported_format", "この形式の墨消しには対応していません。")
        }
        let units = Self.units(url, name: displayPath, limits: scanner.limits, ocr: scanner.ocr)
        var texts = Self.distinct(chosen.map(\.text) + options.also)
        var cells: [String: Set<String>] = [:]
        if report.format == .xlsx {
            for f in chosen { if let part = f.location.part, let cell = f.location.cell { cells[part, default: []].insert(cell) } }
        }
        let copy = work.url.appendingPathComponent("copy." + report.format.rawValue)
        var output = Data()
        var remaining: [Finding] = []
        var markedApplied = 0
        for round in 1...max(1, options.maxRounds) {
            result.rounds = round
            var request = RedactionRequest(texts: texts, mask: options.mask, sanitize: options.sanitize, cells: cells, charset: report.encoding)
            if report.format == .pdf { (request.pdfRects, request.pdfBoxes) = PDFRects.rects(for: texts, in: units) }
            do {
                let made = try redactor.redact(original, request)
                output = made.bytes
                result.notes = conversionNotes + made.notes
                markedApplied = made.appliedMarkedRedactions
            } catch let e as RedactionError {
                return fail(result, e.code, e.message)
            } catch {
                return fail(result, "redaction_failed", "墨消しに失敗しました: \(error)")
            }
            guard (try? output.write(to: copy)) != nil else { return fail(result, "write_error", "墨消し版を書けません。") }
            let rescan = scanner.scanFile(at: copy, displayPath: displayPath)
            remaining = rescan.findings.filter { !$0.suppressed && $0.severity >= options.minSeverity && !kept.contains($0.text)
                && !$0.text.allSatisfy { $0 == options.mask || $0.isWhitespace } }
            let fresh = remaining.map(\.text).filter { !texts.contains($0) }
            if remaining.isEmpty || fresh.isEmpty { break }
            texts = Self.distinct(texts + fresh)
        }
        result.alsoRemoved = texts.filter { t in !chosen.contains { $0.text == t } }
        result.remaining = remaining
        result.leaks = LeakCheck.leaks(in: output, format: report.format, texts: texts)
        // A PDF's attached files are removed whole (they are read as their own format, and
        // named by `part`): only the document's own pages count.
        let ownText: (TextUnit) -> Bool = { report.format != .pdf || $0.location.part == nil }
        result.retention = Self.retention(original: units.filter(ownText),
                                          copy: Self.units(copy, name: displayPath, limits: scanner.limits, ocr: scanner.ocr).filter(ownText),
                                          texts: texts, mask: options.mask)
        if !remaining.isEmpty {
            let kinds = Set(remaining.map(\.label)).sorted().joined(separator: "、")
            return fail(result, "proof_failed", "墨消し版をもう一度検査すると、まだ個人情報（\(kinds)）が見つかります。墨消し版は作りませんでした。")
        }
        if !result.leaks.isEmpty {
            let places = Set(result.leaks.map(\.place)).sorted().prefix(5).joined(separator: "、")
            return fail(result, "proof_failed", "消したはずの文字列がファイルの中（\(places)）に残っています。墨消し版は作りませんでした。")
        }
        // Text under the file's own unapplied redaction marks goes as well: then the share kept
        // is reported, not judged.
        if let r = result.retention, r < Self.minRetention, markedApplied == 0 {
            return fail(result, "proof_failed", "墨消し版で、消す対象ではない文字の \(Int(((1 - r) * 100).rounded())) % が失われました。墨消し版は作りませんでした。")
        }
        result.status = .redacted
        result.output = output
        return result
    }

    private func refuse(_ r: RedactionResult, _ code: String, _ message: String) -> RedactionResult {
        var r = r; r.status = .refused; r.reason = code; r.message = message; return r
    }

    private func fail(_ r: RedactionResult, _ code: String, _ message: String) -> RedactionResult {
        var r = r; r.status = .failed; r.reason = code; r.message = message; r.output = nil; return r
    }

    static func distinct(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func units(_ url: URL, name: String, limits: ExtractionLimits, ocr: OCRSettings?) -> [TextUnit] {
        var units: [TextUnit] = []
        _ = UnitExtraction.extract(url, name: name, limits: limits, ocr: ocr) { units.append($0) }
        return units
    }

    /// What a reader sees of a file, the part whose other characters must survive: document
    /// properties, comments, annotations and attachments may go whole (a PDF's /Info always
    /// does; an HTML comment that held a name does).
    static let visibleSources: Set<Source> = [.body, .headerFooter, .notes, .hiddenSheet, .hiddenRow, .hiddenColumn]

    /// The copy's characters (no white space, no mask) over the input's characters that
    /// were not to be removed, in what a reader sees.
    static func retention(original: [TextUnit], copy: [TextUnit], texts: [String], mask: Character) -> Double {
        let finder = Occurrences.Finder(texts.map { Array($0.utf16) })
        var expected = 0
        let original = original.filter { visibleSources.contains($0.source) }
        let copy = copy.filter { visibleSources.contains($0.source) }
        for u in original {
            let units = u.utf16
            let hits = finder.ranges(in: units)
            var removed = 0
            for r in hits { for i in r where !isBlank(units[i]) { removed += 1 } }
            expected += units.reduce(0) { $0 + (isBlank($1) ? 0 : 1) } - removed
        }
        let maskUnit = String(mask).utf16.first ?? 0
        let kept = copy.reduce(0) { $0 + $1.utf16.reduce(0) { $0 + (isBlank($1) || $1 == maskUnit ? 0 : 1) } }
        return expected <= 0 ? 1 : min(1, Double(kept) / Double(expected))
    }

    @inline(__always) static func isBlank(_ u: UInt16) -> Bool { u <= 0x20 || u == 0x3000 || u == 0xA0 }
}
