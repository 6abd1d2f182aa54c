#!/usr/bin/env bash
# How well --time-limit holds (issue 12), release build: a dense roster-like text far too
# long to scan in the limit (a name, a phone and an address on every line, 28 MB), scanned
# with --time-limit 1, 3 and 10; prints the file's elapsed seconds against the limit.
# Target: within 10 % or 0.5 s. A benchmark, not a test (the load average is printed).
#   bash Tools/bench/time_limit.sh
source "$(dirname "$0")/lib.sh"
python3 - "$work/dense.txt" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(200000):
        f.write(f"申請者 世田谷 太郎 様 電話 03-5432-{i % 10000:04d} 住所 東京都世田谷区太子堂{i % 5 + 1}丁目{i % 20 + 1}番{i % 30 + 1}号 本文の続きの文章です。\n")
PY
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for limit in 1 3 10; do
  for run in 1 2 3; do
    "$bin/sumi" scan --format json --time-limit "$limit" --fail-on critical "$work/dense.txt" > "$work/out.json" || true
    python3 -c "
import json; f = json.load(open('$work/out.json'))['files'][0]
e = f['elapsed_seconds']; over = e - $limit
print('limit=%s run=%s elapsed=%.2f over=%+.2f within=%s fully_read=%s status=%s' % ($limit, $run, e, over, over <= max(0.1 * $limit, 0.5), f['fully_read'], f['status']))"
  done
done
