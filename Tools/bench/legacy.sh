#!/usr/bin/env bash
# Legacy formats in an archive scan (issue 18), release build. A benchmark, not a test: it
# prints figures and keeps them in .build/bench/legacy.md.
#
#   bash Tools/bench/legacy.sh            # 2,000 files, 10 % legacy (about 2 minutes on 2 cores)
#   FILES=1000 RUNS=1 bash Tools/bench/legacy.sh
#
# Two archives of the same size, scanned as an archive is (--jobs 2, worker processes):
#   modern: copies of every Corpus/ document (txt/csv/html/pdf/docx/xlsx/pptx);
#   mixed:  the same, with every tenth file replaced by a copy of one of the LibreOffice-made
#           .doc/.xls/.ppt/.rtf files of Corpus/robustness/legacy (each read by having the
#           worker's long-lived LibreOffice convert it to OOXML).
# Figures: wall time of each (best of RUNS), the extra wall time per legacy file, the extra CPU
# per legacy file (all processes, LibreOffice included), and the peak RSS of one LibreOffice.
FILES=${FILES:-2000}
RUNS=${RUNS:-3}
source "$(dirname "$0")/lib.sh"
command -v soffice >/dev/null || { echo "legacy.sh: needs LibreOffice (bash Tools/setup.sh)" >&2; exit 1; }

out=.build/bench
mkdir -p "$out"
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

corpus_copies "$work/modern" "$FILES"
cp -r "$work/modern" "$work/mixed"
mapfile -t legacy < <(find Corpus/robustness/legacy -type f ! -name '*.json' | sort)
mapfile -t files < <(find "$work/mixed" -type f | sort)
replaced=0
for i in "${!files[@]}"; do
  if [ $((i % 10)) -eq 9 ]; then
    f=${files[$i]}
    src=${legacy[$((replaced % ${#legacy[@]}))]}
    rm "$f"
    cp "$src" "${f%.*}-$replaced.${src##*.}"
    replaced=$((replaced + 1))
  fi
done

scan() { "$bin/sumi" scan --format jsonl --quiet --jobs 2 --isolate "$1"; }
t_modern=$(best "$RUNS" scan "$work/modern")
t_mixed=$(best "$RUNS" scan "$work/mixed")
# cpu_of runs a program, not a shell function: the same command spelled out. Its figure
# includes LibreOffice, a child each worker waits for when it stops it.
cpu_modern=$(cpu_of "$bin/sumi" scan --format jsonl --quiet --jobs 2 --isolate "$work/modern")
cpu_mixed=$(cpu_of "$bin/sumi" scan --format jsonl --quiet --jobs 2 --isolate "$work/mixed")
scan "$work/mixed" > "$work/mixed.jsonl" || true
converted=$(grep -c '"converted_from"' "$work/mixed.jsonl" || true)
failed=$(grep -c '"conversion_failed"' "$work/mixed.jsonl" || true)

# One LibreOffice's peak RSS: a worker converting every legacy file once, sampled.
"$bin/sumi" scan --format jsonl --quiet --jobs 1 Corpus/robustness/legacy >/dev/null 2>&1 &
scanner=$!
lo_kb=0
while kill -0 "$scanner" 2>/dev/null; do
  for p in $(pgrep -f soffice.bin || true); do
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    [ "${kb:-0}" -gt "$lo_kb" ] && lo_kb=$kb
  done
  sleep 0.05
done

report=$(cat <<MD
# Legacy formats in an archive scan ($(date -u +%Y-%m-%d), $(nproc) cores, release build)

| archive | files | legacy files | wall (best of $RUNS) | CPU |
|---|---|---|---|---|
| modern | $FILES | 0 | ${t_modern} s | ${cpu_modern} s |
| mixed | $FILES | $replaced (read: $converted, conversion_failed: $failed) | ${t_mixed} s | ${cpu_mixed} s |

- extra wall time per legacy file (2 workers): $(calc "($t_mixed - $t_modern) / $replaced") s
- extra CPU per legacy file (sumi + LibreOffice): $(calc "($cpu_mixed - $cpu_modern) / $replaced") s
- LibreOffice peak RSS (one per worker): $((lo_kb / 1024)) MB
MD
)
echo "$report"
echo "$report" > "$out/legacy.md"
