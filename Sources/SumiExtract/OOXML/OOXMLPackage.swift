import Foundation
import SumiModel
import ZIPFoundation

/// An OOXML package (a zip of XML parts) read under limits: every part is inflated
/// through a budget that stops a zip bomb (total uncompressed size, and ratio of
/// uncompressed to compressed size per part) before it exhausts memory. The sizes
/// declared in the zip directory are not trusted; the bytes actually inflated count.
final class OOXMLPackage {
    private let archive: Archive
    private var entriesByPath: [String: Entry] = [:]
    /// Part names in the order of the zip directory, without a leading slash.
    let partNames: [String]
    private let limits: ExtractionLimits
    private var inflatedTotal: Int64 = 0
    /// Set once the package as a whole went over its size budget: nothing more is read.
    private(set) var budgetExhausted = false
    /// Notices about parts that could not be read (size limit, damaged data).
    private(set) var notices: [Notice] = []

    /// Parts smaller than this are never judged by ratio: a few kilobytes of repeated
    /// XML legitimately compress very well.
    static let ratioGraceBytes: Int64 = 1 << 20

    init(_ input: ExtractionInput) throws {
        do {
            if let url = input.url, input.data == nil {
                archive = try Archive(url: url, accessMode: .read)
            } else {
                archive = try Archive(data: try input.readAll(), accessMode: .read)
            }
        } catch let e as ExtractionError {
            throw e
        } catch {
            throw ExtractionError(code: NoticeCode.unsupportedFormat,
                                  message: "Office 文書（ZIP 形式）として開けません。ファイルが壊れているか、別の形式です。")
        }
        limits = input.limits
        var names: [String] = []
        for entry in archive where entry.type == .file {
            let name = entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path
            if entriesByPath[name] == nil {
                names.append(name)
            } else if !notices.contains(where: { $0.part == name }) {
                // Two parts of one name: first-wins readers (Word, streaming unzip) and
                // last-wins ones (Python's zipfile) see different documents, and only one
                // of them is read here. Never a file to call clean.
                notices.append(Notice(code: NoticeCode.unreadablePart, message: OOXMLMessages.duplicatePart, part: name))
            }
            entriesByPath[name] = entriesByPath[name] ?? entry
        }
        partNames = names
    }

    func has(_ part: String) -> Bool { entriesByPath[part] != nil }

    /// Bytes that may still be inflated before the package is over its size budget
    /// (an embedded package read from this one gets no more).
    var remainingBudget: Int64 { limits.maxUncompressedBytes - inflatedTotal }

    /// The bytes of a part, or nil when it is missing or could not be read within the
    /// limits (then a notice says so).
    func read(_ part: String) -> Data? {
        guard let entry = entriesByPath[part], !budgetExhausted else { return nil }
        let compressed = max(Int64(entry.compressedSize), 1)
        var out = Data()
        out.reserveCapacity(Int(min(Int64(entry.uncompressedSize), 64 << 20)))
        var stop: SizeStop?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(chunk)
                let inflated = Int64(out.count)
                if inflatedTotal + inflated > limits.maxUncompressedBytes {
                    stop = .total
                    throw SizeStop.total
                }
                if inflated > Self.ratioGraceBytes && Double(inflated) / Double(compressed) > limits.maxCompressionRatio {
                    stop = .ratio
                    throw SizeStop.ratio
                }
            }
        } catch {
            if let stop {
                inflatedTotal += Int64(out.count)
                switch stop {
                case .total:
                    budgetExhausted = true
                    notices.append(Notice(code: NoticeCode.sizeLimit, message: OOXMLMessages.totalSizeLimit(limits.maxUncompressedBytes), part: part))
                case .ratio:
                    notices.append(Notice(code: NoticeCode.sizeLimit, message: OOXMLMessages.ratioLimit(limits.maxCompressionRatio), part: part))
                }
            } else {
                notices.append(Notice(code: NoticeCode.unreadablePart, message: OOXMLMessages.damagedPart, part: part))
            }
            return nil
        }
        inflatedTotal += Int64(out.count)
        return out
    }

    private enum SizeStop: Error { case total, ratio }

    // MARK: relationships

    struct Relationship {
        var id: String
        var type: String
        /// Resolved part name (no leading slash), or the raw target when external.
        var target: String
        var external: Bool
        /// The last path component of the type URI (`officeDocument`, `comments`, `header` ...).
        var kind: String { type.split(separator: "/").last.map(String.init) ?? type }
    }

    private var relsCache: [String: [Relationship]] = [:]

    /// Relationships of a part (`""` for the package itself), targets resolved to part names.
    func relationships(of part: String) -> [Relationship] {
        if let cached = relsCache[part] { return cached }
        let dir = (part as NSString).deletingLastPathComponent
        let relsPart = (dir.isEmpty ? "" : dir + "/") + "_rels/" + (part as NSString).lastPathComponent + ".rels"
        var rels: [Relationship] = []
        if let data = read(relsPart) {
            let handler = RelationshipsHandler()
            _ = SAX.parse(data, handler: handler)
            for r in handler.rels {
                let external = r.mode == "External"
                rels.append(Relationship(id: r.id, type: r.type, target: external ? r.target : Self.resolve(r.target, from: dir), external: external))
            }
        }
        relsCache[part] = rels
        return rels
    }

    /// Joins a relative target to the folder of its source part (`../media/x.png` from `word` → `media/x.png`).
    static func resolve(_ target: String, from dir: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : dir.split(separator: "/")
        for comp in decoded.split(separator: "/") {
            if comp == ".." { _ = parts.popLast() } else if comp != "." { parts.append(comp) }
        }
        return parts.joined(separator: "/")
    }
}

private final class RelationshipsHandler: SAXHandler {
    var rels: [(id: String, type: String, target: String, mode: String?)] = []
    func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
        rels.append((id, type, target, attributes["TargetMode"]))
    }
}
