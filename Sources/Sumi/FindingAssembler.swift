import Foundation
import SumiModel
import SumiRules

/// The findings of one file in document order, each once (overlapping chunks of a long
/// text and repeated parts can yield the same finding twice).
struct FindingAssembler {
    let builder: FindingBuilder
    private(set) var findings: [Finding] = []
    private var seen = Set<Key>()

    private struct Key: Hashable {
        var id: String, start: Int?, cell: String?, page: Int?, part: String?
    }

    init(path: String) { builder = FindingBuilder(path: path) }

    mutating func add(_ detections: [Detection], in unit: TextUnit) {
        add(builder.findings(detections, in: unit))
    }

    /// Appends findings made by `builder` (perhaps on another thread), in order.
    mutating func add(_ new: [Finding]) {
        for f in new {
            let l = f.location
            guard seen.insert(Key(id: f.id, start: l.start, cell: l.cell, page: l.page, part: l.part)).inserted else { continue }
            findings.append(f)
        }
    }
}

/// Turns detections (UTF-16 ranges in a unit) into report findings: the exact extracted
/// text, scalar offsets, line, bounding box, context and a stable fingerprint. Stateless,
/// so the cores that ran the rules on a unit also build its findings.
struct FindingBuilder: Sendable {
    let path: String

    func findings(_ detections: [Detection], in unit: TextUnit) -> [Finding] {
        guard !detections.isEmpty else { return [] }
        var out: [Finding] = []
        out.reserveCapacity(detections.count)
        let utf16 = unit.utf16
        let kind = locationKind(unit)
        // Scalars and lines are counted by one cursor moving forward through the unit:
        // counting from the start for every detection was quadratic on a 1M-character
        // chunk with thousands of findings.
        var cursor = Cursor()
        for d in detections {
            let range = d.range.clamped(to: 0..<utf16.count)
            if range.lowerBound < cursor.position { cursor = Cursor() }
            cursor.advance(utf16, to: range.lowerBound)
            let startScalar = cursor.scalars
            let endScalar = startScalar + scalarCount(utf16[range])
            // Found already in the previous chunk of the same text.
            if unit.overlapPrefix > 0 && endScalar <= unit.overlapPrefix { continue }
            var location = unit.location
            location.start = unit.offsetBase + startScalar
            location.end = unit.offsetBase + endScalar
            location.line = unit.firstLine + cursor.lines
            if let boxes = unit.glyphBoxes, !boxes.isEmpty {
                var box = BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
                for i in startScalar..<min(endScalar, boxes.count) { box = box.union(boxes[i]) }
                if !box.isEmpty { location.bbox = box.array.map { ($0 * 100).rounded() / 100 } }
            }
            var ocr: OCRReading?
            if let c = unit.glyphConfidences, startScalar < min(endScalar, c.count) {
                let slice = c[startScalar..<min(endScalar, c.count)]
                ocr = OCRReading(confidence: (Double(slice.reduce(0, +)) / Double(slice.count) * 100).rounded() / 100)
            }
            let text = String(decoding: utf16[range], as: UTF16.self)
            out.append(Finding(
                id: fingerprint(d, kind: kind), rule: d.rule, category: d.category, label: d.label, severity: d.severity,
                legalClass: d.legalClass, confidence: d.confidence, text: text,
                context: context(utf16, range), reason: d.reason, source: unit.source, location: location))
            out[out.count - 1].ocr = ocr
        }
        return out
    }

    /// rule + normalized text + file + location kind: stable across runs and across
    /// small edits elsewhere in the file, so a baseline can accept it. The hash of
    /// "rule␟normalized␟path␟kind" (␟ = U+001F), fed piece by piece.
    private func fingerprint(_ d: Detection, kind: String) -> String {
        var sha = SHA256()
        let separator: [UInt8] = [0x1F]
        sha.update(d.rule)
        separator.withUnsafeBytes { sha.update($0) }
        sha.update(d.normalized)
        separator.withUnsafeBytes { sha.update($0) }
        sha.update(path)
        separator.withUnsafeBytes { sha.update($0) }
        sha.update(kind)
        return String(sha.hexDigest().prefix(16))
    }

    /// Where in the file a finding is, coarsely: its source and sheet, part or page.
    private func locationKind(_ unit: TextUnit) -> String {
        let l = unit.location
        return [unit.source.rawValue, l.sheet ?? "", l.part ?? "", l.page.map(String.init) ?? ""].joined(separator: "/")
    }

    /// The line around the match, at most 60 characters either side.
    private func context(_ utf16: [UInt16], _ range: Range<Int>) -> String {
        var s = range.lowerBound
        var budget = 60
        while s > 0 && budget > 0 && utf16[s - 1] != 0x0A && utf16[s - 1] != 0x0D { s -= 1; budget -= 1 }
        var e = range.upperBound
        budget = 60
        while e < utf16.count && budget > 0 && utf16[e] != 0x0A && utf16[e] != 0x0D { e += 1; budget -= 1 }
        if s > 0, UTF16.isTrailSurrogate(utf16[s]) { s += 1 }
        if e < utf16.count, e > 0, UTF16.isLeadSurrogate(utf16[e - 1]) { e += 1 }
        // Trim spaces here rather than with Foundation's trimmingCharacters, which was
        // a tenth of a scan with many findings.
        while s < e, utf16[s] == 0x20 || utf16[s] == 0x09 || utf16[s] == 0x3000 { s += 1 }
        while e > s, utf16[e - 1] == 0x20 || utf16[e - 1] == 0x09 || utf16[e - 1] == 0x3000 { e -= 1 }
        return String(decoding: utf16[s..<e], as: UTF16.self)
    }

    private func scalarCount(_ s: ArraySlice<UInt16>) -> Int {
        var n = 0
        for u in s where !UTF16.isTrailSurrogate(u) { n += 1 }
        return n
    }

    /// Position in a unit's UTF-16 text with the Unicode scalars and line breaks before it
    /// (CRLF counts once).
    private struct Cursor {
        var position = 0, scalars = 0, lines = 0
        var previousCR = false

        mutating func advance(_ utf16: [UInt16], to end: Int) {
            while position < end {
                let u = utf16[position]
                if !UTF16.isTrailSurrogate(u) { scalars += 1 }
                if u == 0x0A { if !previousCR { lines += 1 }; previousCR = false }
                else if u == 0x0D { lines += 1; previousCR = true }
                else { previousCR = false }
                position += 1
            }
        }
    }
}
