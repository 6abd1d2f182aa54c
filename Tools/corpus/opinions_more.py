"""More public-comment opinions and a name roster, written for issue 4 (names and
sensitive facts in free text) in phrasings that the first set does not use:
relation words with ・ or a space, ages and school years in other shapes, towns
before 駅/の実家, self-introductions with と申します, foreign residents' names,
and clean opinions on the same topics (including 私 + general wording).

Hooked into generate.py by one call: opinions_more.build(new).
"""
from corpus_lib import Html, write_csv, write_text

ANSWER = {
    "edu": "いただいたご意見は、今後の学校運営と教員研修の参考とさせていただきます。",
    "care": "介護保険事業計画に基づき、在宅介護を支えるサービスの充実に努めてまいります。",
    "health": "区民の皆様の健康づくりを支えるため、関係機関と連携して取り組んでまいります。",
    "dis": "障害のある方もない方も共に暮らせる地域づくりを進めてまいります。",
    "safety": "関係機関と連携し、相談支援の充実と個人情報の適切な管理に努めてまいります。",
}

LEAKY = [
    ("小学5年の孫・{N:陽菜}は{D:アトピー性皮膚炎}がひどく、プールの授業を休みがちです。", "edu"),
    ("{A:代田}に暮らす父は{D:心筋梗塞}で倒れてから、外出がめっきり減りました。", "care"),
    ("長女の{N:莉子}は{H:自閉症}と{H:知的障害}があり、{H:療育手帳A}を持っています。", "dis"),
    ("うちの息子（{A:池尻}、中学1年）は{D:起立性調節障害}で朝起きられず、学校を休みがちです。", "edu"),
    ("{N:佐々木 美和}と申します。母が{D:アルツハイマー型認知症}と診断され、介護休業を取りました。", "care"),
    ("妻（{A:三宿}在住、45歳）は{D:関節リウマチ}で、家事が難しい日があります。", "health"),
    ("隣に住む{N:加藤}さんは{S:生活保護}を受けているそうで、民生委員の訪問を増やしてほしい。", "safety"),
    ("息子の{N:颯太}は{H:発達障がい}の診断を受け、毎週療育に通っています。", "edu"),
    ("私（{A:駒沢}在住、70代）は{D:心臓病}でペースメーカーを入れています。", "health"),
    ("義母の{N:節子}は{D:脳出血}の後遺症で歩行が難しくなりました。", "care"),
    ("我が家の次男は{D:喘息}持ちで、夜間の救急外来に何度も駆け込みました。", "health"),
    ("兄（{A:太子堂}、52歳）は{D:統合失調症}で長く入院しています。", "dis"),
    ("{N:Maria SANTOS}です。夫が{D:胃がん}の手術を受け、通訳付きの相談窓口があると助かります。", "health"),
    ("主人（{A:宇奈根}在住）は{D:腎不全}のため{D:人工透析}を週3回受けています。", "health"),
    ("孫の{N:ゆうと}（7歳）は{H:ADHD}の薬を飲みながら通常学級に通っています。", "edu"),
    ("夫の{N:健太}は{D:うつ病}で休職中で、私も{D:不眠症}で眠れない日が続いています。", "health"),
    ("娘（{N:美桜}・10歳）は{D:食物アレルギー}があり、エピペンを持ち歩いています。", "edu"),
    ("{A:赤堤}の実家に住む母は{H:身体障害者手帳1級}を持っています。", "dis"),
    ("私の弟は{H:聴覚障害}があり、{H:補聴器}がないと会話ができません。", "dis"),
    ("長男の{N:大和}は{S:少年鑑別所}に入ったことがあり、地域の目が気になります。", "safety"),
    ("孫娘（{A:桜丘}在住、高2）は{D:双極性障害}の治療を続けています。", "health"),
    ("私の母、{N:田村 ふみ子}（88歳）は自宅で転んで{D:骨折}し、今も入院中です。", "care"),
    ("ネパール出身の{N:シャルマ・アニタ}です。娘は{H:弱視}で、拡大教科書が必要です。", "edu"),
    ("夫は以前{S:服役}していたことがあり、子どもの学校行事に参加しづらいと感じています。", "safety"),
    ("{A:奥沢}在住の{N:中西 浩}です。妻が{D:乳がん}で闘病中のため、家事支援を利用したい。", "care"),
]

