import Dispatch
import Foundation
import SumiModel

/// Writes a `ScanReport` as JSON (pretty, keys sorted, slashes unescaped), the same document
/// `JSONEncoder` produces from the `Codable` conformances.
///
/// Why by hand: Foundation's `JSONEncoder` builds a tree of boxed values first and took a
/// quarter of the time of a spreadsheet scan with 66,000 findings. The `Codable`
/// conformances stay the contract (`sumi-eval` decodes with them); a test checks that this
/// writer and `JSONEncoder` give the same JSON for a real report.
struct ReportJSONWriter {
    private var out: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    private var findingsPerSlice = 4096

    init(pretty: Bool) {
        self.pretty = pretty
        out.reserveCapacity(1 << 16)
    }

    /// `findingsPerSlice`: how long a findings list must be, per core, to be written in slices.
    static func write(_ report: ScanReport, pretty: Bool, findingsPerSlice: Int = 4096) -> [UInt8] {
        var w = ReportJSONWriter(pretty: pretty)
        w.findingsPerSlice = findingsPerSlice
        w.report(report)
        return w.out
    }

    /// One file's report as one line of compact JSON, no newline (a JSON Lines record, the
    /// answer of a worker process, a cache entry): the same object as in `files` of the report.
    static func writeFile(_ file: FileReport) -> [UInt8] {
        var w = ReportJSONWriter(pretty: false)
        w.file(file)
        return w.out
    }

    // MARK: the report's types, keys in sorted order

    private mutating func report(_ r: ScanReport) {
        object {
            $0.key("files"); $0.array(r.files) { $0.file($1) }
            $0.key("summary"); $0.summary(r.summary)
            $0.key("tool"); $0.object {
                $0.key("name"); $0.string(r.tool.name)
                $0.key("rules_version"); $0.string(r.tool.rulesVersion)
                $0.key("version"); $0.string(r.tool.version)
            }
        }
    }

    private mutating func summary(_ s: ScanReport.Summary) {
        object {
            $0.key("clean"); $0.int(s.clean)
            $0.key("elapsed_seconds"); $0.double(s.elapsedSeconds)
            $0.key("errors"); $0.int(s.errors)
            $0.key("files"); $0.int(s.files)
            $0.key("findings_by_category"); $0.counts(s.findingsByCategory)
            $0.key("findings_by_severity"); $0.counts(s.findingsBySeverity)
            $0.key("findings_not_fully_read"); $0.int(s.findingsNotFullyRead)
            $0.key("incomplete"); $0.int(s.incomplete)
            $0.key("not_fully_read"); $0.int(s.notFullyRead)
            $0.key("with_findings"); $0.int(s.withFindings)
        }
    }

    private mutating func counts(_ d: [String: Int]) {
        object {
            for k in d.keys.sorted() { $0.key(k); $0.int(d[k]!) }
        }
    }

    private mutating func file(_ f: FileReport) {
        object {
            if let v = f.convertedFrom { $0.key("converted_from"); $0.string(v) }
            if let v = f.elapsedSeconds { $0.key("elapsed_seconds"); $0.double(v) }
            if let v = f.encoding { $0.key("encoding"); $0.string(v) }
            $0.key("findings"); $0.findings(f.findings)
            $0.key("format"); $0.string(f.format.rawValue)
            $0.key("fully_read"); $0.bool(f.fullyRead)
            if let l = LegalReading.read(f) {
                $0.key("legal"); $0.object {
                    $0.key("grounds"); $0.array(l.grounds) { $0.string($1) }
                    if let c = l.highestClass { $0.key("highest_class"); $0.string(c.rawValue) }
                    $0.key("persons"); $0.int(l.persons)
                    $0.key("reportable"); $0.bool(l.reportable)
                    $0.key("summary"); $0.string(l.summary)
                }
            }
            $0.key("notices"); $0.array(f.notices) { $0.notice($1) }
            if let v = f.pages { $0.key("pages"); $0.int(v) }
            $0.key("path"); $0.string(f.path)
            if let v = f.sha256 { $0.key("sha256"); $0.string(v) }
            $0.key("status"); $0.string(f.status.rawValue)
        }
    }

    private mutating func notice(_ n: Notice) {
        object {
            $0.key("code"); $0.string(n.code)
            $0.key("message"); $0.string(n.message)
            if let v = n.page { $0.key("page"); $0.int(v) }
            if let v = n.part { $0.key("part"); $0.string(v) }
        }
    }

