#!/usr/bin/env python3
"""Independent proof that `sumi redact` outputs lost the removed text (never uses Sumi's reader).

Reads the report written by `sumi redact -o OUTDIR --report REPORT.json --show-text FILE...` and,
for every entry with status "redacted", checks the output against its input with other tools:

1. leaks: every removed text (removed[].text and also_removed) is searched in everything the
   output holds: decoded text (txt/csv/html: the whole source), every ZIP entry of an OOXML file
   (XML text nodes and attribute values, other entries' bytes), a PDF's pdftotext text, string
   objects, /Info, XMP and every decoded stream (and its literal strings); embedded PDFs and ZIPs
   are read the same way. As is, without white space, NFKC-normalized, and as bytes in UTF-8,
   UTF-16LE/BE and CP932 (PDF also as UTF-16BE hex strings). Any hit fails. As a control, a text
   the same search cannot find in the INPUT either is counted (its absence proves little).
   xlsx: a removed cell whose stored value differs from the text (a phone kept as a number, a date
   as a serial) must not keep that value.
2. charset: text outputs decode strictly with the input's charset, keep its BOM and line endings.
3. retention: the input's visible characters that were not removed are still in the output
   (NFKC, no white space, masks ■ █ ignored): |kept| / |expected| >= --min-retention (0.95).
4. structure: OOXML opens with python-docx/openpyxl/python-pptx (and LibreOffice when `soffice` is
   on PATH), every XML entry parses, no docProps/thumbnail.*; PDFs pass `qpdf --check` (when
   installed), open with pypdf and keep their page count; HTML parses; CSV keeps its row shape.
With --sumi-exit, sumi's exit code is checked against the contract and against the report.

Prints `OK path retention=R removed=N` or `FAIL path: reasons` per file, then `N passed, M failed`;
exit 1 when any file failed, 2 on a usage error or an unreadable report. Removed texts are never
printed unless --show-text is given.

usage: verify_corpus.py REPORT.json [--json OUT] [--show-text] [--min-retention 0.95] [--base DIR]
                        [--sumi-exit RC [--accept-refused]]
"""
import argparse
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from collections import Counter

MASKS = "\u25a0\u2588"  # ■ █
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
TEXT_FORMATS = ("txt", "csv", "html")
CLEAN_STATUSES = ("nothing_to_remove", "clean")  # no finding: no output, nothing to check
OOXML_FORMATS = ("docx", "xlsx", "pptx")
BYTE_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "cp932")
MAX_WHERE = 3  # places listed per leaking form


# ---------- normalization ----------

def no_space(s):
    """White space (incl. U+3000) and zero-width characters removed."""
    return "".join(ch for ch in s if not ch.isspace() and ch not in ZERO_WIDTH)


def nfkc_no_space(s):
    return no_space(unicodedata.normalize("NFKC", s))


def retention_norm(s):
    return "".join(ch for ch in nfkc_no_space(s) if ch not in MASKS)


def skip_reason(text):
    """Texts that match by accident are not searched."""
    t = nfkc_no_space(text)
    if len(t) < 2:
        return "shorter than 2 characters"
    if t.isdigit() and len(t) < 4:
        return "pure digits shorter than 4"
    return None


# ---------- charsets ----------

BOMS = [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]


def japanese_score(s):
    """How much a decoding looks like Japanese: kana count most, kanji some; half-width katakana,
    private-use characters and C1 controls (typical of a wrong legacy decoding) count against."""
    score = 0
    for ch in s:
        o = ord(ch)
        if 0x3041 <= o <= 0x309F:
            score += 3
        elif 0x30A0 <= o <= 0x30FF:
            score += 2
        elif 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
            score += 1
        elif 0xFF61 <= o <= 0xFF9F:
            score -= 2
        elif 0xE000 <= o <= 0xF8FF or 0x80 <= o <= 0x9F:
            score -= 3
    return score


def html_declared_charset(raw):
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", raw[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    aliases = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
               "windows-31j": "cp932", "ms932": "cp932", "euc-jp": "euc_jp", "iso-2022-jp": "iso2022_jp",
               "utf8": "utf-8"}
    return aliases.get(name, name)


