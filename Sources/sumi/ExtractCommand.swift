import ArgumentParser
import Foundation
import Sumi
import SumiBatch
import SumiModel

/// `sumi extract`: the text units the scanner would read, without the rules. One JSON object per
/// line (`--format jsonl`): a `unit` record per unit (text, source, location), then a `file` record
/// (format, status, notices). Other tools get exactly Sumi's extraction this way (Tools/peers).
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "ファイルから読み取ったテキストを出力します (print the extracted text units; no rules run).")

    enum Format: String, ExpressibleByArgument { case jsonl, text }

    @Argument(help: "ファイルまたはディレクトリ")
    var paths: [String]

    @Option(name: .long, help: "出力形式: jsonl | text")
    var format: Format = .jsonl

    @Option(name: .long, help: "1 ファイルあたりの制限時間（秒）")
    var timeLimit: Double = 120

    @Flag(name: .customLong("no-ocr"), help: "画像の中の文字を OCR で読みません")
    var noOCR = false

    struct UnitRecord: Encodable {
        let type = "unit"
        var path: String
        var text: String
        var source: Source
        var location: Location
        var fieldLabel: String?
        var group: String?
        var firstLine: Int
        var offsetBase: Int
        var overlapPrefix: Int

        enum CodingKeys: String, CodingKey {
            case type, path, text, source, location, group
            case fieldLabel = "field_label", firstLine = "first_line", offsetBase = "offset_base", overlapPrefix = "overlap_prefix"
        }
    }

    struct FileRecord: Encodable {
        let type = "file"
        var path: String
        var format: FileFormat
        var encoding: String?
        var pages: Int?
        /// error: nothing could be read; incomplete: some part could not be read; read: everything was read.
        var status: String
        var units: Int
        var notices: [Notice]
    }

    func run() throws {
        var limits = ExtractionLimitsDefaults.value
        limits.timePerFile = timeLimit
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let out = FileHandle.standardOutput
        var failures = 0
        for target in BatchScanner.targets(for: paths) {
            switch target {
            case .stdin:
                FileHandle.standardError.write(Data("sumi extract: 標準入力には対応していません。ファイルを指定してください。 (bad_option)\n".utf8))
                throw ExitCode(ExitStatus.usage)
            case .problem(let path, let code, let message):
                failures += 1
                let record = FileRecord(path: path, format: .unknown, status: "error", units: 0,
                                        notices: [Notice(code: code, message: message)])
                if format == .jsonl { out.write(try encoder.encode(record) + Data("\n".utf8)) }
                else { FileHandle.standardError.write(Data("\(path): \(message) (\(code))\n".utf8)) }
            case .file(let url, let display):
                var count = 0
                var writeError: Error?
                let summary = UnitExtraction.extract(url, name: display, limits: limits,
                                                     ocr: noOCR ? nil : DocumentScanner.defaultOCR) { unit in
                    count += 1
                    do {
                        switch format {
                        case .jsonl:
                            let r = UnitRecord(path: display, text: unit.text, source: unit.source, location: unit.location,
                                               fieldLabel: unit.fieldLabel, group: unit.groupKey, firstLine: unit.firstLine,
                                               offsetBase: unit.offsetBase, overlapPrefix: unit.overlapPrefix)
                            out.write(try encoder.encode(r) + Data("\n".utf8))
                        case .text:
                            out.write(Data("── \(display) [\(unit.source.rawValue)] \(Extract.describe(unit.location))\n\(unit.text)\n".utf8))
                        }
                    } catch { writeError = error }
                }
                if let writeError { throw writeError }
                let status = summary.failed ? "error" : (summary.notices.contains(where: \.meansUnread) ? "incomplete" : "read")
                if summary.failed { failures += 1 }
                let record = FileRecord(path: display, format: summary.format, encoding: summary.encoding, pages: summary.pages,
                                        status: status, units: count, notices: summary.notices)
                switch format {
                case .jsonl: out.write(try encoder.encode(record) + Data("\n".utf8))
                case .text:
                    for n in summary.notices { FileHandle.standardError.write(Data("\(display): \(n.message) (\(n.code))\n".utf8)) }
                }
            }
        }
        // Same spirit as scan: 3 when something could not be read.
        if failures > 0 { throw ExitCode(3) }
    }

    static func describe(_ l: Location) -> String {
        var parts: [String] = []
        if let p = l.page { parts.append("p.\(p)") }
        if let s = l.sheet { parts.append(s) }
        if let c = l.cell { parts.append(c) }
        if let p = l.part { parts.append(p) }
        return parts.joined(separator: " ")
    }
}
