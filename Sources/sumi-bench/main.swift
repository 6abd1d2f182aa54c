import Foundation
import SumiModel
import SumiRules
import SumiText

/// `sumi-bench`: rule-engine throughput on generated municipal text, next to a naive loop that runs
/// every pack rule's regex over the whole text. Writes the text (as given and normalized) and the
/// patterns so that Tools/bench/run.sh can time `grep -P` on exactly the same input.
///
///   sumi-bench --rules Rules --megabytes 32 --out DIR
///
/// Prints `key=value` lines. Single thread: the figure is per core.
struct Options {
    var rules = "Rules"
    var megabytes = 32
    var out: String?
    var repeats = 3

    init(_ args: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw Usage() }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--rules": rules = try value()
            case "--megabytes": guard let v = Int(try value()), v > 0 else { throw Usage() }; megabytes = v
            case "--out": out = try value()
            case "--repeats": guard let v = Int(try value()), v > 0 else { throw Usage() }; repeats = v
            default: throw Usage()
            }
            i += 1
        }
    }

    struct Usage: Error {}
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Lines of the text cut into units of about a million UTF-16 units, as the text extractor reads files.
func units(of text: String, size: Int = 1 << 20) -> [TextUnit] {
    var out: [TextUnit] = []
    var current = ""
    var count = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        current += line
        current += "\n"
        count += line.utf16.count + 1
        if count >= size {
            out.append(TextUnit(text: current))
            current = ""; count = 0
        }
    }
    if !current.isEmpty { out.append(TextUnit(text: current)) }
    return out
}

let options: Options
do {
    options = try Options(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("usage: sumi-bench [--rules DIR] [--megabytes N] [--repeats N] [--out DIR]\n".utf8))
    exit(2)
}

let ruleSet: RuleSet
do {
    ruleSet = try RuleSet(directory: URL(fileURLWithPath: options.rules))
} catch {
    FileHandle.standardError.write(Data("sumi-bench: \(error)\n".utf8))
    exit(2)
}

var generator = MunicipalText(seed: 20_251_123)
let text = generator.generate(bytes: options.megabytes * 1_000_000)
let bytes = Double(text.utf8.count)
let mb = bytes / 1_000_000
let textUnits = units(of: text)

// The engine: prefilter, patterns in candidate windows, validators, recognizers — all packs, one thread.
let matcher = RuleMatcher(ruleSet)
var findings = 0
var engineBest = Double.infinity
for _ in 0..<options.repeats {
    var n = 0
    let t = seconds {
        for u in textUnits { n += matcher.detect(u).detections[0].count }
    }
    findings = n
    engineBest = min(engineBest, t)
}

// The naive loop: normalize once, then every pattern of every pack rule over the whole text.
var normalized: [NormalizedText] = []
let normalizeTime = seconds { normalized = textUnits.map { ruleSet.normalizer.normalize($0.text) } }
let patterns = ruleSet.patternSources
let compiled = patterns.compactMap { try? ICURegex($0.pattern) }
var naiveMatches = 0
var naiveBest = Double.infinity
for _ in 0..<options.repeats {
    var n = 0
    let t = seconds {
        for re in compiled {
            for text in normalized {
                text.units.withUnsafeBufferPointer { buf in
                    re.forEachMatch(in: buf) { _, _ in n += 1; return true }
                }
            }
        }
    }
    naiveMatches = n
    naiveBest = min(naiveBest, t)
}

if let out = options.out {
    let dir = URL(fileURLWithPath: out)
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try text.write(to: dir.appendingPathComponent("text.txt"), atomically: false, encoding: .utf8)
    let norm = normalized.map(\.normalizedString).joined()
    try norm.write(to: dir.appendingPathComponent("normalized.txt"), atomically: false, encoding: .utf8)
    try (patterns.map(\.pattern).joined(separator: "\n") + "\n")
        .write(to: dir.appendingPathComponent("patterns.txt"), atomically: false, encoding: .utf8)
}

func f(_ x: Double) -> String { String(format: "%.2f", x) }
print("text_mb=\(f(mb))")
print("units=\(textUnits.count)")
print("pattern_rules=\(Set(patterns.map(\.rule)).count)")
print("patterns=\(patterns.count)")
print("recognizers=\(ruleSet.recognizers.count + ruleSet.groupRecognizers.count)")
print("engine_seconds=\(String(format: "%.3f", engineBest))")
print("engine_mb_s=\(f(mb / engineBest))")
print("engine_findings=\(findings)")
print("normalize_seconds=\(String(format: "%.3f", normalizeTime))")
print("naive_seconds=\(String(format: "%.3f", naiveBest))")
print("naive_mb_s=\(f(mb / naiveBest))")
print("naive_matches=\(naiveMatches)")
print("engine_vs_naive=\(f(naiveBest / engineBest))")
// The engine normalizes as part of its work; the naive loop was handed normalized text.
print("engine_vs_naive_with_normalization=\(f((naiveBest + normalizeTime) / engineBest))")