def detect_charset(raw, is_html=False):
    """(codec, bom) the way a careful person decides: BOM, then strict UTF-8, then the HTML
    declaration, then whichever of CP932 / EUC-JP decodes strictly with more Japanese."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return codec, bom
    if raw and all(b < 0x80 for b in raw) and (b"\x1b$" in raw or b"\x1b(" in raw):
        return "iso2022_jp", b""
    # UTF-16 without a BOM: a NUL in every other byte.
    if len(raw) >= 4:
        even, odd = raw[0::2].count(0), raw[1::2].count(0)
        if odd > len(raw) / 4 and even < odd / 8:
            return "utf-16-le", b""
        if even > len(raw) / 4 and odd < even / 8:
            return "utf-16-be", b""
    try:
        raw.decode("utf-8")
        return "utf-8", b""
    except UnicodeDecodeError:
        pass
    if is_html:
        declared = html_declared_charset(raw)
        if declared:
            try:
                raw.decode(declared)
                return declared, b""
            except (UnicodeDecodeError, LookupError):
                pass
    best = None
    for codec in ("cp932", "euc_jp"):
        try:
            score = japanese_score(raw.decode(codec))
        except UnicodeDecodeError:
            continue
        if best is None or score > best[0]:
            best = (score, codec)
    if best:
        return best[1], b""
    return None, b""


def decode_with(raw, codec, bom):
    """Strict decoding with a known charset: (text, error or None)."""
    body = raw[len(bom):] if bom and raw.startswith(bom) else raw
    try:
        return body.decode(codec), None
    except UnicodeDecodeError as e:
        return body.decode(codec, errors="replace"), f"not valid {codec} at byte {e.start}"


# ---------- material: what a reader of a file could get out of it ----------

class Material:
    """Text pieces and byte pieces of one file, each with the place it came from."""

    def __init__(self):
        self.texts = []   # (where, str)
        self.blobs = []   # (where, bytes)
        self._norm = None

    def text(self, where, s):
        if s:
            self.texts.append((where, s))

    def blob(self, where, b):
        if b:
            self.blobs.append((where, b))

    def normalized(self):
        if self._norm is None:
            self._norm = [(w, s, no_space(s), nfkc_no_space(s)) for w, s in self.texts]
        return self._norm


def xml_parser(recover):
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=recover,
                           load_dtd=False)


def xml_nodes(data, recover=False):
    """(text nodes joined, attribute values joined by new lines) of one XML document.
    Comments and processing instructions count as text. Raises on malformed XML unless recover."""
    from lxml import etree
    root = etree.fromstring(data, xml_parser(recover))
    if root is None:
        raise ValueError("empty document")
    texts, attrs = [], []
    for node in root.iter():
        if node.text:
            texts.append(node.text)
        if node.tail:
            texts.append(node.tail)
        if isinstance(node.tag, str):
            attrs.extend(node.attrib.values())
    # siblings of the root (comments, PIs before/after it)
    for sib in list(root.itersiblings(preceding=True)) + list(root.itersiblings()):
        if sib.text:
            texts.append(sib.text)
    return "".join(texts), "\n".join(attrs)


def looks_like_xml(name, data):
    if name.lower().endswith((".xml", ".rels", ".vml")):
        return True
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") or head.startswith(b"<") and b">" in data[:4096]


def ooxml_material(path, mat, prefix="", depth=0):
    """Every ZIP entry: XML text nodes and attribute values; other entries' bytes decoded as
    UTF-8 and UTF-16 (errors ignored). Embedded ZIPs (OOXML inside OOXML) are opened too.
    Returns the names of XML entries that did not parse strictly."""
    bad = []
    zf = zipfile.ZipFile(path if isinstance(path, str) else io.BytesIO(path))
    for info in zf.infolist():
        if info.is_dir():
            continue
        name = prefix + info.filename
        data = zf.read(info)
        mat.blob(name, data)
        if looks_like_xml(info.filename, data):
            try:
                t, a = xml_nodes(data)
            except Exception:
                bad.append(name)
                try:
                    t, a = xml_nodes(data, recover=True)
                except Exception:
                    t, a = "", ""
                mat.text(name + " (raw)", data.decode("utf-8", errors="ignore"))
            mat.text(name + " (text)", t)
            mat.text(name + " (attributes)", a)
        else:
            embedded_material(name, data, mat, depth)
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                mat.text(f"{name} (bytes as {enc})", data.decode(enc, errors="ignore"))
    return bad


OOXML_MAIN = {
    "docx": lambda n: n == "word/document.xml",
    "pptx": lambda n: re.fullmatch(r"ppt/slides/slide\d+\.xml", n) is not None,
    "xlsx": lambda n: n == "xl/sharedStrings.xml" or re.fullmatch(r"xl/worksheets/[^/]+\.xml", n) is not None,
}


def ooxml_visible(path, fmt):
    """Text nodes of the main parts only (document, slides, shared strings and sheet cells)."""
    from lxml import etree
    out = []
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if not OOXML_MAIN[fmt](name):
                continue
            root = etree.fromstring(zf.read(name), xml_parser(True))
            if root is None:
                continue
            if name.startswith("xl/worksheets/"):
                for c in root.iter("{*}c"):
                    if c.get("t") == "s":
                        continue  # index into sharedStrings, counted there
                    for v in c.iter("{*}v", "{*}t"):
                        if v.text:
                            out.append(v.text)
            else:
                for node in root.iter():
                    if isinstance(node.tag, str) and node.text:
                        out.append(node.text)
    return "\n".join(out)


def xlsx_cells(path):
    """{(part, "C4"): stored value} of the cells that hold a value of their own (numbers, dates,
    booleans, formula results: not shared or inline strings), and {sheet name: part}."""
    from lxml import etree
    cells, sheets = {}, {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        try:
            wb = etree.fromstring(zf.read("xl/workbook.xml"), xml_parser(True))
            rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"), xml_parser(True))
            target = {r.get("Id"): r.get("Target", "") for r in rels.iter("{*}Relationship")}
            for sh in wb.iter("{*}sheet"):
                rid = next((v for k, v in sh.attrib.items() if k.endswith("}id")), None)
                t = target.get(rid, "")
                sheets[sh.get("name")] = t.lstrip("/") if t.startswith("/") else "xl/" + t
        except Exception:
            pass
        for name in names:
            if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", name):
                continue
            root = etree.fromstring(zf.read(name), xml_parser(True))
            if root is None:
                continue
            for c in root.iter("{*}c"):
                if c.get("t") in ("s", "inlineStr"):
                    continue
                v = next(c.iter("{*}v"), None)
                if v is not None and v.text:
                    cells[(name, c.get("r"))] = v.text
    return cells, sheets


def xlsx_removed_cells(entry, cells, sheets):
    """(part, cell, stored value) of removed findings whose cell stores a value that is not the
    text (a phone kept as a number, a date as a serial): it goes with the finding."""
    out = set()
    for r in entry.get("removed") or []:
        loc = r.get("location") or {}
        cell = loc.get("cell")
        part = loc.get("part") or sheets.get(loc.get("sheet"))
        if not cell or not part or (part, cell) not in cells:
            continue
        out.add((part, cell, cells[(part, cell)]))
    return sorted(out)


def pdftotext(path):
    p = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", errors="replace").strip()[:200]
    return p.stdout.decode("utf-8", errors="replace"), None


def pdf_object_ids(reader):
    ids = set()
    for gen, table in getattr(reader, "xref", {}).items():
        for num in table:
            ids.add((num, gen))
    for num in getattr(reader, "xref_objStm", {}):
        ids.add((num, 0))
    size = int(reader.trailer.get("/Size", 0) or 0)
    known = {n for n, _ in ids}
    for num in range(1, min(size, 2_000_000)):
        if num not in known:
            ids.add((num, 0))
    return sorted(ids)


def pdf_walk_strings(obj, mat, where):
    """String and name objects anywhere in a PDF object (annotations, fields, bookmarks, names)."""
    from pypdf.generic import (ArrayObject, ByteStringObject, DictionaryObject, IndirectObject, NameObject,
                               TextStringObject)
    stack = [obj]
    while stack:
        o = stack.pop()
        if isinstance(o, IndirectObject):
            continue  # visited as its own object; direct objects form a tree
        if isinstance(o, TextStringObject):
            mat.text(where, str(o))
            raw = getattr(o, "original_bytes", None)
            if raw:
                mat.blob(where, raw)
        elif isinstance(o, ByteStringObject):
            b = bytes(o)
            mat.blob(where, b)
            for enc in ("utf-16-be", "utf-8"):
                mat.text(where, b.decode(enc, errors="ignore"))
        elif isinstance(o, NameObject):
            mat.text(where, str(o))
        elif isinstance(o, DictionaryObject):
            for k, v in o.items():
                stack.append(k)
                stack.append(v)
        elif isinstance(o, ArrayObject):
            stack.extend(o)


_LIT_TOKEN = re.compile(rb"\\(?:[0-7]{1,3}|\r\n|.)|[()]|[^()\\]+", re.S)
_LIT_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\r\n": b"", b"\n": b"", b"\r": b""}


def pdf_literal_strings(data):
    """The bytes of every (...) literal string in a content stream, escapes undone: CID text is
    often written as octal escapes, which a plain byte search cannot see."""
    out, cur, depth = [], [], 0
    for m in _LIT_TOKEN.finditer(data):
        tok = m.group(0)
        if depth == 0:
            if tok == b"(":
                depth, cur = 1, []
            continue
        if tok == b"(":
            depth += 1
            cur.append(tok)
        elif tok == b")":
            depth -= 1
            if depth == 0:
                out.append(b"".join(cur))
            else:
                cur.append(tok)
        elif tok.startswith(b"\\"):
            e = tok[1:]
            if e[:1].isdigit() and all(0x30 <= c <= 0x37 for c in e):
                cur.append(bytes([int(e, 8) & 0xFF]))
            else:
                cur.append(_LIT_ESC.get(e, e))
        else:
            cur.append(tok)
    return out


BINARY_STREAM_SUBTYPES = {"/Image", "/Type1C", "/CIDFontType0C", "/OpenType"}


def without_xref_table(raw):
    """The classic xref table is offsets only: its digits would match numbers by accident."""
    return re.sub(rb"\nxref\s*\n[\d \r\nfn]*(?=trailer)", b"\n", raw)


def embedded_material(name, data, mat, depth):
    """A PDF or a ZIP (OOXML) inside a file (PDF attachment, OLE embedding) is read like a file of
    its own; its places are named `NAME!/...`."""
    if depth >= 3:
        return
    if data.startswith(b"PK\x03\x04"):
        sub = Material()
        try:
            ooxml_material(data, sub, "", depth + 1)
        except (zipfile.BadZipFile, OSError, ValueError):
            return
    elif data.lstrip()[:5] == b"%PDF-":
        sub = Material()
        with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
            tmp.write(data)
            tmp.flush()
            pdf_material(tmp.name, sub, depth + 1)
    else:
        return
    for w, s_ in sub.texts:
        mat.text(f"{name}!/{w}", s_)
    for w, b in sub.blobs:
        mat.blob(f"{name}!/{w}", b)


def pdf_material(path, mat, depth=0):
    """pdftotext text; every indirect object's strings and decoded stream data (pypdf); /Info;
    XMP; the raw file (xref table left out) and Flate streams pypdf could not decode; embedded
    PDFs and ZIPs (attachments) read the same way. Returns (page count or None, error or None)."""
    import logging
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject
    text, err = pdftotext(path)
    if text is not None:
        mat.text("pdftotext", text)
    raw = open(path, "rb").read()
    mat.blob("file bytes", without_xref_table(raw))
    for m in re.finditer(rb"stream\r?\n", raw):
        try:
            d = zlib.decompressobj().decompress(raw[m.end():m.end() + 4_000_000])
        except zlib.error:
            continue
        mat.blob("raw Flate stream", d)
    pages = None
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        pages = len(reader.pages)
    except Exception as e:
        return None, f"pypdf cannot open: {e}"[:200]
    for num, gen in pdf_object_ids(reader):
        try:
            o = reader.get_object(IndirectObject(num, gen, reader))
        except Exception:
            continue
        if o is None:
            continue
        where = f"object {num} {gen}"
        pdf_walk_strings(o, mat, where)
        if hasattr(o, "get_data"):
            try:
                data = o.get_data()
            except Exception:
                data = getattr(o, "_data", b"") or b""
            where_s = f"stream {num} {gen}"
            mat.blob(where_s, data)
            embedded_material(where_s, data, mat, depth)
            binary = str(o.get("/Subtype")) in BINARY_STREAM_SUBTYPES or "/Length1" in o or "/Length2" in o
            if not binary and len(data) < 20_000_000 and b"(" in data:
                lits = pdf_literal_strings(data)
                if lits:
                    mat.blob(f"{where_s} (strings)", b"".join(lits))  # TJ pieces read as one
            for enc in ("utf-8", "utf-16-be"):
                mat.text(f"{where_s} (as {enc})", data.decode(enc, errors="ignore"))
    try:
        info = reader.metadata
        if info:
            for k, v in info.items():
                mat.text(f"/Info {k}", str(v))
    except Exception:
        pass
    try:
        meta = reader.trailer["/Root"].get_object().get("/Metadata")
        if meta is not None:
            mat.text("XMP", meta.get_object().get_data().decode("utf-8", errors="ignore"))
    except Exception:
        pass
    return pages, err


def pdf_pending_redactions(path):
    """Text under the /Redact annotations an input already holds: redaction applies them, so that
    text is expected to go. Read with pdftotext's crop area (72 dpi: pixels are points, origin at
    the top left of the crop box). Returns (text, count of annotations, warning or None)."""
    import logging
    import math
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf import PdfReader
    try:
        r = PdfReader(path, strict=False)
        if r.is_encrypted:
            r.decrypt("")
        pages = list(r.pages)
    except Exception:
        return "", 0, None
    texts, count, warn = [], 0, None
    for pno, page in enumerate(pages, 1):
        try:
            annots = [a.get_object() for a in (page.get("/Annots") or [])]
        except Exception:
            continue
        for a in annots:
            if not hasattr(a, "get") or a.get("/Subtype") != "/Redact":
                continue
            count += 1
            if int(page.get("/Rotate", 0) or 0) % 360:
                warn = "pending /Redact annotation on a rotated page: its text counted as expected"
                continue
            crop = page.cropbox
            x0, y0, x1, y1 = (float(v) for v in a.get("/Rect"))
            x = math.floor(min(x0, x1) - float(crop.left))
            y = math.floor(float(crop.top) - max(y0, y1))
            w = math.ceil(abs(x1 - x0)) + 1
            h = math.ceil(abs(y1 - y0)) + 1
            p = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(pno), "-l", str(pno), "-x", str(x),
                                "-y", str(y), "-W", str(w), "-H", str(h), path, "-"], capture_output=True)
            if p.returncode == 0:
                texts.append(p.stdout.decode("utf-8", errors="replace"))
    return "\n".join(texts), count, warn


def pdf_hex_strings(mat):
    """Contents of every <...> hex string in the PDF's bytes, white space removed, lower case."""
    out = []
    for where, b in mat.blobs:
        for m in re.finditer(rb"<([0-9A-Fa-f\s]{4,})>", b):
            out.append((where, re.sub(rb"\s+", b"", m.group(1)).lower()))
    return out


