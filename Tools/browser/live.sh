#!/usr/bin/env bash
# The staff page in a real browser against a real server: starts sumi-server on a free
# loopback port with its own TMPDIR, runs Tools/browser/run.sh against it (Debian's headless
# Chromium through Selenium: upload, boxes on the page, decisions, download, keyboard, CSP),
# stops it, and fails if the server left anything in its TMPDIR. Part of `make test`.
#   bash Tools/browser/live.sh [BIN_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${1:-$(cd "$repo" && swift build --show-bin-path)}"
work=$(mktemp -d)
mkdir -p "$work/tmp"
TMPDIR="$work/tmp" "$bin/sumi-server" --port 0 --rules "$repo/Rules" > "$work/server.out" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 600); do grep -q "127.0.0.1:" "$work/server.out" 2>/dev/null && break; sleep 0.2; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/server.out" | head -1 | cut -d: -f2)
[ -n "$port" ] || { echo "live.sh: sumi-server did not start" >&2; exit 1; }
bash "$here/run.sh" "http://127.0.0.1:$port" "$repo/.build/browser-artifacts"
left=$(find "$work/tmp" -mindepth 1 | wc -l)
if [ "$left" -ne 0 ]; then echo "live.sh: the server left $left files in its TMPDIR" >&2; exit 1; fi
