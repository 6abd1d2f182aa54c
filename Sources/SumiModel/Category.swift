/// What kind of personal information a finding is. Raw values are the report
/// contract's stable ids (schema/scan-report.schema.json).
public enum Category: String, Codable, CaseIterable, Sendable, Comparable {
    case personName = "person_name"
    case address
    case postalCode = "postal_code"
    case phone
    case email
    case birthDate = "birth_date"
    case myNumber = "my_number"
    case idNumber = "id_number"
    case bankAccount = "bank_account"
    case medical
    case disability
    case sensitiveOther = "sensitive_other"

    /// Japanese display name.
    public var label: String {
        switch self {
        case .personName: "氏名"
        case .address: "住所"
        case .postalCode: "郵便番号"
        case .phone: "電話番号"
        case .email: "メールアドレス"
        case .birthDate: "生年月日"
        case .myNumber: "個人番号"
        case .idNumber: "各種番号"
        case .bankAccount: "口座番号"
        case .medical: "病歴・健康情報"
        case .disability: "障害"
        case .sensitiveOther: "その他の要配慮情報"
        }
    }

    /// When two findings overlap, the more specific category wins: a My Number is
    /// not also a phone number. Lower rank = more specific.
    public var specificity: Int {
        switch self {
        case .myNumber: 0
        case .idNumber: 1
        case .bankAccount: 2
        case .email: 3
        case .birthDate: 4
        case .postalCode: 5
        case .phone: 6
        case .address: 7
        case .personName: 8
        case .medical: 9
        case .disability: 10
        case .sensitiveOther: 11
        }
    }

    public static func < (a: Category, b: Category) -> Bool { a.specificity < b.specificity }
}

/// How serious a finding is; ordered low < medium < high < critical.
public enum Severity: String, Codable, CaseIterable, Sendable, Comparable {
    case low, medium, high, critical

    var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    public var label: String {
        switch self {
        case .low: "低"
        case .medium: "中"
        case .high: "高"
        case .critical: "重大"
        }
    }
}

/// Class under the Act on the Protection of Personal Information.
public enum LegalClass: String, Codable, CaseIterable, Sendable {
    /// 特定個人情報 (My Number).
    case specificPersonalInfo = "specific_personal_info"
    /// 要配慮個人情報 (APPI Art. 2(3)).
    case sensitivePersonalInfo = "sensitive_personal_info"
    /// 個人情報.
    case personalInfo = "personal_info"

    public var label: String {
        switch self {
        case .specificPersonalInfo: "特定個人情報"
        case .sensitivePersonalInfo: "要配慮個人情報"
        case .personalInfo: "個人情報"
        }
    }
}
