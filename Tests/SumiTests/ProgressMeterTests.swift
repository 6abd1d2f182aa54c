import Foundation
import XCTest
import SumiModel
import SumiReport
@testable import SumiBatch

/// What the progress line says, and that only the terminal line names a file.
final class ProgressMeterTests: XCTestCase {
    func testOnlyTheTerminalLineNamesTheSlowFile() {
        let path = "/srv/www/申請/山田太郎_申請書.pdf"
        for (style, names) in [(ProgressMeter.Style.terminal, true), (.lines(every: 5), false)] {
            let meter = ProgressMeter(style: style, total: 4, totalBytes: 4000, output: FileHandle.nullDevice)
            meter.finished(slot: 1, FileReport(path: "/srv/www/a.txt", format: .txt), bytes: 1000, fromCache: true)
            meter.began(slot: 0, path: path)
            let line = meter.render(now: Date().addingTimeInterval(ProgressMeter.slowAfter + 1))
            XCTAssertTrue(line.hasPrefix("1/4 件"), line)
            XCTAssertTrue(line.contains("問題なし 1") && line.contains("キャッシュ 1"), line)
            XCTAssertTrue(line.contains("時間のかかっているファイル"), line)
            XCTAssertEqual(line.contains("山田太郎"), names, line)
            XCTAssertFalse(line.contains("/srv/www"), "never the directory: \(line)")
        }
    }
}
