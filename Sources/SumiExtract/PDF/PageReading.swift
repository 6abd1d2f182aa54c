import Foundation
import SumiModel

/// What reading one page produced, kept until the page's turn to be emitted.
struct PageResult {
    var units: [TextUnit] = []
    var notices: [NoticeAction] = []
    /// An error that ends the file (from an attachment's reader), raised when the page is emitted.
    var error: (any Error)?
}

/// A change to the file's notice list, replayed in page order so the list (and its caps
/// per kind) is the same however many threads read the pages.
enum NoticeAction {
    case add(Notice)
    case addAll([Notice])
    case addOnce(Notice)
    case addPage(Notice)

    func apply(to list: inout NoticeList) {
        switch self {
        case .add(let n): list.add(n)
        case .addAll(let ns): list.add(ns)
        case .addOnce(let n): list.addOnce(n)
        case .addPage(let n): list.addPage(n)
        }
    }
}

/// Reads the pages of one document on this thread and `readers - 1` helper threads, each
/// helper with its own copy of the document, and emits the results on this thread in page
/// order. Readers take the next page from a shared counter, at most `window` pages ahead
/// of the last emitted one, so memory stays bounded by a few pages.
enum PageReading {
    static let window = 16

    /// Returns the first page not read when the time limit stopped the reading, else nil.
    static func run<Document>(pageCount: Int, readers: Int, input: ExtractionInput,
                              open: @escaping () throws -> Document, first: Document,
                              read: @escaping (Document, Int) throws -> PageResult,
                              emit: (PageResult) throws -> Void) throws -> Int? {
        let board = PageBoard(pageCount: pageCount, window: window, deadline: input.deadline)
        let helpers = DispatchGroup()
        // Helpers stop taking pages once the board is closed (the file failed or ended).
        defer {
            board.close()
            helpers.wait()
        }
        let helper = UncheckedBox((open, read))
        for _ in 1..<max(1, readers) {
            helpers.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                defer { helpers.leave() }
                // A helper that cannot open the document leaves its pages to the others.
                guard let document = try? helper.value.0() else { return }
                while let index = board.take(waiting: true) {
                    let result: PageResult
                    do { result = try helper.value.1(document, index) } catch { result = PageResult(error: error) }
                    board.put(index, result)
                }
            }
        }
        while true {
            while let ready = board.nextReady() { try emit(ready) }
            if let index = board.take(waiting: false) {
                let result: PageResult
                do { result = try read(first, index) } catch { result = PageResult(error: error) }
                board.put(index, result)
                continue
            }
            switch board.waitForNext() {
            case .page(let ready): try emit(ready)
            case .readMore: continue
            case .done: return board.stoppedAt
            }
        }
    }
}

/// The shared state of `PageReading.run`: which page to read next, the results waiting to
/// be emitted, and the time limit.
private final class PageBoard: @unchecked Sendable {
    private let condition = NSCondition()
    private let pageCount: Int
    private let window: Int
    private let deadline: Date
    private var next = 0
    private var emitted = 0
    private var results: [Int: PageResult] = [:]
    private var closed = false
    /// The first page not handed out because time ran out.
    private(set) var stoppedAt: Int?

    init(pageCount: Int, window: Int, deadline: Date) {
        self.pageCount = pageCount
        self.window = window
        self.deadline = deadline
    }

    /// The next page to read; nil when all are handed out (or time is up, or the board is
    /// closed). With `waiting` false, also nil when the window is full.
    func take(waiting: Bool) -> Int? {
        condition.lock(); defer { condition.unlock() }
        while true {
            if closed || next >= pageCount || stoppedAt != nil { return nil }
            if Date() >= deadline { stoppedAt = next; condition.broadcast(); return nil }
            if next < emitted + window { next += 1; return next - 1 }
            if !waiting { return nil }
            condition.wait()
        }
    }

    func put(_ index: Int, _ result: PageResult) {
        condition.lock(); results[index] = result; condition.broadcast(); condition.unlock()
    }

    /// The next page in order if it is ready.
    func nextReady() -> PageResult? {
        condition.lock(); defer { condition.unlock() }
        return popNext()
    }

    enum Next { case page(PageResult), readMore, done }

    /// The next page in order, waiting for a helper to finish it; `done` when every page
    /// handed out has been emitted and no more will be, `readMore` when none is in progress.
    func waitForNext() -> Next {
        condition.lock(); defer { condition.unlock() }
        while true {
            if let r = popNext() { return .page(r) }
            if emitted >= next {
                return next >= pageCount || stoppedAt != nil || closed ? .done : .readMore
            }
            condition.wait()
        }
    }

    private func popNext() -> PageResult? {
        guard let r = results.removeValue(forKey: emitted) else { return nil }
        emitted += 1
        condition.broadcast()
        return r
    }

    func close() {
        condition.lock(); closed = true; condition.broadcast(); condition.unlock()
    }
}

/// Hands non-Sendable closures to the helper threads. Safe here: each helper calls them
/// on its own document, and `run` waits for the helpers before returning.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