# ---------- leak search ----------

def leak_forms(text, mat, fmt, hexes, extra_encodings=()):
    """Forms in which `text` is still in the material: [(form, [where...])]."""
    hits = []
    t_ns, t_nf = no_space(text), nfkc_no_space(text)
    norm = mat.normalized()
    for form, probe, idx in (("text", text, 1), ("no-space", t_ns, 2), ("nfkc", t_nf, 3)):
        if not probe:
            continue
        wh = [n[0] for n in norm if probe in n[idx]]
        if wh:
            hits.append((form, wh[:MAX_WHERE]))
    variants = [text] if t_ns == text else [text, t_ns]
    for enc in BYTE_ENCODINGS + tuple(e for e in extra_encodings if e not in BYTE_ENCODINGS):
        pats = set()
        for v in variants:
            try:
                pats.add(v.encode(enc))
            except UnicodeEncodeError:
                pass
        wh = [w for w, b in mat.blobs if any(p and p in b for p in pats)]
        if wh:
            hits.append((f"bytes {enc}", sorted(set(wh))[:MAX_WHERE]))
    if fmt == "pdf":
        pats = {v.encode("utf-16-be").hex().encode() for v in variants}
        wh = []
        for w, h in hexes:
            for p in pats:
                i = h.find(p)
                while i >= 0:
                    if i % 4 == 0:
                        wh.append(w)
                        break
                    i = h.find(p, i + 1)
        if wh:
            hits.append(("pdf hex <...>", sorted(set(wh))[:MAX_WHERE]))
    return hits


