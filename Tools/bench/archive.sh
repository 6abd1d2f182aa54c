#!/usr/bin/env bash
# Archive scan benchmark (issue 16), release build. A benchmark, not a test: it prints figures
# and keeps them in .build/bench/archive.md; it fails only when the resumed report differs from
# the uninterrupted one (that is a bug, not a slow machine).
#
#   bash Tools/bench/archive.sh                 # 20,000 files (about 6 minutes on 2 cores)
#   FILES=5000 SMALL=1000 bash Tools/bench/archive.sh
#
# The archive: copies and variants of every Corpus/ document (txt/csv/html/pdf/docx/xlsx/pptx),
# text copies made distinct, plus a few broken files (truncated PDF, a ZIP that is no DOCX,
# random bytes named .xlsx, an empty PDF) and one file a worker crashes on (the test-only
# fault switch SUMI_WORKER_FAULT, which makes the worker SIGSEGV as a crashing reader would).
#
# Figures: (1) first run with --cache: files/s, MB/s, peak RSS of the parent and of the largest
# worker; (2) the same run again, nothing changed: time and its ratio to (1); (3) a fresh cache,
# the run killed with SIGKILL at five random moments and resumed each time, then run to the
# end: its report compared with (1)'s (file set, statuses, findings); (4) the same scan of a
# 2,000-file archive: parent peak RSS next to the 20,000-file run's.
FILES=${FILES:-20000}
SMALL=${SMALL:-2000}
KILLS=${KILLS:-5}
source "$(dirname "$0")/lib.sh"

out=.build/bench
mkdir -p "$out"
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

# make_archive DIR N: N files: the broken ones, the crashing one, and Corpus/ copies.
make_archive() {
  local dir=$1 want=$2
  mkdir -p "$dir/broken"
  head -c 3000 Corpus/samples/sample-application.pdf > "$dir/broken/truncated.pdf"
  printf 'PK\003\004 not a document' > "$dir/broken/not-a-zip.docx"
  head -c 4096 /dev/urandom > "$dir/broken/random.xlsx"
  : > "$dir/broken/empty.pdf"
  echo "担当 山田 太郎" > "$dir/broken/crash-me.txt"
  corpus_copies "$dir" $((want - 5))
}

# scan NAME DIR CACHE: one archive run, jsonl to $work/NAME.jsonl; sets wall, rc, parent_mb, worker_mb.
# The parent's VmHWM is polled while it runs (it only grows, so the last reading is its peak);
# /usr/bin/time's figure is the largest of parent and workers.
scan() {
  local name=$1 dir=$2 cache=$3 t0 t1 pid hwm=0 v
  t0=$(now)
  SUMI_WORKER_FAULT=crash:crash-me.txt /usr/bin/time -v -o "$work/$name.time" \
    "$bin/sumi" scan --cache "$cache" --format jsonl --output "$work/$name.jsonl" --quiet "$dir" &
  local timepid=$!
  sleep 0.2
  pid=$(pgrep -P "$timepid" -x sumi | head -1 || true)
  while kill -0 "$timepid" 2>/dev/null; do
    if [ -n "$pid" ]; then
      v=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && hwm=$v
    fi
    sleep 0.2
  done
  rc=0; wait "$timepid" || rc=$?
  t1=$(now)
  wall=$(calc "$t1 - $t0")
  parent_mb=$(calc "$hwm / 1024")
  worker_mb=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$work/$name.time")
}

echo "archive: building ${FILES} + ${SMALL} files" >&2
make_archive "$work/big" "$FILES"
make_archive "$work/small" "$SMALL"
big_mb=$(calc "$(du -sb "$work/big" | cut -f1) / 1000000")
nfiles=$(find "$work/big" -type f | wc -l)

echo "archive: (1) first run" >&2
scan first "$work/big" "$work/first.sqlite"
first_wall=$wall first_parent=$parent_mb first_peak=$worker_mb first_rc=$rc

echo "archive: (2) again, nothing changed" >&2
scan cached "$work/big" "$work/first.sqlite"
cached_wall=$wall cached_rc=$rc

