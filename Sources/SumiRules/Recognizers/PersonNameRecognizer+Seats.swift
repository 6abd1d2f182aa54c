import SumiModel
import SumiText

/// Staff on a seating chart: in a document whose title says 座席表 (`DocumentContext`),
/// each seat label is a surname with at most a role, an employment kind or an extension
/// beside it — 福本 内線3919, 国分（会計年度）, 会計年度 小谷野, 鷲ノ沢 課長補佐. What is
/// left after those is taken as a name when it is a surname in the lists or in a surname's
/// shape, or a foreign name in katakana with ・; things on the plan (複合機, 書庫) are not.
extension PersonNameRecognizer {
    /// Separators between seat labels on one line.
    private static func isSeatSeparator(_ c: UInt16) -> Bool {
        c == 0x20 || c == 0x3000 || c == 0x09 || c == 0x3001 || c == 0x2C || c == 0xFF0C || c == 0x2F || c == 0xFF0F
            || c == 0x7C || c == 0x2501 || c == 0x2500 || c == 0x25A0 || c == 0x25A1
    }

    private static func isOpenBracket(_ c: UInt16) -> Bool {
        c == 0x28 || c == 0xFF08 || c == 0x3010 || c == 0x5B || c == 0xFF3B || c == 0x3014
    }

    func seatLabels(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        guard text.document.seatingChart, !seats.isEmpty,
              text.unit.source == .body || text.unit.source == .headerFooter else { return }
        var start = 0
        while start < u.count {
            var end = start
            while end < u.count && u[end] != 0x0A && u[end] != 0x0D { end += 1 }
            seatLine(u, start..<end, &out)
            start = end + 1
        }
    }

    /// One line of seat labels; a title line (座席表…) or a sentence (…。) has none.
    private func seatLine(_ u: UnsafeBufferPointer<UInt16>, _ line: Range<Int>, _ out: inout [Candidate]) {
        guard !line.isEmpty, !line.contains(where: { u[$0] == 0x3002 }),
              !seats.titles.contains(where: { UTF16Search.contains(u, $0, in: line) }) else { return }
        var labels: [(core: Range<Int>, whole: Range<Int>)] = []
        var k = line.lowerBound
        while k < line.upperBound {
            while k < line.upperBound && Self.isSeatSeparator(u[k]) { k += 1 }
            var e = k
            var depth = 0
            while e < line.upperBound && (depth > 0 || !Self.isSeatSeparator(u[e])) {
                if Self.isOpenBracket(u[e]) { depth += 1 } else if depth > 0 && isCloseBracket(u[e]) { depth -= 1 }
                e += 1
            }
            if k < e, let core = seatCore(u, k..<e) { labels.append((core, k..<e)) }
            k = e
        }
        var i = 0
        while i < labels.count {
            let core = labels[i].core
            // 泉谷 歌与: a surname and, one space on, a given name that is no surname: one person.
            if i + 1 < labels.count, labels[i].whole.upperBound + 1 == labels[i + 1].whole.lowerBound,
               core.upperBound == labels[i].whole.upperBound, labels[i + 1].core.lowerBound == labels[i + 1].whole.lowerBound,
               u[core.upperBound] == 0x20, isNameKanjiRun(u, core) {
                let g = labels[i + 1].core
                if givenFlags(u, g).isGiven && !names.flags(u, g).isSurname && isNameKanjiRun(u, g) {
                    out.append(Candidate(range: core.lowerBound..<g.upperBound, confidence: confidence - 0.05,
                                         reason: "座席表・配置図の席に書かれた氏名"))
                    i += 2
                    continue
                }
            }
            if seatName(u, core) {
                out.append(Candidate(range: core, confidence: confidence - 0.1, reason: "座席表・配置図の席に書かれた氏名"))
            }
            i += 1
        }
    }

    private func isCloseBracket(_ c: UInt16) -> Bool {
        c == 0x29 || c == 0xFF09 || c == 0x3011 || c == 0x5D || c == 0xFF3D || c == 0x3015
    }

    /// The label without its bracketed note and the roles before and after it.
    private func seatCore(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound
        var hi = r.upperBound
        if let b = (lo..<hi).first(where: { Self.isOpenBracket(u[$0]) }) { hi = b }
        var changed = true
        while changed && lo < hi {
            changed = false
            for role in seats.roles where role.count <= hi - lo {
                if UTF16Search.hasPrefix(u, at: lo, role, end: hi) { lo += role.count; changed = true; break }
                if UTF16Search.hasPrefix(u, at: hi - role.count, role, end: hi) { hi -= role.count; changed = true; break }
            }
        }
        guard lo < hi, !(lo..<hi).allSatisfy({ Script.isDigit(u[$0]) || u[$0] == 0x2D }) else { return nil }
        return lo..<hi
    }

    /// A surname in the lists or in a surname's shape, or a katakana name with ・, and not a thing.
    private func seatName(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        let word = string(u, r)
        if seats.objects.contains(word) || titleWords.contains(word) || seats.objectEndings.contains(u[r.upperBound - 1]) { return false }
        if isNameKanjiRun(u, r) {
            guard r.count <= 5, organisation(u, r) == nil, !NameKanji.isSurnameInfix(u[r.lowerBound]),
                  !NameKanji.isSurnameInfix(u[r.upperBound - 1]) else { return false }
            return names.flags(u, r).isSurname || nameKanji.surnameShaped(u, r)
        }
        // アフメド・プリヤ: katakana parts joined by ・ or ＝.
        guard r.count >= 4, r.count <= 24, r.allSatisfy({ Script.isKatakana(u[$0]) || Script.isNameJoiner(u[$0]) }),
              r.contains(where: { Script.isNameJoiner(u[$0]) }),
              !Script.isNameJoiner(u[r.lowerBound]), !Script.isNameJoiner(u[r.upperBound - 1]) else { return false }
        return true
    }
}
