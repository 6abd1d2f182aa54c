"""Normalises the hand-curated lists in place: NFC, trimmed fields, one header,
rows de-duplicated and sorted (code point order). Hand edits stay the source of truth;
this only makes their order deterministic. Rows keep their column count."""
import glob
import sys
import unicodedata


def normalize(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    header = [l for l in lines if l.startswith("#")]
    if len(header) != 1 or not lines[0].startswith("#"):
        raise SystemExit(f"{path}: needs exactly one '#' header line, first")
    ncol = len(header[0].lstrip("# ").split("\t"))
    rows = set()
    for n, l in enumerate(lines[1:], 2):
        if not l.strip():
            continue
        cols = [unicodedata.normalize("NFC", c.strip()) for c in l.split("\t")]
        if len(cols) != ncol:
            raise SystemExit(f"{path}:{n}: {len(cols)} columns, header has {ncol}: {l!r}")
        rows.add(tuple(cols))
    keys = [r[0] for r in rows]
    out = header[0] + "\n" + "".join("\t".join(r) + "\n" for r in sorted(rows))
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    print(f"  normalised {path}: {len(rows)} rows")


for d in sys.argv[1:]:
    for p in sorted(glob.glob(f"{d}/*.tsv")):
        normalize(p)
