import SumiRules

/// Deterministic Japanese text shaped like municipal documents: mostly policy prose with dates,
/// amounts and section numbers (things that look like numbers but are not personal), and a few
/// pieces of personal information per page (about 3 per 1,500 characters).
struct MunicipalText {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        // SplitMix64: fixed seed, same text on every machine.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    private mutating func digits(_ n: Int) -> String { (0..<n).map { _ in String(int(10)) }.joined() }
    private mutating func pick(_ a: [String]) -> String { a[int(a.count)] }

    static let prose = [
        "区民の皆様からいただいたご意見の概要と区の考え方をお示しします。",
        "インクルーシブ教育の推進に向けて、障害のある子どもへの支援体制を充実させます。",
        "認知症施策の推進については、地域包括支援センターと連携して取り組みます。",
        "がん検診の受診率向上のため、令和6年度は対象年齢を拡大しました。",
        "本計画の期間は令和7年4月1日から令和12年3月31日までの5年間とします。",
        "事業費は総額1,234,500千円で、うち国庫補助金は312,000千円です。",
        "第3章第2節に定める基本方針に基づき、各事業の進捗を毎年度評価します。",
        "説明会は区内5か所で開催し、延べ238名の方にご参加いただきました。",
        "いただいたご意見は、趣旨を損なわない範囲で要約して掲載しています。",
        "子育て世帯への経済的支援として、児童手当の支給事務を円滑に行います。",
        "防災訓練は毎年9月1日前後に実施し、避難所運営の手順を確認しています。",
        "高齢者の見守り活動について、町会・自治会と協力して体制を整えます。",
        "区立小学校62校、中学校29校の施設の改修を計画的に進めます。",
        "公園の整備にあたっては、ユニバーサルデザインの考え方を取り入れます。",
        "パブリックコメントの実施期間は令和6年11月1日から同月30日まででした。",
        "意見数は合計152件（提出者数48名）で、分野別の内訳は別表のとおりです。",
    ]

    static let surnames = ["佐藤", "鈴木", "髙橋", "田中", "渡邊", "伊藤", "山本", "中村", "小林", "齋藤"]

    /// A My Number that passes the official check digit.
    private mutating func myNumber() -> String {
        let body = (0..<11).map { _ in int(10) }
        let check = Validators.myNumberCheckDigit(forFirst11: body)
        let s = body.map(String.init).joined() + String(check)
        let a = s.startIndex
        return "\(s[a..<s.index(a, offsetBy: 4)]) \(s[s.index(a, offsetBy: 4)..<s.index(a, offsetBy: 8)]) \(s[s.index(a, offsetBy: 8)...])"
    }

    private mutating func personal() -> String {
        switch int(6) {
        case 0: return "担当：政策経営部 電話 03-\(digits(4))-\(digits(4))\n"
        case 1: return "連絡先 090-\(digits(4))-\(digits(4))（\(pick(Self.surnames))）\n"
        case 2: return "メール: user\(digits(3))@example.jp までお寄せください。\n"
        case 3: return "〒154-\(digits(4)) 東京都世田谷区世田谷4丁目\(int(30) + 1)番\(int(30) + 1)号\n"
        case 4: return "申請者 \(pick(Self.surnames)) 様（生年月日 昭和\(int(60) + 1)年\(int(12) + 1)月\(int(28) + 1)日）\n"
        default: return "個人番号 \(myNumber())\n"
        }
    }

    /// About `bytes` bytes of UTF-8 text, in lines.
    mutating func generate(bytes: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 4096)
        var size = 0
        var sinceFinding = 0
        while size < bytes {
            var line = ""
            for _ in 0..<(int(3) + 1) { line += pick(Self.prose) }
            line += "\n"
            sinceFinding += line.utf8.count
            // About one finding per 500 bytes of prose (three per page of 1,500 characters ≈ 4,500 bytes).
            if sinceFinding > 1_200 + int(600) {
                line += personal()
                sinceFinding = 0
            }
            size += line.utf8.count
            out += line
        }
        return out
    }
}
