import Foundation
import SumiBatch
import XCTest
import SumiTestSupport
@testable import SumiReport
@testable import Sumi

/// The JSON report keeps to the contract other tools read. The project carries its own copy
/// of it (`schema/scan-report.schema.json`, so a clone anywhere can test against it); inside
/// the workplace, `../shared/schema/` holds the original and the two must not drift.
final class SchemaTests: XCTestCase {
    func testTheProjectsSchemaIsTheSharedOne() throws {
        let shared = TestEnvironment.root.deletingLastPathComponent().appendingPathComponent("shared/schema/scan-report.schema.json")
        let mine = try Data(contentsOf: TestEnvironment.schemaURL)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: mine) as? [String: Any])
        guard FileManager.default.fileExists(atPath: shared.path) else {
            throw XCTSkip("no ../shared/schema beside this clone: only the project's copy is checked")
        }
        XCTAssertEqual(mine, try Data(contentsOf: shared), "schema/scan-report.schema.json differs from ../shared/schema: copy the shared one over")
    }

    /// Tests never touch the user's dictionary cache: the rules they load cache into a
    /// temporary directory of their own.
    func testTestsCacheIntoAPrivateDirectory() throws {
        _ = try ScanTests.scanner()
        let dir = try XCTUnwrap(ProcessInfo.processInfo.environment["SUMI_CACHE_DIR"])
        XCTAssertTrue(dir.hasPrefix(FileManager.default.temporaryDirectory.path), dir)
        XCTAssertTrue(dir.contains("sumi-test-cache-"), dir)
        let cached = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertTrue(cached.contains { $0.hasPrefix("dictionaries-") }, "the shipped rules were cached there: \(cached)")
    }

    func testRealReportValidatesAgainstSharedSchema() throws {
        let root = ScanTests.root
        let schemaURL = TestEnvironment.schemaURL
        let schemaData = try Data(contentsOf: schemaURL)
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let scanner = try ScanTests.scanner()
        let targets = BatchScanner.targets(for: [root.appendingPathComponent("Corpus/samples").path, "/nonexistent/x.txt"])
        let files = BatchScanner(scanner: scanner).scan(targets)
        let report = ScanReport(version: sumiVersion, rulesVersion: scanner.ruleSet.version, files: files, elapsedSeconds: 0.5)
        let json = try JSONSerialization.jsonObject(with: try report.json())
        XCTAssertTrue(files.contains { !$0.findings.isEmpty }, "the report under test has findings to validate")
        let errors = JSONSchemaSubset(root: schema).validate(json, against: schema, at: "$")
        XCTAssertEqual(errors, [])
    }

    /// The hand-written JSON writer gives the same document as JSONEncoder over the Codable
    /// conformances, for a report with every format, notices, boxes, cells and escapes.
    func testJSONWriterMatchesCodable() throws {
        let root = ScanTests.root
        let scanner = try ScanTests.scanner()
        let paths = ["Corpus/samples", "Corpus/eval/pdf", "Corpus/eval/office", "Corpus/eval/roster/roster-02.csv"]
        let targets = BatchScanner.targets(for: paths.map { root.appendingPathComponent($0).path } + ["/nonexistent/x.txt"])
        let files = BatchScanner(scanner: scanner).scan(targets)
        var report = ScanReport(version: sumiVersion, rulesVersion: scanner.ruleSet.version, files: files, elapsedSeconds: 1.25)
        report.files[0].path = "quote\" \\ slash/ tab\t newline\n control\u{01} 日本語"
        XCTAssertGreaterThan(report.files.flatMap(\.findings).count, 50)
        XCTAssertTrue(report.files.flatMap(\.findings).contains { $0.location.bbox != nil })
        for pretty in [true, false] {
            let mine = try JSONSerialization.jsonObject(with: try report.json(pretty: pretty)) as? NSDictionary
            let reference = try JSONSerialization.jsonObject(with: try report.jsonViaEncoder(pretty: pretty)) as? NSDictionary
            XCTAssertNotNil(mine)
            XCTAssertEqual(mine, reference)
        }
    }

    /// Long findings lists are written in slices on several cores: the bytes are those of
    /// one pass, and the document is still JSONEncoder's.
    func testSlicedFindingsAreByteForByteTheSame() throws {
        let scanner = try ScanTests.scanner()
        let files = BatchScanner(scanner: scanner).scan(BatchScanner.targets(for: [ScanTests.root.appendingPathComponent("Corpus/samples").path]))
        var report = ScanReport(version: sumiVersion, rulesVersion: scanner.ruleSet.version, files: files, elapsedSeconds: 1)
        let some = report.files.flatMap(\.findings)
        XCTAssertGreaterThan(some.count, 5)
        report.files[0].findings = (0..<2003).map { i in
            var f = some[i % some.count]
            f.location.start = i
            return f
        }
        for pretty in [true, false] {
            let onePass = report.json(pretty: pretty, findingsPerSlice: .max)
            for slice in [1, 7, 500] {
                XCTAssertEqual(report.json(pretty: pretty, findingsPerSlice: slice), onePass, "slices of \(slice), pretty \(pretty)")
            }
            let reference = try JSONSerialization.jsonObject(with: try report.jsonViaEncoder(pretty: pretty)) as? NSDictionary
            XCTAssertEqual(try JSONSerialization.jsonObject(with: report.json(pretty: pretty, findingsPerSlice: 7)) as? NSDictionary, reference)
        }
    }

    func testValidatorCatchesViolations() throws {
        let schema: [String: Any] = ["type": "object", "required": ["a"], "properties": ["a": ["enum": ["x", "y"]], "n": ["type": "integer"]]]
        let v = JSONSchemaSubset(root: schema)
        XCTAssertEqual(v.validate(["a": "x", "n": 3], against: schema, at: "$"), [])
        XCTAssertEqual(v.validate(["a": "z"], against: schema, at: "$").count, 1)
        XCTAssertEqual(v.validate(["n": 1.5], against: schema, at: "$").count, 2)
    }
}

