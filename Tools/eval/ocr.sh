#!/usr/bin/env bash
# OCR benchmark on Corpus/ocr (scanned-style pages made by Tools/corpus/ocr_cases.py):
# scans every file on its own with `sumi scan --format json --time-limit 120 --jobs 1`
# (wall seconds per file), reads its text with `sumi extract --format jsonl` when the binary
# has that command, and prints Tools/eval/ocr_score.py's Markdown tables: character accuracy,
# recall per category and seconds per page, per degradation level × dpi.
#
#   bash Tools/eval/ocr.sh                      # .build/release/sumi, built if missing
#   bash Tools/eval/ocr.sh .build/debug/sumi    # another binary
#
# The reports stay in a temporary directory, printed at the end.
set -uo pipefail
bin=${1:-}
if [ -n "$bin" ]; then
  [ -x "$bin" ] || { echo "ocr: no sumi binary at $bin" >&2; exit 2; }
  bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
fi
cd "$(dirname "$0")/../.."
if [ -z "$bin" ]; then
  bin=$PWD/.build/release/sumi
  if [ ! -x "$bin" ]; then
    swift build -c release --product sumi >&2 || { echo "ocr: build failed" >&2; exit 2; }
  fi
fi
corpus=Corpus/ocr
if [ ! -f "$corpus/truth.json" ]; then
  echo "ocr: $corpus/truth.json missing; run Tools/.venv-corpus/bin/python Tools/corpus/ocr_cases.py" >&2
  exit 2
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/sumi-ocr.XXXXXX")
extract=0
"$bin" extract --help >/dev/null 2>&1 && extract=1
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

printf 'file\tscan_rc\tscan_seconds\textract_rc\textract_seconds\n' > "$out/times.tsv"
for f in "$corpus"/*; do
  name=$(basename "$f")
  [ "$name" = truth.json ] && continue
  t0=$(now)
  "$bin" scan --format json --time-limit 120 --jobs 1 "$f" > "$out/$name.scan.json" 2> "$out/$name.scan.err"
  rc=$?
  t1=$(now)
  scan_s=$(elapsed "$t0" "$t1")
  erc=- extract_s=-
  if [ $extract -eq 1 ]; then
    t0=$(now)
    "$bin" extract --format jsonl --time-limit 120 "$f" > "$out/$name.extract.jsonl" 2> "$out/$name.extract.err"
    erc=$?
    t1=$(now)
    extract_s=$(elapsed "$t0" "$t1")
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rc" "$scan_s" "$erc" "$extract_s" >> "$out/times.tsv"
  # 0 clean, 1 findings, 3 incomplete are results; anything else (a crash) is worth a look
  case $rc in 0|1|3) ;; *) echo "ocr: sumi scan $name exited $rc (see $out/$name.scan.err)" >&2 ;; esac
  echo "ocr: $name scan ${scan_s}s rc $rc" >&2
done

python3 Tools/eval/ocr_score.py --truth "$corpus/truth.json" --reports "$out"
echo "ocr: reports in $out" >&2
