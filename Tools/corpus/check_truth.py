#!/usr/bin/env python3
"""Verify Corpus/truth.json against the documents themselves.

For every labelled item, the exact text must occur in the document's extracted
text, in the unit the label names (PDF page via `pdftotext -layout`, PDF
metadata via `pdfinfo`, PPTX slide or notes, XLSX sheet/cell, DOCX part), at
least as many times as it is labelled there.  Also checks: every file under
eval/ and samples/ is listed and vice versa, My Numbers pass the check digit,
`clean` agrees with `items`, categories and sources are in the schema's enums.

Uses the standard library, poppler-utils, and pypdf for PDF annotations, form fields and outlines.  Exit 1 on any problem.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

CATEGORIES = {"person_name", "address", "postal_code", "phone", "email", "birth_date", "my_number",
              "id_number", "bank_account", "medical", "disability", "sensitive_other"}
SOURCES = {"body", "header_footer", "metadata", "annotation", "comment", "tracked_change", "hidden_sheet",
           "hidden_row", "hidden_column", "html_comment", "html_attribute", "covered", "invisible_text",
           "attachment", "form_field", "notes", "ocr"}
CODECS = {"UTF-8": "utf-8", "Shift_JIS": "cp932", "EUC-JP": "euc_jp", "UTF-16LE": "utf-16"}
FORMATS = {".txt": "txt", ".csv": "csv", ".html": "html", ".docx": "docx", ".xlsx": "xlsx",
           ".pptx": "pptx", ".pdf": "pdf"}
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def my_number_ok(s: str) -> bool:
    d = re.sub(r"\D", "", s.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if len(d) != 12:
        return False
    total = sum(int(d[11 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = total % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def xml_text(data: bytes) -> str:
    """Paragraph-joined text plus every text node and attribute value of an XML part."""
    root = ET.fromstring(data)
    out = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("p", "si", "is", "r") or tag == "comment":
            out.append("".join(el.itertext()))
        if el.text:
            out.append(el.text)
        out.extend(el.attrib.values())
    return "\n".join(out)


def pdf_units(path: str) -> dict:
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout, re.M).group(1))
    units = {("page", p): subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), path, "-"],
                                          capture_output=True, text=True, check=True).stdout for p in range(1, pages + 1)}
    units[("metadata",)] = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    units.update(pdf_other_units(path))
    return units


def pdf_other_units(path: str) -> dict:
    """What pdftotext does not show: outline titles (with the metadata), annotation and
    link text, form field values per page (pypdf), and each attached file's text (pdfdetach)."""
    import tempfile
    from pypdf import PdfReader
    units = collections.defaultdict(str)
    r = PdfReader(path)

    def walk(items):
        for o in items:
            if isinstance(o, list):
                walk(o)
            else:
                units[("metadata",)] += "\n" + str(o.title)
    walk(r.outline)
    for n, page in enumerate(r.pages, 1):
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a.get("/Subtype") == "/Widget":
                units[("form_field", n)] += "\n" + str(a.get("/V", ""))
                continue
            for k in ("/Contents", "/T"):
                if k in a:
                    units[("annotation", n)] += "\n" + str(a[k])
            uri = (a.get("/A") or {}).get("/URI")
            if uri:
                units[("annotation", n)] += "\n" + re.sub(r"^(mailto|tel):", "", str(uri))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdfdetach", "-saveall", "-o", tmp, path], capture_output=True)
        for name in os.listdir(tmp):
            f = os.path.join(tmp, name)
            if name.endswith(".pdf"):
                text = subprocess.run(["pdftotext", "-layout", f, "-"], capture_output=True, text=True).stdout
            else:
                text = open(f, "rb").read().decode("utf-8", errors="replace")
            units[("attachment", name)] = text
    return dict(units)


def xlsx_cells(z: zipfile.ZipFile) -> dict:
    """{(sheet name, A1 ref): text}"""
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS_MAIN + "si"):
            shared.append("".join(si.itertext()))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    cells = {}
    for sh in wb.iter(NS_MAIN + "sheet"):
        target = rels[sh.get(NS_REL + "id")].lstrip("/")
        target = target if target.startswith("xl/") else "xl/" + target
        for c in ET.fromstring(z.read(target)).iter(NS_MAIN + "c"):
            v = c.find(NS_MAIN + "v")
            if c.get("t") == "s" and v is not None:
                val = shared[int(v.text)]
            elif c.get("t") == "inlineStr":
                val = "".join(c.find(NS_MAIN + "is").itertext())
            else:
                val = v.text if v is not None else ""
            cells[(sh.get("name"), c.get("r"))] = val
    return cells


