#!/usr/bin/env bash
# Scans a generated large UTF-8 text file (default 200 MB) with the release build and
# reports wall time, throughput and peak RSS, to show that memory stays bounded
# (the reader works in 1M-character chunks). A benchmark, not a test: rerun and compare.
#   bash Tools/bench/large-text.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-200}
bash Tools/setup.sh
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
/usr/bin/time -v .build/release/sumi scan --format json "$work/large.txt" > "$work/report.json" 2> "$work/time.txt" || true
wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
findings=$(python3 -c "import json,sys;d=json.load(open('$work/report.json'));print(sum(len(f['findings']) for f in d['files']), d['files'][0]['status'])")
echo "file_bytes=$size wall=$wall peak_rss_kb=$rss findings_and_status=$findings"
