#!/usr/bin/env bash
# Rebuild Corpus/robustness/hostile/ (hostile regression files and their expected.json)
# with Tools/corpus/hostile_cases.py, then check each file with independent tools
# (python-docx / openpyxl / pypdf, poppler's pdftotext / pdfinfo, unzip).
#
#   bash Tools/corpus/hostile.sh                 # write + check the committed files
#   bash Tools/corpus/hostile.sh --big /tmp/big  # only the files too big to commit (≈ 650 MB), into /tmp/big
#
# Uses the same venv as build.sh (Tools/.venv-corpus, Tools/corpus/requirements.txt), plus
# Tools/corpus/requirements-hostile.txt if that file exists. Byte-identical on every rebuild.
# Note: build.sh (office_cases.robustness) empties Corpus/robustness/ first, so run this
# script again after build.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/Tools/.venv-corpus"

need=()
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils poppler-data)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
# The scanned-form image is drawn with IPAex Mincho (a fixed font, so the PNG is the same everywhere).
[ -f /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf ] || need+=(fonts-ipaexfont-mincho)
if [ ${#need[@]} -gt 0 ]; then
  echo "hostile.sh: installing ${need[*]}" >&2
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

bash "$here/venv.sh" requirements-hostile.txt >/dev/null

export PYTHONHASHSEED=0 SOURCE_DATE_EPOCH=1743465600
"$venv/bin/python" "$here/hostile_cases.py" --corpus "$repo/Corpus" "$@"
"$venv/bin/python" "$here/hostile_cases.py" --corpus "$repo/Corpus" --check "$@"
