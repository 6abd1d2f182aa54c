#!/usr/bin/env bash
# Sumi next to other PII detectors on the same labelled corpus, scored by the same sumi-eval.
# Not in CI's required path (installs spaCy/GiNZA from PyPI, takes minutes), but kept working.
#
#   bash Tools/peers/run.sh
#
# Peers (PyPI, throwaway venvs under Tools/, never a dependency of Sumi):
#   presidio+ginza        Microsoft presidio-analyzer, spaCy NLP engine with GiNZA (ja_ginza) for Japanese,
#                         plus Presidio's email and phone (region JP) recognizers
#   privacy-masker        its Japanese regex detectors (RegexDetector.default_ja)
#   pleno-pii-scanner     its Japanese recognizers (needs Python >= 3.12; skipped if none is found)
# Every peer gets exactly Sumi's extraction (`sumi extract --format jsonl`), unit by unit, and its
# output is converted to Sumi's report shape (Tools/peers/peers.py) and scored with sumi-eval.
# Output: one score table per tool, a side-by-side table, and throughput; kept in .build/peers/.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.build/peers
mkdir -p "$out"

bash Tools/setup.sh
swift build -c release >/dev/null 2>&1 || swift build -c release
bin=$(swift build -c release --show-bin-path)

venv_for() {  # venv_for DIR PYTHON REQUIREMENTS
  local dir=$1 py=$2 req=$3 want
  want=$(sha256sum "$req" | cut -d' ' -f1)
  if [ ! -x "$dir/bin/python" ] || [ "$(cat "$dir/.requirements.sha" 2>/dev/null)" != "$want" ]; then
    echo "peers: installing $(grep -v '^#' "$req" | tr '\n' ' ') into $dir" >&2
    "$py" -m venv "$dir"
    "$dir/bin/pip" install -q --disable-pip-version-check -r "$req"
    echo "$want" > "$dir/.requirements.sha"
  fi
}
venv_for Tools/.venv-peers python3 Tools/peers/requirements.txt
py312=""
for c in python3.13 python3.12 "$HOME/.pyenv/versions/3.12.1/bin/python" "$HOME/.pyenv/versions/3.13.0/bin/python"; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then py312=$c; break; fi
done
if [ -n "$py312" ]; then venv_for Tools/.venv-peers312 "$py312" Tools/peers/requirements-py312.txt; fi

corpus=(Corpus/eval Corpus/samples)
"$bin/sumi" extract --format jsonl "${corpus[@]}" > "$out/units.jsonl" || true
chars=$(python3 -c "import json,sys; print(sum(len(json.loads(l).get('text','')) for l in open(sys.argv[1])))" "$out/units.jsonl")

now() { date +%s.%N; }
t0=$(now)
"$bin/sumi" scan --format json --jobs 1 "${corpus[@]}" > "$out/sumi.json" || true
t1=$(now)
sumi_s=$(awk "BEGIN { printf \"%.3f\", $t1 - $t0 }")
throughput=("| sumi (scan, 1 job, whole process incl. extraction) | $sumi_s s | $(awk "BEGIN { printf \"%.0f\", $chars / $sumi_s }") chars/s | |")

reports=("$out/sumi.json")
run_peer() {  # run_peer VENV PEER
  local venv=$1 peer=$2
  echo "peers: running $peer" >&2
  if "$venv/bin/python" Tools/peers/peers.py --peer "$peer" --units "$out/units.jsonl" --out "$out/$peer.json" > "$out/$peer.kv"; then
    reports+=("$out/$peer.json")
    local ds ls dr
    ds=$(awk -F= '$1=="detect_seconds"{print $2}' "$out/$peer.kv")
    ls=$(awk -F= '$1=="load_seconds"{print $2}' "$out/$peer.kv")
    dr=$(awk -F= '$1=="dropped"{print $2}' "$out/$peer.kv")
    throughput+=("| $peer (detection only, 1 process) | $ds s (+ $ls s load) | $(awk "BEGIN { printf \"%.0f\", $chars / $ds }") chars/s | dropped types: ${dr:-none} |")
  else
    echo "peers: $peer failed (see above)" >&2
  fi
}
run_peer Tools/.venv-peers presidio
run_peer Tools/.venv-peers privacy-masker
if [ -n "$py312" ]; then run_peer Tools/.venv-peers312 pleno; else echo "peers: no Python >= 3.12, pleno-pii-scanner skipped" >&2; fi

"$bin/sumi-eval" --truth Corpus/truth.json "${reports[@]}" | tee "$out/scores.txt"
{
  echo
  echo "Throughput on the same $chars characters of extracted text (Corpus/eval + Corpus/samples):"
  echo "| tool | time | throughput | notes |"
  echo "|---|---|---|---|"
  printf '%s\n' "${throughput[@]}"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)); $(date -u +%Y-%m-%d)."
} | tee -a "$out/scores.txt"
