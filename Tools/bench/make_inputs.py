"""Benchmark inputs: a text PDF of N pages (reportlab, non-embedded CID font HeiseiMin-W3, like
the corpus PDFs) and an XLSX of R rows x 10 columns (openpyxl). Deterministic.

    python make_inputs.py --pdf out.pdf --pages 100 --xlsx out.xlsx --rows 10000
"""
import argparse
import random

PROSE = [
    "区民の皆様からいただいたご意見の概要と区の考え方をお示しします。",
    "インクルーシブ教育の推進に向けて、障害のある子どもへの支援体制を充実させます。",
    "認知症施策の推進については、地域包括支援センターと連携して取り組みます。",
    "本計画の期間は令和7年4月1日から令和12年3月31日までの5年間とします。",
    "事業費は総額1,234,500千円で、うち国庫補助金は312,000千円です。",
    "説明会は区内5か所で開催し、延べ238名の方にご参加いただきました。",
    "防災訓練は毎年9月1日前後に実施し、避難所運営の手順を確認しています。",
]
SURNAMES = ["佐藤", "鈴木", "髙橋", "田中", "渡邊", "伊藤", "山本", "中村"]
GIVEN = ["一郎", "花子", "翔太", "美咲", "健一", "裕子", "蓮", "葵"]


def make_pdf(path, pages, rnd):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    width, height = A4
    for p in range(pages):
        c.setFont("HeiseiMin-W3", 10.5)
        y = height - 60
        c.drawString(50, y, f"ご意見の概要と区の考え方（{p + 1}）")
        y -= 24
        line = 0
        while y > 60:
            s = PROSE[rnd.randrange(len(PROSE))]
            if line % 14 == 7:
                s = f"連絡先 03-{rnd.randrange(1000, 9999)}-{rnd.randrange(1000, 9999)} 担当 {rnd.choice(SURNAMES)}"
            c.drawString(50, y, s)
            y -= 16
            line += 1
        c.showPage()
    c.save()


def make_xlsx(path, rows, rnd):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "名簿"
    ws.append(["番号", "氏名", "フリガナ", "生年月日", "郵便番号", "住所", "電話番号", "メール", "区分", "備考"])
    for i in range(rows):
        ws.append([
            i + 1,
            f"{rnd.choice(SURNAMES)} {rnd.choice(GIVEN)}",
            "ヤマダ タロウ",
            f"昭和{rnd.randrange(20, 64)}年{rnd.randrange(1, 13)}月{rnd.randrange(1, 29)}日",
            f"154-{rnd.randrange(1000, 9999)}",
            f"東京都世田谷区世田谷{rnd.randrange(1, 5)}丁目{rnd.randrange(1, 30)}番{rnd.randrange(1, 30)}号",
            f"090-{rnd.randrange(1000, 9999)}-{rnd.randrange(1000, 9999)}",
            f"user{i}@example.jp",
            rnd.choice(["一般", "会員", "職員"]),
            "",
        ])
    wb.save(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf")
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--xlsx")
    ap.add_argument("--rows", type=int, default=10000)
    a = ap.parse_args()
    rnd = random.Random(20251123)
    if a.pdf:
        make_pdf(a.pdf, a.pages, rnd)
    if a.xlsx:
        make_xlsx(a.xlsx, a.rows, rnd)


if __name__ == "__main__":
    main()
