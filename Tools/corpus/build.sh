#!/usr/bin/env bash
# Rebuild the labelled evaluation corpus: Corpus/eval, Corpus/samples, Corpus/truth.json.
# Creates Tools/.venv-corpus (gitignored) with pinned PyPI packages, runs the
# generator, then verifies every truth item against the extracted text.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/Tools/.venv-corpus"

if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
  echo "build.sh: installing poppler-utils (pdftotext/pdfinfo) for check_truth.py" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq poppler-utils poppler-data >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq poppler-utils poppler-data >/dev/null; fi
fi

bash "$here/venv.sh" >/dev/null

export PYTHONHASHSEED=0 SOURCE_DATE_EPOCH=1743465600
"$venv/bin/python" "$here/generate.py" --corpus "$repo/Corpus" "$@"
"$venv/bin/python" "$here/check_truth.py" --corpus "$repo/Corpus"
