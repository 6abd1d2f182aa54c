#!/usr/bin/env bash
# Redaction speed and memory (issue 13), release build: `sumi redact` of a 100-page text PDF
# with about 200 findings (a name and a phone on every page, Tools/bench/make_text_pdf.py)
# and of the 10,000-row XLSX roster of xlsx.sh (a finding in almost every cell). Each run is
# the whole loop: scan, redact, re-scan the copy, independent leak check, retention.
# Prints wall and CPU seconds, peak RSS and what the report says. A benchmark, not a test.
#   bash Tools/bench/redact.sh [PAGES] [ROWS]
pages=${1:-100}
rows=${2:-10000}
source "$(dirname "$0")/lib.sh"
py=$(corpus_python)
"$py" Tools/bench/make_text_pdf.py "$work/report.pdf" "$pages"
"$py" Tools/bench/make_roster_xlsx.py "$work/roster.xlsx" "$rows"
for f in report.pdf roster.xlsx; do
  peak "$f" "$bin/sumi" redact -o "$work/out" --report "$work/$f.json" "$work/$f"
  summary=$(python3 -c "
import json; d=json.load(open('$work/$f.json')); x=d['files'][0]
print(x['status'], 'removed=%d' % len(x['removed']), 'rounds=%d' % x['rounds'], 'retention=%s' % x.get('retention'))")
  echo "$f: wall=$wall cpu_s=$cpu_s peak_rss_kb=$rss_kb $summary"
  peak "$f.scan" "$bin/sumi" scan --format json "$work/$f"
  echo "$f: scan alone: wall=$wall cpu_s=$cpu_s peak_rss_kb=$rss_kb"
done
