import Foundation
import SumiModel
import SumiText
import Yams

/// Every rule and dictionary under a rules directory, loaded, checked and compiled.
/// Immutable and shared by all scanning threads; each thread makes its own `RuleMatcher`.
public final class RuleSet: Sendable {
    /// Changes whenever any file under the rules directory changes (hash of paths and contents).
    public let version: String
    public let directory: URL
    public let normalizer: TextNormalizer
    /// Misreadings folded back in OCR text only (Rules/dict/text/ocr_confusions.tsv).
    public let ocrConfusions: OCRConfusionTable
    let rules: [CompiledRule]
    public let recognizers: [any Recognizer]
    public let groupRecognizers: [any GroupRecognizer]
    /// Words that tell a document's kind (a seating chart), for `DocumentContextTracker`.
    public let documentCues: DocumentCues
    let lexicon: AhoCorasick
    let literals: [String]

    /// All rules, pattern rules first, then recognizers' rules.
    public var ruleInfos: [RuleInfo] { rules.map(\.info) + recognizers.flatMap(\.rules) }

    /// Loads Rules/. Throws `RuleLoadError` naming the file and rule for a broken regex,
    /// an unknown category or validator, a duplicate id, or a pack that does not parse.
    /// Examples are checked separately (`RuleExamples`), so a scan need not run them.
    public init(directory: URL, only ruleIDs: Set<String>? = nil) throws {
        self.directory = directory
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw RuleLoadError(file: directory.path, message: "ルールのディレクトリが見つかりません (rules directory not found)")
        }

        // Text layer configuration: the variant-kanji table.
        let variantsURL = directory.appendingPathComponent("dict/text/variant_kanji.tsv")
        var variants = VariantKanjiTable()
        if fm.fileExists(atPath: variantsURL.path) {
            do {
                variants = try VariantKanjiTable(tsv: String(contentsOf: variantsURL, encoding: .utf8))
            } catch {
                throw RuleLoadError(file: "dict/text/variant_kanji.tsv", message: "\(error)")
            }
        }
        let normalizer = TextNormalizer(variants: variants)
        self.normalizer = normalizer
        let confusionsURL = directory.appendingPathComponent("dict/text/ocr_confusions.tsv")
        if fm.fileExists(atPath: confusionsURL.path) {
            do {
                ocrConfusions = try OCRConfusionTable(tsv: String(contentsOf: confusionsURL, encoding: .utf8))
            } catch {
                throw RuleLoadError(file: "dict/text/ocr_confusions.tsv", message: "\(error)")
            }
        } else {
            ocrConfusions = OCRConfusionTable()
        }

        // Names, places and the version hash: from the dictionary cache when it is current.
        let dictionaries = try CompiledDictionaries.load(directory: directory, normalizer: normalizer)
        let validators = Validators(places: dictionaries.places)
        let lexicon = LexiconBuilder()

