#!/usr/bin/env python3
"""A generated XLSX roster for Tools/bench/xlsx.sh and redact.sh: ROWS rows x 10 columns
(names, addresses, phones as text and as numbers, dates, e-mail, free text), invented.
Usage: make_roster_xlsx.py OUT.xlsx ROWS"""
import datetime, random, sys
import xlsxwriter
path, rows = sys.argv[1], int(sys.argv[2])
rng = random.Random(6)
family = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"]
given = ["一郎", "花子", "健一", "恵子", "翔太", "陽菜", "直樹", "美咲", "誠", "由美子", "湊", "結衣"]
towns = ["太子堂", "三軒茶屋", "経堂", "成城", "用賀", "奥沢", "北沢", "深沢", "砧", "喜多見"]
wb = xlsxwriter.Workbook(path, {"constant_memory": True})
ws = wb.add_worksheet("名簿")
phone_fmt = wb.add_format({"num_format": "0##-####-####"})
date_fmt = wb.add_format({"num_format": "yyyy/m/d"})
ws.write_row(0, 0, ["No.", "氏名", "住所", "電話番号", "携帯電話", "生年月日", "メール", "年齢", "区分", "備考"])
for r in range(1, rows + 1):
    name = f"{rng.choice(family)} {rng.choice(given)}"
    ws.write_number(r, 0, r)
    ws.write_string(r, 1, name)
    ws.write_string(r, 2, f"東京都世田谷区{rng.choice(towns)}{rng.randint(1, 6)}丁目{rng.randint(1, 30)}番{rng.randint(1, 20)}号")
    ws.write_number(r, 3, 300000000 + rng.randint(0, 99999999))          # landline typed as a number
    ws.write_number(r, 4, rng.choice([7, 8, 9]) * 1000000000 + rng.randint(0, 99999999), phone_fmt)  # 0X0-xxxx-xxxx
    ws.write_datetime(r, 5, datetime.datetime(1940, 1, 1) + datetime.timedelta(days=rng.randint(0, 25000)), date_fmt)
    ws.write_string(r, 6, f"user{r}@example.jp")
    ws.write_number(r, 7, rng.randint(20, 95))
    ws.write_string(r, 8, rng.choice(["一般", "要支援", "要介護1", "見守り"]))
    ws.write_string(r, 9, "特記事項なし" if r % 7 else "通院の付き添いあり")
wb.close()
