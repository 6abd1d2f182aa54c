#!/usr/bin/env python3
"""Writes the JavaScript held by PDFRedactionScript.swift (between the `#\"\"\"` and `\"\"\"#`
lines) to a file, the way Swift reads the raw multi-line literal: the closing delimiter's
indentation is removed from every line, and the last line break before it is not part of it."""
import sys


def extract(swift_path: str) -> str:
    lines = open(swift_path, encoding="utf-8").read().split("\n")
    start = next(i for i, l in enumerate(lines) if l.rstrip().endswith('#"""'))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == '"""#')
    indent = lines[end][: len(lines[end]) - len(lines[end].lstrip())]
    body = []
    for l in lines[start + 1 : end]:
        if l.strip() and not l.startswith(indent):
            raise SystemExit(f"line not indented like the closing delimiter: {l!r}")
        body.append(l[len(indent) :] if l.strip() else "")
    js = "\n".join(body)
    if '"""#' in js or "\\#" in js:
        raise SystemExit('the script must not contain """# or \\# (Swift raw-string delimiters)')
    return js + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: extract_js.py PDFRedactionScript.swift OUT.js")
    open(sys.argv[2], "w", encoding="utf-8").write(extract(sys.argv[1]))
