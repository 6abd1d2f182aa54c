import Foundation
import SumiModel
import SumiText
import Yams

/// Finds postal addresses: [都道府県] 市区町村 町域 丁目・番地・号 [建物名 部屋番号], in any mix of
/// kanji numerals, full-width digits and dashes (the normalizer has already turned
/// 四丁目四番一号 into 4丁目4番1号 and every dash into "-").
///
/// A regular expression cannot tell where a Japanese address starts (本日世田谷区… is
/// all kanji), so the recognizer anchors on a known municipality name from the
/// gazetteer, reads a known town of that municipality (or, failing that, a run of
/// kanji/katakana), and then the block numbers. Without block numbers a place name is
/// not an address finding here: towns named in personal context are the town
/// recognizer's business. In a cell labelled 住所 or right after 住所：, an address
/// without municipality (代沢3-2-10) is accepted too.
///
/// Configured by Rules/recognizers/address.yaml (labels, keywords, examples).
struct AddressRecognizer: Recognizer {
    struct Config: Decodable {
        /// One rule (jp.address), written like every recognizer rule.
        var rules: [RecognizerRuleDefinition]
        /// Column headers / form labels whose cells are addresses.
        var fieldLabels: [String]
        /// Words after which an address without municipality may follow (住所：…).
        var keywords: [String]
        /// Endings that make a run of text a building name (ハイツ, マンション, 荘 …).
        var buildingSuffixes: [String]

        enum CodingKeys: String, CodingKey {
            case rules, keywords
            case fieldLabels = "field_labels"
            case buildingSuffixes = "building_suffixes"
        }
    }

    static let configFile = "recognizers/address.yaml"

    let info: RuleInfo
    let severity: Severity
    let gazetteer: Gazetteer
    /// Lexicon id → the municipality name it stands for.
    let municipalityIDs: [Int32: String]
    let keywordIDs: Set<Int32>
    let fieldLabels: [(word: String, units: [UInt16])]
    let buildingSuffixes: [[UInt16]]

    var rules: [RuleInfo] { [info] }

