#!/usr/bin/env bash
# Tests the MuPDF redaction script held by Sources/SumiRedact/PDF/PDFRedactionScript.swift.
# Needs: mutool (Debian mupdf-tools), pdftotext/pdftoppm (poppler-utils), python3; qpdf optional.
# Python packages go to Tools/.venv-redact (created on first run).
# usage: Tools/redact/test_pdf_script.sh [--pages N] [--keep]   (N: pages of the timing document)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/Tools/.venv-redact"

for tool in mutool pdftotext pdftoppm python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "missing $tool: apt-get install -y mupdf-tools poppler-utils python3-venv" >&2
    exit 2
  fi
done
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import reportlab, pypdf, PIL, fontTools' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi

keep=0
args=()
for a in "$@"; do
  if [ "$a" = "--keep" ]; then keep=1; else args+=("$a"); fi
done
work="$(mktemp -d "${TMPDIR:-/tmp}/sumi-redact.XXXXXX")"
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; else echo "work dir: $work"; fi

"$venv/bin/python" "$here/extract_js.py" "$repo/Sources/SumiRedact/PDF/PDFRedactionScript.swift" "$work/redact.js"
echo "mutool: $(mutool -v 2>&1 | head -1)"
"$venv/bin/python" "$here/pdf_script_tests.py" "$work/redact.js" "$work" "${args[@]+"${args[@]}"}"