/// The part of JSON Schema (2020-12) that the report schema uses: type, required,
/// properties, additionalProperties, items, enum, const, $ref to $defs, minimum,
/// maximum, minItems, maxItems. Enough to hold our output to the contract.
struct JSONSchemaSubset {
    let root: [String: Any]

    func validate(_ value: Any, against schema: [String: Any], at path: String) -> [String] {
        var errors: [String] = []
        if let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): bad $ref \(ref)"] }
            errors += validate(value, against: target, at: path)
        }
        if let type = schema["type"] as? String, !matches(value, type) {
            errors.append("\(path): expected \(type), got \(value)")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal($0, value) }) {
            errors.append("\(path): \(value) not in enum")
        }
        if let c = schema["const"], !equal(c, value) { errors.append("\(path): expected const \(c)") }
        if let n = number(value) {
            if let min = schema["minimum"].flatMap(number), n < min { errors.append("\(path): below minimum") }
            if let max = schema["maximum"].flatMap(number), n > max { errors.append("\(path): above maximum") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil || object[key] is NSNull {
                errors.append("\(path): missing required \(key)")
            }
            let props = schema["properties"] as? [String: Any] ?? [:]
            for (key, v) in object {
                if let sub = props[key] as? [String: Any] {
                    errors += validate(v, against: sub, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    errors += validate(v, against: extra, at: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { errors.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, array.count > max { errors.append("\(path): more than \(max) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { errors += validate(v, against: items, at: "\(path)[\(i)]") }
            }
        }
        return errors
    }

    func matches(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "object": return v is [String: Any]
        case "array": return v is [Any]
        case "string": return v is String
        case "boolean": return isBool(v)
        case "integer": guard let n = number(v), !isBool(v) else { return false }; return n == n.rounded()
        case "number": return number(v) != nil && !isBool(v)
        default: return true
        }
    }

    func isBool(_ v: Any) -> Bool {
        if v is Bool && !(v is NSNumber) { return true }
        guard let n = v as? NSNumber else { return false }
        return String(cString: n.objCType) == "c" || String(cString: n.objCType) == "B"
    }
    func number(_ v: Any) -> Double? { (v as? NSNumber)?.doubleValue }
    func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if a is String || b is String { return false }
        return "\(a)" == "\(b)"
    }
}
