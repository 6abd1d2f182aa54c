#!/usr/bin/env bash
# The corpus venv (Tools/.venv-corpus, gitignored), made or brought up to date, and nothing else:
# prints its python. Every script that needs reportlab/openpyxl/Pillow gets it from here, so
# that needing the venv never regenerates the corpus (html_report.sh once ran build.sh for it,
# which emptied Corpus/robustness/ on every fresh clone).
#
#   py=$(bash Tools/corpus/venv.sh)                   # Tools/corpus/requirements.txt
#   py=$(bash Tools/corpus/venv.sh requirements-fresh.txt)   # plus extra files, if they exist
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$(cd "$here/../.." && pwd)/Tools/.venv-corpus"
py="${PYTHON:-python3}"

# install FILE: pip-install Tools/corpus/FILE once per content (a stamp per file).
install() {
  local file="$here/$1" stamp="$venv/.${1%.txt}.sha" want
  [ -f "$file" ] || return 0
  want="$(sha256sum "$file" | cut -d' ' -f1)"
  [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && return 0
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$file" >&2
  echo "$want" > "$stamp"
}

[ -x "$venv/bin/python" ] || "$py" -m venv "$venv" >&2
install requirements.txt
for extra in "$@"; do install "$extra"; done
echo "$venv/bin/python"
