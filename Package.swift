// swift-tools-version:6.0
import PackageDescription

// Pipeline, data flowing one way:
//   SumiText (Japanese text layer over ICU) → SumiExtract (files → text units)
//   → SumiRules (recognizers → findings) → SumiReport (JSON/text/SARIF)
//   → Sumi (scanner that ties the stages together) → sumi (CLI).
// SumiModel holds the vocabulary every stage shares (categories, sources, locations, notices).
// Release builds skip Swift's run-time exclusivity checks in the scanning stages: they were
// about 5 % of a spreadsheet scan (every access to a class's var). Debug builds, which the
// tests use, keep them.
let scanning: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Sumi",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Sumi", targets: ["Sumi"]),
        .executable(name: "sumi", targets: ["sumi"]),
        .executable(name: "sumi-eval", targets: ["sumi-eval"]),
        .executable(name: "sumi-server", targets: ["sumi-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // ICU behind plain C: Foundation bundles its own ICU, so no Swift module may import <unicode/*.h>.
        .target(
            name: "CICUBridge",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // libxml2's reader for every XML part of a document (Foundation's XMLParser crashed on
        // the processing instructions SharePoint writes into customXml parts), behind plain C:
        // libxml2's headers include the system ICU headers, which clash with Foundation's.
        .target(
            name: "CXMLBridge",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // Tesseract's C API and Leptonica, for OCR; only SumiOCR imports it.
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev"])]
        ),
        .target(name: "SumiModel", swiftSettings: scanning),
        .target(name: "SumiText", dependencies: ["CICUBridge", "SumiModel"], swiftSettings: scanning),
        .target(
            name: "SumiExtract",
            dependencies: ["SumiModel", "SumiText", "CPoppler", "CXMLBridge", "ZIPFoundation"],
            swiftSettings: scanning
        ),
        .target(name: "SumiRules", dependencies: ["SumiModel", "SumiText", "CICUBridge", "Yams"], swiftSettings: scanning),
        .target(name: "SumiReport", dependencies: ["SumiModel"], swiftSettings: scanning),
        // Redaction: original bytes + what to remove → new bytes, and the independent leak check.
        // Never imports the rules (detection and removal stay separate, as in Presidio).
        .target(name: "SumiRedact", dependencies: ["SumiModel", "SumiText", "CICUBridge", "CPoppler", "ZIPFoundation"]),
        // OCR: Tesseract behind SumiExtract's `TextRecognizer`, so the readers know only "text
        // with boxes from an image" and SumiExtract does not link Tesseract.
        .target(name: "SumiOCR", dependencies: ["SumiExtract", "SumiModel", "CTesseract"]),
        .target(name: "Sumi", dependencies: ["SumiModel", "SumiText", "SumiExtract", "SumiRules", "SumiReport", "SumiRedact", "SumiOCR", "Yams"], swiftSettings: scanning),
        // Archive scans: the file list (walk, --files-from, --since, --shard), the SQLite cache
        // that makes a run resumable, worker processes that isolate a crashing reader,
        // progress and streamed (JSON Lines) output. `DocumentScanner` stays the one-file entry.
        .target(name: "SumiBatch", dependencies: [
            "Sumi", "SumiExtract", "SumiModel", "SumiReport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The HTTP API and the staff page (`sumi serve` runs sumi-server; the CLI does not link it).
        .target(name: "SumiServer", dependencies: [
            "Sumi", "SumiExtract", "SumiModel", "SumiRedact", "SumiReport", "SumiRules",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "sumi-server", dependencies: ["SumiServer", "Sumi", "SumiOCR"]),
        .executableTarget(
            name: "sumi",
            dependencies: ["Sumi", "SumiBatch", "SumiExtract", "SumiOCR", "SumiReport", "SumiModel", "SumiRules", .product(name: "ArgumentParser", package: "swift-argument-parser"), "Rainbow"]
        ),
        // Evaluation (Tools/eval): scores reports against Corpus/truth.json; not part of the shipped pipeline.
        .target(name: "SumiEval", dependencies: ["Yams"]),
        .executableTarget(
            name: "sumi-eval",
            dependencies: ["SumiEval", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "SumiEvalTests", dependencies: ["SumiEval"]),
        // Benchmark (Tools/bench): rule-engine throughput against a naive regex loop.
        .executableTarget(name: "sumi-bench", dependencies: ["SumiRules", "SumiText", "SumiModel"]),
        // What the test targets share: the repository root, a private dictionary cache.
        .target(name: "SumiTestSupport", path: "Tests/SumiTestSupport"),
        .testTarget(name: "SumiTextTests", dependencies: ["SumiText"]),
        .testTarget(name: "SumiExtractTests", dependencies: ["SumiExtract", "SumiTestSupport"]),
        .testTarget(name: "SumiRulesTests", dependencies: ["SumiRules", "SumiTestSupport"]),
        .testTarget(name: "SumiTests", dependencies: ["Sumi", "SumiBatch", "SumiExtract", "SumiOCR", "SumiRules", "SumiReport", "SumiModel", "SumiRedact", "SumiTestSupport"]),
    ]
)
