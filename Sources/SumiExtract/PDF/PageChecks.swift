import CPoppler
import Foundation
import SumiModel

/// Signs that a page was not really read: no text layer over a page-sized image (a scan),
/// or text from fonts without a usable ToUnicode map (private-use, replacement, control characters).
enum PageChecks {
    /// A page with (almost) no text whose images cover at least half of it.
    static func isImageOnly(_ page: PopplerPageRef, inkCount: Int) -> Bool {
        guard inkCount < 10 else { return false }
        // One extra pass over the page, only for pages with almost no text.
        let list = poppler_page_get_image_mapping(page.handle)
        defer { poppler_page_free_image_mapping(list) }
        var covered = 0.0
        forEachGList(list) { p in
            let r = p.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
            covered += abs(r.x2 - r.x1) * abs(r.y2 - r.y1)
        }
        return covered >= 0.5 * page.width * page.height
    }

    /// Characters that cannot be real text: private use, U+FFFD, C0/C1 controls other than line breaks and tabs.
    static func unmappedCount(_ scalars: [Unicode.Scalar]) -> (bad: Int, total: Int) {
        var bad = 0, total = 0
        for s in scalars where !(s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{3000}" || s == "\u{A0}") {
            total += 1
            let v = s.value
            if (0xE000...0xF8FF).contains(v) || v >= 0xF0000 || v == 0xFFFD || v < 0x20 || (0x7F...0x9F).contains(v) { bad += 1 }
        }
        return (bad, total)
    }

    /// Garbage enough that the page cannot be trusted: at least 5 such characters and 10 % of the page.
    static func isGarbled(bad: Int, total: Int) -> Bool { bad >= 5 && bad * 10 >= total }
}