    private mutating func finding(_ f: Finding) {
        object {
            $0.key("category"); $0.string(f.category.rawValue)
            $0.key("confidence"); $0.double(f.confidence)
            $0.key("context"); $0.string(f.context)
            $0.key("id"); $0.string(f.id)
            $0.key("label"); $0.string(f.label)
            $0.key("legal_class"); $0.string(f.legalClass.rawValue)
            $0.key("location"); $0.location(f.location)
            if let o = f.ocr { $0.key("ocr"); $0.object { $0.key("confidence"); $0.double(o.confidence) } }
            $0.key("reason"); $0.string(f.reason)
            $0.key("rule"); $0.string(f.rule)
            $0.key("severity"); $0.string(f.severity.rawValue)
            $0.key("source"); $0.string(f.source.rawValue)
            $0.key("suppressed"); $0.bool(f.suppressed)
            if let s = f.suppression {
                $0.key("suppression"); $0.object {
                    $0.key("entry"); $0.string(s.entry)
                    $0.key("kind"); $0.string(s.kind)
                    if let r = s.reason { $0.key("reason"); $0.string(r) }
                }
            }
            $0.key("text"); $0.string(f.text)
        }
    }

    /// Findings are most of a large report (a roster gives 60,000 and 50 MB of JSON): long
    /// lists are written in slices on all cores and joined, byte for byte what one pass writes.
    private mutating func findings(_ items: [Finding]) {
        let slices = min(8, max(1, items.count / findingsPerSlice))
        guard slices > 1 else { array(items) { $0.finding($1) }; return }
        out.append(UInt8(ascii: "["))
        open()
        let parts = ByteSlices(count: slices)
        let (pretty, depth) = (self.pretty, self.depth)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            var w = ReportJSONWriter(pretty: pretty)
            w.depth = depth
            w.counts = [k == 0 ? 0 : 1]   // every slice but the first starts with a comma
            for item in items[(items.count * k / slices)..<(items.count * (k + 1) / slices)] {
                w.member()
                w.finding(item)
            }
            parts.set(k, w.out)
        }
        for part in parts.all() { out.append(contentsOf: part) }
        counts[counts.count - 1] = items.count
        close(UInt8(ascii: "]"))
    }

    private mutating func location(_ l: Location) {
        object {
            if let v = l.bbox { $0.key("bbox"); $0.array(v) { $0.double($1) } }
            if let v = l.cell { $0.key("cell"); $0.string(v) }
            if let v = l.column { $0.key("column"); $0.int(v) }
            if let v = l.end { $0.key("end"); $0.int(v) }
            if let v = l.line { $0.key("line"); $0.int(v) }
            if let v = l.page { $0.key("page"); $0.int(v) }
            if let v = l.part { $0.key("part"); $0.string(v) }
            if let v = l.row { $0.key("row"); $0.int(v) }
            if let v = l.sheet { $0.key("sheet"); $0.string(v) }
            if let v = l.start { $0.key("start"); $0.int(v) }
        }
    }

    // MARK: JSON text

    /// Members written so far in each open object or array, to place commas.
    private var counts: [Int] = []

    private mutating func object(_ body: (inout ReportJSONWriter) -> Void) {
        out.append(UInt8(ascii: "{"))
        open()
        body(&self)
        close(UInt8(ascii: "}"))
    }

    private mutating func array<T>(_ items: [T], _ element: (inout ReportJSONWriter, T) -> Void) {
        out.append(UInt8(ascii: "["))
        open()
        for item in items {
            member()
            element(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func open() {
        counts.append(0)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        let n = counts.removeLast()
        depth -= 1
        if n > 0 { newline() }
        out.append(bracket)
    }

    /// Comma and indentation before the next member of the innermost container.
    private mutating func member() {
        if counts[counts.count - 1] > 0 { out.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] += 1
        newline()
    }

    private mutating func newline() {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { out.append(UInt8(ascii: " ")) }
    }

    private mutating func key(_ k: String) {
        member()
        string(k)
        if pretty {
            out.append(UInt8(ascii: " ")); out.append(UInt8(ascii: ":")); out.append(UInt8(ascii: " "))
        } else {
            out.append(UInt8(ascii: ":"))
        }
    }

    private mutating func int(_ v: Int) {
        guard v >= 0 else { out.append(contentsOf: String(v).utf8); return }
        // Digits straight into the output: offsets and line numbers are in every finding.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0, rest = v
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(ascii: "0") + UInt8(rest % 10); rest /= 10; n += 1 } while rest > 0
            for i in stride(from: n - 1, through: 0, by: -1) { out.append(d[i]) }
        }
    }

    private mutating func bool(_ v: Bool) { out.append(contentsOf: (v ? "true" : "false").utf8) }

    private mutating func double(_ v: Double) {
        guard v.isFinite else { out.append(contentsOf: "0".utf8); return }
        if v == v.rounded(), abs(v) < 1e15 { out.append(contentsOf: String(Int(v)).utf8); return }
        out.append(contentsOf: String(v).utf8)
    }

    private mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        // Most strings (names, reasons, ids) need no escape: copy their UTF-8 in one go.
        var s = s
        let plain = s.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if plain { out.append(UInt8(ascii: "\"")); return }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The byte slices of a report written on several threads, each slot by one thread.
private final class ByteSlices: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ bytes: [UInt8]) { lock.lock(); slots[i] = bytes; lock.unlock() }
    func all() -> [[UInt8]] { lock.lock(); defer { lock.unlock() }; return slots }
}
