import Foundation
import XCTest
import SumiModel
@testable import SumiExtract

/// Pages read on several threads come out exactly as one thread reads them: in page order,
/// with the same notices, stopping at the time limit and at the first error.
final class PageReadingTests: XCTestCase {
    private struct Fake { let id: Int }

    private func run(pages: Int, readers: Int, deadline: Date = .distantFuture, failAt: Int? = nil,
                     delay: @escaping (Int) -> Void = { _ in }) -> (emitted: [Int], stoppedAt: Int?, error: Bool) {
        var emitted: [Int] = []
        var stopped: Int?
        var failed = false
        let input = ExtractionInput(data: Data(), name: "fake.pdf", deadline: deadline)
        do {
            stopped = try PageReading.run(pageCount: pages, readers: readers, input: input,
                                          open: { Fake(id: 1) }, first: Fake(id: 0)) { _, index in
                delay(index)
                if index == failAt { return PageResult(error: ExtractionError(code: "x", message: "page \(index)")) }
                return PageResult(units: [TextUnit(text: "page \(index)", source: .body, location: Location(page: index + 1))])
            } emit: { result in
                if let e = result.error { throw e }
                emitted += result.units.compactMap { $0.location.page.map { $0 - 1 } }
            }
        } catch {
            failed = true
        }
        return (emitted, stopped, failed)
    }

    func testPagesComeOutInOrderWhateverThreadReadThem() {
        for readers in [1, 2, 3, 5] {
            // Uneven page costs make helpers finish out of order.
            let r = run(pages: 97, readers: readers) { i in if i % 7 == 0 { usleep(2000) } }
            XCTAssertEqual(r.emitted, Array(0..<97), "readers \(readers)")
            XCTAssertNil(r.stoppedAt)
            XCTAssertFalse(r.error)
        }
    }

    func testAnErrorStopsAtItsPageAndTheTimeLimitAtTheStart() {
        let failing = run(pages: 60, readers: 3, failAt: 23)
        XCTAssertTrue(failing.error)
        XCTAssertEqual(failing.emitted, Array(0..<23), "pages before the error are emitted, none after")
        let late = run(pages: 60, readers: 3, deadline: Date(timeIntervalSinceNow: -1))
        XCTAssertEqual(late.emitted, [])
        XCTAssertEqual(late.stoppedAt, 0)
    }

    /// A real PDF read by three threads (each with its own poppler document) gives the same
    /// units and notices as one, including the rendered hidden-text check.
    func testRealPDFReadOnSeveralThreadsIsTheSameAsOnOne() throws {
        for path in ["pdf-cases/rows-layout.pdf", "pdf-cases/covered-kinds.pdf", "eval/pdf/pdf-hidden.pdf", "eval/pdf/pdf-scanned.pdf"] {
            let url = PDFExtractorTests.corpus.appendingPathComponent(path)
            func read(_ readers: Int) throws -> ([String], [String]) {
                var input = ExtractionInput(url: url, name: path)
                input.readers = readers
                var units: [String] = []
                let summary = try PDFExtractor(pagesPerReader: 1).extract(input) { u in
                    units.append("\(u.source.rawValue)|\(u.location.page ?? 0)|\(u.text)|\(u.glyphBoxes?.count ?? -1)")
                }
                return (units, summary.notices.map { "\($0.code)|\($0.page ?? 0)|\($0.message)" })
            }
            let one = try read(1), three = try read(3)
            XCTAssertFalse(one.0.isEmpty, path)
            XCTAssertEqual(three.0, one.0, path)
            XCTAssertEqual(three.1, one.1, path)
        }
    }
}
