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
"$py" Tools/bench/make_roster_xlsx.py "$work/roster.xlsx" "$rows"
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
