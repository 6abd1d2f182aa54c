#!/usr/bin/env bash
# Scans a generated XLSX roster of 10,000 rows x 10 columns (names, addresses, phones
# as text and as numbers, dates, e-mail, free text) with the release build and reports
# wall time, CPU time and peak RSS: as one command with all cores (the real use), with
# --jobs 1 (one core), and with an empty rule set (extraction and the report alone).
# Target (issue 6): under 2 s. A benchmark, not a test: rerun and compare (the load
# average is printed because other builds on a shared machine inflate the wall time).
#   bash Tools/bench/xlsx.sh [ROWS]
rows=${1:-10000}
source "$(dirname "$0")/lib.sh"
py=$(corpus_python)
"$py" - "$work/roster.xlsx" "$rows" <<'PY'
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
PY
size=$(stat -c %s "$work/roster.xlsx")
load=$(cut -d' ' -f1 /proc/loadavg)
for run in 1 2 3; do
  peak "all$run" "$bin/sumi" scan --format json "$work/roster.xlsx"
  summary=$(python3 -c "import json;d=json.load(open('$work/all$run.out'));f=d['files'][0];print(len(f['findings']), f['status'], round(f['elapsed_seconds'], 3))")
  echo "rows=$rows file_bytes=$size run=$run wall=$wall cpu_s=$cpu_s peak_rss_kb=$rss_kb findings_status_scan_seconds=$summary load_before=$load"
done
peak one "$bin/sumi" scan --jobs 1 --format json "$work/roster.xlsx"
echo "--jobs 1 (one core): wall=$wall cpu_s=$cpu_s peak_rss_kb=$rss_kb"
mkdir -p "$work/norules/packs" "$work/norules/dict"
peak none "$bin/sumi" scan --rules "$work/norules" --format json "$work/roster.xlsx"
echo "without rules (extraction bound): wall=$wall cpu_s=$cpu_s peak_rss_kb=$rss_kb"