echo "archive: (3) killed ${KILLS} times and resumed" >&2
kills=()
for i in $(seq "$KILLS"); do
  # A random moment within the first 5-17 % of the first run's time after start-up: five
  # such runs stop short of the end, so each is killed with work left to do.
  delay=$(awk -v w="$first_wall" -v r="$RANDOM" 'BEGIN { srand(r); printf "%.2f", 0.5 + w * (0.05 + 0.12 * rand()) }')
  SUMI_WORKER_FAULT=crash:crash-me.txt "$bin/sumi" scan --cache "$work/resume.sqlite" --format jsonl \
    --output "$work/killed-$i.jsonl" --quiet "$work/big" &
  p=$!
  sleep "$delay"
  kill -9 "$p" 2>/dev/null || true
  krc=0; wait "$p" 2>/dev/null || krc=$?
  kills+=("${delay}s→$([ "$krc" -eq 137 ] && echo killed || echo "exit $krc")")
done
scan resumed "$work/big" "$work/resume.sqlite"
resumed_wall=$wall
compare=$(python3 - "$work/first.jsonl" "$work/resumed.jsonl" <<'EOF'
import json, sys
def load(path):
    files, summary = {}, {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if "summary" in d:
            summary = d["summary"]; continue
        d.pop("elapsed_seconds", None)
        if d["path"] in files: print(f"twice: {d['path']}"); sys.exit(1)
        files[d["path"]] = d
    return files, summary
a, sa = load(sys.argv[1]); b, sb = load(sys.argv[2])
if set(a) != set(b):
    print(f"file sets differ: {len(set(a) - set(b))} missing, {len(set(b) - set(a))} extra"); sys.exit(1)
diff = [p for p in a if a[p] != b[p]]
if diff:
    print(f"{len(diff)} reports differ, e.g. {diff[0]}"); sys.exit(1)
print(f"equal: {len(a)} files, {sum(len(f['findings']) for f in a.values())} findings; resumed run took {sb.get('from_cache')} from the cache")
EOF
) || { echo "archive: FAIL: resumed report differs: $compare" >&2; exit 1; }

echo "archive: (4) ${SMALL}-file archive" >&2
scan small "$work/small" "$work/small.sqlite"
small_parent=$parent_mb small_wall=$wall

statuses=$(python3 -c "
import json, sys, collections
s = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')][-1]['summary']
codes = collections.Counter(n['code'] for n in s['not_read'])
print(f\"clean {s['clean']}, findings {s['with_findings']}, incomplete {s['incomplete']}, error {s['errors']} ({', '.join(f'{k} {v}' for k, v in sorted(codes.items()))})\")
" "$work/first.jsonl")

{
  echo "# Archive scan ($(date -u +%Y-%m-%d), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
  echo
  echo "| run | files | wall | rate | parent peak RSS | largest process | notes |"
  echo "|---|---|---|---|---|---|---|"
  echo "| (1) first, --cache, workers | $nfiles files, ${big_mb} MB | ${first_wall} s | **$(calc "$nfiles / $first_wall") files/s**, $(calc "$big_mb / $first_wall") MB/s | ${first_parent} MB | ${first_peak} MB | exit $first_rc; $statuses |"
  echo "| (2) again, nothing changed | $nfiles | ${cached_wall} s | $(calc "$nfiles / $cached_wall") files/s | | | **$(calc "$cached_wall / $first_wall * 100")%** of (1)'s time; exit $cached_rc |"
  echo "| (3) killed ${KILLS}× at random, resumed | $nfiles | last run ${resumed_wall} s | | | | kills: ${kills[*]}; $compare |"
  echo "| (4) ${SMALL}-file archive | $SMALL | ${small_wall} s | $(calc "$SMALL / $small_wall") files/s | ${small_parent} MB | | parent peak at $nfiles files is **$(calc "($first_parent / $small_parent - 1) * 100")%** above this |"
} | tee "$out/archive.md"
