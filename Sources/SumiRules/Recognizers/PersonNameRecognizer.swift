import SumiModel
import SumiText

/// Person names (氏名) in free text, tables and forms. Context decides, never a
/// dictionary hit alone: an honorific or title after (さん, 様, 委員), a relation word
/// before (孫の + a given name alone, in kanji, hiragana or katakana), a name field or
/// column (氏名, 担当), or a surname followed by a given name. Foreign residents' names
/// in katakana with ・/＝ and in romaji (Taro YAMADA) are taken with the same context.
/// Word lists: Rules/recognizers/person_name.yaml; names: Rules/dict/names/.
struct PersonNameRecognizer: Recognizer {
    let rules: [RuleInfo]
    let names: NameLexicon
    let context: PersonContext
    let honorifics: [(id: Int32, word: String, kanji: Bool)]
    let inlineLabels: [(id: Int32, word: String)]
    let selfIntroductions: [(id: Int32, word: String)]
    let honorificStop: Set<String>
    let fieldLabels: [(word: String, units: [UInt16])]
    let fieldLabelExclude: [[UInt16]]
    let cellStop: Set<String>
    let organisationWords: [[UInt16]]
    let kanaStop: Set<String>
    let foreignParts: Set<String>
    let romajiStop: Set<String>
    let titleWords: Set<String>
    let readingLabels: [[UInt16]]
    let readingLabelExclude: [[UInt16]]
    let formWords: [[UInt16]]
    let everydayWords: Set<String>
    let nameKanji: NameKanji
    /// Seat labels of a seating chart (recognizers/seating_chart.yaml); empty without the file.
    let seats: SeatingChart
    let confidence: Double

    var info: RuleInfo { rules[0] }

    init(file: PersonNameFile, path: String, names: NameLexicon, nameKanji: NameKanji = NameKanji(),
         seats: SeatingChart = SeatingChart(), context: PersonContext,
         normalizer: TextNormalizer, lexicon: LexiconBuilder) throws {
        rules = try file.rules.map { try $0.info(file: path) }
        guard rules.count == 1, rules[0].category == .personName else {
            throw RuleLoadError(file: path, message: "person_name.yaml must define exactly one rule of category person_name")
        }
        confidence = file.rules[0].confidence ?? 0.85
        self.names = names
        self.context = context
        let titles = Set(file.titles)
        honorifics = RecognizerConfig.literals(file.honorifics + file.titles, normalizer, lexicon).map { lit in
            (lit.id, lit.word, titles.contains(lit.word) || lit.word.unicodeScalars.contains { $0.value >= 0x4E00 })
        }
        inlineLabels = RecognizerConfig.literals(file.inlineLabels, normalizer, lexicon)
        selfIntroductions = RecognizerConfig.literals(file.selfIntroductions ?? [], normalizer, lexicon)
        honorificStop = RecognizerConfig.normalizedSet(file.honorificStopwords, normalizer)
        fieldLabels = RecognizerConfig.normalizedSet(file.fieldLabels, normalizer).sorted().map { ($0, Array($0.utf16)) }
        fieldLabelExclude = RecognizerConfig.normalizedSet(file.fieldLabelExclude, normalizer).sorted().map { Array($0.utf16) }
        cellStop = RecognizerConfig.normalizedSet(file.cellStopwords, normalizer)
        organisationWords = file.organisationWords.map { Array(normalizer.normalize($0).units) }
        kanaStop = Set(file.kanaStopwords)
        foreignParts = RecognizerConfig.normalizedSet(file.foreignNameParts, normalizer)
        romajiStop = Set(file.romajiStopwords.map { $0.uppercased() })
        titleWords = RecognizerConfig.normalizedSet(file.titles, normalizer)
        readingLabels = RecognizerConfig.normalizedSet(file.readingLabels ?? [], normalizer).sorted().map { Array($0.utf16) }
        readingLabelExclude = RecognizerConfig.normalizedSet(file.readingLabelExclude ?? [], normalizer).sorted().map { Array($0.utf16) }
        formWords = RecognizerConfig.normalizedSet(file.formWords ?? [], normalizer).sorted().map { Array($0.utf16) }
        everydayWords = RecognizerConfig.normalizedSet(file.everydayWords ?? [], normalizer)
        self.nameKanji = nameKanji
        self.seats = seats
    }

