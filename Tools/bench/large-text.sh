#!/usr/bin/env bash
# Scans a generated large UTF-8 text file (default 200 MB) with the release build and
# reports wall time, throughput and peak RSS, to show that memory stays bounded
# (the reader works in 1M-character chunks). A benchmark, not a test: rerun and compare.
#   bash Tools/bench/large-text.sh [MEGABYTES]
mb=${1:-200}
source "$(dirname "$0")/lib.sh"
python3 - "$work/large.txt" "$mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
para = ("区民の皆様からいただいたご意見の概要と区の考え方をお示しします。障害のある子どもへの支援、"
        "認知症施策の推進、がん検診の受診率向上について、区は引き続き取り組みます。\n") * 20
line_with_phone = "担当：政策経営部 電話 03-5432-1111（代表）\n"
target = mb * 1024 * 1024
with open(path, "w", encoding="utf-8") as f:
    written = 0
    i = 0
    while written < target:
        # Mostly clean text, a contact line now and then: the report stays small, so
        # peak memory shows what reading and scanning cost, not the size of the findings.
        block = para + (line_with_phone if i % 100 == 0 else "")
        f.write(block)
        written += len(block.encode("utf-8"))
        i += 1
PY
size=$(stat -c %s "$work/large.txt")
peak large "$bin/sumi" scan --format json "$work/large.txt"
findings=$(python3 -c "import json,sys;d=json.load(open('$work/large.out'));print(sum(len(f['findings']) for f in d['files']), d['files'][0]['status'])")
echo "file_bytes=$size wall=$wall cpu_s=$cpu_s peak_rss_kb=$rss_kb findings_and_status=$findings"
