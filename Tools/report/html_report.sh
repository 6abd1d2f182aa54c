#!/usr/bin/env bash
# The HTML report in a real browser: scans a 3-page PDF with findings on every page (made by
# Tools/bench/make_text_pdf.py) plus Corpus/samples, writes `--format html`, opens it in
# Debian's headless Chromium (installed if missing) and checks that every page with findings
# is drawn and every box sits on its finding's bbox (within 2 px), that the category filter
# hides boxes, and saves screenshots to .build/report-artifacts/. Part of `make test`.
#   bash Tools/report/html_report.sh [SUMI_BINARY]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
sumi="${1:-$(cd "$repo" && swift build --show-bin-path)/sumi}"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
venv="$repo/Tools/.venv-report-browser"
stamp="$venv/.requirements.sha"
want="$(sha256sum "$here/requirements-browser.txt" | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements-browser.txt"
  echo "$want" > "$stamp"
fi
corpus_py="$repo/Tools/.venv-corpus/bin/python"
bash "$repo/Tools/corpus/venv.sh" >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
artifacts="$repo/.build/report-artifacts"; mkdir -p "$artifacts"
"$corpus_py" "$repo/Tools/bench/make_text_pdf.py" "$work/three-pages.pdf" 3
rc=0; "$sumi" scan --format html --output "$work/report.html" "$work/three-pages.pdf" "$repo/Corpus/samples" || rc=$?
case $rc in 0|1|3) ;; *) echo "html_report: sumi scan failed ($rc)" >&2; exit 1 ;; esac
rc=0; "$sumi" scan --format json "$work/three-pages.pdf" > "$work/report.json" || rc=$?
"$venv/bin/python" "$here/html_report_check.py" "$work/report.html" "$work/report.json" "$artifacts"
