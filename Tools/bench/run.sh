#!/usr/bin/env bash
# Benchmarks, one command from a fresh clone (release build). A benchmark, not a test: rerun and
# compare; nothing here fails on a slow machine. Prints a Markdown table and the machine, and keeps
# them in .build/bench/figures.md.
#
#   bash Tools/bench/run.sh                  # everything (about 5 minutes on 2 cores)
#   MB=8 FILES=2000 bash Tools/bench/run.sh  # smaller engine text
#
# (a) rule engine on generated municipal text (sumi-bench, 1 thread, all packs), next to a naive loop
#     running every pack regex over the whole text and `grep -P` with the same patterns;
#     `sumi scan` of the same text as a file (end to end).
# (b) a 100-page text PDF: `sumi scan` next to `pdftotext -layout` (Tools/bench/pdf.sh if present).
# (c) a 10,000-row x 10-column XLSX.
# (d) an archive of >= 2,000 mixed files (copies and variants of Corpus/) with `sumi scan --jobs 2`.
# Peak RSS of every sumi run from /usr/bin/time -v.
MB=${MB:-32}
PAGES=${PAGES:-100}
ROWS=${ROWS:-10000}
FILES=${FILES:-2000}
source "$(dirname "$0")/lib.sh"

# Python only for generating inputs (reportlab, openpyxl), in a throwaway venv.
venv=Tools/.venv-bench
want=$(sha256sum Tools/bench/requirements.txt | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.requirements.sha" 2>/dev/null)" != "$want" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r Tools/bench/requirements.txt
  echo "$want" > "$venv/.requirements.sha"
fi

out=.build/bench
mkdir -p "$out"
rows=()

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $6 |"); }

# timed NAME CMD...: runs CMD (stdout to $work/NAME.out) under /usr/bin/time -v; sets wall, rss_mb, rc.
timed() {
  local name=$1; shift
  local t0 t1
  t0=$(now)
  rc=0
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  t1=$(now)
  wall=$(calc "$t1 - $t0")
  rss_mb=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$work/$name.time")
}

status_of() {  # statuses in a sumi JSON report, e.g. "clean 3, error 2"
  python3 -c "import json,sys,collections; d=json.load(open(sys.argv[1])); c=collections.Counter(f['status'] for f in d['files']); print('status: ' + ', '.join(f'{k} {v}' for k,v in sorted(c.items())))" "$1" 2>/dev/null || echo "no report"
}

echo "bench: (a) rule engine on ${MB} MB of generated text" >&2
"$bin/sumi-bench" --rules Rules --megabytes "$MB" --out "$work/engine" > "$work/engine.kv"
kv() { awk -F= -v k="$1" '$1 == k { print $2 }' "$work/engine.kv"; }
text_mb=$(kv text_mb)
row "rule engine (1 thread, all packs)" "${text_mb} MB text" "$(kv engine_seconds) s" "**$(kv engine_mb_s) MB/s**" "" "$(kv engine_findings) findings, $(kv pattern_rules) pattern rules + $(kv recognizers) recognizers"
row "naive loop: every pack regex over the whole text" "same, normalized" "$(kv naive_seconds) s" "$(kv naive_mb_s) MB/s" "" "$(kv patterns) patterns, $(kv naive_matches) raw matches; engine is **$(kv engine_vs_naive)×** this, $(kv engine_vs_naive_with_normalization)× counting the $(kv normalize_seconds) s normalization the engine does itself"

# grep -P with the same patterns over the same normalized text, one pass per pattern (grep -P takes one pattern).
t0=$(now)
grep_fail=0
while IFS= read -r p; do
  [ -z "$p" ] && continue
  LC_ALL=C.UTF-8 grep -P -o -- "$p" "$work/engine/normalized.txt" > /dev/null || { r=$?; [ $r -eq 1 ] || grep_fail=$((grep_fail + 1)); }
done < "$work/engine/patterns.txt"
t1=$(now)
grep_s=$(calc "$t1 - $t0")
norm_mb=$(calc "$(stat -c %s "$work/engine/normalized.txt") / 1000000")
row "grep -P, same patterns" "${norm_mb} MB normalized" "${grep_s} s" "$(calc "$norm_mb / $grep_s") MB/s" "" "engine is **$(calc "$grep_s / $(kv engine_seconds)")×** this; patterns grep rejected: $grep_fail"

timed scan_text "$bin/sumi" scan --format json --jobs 1 "$work/engine/text.txt"
row "sumi scan, the same text as a file" "${text_mb} MB .txt" "${wall} s" "$(calc "$text_mb / $wall") MB/s" "${rss_mb} MB" "read + decode + engine + report; $(status_of "$work/scan_text.out")"

echo "bench: (b) ${PAGES}-page PDF" >&2
if [ -x Tools/bench/pdf.sh ]; then
  bash Tools/bench/pdf.sh | tee "$work/pdf.txt" >&2
  while IFS= read -r line; do
    row "PDF (Tools/bench/pdf.sh)" "$(echo "$line" | awk '{print $1, $2, $3}')" "" "" "" "$line"
  done < "$work/pdf.txt"
else
  "$venv/bin/python" Tools/bench/make_inputs.py --pdf "$work/bench.pdf" --pages "$PAGES"
  timed pdftotext pdftotext -layout "$work/bench.pdf" "$work/bench-pdf.txt"
  ptt_wall=$wall
  row "pdftotext -layout" "${PAGES}-page PDF" "${wall} s" "$(calc "$PAGES / $wall") pages/s" "${rss_mb} MB" "reference"
  timed scan_pdf "$bin/sumi" scan --format json --jobs 1 "$work/bench.pdf"
  row "sumi scan, PDF" "${PAGES}-page PDF" "${wall} s" "$(calc "$PAGES / $wall") pages/s" "${rss_mb} MB" "$(calc "$wall / $ptt_wall")× pdftotext; $(status_of "$work/scan_pdf.out")"
fi

echo "bench: (c) ${ROWS}-row XLSX" >&2
"$venv/bin/python" Tools/bench/make_inputs.py --xlsx "$work/bench.xlsx" --rows "$ROWS"
timed scan_xlsx "$bin/sumi" scan --format json "$work/bench.xlsx"
row "sumi scan, XLSX" "${ROWS} rows × 10 cols" "${wall} s" "$(calc "$ROWS / $wall") rows/s" "${rss_mb} MB" "all cores; $(status_of "$work/scan_xlsx.out")"

echo "bench: (d) archive of >= ${FILES} files" >&2
corpus_copies "$work/archive" "$FILES"
n=$corpus_copies_made
archive_mb=$(calc "$(du -sb "$work/archive" | cut -f1) / 1000000")
timed scan_archive "$bin/sumi" scan --format json --jobs 2 "$work/archive"
row "sumi scan --jobs 2, archive" "$n files, ${archive_mb} MB (txt/csv/html/pdf/docx/xlsx/pptx)" "${wall} s" "**$(calc "$n / $wall") files/s**" "${rss_mb} MB" "$(status_of "$work/scan_archive.out")"

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
swiftv=$(swift --version 2>&1 | head -1)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
load=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "| benchmark | input | time | throughput | peak RSS | notes |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Machine: $(nproc) cores ($cpu), $mem, $(uname -sr); $swiftv; release build of $commit; load average at the end $load (other work on the machine skews timings); $(date -u +%Y-%m-%d)."
} | tee "$out/figures.md"