    static func load(directory: URL, normalizer: TextNormalizer, lexicon: LexiconBuilder,
                     gazetteer: Gazetteer?) throws -> AddressRecognizer? {
        let url = directory.appendingPathComponent(configFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let config: Config
        do {
            config = try YAMLDecoder().decode(Config.self, from: String(contentsOf: url, encoding: .utf8))
        } catch {
            throw RuleLoadError(file: configFile, message: "YAML を読めません: \(error)")
        }
        guard config.rules.count == 1, let rule = config.rules.first else {
            throw RuleLoadError(file: configFile, message: "expected exactly one rule (jp.address)")
        }
        let info = try rule.info(file: configFile)
        guard let gazetteer else {
            throw RuleLoadError(file: configFile, rule: rule.id, message: "dict/places/ (prefectures.tsv, municipalities.tsv) is missing")
        }
        var municipalityIDs: [Int32: String] = [:]
        for name in gazetteer.municipalities.keys { municipalityIDs[lexicon.id(for: name)] = name }
        func norm(_ s: String) -> String { normalizer.normalize(s).normalizedString }
        return AddressRecognizer(
            info: info, severity: info.severity, gazetteer: gazetteer, municipalityIDs: municipalityIDs,
            keywordIDs: Set(config.keywords.map { lexicon.id(for: norm($0)) }),
            fieldLabels: config.fieldLabels.map(norm).map { ($0, Array($0.utf16)) },
            buildingSuffixes: config.buildingSuffixes.map { Array(norm($0).utf16) })
    }

    func recognize(_ text: AnalyzedText, detections: inout [Detection], rejections: inout [Rejection]?) {
        let u = text.units
        guard !u.isEmpty else { return }
        var covered = 0   // addresses do not overlap: the next one starts after the last
        func emit(_ range: Range<Int>, confidence: Double, reason: String) {
            detections.append(Detection(
                rule: info.id, category: info.category, label: info.label, severity: severity,
                legalClass: info.legalClass, confidence: confidence, range: text.normalized.originalRange(range),
                reason: reason, normalized: text.string(range), normalizedRange: range))
            covered = range.upperBound
        }

        // 1. Known municipality, then town and block numbers. Longest name first at each start
        //    (川崎市多摩区 before 川崎市).
        let hits = text.hits.filter { municipalityIDs[$0.id] != nil }
            .sorted { ($0.start, $1.end) < ($1.start, $0.end) }
        for hit in hits where hit.start >= covered {
            let muni = municipalityIDs[hit.id]!
            // A municipality name glued to a preceding kanji that is not a prefecture is
            // part of another word (東北区域 is not 北区).
            // Unless a known town of it and block numbers follow: OCR puts stray kanji before
            // a line's first word (才世田谷区太子堂一丁目2番3号), and 北区域 has no town 域.
            var start = hit.start
            var glued = false
            if let p = gazetteer.prefecture(endingAt: start, in: u) { start -= p }
            else if start > 0, isKanji(u[start - 1]) { glued = true }
            var pos = hit.end
            if pos < u.count, u[pos] == 0x20 { pos += 1 }
            let townEnd: Int
            var known = false
            if let len = gazetteer.town(after: muni, in: u, at: pos) {
                townEnd = pos + len; known = true
            } else {
                if glued { continue }
                townEnd = pos + townRunLength(u, from: pos)
            }
            guard let block = blockNumbers(u, from: townEnd), block.numbers >= 2 || block.hasUnit else {
                rejections?.append(Rejection(rule: info.id, text: text.normalized.originalString(start..<max(townEnd, hit.end)),
                                             why: "市区町村名はあるが番地がないため住所として扱わない"))
                continue
            }
            let end = building(u, from: block.end)
            let where_ = known ? "「\(muni)」とその町名" : "「\(muni)」"
            emit(start..<end, confidence: known ? 0.95 : 0.85, reason: "\(where_)に番地が続く住所")
        }

        // 2. A cell labelled 住所 (CSV/XLSX column, form field): the address may lack a municipality.
        if covered == 0, !text.fieldLabel.isEmpty, let label = fieldLabels.first(where: { text.fieldLabelContains($0.units) })?.word {
            if let r = addressWithoutMunicipality(u, from: 0) {
                emit(r, confidence: 0.85, reason: "「\(label)」欄の町名と番地")
            }
        }

        // 3. Right after 住所 / 所在地 in running text.
        for hit in text.hits where keywordIDs.contains(hit.id) && hit.end >= covered {
            var pos = hit.end
            while pos < u.count, pos - hit.end < 3, [0x3A, 0x20, 0x29, 0x28].contains(u[pos]) { pos += 1 }
            if let r = addressWithoutMunicipality(u, from: pos, mustStartAt: true) {
                emit(r, confidence: 0.8, reason: "「\(text.string(hit.start..<hit.end))」の後の町名と番地")
            }
        }
    }

    /// A town-like run followed by block numbers, searched from `from` (or exactly there).
    private func addressWithoutMunicipality(_ u: [UInt16], from: Int, mustStartAt: Bool = false) -> Range<Int>? {
        var i = from
        while i < u.count {
            let run = townRunLength(u, from: i)
            if run > 0, let block = blockNumbers(u, from: i + run), block.numbers >= 2 || block.hasUnit {
                return i..<building(u, from: block.end)
            }
            if mustStartAt { return nil }
            i += max(run, 1)
        }
        return nil
    }

    /// Kanji, katakana and the marks used in town names (々 ヶ ノ), at most 12.
    private func townRunLength(_ u: [UInt16], from: Int) -> Int {
        var i = from
        while i < u.count, i - from < 12, isTownChar(u[i]) { i += 1 }
        return i - from
    }

    struct Block { var end: Int; var numbers: Int; var hasUnit: Bool }

    /// Block numbers: 3-18-8, 4丁目4番1号, 1丁目21番地20, 5番地の2 … (normalized digits).
    ///
    /// One space is allowed between a number and its unit and after a unit (太子堂 一 丁目 2 番
    /// 3 号): PDF producers that place each glyph, and OCR, put spaces there. Kanji numerals
    /// are read here only before a unit across such a space (the normalizer has converted
    /// those directly before a counter already).
    private func blockNumbers(_ u: [UInt16], from: Int) -> Block? {
        var i = from
        if i < u.count, u[i] == 0x20 { i += 1 }
        var numbers = 0, end = from, hasUnit = false
        func unit(at i: Int) -> [UInt16]? { Self.units.first(where: { matches($0, u, at: i) }) }
        while numbers < 5 {
            let digitsStart = i
            while i < u.count, isDigit(u[i]), i - digitsStart < 5 { i += 1 }
            if i == digitsStart {
                while i < u.count, isKanjiNumeral(u[i]), i - digitsStart < 4 { i += 1 }
                let spaced = i < u.count && u[i] == 0x20 ? 1 : 0
                guard i > digitsStart, unit(at: i + spaced) != nil else { i = digitsStart; break }
            } else if i < u.count, isDigit(u[i]) {
                return nil   // a long number is not a block number
            }
            numbers += 1; end = i
            if i + 1 < u.count, u[i] == 0x20, unit(at: i + 1) != nil { i += 1 }
            if let unit = unit(at: i) {
                i += unit.count; end = i; hasUnit = true
                if i < u.count, u[i] == 0x306E /* の */ { i += 1 }
                if i + 1 < u.count, u[i] == 0x20, isDigit(u[i + 1]) || isKanjiNumeral(u[i + 1]) { i += 1 }
            } else if i + 1 < u.count, u[i] == 0x2D || u[i] == 0x306E, isDigit(u[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        guard numbers > 0 else { return nil }
        // Not a date, amount or count: 3-18 followed by 年/月/円/人 is something else.
        if end < u.count, let next = Unicode.Scalar(u[end]), "年月日円人件名%時分".unicodeScalars.contains(next) { return nil }
        return Block(end: end, numbers: numbers, hasUnit: hasUnit)
    }

    private static let units: [[UInt16]] = ["丁目", "番地", "番", "号", "地割"].map { Array($0.utf16) }

    /// Building name and room after the block: ハイム緑306号室, コーポ若葉 102, 205号室.
    private func building(_ u: [UInt16], from: Int) -> Int {
        var i = from
        if i < u.count, u[i] == 0x20 { i += 1 }
        let nameStart = i
        while i < u.count, i - nameStart < 20, isBuildingChar(u[i]) { i += 1 }
        let nameEnd = i
        if i < u.count, u[i] == 0x20 { i += 1 }
        let digitsStart = i
        while i < u.count, isDigit(u[i]), i - digitsStart < 5 { i += 1 }
        guard i > digitsStart, i - digitsStart <= 4 else { return from }
        if let unit = Self.roomUnits.first(where: { matches($0, u, at: i) }) { return i + unit.count }
        if i < u.count, isDigit(u[i]) || u[i] == 0x2D || u[i] == 0x2F { return from }
        let name = Array(u[nameStart..<nameEnd])
        let katakana = name.filter { $0 >= 0x30A1 && $0 <= 0x30FA }.count
        if katakana >= 2 || buildingSuffixes.contains(where: { name.count >= $0.count && name.suffix($0.count).elementsEqual($0) }) {
            return i
        }
        return from
    }

    private static let roomUnits: [[UInt16]] = ["号室", "号", "階", "F"].map { Array($0.utf16) }

    private func matches(_ word: [UInt16], _ u: [UInt16], at i: Int) -> Bool {
        i + word.count <= u.count && u[i..<i + word.count].elementsEqual(word)
    }
}

@inline(__always) private func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }
@inline(__always) private func isKanji(_ c: UInt16) -> Bool { (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005 }
@inline(__always) private func isKanjiNumeral(_ c: UInt16) -> Bool {
    "〇一二三四五六七八九十".utf16.contains(c)
}
@inline(__always) private func isTownChar(_ c: UInt16) -> Bool {
    isKanji(c) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30F6 || c == 0x30F5
}
@inline(__always) private func isBuildingChar(_ c: UInt16) -> Bool {
    isTownChar(c) || c == 0x30FB || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x3041 && c <= 0x3093)
}