# ---------- per-format extraction ----------

def text_file(path, fmt, charset=None):
    """(decoded text, charset (codec, bom), raw bytes, error)."""
    raw = open(path, "rb").read()
    if charset is None:
        codec, bom = detect_charset(raw, fmt == "html")
        if codec is None:
            return raw.decode("utf-8", errors="replace"), (None, b""), raw, "charset not recognised"
        charset = (codec, bom)
    codec, bom = charset
    if bom and not raw.startswith(bom):
        text, err = decode_with(raw, codec, b"")
        return text, charset, raw, "byte order mark missing" + (f"; {err}" if err else "")
    text, err = decode_with(raw, codec, bom)
    return text, charset, raw, err


def lone_lf(s):
    return s.count("\n") - s.count("\r\n")


def csv_shape(text):
    import csv
    try:
        return [len(r) for r in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as e:
        return f"csv error: {e}"


class StrictHTML(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.starts = Counter()

    def handle_starttag(self, tag, attrs):
        self.starts[tag] += 1


class VisibleHTML(html.parser.HTMLParser):
    """Text a browser shows: character data outside <script>/<style>, references decoded; no
    comments, no markup, no attribute values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_visible(text):
    p = VisibleHTML()
    try:
        p.feed(text)
        p.close()
    except Exception:
        return text
    return "\n".join(p.parts)


def html_starts(text):
    p = StrictHTML()
    p.feed(text)
    p.close()
    return p.starts


# ---------- structure ----------

class Tools:
    def __init__(self):
        self.qpdf = shutil.which("qpdf")
        self.soffice = shutil.which("soffice") or shutil.which("libreoffice")
        self.profile = None

    def soffice_convert(self, path):
        """Error text, or None when LibreOffice turned the file into a PDF."""
        if self.profile is None:
            self.profile = tempfile.mkdtemp(prefix="sumi-verify-lo-")
        outdir = tempfile.mkdtemp(prefix="sumi-verify-pdf-", dir=self.profile)
        try:
            p = subprocess.run([self.soffice, f"-env:UserInstallation=file://{self.profile}/user", "--headless",
                                "--convert-to", "pdf", "--outdir", outdir, path],
                               capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            return "soffice timed out"
        pdf = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        if not os.path.exists(pdf) or os.path.getsize(pdf) == 0:
            return f"soffice could not convert it (rc={p.returncode})"
        return None

    def close(self):
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)


def ooxml_opens(path, fmt):
    try:
        if fmt == "docx":
            import docx
            docx.Document(path)
        elif fmt == "xlsx":
            import openpyxl
            openpyxl.load_workbook(path).close()
        else:
            import pptx
            pptx.Presentation(path)
    except Exception as e:
        lib = {"docx": "python-docx", "xlsx": "openpyxl", "pptx": "python-pptx"}[fmt]
        first = (str(e).strip().splitlines() or [""])[0]
        return f"{lib} cannot open it: {type(e).__name__}: {first}"[:200]
    return None


def pdf_structure(path, tools):
    reasons = []
    if tools.qpdf:
        p = subprocess.run([tools.qpdf, "--check", path], capture_output=True, text=True)
        if p.returncode not in (0, 3):  # 3: warnings only
            lines = (p.stderr or p.stdout).strip().splitlines()
            reasons.append("qpdf --check failed" + (": " + lines[-1][:160] if lines else ""))
    return reasons


# ---------- one file ----------

def check_file(entry, args, tools):
    res = {"path": entry.get("path"), "output": entry.get("output"), "format": entry.get("format"),
           "status": entry.get("status"), "reasons": [], "warnings": [], "leaks": []}
    reasons, warnings = res["reasons"], res["warnings"]
    fmt = (entry.get("format") or "").lower()
    inp = resolve(entry.get("path"), args.base)
    out = resolve(entry.get("output"), args.base)
    removed = entry.get("removed") or []
    also = entry.get("also_removed") or []
    unremoved = entry.get("unremoved") or []
    res["removed_findings"] = len(removed)
    res["unremoved_findings"] = len(unremoved)

    if fmt not in TEXT_FORMATS + OOXML_FORMATS + ("pdf",):
        reasons.append(f"unknown format {fmt!r}")
        return res
    if not inp or not os.path.isfile(inp):
        reasons.append("input file not found")
        return res
    if not out:
        if not removed and not also:
            res["result"] = "clean"
            return res
        reasons.append("status redacted but no output path")
        return res
    if not os.path.isfile(out):
        reasons.append("output file not found")
        return res
    if os.path.realpath(out) == os.path.realpath(inp):
        reasons.append("output is the input file")
        return res
    if not os.path.basename(out).endswith(".redacted." + fmt) and not out.lower().endswith("." + fmt):
        warnings.append("output name is not NAME.redacted." + fmt)

    # texts to search: each distinct text once, with the categories that named it
    texts = {}
    missing_text = 0
    for r in removed:
        t = r.get("text")
        if not isinstance(t, str):
            missing_text += 1
            continue
        texts.setdefault(t, set()).add(r.get("category") or "?")
    for t in also:
        if isinstance(t, str):
            texts.setdefault(t, set())
    if missing_text:
        reasons.append(f"{missing_text} removed finding(s) without text: run sumi redact with --show-text")
    for t, cats in texts.items():
        if not cats:
            cats.add("also_removed")
    unremoved_norm = [nfkc_no_space(u.get("text") or "") for u in unremoved if isinstance(u, dict)]
    unremoved_norm = [u for u in unremoved_norm if u]

    # --- extraction and format checks ---
    in_mat, out_mat = Material(), Material()
    extra_enc = ()
    in_visible = out_visible = None
    stored_removed = []
    if fmt in TEXT_FORMATS:
        in_text, charset, in_raw, err = text_file(inp, fmt)
        res["charset"] = charset[0] + ("+BOM" if charset[1] else "")
        if charset[0] is None:
            reasons.append("input charset not recognised")
            return res
        if err:
            warnings.append(f"input: {err}")
        out_text, _, out_raw, oerr = text_file(out, fmt, charset)
        if oerr:
            reasons.append(f"output does not decode as the input's charset ({res['charset']}): {oerr}")
        if not charset[1] and any(out_raw.startswith(b) for b, _ in BOMS):
            reasons.append("output gained a byte order mark the input did not have")
        if in_text.count("\r\n") != out_text.count("\r\n"):
            reasons.append(f"line endings changed: CRLF {in_text.count(chr(13) + chr(10))} -> "
                           f"{out_text.count(chr(13) + chr(10))}")
        if lone_lf(in_text) != lone_lf(out_text):
            spans = any("\n" in t for t in texts)
            msg = f"LF line breaks {lone_lf(in_text)} -> {lone_lf(out_text)}"
            (warnings if spans else reasons).append(msg)
        if fmt == "csv":
            a, b = csv_shape(in_text), csv_shape(out_text)
            if isinstance(b, str):
                reasons.append(f"output {b}")
            elif len(a) != len(b):
                reasons.append(f"CSV shape changed: {len(a)} rows -> {len(b)} rows")
            elif a != b:
                first = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
                reasons.append(f"CSV shape changed: row {first + 1} has {a[first]} fields -> {b[first]}")
        if fmt == "html":
            try:
                s_in, s_out = html_starts(in_text), html_starts(out_text)
                if s_in != s_out:
                    diff = sorted(set((s_in - s_out).keys()) | set((s_out - s_in).keys()))
                    warnings.append("HTML start tags differ: " + ", ".join(d[:16] for d in diff[:8]))
            except Exception as e:
                reasons.append(f"html.parser fails on the output: {type(e).__name__}: {e}"[:200])
        out_mat.text("decoded text", out_text)
        out_mat.blob("file bytes", out_raw)
        in_mat.text("decoded text", in_text)
        in_mat.blob("file bytes", in_raw)
        extra_enc = (charset[0],) if charset[0] not in ("utf-8", "utf-16-le", "utf-16-be") else ()
        if fmt == "html":
            in_visible, out_visible = html_visible(in_text), html_visible(out_text)
        else:
            in_visible, out_visible = in_text, out_text
    elif fmt in OOXML_FORMATS:
        try:
            with zipfile.ZipFile(out) as zf:
                badcrc = zf.testzip()
                names = zf.namelist()
            if badcrc:
                reasons.append(f"ZIP entry {badcrc} is damaged")
            thumbs = [n for n in names if n.lower().startswith("docprops/thumbnail")]
            if thumbs:
                reasons.append("output keeps " + ", ".join(thumbs))
            if "[Content_Types].xml" not in names:
                reasons.append("output has no [Content_Types].xml")
            bad = ooxml_material(out, out_mat)
            if bad:
                reasons.append("XML entries do not parse: " + ", ".join(bad[:5]))
            out_mat.blob("file bytes", open(out, "rb").read())
            out_visible = ooxml_visible(out, fmt)
        except zipfile.BadZipFile as e:
            reasons.append(f"output is not a ZIP file: {e}")
            return res
        e = ooxml_opens(out, fmt)
        if e:
            reasons.append(e)
        if fmt in ("docx", "xlsx"):
            if tools.soffice:
                e = tools.soffice_convert(out)
                if e:
                    reasons.append(e)
                res["soffice"] = e is None
        in_visible = ooxml_visible(inp, fmt)
        try:
            ooxml_material(inp, in_mat)
            in_mat.blob("file bytes", open(inp, "rb").read())
        except zipfile.BadZipFile:
            pass
        if fmt == "xlsx":
            try:
                in_cells, sheets = xlsx_cells(inp)
                out_cells, _ = xlsx_cells(out)
                stored_removed = xlsx_removed_cells(entry, in_cells, sheets)
                kept = [f"{p.rsplit('/', 1)[-1]}!{c}" for p, c, v in stored_removed if out_cells.get((p, c)) == v]
                if kept:
                    reasons.append("removed cells still store their value: " + ", ".join(kept[:6]))
                res["removed_stored_values"] = len(stored_removed)
            except Exception as e:
                warnings.append(f"cell values not compared: {type(e).__name__}: {e}"[:160])
    else:  # pdf
        pages_out, err = pdf_material(out, out_mat)
        pdf_material(inp, in_mat)
        if err:
            reasons.append(f"output: {err}")
        reasons.extend(pdf_structure(out, tools))
        if pages_out is None:
            return res
        in_text, ierr = pdftotext(inp)
        try:
            from pypdf import PdfReader
            r = PdfReader(inp, strict=False)
            if r.is_encrypted:
                r.decrypt("")
            pages_in = len(r.pages)
            if pages_in != pages_out:
                reasons.append(f"page count changed: {pages_in} -> {pages_out}")
        except Exception as e:
            warnings.append(f"input does not open with pypdf: {e}"[:160])
        out_visible = next((s for w, s in out_mat.texts if w == "pdftotext"), "")
        in_visible = in_text if in_text is not None else ""
        pending, n_pending, pwarn = pdf_pending_redactions(inp)
        if n_pending:
            res["pending_redact_annotations"] = n_pending
            warnings.append(f"input holds {n_pending} pending /Redact annotation(s): "
                            f"the text under them is not expected in the output")
        if pwarn:
            warnings.append(pwarn)
        if ierr:
            warnings.append(f"pdftotext cannot read the input: {ierr}")

    # --- leaks ---
    hexes = pdf_hex_strings(out_mat) if fmt == "pdf" else []
    in_hexes = pdf_hex_strings(in_mat) if fmt == "pdf" else []
    stored_texts = set()
    for r in removed:
        loc = r.get("location") or {}
        if any(loc.get("cell") == c and loc.get("part", p) == p for p, c, _ in stored_removed):
            stored_texts.add(r.get("text"))
    skipped = 0
    checked = 0
    unseen = 0
    for t, cats in sorted(texts.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        if skip_reason(t):
            skipped += 1
            continue
        checked += 1
        hits = leak_forms(t, out_mat, fmt, hexes, extra_enc)
        if not hits:
            # control: the same search must find it in the input, or its absence proves little
            if t not in stored_texts and not leak_forms(t, in_mat, fmt, in_hexes, extra_enc):
                unseen += 1
            continue
        tn = nfkc_no_space(t)
        known = any(tn in u for u in unremoved_norm)
        leak = {"category": ",".join(sorted(cats)), "forms": [{"form": f, "where": w} for f, w in hits],
                "listed_unremoved": known,
                "ids": sorted({r.get("id") for r in removed if r.get("text") == t and r.get("id")})}
        if args.show_text:
            leak["text"] = t
        res["leaks"].append(leak)
    res["texts_checked"] = checked
    res["texts_skipped"] = skipped
    res["texts_not_in_input"] = unseen
    if unseen:
        warnings.append(f"{unseen} removed text(s) not found in the input by these extractors either: "
                        f"their absence from the output proves little")
    real = [l for l in res["leaks"] if not l["listed_unremoved"]]
    if real:
        reasons.append(f"{len(real)} removed text(s) still in the output")
    kept = len(res["leaks"]) - len(real)
    if kept:
        warnings.append(f"{kept} removed text(s) still present but listed in unremoved[]")

    # --- retention ---
    if in_visible is not None and out_visible is not None:
        work = retention_norm(in_visible)
        for t in sorted({retention_norm(t) for t in texts}, key=len, reverse=True):
            if t:
                work = work.replace(t, "\x00")
        for _, _, v in stored_removed:  # xlsx: a stored value shown as a removed text goes with it, once per cell
            work = work.replace(retention_norm(v), "\x00", 1)
        expected = Counter(work.replace("\x00", ""))
        if fmt == "pdf" and n_pending:
            expected -= Counter(retention_norm(pending))
        got = Counter(retention_norm(out_visible))
        total = sum(expected.values())
        inter = sum((expected & got).values())
        ret = inter / total if total else 1.0
        res["retention"] = round(ret, 4)
        res["expected_chars"] = total
        res["kept_chars"] = inter
        if args.show_text and inter < total:
            res["lost"] = "".join(sorted((expected - got).elements()))[:80]
        if ret < args.min_retention:
            reasons.append(f"retention {ret:.3f} < {args.min_retention} ({total - inter} of {total} characters lost)")
    return res


EXIT_MEANING = {0: "all redacted and proven", 1: "proven, some findings not removed",
                3: "an input was refused as incomplete", 4: "proof failed"}


def exit_code_problems(rc, entries, accept_refused):
    """sumi's exit code against the contract and against its own report."""
    problems = []
    accepted = {0, 1} | ({3} if accept_refused else set())
    not_redacted = [e for e in entries if e.get("status") not in ("redacted",) + CLEAN_STATUSES]
    unremoved = [e for e in entries if e.get("unremoved")]
    if rc not in accepted:
        listed = ", ".join(f"{e.get('path')} ({e.get('status')}: {e.get('exit_reason') or '?'})"
                           for e in not_redacted[:10])
        problems.append(f"exit {rc} ({EXIT_MEANING.get(rc, 'not in the contract')})" + (f": {listed}" if listed else ""))
    if rc == 0 and (not_redacted or unremoved):
        problems.append(f"exit 0 although {len(not_redacted)} file(s) were not redacted and "
                        f"{len(unremoved)} have unremoved findings")
    if rc == 1 and not unremoved and not not_redacted:
        problems.append("exit 1 although the report lists no unremoved finding")
    return problems


def resolve(p, base):
    if not p:
        return None
    return p if os.path.isabs(p) or not base else os.path.join(base, p)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Independent check of sumi redact outputs.")
    ap.add_argument("report")
    ap.add_argument("--json", help="write the details here")
    ap.add_argument("--show-text", action="store_true", help="print leaking texts themselves")
    ap.add_argument("--min-retention", type=float, default=0.95)
    ap.add_argument("--base", default="", help="folder the report's relative paths are relative to (default: cwd)")
    ap.add_argument("--sumi-exit", type=int, help="sumi redact's exit code: anything but 0 and 1 counts as a failure")
    ap.add_argument("--accept-refused", action="store_true", help="with --sumi-exit: exit 3 (refused input) is accepted")
    args = ap.parse_args(argv)
    try:
        report = json.load(open(args.report, encoding="utf-8"))
        entries = report["files"]
        assert isinstance(entries, list)
    except Exception as e:
        print(f"cannot read report {args.report}: {e}", file=sys.stderr)
        return 2

    tools = Tools()
    if not tools.soffice:
        print("note: soffice not on PATH: the LibreOffice conversion check of docx/xlsx is skipped")
    if not tools.qpdf:
        print("note: qpdf not installed: qpdf --check is skipped")
    results, passed, failed, skipped_texts = [], 0, 0, 0
    try:
        for entry in entries:
            status = entry.get("status")
            if status in CLEAN_STATUSES:
                print(f"SKIP {entry.get('path')}: {status}")
                results.append({"path": entry.get("path"), "status": status, "result": "clean"})
                continue
            if status != "redacted":
                why = entry.get("exit_reason") or ""
                print(f"SKIP {entry.get('path')}: status {status}" + (f" ({why})" if why else ""))
                results.append({"path": entry.get("path"), "status": status, "exit_reason": why, "result": "skipped"})
                continue
            try:
                res = check_file(entry, args, tools)
            except Exception as e:  # a checker bug must fail the file, never pass it
                res = {"path": entry.get("path"), "reasons": [f"checker error: {type(e).__name__}: {e}"],
                       "warnings": [], "leaks": []}
            results.append(res)
            if res.get("result") == "clean":
                print(f"SKIP {res['path']}: nothing removed, no output")
                continue
            skipped_texts += res.get("texts_skipped", 0)
            if res["reasons"]:
                failed += 1
                res["result"] = "fail"
                print(f"FAIL {res['path']}: " + "; ".join(res["reasons"]))
            else:
                passed += 1
                res["result"] = "ok"
                print(f"OK {res['path']} retention={res.get('retention', 1.0):.2f} removed={res['removed_findings']}")
            for leak in res["leaks"]:
                forms = ", ".join(f"{f['form']}@{'|'.join(f['where'])}" for f in leak["forms"])
                label = "kept (listed unremoved)" if leak["listed_unremoved"] else "LEAK"
                shown = f" text={leak['text']!r}" if args.show_text else ""
                print(f"  {label} {res['path']} category={leak['category']}{shown}: {forms}")
            for w in res["warnings"]:
                print(f"  warning: {w}")
            if res["reasons"] and "retention" in res:
                lost = f" lost={res['lost']!r}" if res.get("lost") else ""
                print(f"  retention={res['retention']:.3f}{lost}")
    finally:
        tools.close()
    if args.sumi_exit is not None:
        for reason in exit_code_problems(args.sumi_exit, entries, args.accept_refused):
            failed += 1
            print(f"FAIL sumi redact: {reason}")
    print(f"texts skipped as too short to search (under 2 characters, or pure digits under 4): {skipped_texts}")
    if args.json:
        summary = {"passed": passed, "failed": failed, "texts_skipped": skipped_texts,
                   "skipped_files": sum(1 for r in results if r.get("result") in ("skipped", "clean")),
                   "qpdf": bool(tools.qpdf), "soffice": bool(tools.soffice),
                   "min_retention": args.min_retention}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"files": results, "summary": summary}, f, ensure_ascii=False, indent=1)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
