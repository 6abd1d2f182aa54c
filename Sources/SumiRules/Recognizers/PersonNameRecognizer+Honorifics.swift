import SumiModel
import SumiText

/// Names before honorifics and titles (井上様, ○髙橋会長) and before self-introductions (…の髙橋です).
extension PersonNameRecognizer {
    // MARK: honorifics and titles after

    func honorificContext(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate],
                          _ rejections: inout [Rejection]?) {
        let n = u.count
        for (id, word, kanjiWord) in honorifics {
            for h in text.hits(of: id) where h.start > 0 {
                // 氏名, 様式, 様々, 先生方: the honorific must end the word.
                if kanjiWord, h.end < n, Script.isKanji(u[h.end]) || u[h.end] == 0x3005 { continue }
                // 柿ノ窪　いろみ　様: a salutation line may put a space before 様 or 殿; then the
                // name must start the line and have a full name's shape.
                if u[h.start - 1] == 0x20 {
                    guard Self.spacedHonorifics.contains(word) else { continue }
                    var e = h.start
                    while e > 0 && u[e - 1] == 0x20 { e -= 1 }
                    if let r = shapedNameBefore(u, e) {
                        out.append(Candidate(range: r, confidence: confidence - 0.05, reason: "宛名の行で「\(word)」の前の氏名"))
                    }
                    continue
                }
                let end = h.start
                let last = u[end - 1]
                if Script.isKanji(last) {
                    let rs = Script.runStart(Array(u[max(0, end - 10)..<end]), to: min(10, end), { Script.isKanji($0) }) + max(0, end - 10)
                    let run = string(u, rs..<end)   // short: at most 10 units
                    if honorificStop.contains(run) { reject(&rejections, run, "「\(run)\(word)」は呼びかけ・一般語"); continue }
                    if let org = organisation(u, rs..<end) { reject(&rejections, run, "組織名（「\(org)」で終わる）に続く「\(word)」"); continue }
                    // 【霧橋委員】, 【岬宮会長】 at the start of a line: a surname outside the lists,
                    // whole, rather than the listed surname at its end (宮) or nothing.
                    // Not before 課長, 部長 …: 財政課長 is a department's head (財政課 + 長).
                    let whole = nameRunStart(u, end, limit: 5)
                    // Line start, 【 or ( , or a speaker mark of minutes (○ ◯ ● ◎ ◆ ◇ ■ □).
                    let lineStart = whole == 0 || [0x0A, 0x0D, 0x3010, 0x28, 0xFF08, 0x25CB, 0x25EF, 0x25CF, 0x25CE,
                                                   0x25C6, 0x25C7, 0x25A0, 0x25A1].contains(u[whole - 1])
                    let departmentHead = [0x8AB2, 0x90E8, 0x4FC2, 0x5BA4, 0x5C40, 0x6240].contains(u[h.start])
                    if end - whole >= 2, lineStart, !departmentHead, kanjiName(u, whole..<end) == nil,
                       organisation(u, whole..<end) == nil, !honorificStop.contains(string(u, whole..<end)),
                       nameKanji.surnameShaped(u, whole..<end) {
                        out.append(Candidate(range: whole..<end, confidence: confidence - 0.05,
                                             reason: "行頭で敬称・役職「\(word)」の前の姓"))
                        continue
                    }
                    var best: (Range<Int>, Shape)? = nil
                    for start in rs..<end {
                        guard let (shape, f) = kanjiName(u, start..<end) else { continue }
                        // Inside a longer compound only a common-list surname or a full name counts.
                        if start > rs && !(shape == .full || f.contains(.surname1)) { continue }
                        // 齋藤 一郎理事: a given name before a title needs its surname before the space.
                        if shape == .given && kanjiWord && !["君", "殿"].contains(word) {
                            guard start == rs, rs >= 2, u[rs - 1] == 0x20, Script.isKanji(u[rs - 2]) else { continue }
                            var ss = rs - 1
                            while ss > 0 && rs - 1 - ss < 4 && Script.isKanji(u[ss - 1]) { ss -= 1 }
                            guard names.flags(u, ss..<(rs - 1)).isSurname else { continue }
                            best = (ss..<end, .full); break
                        }
                        best = (start..<end, shape); break
                    }
                    if best == nil, let r = shapedNameBefore(u, end) {
                        out.append(Candidate(range: r, confidence: confidence - 0.05, reason: "敬称・役職「\(word)」の前の氏名（行頭）"))
                        continue
                    }
                    guard var (r, shape) = best else {
                        reject(&rejections, run, "「\(word)」の前の「\(run)」は辞書の姓・名にない"); continue
                    }
                    // 小林 裕子さん: extend over a space to the surname.
                    if shape != .full, r.lowerBound >= 2, u[r.lowerBound - 1] == 0x20, Script.isKanji(u[r.lowerBound - 2]) {
                        let ss = Script.runStart(Array(u[max(0, r.lowerBound - 6)..<(r.lowerBound - 1)]), to: min(5, r.lowerBound - 1), { Script.isKanji($0) }) + max(0, r.lowerBound - 6)
                        if let (s2, _) = kanjiName(u, ss..<end), s2 == .full { r = ss..<end; shape = .full }
                    }
                    out.append(Candidate(range: r, confidence: confidence, reason: "敬称・役職「\(word)」の前の\(shape == .given ? "名" : "氏名")"))
                } else if Script.isKana(last) && !kanjiWord {
                    let kind = Script.kanaClass(of: last)
                    var s = end
                    while s > 0 && end - s < 8 && kind(u[s - 1]) { s -= 1 }
                    var accepted = false
                    for start in s..<(end - 1) {
                        let f = givenFlags(u, start..<end)
                        let name = string(u, start..<end)
                        if kanaStop.contains(name) || honorificStop.contains(name) { continue }
                        if f.contains(.givenKana) || f.contains(.surnameKana) || f.contains(.given2) || foreignParts.contains(name) {
                            // Surname in kanji before a kana given name: 佐藤はるとくん.
                            var r = start..<end
                            if start > 0, Script.isKanji(u[start - 1]) {
                                let ks = Script.runStart(Array(u[max(0, start - 4)..<start]), to: min(4, start), { Script.isKanji($0) }) + max(0, start - 4)
                                if names.flags(u, ks..<start).isSurname { r = ks..<end }
                            }
                            out.append(Candidate(range: r, confidence: confidence - 0.1, reason: "敬称「\(word)」の前の名"))
                            accepted = true
                            break
                        }
                    }
                    if !accepted, let r = shapedNameBefore(u, end) {
                        out.append(Candidate(range: r, confidence: confidence - 0.1, reason: "敬称「\(word)」の前の氏名（行頭）"))
                        accepted = true
                    }
                    if !accepted && rejections != nil {
                        reject(&rejections, string(u, s..<end), "「\(word)」の前のかなは辞書の名にない")
                    }
                } else if Script.isKatakana(last) || Script.isNameJoiner(last) {
                    var s = end
                    while s > 0 && end - s < 24 && (Script.isKatakana(u[s - 1]) || Script.isNameJoiner(u[s - 1])) { s -= 1 }
                    var found = katakanaName(u, s..<end, requirePart: false)
                    if let wide = shapedNameBefore(u, end), wide.count > (found?.count ?? 0) { found = wide }
                    if let r = found {
                        out.append(Candidate(range: r, confidence: confidence - 0.05, reason: "敬称・役職「\(word)」の前のカタカナ氏名"))
                    }
                } else if Script.isLatin(last) {
                    if let r = romajiBefore(u, end) {
                        out.append(Candidate(range: r, confidence: confidence - 0.05, reason: "敬称・役職「\(word)」の前のローマ字氏名"))
                    }
                }
            }
        }
    }

    /// Honorifics a salutation line may put after a space (柿ノ窪　いろみ　様).
    static let spacedHonorifics: Set<String> = ["様", "殿", "さま"]

    /// Records a rejected candidate for `sumi rules explain`; builds no string during a scan.
    func reject(_ rejections: inout [Rejection]?, _ text: @autoclosure () -> String, _ why: @autoclosure () -> String) {
        guard rejections != nil else { return }
        rejections?.append(Rejection(rule: info.id, text: text(), why: why()))
    }

    /// 等々力の髙橋です。/ 山田太郎と申します: a common-list surname or a full name right before a
    /// self-introduction, at the start of a sentence or after 「…の」.
    func selfIntroductionContext(_ text: AnalyzedText, _ u: UnsafeBufferPointer<UInt16>, _ out: inout [Candidate]) {
        for (id, word) in selfIntroductions {
            for h in text.hits(of: id) where h.start > 0 {
                if Script.isKatakana(u[h.start - 1]) {
                    // 北沢に住むひとり親のミナです。
                    var s = h.start
                    while s > 0 && h.start - s < 8 && Script.isKatakana(u[s - 1]) { s -= 1 }
                    if s > 0, u[s - 1] == 0x306E, names.flags(u, s..<h.start).contains(.givenKana) {
                        out.append(Candidate(range: s..<h.start, confidence: confidence - 0.1, reason: "自己紹介「\(word)」の前の名"))
                    }
                    continue
                }
                guard Script.isKanji(u[h.start - 1]) else { continue }
                var s = h.start
                while s > 0 && h.start - s < 7 && (Script.isKanji(u[s - 1]) || ((u[s - 1] == 0x20 || NameKanji.isSurnameInfix(u[s - 1])) && s >= 2 && Script.isKanji(u[s - 2]))) { s -= 1 }
                // 流木町に住む楠ノ野 琥吾と申します: after a clause, only a spaced full name in a name's
                // shape before と申します (the space and the shape say "name", the clause does not).
                if s > 0, Script.isHiragana(u[s - 1]), u[s - 1] != 0x306E, word != "です。",
                   (s..<h.start).contains(where: { u[$0] == 0x20 }), shapedFullName(u, s..<h.start) {
                    out.append(Candidate(range: s..<h.start, confidence: confidence - 0.1, reason: "自己紹介「\(word)」の前の氏名"))
                    continue
                }
                guard s == 0 || [0x306E, 0x0A, 0x3002, 0x3001, 0x20, 0x28, 0x3000].contains(u[s - 1]) else { continue }
                // 中学校への進学です: an everyday word before です is prose (進 + 学 are listed names).
                if everydayWords.contains(string(u, s..<h.start)) { continue }
                guard let (shape, f) = kanjiName(u, s..<h.start), shape == .full || (shape == .surname && f.contains(.surname1)) else {
                    // 泉間琥児と申します / 梶ノ江 湊馬です: outside the lists, a full name's shape;
                    // before です only with the space between the parts (…の課題です is prose).
                    let spaced = (s..<h.start).contains { u[$0] == 0x20 }
                    if (spaced || word != "です。"), shapedFullName(u, s..<h.start) {
                        out.append(Candidate(range: s..<h.start, confidence: confidence - 0.1, reason: "自己紹介「\(word)」の前の氏名"))
                    }
                    continue
                }
                out.append(Candidate(range: s..<h.start, confidence: confidence - 0.1, reason: "自己紹介「\(word)」の前の氏名"))
            }
        }
    }
}
