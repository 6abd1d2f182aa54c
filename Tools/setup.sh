#!/usr/bin/env bash
# Installs the Debian packages Sumi builds against, if they are missing.
# CI and new machines start bare: this script, not a manual step, is what makes them ready.
set -euo pipefail
need=()
pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
[ -f /usr/include/unicode/unorm2.h ] || need+=(libicu-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
[ -d /usr/share/poppler/cMap ] || need+=(poppler-data)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/time ] || need+=(time)   # peak RSS in Tools/bench (/usr/bin/time -v)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
