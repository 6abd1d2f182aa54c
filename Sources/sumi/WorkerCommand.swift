import ArgumentParser
import Foundation
import Sumi
import SumiBatch
import SumiExtract
import SumiRules

/// `sumi worker`: a worker process of an archive scan (not for people: `sumi scan` starts
/// it). Reads file requests on standard input and answers each with the file's report.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "（内部用）アーカイブ検査のワーカー", shouldDisplay: false)

    @Option(name: .long) var timeLimit: Double = 120
    @Option(name: .long, help: "アドレス空間の上限（MB）") var memoryLimit: Int = 8192
    @Flag(name: .customLong("no-ocr")) var noOCR = false
    @OptionGroup var suppression: SuppressionOptions
    @OptionGroup var rulesOption: RulesOption
    @Argument var paths: [String] = []

    func run() throws {
        var limits = ExtractionLimitsDefaults.value
        limits.timePerFile = timeLimit
        let suppressor = try suppression.suppressor(paths: paths, rules: rulesOption)
        let rulesOption = self.rulesOption
        let scanner = DocumentScanner(rules: PendingRuleSet { try rulesOption.load() }, limits: limits, suppressor: suppressor,
                                     ocr: noOCR ? nil : DocumentScanner.archiveOCR)
        WorkerService.serve(scanner: scanner, memoryLimit: UInt64(max(256, memoryLimit)) << 20)
    }
}
