#!/usr/bin/env bash
# Fresh-sample evaluation: score Sumi on a newly generated labelled set that nobody has tuned to.
#
#   bash Tools/eval/fresh.sh --seed N                 # build ~60 documents in a temp dir, scan, score, delete
#   bash Tools/eval/fresh.sh --seed N --keep DIR      # keep the set, the report and the scorecard in DIR
#   bash Tools/eval/fresh.sh --seed N --json          # scorecard as JSON (any other option goes to sumi-eval, e.g. -v)
#   SUMI_BIN=/path/to/dir bash Tools/eval/fresh.sh --seed N   # use sumi and sumi-eval from DIR instead of building
#
# Builds the set with Tools/corpus/fresh.py (venv as in Tools/corpus/build.sh), verifies the truth
# against the extracted text (check_truth), scans with `sumi scan --format json --jobs 2`, and prints
# sumi-eval's scorecard: recall, precision, coverage per category / format / source / kind, false
# alarms per clean document. No thresholds: a fresh seed is a measurement, not a gate.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
seed=""
keep=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --seed=*) seed="${1#--seed=}"; shift ;;
    --keep) keep="${2:?--keep needs a directory}"; shift 2 ;;
    --keep=*) keep="${1#--keep=}"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "fresh.sh: --seed N is required (a non-negative integer)" >&2; exit 2; }

# ---- the corpus venv (Tools/corpus/venv.sh, plus requirements-fresh.txt if present)
venv="$repo/Tools/.venv-corpus"
here="$repo/Tools/corpus"
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
  echo "fresh.sh: installing poppler-utils (pdftotext/pdfinfo) for check_truth.py" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils poppler-data >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq poppler-utils poppler-data >/dev/null; fi
fi
bash "$here/venv.sh" requirements-fresh.txt >/dev/null

# ---- binaries: SUMI_BIN, or build them
if [ -n "${SUMI_BIN:-}" ]; then
  bin="$SUMI_BIN"
else
  (cd "$repo" && bash Tools/setup.sh && swift build --product sumi >/dev/null && swift build --product sumi-eval >/dev/null)
  bin="$(cd "$repo" && swift build --show-bin-path)"
fi
for b in sumi sumi-eval; do
  [ -x "$bin/$b" ] || { echo "fresh.sh: $bin/$b not found (set SUMI_BIN to the directory holding sumi and sumi-eval)" >&2; exit 2; }
done

# ---- build the set
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work="$(cd "$keep" && pwd)"
  set_dir="$work/set"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/sumi-fresh.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  set_dir="$work/set"
fi
export PYTHONHASHSEED=0 SOURCE_DATE_EPOCH=1743465600
"$venv/bin/python" "$here/fresh.py" --seed "$seed" --out "$set_dir"

# ---- scan (the document folders; truth.json itself is not a document) and score
report="$work/report.json"
dirs=()
for d in "$set_dir"/*/; do dirs+=("${d%/}"); done
rc=0
"$bin/sumi" scan --format json --jobs 2 --rules "$repo/Rules" "${dirs[@]}" > "$report" || rc=$?
case $rc in
  0|1|3) ;;
  *) echo "fresh.sh: sumi scan failed with exit code $rc" >&2; exit "$rc" ;;
esac
"$bin/sumi-eval" --truth "$set_dir/truth.json" "$report" ${args[@]+"${args[@]}"} | tee "$work/scorecard.txt"
if [ -n "$keep" ]; then
  echo "fresh.sh: set in $set_dir, report in $report, scorecard in $work/scorecard.txt" >&2
fi