CLEAN = [
    ("発達障害のある児童への支援員を、全ての小学校に配置してください。", "edu"),
    ("認知症の高齢者が地域で暮らし続けられるよう、見守り体制を強化してほしい。", "care"),
    ("がんの早期発見のため、検診の案内をもっと分かりやすくしてください。", "health"),
    ("喜多見地区と宇奈根地区の防災訓練を合同で行ってはどうでしょうか。", "safety"),
    ("精神障害者の就労支援について、区の具体的な考えを示してください。", "dis"),
    ("医療的ケア児の受け入れ体制を、区立保育園でも整えてください。", "edu"),
    ("給食の食物アレルギー対応について、表示を分かりやすくしてください。", "edu"),
    ("生活保護の申請手続きを、オンラインでもできるようにしてほしい。", "safety"),
    ("犯罪被害者支援条例の制定を検討してください。", "safety"),
    ("車いす利用者が通りやすいよう、歩道の段差を解消してください。", "dis"),
    ("私は、障害のある方への理解が地域でもっと進むことを願っています。", "dis"),
    ("私たちの町会では、認知症サポーター養成講座を毎年開いています。", "care"),
    ("65歳以上の方のインフルエンザ予防接種の助成を続けてください。", "health"),
    ("うつ病などの心の病気について、相談窓口を周知してください。", "health"),
    ("三軒茶屋駅周辺のバリアフリー化を進めてください。", "dis"),
    ("私は、ひとり親家庭への学習支援をさらに充実させるべきだと考えます。", "edu"),
    ("難病の患者と家族を支える制度を、区のホームページで紹介してほしい。", "health"),
    ("介護をする家族の負担を減らすため、ショートステイの枠を増やしてください。", "care"),
]

ROSTER = [
    ["会長", "{N:佐々木 美和}", "代沢まちづくり協議会"],
    ["副会長", "{N:中西 浩}", "佐藤建設株式会社"],
    ["委員", "{N:グエン・ティ・ホア}", "多文化共生ネットワーク"],
    ["委員", "{N:小川 ひなた}", "区立中学校PTA"],
    ["委員", "{N:森 健太郎}", "森林公園を守る会"],
    ["委員", "{N:Kenji WATANABE}", "国際交流協会"],
    ["委員", "{N:原 さゆり}", "民生委員・児童委員協議会"],
    ["委員", "{N:髙橋 龍之介}", "商店街連合会"],
    ["事務局", "{N:渡邉 彩}", "世田谷区 生活文化政策部"],
]


def build(new) -> None:
    # Opinions in UTF-8 text with 「No.n」 blocks: 13 leaky + 9 clean.
    d = new("eval/public-comment/pc-14.txt", "txt", "public_comment")
    lines = ["「世田谷区保健医療福祉総合計画（素案）」に対する意見の概要と区の考え方", "",
             "1　意見募集期間　令和7年6月1日から令和7年6月30日まで", "2　意見提出者数　41名（意見件数 58件）", ""]
    ops = [LEAKY[i] for i in range(0, 13)] + [CLEAN[i] for i in range(0, 9)]
    order = [0, 13, 1, 2, 14, 3, 4, 15, 5, 6, 16, 7, 8, 17, 9, 10, 18, 11, 19, 12, 20, 21]
    for n, k in enumerate(order):
        op, tag = ops[k]
        lines += [f"No.{n + 1}　【意見の概要】", op, "　【区の考え方】", ANSWER[tag], ""]
    lines.append("世田谷区 保健福祉政策部 保健福祉政策課")
    write_text(d, lines, "UTF-8")

    # The rest of the opinions in CSV (one row per opinion) and HTML (a table).
    d = new("eval/public-comment/pc-15.csv", "csv", "public_comment")
    rows = [["No.", "意見の概要", "区の考え方"]]
    for n, (op, tag) in enumerate([LEAKY[i] for i in range(13, 19)] + [CLEAN[i] for i in range(9, 14)]):
        rows.append([str(n + 1), op, ANSWER[tag]])
    write_csv(d, rows, "UTF-8")

    d = new("eval/public-comment/pc-16.html", "html", "public_comment")
    title = "「世田谷区障害者施策推進計画（第2次素案）」に対する意見の概要と区の考え方"
    h = Html(d, title)
    h.el("h1", title)
    ops = [LEAKY[i] for i in range(19, 25)] + [CLEAN[i] for i in range(14, 18)]
    h.table(["No.", "意見の概要", "区の考え方"], [[str(n + 1), op, ANSWER[tag]] for n, (op, tag) in enumerate(ops)])
    h.el("p", "問い合わせ先：障害保健福祉課 計画担当")
    h.save()

    # A committee roster: names next to organisations whose names look like names.
    d = new("eval/roster/roster-11.csv", "csv", "roster")
    write_csv(d, [["役職", "氏名", "所属団体"]] + ROSTER, "UTF-8")
