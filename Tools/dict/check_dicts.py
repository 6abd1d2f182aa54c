"""Checks every TSV under Rules/dict/: UTF-8, one '#' header naming the columns,
same column count on every row, sorted, no duplicate rows, each file under 4 MB,
the whole tree under 15 MB, and a SOURCE.md in every folder. Exits 1 on any problem."""
import os
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "Rules/dict"
MAX_FILE, MAX_TOTAL = 4 * 1024 * 1024, 15 * 1024 * 1024
problems, total = [], 0
for dirpath, _, files in sorted(os.walk(ROOT)):
    tsvs = [f for f in files if f.endswith(".tsv")]
    if tsvs and not os.path.exists(os.path.join(dirpath, "SOURCE.md")) \
            and not os.path.exists(os.path.join(os.path.dirname(dirpath), "SOURCE.md")):
        problems.append(f"{dirpath}: no SOURCE.md")
    for f in sorted(files):
        p = os.path.join(dirpath, f)
        size = os.path.getsize(p)
        total += size
        if size > MAX_FILE:
            problems.append(f"{p}: {size} bytes > 4 MB")
        if not f.endswith(".tsv"):
            continue
        raw = open(p, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"{p}: not UTF-8 ({e})")
            continue
        lines = text.split("\n")
        if lines[-1] != "":
            problems.append(f"{p}: no final newline")
        lines = lines[:-1]
        if not lines or not lines[0].startswith("# "):
            problems.append(f"{p}: first line is not a '# col\\tcol' header")
            continue
        ncol = len(lines[0][2:].split("\t"))
        rows = [tuple(l.split("\t")) for l in lines[1:]]
        bad = [i for i, r in enumerate(rows, 2) if len(r) != ncol or any(l.startswith("#") for l in r[:1])]
        if bad:
            problems.append(f"{p}: lines {bad[:5]} do not have {ncol} columns")
        if rows != sorted(rows):
            problems.append(f"{p}: rows not sorted")
        if len(set(rows)) != len(rows):
            problems.append(f"{p}: duplicate rows")
        print(f"  {p}: {len(rows)} rows, {size} bytes")
if total > MAX_TOTAL:
    problems.append(f"{ROOT}: {total} bytes in total > 15 MB")
print(f"  total {total} bytes")
if problems:
    print("\n".join("PROBLEM " + x for x in problems))
    sys.exit(1)
print("dictionaries OK")
