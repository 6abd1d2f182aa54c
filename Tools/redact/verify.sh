#!/usr/bin/env bash
# Runs `sumi redact` on documents and checks every output with verify_corpus.py (independent of
# Sumi's own reader: pdftotext, pypdf, lxml, python-docx/openpyxl/python-pptx, qpdf, soffice).
# Needs: pdftotext (poppler-utils), python3; qpdf and soffice are used when installed.
# Python packages go to Tools/.venv-redact (created on first run).
# usage: Tools/redact/verify.sh [--sumi PATH] [--rules DIR] [--keep] [--json OUT] [--show-text]
#                               [--accept-refused] [--selftest] [FILES or DIRS...]
#   default inputs: every document under Corpus/eval and Corpus/samples
#   --sumi     default: $(swift build --show-bin-path)/sumi (not built here)
#   --rules    default: the repository's Rules/
#   --keep     keep the outputs and report (prints the folder)
#   --accept-refused  sumi's exit 3 (an input refused as incomplete) is not a failure by itself
#   --selftest run only the checker's own tests (verify_selftest.py; no sumi needed)
# Exit 0 when sumi exited 0 or 1 (or 3 with --accept-refused) and every output passed; 1 otherwise;
# 2 on a usage error. The closing line is verify_corpus.py's `N passed, M failed` (a bad exit code
# of sumi counts as one failure).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/Tools/.venv-redact"

sumi="" rules="" keep=0 json="" show=0 accept_refused=0 selftest=0
inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sumi) sumi="${2:?--sumi needs a path}"; shift 2 ;;
    --rules) rules="${2:?--rules needs a folder}"; shift 2 ;;
    --keep) keep=1; shift ;;
    --json) json="${2:?--json needs a path}"; shift 2 ;;
    --show-text) show=1; shift ;;
    --accept-refused) accept_refused=1; shift ;;
    --selftest) selftest=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; inputs+=("$@"); break ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) inputs+=("$1"); shift ;;
  esac
done

for tool in pdftotext python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "missing $tool: apt-get install -y poppler-utils python3-venv" >&2
    exit 2
  fi
done
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import reportlab, pypdf, PIL, fontTools, lxml, docx, openpyxl, pptx' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi

if [ "$selftest" = 1 ]; then
  exec "$venv/bin/python" "$here/verify_selftest.py"
fi

if [ -z "$sumi" ]; then
  sumi="$(cd "$repo" && swift build --show-bin-path)/sumi"
fi
if [ ! -x "$sumi" ]; then
  echo "no sumi at $sumi (build it, or pass --sumi PATH)" >&2
  exit 2
fi
if ! "$sumi" redact --help 2>&1 | grep -q "sumi redact"; then
  echo "$sumi has no redact command" >&2
  exit 2
fi

# Files, in a stable order; folders are expanded here (documents only, hidden files left out).
[ ${#inputs[@]} -gt 0 ] || inputs=("$repo/Corpus/eval" "$repo/Corpus/samples")
files=()
for p in "${inputs[@]}"; do
  if [ -d "$p" ]; then
    while IFS= read -r -d '' f; do files+=("$f"); done < <(
      find "$p" -type f ! -name '.*' \( -iname '*.txt' -o -iname '*.csv' -o -iname '*.html' -o -iname '*.htm' \
        -o -iname '*.pdf' -o -iname '*.docx' -o -iname '*.xlsx' -o -iname '*.pptx' \) -print0 | sort -z)
  elif [ -f "$p" ]; then
    files+=("$p")
  else
    echo "no such file or folder: $p" >&2
    exit 2
  fi
done
[ ${#files[@]} -gt 0 ] || { echo "no documents to redact" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/sumi-verify.XXXXXX")"
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; else echo "work dir: $work"; fi

args=(redact -o "$work/out" --report "$work/report.json" --show-text)
args+=(--rules "${rules:-$repo/Rules}")  # a copied binary cannot find the Rules/ beside its build
echo "sumi redact: ${#files[@]} files"
set +e
"$sumi" "${args[@]}" "${files[@]}" >"$work/sumi.stdout" 2>"$work/sumi.stderr"
rc=$?
set -e
case "$rc" in
  0|1|3|4) echo "sumi exit $rc" ;;
  *) echo "sumi exit $rc (not in the contract)" ;;
esac
if [ "$rc" != 0 ] && [ "$rc" != 1 ] || [ ! -s "$work/report.json" ]; then
  tail -n 20 "$work/sumi.stderr" | sed 's/^/  sumi: /' >&2
fi
if [ ! -s "$work/report.json" ]; then
  echo "FAIL sumi wrote no report"
  echo "0 passed, 1 failed"
  exit 1
fi

vargs=("$work/report.json" --json "${json:-$work/verify.json}" --sumi-exit "$rc")
[ "$show" = 1 ] && vargs+=(--show-text)
[ "$accept_refused" = 1 ] && vargs+=(--accept-refused)
"$venv/bin/python" "$here/verify_corpus.py" "${vargs[@]}"
