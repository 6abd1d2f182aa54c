import Foundation
import SumiModel

/// The accepted findings of an archive as gitleaks keeps them, without their text: each
/// finding is an HMAC-SHA-256 (key kept beside the baseline, `FILE.key`) of its normalized
/// text, category and the file's path, with how many times it occurred. A re-scan suppresses
/// at most that many occurrences: the same text staying in a changed file is still accepted,
/// a new occurrence is new. The baseline file holds no personal information in the clear.
public struct Baseline: Sendable {
    public var counts: [String: Int]
    let key: [UInt8]

    public init(key: [UInt8], counts: [String: Int] = [:]) { self.key = key; self.counts = counts }

    /// The key file beside a baseline: read it, or make one (32 random bytes, hex).
    public static func key(for baseline: URL, create: Bool) throws -> [UInt8] {
        let url = baseline.appendingPathExtension("key")
        if let data = FileManager.default.contents(atPath: url.path), let hex = String(data: data, encoding: .utf8),
           let key = Self.bytes(hex: hex.trimmingCharacters(in: .whitespacesAndNewlines)), key.count >= 16 {
            return key
        }
        guard create else { throw Allowlist.LoadError(file: url.path, message: "ベースラインの鍵ファイルがありません") }
        var rng = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        try Data(key.map { String(format: "%02x", $0) }.joined().utf8).write(to: url)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return key
    }

    public static func load(_ url: URL) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: url.path),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              obj["kind"] as? String == "sumi-baseline", let entries = obj["entries"] as? [String: Int] else {
            throw Allowlist.LoadError(file: url.path, message: "Sumi のベースラインとして読めません")
        }
        return Baseline(key: try key(for: url, create: false), counts: entries)
    }

    public func write(to url: URL) throws {
        let doc: [String: Any] = ["kind": "sumi-baseline", "version": 1,
                                  "identity": "HMAC-SHA-256(key in \(url.lastPathComponent).key; normalized text, category, path)",
                                  "entries": counts]
        try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }

    /// The identity of a finding: normalized text, category, path.
    public func identity(normalizedText: String, category: Category, path: String) -> String {
        HMAC.sha256(key: key, message: Array("\(normalizedText)\u{1F}\(category.rawValue)\u{1F}\(path)".utf8))
    }

    static func bytes(hex: String) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < chars.count {
            guard let b = UInt8(String(decoding: chars[i..<(i + 2)], as: UTF8.self), radix: 16) else { return nil }
            out.append(b); i += 2
        }
        return out
    }
}

/// HMAC (RFC 2104) over SumiModel's SHA-256.
enum HMAC {
    static func sha256(key: [UInt8], message: [UInt8]) -> String {
        var k = key
        if k.count > 64 { var h = SHA256(); h.update(k); k = h.finalize() }
        k += [UInt8](repeating: 0, count: 64 - k.count)
        var inner = SHA256()
        inner.update(k.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(k.map { $0 ^ 0x5C })
        outer.update(inner.finalize())
        return outer.hexDigest()
    }
}
