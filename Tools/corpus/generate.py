#!/usr/bin/env python3
"""Generate Sumi's labelled evaluation corpus (Corpus/eval, Corpus/samples, Corpus/truth.json).

Usage: python generate.py [--corpus DIR]   (default: <repo>/Corpus)

Deterministic: every document has its own fixed seed, OOXML packages get fixed
timestamps, PDFs are written with reportlab's invariant mode.  All personal
data is invented (see fake.py).  Items are labelled as they are planted
(markup {C:text}, see corpus_lib.py), so truth.json cannot drift.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus_lib import Doc, Docx, Html, Pdf, Pptx, Xlsx, write_csv, write_text  # noqa: E402
from fake import Faker, fullwidth  # noqa: E402
from opinions import ANSWERS, CLEAN, LEAKY  # noqa: E402
import clean_docs  # noqa: E402
import office_cases  # noqa: E402
import pdf_cases  # noqa: E402
import opinions_more  # noqa: E402

DOCS: list[Doc] = []
ROOT = ""


def new(path: str, fmt: str, kind: str) -> Doc:
    d = Doc(ROOT, path, fmt, kind)
    DOCS.append(d)
    return d


def seed(path: str) -> int:
    return zlib.crc32(path.encode())


def faker(d: Doc, enc: str | None = None) -> Faker:
    return Faker(seed(d.path), enc)


# =================================================================== 意見
PC_PLANS = [
    ("eval/public-comment/pc-01.txt", "txt", "UTF-8", "インクルーシブ教育ガイドライン（案）", [("L", 1), ("L", 2), ("L", 3), ("C", 0), ("C", 1), ("C", 24)]),
    ("eval/public-comment/pc-02.txt", "txt", "Shift_JIS", "高齢者保健福祉計画・介護保険事業計画（素案）", [("L", 4), ("L", 5), ("L", 6), ("C", 2), ("L", 25)]),
    ("eval/public-comment/pc-03.html", "html", "UTF-8", "障害者施策推進計画（案）", [("L", 7), ("L", 8), ("L", 9), ("C", 3), ("C", 4), ("L", 10)]),
    ("eval/public-comment/pc-04.docx", "docx", None, "子ども・若者総合計画（素案）", [("L", 11), ("L", 12), ("L", 13), ("C", 5), ("L", 14)]),
    ("eval/public-comment/pc-05.pdf", "pdf", None, "インクルーシブ教育ガイドライン（案）", [("L", 15), ("L", 16), ("L", 17), ("C", 6), ("C", 7), ("L", 18)]),
    ("eval/public-comment/pc-06.xlsx", "xlsx", None, "地域保健医療福祉総合計画（素案）", [("L", 19), ("L", 20), ("L", 21), ("C", 8), ("L", 22)]),
    ("eval/public-comment/pc-07.csv", "csv", "UTF-8", "障害者施策推進計画（案）", [("L", 23), ("L", 24), ("L", 26), ("C", 9), ("L", 27)]),
    ("eval/public-comment/pc-08.txt", "txt", "UTF-16LE", "教育振興基本計画（素案）", [("L", 28), ("L", 29), ("C", 10), ("L", 30)]),
    ("eval/public-comment/pc-09.pdf", "pdf", None, "地域保健医療福祉総合計画（素案）", [("C", 11), ("C", 12), ("C", 13), ("C", 14), ("C", 15)]),
    ("eval/public-comment/pc-10.html", "html", "UTF-8", "インクルーシブ教育ガイドライン（案）", [("C", 16), ("C", 17), ("C", 18), ("C", 19), ("C", 20)]),
    ("eval/public-comment/pc-11.txt", "txt", "EUC-JP", "健康せたがやプラン（素案）", [("L", 31), ("L", 32), ("L", 33), ("C", 21)]),
    ("eval/public-comment/pc-12.pptx", "pptx", None, "高齢者保健福祉計画・介護保険事業計画（素案）", [("L", 34), ("L", 35), ("C", 22), ("C", 23)]),
    ("eval/public-comment/pc-13.csv", "csv", "Shift_JIS", "子ども・若者総合計画（素案）", [("C", 25), ("C", 0), ("C", 3), ("C", 9)]),
    ("samples/sample-opinion.txt", "txt", "UTF-8", "インクルーシブ教育ガイドライン（案）", [("L", 0), ("C", 1), ("C", 4), ("L", 36)]),
]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def pc_ops(plan):
    return [(LEAKY if k == "L" else CLEAN)[i] for k, i in plan]


def public_comments() -> None:
    for path, fmt, enc, plan_name, plan in PC_PLANS:
        d = new(path, fmt, "public_comment")
        title = f"「世田谷区{plan_name}」に対する意見の概要と区の考え方"
        ops = pc_ops(plan)
        period = "令和7年1月10日から令和7年2月10日まで"
        n_people = 30 + seed(path) % 40
        intro = [f"1　意見募集期間　{period}",
                 f"2　意見提出者数　{n_people}名（意見件数 {n_people + 17}件）",
                 "3　提出方法　郵送、ファクシミリ、区ホームページ（電子申請）",
                 "4　意見の概要と区の考え方（主なもの）"]
        if fmt == "txt":
            lines = [title, ""] + intro + [""]
            for i, (op, tag) in enumerate(ops):
                num = CIRCLED[i] if enc == "Shift_JIS" else f"No.{i + 1}"
                lines += [f"{num}　【意見の概要】", op, "　【区の考え方】", ANSWERS[tag], ""]
            lines.append("世田谷区 教育委員会事務局 教育総務課")
            write_text(d, lines, enc, "\r\n" if enc == "Shift_JIS" else "\n")
        elif fmt == "csv":
            rows = [["No.", "受付日", "提出方法", "意見の概要", "区の考え方"]]
            for i, (op, tag) in enumerate(ops):
                rows.append([str(i + 1), f"令和7年1月{12 + i * 3}日", ["電子申請", "郵送", "FAX"][i % 3], op, ANSWERS[tag]])
            write_csv(d, rows, enc)
        elif fmt == "html":
            h = Html(d, title)
            h.el("h1", title)
            for s in intro:
                h.el("p", s)
            h.table(["No.", "意見の概要", "区の考え方"],
                    [[str(i + 1), op, ANSWERS[tag]] for i, (op, tag) in enumerate(ops)])
            h.el("p", "問い合わせ先：障害保健福祉課 計画担当")
            h.save()
        elif fmt == "docx":
            w = Docx(d, author="{N:岡田 直樹|作成者 (docProps)}", title=title)
            w.h(title)
            for s in intro:
                w.p(s)
            w.table(["No.", "意見の概要", "区の考え方"],
                    [[str(i + 1), op, ANSWERS[tag]] for i, (op, tag) in enumerate(ops)])
            w.p("※ 意見は趣旨を損なわない範囲で要約しています。",
                comment=("No.3は提出者（{N:齋藤 裕子}様、{T:03-3702-4418}）に内容確認済み", "{N:岡田 直樹}"))
            w.footer("世田谷区 子ども・若者部 子ども家庭課")
            w.save()
        elif fmt == "pdf":
            p = Pdf(d, title=title, author="世田谷区", footer="- # -")
            p.heading(title, 13)
            for s in intro:
                p.text(s)
            for i, (op, tag) in enumerate(ops):
                p.text(f"No.{i + 1}　【意見の概要】", font="HeiseiKakuGo-W5")
                p.text(op, indent=14)
                p.text("【区の考え方】", font="HeiseiKakuGo-W5", indent=14)
                p.text(ANSWERS[tag], indent=14)
            p.save()
        elif fmt == "xlsx":
            x = Xlsx(d, title=title)
            rows = [[title], [], ["No.", "意見の概要", "提出者（内部管理用）", "区の考え方"]]
            names = ["{N:長谷川 恵子}", "{N:小野寺 誠}", "{N:中島 美咲}", "{N:和田 清}", "{N:坂本 由美子}"]
            for i, (op, tag) in enumerate(ops):
                rows.append([str(i + 1), op, names[i], ANSWERS[tag]])
            x.sheet("意見と区の考え方", rows, hidden_cols=("C",), widths={"B": 60, "D": 60},
                    comments={"B5": ("要約前の原文は{N:中島 美咲}様のメール（{E:misaki.n@example.jp}）参照", "{N:石井 健一}")})
            x.save()
        elif fmt == "pptx":
            s = Pptx(d, title=title)
            s.slide(title, [strip_for_title(x) for x in intro[:2]])
            for i, (op, tag) in enumerate(ops):
                s.slide(f"意見{i + 1}", ["【意見の概要】" + op, "【区の考え方】" + ANSWERS[tag]],
                        notes="説明担当：高齢福祉課 {N:前田 千尋}（内線 2231）" if i == 0 else None)
            s.save()


def strip_for_title(s: str) -> str:
    return s.split("　", 1)[-1]


# ================================================================== 名簿
def person(f: Faker, *, foreign: bool = False, sep=None, lo=1940, hi=2005, addr_style=None,
           phone_style=None, email_style=None) -> dict:
    if foreign:
        nm, rom = f.foreign()
    else:
        nm, rom = f.name(sep)
    addr, z = f.address(addr_style)
    return {"name": f"{{N:{nm}}}", "addr": f"{{A:{addr}}}", "zip": f"{{Z:{f.postal(z)}}}",
            "tel": f"{{T:{f.phone(phone_style)}}}", "dob": f"{{B:{f.birth(lo, hi)}}}",
            "mail": f"{{E:{f.email(rom, email_style)}}}", "raw_name": nm}


def rosters() -> None:
    # roster-01.xlsx 自主防災組織 役員名簿 (+ hidden sheet, header)
    d = new("eval/roster/roster-01.xlsx", "xlsx", "roster")
    f = faker(d)
    x = Xlsx(d, author="{N:石井 誠|作成者}", title="自主防災組織 役員名簿")
    roles = ["会長", "副会長", "副会長", "会計", "書記", "防災部長", "救護部長", "情報部長"]
    ps = [person(f) for _ in roles]
    rows = [["令和7年度 喜多見地区 自主防災組織 役員名簿"], [],
            ["役職", "氏名", "住所", "電話番号", "生年月日"]]
    rows += [[r, p["name"], p["addr"], p["tel"], p["dob"]] for r, p in zip(roles, ps)]
    x.sheet("役員名簿", rows, header="作成：危機管理課 {N:石井 誠}", widths={"B": 16, "C": 40, "D": 16, "E": 14})
    x.sheet("連絡先（内部用）", [["氏名", "メール", "携帯電話"]] +
            [[p["name"], p["mail"], f"{{T:{f.phone('mob')}}}"] for p in ps[:5]], hidden=True)
    x.save()

    # roster-02.csv CP932 町会長名簿
    d = new("eval/roster/roster-02.csv", "csv", "roster")
    f = faker(d, "cp932")
    rows = [["番号", "町会・自治会名", "会長氏名", "郵便番号", "住所", "電話番号"]]
    forced = ["髙橋 和夫", "山﨑 幸子", "齋藤 清", "渡邊 一郎"]
    for i in range(10):
        p = person(f)
        nm = f"{{N:{forced[i]}}}" if i < len(forced) else p["name"]
        rows.append([CIRCLED[i], f"{['喜多見', '成城', '砧', '祖師谷', '千歳台', '上祖師谷', '宇奈根', '鎌田', '岡本', '大蔵'][i]}町会",
                     nm, p["zip"], p["addr"], p["tel"]])
    write_csv(d, rows, "Shift_JIS")

    # roster-03.csv 会計年度任用職員 番号・口座届出一覧 (特定個人情報)
    d = new("eval/roster/roster-03.csv", "csv", "roster")
    f = faker(d)
    rows = [["職員番号", "氏名", "個人番号", "生年月日", "振込先口座", "基礎年金番号"]]
    for i in range(8):
        p = person(f, lo=1960, hi=2002)
        rows.append([f"K{2025100 + i}", p["name"], f"{{M:{f.my_number()}}}", p["dob"], f"{{K:{f.bank()}}}", f"{{I:{f.pension()}}}"])
    write_csv(d, rows, "UTF-8")

    # roster-04.docx 審議会委員名簿 (+ tracked deletion of a former member)
    d = new("eval/roster/roster-04.docx", "docx", "roster")
    f = faker(d)
    w = Docx(d, author="{N:西村 明美}", title="世田谷区地域保健福祉審議会 委員名簿")
    w.h("世田谷区地域保健福祉審議会 委員名簿（令和7年4月1日現在）")
    orgs = ["東京みどり大学 教授", "佐藤建設株式会社 代表取締役", "世田谷区医師会 理事", "区民委員（公募）",
            "社会福祉法人 森の家 施設長", "区民委員（公募）", "世田谷区民生委員児童委員協議会 会長", "弁護士"]
    rows = []
    for i, o in enumerate(orgs):
        nm = "{N:Maria SANTOS}" if i == 5 else f"{{N:{f.name(' ')[0]}}}"
        rows.append([["会長", "副会長"][i] if i < 2 else "委員", nm, o])
    w.table(["役職", "氏名", "所属・役職"], rows)
    w.p_tracked("※ 令和7年3月31日付で ", "{N:小林 浩二}", " 委員が退任しました。", author="{N:西村 明美}")
    w.save()

    # roster-05.pdf 民生委員・児童委員名簿
    d = new("eval/roster/roster-05.pdf", "pdf", "roster")
    f = faker(d)
    p = Pdf(d, title="民生委員・児童委員名簿（砧地区）", author="{N:福田 俊介}", footer="砧総合支所 保健福祉課　#")
    p.heading("民生委員・児童委員名簿（砧地区）")
    p.text("令和7年12月1日現在。地区の相談窓口としてご活用ください。")
    for i in range(14):
        q = person(f, sep=" ", addr_style=["kanji", "hyphen", "mixed", "u2010", "choon", "banchi"][i % 6])
        p.text(f"{i + 1:2d}．{q['name']}　{q['addr']}　電話 {q['tel']}")
    p.save()

    # roster-06.html ボランティア登録者一覧 (+ comment, attribute)
    d = new("eval/roster/roster-06.html", "html", "roster")
    f = faker(d)
    h = Html(d, "災害ボランティア登録者一覧")
    h.el("h1", "災害ボランティア登録者一覧")
    ps = [person(f) for _ in range(7)]
    h.table(["氏名", "活動内容", "メール", "電話"],
            [[p["name"], a, p["mail"], p["tel"]] for p, a in zip(ps, ["炊き出し", "物資仕分け", "通訳（英語）", "送迎", "受付", "清掃", "見守り"])])
    h.comment("登録時の生年月日：" + "、".join(f"{p['name']} {p['dob']}" for p in ps[:3]))
    h.raw(f'<p><img src="photo.jpg" alt="{h.attr("説明会で話す" + ps[0]["name"] + "さん")}"></p>')
    h.save()

    # roster-07.xlsx 介護予防教室 参加者名簿 (hidden rows/column, comments)
    d = new("eval/roster/roster-07.xlsx", "xlsx", "roster")
    f = faker(d)
    x = Xlsx(d, title="介護予防教室 参加者名簿")
    notes = ["", "{D:心臓ペースメーカー}使用", "", "{H:難聴}のため前方席", "", "{D:骨粗しょう症}", "", "{D:高血圧}で服薬中", "", ""]
    rows = [["介護予防教室（成城会場）参加者名簿"], ["No.", "氏名", "生年月日", "介護保険被保険者番号", "電話", "住所", "備考", "個人番号"]]
    for i in range(10):
        q = person(f, lo=1935, hi=1958)
        rows.append([str(i + 1), q["name"], q["dob"], f"{{I:{f.digits(10)}}}", q["tel"], q["addr"], notes[i], f"{{M:{f.my_number('plain')}}}"])
    x.sheet("参加者", rows, hidden_rows=(5, 9), hidden_cols=("H",), widths={"B": 14, "F": 40},
            comments={"G6": ("{N:髙木 恵子}さんは{D:人工関節}のため運動メニュー調整", "{N:小川 裕子}")})
    x.save()

    # roster-08.txt 子ども食堂ボランティア連絡網 (tab-separated)
    d = new("eval/roster/roster-08.txt", "txt", "roster")
    f = faker(d)
    lines = ["子ども食堂「みんなのテーブル」ボランティア連絡網（令和7年度）", "", "氏名\t電話\tメール\t郵便番号\t住所"]
    for i in range(9):
        q = person(f, foreign=(i == 4))
        lines.append("\t".join([q["name"], q["tel"], q["mail"], q["zip"], q["addr"]]))
    lines += ["", "連絡網は会員以外に配布しないでください。"]
    write_text(d, lines)

    # roster-09.pdf 日本語教室 受講者名簿 (foreign names, residence card)
    d = new("eval/roster/roster-09.pdf", "pdf", "roster")
    f = faker(d)
    p = Pdf(d, title="日本語教室 受講者名簿")
    p.heading("日本語教室（三軒茶屋会場）受講者名簿")
    for i in range(10):
        q = person(f, foreign=True, lo=1975, hi=2004)
        p.text(f"{i + 1}. {q['name']}　生年月日 {q['dob']}　在留カード番号 {{I:{f.residence_card()}}}")
        p.text(f"住所 {q['addr']}　TEL {q['tel']}　E-mail {q['mail']}", indent=14)
    p.save()

    # roster-10.xlsx 見守り事業 口座振替依頼一覧
    d = new("eval/roster/roster-10.xlsx", "xlsx", "roster")
    f = faker(d)
    x = Xlsx(d, title="高齢者見守り事業 利用料 口座振替一覧")
    rows = [["利用者氏名", "郵便番号", "住所", "振替口座", "口座名義（カナ）"]]
    for i in range(9):
        q = person(f)
        rows.append([q["name"], q["zip"], q["addr"], f"{{K:{f.bank()}}}", "（省略）"])
    x.sheet("口座振替", rows, header="高齢福祉課　担当 {N:竹内 まゆみ}")
    x.save()

    # samples/sample-roster.csv (CP932)
    d = new("samples/sample-roster.csv", "csv", "roster")
    f = faker(d, "cp932")
    rows = [["氏名", "郵便番号", "住所", "電話番号", "生年月日"]]
    for nm in ["髙橋 はると", "山﨑 結衣", "渡邊 和夫"]:
        q = person(f)
        rows.append([f"{{N:{nm}}}", q["zip"], q["addr"], q["tel"], q["dob"]])
    write_csv(d, rows, "Shift_JIS")

    # samples/sample-roster.xlsx
    d = new("samples/sample-roster.xlsx", "xlsx", "roster")
    f = faker(d)
    x = Xlsx(d, title="避難行動要支援者名簿（抜粋）")
    rows = [["氏名", "住所", "電話", "支援が必要な理由"]]
    reasons = ["{H:視覚障害}", "{D:認知症}", "{H:身体障害者手帳1級}"]
    for r in reasons:
        q = person(f, lo=1935, hi=1960)
        rows.append([q["name"], q["addr"], q["tel"], r])
    x.sheet("名簿", rows)
    x.sheet("メモ", [["{N:" + f.name(" ")[0] + "}さんは{D:人工透析}（月水金）"]], hidden=True)
    x.save()


# =============================================================== 記入例
def applications() -> None:
    # app-01.pdf 住民票の写し等交付請求書 記入例 (2 pages)
    d = new("eval/application/app-01.pdf", "pdf", "application_example")
    f = faker(d)
    p = Pdf(d, title="住民票の写し等交付請求書 記入例", footer="世田谷区 区民課 #/2")
    p.heading("住民票の写し等交付請求書（記入例）")
    p.text("窓口に来た方（請求者）の欄にご記入ください。記入例の内容は架空のものです。")
    p.text("住所　{A:東京都世田谷区世田谷四丁目21番27号}")
    p.text("氏名　{N:世田谷 太郎}　　生年月日　{B:昭和60年10月23日}")
    p.text("電話番号　{T:03-5432-1234}（日中連絡のつく番号）")
    p.text("必要な方の氏名　{N:世田谷 花子}（妻）　{N:世田谷 はると}（長男）")
    p.text("本籍・筆頭者の記載　□要　■不要")
    p.page_break()
    p.heading("委任状（記入例）")
    p.text("代理人　住所 {A:世田谷区太子堂2ー15ー8 コーポ若葉102号室}　氏名 {N:三浦 健一}")
    p.text("生年月日 {B:S55.4.1}　電話 {T:090‐2468‐1357}")
    p.text("私は上記の者を代理人と定め、住民票の写しの請求及び受領の権限を委任します。")
    p.text("委任者　{N:世田谷 太郎}（自署）　令和7年6月2日")
    p.save()

    # app-02.docx 児童手当 認定請求書 記入例
    d = new("eval/application/app-02.docx", "docx", "application_example")
    f = faker(d)
    w = Docx(d, title="児童手当 認定請求書 記入例")
    w.h("児童手当・特例給付 認定請求書（記入例）")
    w.table(["項目", "記入例"], [
        ["請求者氏名", "{N:山田 太郎}"],
        ["個人番号", f"{{M:{f.my_number('space')}}}"],
        ["生年月日", "{B:平成元年4月1日}"],
        ["住所", "〒{Z:154-0004} {A:東京都世田谷区太子堂一丁目十二番三十四号}"],
        ["電話番号", "{T:(03)3411-6666}"],
        ["配偶者氏名", "{N:山田 花子}"],
        ["配偶者の個人番号", f"{{M:{f.my_number('hyphen')}}}"],
        ["支給対象児童", "{N:山田 はると}（{B:令和2年5月5日}生）、{N:山田 ユイ}（{B:R4.8.10}生）"],
        ["振込先口座", f"{{K:{f.bank('futsu')}}}"],
    ])
    w.p("※ 個人番号欄には12桁の個人番号を記入してください。")
    w.footer("世田谷区 子ども家庭課 手当係")
    w.save()

    # app-03.xlsx 補助金交付申請 記入例 (法人番号 must not be labelled)
    d = new("eval/application/app-03.xlsx", "xlsx", "application_example")
    f = faker(d)
    x = Xlsx(d, title="商店街にぎわい補助金 交付申請書 記入例")
    corp = f.corporate()
    x.sheet("記入例", [
        ["商店街にぎわい補助金 交付申請書（記入例）"],
        ["申請団体", "喜多見商店街振興組合"],
        ["施工業者", "佐藤建設株式会社（法人番号 " + corp + "）"],
        ["代表者氏名", "{N:佐藤 一郎}"],
        ["担当者", "{N:中川 葵}"],
        ["担当者電話", "{T:" + f.phone("mob") + "}"],
        ["担当者メール", "{E:aoi.nakagawa@example.com}"],
        ["振込先（代表者個人名義）", "{K:" + f.bank("yokin") + "}"],
        ["事業期間", "令和7年7月1日から令和8年3月31日まで"],
    ], widths={"A": 26, "B": 60})
    x.save()

    # app-04.pdf 障害福祉サービス 支給申請書 記入例
    d = new("eval/application/app-04.pdf", "pdf", "application_example")
    p = Pdf(d, title="障害福祉サービス 支給申請書 記入例")
    p.heading("障害福祉サービス等 支給申請書（記入例）")
    p.text("申請者氏名　{N:渡邊 翔太}　　生年月日　{B:1992/03/14}　　性別　男")
    p.text("居住地　{A:世田谷区桜丘３－２５－１１}　　電話　{T:03-3429-7788}")
    p.text("身体障害者手帳　{H:身体障害者手帳1級}（{H:下肢機能障害}）　手帳番号 {I:第0123456号}")
    p.text("疾病名　{D:脊髄損傷}（平成28年の交通事故による）")
    p.text("主治医　{N:森 直樹}　医師（せたがや中央病院 整形外科）")
    p.text("希望するサービス　居宅介護（身体介護）、移動支援")
    p.save()

    # app-05.html オンライン申請 入力例 (values in attributes)
    d = new("eval/application/app-05.html", "html", "application_example")
    h = Html(d, "粗大ごみ収集 オンライン申込 入力例")
    h.el("h1", "粗大ごみ収集 オンライン申込（入力例）")
    h.el("p", "入力例を参考に、各項目を入力してください。")
    for label, val in [("氏名", "{N:鈴木 さくら}"), ("郵便番号", "{Z:158-0097}"), ("住所", "{A:世田谷区用賀4‐10‐1}"),
                       ("電話番号", "{T:＋81-3-3700-1234}".replace("＋", "+")), ("メールアドレス", "{E:sakura.suzuki＠example.jp}")]:
        h.raw(f'<p><label>{label}</label> <input type="text" value="{h.attr(val)}"></p>')
    h.el("p", "収集日：令和7年8月20日（水）")
    h.save()

    # app-06.docx 扶養控除等申告書 記入例 (My Numbers in many shapes)
    d = new("eval/application/app-06.docx", "docx", "application_example")
    f = faker(d)
    w = Docx(d, title="扶養控除等（異動）申告書 記入例")
    w.h("給与所得者の扶養控除等（異動）申告書 記入例")
    w.table(["区分", "氏名", "個人番号", "生年月日", "備考"], [
        ["本人", "{N:齋藤 誠}", f"{{M:{f.my_number('plain')}}}", "{B:S50.7.7}", ""],
        ["配偶者", "{N:齋藤 由美子}", f"{{M:{f.my_number('space')}}}", "{B:昭和52年2月14日}", ""],
        ["扶養親族（長男）", "{N:齋藤 蓮}", f"{{M:{f.my_number('fw')}}}", "{B:平成19年11月3日}", "{H:特別障害者}"],
        ["扶養親族（母）", "{N:齋藤 幸子}", f"{{M:{f.my_number('hyphen')}}}", "{B:昭和22年1月20日}", "同居老親"],
    ])
    w.p("住所　{A:東京都世田谷区経堂五丁目3番2号}　郵便番号 {Z:１５６－００５２}")
    w.p("個人番号（マイナンバー）は12桁です。法人番号（13桁）と間違えないようご注意ください。")
    w.footer("担当：人事課 給与係 {N:藤井 千尋}")
    w.save()

    # app-07.pdf 要介護認定申請書 記入例
    d = new("eval/application/app-07.pdf", "pdf", "application_example")
    f = faker(d)
    p = Pdf(d, title="介護保険 要介護認定・要支援認定申請書 記入例", footer="#")
    p.heading("介護保険 要介護認定・要支援認定 申請書（記入例）")
    p.text(f"被保険者番号　{{I:{f.digits(10)}}}　　個人番号　{{M:{f.my_number('plain')}}}")
    p.text("氏名　{N:長谷川 清}　　生年月日　{B:昭和13年6月30日}　　性別　男")
    p.text("住所　{A:東京都世田谷区北沢2−8−18}　　電話　{T:03-3466-0001}")
    p.text("主治医　{N:田中 美咲}（たなか内科クリニック）")
    p.text("過去6か月の入院　あり（{D:肺炎}のため 令和7年1月から2月）")
    p.text("主な疾病　{D:アルツハイマー型認知症}、{D:心不全}")
    p.page_break()
    p.heading("提出代行者欄（記入例）")
    p.text("事業所名　ケアプランセンター森の木　担当ケアマネジャー　{N:木村 千尋}　電話 {T:03-5490-2222}")
    p.save()

    # app-08.txt 転入届 記入例（外国人住民）
    d = new("eval/application/app-08.txt", "txt", "application_example")
    lines = ["住民異動届（転入）記入例　外国人住民の方", "",
             "氏名（アルファベット）　{N:NGUYEN VAN NAM}", "氏名（カタカナ）　{N:グエン・ヴァン・ナム}",
             "生年月日　{B:1990/05/12}　　国籍・地域　ベトナム",
             "在留カード番号　{I:AB12345678CD}", "旅券番号　{I:TK1234567}",
             "新住所　{A:東京都世田谷区若林３丁目１６番１号} サンライズ305号室",
             "電話　{T:+81 80 1234 5678}", "",
             "※ 記入例の氏名・番号はすべて架空です。"]
    write_text(d, lines)

    # samples/sample-application.pdf
    d = new("samples/sample-application.pdf", "pdf", "application_example")
    p = Pdf(d, title="印鑑登録申請書 記入例")
    p.heading("印鑑登録申請書（記入例）")
    p.text("住所　{A:東京都世田谷区深沢五丁目十番十二号}")
    p.text("氏名　{N:深沢 はるか}　　生年月日　{B:平成3年7月20日}")
    p.text("電話　{T:090-1234-5678}")
    p.text("本人確認書類　運転免許証（番号 {I:" + Faker(7).not_my_number12() + "}）")
    p.save()


# ================================================================== 会議録
def minutes() -> None:
    # min-01.txt 地域保健福祉審議会 会議録
    d = new("eval/minutes/min-01.txt", "txt", "minutes")
    lines = ["令和7年度 第1回 世田谷区地域保健福祉審議会 会議録", "",
             "日時　令和7年5月20日（火）午後6時30分から8時30分まで", "場所　世田谷区役所 第1庁舎 5階会議室",
             "出席委員　{N:髙橋 和夫}（会長）、{N:山﨑 幸子}（副会長）、{N:伊藤 浩二}、{N:ファム・ティ・ラン}、{N:吉田 まゆみ}",
             "欠席委員　{N:松本 直樹}", "事務局　保健福祉政策課長 {N:青木 誠}、計画担当係長 {N:太田 美咲}", "",
             "○{N:髙橋}会長　それでは定刻になりましたので、第1回審議会を開会します。",
             "○{N:青木}課長　資料1について説明します。認知症施策の推進と、障害のある方の地域生活支援が主な柱です。",
             "○{N:伊藤}委員　認知症の方の早期発見について、かかりつけ医との連携はどうなっていますか。",
             "○{N:青木}課長　あんしんすこやかセンターと医師会が連携して相談会を実施しています。",
             "○{N:吉田}委員　私事ですが、私の母も{D:認知症}で、昨年から{D:要介護2}です。家族としては夜間の相談先が欲しいと感じています。",
             "○{N:ファム・ティ・ラン}委員　外国人住民への情報提供も大切です。やさしい日本語の資料をお願いします。",
             "○{N:山﨑}副会長　がん検診の受診率向上についても次回議論したいと思います。",
             "○{N:髙橋}会長　次回は令和7年7月15日に開催します。本日は閉会します。"]
    write_text(d, lines)

    # min-02.docx 学校運営協議会 会議録 (comment + tracked deletion)
    d = new("eval/minutes/min-02.docx", "docx", "minutes")
    w = Docx(d, author="{N:小林 裕子}", title="喜多見小学校 学校運営協議会 会議録")
    w.h("令和7年度 第2回 学校運営協議会 会議録")
    w.p("日時：令和7年9月10日（水）15時から16時30分　場所：校長室")
    w.p("出席者：{N:金子 和夫}会長、{N:原田 恵子}委員、{N:Anh NGUYEN}委員、校長 {N:村上 誠}、副校長 {N:小林 裕子}")
    w.p("議題1　特別支援教室の運営について", comment=("発言者名は公開版では削除すること（{N:小林}）", "{N:小林 裕子}"))
    w.p("{N:原田}委員：特別支援教室の利用児童が増えています。障害のある子どもへの支援体制を強化してほしい。")
    w.p_tracked("{N:村上}校長：", "4年2組の{N:はると}さんは{H:発達障害}の診断があり、", "個別の支援計画を作成して対応しています。",
                author="{N:小林 裕子}")
    w.p("議題2　登下校の見守りについて　地域の協力で見守り活動を継続する。")
    w.header("喜多見小学校 学校運営協議会")
    w.save()

    # min-03.pdf 区民意見交換会 記録
    d = new("eval/minutes/min-03.pdf", "pdf", "minutes")
    p = Pdf(d, title="区民意見交換会 記録", header="区民意見交換会 記録（令和7年10月4日）", footer="#")
    p.heading("「地域福祉計画」区民意見交換会 記録")
    p.text("日時：令和7年10月4日（土）14時から16時　会場：砧区民会館　参加者：32名")
    p.text("司会：地域福祉課 {N:近藤 千尋}")
    p.text("【参加者の発言要旨】")
    p.text("・{A:代沢}にお住まいの{N:遠藤}さん：{N:遠藤}さんの息子さん（中学1年）は{H:知的障害}があり、卒業後の進路が不安とのこと。")
    p.text("・地域の見守り活動に参加する若い世代を増やしたいとの意見が複数あった。")
    p.text("・認知症カフェの開催場所を増やしてほしいとの要望があった。")
    p.text("・{A:松原}在住の男性（70代）から、自身の{D:前立腺がん}の治療経験を踏まえ、検診の重要性について発言があった。")
    for i in range(30):
        p.text(f"・意見{i + 1}：地域の子育て支援、公園の整備、避難所運営、バリアフリー化などについて一般的な意見があった。")
    p.text("・{N:遠藤}さんから再度、放課後の居場所について要望があった。")
    p.save()

    # min-04.html 町会長会議 要旨
    d = new("eval/minutes/min-04.html", "html", "minutes")
    h = Html(d, "町会・自治会長会議 要旨")
    h.el("h1", "令和7年度 第3回 町会・自治会長会議 要旨")
    h.el("p", "開催日：令和7年11月12日　会場：経堂地区会館")
    h.el("p", "出席：{N:中村 誠}（経堂町会）、{N:西村 明美}（桜丘町会）、{N:宮﨑 健一}（千歳台自治会）ほか12名")
    h.el("p", "報告：防災訓練の実施結果について、危機管理課から報告があった。")
    h.el("p", "質疑：{N:宮﨑}会長から、{A:千歳台}に住む一人暮らしの{N:三浦 幸子}さん（88歳）が{D:認知症}で、訓練に参加できなかったとの報告があった。")
    h.comment("議事メモ：{N:三浦 幸子}さんの連絡先 {T:03-3483-0000}（長女 {N:三浦 恵子}）")
    h.save()

    # min-05.txt CP932 マンション管理組合 理事会 議事録
    d = new("eval/minutes/min-05.txt", "txt", "minutes")
    lines = ["グリーンハイツ桜丘 管理組合 第5回理事会 議事録", "",
             "日時　令和7年8月3日（日）10時から", "出席理事　{N:髙木 浩二}（理事長）、{N:邉見 美咲}、{N:齋藤 一郎}、{N:山﨑 葵}",
             "",
             "① 大規模修繕工事について　㈱みどり建装、㈲桜丘設備の見積りを比較した。",
             "② 滞納管理費について　{N:齋藤 一郎}理事から、305号室の{N:井上}様は{S:生活保護}を受給中のため、福祉事務所と相談するとの報告があった。",
             "③ 駐輪場の整理について　次回までに案をまとめる。",
             "④ 次回理事会　令和7年9月7日（日）",
             "", "記録　{N:邉見 美咲}"]
    write_text(d, lines, "Shift_JIS", "\r\n")

    # samples/sample-minutes.docx
    d = new("samples/sample-minutes.docx", "docx", "minutes")
    w = Docx(d, author="{N:太田 誠}", title="地域ケア会議 記録")
    w.h("地域ケア会議 記録（令和7年6月18日）")
    w.p("出席：あんしんすこやかセンター {N:太田 誠}、ケアマネジャー {N:岡本 恵子}")
    w.p("事例：{A:喜多見}在住の80代女性。{D:認知症}があり、{D:要介護1}。長男（{N:健一}）と同居。",
        comment=("公開前に事例の町名を削除", "{N:太田 誠}"))
    w.p("検討結果：認知症の方への支援について、地域の見守りと家族支援を組み合わせる。")
    w.save()


# ================================================================ 報道発表
def press() -> None:
    d = new("eval/press/press-01.html", "html", "press_release")
    h = Html(d, "区立公園で「みどりのフェスタ」を開催します")
    h.el("h1", "区立公園で「みどりのフェスタ」を開催します")
    h.el("p", "世田谷区は、令和7年10月25日（土）に砧公園で「みどりのフェスタ」を開催します。森林の大切さを学ぶ体験や、小川での生き物観察を行います。")
    h.el("p", "当日は、区内在住の樹木医 {N:林 直樹}さん（{A:岡本}在住）による講演も行います。")
    h.el("p", "問い合わせ先　みどり33推進担当課 担当：{N:山田} 電話 {T:03-6432-7901} メール {E:midori@city.example.lg.jp}")
    h.save()

    d = new("eval/press/press-02.pdf", "pdf", "press_release")
    p = Pdf(d, title="せたがや地域貢献者表彰 受賞者の決定について", author="{N:藤原 健一}")
    p.heading("令和7年度 せたがや地域貢献者表彰 受賞者の決定について")
    p.text("区は、地域の福祉や防災に長年貢献された方を表彰します。受賞者は次のとおりです。")
    p.text("・{N:池田 和夫}さん（{A:奥沢}在住、78歳）　高齢者見守り活動に20年間従事")
    p.text("・{N:Hanako SATO}さん（{A:三軒茶屋}在住）　外国人住民への日本語支援")
    p.text("・{N:石川 芽依}さん（{A:上用賀}在住、19歳）　自身の{H:視覚障害}の経験を生かしたバリアフリー点検活動")
    p.text("表彰式　令和7年11月3日（月・祝）10時　世田谷区民会館")
    p.text("担当：市民活動推進課 {N:藤原}　電話 {T:03‐5432‐2137}")
    p.save()

    d = new("eval/press/press-03.docx", "docx", "press_release")
    w = Docx(d, title="認知症サポーター養成講座の開催について")
    w.header("報道発表資料　問い合わせ：保健福祉政策課 {N:近藤 さくら}　{T:03-5432-2936}")
    w.h("認知症サポーター養成講座の開催について")
    w.p("区は、認知症の方やその家族を地域で支えるため、認知症サポーター養成講座を開催します。認知症施策の推進の一環として、区内の中学校や企業でも出張講座を行います。")
    w.p("講師：{N:髙橋 由美子}氏（認知症介護指導者）")
    w.p("日時：令和7年12月6日（土）13時30分から15時　会場：北沢タウンホール")
    w.save()

    d = new("eval/press/press-04.txt", "txt", "press_release")
    lines = ["報道発表資料（令和7年7月1日）", "",
             "多文化共生講演会「ことばの壁をこえて」を開催します", "",
             "講師：{N:Maria SANTOS}氏（NPO法人 多文化ネット 代表）",
             "日時：令和7年8月23日（土）14時から", "会場：三軒茶屋 キャロットタワー 5階",
             "申込：電話またはメールで、氏名・電話番号をお知らせください。", "",
             "問い合わせ先：国際課 {N:中野 湊}", "電話：{T:０３－５４３２－２１０６}", "メール：{E:kokusai＠city.example.lg.jp}"]
    write_text(d, lines)

    d = new("eval/press/press-05.html", "html", "press_release")
    h = Html(d, "区長が「こども食堂」を視察しました")
    h.el("h1", "区長が「こども食堂」を視察しました")
    h.el("p", "区長は令和7年9月9日、太子堂地区のこども食堂を訪れ、運営ボランティアと意見交換を行いました。")
    h.raw(f'<p><img src="visit.jpg" alt="{h.attr("運営代表の{N:小野 恵子}さんと区長")}" title="{h.attr("左から{N:小野 恵子}さん、{N:和田 蓮}さん")}"></p>')
    h.comment("差し替え前原稿：{N:小野 恵子}さん 携帯 {T:080-9876-5432}")
    h.el("p", "問い合わせ：子ども家庭課 地域子育て支援担当")
    h.save()

    d = new("eval/press/press-06.pdf", "pdf", "press_release")
    p = Pdf(d, title="がん検診の受診期間を延長します")
    p.heading("がん検診の受診期間を延長します")
    p.text("区は、がん検診の受診率向上のため、胃がん・大腸がん・肺がん・乳がん・子宮頸がん検診の受診期間を令和8年2月末まで延長します。")
    p.text("対象は区内在住の40歳以上の方（子宮頸がん検診は20歳以上の女性）です。糖尿病や高血圧で通院中の方も、主治医と相談のうえ受診できます。")
    p.text("問い合わせ：健康推進課（区のホームページの問い合わせフォームをご利用ください）")
    p.save()

    d = new("eval/press/press-07.pptx", "pptx", "press_release")
    s = Pptx(d, author="{N:松田 俊介}", title="記者会見資料")
    s.slide("令和8年度 予算案の概要", ["子ども・子育て支援の充実", "認知症施策の推進", "障害のある方の就労支援"],
            notes="説明者：財政課長 {N:松田 俊介}（携帯 {T:070-1111-2222}）")
    s.slide("主な新規事業", ["医療的ケア児の保育園受入れ拡大", "がん検診の受診率向上", "森林環境譲与税を活用した区産材の利用"])
    s.save()

    d = new("samples/sample-press.html", "html", "press_release")
    h = Html(d, "防災講演会を開催します")
    h.el("h1", "防災講演会を開催します")
    h.el("p", "講師：{N:齋藤 健一}氏（防災士）　日時：令和7年9月1日（月）19時から")
    h.el("p", "担当：危機管理課 {N:山田}　電話 {T:(03)5432-2262}　メール {E:bousai@city.example.lg.jp}")
    h.comment("講師の自宅 {A:世田谷区砧七丁目2番1号}")
    h.save()


# =============================================================== 記録類
def records() -> None:
    d = new("eval/records/rec-01.txt", "txt", "case_record")
    f = faker(d, "euc_jp")
    lines = ["生活相談記録（内部用）", "",
             "受付日　令和7年4月8日", "相談者　{N:松本 幸子}（{B:昭和45年3月3日}生）",
             "住所　{A:世田谷区若林四丁目22番3号}　電話　{T:" + f.phone("mob") + "}",
             "相談内容　{S:生活保護}の申請について。本人は{D:アルコール依存症}の治療歴あり。",
             "長男（{N:松本 翔太}、17歳）は{H:発達障害}があり、高校を休学中。",
             "基礎年金番号　{I:" + f.pension() + "}",
             "対応　申請手続きを案内し、後日訪問予定。担当　{N:福田 直樹}"]
    write_text(d, lines, "EUC-JP")

    d = new("eval/records/rec-02.docx", "docx", "case_record")
    w = Docx(d, author="{N:原田 千尋}", title="個別支援会議 記録")
    w.h("個別支援会議 記録")
    w.p("対象児童：{N:ひなた}さん（小学5年、{A:祖師谷}在住）")
    w.p("状況：{D:てんかん}の服薬を継続中。学校では{H:特別支援学級}在籍。", comment=("{N:ひなた}さんの母の連絡先 {E:mama.hinata@example.com}", "{N:原田 千尋}"))
    w.p("支援方針：発作時の対応手順を学校・家庭・医療機関で共有する。")
    w.footer("保存期間5年　子ども家庭支援センター")
    w.save()

    d = new("eval/records/rec-03.pdf", "pdf", "case_record")
    p = Pdf(d, title="事故報告書（公開用）")
    p.heading("事故報告書（公開用）")
    p.text("発生日時：令和7年3月5日 14時20分頃　場所：区立デイサービスセンター")
    p.covered("利用者：", "{N:岡田 和夫}", "（80代男性）")
    p.text("概要：歩行訓練中に転倒し、{D:大腿骨骨折}の診断を受けた。", )
    p.text("利用者の住所：{A:世田谷区千歳台6-10-2}", source="invisible_text")
    p.text("再発防止策：職員の見守り体制を見直し、手すりを増設する。")
    p.save()

    d = new("eval/records/rec-04.xlsx", "xlsx", "case_record")
    x = Xlsx(d, title="見守りケース一覧")
    x.sheet("ケース一覧", [
        ["ケース番号", "氏名", "年齢", "町名", "状況", "担当"],
        ["C-101", "{N:中島 清}", "84", "{A:砧}", "{D:認知症}の疑い、独居", "{N:遠藤 葵}"],
        ["C-102", "{N:藤田 洋子}", "77", "{A:成城}", "{H:視覚障害}、配食サービス利用", "{N:遠藤 葵}"],
        ["C-103", "{N:キム・ジヨン}", "45", "{A:用賀}", "{S:DV被害}により支援措置中", "{N:青木 明美}"],
        ["C-104", "{N:吉田 一郎}", "69", "{A:喜多見}", "{D:人工透析}（週3回）", "{N:青木 明美}"],
    ], comments={"E4": ("加害者に所在を知られないよう厳重管理", "{N:青木 明美}")}, widths={"E": 40})
    x.save()

    d = new("eval/records/rec-05.txt", "txt", "case_record")
    f = faker(d)
    lines = ["国民健康保険・年金 窓口苦情対応記録", "",
             "申出者　{N:坂本 健一}", "被保険者番号　{I:" + f.digits(8) + "}",
             "基礎年金番号　{I:" + f.pension() + "}", "連絡先　{T:" + f.phone("intl") + "}　{E:" + f.email("k.sakamoto", "plain") + "}",
             "内容　保険証の送付先誤りについての苦情。",
             "対応　{N:坂本}様へ電話で謝罪し、再送付した。"]
    write_text(d, lines, "UTF-16LE", "\r\n")

    d = new("eval/records/rec-06.csv", "csv", "case_record")
    f = faker(d, "cp932")
    rows = [["訪問日", "氏名", "住所", "電話", "世帯区分", "備考"]]
    notes = [("{S:生活保護}", "{D:人工透析}"), ("高齢単身", "{D:要支援2}"), ("{S:生活保護}", "{H:精神障害者保健福祉手帳1級}"),
             ("{S:ひとり親}", "長女が{D:喘息}"), ("高齢夫婦", "")]
    for i, (k, n) in enumerate(notes):
        q = person(f)
        rows.append([f"令和7年6月{3 + i}日", q["name"], q["addr"], q["tel"], k, n])
    write_csv(d, rows, "Shift_JIS")

    d = new("eval/records/rec-07.html", "html", "case_record")
    h = Html(d, "児童虐待防止 研修資料（事例検討）")
    h.el("h1", "児童虐待防止 研修資料（事例検討）")
    h.el("p", "本資料は研修用に作成したものです。児童虐待の早期発見と関係機関の連携について学びます。")
    h.el("p", "事例：{A:太子堂}在住の{N:りく}くん（4歳）。保育園から{S:児童虐待}の疑いで通告があった。母は{D:産後うつ}で通院中。")
    h.el("p", "検討のポイント：要保護児童対策地域協議会での情報共有のあり方。")
    h.save()


def records_more() -> None:
    d = new("eval/records/rec-08.docx", "docx", "case_record")
    f = faker(d)
    w = Docx(d, author="{N:岡本 裕子}", title="人権相談 受付記録")
    w.h("人権相談 受付記録（令和7年度）")
    w.table(["受付日", "相談者", "相談内容", "対応"], [
        ["令和7年5月12日", "{N:小野 芽依}（{A:経堂}在住、30代）", "{S:被差別部落}出身であることを理由に、交際相手の親から結婚を反対されている。", "法務局の相談窓口を案内"],
        ["令和7年6月3日", "{N:シャルマ・ラジェシュ}", "勤務先で信仰（{S:ヒンドゥー教}）を理由に食事や休暇で不利益な扱いを受けた。", "労働相談窓口へ同行"],
        ["令和7年7月22日", "匿名（男性）", "インターネット上の差別的な書き込みについて。", "削除要請の方法を説明"],
        ["令和7年8月8日", "{N:青木 陽菜}（{B:H8.2.29}生）", "元交際相手からの{S:性犯罪被害}について。警察へ相談済み。", "支援団体を紹介"],
    ])
    w.p("本人確認：相談者1はマイナンバーカード提示（{M:" + f.my_number("plain") + "}）", comment=("番号は控えないこと！", "{N:岡本 裕子}"))
    w.save()

    d = new("eval/records/rec-09.pdf", "pdf", "case_record")
    f = faker(d)
    p = Pdf(d, title="保護観察対象者 就労支援 連絡票", footer="#")
    p.heading("就労支援事業 連絡票（協力雇用主向け）")
    p.text("対象者　{N:中野 勇気}（{B:平成14年9月9日}生、{A:世田谷区若林五丁目6番8号}）")
    p.text("状況　現在{S:保護観察中}。{S:窃盗}による{S:少年院送致}歴あり。")
    p.text("連絡先　{T:" + f.phone("mob2010") + "}　保護司 {N:宮﨑 和夫}")
    p.page_break()
    p.heading("協力雇用主の皆さまへ")
    p.text("刑務所出所者等の就労は再犯防止に大きな効果があります。区は協力雇用主への支援を行っています。")
    p.text("本人の同意なく、この連絡票の内容を第三者に伝えないでください。")
    p.text("照会番号　{M:" + f.my_number("space") + "|keyword-less 12 digits that pass the check digit}")
    p.save()


# ================================================================== スライド
def slides() -> None:
    d = new("eval/slides/slide-01.pptx", "pptx", "presentation")
    s = Pptx(d, author="{N:村上 湊}", title="障害者施策推進計画 説明会資料")
    s.slide("障害者施策推進計画（案）説明会", ["計画期間：令和9年度から令和14年度まで", "障害のある方への理解促進", "地域生活支援拠点の整備"],
            notes="司会：障害保健福祉課 {N:村上 湊}（内線 1234、{E:minato.murakami@city.example.lg.jp}）")
    s.slide("計画の基本理念", ["障害の有無にかかわらず共に暮らせる地域", "発達障害・精神障害のある方への支援の充実"],
            notes="質問が出たら {N:髙橋 葵} 係長に回答を依頼")
    s.slide("今後のスケジュール", ["パブリックコメント：令和8年1月", "計画策定：令和8年3月"])
    s.save()

    d = new("eval/slides/slide-02.pptx", "pptx", "presentation")
    s = Pptx(d, title="インクルーシブ教育 実践事例")
    s.slide("実践事例1：通常の学級での支援", ["{A:喜多見}在住の{N:はると}くん（8歳）", "{H:発達障害}の診断あり、通級指導を利用", "支援員の配置で学習に参加"])
    s.slide("実践事例2：医療的ケア", ["{N:ユイ}さん（6歳）は{D:先天性心疾患}", "看護師が学校で{D:酸素吸入}を支援"],
            notes="保護者（{N:中村 恵子}様）から写真使用の了解済み")
    s.slide("まとめ", ["一人一人に応じた支援", "学校・家庭・医療の連携"])
    s.save()

    d = new("eval/slides/slide-04.pptx", "pptx", "presentation")
    f = faker(d)
    s = Pptx(d, title="マイナンバー事務 研修資料")
    s.slide("個人番号と法人番号", ["個人番号：12桁（最後の1桁はチェックデジット）", f"法人番号：13桁　例）佐藤建設株式会社 {f.corporate()}"])
    s.slide("申請書の記入例", [f"個人番号 {{M:{f.my_number('space')}}}", "氏名 {N:山田 太郎}　生年月日 {B:1985/10/23}",
                        f"旅券番号 {{I:{f.passport()}}}　運転免許証番号 {{I:{f.not_my_number12()}}}"])
    s.slide("取扱いの注意", ["個人番号は必要な範囲でのみ取得・利用する", "記入例にも番号を載せない"])
    s.save()

    d = new("samples/sample-slides.pptx", "pptx", "presentation")
    s = Pptx(d, title="地域包括ケア 事例報告")
    s.slide("事例報告", ["{A:深沢}在住の{N:和田 清}さん（82歳）", "{D:認知症}と{D:糖尿病}", "長女の{N:結衣}さんが介護"],
            notes="発表者：{N:和田}担当 {N:小林 誠}（{T:03-3702-1111}）")
    s.slide("支援の方向性", ["認知症の方への地域の見守り", "家族介護者の負担軽減"])
    s.save()


# ================================================================== main
def main() -> None:
    global ROOT
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(here, "..", "..", "Corpus")))
    a = ap.parse_args()
    ROOT = a.corpus
    for sub in ("eval", "samples", "pdf-cases"):
        shutil.rmtree(os.path.join(ROOT, sub), ignore_errors=True)
    public_comments()
    rosters()
    applications()
    minutes()
    press()
    records()
    records_more()
    slides()
    office_cases.build(new, ROOT)
    pdf_cases.build(new, ROOT)
    opinions_more.build(new)
    for path, fmt, kind, build in clean_docs.DOCS:
        d = new(path, fmt, kind)
        build(d)
    docs = sorted(DOCS, key=lambda d: d.path)
    truth = {"version": 1,
             "description": "Ground truth for Sumi's evaluation corpus. Generated by Tools/corpus/generate.py; do not edit by hand.",
             "documents": [d.truth() for d in docs]}
    with open(os.path.join(ROOT, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n_items = sum(len(d.items) for d in docs)
    print(f"wrote {len(docs)} documents, {n_items} labelled items to {ROOT}")


if __name__ == "__main__":
    main()