    struct Candidate {
        var range: Range<Int>
        var confidence: Double
        var reason: String
    }

    func recognize(_ text: AnalyzedText, detections: inout [Detection], rejections: inout [Rejection]?) {
        let u = text.units
        guard !u.isEmpty else { return }
        var found: [Candidate] = []
        u.withUnsafeBufferPointer { buf in
            fieldCell(text, buf, &found, &rejections)
            tableCells(text, buf, &found)
            readingCell(text, buf, &found)
            signatureLines(buf, &found)
            pairs(buf, &found)
            honorificContext(text, buf, &found, &rejections)
            relationContext(text, buf, &found, &rejections)
            inlineLabelContext(text, buf, &found)
            selfIntroductionContext(text, buf, &found)
            foreignNames(buf, &found)
            seatLabels(text, buf, &found)
        }
        for c in Self.longestFirst(found) {
            detections.append(Detection(
                rule: info.id, category: .personName, label: info.label, severity: info.severity,
                legalClass: info.legalClass, confidence: (c.confidence * 100).rounded() / 100, range: text.normalized.originalRange(c.range),
                reason: c.reason, normalized: text.string(c.range), normalizedRange: c.range))
        }
    }

    /// Overlapping candidates: keep the longer, then the more confident.
    static func longestFirst(_ cs: [Candidate]) -> [Candidate] {
        let sorted = cs.sorted {
            $0.range.count != $1.range.count ? $0.range.count > $1.range.count : $0.confidence > $1.confidence
        }
        var kept: [Candidate] = []
        for c in sorted where !kept.contains(where: { $0.range.overlaps(c.range) }) { kept.append(c) }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: name shapes

    enum Shape { case full, surname, given }

    /// A kanji name filling exactly `r`: surname + given (with or without one space), or one part.
    func kanjiName(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> (Shape, NameLexicon.Flags)? {
        guard r.count > 0 else { return nil }
        if let sp = r.first(where: { u[$0] == 0x20 }) {
            let sf = names.flags(u, r.lowerBound..<sp), gf = givenFlags(u, (sp + 1)..<r.upperBound)
            return sf.isSurname && gf.isGiven ? (.full, sf.union(gf)) : nil
        }
        if r.count >= 2 {
            for k in stride(from: r.upperBound - 1, to: r.lowerBound, by: -1) {
                let sf = names.flags(u, r.lowerBound..<k), gf = names.flags(u, k..<r.upperBound)
                if sf.isSurname && gf.isGiven && !(sf.contains(.surname2) && gf.contains(.given2)) { return (.full, sf.union(gf)) }
            }
        }
        let f = names.flags(u, r)
        if f.isSurname { return (.surname, f) }
        if f.isGiven { return (.given, f) }
        return nil
    }

    /// Flags of a given name in any script (kana names must not be stop words).
    func givenFlags(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> NameLexicon.Flags {
        let f = names.flags(u, r)
        if f.contains(.givenKana) && kanaStop.contains(String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF16.self)) {
            return f.subtracting(.givenKana)
        }
        return f
    }

    func string(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: u[r]), as: UTF16.self)
    }

    /// The kanji run ends with an organisation word (株式会社, 建設, 中学校), and is not itself a
    /// listed surname: 岡部, 服部, 阿部 end with 部 and are people (【岡部委員】 was missed).
    func organisation(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> String? {
        if r.count <= 3, names.flags(u, r).isSurname { return nil }
        for w in organisationWords where w.count <= r.count {
            var ok = true
            for k in 0..<w.count where u[r.upperBound - w.count + k] != w[k] { ok = false; break }
            if ok { return String(decoding: w, as: UTF16.self) }
        }
        return nil
    }
}
