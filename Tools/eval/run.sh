#!/usr/bin/env bash
# Evaluation gate, one command from a fresh clone: build, scan the labelled corpus
# (Corpus/eval and Corpus/samples), score the report against Corpus/truth.json with
# sumi-eval, and fail when any figure is below Tools/eval/thresholds.yaml.
#
#   bash Tools/eval/run.sh              # table + gate (what `make eval` and `make test` run)
#   bash Tools/eval/run.sh --verbose    # also every miss and false alarm
#   bash Tools/eval/run.sh --json       # scorecard as JSON
#   bash Tools/eval/run.sh --raise      # after an improvement: raise the floors to what this run achieves
#
# The report is kept in .build/eval/report.json for a closer look.
set -euo pipefail
cd "$(dirname "$0")/../.."
thresholds=Tools/eval/thresholds.yaml
args=()
raise=0
for a in "$@"; do
  case "$a" in
    --raise) raise=1 ;;
    *) args+=("$a") ;;
  esac
done

bash Tools/setup.sh
swift build --product sumi >/dev/null
swift build --product sumi-eval >/dev/null
bin=$(swift build --show-bin-path)
out=.build/eval
mkdir -p "$out"

# 0 clean, 1 findings, 3 incomplete are all results; anything else (2 = bad rules, a crash) is a failure.
rc=0
"$bin/sumi" scan --format json --jobs "$(nproc)" Corpus/eval Corpus/samples > "$out/report.json" || rc=$?
case $rc in
  0|1|3) ;;
  *) echo "eval: sumi scan failed with exit code $rc" >&2; exit "$rc" ;;
esac

if [ $raise -eq 1 ]; then
  "$bin/sumi-eval" --truth Corpus/truth.json --raise "$thresholds" "$out/report.json" ${args[@]+"${args[@]}"}
fi
"$bin/sumi-eval" --truth Corpus/truth.json --thresholds "$thresholds" "$out/report.json" ${args[@]+"${args[@]}"}
