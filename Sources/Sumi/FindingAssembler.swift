import Foundation
import SumiModel
import SumiRules
import SumiText

/// Turns detections (UTF-16 ranges in a unit) into report findings: the exact extracted
/// text, scalar offsets, line, bounding box, context and a stable fingerprint.
struct FindingAssembler {
    let path: String
    private(set) var findings: [Finding] = []
    private var seen = Set<String>()

    init(path: String) { self.path = path }

    mutating func add(_ detections: [Detection], in unit: TextUnit) {
        guard !detections.isEmpty else { return }
        let utf16 = Array(unit.text.utf16)
        // Indexed once per unit: counting from the start for every finding is quadratic
        // in a 1M-character text unit with thousands of findings.
        let scalars = ScalarOffsets(utf16)
        let breaks = Self.lineBreaks(utf16)
        for d in detections {
            let range = d.range.clamped(to: 0..<utf16.count)
            let startScalar = scalars.scalarOffset(range.lowerBound)
            let endScalar = scalars.scalarOffset(range.upperBound)
            // Found already in the previous chunk of the same text.
            if unit.overlapPrefix > 0 && endScalar <= unit.overlapPrefix { continue }
            var location = unit.location
            location.start = unit.offsetBase + startScalar
            location.end = unit.offsetBase + endScalar
            location.line = unit.firstLine + Self.count(breaks, before: range.lowerBound)
            if let boxes = unit.glyphBoxes, !boxes.isEmpty {
                var box = BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
                for i in startScalar..<min(endScalar, boxes.count) { box = box.union(boxes[i]) }
                if !box.isEmpty { location.bbox = box.array.map { ($0 * 100).rounded() / 100 } }
            }
            let text = String(decoding: utf16[range], as: UTF16.self)
            let id = fingerprint(d, unit)
            let key = "\(id)|\(location.start ?? 0)|\(location.cell ?? "")|\(location.page ?? 0)|\(location.part ?? "")"
            guard seen.insert(key).inserted else { continue }
            findings.append(Finding(
                id: id, rule: d.rule, category: d.category, label: d.label, severity: d.severity,
                legalClass: d.legalClass, confidence: d.confidence, text: text,
                context: context(utf16, range), reason: d.reason, source: unit.source, location: location))
        }
    }

    /// rule + normalized text + file + location kind: stable across runs and across
    /// small edits elsewhere in the file, so a baseline can accept it.
    private func fingerprint(_ d: Detection, _ unit: TextUnit) -> String {
        let l = unit.location
        let kind = [unit.source.rawValue, l.sheet ?? "", l.part ?? "", l.page.map(String.init) ?? ""].joined(separator: "/")
        return String(SHA256.hex("\(d.rule)\u{1F}\(d.normalized)\u{1F}\(path)\u{1F}\(kind)").prefix(16))
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
        return String(decoding: utf16[s..<e], as: UTF16.self).trimmingCharacters(in: .whitespaces)
    }

    /// Positions that end a line: CR, and LF not after CR (CRLF counts once).
    static func lineBreaks(_ u: [UInt16]) -> [Int] {
        var out: [Int] = []
        for i in u.indices where u[i] == 0x0D || (u[i] == 0x0A && !(i > 0 && u[i - 1] == 0x0D)) { out.append(i) }
        return out
    }

    /// How many of the sorted positions are below `offset`.
    static func count(_ sorted: [Int], before offset: Int) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
