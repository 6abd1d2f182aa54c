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
# Japanese fonts, as users' machines have them: poppler substitutes them for non-embedded CID
# fonts, which changes where glyphs are drawn, and the hidden-text probe must hold either way.
[ -d /usr/share/fonts/opentype/ipaexfont-gothic ] || [ -d /usr/share/fonts/opentype/ipaexfont ] || need+=(fonts-ipaexfont)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v fc-list >/dev/null || need+=(fontconfig)
# PDF redaction runs Debian's `mutool run` in a child process (MuPDF is AGPL: never linked).
command -v mutool >/dev/null || need+=(mupdf-tools)
command -v curl >/dev/null || need+=(curl)   # the server tests talk HTTP with it
# Hostile-input-safe XML reading (libxml2's reader, entities and DTDs off).
[ -f /usr/include/libxml2/libxml/xmlreader.h ] || need+=(libxml2-dev)
# The batch cache (sumi scan --cache) is SQLite, through GRDB.swift's system-library target.
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
# Legacy .doc/.xls/.ppt/.rtf are read after LibreOffice converts them to OOXML (one long-lived
# soffice per process, SumiExtract/Legacy); without it they stay `unsupported_format`.
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)
# OCR of image-only pages and pictures (SumiOCR): Tesseract's C API and its Japanese models.
[ -f /usr/include/tesseract/capi.h ] || need+=(libtesseract-dev)
[ -f /usr/share/tesseract-ocr/5/tessdata/jpn.traineddata ] || need+=(tesseract-ocr-jpn)
[ -f /usr/share/tesseract-ocr/5/tessdata/jpn_vert.traineddata ] || need+=(tesseract-ocr-jpn-vert)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
