#!/usr/bin/env python3
"""Summarise Corpus/truth.json: documents per format/kind, items per category and source."""
import collections
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "Corpus", "truth.json")
docs = json.load(open(path, encoding="utf-8"))["documents"]


def show(title, counter):
    print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))))


for scope in ("eval/", "samples/"):
    ds = [d for d in docs if d["path"].startswith(scope)]
    print(f"== {scope} {len(ds)} documents, {sum(d['clean'] for d in ds)} clean, {sum(len(d['items']) for d in ds)} items")
    show("formats", collections.Counter(d["format"] for d in ds))
    show("encodings", collections.Counter(d["encoding"] for d in ds if "encoding" in d))
    show("kinds", collections.Counter(d["kind"] for d in ds))
    show("categories", collections.Counter(i["category"] for d in ds for i in d["items"]))
    show("sources", collections.Counter(i["source"] for d in ds for i in d["items"]))