        // Pattern packs.
        let packDir = directory.appendingPathComponent("packs")
        let packFiles = ((try? fm.contentsOfDirectory(atPath: packDir.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var seen: [String: String] = [:]
        var compiled: [CompiledRule] = []
        for name in packFiles {
            let rel = "packs/\(name)"
            let pack: RulePackFile
            do {
                let yaml = try String(contentsOf: packDir.appendingPathComponent(name), encoding: .utf8)
                pack = try YAMLDecoder().decode(RulePackFile.self, from: yaml)
            } catch {
                throw RuleLoadError(file: rel, message: "YAML を読めません: \(error)")
            }
            for def in pack.rules {
                if let other = seen[def.id] {
                    throw RuleLoadError(file: rel, rule: def.id, message: "duplicate rule id (also in \(other))")
                }
                seen[def.id] = rel
                if let only = ruleIDs, !only.contains(def.id) { continue }
                compiled.append(try RuleSet.compile(def, file: rel, normalizer: normalizer, lexicon: lexicon, validators: validators))
            }
        }
        rules = compiled

        // Recognizers configured by data (names, sensitive facts, towns in personal context).
        let loaded = try BuiltinRecognizers.load(directory: directory, normalizer: normalizer, lexicon: lexicon,
                                                 dictionaries: dictionaries, only: ruleIDs)
        for r in loaded.recognizers {
            for info in r.rules {
                if let other = seen[info.id] {
                    throw RuleLoadError(file: info.file, rule: info.id, message: "duplicate rule id (also in \(other))")
                }
                seen[info.id] = info.file
            }
        }
        recognizers = loaded.recognizers
        groupRecognizers = loaded.groupRecognizers
        documentCues = loaded.documentCues
        self.literals = lexicon.literals
        version = dictionaries.version
        self.lexicon = lexicon.build()
    }

    static func compile(_ def: RuleDefinition, file: String, normalizer: TextNormalizer, lexicon: LexiconBuilder,
                        validators: Validators) throws -> CompiledRule {
        func fail(_ message: String) -> RuleLoadError { RuleLoadError(file: file, rule: def.id, message: message) }
        guard let category = Category(rawValue: def.category) else { throw fail("unknown category '\(def.category)'") }
        guard let severity = Severity(rawValue: def.severity) else { throw fail("unknown severity '\(def.severity)'") }
        guard let legal = LegalClass(rawValue: def.legalClass) else { throw fail("unknown legal_class '\(def.legalClass)'") }
        var severityWithContext: Severity? = nil
        if let s = def.severityWithContext {
            guard let v = Severity(rawValue: s) else { throw fail("unknown severity_with_context '\(s)'") }
            severityWithContext = v
        }
        guard !def.patterns.isEmpty else { throw fail("no patterns") }
        guard def.examples.match.count >= 5, def.examples.noMatch.count >= 5 else {
            throw fail("needs at least 5 examples that match and 5 that do not")
        }
        var patterns: [ICURegex] = []
        for p in def.patterns {
            do { patterns.append(try ICURegex(p)) } catch { throw fail("\(error)") }
        }
        let group = def.group ?? 0
        for p in patterns where p.groupCount < group { throw fail("pattern has no group \(group): \(p.pattern)") }
        var allow: [ICURegex] = []
        for p in def.allow ?? [] {
            do { allow.append(try ICURegex(p)) } catch { throw fail("allow: \(error)") }
        }
        var checks: [(String, Validators.Check)] = []
        for name in def.validators ?? [] {
            guard let c = validators.check(named: name) else {
                throw fail("unknown validator '\(name)' (known: \(validators.names.joined(separator: ", ")))")
            }
            checks.append((name, c))
        }
        func ids(_ words: [String]?) -> [(Int32, String)] {
            (words ?? []).map { w in (lexicon.id(for: normalizer.normalize(w).normalizedString), w) }
        }
        let keywords = ids(def.keywords)
        var anchors = ids(def.anchor?.literals).map(\.0)
        if def.anchor?.keywords == true { anchors += keywords.map(\.0) }
        let info = RuleInfo(id: def.id, category: category, label: def.label, severity: severity, legalClass: legal,
                            description: def.description, examples: def.examples, file: file)
        return CompiledRule(
            info: info, severityWithContext: severityWithContext, patterns: patterns, group: group,
            anchorLiterals: anchors, anchorDigits: def.anchor?.digits,
            anchorBefore: def.anchor?.before ?? 40, anchorAfter: def.anchor?.after ?? 40,
            keywords: keywords, lowerWords: ids(def.context?.lower), allowContextWords: ids(def.allowContext),
            contextBefore: def.context?.before ?? 30, contextAfter: def.context?.after ?? 10,
            contextSameLine: def.context?.sameLine ?? false,
            requireContext: def.requireContext ?? false, validators: checks, allow: allow,
            confidencePattern: def.confidence?.pattern ?? 0.5,
            confidenceValidated: def.confidence?.validated ?? (def.confidence?.pattern ?? 0.5) + 0.2,
            confidenceContext: def.confidence?.context ?? 0.9)
    }

    /// A short hash of every file under the directory (paths and contents, sorted).
    static func hashDirectory(_ dir: URL) throws -> String {
        let fm = FileManager.default
        guard let e = fm.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return "none" }
        var files: [String] = []
        for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(String(url.path.dropFirst(dir.path.count)))
        }
        var sha = SHA256()
        for f in files.sorted() {
            sha.update(f)
            if let d = fm.contents(atPath: dir.path + f) { d.withUnsafeBytes { sha.update($0) } }
        }
        return String(sha.hexDigest().prefix(12))
    }
}

extension PlaceIndex {
    /// Reads Rules/dict/places/{prefectures,municipalities}.tsv; nil if they are absent.
    static func load(from directory: URL) throws -> PlaceIndex? {
        let base = directory.appendingPathComponent("dict/places")
        let prefURL = base.appendingPathComponent("prefectures.tsv")
        let muniURL = base.appendingPathComponent("municipalities.tsv")
        guard FileManager.default.fileExists(atPath: prefURL.path),
              FileManager.default.fileExists(atPath: muniURL.path) else { return nil }
        func column(_ url: URL, _ index: Int) throws -> Set<String> {
            let text = try String(contentsOf: url, encoding: .utf8)
            var out = Set<String>()
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                if f.count > index, !f[index].isEmpty { out.insert(String(f[index])) }
            }
            return out
        }
        do {
            return PlaceIndex(prefectures: try column(prefURL, 0), municipalities: try column(muniURL, 1))
        } catch {
            throw RuleLoadError(file: "dict/places", message: "\(error)")
        }
    }
}
