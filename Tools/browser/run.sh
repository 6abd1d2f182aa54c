#!/usr/bin/env bash
# Real-browser test of the staff page served by `sumi serve`: Debian's headless Chromium
# driven by Selenium. Usage: Tools/browser/run.sh BASE_URL [ARTIFACT_DIR]
#   BASE_URL      a running server, e.g. http://127.0.0.1:8080
#   ARTIFACT_DIR  where the screenshots go (default .build/browser-artifacts)
# Installs chromium + chromium-driver (apt, as root) and poppler-utils (pdftotext) when
# absent, and Selenium into Tools/.venv-browser. Ends with "N passed, M failed"; exits 1 on
# any failure. SUMI_TOKEN, when set, is typed into the page's token field on a 401.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 BASE_URL [ARTIFACT_DIR]" >&2
  exit 2
fi
base_url="$1"
artifacts="${2:-$root/.build/browser-artifacts}"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# Japanese glyphs for readable screenshots (the checks do not depend on them).
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "run.sh: missing ${need[*]}; install them as root (apt-get install -y ${need[*]})" >&2
    exit 2
  fi
  echo "run.sh: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

venv="$root/Tools/.venv-browser"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
  echo "$want" > "$stamp"
fi

mkdir -p "$artifacts"
# Selenium must use the Debian browser and driver, never fetch its own.
export SE_OFFLINE=true SE_AVOID_STATS=true
exec "$venv/bin/python" "$here/test_page.py" --base-url "$base_url" --artifacts "$artifacts" --root "$root"
