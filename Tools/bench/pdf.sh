#!/usr/bin/env bash
# PDF benchmark (issue 5), release build. Not a test: rerun and compare.
#  1. A 100-page Japanese text PDF: time `pdftotext` and `sumi scan --format json` on the same
#     file in the same run (best of 3 each) and print the ratio (target ≤ 1.3).
#     Also: sumi on pdftotext's output of the same file as a .txt (the same text through the
#     same rules, no PDF), to show how much of the time is the rule stage, not PDF reading.
#  2. The same with a filled shape on every page, so the hidden-text check renders every page
#     (its worst case; reported, no target).
#  3. A 1,000-page text PDF: peak RSS of `sumi scan` from /usr/bin/time -v (memory bounded per page).
#   bash Tools/bench/pdf.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
bash Tools/setup.sh
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
venv="$repo/Tools/.venv-corpus"
[ -x "$venv/bin/python" ] || bash Tools/corpus/build.sh >/dev/null   # reportlab for the generator
swift build -c release >/dev/null
sumi="$repo/.build/release/sumi"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" Tools/bench/make_text_pdf.py "$work/p100.pdf" 100
"$venv/bin/python" Tools/bench/make_text_pdf.py "$work/p100-fills.pdf" 100 --fills
"$venv/bin/python" Tools/bench/make_text_pdf.py "$work/p1000.pdf" 1000

best() { # best wall time in seconds of 3 runs of "$@"
  local b=""
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
  done
  printf "%.3f" "$b"
}
# sumi's fixed start-up (loading and hashing Rules/) on a one-line text file, to show the
# per-file cost apart from it.
echo "連絡先なし" > "$work/tiny.txt"
startup=$(best "$sumi" scan --format json "$work/tiny.txt")
echo "startup     sumi on a one-line .txt=${startup}s"
for f in p100 p100-fills; do
  pt=$(best pdftotext "$work/$f.pdf" "$work/out.txt")
  st=$(best "$sumi" scan --format json "$work/$f.pdf")
  ratio=$(echo "$st / $pt" | bc -l)
  marginal=$(echo "($st - $startup) / $pt" | bc -l)
  pdftotext "$work/$f.pdf" "$work/$f.txt"
  tt=$(best "$sumi" scan --format json "$work/$f.txt")
  printf "%-11s pdftotext=%ss sumi=%ss ratio=%.2f ratio_without_startup=%.2f sumi_on_same_text_as_txt=%ss pdf_extra_over_txt=%.3fs\n" \
    "$f" "$pt" "$st" "$ratio" "$marginal" "$tt" "$(echo "$st - $tt" | bc -l)"
done
/usr/bin/time -v "$sumi" scan --format json "$work/p1000.pdf" > "$work/report.json" 2> "$work/time.txt" || true
wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
pages_findings=$(python3 -c "import json;d=json.load(open('$work/report.json'));f=d['files'][0];print(f.get('pages'), len(f['findings']), f['status'])")
echo "p1000       wall=$wall peak_rss_kb=$rss pages_findings_status=$pages_findings size=$(stat -c %s "$work/p1000.pdf")"