def check_doc(corpus: str, doc: dict) -> list[str]:
    path = os.path.join(corpus, doc["path"])
    fmt = doc["format"]
    errs = []
    if not os.path.exists(path):
        return [f"{doc['path']}: file missing"]
    if doc["clean"] != (len(doc["items"]) == 0):
        errs.append(f"{doc['path']}: clean={doc['clean']} but {len(doc['items'])} items")
    cells = {}
    if fmt in ("txt", "csv", "html"):
        raw = open(path, "rb").read()
        enc = doc.get("encoding", "UTF-8")
        try:
            text = raw.decode(CODECS[enc], errors="strict")
        except UnicodeDecodeError as e:
            return [f"{doc['path']}: does not decode as {enc}: {e}"]
        if enc == "UTF-16LE" and not raw.startswith(b"\xff\xfe"):
            errs.append(f"{doc['path']}: UTF-16LE without BOM")
        units = {("all",): text}
        unit_of = lambda it: ("all",)  # noqa: E731
    elif fmt in ("docx", "xlsx", "pptx"):
        with zipfile.ZipFile(path) as z:
            parts = {n: xml_text(z.read(n)) for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")}
            if fmt == "xlsx":
                cells = xlsx_cells(z)
        units = {("part", n): t for n, t in parts.items()}
        units[("all",)] = "\n".join(parts.values())

        def unit_of(it):
            if fmt == "pptx" and it.get("page"):
                n = it["page"]
                if it["source"] == "notes":
                    return ("notes",)
                if it["source"] == "comment":
                    return ("all",)
                return ("part", f"ppt/slides/slide{n}.xml")
            if fmt == "docx" and it["source"] == "comment":
                return ("part", "word/comments.xml")
            if it["source"] == "metadata":
                return ("part", it.get("part", "docProps/core.xml"))
            return ("all",)
        units[("notes",)] = "\n".join(t for n, t in parts.items() if n.startswith("ppt/notesSlides/"))
    elif fmt == "pdf":
        units = pdf_units(path)
        units[("all",)] = "\n".join(v for k, v in units.items() if k[0] == "page")

        def unit_of(it):
            if it["source"] == "metadata":
                return ("metadata",)
            if it["source"] in ("annotation", "form_field"):
                return (it["source"], it["page"])
            if it["source"] == "attachment":
                return ("attachment", it["part"])
            return ("page", it["page"])
    else:
        return [f"{doc['path']}: unknown format {fmt}"]

    need = collections.Counter()
    for it in doc["items"]:
        if it["category"] not in CATEGORIES:
            errs.append(f"{doc['path']}: bad category {it['category']}")
        if it["source"] not in SOURCES:
            errs.append(f"{doc['path']}: bad source {it['source']}")
        if fmt in ("pdf", "pptx") and it["source"] not in ("metadata", "attachment") and not it.get("page"):
            errs.append(f"{doc['path']}: {it['text']!r} has no page")
        if it["category"] == "my_number" and not my_number_ok(it["text"]):
            errs.append(f"{doc['path']}: my_number {it['text']!r} fails the check digit")
        u = unit_of(it)
        if u not in units:
            errs.append(f"{doc['path']}: {it['text']!r}: no unit {u}")
            continue
        # A number cell: the truth holds what Excel shows (090-1234-5678), "stored" what the XML holds.
        stored = it.get("stored", it["text"])
        need[(u, stored)] += 1
        if fmt == "xlsx" and it.get("cell"):
            val = cells.get((it["sheet"], it["cell"]))
            if it["source"] != "comment" and (val is None or stored not in val):
                errs.append(f"{doc['path']}: {it['text']!r} not in {it['sheet']}!{it['cell']} ({val!r})")
    for (u, text), n in need.items():
        found = units[u].count(text)
        if found < n:
            errs.append(f"{doc['path']}: {text!r} labelled {n}x in {u} but found {found}x in extracted text")
    return errs


def main() -> int:
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(here, "..", "..", "Corpus")))
    a = ap.parse_args()
    truth = json.load(open(os.path.join(a.corpus, "truth.json"), encoding="utf-8"))
    errs = []
    listed = set()
    for doc in truth["documents"]:
        listed.add(doc["path"])
        errs += check_doc(a.corpus, doc)
    for sub in ("eval", "samples"):
        for dp, _, fs in os.walk(os.path.join(a.corpus, sub)):
            for fn in fs:
                rel = os.path.relpath(os.path.join(dp, fn), a.corpus)
                if os.path.splitext(fn)[1] in FORMATS and rel not in listed:
                    errs.append(f"{rel}: not in truth.json")
    expected = os.path.join(a.corpus, "robustness", "expected.json")
    if os.path.exists(expected):
        for f in json.load(open(expected, encoding="utf-8"))["files"]:
            if not os.path.exists(os.path.join(a.corpus, f["path"])):
                errs.append(f"{f['path']}: listed in robustness/expected.json but missing")
    n_items = sum(len(d["items"]) for d in truth["documents"])
    for e in errs:
        print("FAIL", e)
    print(f"check_truth: {len(truth['documents'])} documents, {n_items} items, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
