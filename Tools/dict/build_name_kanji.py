#!/usr/bin/env python3
"""Counts how each kanji is used in the name lists: Rules/dict/names/name_kanji.tsv.

    python3 Tools/dict/build_name_kanji.py Rules/dict/names

Reads surnames.tsv, given_names.tsv and given_names_tier2.tsv (built by build_names.py) and
writes, per kanji, in how many distinct surname spellings it occurs, in how many given-name
spellings, and how many given names end with it. The person-name recognizer uses these
counts to accept a name that is not in the lists by its shape (苅ノ江 環絵, 綺緒ちゃん), but
only where the context already says a name stands there (a name field, a salutation line,
a relation word with an honorific): real people's names are often rarer than any list.
Derived data: the licences of the lists it is counted from apply (see SOURCE.md).
Standard library only; output sorted by code point, no timestamps.
"""
import collections
import os
import sys


def is_kanji(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or c in "々〆"


def spellings(path):
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            name = line.split("\t", 1)[0]
            if name and name not in seen:
                seen.add(name)
                yield name


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "Rules/dict/names"
    surname = collections.Counter()
    given = collections.Counter()
    final = collections.Counter()
    for name in spellings(os.path.join(out_dir, "surnames.tsv")):
        for c in set(name):
            if is_kanji(c):
                surname[c] += 1
    given_names = set()
    for file in ("given_names.tsv", "given_names_tier2.tsv"):
        given_names.update(spellings(os.path.join(out_dir, file)))
    for name in given_names:
        for c in set(name):
            if is_kanji(c):
                given[c] += 1
        if is_kanji(name[-1]):
            final[name[-1]] += 1
    rows = sorted(set(surname) | set(given), key=lambda c: ord(c))
    with open(os.path.join(out_dir, "name_kanji.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# kanji\tin_surnames\tin_given_names\tends_given_names\n")
        for c in rows:
            f.write(f"{c}\t{surname[c]}\t{given[c]}\t{final[c]}\n")
    print(f"name_kanji.tsv: {len(rows)} kanji", file=sys.stderr)


if __name__ == "__main__":
    main()
