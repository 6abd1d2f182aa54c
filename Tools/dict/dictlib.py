"""Shared helpers for the dictionary builders: deterministic TSV writing.

Every file under Rules/dict/ is UTF-8, tab-separated, with exactly one header
line starting with '#' that names the columns, then rows sorted by code point
order of their fields, no duplicates, no timestamps.
"""
import os
import unicodedata

MAX_BYTES = 4 * 1024 * 1024


def clean_field(value):
    s = "" if value is None else str(value)
    s = unicodedata.normalize("NFC", s)
    if "\t" in s or "\n" in s or "\r" in s:
        raise ValueError(f"field contains a tab or newline: {s!r}")
    return s


def write_tsv(path, columns, rows, sort=True):
    """Writes rows (iterables of fields) under a '# col\tcol' header.

    Rows are de-duplicated and sorted (code point order on the field tuple).
    Returns (row_count, byte_size). Refuses to write a file over 4 MB.
    """
    clean = {tuple(clean_field(f) for f in r) for r in rows}
    for r in clean:
        if len(r) != len(columns):
            raise ValueError(f"{path}: row has {len(r)} fields, expected {len(columns)}: {r}")
    ordered = sorted(clean) if sort else list(clean)
    text = "# " + "\t".join(columns) + "\n" + "".join("\t".join(r) + "\n" for r in ordered)
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise SystemExit(f"{path}: {len(data)} bytes is over the 4 MB limit; split or trim it")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print(f"  wrote {path}: {len(ordered)} rows, {len(data)} bytes")
    return len(ordered), len(data)


def kata_to_hira(s):
    """Katakana → hiragana (ヴ→ゔ; ー and other marks kept)."""
    out = []
    for ch in s:
        o = ord(ch)
        if 0x30A1 <= o <= 0x30F6:
            out.append(chr(o - 0x60))
        else:
            out.append(ch)
    return "".join(out)


def dist_version(name):
    from importlib.metadata import version
    return version(name)
