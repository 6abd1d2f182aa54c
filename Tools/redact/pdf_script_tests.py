#!/usr/bin/env python3
"""Checks the MuPDF redaction script (Sources/SumiRedact/PDF/PDFRedactionScript.swift).

Generates PDFs with reportlab/pypdf (and `mutool create` for hand-written content streams),
runs `mutool run redact.js IN OUT PLAN`, and checks the output with pdftotext, pdftoppm and
pypdf. Prints one line per check and ends with 'N passed, N failed'; exits 1 on any failure.

usage: pdf_script_tests.py SCRIPT.js WORKDIR [--pages N]   (N: size of the timing document)
"""
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import zlib

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject,
                           NumberObject, TextStringObject)
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

SCRIPT = os.path.abspath(sys.argv[1])
WORK = os.path.abspath(sys.argv[2])
TIMING_PAGES = int(sys.argv[sys.argv.index("--pages") + 1]) if "--pages" in sys.argv else 100
A4 = (595.0, 842.0)
CID = "HeiseiKakuGo-W5"
pdfmetrics.registerFont(UnicodeCIDFont(CID))
IPAEX = next((p for p in ["/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
                          "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"] if os.path.exists(p)), None)
if IPAEX:
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("IPAexGothic", IPAEX))

passed = 0
failed = 0
notes = []  # measurements, printed at the end
last_cpu_ms = 0.0


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"  ok    {name}")
    else:
        failed += 1
        print(f"  FAIL  {name}" + (f": {detail}" if detail else ""))
    return cond


def path(name):
    return os.path.join(WORK, name)


# ---------- tools ----------

def run_script(inp, out, plan, expect_ok=True):
    plan_path = out + ".plan.json"
    with open(plan_path, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    if os.path.exists(out):
        os.remove(out)
    global last_cpu_ms
    t0 = time.time()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(["mutool", "run", SCRIPT, inp, out, plan_path], capture_output=True, text=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    ms = (time.time() - t0) * 1000
    last_cpu_ms = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    result = None
    if lines:
        try:
            result = json.loads(lines[-1])
        except ValueError:
            result = None
    if expect_ok and (p.returncode != 0 or not result or result.get("ok") is not True):
        print(f"    script failed rc={p.returncode} stdout={p.stdout!r} stderr={p.stderr[-800:]!r}")
    return p.returncode, result or {}, ms


def pdftotext(pdf, page=None):
    args = ["pdftotext", "-enc", "UTF-8"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [pdf, "-"], capture_output=True, text=True, check=True).stdout


def words(pdf, page):
    """Word boxes as poppler-glib reports them: crop box, after /Rotate, origin top-left."""
    out = subprocess.run(["pdftotext", "-cropbox", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    res = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        res.append((m.group(5), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4))))
    return res


def box_of(ws, text):
    for w in ws:
        if w[0] == text:
            return [w[1], w[2], w[3], w[4]]
    raise AssertionError(f"word {text!r} not found in {[w[0] for w in ws]}")


def streams(pdf):
    """Decoded data of every stream object, plus the raw file."""
    raw = open(pdf, "rb").read()
    datas = [raw]
    r = PdfReader(pdf)
    size = int(r.trailer.get("/Size", 0))
    for num in range(1, size):
        try:
            o = r.get_object(num)
        except Exception:
            continue
        if hasattr(o, "get_data"):
            try:
                datas.append(o.get_data())
            except Exception:
                datas.append(getattr(o, "_data", b""))
    # content of Flate streams pypdf could not decode
    for m in re.finditer(rb"stream\r?\n", raw):
        try:
            datas.append(zlib.decompressobj().decompress(raw[m.end():m.end() + 2_000_000]))
        except zlib.error:
            pass
    # literal strings' escapes undone (reportlab writes CID text as (\202\261[P) and (\\qu0))
    datas += [unescape_literals(d) for d in datas if b"\\" in d]
    return datas


_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def unescape_literals(data):
    """data with every backslash escape of a PDF literal string undone (applied to the whole data:
    enough for searching)."""
    def one(m):
        e = m.group(1)
        if e[:1] in b"01234567":
            return bytes([int(e, 8) & 255])
        if e in (b"\r\n", b"\n", b"\r"):
            return b""  # line continuation
        return _ESC.get(e, e)
    return re.sub(rb"\\([0-7]{1,3}|\r\n|[\s\S])", one, data)


def secret_forms(s):
    u16 = s.encode("utf-16-be")
    return [u16, s.encode("utf-8"), u16.hex().encode(), u16.hex().upper().encode()]


def leaked(pdf, secrets):
    found = []
    datas = streams(pdf)
    for s in secrets:
        for form in secret_forms(s):
            if any(form in d for d in datas):
                found.append((s, form[:24]))
                break
    return found


def all_objects(pdf):
    r = PdfReader(pdf)
    size = int(r.trailer.get("/Size", 0))
    objs = []
    for num in range(1, size):
        try:
            o = r.get_object(num)
        except Exception:
            continue
        if o is not None:
            objs.append(o)
    return r, objs


def render(pdf, page, dpi=72):
    from PIL import Image
    prefix = pdf + f".p{page}" + (f".r{dpi}" if dpi != 72 else "")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-png", pdf, prefix],
                   check=True, capture_output=True)
    return Image.open(prefix + ".png").convert("RGB")


def near(c1, c2, tol=40):
    return all(abs(a - b) <= tol for a, b in zip(c1, c2))


def not_incremental(pdf):
    raw = open(pdf, "rb").read()
    return raw.count(b"startxref") == 1 and raw.count(b"%%EOF") == 1


def qpdf_ok(pdf):
    if not shutil.which("qpdf"):
        return True
    p = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    return p.returncode in (0, 3)  # 3: warnings only


def mutool_create(name, content, font="Helvetica"):
    txt = path(name + ".txt")
    with open(txt, "w") as f:
        f.write("%%MediaBox 0 0 595 842\n%%Font F1 " + font + "\n" + content)
    out = path(name + ".pdf")
    subprocess.run(["mutool", "create", "-o", out, txt], check=True, capture_output=True)
    return out


def shrink(b, frac=0.3):
    h = b[3] - b[1]
    return [b[0], b[1] + frac * h, b[2], b[3] - frac * h]


def union(*bs):
    return [min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs)]


# ---------- tests ----------

def test_main_japanese():
    print("main: Japanese name on page 1, metadata, XMP")
    src = path("main_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setAuthor("世田谷 太郎")
    c.setTitle("申請書 世田谷 太郎")
    c.setFont(CID, 12)
    c.drawString(72, 750, "申請者氏名 世田谷 太郎")
    c.drawString(72, 720, "電話 03-5432-1234")
    c.showPage()
    c.setFont(CID, 12)
    c.drawString(72, 750, "二ページ目の本文 東京都")
    c.save()
    w = PdfWriter(clone_from=src)
    xmp = DecodedStreamObject()
    xmp.set_data("<x:xmpmeta><dc:creator>世田谷 太郎</dc:creator></x:xmpmeta>".encode("utf-8"))
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    xmp[NameObject("/Subtype")] = NameObject("/XML")
    w._root_object[NameObject("/Metadata")] = w._add_object(xmp)
    w.pages[0][NameObject("/PieceInfo")] = DictionaryObject({NameObject("/App"): DictionaryObject(
        {NameObject("/Private"): TextStringObject("世田谷 太郎")})})
    inp = path("main.pdf")
    w.write(inp)

    ws = words(inp, 1)
    rects = [box_of(ws, "世田谷"), box_of(ws, "太郎")]
    keep_before = box_of(ws, "電話")
    out = path("main_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": rects}], "fill": [0, 0, 0],
                                       "sanitize": False, "strip_texts": ["世田谷 太郎"]})
    if not check("script ok", rc == 0 and res.get("ok") is True, str(res)):
        return
    check("counts: 1 page, 2 rects", res.get("pages_redacted") == 1 and res.get("rects") == 2, str(res))
    check("no collateral glyph loss", res.get("collateral_glyphs") == 0, str(res))
    pg = res.get("page_glyphs") or [{}]
    check("page_glyphs: 24 read before, the 5 of the name gone after",
          pg[0].get("page") == 1 and pg[0].get("before") == 24 and pg[0].get("after") == 19, str(pg))
    t1, t2 = pdftotext(out, 1), pdftotext(out, 2)
    check("name gone from text", "太郎" not in t1 and "世田谷" not in t1, t1)
    check("label and phone kept", "申請者氏名" in t1 and "電話 03-5432-1234" in t1, t1)
    check("page 2 kept", "二ページ目の本文" in t2 and "東京都" in t2, t2)
    check("phone not moved", box_of(words(out, 1), "電話") == keep_before)
    lk = leaked(out, ["太郎", "世田谷"])
    check("name absent from every stream (UTF-16BE, UTF-8, CID hex)", not lk, str(lk))
    r, objs = all_objects(out)
    check("no /Info", "/Info" not in r.trailer)
    check("no /Metadata anywhere", not any(hasattr(o, "keys") and "/Metadata" in o for o in objs))
    check("no /PieceInfo anywhere", not any(hasattr(o, "keys") and "/PieceInfo" in o for o in objs))
    check("saved whole (one xref, one %%EOF)", not_incremental(out))
    check("qpdf --check", qpdf_ok(out))
    img = render(out, 1)
    cx, cy = int((rects[1][0] + rects[1][2]) / 2), int((rects[1][1] + rects[1][3]) / 2)
    check("box drawn in fill colour", near(img.getpixel((cx, cy)), (0, 0, 0)), str(img.getpixel((cx, cy))))
    check("page elsewhere still white", near(img.getpixel((400, 400)), (255, 255, 255)))

    out2 = path("main_red.pdf")
    rc, res, _ = run_script(inp, out2, {"pages": [{"page": 1, "rects": rects}], "fill": [1, 0, 0]})
    img = render(out2, 1)
    check("fill [1,0,0] draws red boxes", rc == 0 and near(img.getpixel((cx, cy)), (255, 0, 0)), str(img.getpixel((cx, cy))))


def test_fake_redaction():
    print("fake redaction: black box drawn over live text")
    inp = path("fake.pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    c.setFont(CID, 12)
    c.drawString(72, 700, "氏名 世田谷 太郎")
    c.drawString(72, 650, "ここは残る行")
    c.rect(100, 695, 100, 20, fill=1, stroke=0)
    c.save()
    check("fixture: text extractable under the box", "世田谷" in pdftotext(inp))
    out = path("fake_out.pdf")
    rect = [100, A4[1] - 715, 200, A4[1] - 695]
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [rect]}]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    t = pdftotext(out)
    check("hidden text removed", "世田谷" not in t and "太郎" not in t, t)
    check("other line kept", "ここは残る行" in t and "氏名" in t, t)
    check("the fake box is reported in path_pages", res.get("path_pages") == [1], str(res))
    check("name absent from streams", not leaked(out, ["世田谷", "太郎"]))


def test_annotations():
    print("annotations: strip_texts, links, sanitize")
    src = path("annots_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setFont(CID, 12)
    c.drawString(72, 750, "注記のあるページ")
    c.textAnnotation("連絡先 世田谷 太郎", Rect=(300, 700, 320, 720))
    c.textAnnotation("unrelated note", Rect=(300, 600, 320, 620))
    c.linkURL("https://example.com/", (72, 740, 200, 762))
    c.save()
    w = PdfWriter(clone_from=src)
    free = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FreeText"),
        NameObject("/Rect"): ArrayObject([FloatObject(72), FloatObject(500), FloatObject(300), FloatObject(520)]),
        NameObject("/Contents"): TextStringObject("世田谷太郎"),  # no space: still matches
        NameObject("/DA"): TextStringObject("0 g /Helv 12 Tf")})
    w.pages[0][NameObject("/Annots")].append(w._add_object(free))
    inp = path("annots.pdf")
    w.write(inp)

    def subtypes(pdf):
        p = PdfReader(pdf).pages[0]
        return sorted(a.get_object()["/Subtype"] for a in p.get("/Annots", []))

    def contents(pdf):
        p = PdfReader(pdf).pages[0]
        return [str(a.get_object().get("/Contents", "")) for a in p.get("/Annots", [])]

    out = path("annots_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [], "strip_texts": ["世田谷 太郎"]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    check("2 annotations removed", res.get("annotations_removed") == 2, str(res))
    check("link kept, unrelated note kept", subtypes(out) == ["/Link", "/Text"], str(subtypes(out)))
    check("kept note is the unrelated one", contents(out) == ["", "unrelated note"] or "unrelated note" in contents(out))
    check("name absent from file", not leaked(out, ["世田谷"]))

    out = path("annots_sanitize.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [], "sanitize": True, "strip_texts": []})
    check("sanitize: only the link remains", rc == 0 and subtypes(out) == ["/Link"], str(subtypes(out)))
    check("sanitize: 3 removed", res.get("annotations_removed") == 3, str(res))

    # an annotation lying under a redaction rect goes too (its appearance would show through)
    out = path("annots_rect.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [[295, 220, 325, 245]]}], "strip_texts": []})
    check("annotation under a rect removed", rc == 0 and "unrelated note" not in contents(out) and "/Link" in subtypes(out),
          str(contents(out)))


def test_attachments_info_js():
    print("attachments, /Info, JavaScript")
    src = path("attach_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setFont(CID, 12)
    c.drawString(72, 750, "添付ファイルあり")
    c.save()
    w = PdfWriter(clone_from=src)
    w.add_attachment("履歴書.txt", "世田谷 太郎 resume body".encode("utf-8"))
    w.add_metadata({"/Author": "世田谷 太郎", "/Subject": "private"})
    js = w._add_object(DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                         NameObject("/JS"): TextStringObject("app.alert('世田谷 太郎');")}))
    if "/Names" not in w._root_object:
        w._root_object[NameObject("/Names")] = DictionaryObject()
    names = w._root_object["/Names"].get_object()
    names[NameObject("/JavaScript")] = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("init"), js])})
    w._root_object[NameObject("/OpenAction")] = js
    fa = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/FileAttachment"),
        NameObject("/Rect"): ArrayObject([FloatObject(400), FloatObject(700), FloatObject(420), FloatObject(720)])})
    w.pages[0][NameObject("/Annots")] = ArrayObject([w._add_object(fa)])
    w.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('x')")})})
    inp = path("attach.pdf")
    w.write(inp)
    r0 = PdfReader(inp)
    check("fixture has attachment, /Info and JS", bool(r0.attachments) and "/Info" in r0.trailer
          and "/JavaScript" in r0.trailer["/Root"]["/Names"])
    out = path("attach_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [], "strip_texts": []})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    r = PdfReader(out)
    root = r.trailer["/Root"]
    names = root.get("/Names", {})
    check("no embedded files", "/EmbeddedFiles" not in names and not r.attachments)
    check("no JavaScript, no OpenAction, no /AA", "/JavaScript" not in names and "/OpenAction" not in root
          and "/AA" not in root and "/AA" not in r.pages[0])
    check("FileAttachment annotation removed", not r.pages[0].get("/Annots"))
    check("no /Info", "/Info" not in r.trailer)
    check("attachment bytes gone", not leaked(out, ["resume body", "世田谷"]))


def test_form_fields():
    print("form fields")
    src = path("form_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setFont(CID, 12)
    c.drawString(72, 780, "申込書")
    c.acroForm.textfield(name="applicant", value="Setagaya Taro", x=72, y=700, width=200, height=20)
    c.acroForm.textfield(name="city", value="Tokyo", x=72, y=650, width=200, height=20)
    c.acroForm.textfield(name="kana", value="placeholder", x=72, y=600, width=200, height=20)
    c.acroForm.textfield(name="memo", value="Hanako", x=72, y=550, width=200, height=20)
    c.save()
    w = PdfWriter(clone_from=src)
    for a in w.pages[0]["/Annots"]:
        o = a.get_object()
        if o.get("/T") == "kana":
            o[NameObject("/V")] = TextStringObject("世田谷 太郎")
    inp = path("form.pdf")
    w.write(inp)
    out = path("form_out.pdf")
    memo_rect = [72, A4[1] - 570, 272, A4[1] - 550]  # lies over the memo widget
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [memo_rect]}],
                                       "strip_texts": ["Setagaya Taro", "世田谷 太郎"]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    fields = PdfReader(out).get_fields() or {}
    val = {k: (v.get("/V") if hasattr(v, "get") else None) for k, v in fields.items()}
    check("matching values cleared", not val.get("applicant") and not val.get("kana"), str(val))
    check("value under a rect cleared", not val.get("memo"), str(val))
    check("other value kept", val.get("city") == "Tokyo", str(val))
    check("fields_cleared == 3", res.get("fields_cleared") == 3, str(res))
    t = pdftotext(out)
    check("values gone from text", "Setagaya" not in t and "Hanako" not in t and "Tokyo" in t, t)
    check("values gone from streams", not leaked(out, ["Setagaya Taro", "Hanako", "世田谷"]))
    out = path("form_sanitize.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [], "sanitize": True})
    fields = PdfReader(out).get_fields() or {}
    vals = [v.get("/V") for v in fields.values() if hasattr(v, "get")]
    check("sanitize: every value cleared, fields kept", rc == 0 and len(fields) == 4 and not any(vals)
          and res.get("fields_cleared") == 4, f"{vals} {res}")


TIGHT_LINES = ("氏名 山田 花子 様", "住所 東京都千代田区丸の内1-2-3 ビル", "電話 090-1111-2222 です")


def tight_fixture(name, font, lines=TIGHT_LINES):
    size = 10.5
    pitch = 1.15 * size
    inp = path(name + ".pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    c.setFont(font, size)
    for k, line in enumerate(lines):
        c.drawString(72, 700 - k * pitch, line)
    c.save()
    return inp


def line_words(pdf, y_lo, y_hi):
    return [w for w in words(pdf, 1) if w[2] >= y_lo - 0.5 and w[4] <= y_hi + 0.5]


def test_tight_lines():
    print("pitfall 6: line pitch 1.15 x font size, rect = glyph box shrunk 30% top and bottom")
    fonts = [(CID, "CID font, not embedded")] + ([("IPAexGothic", "IPAex Gothic, embedded TrueType")] if IPAEX else [])
    for font, label in fonts:
        inp = tight_fixture("tight_" + ("cid" if font == CID else "ttf"), font)
        ws = words(inp, 1)
        name = union(box_of(ws, "山田"), box_of(ws, "花子"))
        y1 = [w for w in ws if abs(w[2] - name[1]) < 0.5]
        line1_y = (min(w[2] for w in y1), max(w[4] for w in y1))
        below = [w for w in ws if w[2] > line1_y[1] - 0.5]
        line2 = [w for w in below if abs(w[2] - below[0][2]) < 0.5]
        above = [w for w in ws if w[4] < line1_y[0]]
        print(f"  [{label}] line 1 box y {line1_y[0]:.2f}..{line1_y[1]:.2f}, line 2 box y "
              f"{line2[0][2]:.2f}..{line2[0][4]:.2f}")
        for variant, rect in [("shrunk 30%", shrink(name)), ("unshrunk", name),
                              ("grown to touch line 2", [name[0], name[1], name[2], line2[0][2] + 0.5])]:
            out = path(f"tight_{'cid' if font == CID else 'ttf'}_{variant.split()[0]}.pdf")
            rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [rect]}]})
            ow = words(out, 1)
            t = pdftotext(out)
            l2_after = [w for w in ow if any(abs(w[2] - l[2]) < 0.5 for l in line2)]
            l2_same = sorted(l2_after) == sorted(line2)
            if variant == "shrunk 30%":
                check(f"[{label}] script ok", rc == 0 and res.get("ok"), str(res))
                check(f"[{label}] name removed", "山田" not in t and "花子" not in t, t)
                check(f"[{label}] rest of line 1 kept", "氏名" in t and "様" in t, t)
                check(f"[{label}] every glyph of line 2 kept in place", l2_same,
                      f"{[w[0] for w in line2]} -> {[w[0] for w in l2_after]}")
                check(f"[{label}] line 3 kept", "電話 090-1111-2222 です" in t, t)
                check(f"[{label}] no collateral loss reported", res.get("collateral_glyphs") == 0, str(res))
            else:
                notes.append(f"pitfall 6 [{label}] rect {variant}: line 2 intact={l2_same}, "
                             f"name removed={'山田' not in t}, script collateral_glyphs={res.get('collateral_glyphs')}, "
                             f"ok={res.get('ok')}")


BOX_DPI = 288  # 4 px per point: edges of the drawn boxes can be checked row by row
BOX_S = BOX_DPI / 72.0


def px_inside(b, inset=1):
    """Pixel box (PIL crop order, end exclusive) of the pixels wholly inside page box b, minus inset."""
    import math
    return (math.ceil(b[0] * BOX_S) + inset, math.ceil(b[1] * BOX_S) + inset,
            math.floor(b[2] * BOX_S) - inset, math.floor(b[3] * BOX_S) - inset)


def px_region(b):
    return tuple(int(round(v * BOX_S)) for v in b)


def ink_bbox(img, region, thresh=128):
    """Bounding box (image pixels, end exclusive) of the dark pixels in region, or None."""
    bb = img.crop(region).convert("L").point(lambda v: 255 if v < thresh else 0).getbbox()
    return None if bb is None else (bb[0] + region[0], bb[1] + region[1], bb[2] + region[0], bb[3] + region[1])


def off_colour(img, region, colour, tol=40):
    """Pixels in region not near colour."""
    n = 0
    for y in range(region[1], region[3]):
        for x in range(region[0], region[2]):
            if not near(img.getpixel((x, y)), colour, tol):
                n += 1
    return n


def renders_alike(a, b, region):
    """Same ink in region of images a and b: ink box within 1 px, total ink (darkness summed)
    within 3% (MuPDF's rewritten TJ can move a kept word by ~0.02 pt, which changes the
    anti-aliasing, so the pixels need not be identical)."""
    ia, ib = ink_bbox(a, region), ink_bbox(b, region)
    if ia is None or ib is None:
        return ia == ib

    def ink(img):
        h = img.crop(region).convert("L").histogram()
        return sum((255 - v) * n for v, n in enumerate(h))
    na, nb = ink(a), ink(b)
    return all(abs(x - y) <= 1 for x, y in zip(ia, ib)) and abs(na - nb) <= 0.03 * na


def same_words(a, b, tol=0.05):  # MuPDF's rewritten TJ can move a later word by ~0.015 pt
    a, b = sorted(a), sorted(b)
    return len(a) == len(b) and all(x[0] == y[0] and all(abs(p - q) <= tol for p, q in zip(x[1:], y[1:]))
                                    for x, y in zip(a, b))


def dark_bbox_matches(img, b, margin=1.5, tol=1):
    """The dark pixels within margin points of page box b are exactly b (to tol pixels)."""
    got = ink_bbox(img, px_region([b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin]))
    want = px_region(b)
    return got is not None and all(abs(g - w) <= tol for g, w in zip(got, want)), f"dark {got}, box {want}"


# Fixtures for the glyph-height checks: embedded fonts, whose rendered ink lies inside poppler's
# word box. Fonts that are not embedded render with stand-ins whose ink can leave it (the
# non-embedded CID font is measured in a note; Helvetica's stand-in also reaches ~0.4 pt above).
from reportlab.pdfbase.ttfonts import TTFont as _TTFont
pdfmetrics.registerFont(_TTFont("Vera", "Vera.ttf"))  # ships with reportlab
BOX_FIXTURES = [("Vera, embedded TrueType", "Vera", ("Name Yamada Hanako san", "Address Chiyoda 1-2-3 Building",
                                                     "Phone 090-1111-2222 desu"), ("Yamada", "Hanako"))]
if IPAEX:
    BOX_FIXTURES.append(("IPAex Gothic, embedded TrueType", "IPAexGothic", TIGHT_LINES, ("山田", "花子")))


def test_draw_boxes():
    print("boxes: removed under shrunk rects (40% of the line), drawn at full-height boxes")
    for label, font, lines, (first, last) in BOX_FIXTURES:
        inp = tight_fixture("boxes_" + font, font, lines)
        ws = words(inp, 1)
        name = union(box_of(ws, first), box_of(ws, last))
        phone = box_of(ws, "090-1111-2222")
        rect = shrink(name)  # what callers remove under: 40% of the line height, the neighbours untouched
        img_in = render(inp, 1, BOX_DPI)
        ink = ink_bbox(img_in, px_region([name[0], name[1] - 1, name[2], name[3] + 1]))
        ok = check(f"[{label}] fixture: the name's ink lies in its box and reaches above and below the shrunk rect",
                   ink is not None and ink[1] >= name[1] * BOX_S - 1 and ink[3] <= name[3] * BOX_S + 1
                   and ink[1] < rect[1] * BOX_S - 2 and ink[3] > rect[3] * BOX_S + 2, f"ink {ink} box {name} rect {rect}")
        if not ok:
            continue

        # the name: rect shrunk, box full height; the phone (a second entry, no "boxes"): drawn at its rect
        out = path(f"boxes_{font}_out.pdf")
        rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [rect], "boxes": [name]},
                                                     {"page": 1, "rects": [shrink(phone)]}]})
        if not check(f"[{label}] script ok", rc == 0 and res.get("ok"), str(res)):
            continue
        check(f"[{label}] counts: 1 page, 2 rects (boxes are not counted)",
              res.get("pages_redacted") == 1 and res.get("rects") == 2, str(res))
        check(f"[{label}] no collateral loss", res.get("collateral_glyphs") == 0, str(res))
        t = pdftotext(out)
        check(f"[{label}] removed words absent from text", first not in t and last not in t and "090" not in t, t)
        others = [x for x in lines[0].split() if x not in (first, last)] + [lines[1]] + lines[2].split()[::2]
        check(f"[{label}] neighbouring lines intact in text", all(x in t for x in others), t)
        kept = [w for w in ws if w[0] not in (first, last, "090-1111-2222")]
        check(f"[{label}] every other word kept in place", same_words(words(out, 1), kept), str(words(out, 1)))
        check(f"[{label}] name absent from every stream", not leaked(out, [first, last]))
        img = render(out, 1, BOX_DPI)
        bad = off_colour(img, ink, (0, 0, 0))
        check(f"[{label}] black over the full glyph height of the removed name", bad == 0, f"{bad} pixels not black in {ink}")
        ok, detail = dark_bbox_matches(img, name)
        check(f"[{label}] the box is drawn exactly where given", ok and off_colour(img, px_inside(name), (0, 0, 0)) == 0, detail)
        check(f"[{label}] line 2 renders unchanged (the box stops above it)",
              renders_alike(img_in, img, px_region([60, name[3] + 0.5, 300, phone[1] - 0.5])))
        check(f"[{label}] rest of line 1 renders unchanged",
              renders_alike(img_in, img, px_region([60, name[1] - 1, name[0] - 0.5, name[3] + 0.5]))
              and renders_alike(img_in, img, px_region([name[2] + 0.5, name[1] - 1, 250, name[3] + 0.5])))
        ok, detail = dark_bbox_matches(img, shrink(phone))
        check(f"[{label}] entry without boxes: drawn at its rect, as before", ok, detail)

        # the same rect without boxes: the thin bar the boxes are for (the checks above can fail)
        out = path(f"boxes_{font}_thin.pdf")
        rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [rect]}]})
        thin = render(out, 1, BOX_DPI)
        bad = off_colour(thin, ink, (0, 0, 0))
        ok, detail = dark_bbox_matches(thin, rect)
        check(f"[{label}] without boxes: only the shrunk rect is black, the glyph height is not covered",
              rc == 0 and bad > 0 and ok, f"rc {rc}, {bad} pixels not black; {detail}")

    # non-embedded CID font: how far the stand-in's ink leaves poppler's box
    inp = tight_fixture("boxes_cid", CID)
    ws = words(inp, 1)
    name = union(box_of(ws, "山田"), box_of(ws, "花子"))
    ink = ink_bbox(render(inp, 1, BOX_DPI), px_region([name[0], name[1] - 1.5, name[2], name[3]]))
    if ink:
        notes.append(f"boxes [CID font, not embedded]: pdftoppm's stand-in font inks {name[1] - ink[1] / BOX_S:.2f} pt above "
                     f"poppler's word box at 10.5 pt (a box at the word box leaves that much of the glyph tops visible)")

    # rects and boxes in one entry need not coincide: removal follows rects, paint follows boxes
    label, font, lines, (first, last) = BOX_FIXTURES[-1]
    inp = path("boxes_" + font + ".pdf")
    ws = words(inp, 1)
    a, b = box_of(ws, first), box_of(ws, last)
    out = path("boxes_split.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [shrink(a)], "boxes": [b]}], "fill": [0, 0, 1]})
    t = pdftotext(out)
    img = render(out, 1, BOX_DPI)
    check("rect without a box: removed, nothing drawn there",
          rc == 0 and res.get("ok") and first not in t and ink_bbox(img, px_region(a)) is None, f"{res} {t}")
    check("box without a rect: painted in the fill colour, text under it kept",
          last in t and off_colour(img, px_inside(b), (0, 0, 255)) == 0, t)

    # rotated page: boxes go through the same coordinate mapping as rects
    src = path("boxes_rot_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(100, 700, "SECRET")
    c.drawString(100, 600, "KEEP")
    c.save()
    w = PdfWriter(clone_from=src)
    w.pages[0][NameObject("/Rotate")] = NumberObject(90)
    rot = path("boxes_rot.pdf")
    w.write(rot)
    b = box_of(words(rot, 1), "SECRET")
    wd = b[2] - b[0]  # text runs down the rotated page: shrink across it, horizontally
    r = [b[0] + 0.3 * wd, b[1], b[2] - 0.3 * wd, b[3]]
    full = [b[0] - 1, b[1], b[2] + 1, b[3]]  # poppler's rotated box is a little short of the ink
    rink = ink_bbox(render(rot, 1, BOX_DPI), px_region(full))
    out = path("boxes_rot_out.pdf")
    rc, res, _ = run_script(rot, out, {"pages": [{"page": 1, "rects": [r], "boxes": [full]}]})
    t = pdftotext(out)
    rimg = render(out, 1, BOX_DPI)
    bad = off_colour(rimg, rink, (0, 0, 0)) if rink else -1
    ok, detail = dark_bbox_matches(rimg, full)
    check("/Rotate 90: removed under the rect; the box drawn where given, black over the whole word",
          rc == 0 and res.get("ok") and "SECRET" not in t and "KEEP" in t and bad == 0 and ok,
          f"{res} {t!r} ink {rink} bad {bad}; {detail}")


def test_boxes_only():
    print("boxes without rects: a drawn cover only, nothing removed")
    inp = tight_fixture("boxes_only_src", CID)
    ws = words(inp, 1)
    name = union(box_of(ws, "山田"), box_of(ws, "花子"))
    out = path("boxes_only.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "boxes": [name]}], "fill": [0, 0, 1]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    check("nothing counted as redacted", res.get("pages_redacted") == 0 and res.get("rects") == 0
          and res.get("page_glyphs") == [], str(res))
    t = pdftotext(out)
    check("text under the box still extractable (boxes are paint, not removal)", "氏名 山田 花子 様" in t, t)
    check("every word still in place", same_words(words(out, 1), ws), str(words(out, 1)))
    check("the name is still in the content stream", len(leaked(out, ["山田", "花子"])) == 2)
    img = render(out, 1, BOX_DPI)
    bad = off_colour(img, px_inside(name), (0, 0, 255))
    check("box drawn over the text in the fill colour", bad == 0, f"{bad} pixels not blue")
    check("qpdf --check", qpdf_ok(out))

    # boxes are checked like rects
    for label, boxes in (("bad box: exit 1, ok false, no output", [[0, 0, "x", 10]]),
                         ("box of 3 numbers: exit 1", [[0, 0, 10]]),
                         ("boxes not an array: exit 1", "0 0 10 10")):
        out = path("boxes_err.pdf")
        rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [[0, 0, 10, 10]], "boxes": boxes}]}, expect_ok=False)
        check(label, rc == 1 and res.get("ok") is False and "box" in res.get("error", "") and not os.path.exists(out), str(res))
    out = path("boxes_empty.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "boxes": [[100, 100, 100, 120]]}]})
    check("empty box skipped", rc == 0 and res.get("ok") and "山田" in pdftotext(out), str(res))


def test_relative_td():
    print("MuPDF 1.21 filter bug: relative Td after a fully removed text object")
    inp = mutool_create("td", "BT /F1 12 Tf 100 700 Td (Hidden) Tj ET\n"
                              "BT /F1 12 Tf 100 600 Td (Visible) Tj ET\n"
                              "BT /F1 12 Tf 100 500 Td (Hidden2) Tj 0 -20 Td (Line2) Tj T* (Line3) Tj ET\n"
                              "q 1 0 0 1 0 0 cm BT /F1 12 Tf 12 TL 100 400 Td (Gone) Tj ET Q\n"
                              "BT /F1 12 Tf 100 300 Td (After) Tj ET\n")
    before = {w[0]: w for w in words(inp, 1)}
    rects = [box_of(list(before.values()), "Hidden"), box_of(list(before.values()), "Hidden2"),
             box_of(list(before.values()), "Gone")]
    out = path("td_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [shrink(r, 0.2) for r in rects]}]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    after = {w[0]: w for w in words(out, 1)}
    for word in ["Visible", "Line2", "After"]:
        check(f"'{word}' stays in place", after.get(word) == before[word], f"{before[word]} -> {after.get(word)}")
    check("removed words gone", not any(k in after for k in ["Hidden", "Hidden2", "Gone"]), str(after.keys()))
    check("no collateral loss", res.get("collateral_glyphs") == 0, str(res))


def test_actualtext():
    print("marked content: /ActualText of a partly removed span")
    inp = mutool_create("actual", "BT /F1 12 Tf 100 700 Td /Span <</ActualText (SECRETA) /Lang (en)>> BDC (Hidden) Tj ( Kept) Tj EMC ET\n"
                                  "BT /F1 12 Tf 100 600 Td /Span <</ActualText <FEFF0053004500430052004500540042>>> BDC (Hidden) Tj EMC ( Kept2) Tj ET\n")
    check("fixture: ActualText extracted", "SECRETA" in pdftotext(inp))
    ws = words(inp, 1)
    r1 = [100, ws[0][2], 137, ws[0][4]]
    r2 = [100, ws[1][2], 137, ws[1][4]]
    out = path("actual_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [r1, r2]}]})
    t = pdftotext(out)
    check("script ok", rc == 0 and res.get("ok"), str(res))
    check("ActualText gone", "SECRET" not in t and not leaked(out, ["SECRETA", "SECRETB"]), t)
    check("kept text kept", "Kept" in t and "Kept2" in t, t)


def test_rotation_cropbox():
    print("rotated pages and crop boxes")
    src = path("rot_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    for _ in range(4):
        c.setFont("Helvetica", 12)
        c.drawString(100, 700, "SECRET")
        c.drawString(100, 600, "KEEP")
        c.showPage()
    c.save()
    w = PdfWriter(clone_from=src)
    crop = ArrayObject([FloatObject(50), FloatObject(60), FloatObject(545), FloatObject(800)])
    w.pages[1][NameObject("/Rotate")] = NumberObject(90)
    w.pages[2][NameObject("/CropBox")] = crop
    w.pages[3][NameObject("/CropBox")] = crop
    w.pages[3][NameObject("/Rotate")] = NumberObject(270)
    inp = path("rot.pdf")
    w.write(inp)
    plan = {"pages": [{"page": p, "rects": [box_of(words(inp, p), "SECRET")]} for p in range(1, 5)]}
    out = path("rot_out.pdf")
    rc, res, _ = run_script(inp, out, plan)
    check("script ok", rc == 0 and res.get("ok"), str(res))
    for p in range(1, 5):
        t = pdftotext(out, p)
        check(f"page {p} (poppler coords): removed / kept", "SECRET" not in t and "KEEP" in t, t)
    # the same rects in unrotated space (page 1 is unrotated and uncropped)
    b = box_of(words(inp, 1), "SECRET")
    crop_dx, crop_dy = 50, A4[1] - 800
    unrot = {1: b, 2: b, 3: [b[0] - crop_dx, b[1] - crop_dy, b[2] - crop_dx, b[3] - crop_dy]}
    unrot[4] = unrot[3]
    out = path("rot_unrot.pdf")
    rc, res, _ = run_script(inp, out, {"coords": "unrotated",
                                       "pages": [{"page": p, "rects": [unrot[p]]} for p in range(1, 5)]})
    check("coords=unrotated: script ok", rc == 0 and res.get("ok"), str(res))
    for p in range(1, 5):
        t = pdftotext(out, p)
        check(f"page {p} (unrotated coords): removed / kept", "SECRET" not in t and "KEEP" in t, t)


def test_image_pixels():
    print("images: pixels under the rect blanked, image kept")
    from PIL import Image
    im = Image.new("RGB", (100, 100), (0, 0, 255))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    buf.seek(0)
    inp = path("image.pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    c.drawImage(ImageReader(buf), 72, 500, 100, 100)  # top-left y 242..342
    c.save()
    out = path("image_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [[92, 262, 132, 302]]}]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    imgs = PdfReader(out).pages[0].images
    check("image still there", len(imgs) == 1)
    if imgs:
        pil = imgs[0].image.convert("RGB")
        check("pixels under the rect changed", not near(pil.getpixel((40, 40)), (0, 0, 255), 10), str(pil.getpixel((40, 40))))
        check("pixels outside kept", near(pil.getpixel((5, 5)), (0, 0, 255), 10) and near(pil.getpixel((95, 95)), (0, 0, 255), 10))


def test_vector_paths():
    print("vector paths under a rect reported in path_pages")
    inp = path("paths.pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(72, 750, "Signed:")
    p = c.beginPath()
    p.moveTo(150, 745); p.curveTo(160, 760, 170, 740, 180, 755); p.lineTo(190, 745); p.close()
    c.drawPath(p, fill=1, stroke=0)
    c.showPage()
    c.setFont("Helvetica", 12)
    c.drawString(72, 750, "Name here")
    c.rect(300, 300, 50, 50, fill=1)
    c.showPage()
    c.save()
    out = path("paths_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [[145, 80, 195, 100]]},
                                                 {"page": 2, "rects": [box_of(words(inp, 2), "here")]}]})
    check("script ok", rc == 0 and res.get("ok"), str(res))
    check("path_pages == [1]", res.get("path_pages") == [1], str(res))
    check("text on page 2 removed", "here" not in pdftotext(out, 2))


def test_outline_structure():
    print("bookmarks and structure tree")
    src = path("outline_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setFont(CID, 12)
    c.drawString(72, 750, "本文")
    for key in ("a", "b", "c"):
        c.bookmarkPage(key)
    c.addOutlineEntry("世田谷 太郎 の申請", "a", level=0)
    c.addOutlineEntry("概要", "b", level=0)
    c.addOutlineEntry("世田谷太郎 詳細", "c", level=1)
    c.save()
    w = PdfWriter(clone_from=src)
    leaf = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Figure"),
                             NameObject("/Alt"): TextStringObject("写真 世田谷 太郎"),
                             NameObject("/ActualText"): TextStringObject("ACTUALSECRET"),
                             NameObject("/E"): TextStringObject("EXPANSIONSECRET"),
                             NameObject("/K"): NumberObject(0)})
    leaf_ref = w._add_object(leaf)
    sect = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Sect"),
                             NameObject("/T"): TextStringObject("世田谷 太郎"),
                             NameObject("/K"): ArrayObject([leaf_ref, leaf_ref])})
    sect_ref = w._add_object(sect)
    leaf[NameObject("/P")] = sect_ref
    root_st = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): sect_ref})
    w._root_object[NameObject("/StructTreeRoot")] = w._add_object(root_st)
    sect[NameObject("/P")] = w._root_object["/StructTreeRoot"]
    # a cycle: the leaf lists its parent as a kid
    leaf[NameObject("/K")] = ArrayObject([NumberObject(0), sect_ref])
    inp = path("outline.pdf")
    w.write(inp)
    out = path("outline_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [], "strip_texts": ["世田谷 太郎"]})
    if not check("script ok (cycle in the structure tree)", rc == 0 and res.get("ok"), str(res)):
        return
    r = PdfReader(out)

    def titles(items):
        res_ = []
        for it in items:
            if isinstance(it, list):
                res_.append(titles(it))
            else:
                res_.append(it.title)
        return res_
    tt = titles(r.outline)
    check("matching bookmarks retitled", tt == ["■", "概要", ["■"]], str(tt))
    check("outline_removed == 2", res.get("outline_removed") == 2, str(res))
    check("Alt/ActualText/E and matching /T gone", not leaked(out, ["ACTUALSECRET", "EXPANSIONSECRET", "世田谷"]))
    check("structure tree kept", "/StructTreeRoot" in r.trailer["/Root"])


def test_pending_redaction():
    print("Redact annotations already in the file are applied")
    src = path("pending_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Marked SECRETWORD here")
    c.save()
    w = PdfWriter(clone_from=src)
    ws = words(src, 1)
    b = box_of(ws, "SECRETWORD")
    red = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Redact"),
                            NameObject("/Rect"): ArrayObject([FloatObject(b[0]), FloatObject(A4[1] - b[3] + 2),
                                                              FloatObject(b[2]), FloatObject(A4[1] - b[1] - 2)])})
    w.pages[0][NameObject("/Annots")] = ArrayObject([w._add_object(red)])
    inp = path("pending.pdf")
    w.write(inp)
    out = path("pending_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": []})
    t = pdftotext(out)
    check("script ok", rc == 0 and res.get("ok"), str(res))
    check("pending redaction applied", "SECRETWORD" not in t and "Marked" in t and res.get("pending_redactions_applied") == 1, t)


def test_errors():
    print("errors")
    inp = path("main.pdf")
    out = path("err_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 99, "rects": [[0, 0, 10, 10]]}]}, expect_ok=False)
    check("page out of range: exit 1, ok false, no output", rc == 1 and res.get("ok") is False and "range" in res.get("error", "")
          and not os.path.exists(out), str(res))
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [[0, 0, "x", 10]]}]}, expect_ok=False)
    check("bad rect: exit 1", rc == 1 and res.get("ok") is False, str(res))
    rc, res, _ = run_script(path("missing.pdf"), out, {"pages": []}, expect_ok=False)
    check("missing input: exit 1", rc == 1 and res.get("ok") is False, str(res))
    bad = path("bad.json")
    open(bad, "w").write("{not json")
    p = subprocess.run(["mutool", "run", SCRIPT, inp, out, bad], capture_output=True, text=True)
    check("malformed plan: exit 1 with JSON", p.returncode == 1 and json.loads(p.stdout.strip().splitlines()[-1])["ok"] is False)


def test_font_retention():
    print("measure: does a removed rare kanji stay in the embedded font?")
    if not IPAEX:
        notes.append("font retention: skipped (no IPAex Gothic TrueType font installed: apt-get install fonts-ipaexfont-gothic)")
        print("  skipped (no IPAex font)")
        return
    from fontTools.ttLib import TTFont as FT
    inp = path("rare.pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    c.setFont("IPAexGothic", 12)
    c.drawString(72, 700, "申請者 髙﨑 様")
    c.save()
    out = path("rare_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [box_of(words(inp, 1), "髙﨑")]}]})
    check("script ok", rc == 0 and res.get("ok"), str(res))
    t = pdftotext(out)
    check("rare kanji gone from text", "髙" not in t and "﨑" not in t and "申請者" in t, t)
    r = PdfReader(out)
    fonts = r.pages[0]["/Resources"]["/Font"]
    mapped, outline = [], []
    for _, fref in fonts.items():
        f = fref.get_object()
        tu = f.get("/ToUnicode")
        cmap = tu.get_object().get_data().decode("latin-1") if tu else ""
        desc = f.get("/FontDescriptor")
        ff = desc.get_object().get("/FontFile2") if desc else None
        if not ff:
            continue
        tt = FT(io.BytesIO(ff.get_object().get_data()))
        for ch in "髙﨑":
            m = re.search(r"<([0-9A-Fa-f]{2,4})>\s*<" + format(ord(ch), "04X") + ">", cmap, re.I)
            if m:
                mapped.append(ch)
                code = int(m.group(1), 16)
                cm = tt.getBestCmap() or {}
                gname = cm.get(code) or (tt.getGlyphOrder()[code] if code < len(tt.getGlyphOrder()) else None)
                g = tt["glyf"][gname] if gname and "glyf" in tt else None
                if g is not None and getattr(g, "numberOfContours", 0) != 0:
                    outline.append(ch)
    notes.append(f"font retention (reportlab TrueType subset, IPAex Gothic): ToUnicode still maps {''.join(mapped) or 'none'}; "
                 f"glyph outlines still embedded for {''.join(outline) or 'none'} (MuPDF 1.21 does not re-subset fonts)")


def test_adjacent_glyphs():
    print("no spaces between words: exact glyph edges keep the neighbours")
    inp = path("adjacent.pdf")
    size = 10.5
    c = canvas.Canvas(inp, pagesize=A4)
    c.setFont(CID, size)
    c.drawString(72, 700, "氏名山田花子様")  # fixed 1 em advances
    c.save()
    b = box_of(words(inp, 1), "氏名山田花子様")
    rect = shrink([72 + 2 * size, b[1], 72 + 6 * size, b[3]])
    out = path("adjacent_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [rect]}]})
    t = re.sub(r"\s+", "", pdftotext(out))
    check("script ok", rc == 0 and res.get("ok"), str(res))
    check("only the name removed", t == "氏名様", repr(t))


def test_shared_form_xobject():
    print("text inside a form XObject drawn on two pages")
    inp = path("xform.pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    c.beginForm("hdr")
    c.setFont(CID, 12)
    c.drawString(72, 800, "担当 世田谷 太郎")
    c.endForm()
    for _ in range(2):
        c.doForm("hdr")
        c.setFont(CID, 12)
        c.drawString(72, 700, "本文")
        c.showPage()
    c.save()
    b = union(box_of(words(inp, 1), "世田谷"), box_of(words(inp, 1), "太郎"))
    out = path("xform_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [shrink(b)]}]})
    check("script ok", rc == 0 and res.get("ok"), str(res))
    t1, t2 = pdftotext(out, 1), pdftotext(out, 2)
    check("removed from the form on page 1", "世田谷" not in t1 and "担当" in t1 and "本文" in t1, t1)
    check("page 2 (not redacted) keeps its copy", "世田谷 太郎" in t2, t2)


def test_inline_image_and_strings():
    print("content scan: inline image bytes and strings that look like operators")
    data = bytes([66, 84, 32, 40, 255, 128, 60, 60, 62, 91, 47, 66, 84, 32, 200, 201])  # "BT (", "<<", "/BT" as pixels (no NUL: mutool create)
    img = "BI /W 16 /H 1 /CS /G /BPC 8 ID ".encode() + data + b"\nEI\n"
    content = (b"q 160 0 0 10 100 760 cm " + img + b" Q\n"
               b"BT /F1 12 Tf 100 700 Td (Hidden BT \\) ET) Tj ET\n"
               b"BT /F1 12 Tf 100 600 Td (Visible) Tj ET\n")
    txt = path("inline.txt")
    with open(txt, "wb") as f:
        f.write(b"%%MediaBox 0 0 595 842\n%%Font F1 Helvetica\n" + content)
    inp = path("inline.pdf")
    subprocess.run(["mutool", "create", "-o", inp, txt], check=True, capture_output=True)
    before = {w[0]: w for w in words(inp, 1)}
    out = path("inline_out.pdf")
    line = [w for w in before.values() if abs(w[2] - before["Hidden"][2]) < 0.5]  # the whole first text object
    rect = shrink(union(*[[w[1], w[2], w[3], w[4]] for w in line]), 0.2)
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [rect]}]})
    check("script ok", rc == 0 and res.get("ok"), str(res))
    after = {w[0]: w for w in words(out, 1)}
    check("Visible in place", after.get("Visible") == before["Visible"], f"{before['Visible']} -> {after.get('Visible')}")
    check("redacted string gone", "Hidden" not in after and "ET" not in after, str(after.keys()))
    p = subprocess.run(["mutool", "draw", "-q", "-o", path("inline.png"), out, "1"], capture_output=True, text=True)
    check("output renders without errors", p.returncode == 0 and "error" not in p.stderr.lower(), p.stderr)
    pre = render(inp, 1).getpixel((150, 842 - 765))
    post = render(out, 1).getpixel((150, 842 - 765))
    check("inline image unchanged", pre == post, f"{pre} -> {post}")


def test_encrypted():
    print("encrypted input")
    src = path("adjacent.pdf")
    for name, user in (("enc_owner.pdf", ""), ("enc_user.pdf", "secret")):
        w = PdfWriter(clone_from=src)
        w.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
        w.write(path(name))
    b = box_of(words(src, 1), "氏名山田花子様")
    plan = {"pages": [{"page": 1, "rects": [shrink([72 + 21, b[1], 72 + 63, b[3]])]}]}
    out = path("enc_owner_out.pdf")
    rc, res, _ = run_script(path("enc_owner.pdf"), out, plan)
    check("owner password only: redacted", rc == 0 and re.sub(r"\s+", "", pdftotext(out)) == "氏名様", str(res))
    check("output is valid and unencrypted", qpdf_ok(out) and "/Encrypt" not in PdfReader(out).trailer)
    rc, res, _ = run_script(path("enc_user.pdf"), path("enc_user_out.pdf"), plan, expect_ok=False)
    check("user password: exit 1, ok false", rc == 1 and res.get("ok") is False and "password" in res.get("error", ""), str(res))


def test_timing_relative():
    print(f"measure: {TIMING_PAGES} pages written LibreOffice-style (relative Td, every text object rewritten)")
    pages = []
    for i in range(TIMING_PAGES):
        lines = []
        for k in range(40):
            lines.append(f"BT /F1 10 Tf 56.7 {780 - 18 * k} Td [(Line {k} of page {i} Taro Yamada) -250 (phone 03-5432-{1000 + k})] TJ ET")
        txt = path(f"lo_{i}.txt")
        with open(txt, "w") as f:
            f.write("%%MediaBox 0 0 595 842\n%%Font F1 Helvetica\n" + "\n".join(lines) + "\n")
        pages.append(txt)
    inp = path("lo.pdf")
    subprocess.run(["mutool", "create", "-o", inp] + pages, check=True, capture_output=True)
    ws = words(inp, 1)
    boxes = [shrink(union(box_of(ws, "Taro"), box_of(ws, "Yamada")))]
    boxes.append([boxes[0][0], boxes[0][1] + 18, boxes[0][2], boxes[0][3] + 18])  # the same words a line below
    plan = {"pages": [{"page": p, "rects": boxes} for p in range(1, TIMING_PAGES + 1)]}
    out = path("lo_out.pdf")
    rc, res, ms = run_script(inp, out, plan)
    cpu = last_cpu_ms
    check("script ok", rc == 0 and res.get("ok"), str(res))
    check("no collateral loss", res.get("collateral_glyphs") == 0, str(res))
    t = pdftotext(out, 1)
    check("names gone, other lines kept", t.count("Yamada") == 38 and "phone 03-5432-1000" in t, t[:300])
    notes.append(f"timing (LibreOffice-style, {TIMING_PAGES} pages x 40 lines x 2 rects, content rewritten): "
                 f"{ms:.0f} ms wall, {cpu:.0f} ms CPU = {cpu / TIMING_PAGES:.1f} ms/page CPU")


def test_links_signatures():
    print("links that spell or cover what is removed; signatures")
    src = path("links_src.pdf")
    c = canvas.Canvas(src, pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(72, 750, "Mail: setagaya.taro@example.jp")
    c.drawString(72, 700, "Site: https://example.org/")
    c.drawString(72, 650, "Home page")
    c.linkURL("mailto:setagaya.taro@example.jp", (72, 745, 300, 762))
    c.linkURL("https://example.org/", (72, 695, 300, 712))
    c.linkURL("https://example.org/%E4%B8%96%E7%94%B0%E8%B0%B7", (72, 645, 300, 662))  # percent-encoded name
    c.save()
    w = PdfWriter(clone_from=src)
    sig_v = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Sig"), NameObject("/Filter"): NameObject("/Adobe.PPKLite"),
        NameObject("/Name"): TextStringObject("Signer SIGNERNAME"),
        NameObject("/Contents"): TextStringObject("CERTIFICATEBYTES")}))
    sig = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Sig"), NameObject("/T"): TextStringObject("sig1"),
        NameObject("/Rect"): ArrayObject([FloatObject(400), FloatObject(100), FloatObject(500), FloatObject(130)]),
        NameObject("/V"): sig_v, NameObject("/P"): w.pages[0].indirect_reference}))
    w.pages[0][NameObject("/Annots")].append(sig)
    w._root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject([sig]), NameObject("/SigFlags"): NumberObject(3)})
    w._root_object[NameObject("/DSS")] = w._add_object(DictionaryObject({NameObject("/Certs"): ArrayObject([
        w._add_object(DecodedStreamObject())])}))
    w._root_object[NameObject("/Perms")] = DictionaryObject({NameObject("/DocMDP"): sig_v})
    inp = path("links.pdf")
    w.write(inp)
    site = box_of(words(inp, 1), "https://example.org/")
    mail = box_of(words(inp, 1), "setagaya.taro@example.jp")
    out = path("links_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [shrink(site), shrink(mail)]}],
                                       "strip_texts": ["setagaya.taro@example.jp", "世田谷"]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    r = PdfReader(out)
    links = [a.get_object() for a in r.pages[0].get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]
    check("all three links removed (target matches, under a rect, percent-encoded match)", not links,
          str([l.get("/A") for l in links]))
    check("3 annotations removed", res.get("annotations_removed") == 3, str(res))
    check("signature value removed", res.get("signatures_removed") == 1 and not leaked(out, ["SIGNERNAME", "CERTIFICATEBYTES"]), str(res))
    root = r.trailer["/Root"]
    check("/Perms and /DSS removed", "/Perms" not in root and "/DSS" not in root)
    check("mail address gone from the file (text and link)", not leaked(out, ["setagaya.taro@example.jp"]))
    check("other text kept", "Mail:" in pdftotext(out) and "Home page" in pdftotext(out))


def test_scanned_ocr():
    print("scanned page: image plus invisible OCR text (render mode 3)")
    from PIL import Image, ImageDraw
    im = Image.new("RGB", (595, 200), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((100, 80, 220, 110), fill=(20, 20, 20))  # "ink" where the name is
    d.rectangle((300, 80, 420, 110), fill=(20, 20, 20))  # ink that stays
    buf = io.BytesIO()
    im.save(buf, "PNG")
    buf.seek(0)
    inp = path("scan.pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    c.drawImage(ImageReader(buf), 0, 642, 595, 200)  # image px == points, top-left y 0..200
    t = c.beginText(100, 842 - 105)
    t.setTextRenderMode(3)
    t.setFont(CID, 24)
    t.textOut("世田谷太郎")
    c.drawText(t)
    t = c.beginText(300, 842 - 105)
    t.setTextRenderMode(3)
    t.setFont(CID, 24)
    t.textOut("東京都庁")
    c.drawText(t)
    c.save()
    check("fixture: OCR text extractable", "世田谷太郎" in pdftotext(inp))
    b = box_of(words(inp, 1), "世田谷太郎")
    out = path("scan_out.pdf")
    rc, res, _ = run_script(inp, out, {"pages": [{"page": 1, "rects": [shrink(b)]}], "fill": [1, 1, 1]})
    if not check("script ok", rc == 0 and res.get("ok"), str(res)):
        return
    t = pdftotext(out)
    check("OCR text under the rect removed, the rest kept", "世田谷" not in t and "東京都庁" in t, t)
    pil = PdfReader(out).pages[0].images[0].image.convert("RGB")
    cy = int((b[1] + b[3]) / 2)
    check("image ink under the rect blanked in the image itself", near(pil.getpixel((160, cy)), (255, 255, 255), 10),
          str(pil.getpixel((160, cy))))
    check("ink elsewhere kept", near(pil.getpixel((360, 95)), (20, 20, 20), 10))


def test_timing():
    print(f"measure: {TIMING_PAGES}-page document, 2 rects a page")
    inp = path("timing.pdf")
    c = canvas.Canvas(inp, pagesize=A4)
    for i in range(TIMING_PAGES):
        c.setFont(CID, 11)
        for k in range(30):
            c.drawString(60, 780 - 24 * k, f"第{i + 1}頁 {k}行目 申請者 世田谷 太郎 電話 03-5432-{1000 + k} 東京都世田谷区")
        c.showPage()
    c.save()
    ws = words(inp, 1)
    name_boxes = [w for w in ws if w[0] in ("世田谷", "太郎")][:2]
    plan = {"pages": [{"page": p, "rects": [shrink([b[1], b[2], b[3], b[4]]) for b in name_boxes]}
                      for p in range(1, TIMING_PAGES + 1)], "strip_texts": ["世田谷 太郎"]}
    out = path("timing_out.pdf")
    rc, res, ms = run_script(inp, out, plan)
    cpu = last_cpu_ms
    check("script ok", rc == 0 and res.get("ok"), str(res))
    check(f"{TIMING_PAGES} pages redacted", res.get("pages_redacted") == TIMING_PAGES, str(res))
    _, _, ms0 = run_script(inp, path("timing_none.pdf"), {"pages": []})
    cpu0 = last_cpu_ms
    notes.append(f"timing: {TIMING_PAGES} pages (30 lines each) x 2 rects: {ms:.0f} ms wall, {cpu:.0f} ms CPU = "
                 f"{ms / TIMING_PAGES:.1f} ms/page wall, {cpu / TIMING_PAGES:.1f} ms/page CPU "
                 f"(same file, no rects: {ms0:.0f} ms wall, {cpu0:.0f} ms CPU; input {os.path.getsize(inp) // 1024} KiB)")


TESTS = [test_main_japanese, test_fake_redaction, test_annotations, test_attachments_info_js, test_form_fields,
         test_tight_lines, test_draw_boxes, test_boxes_only, test_relative_td, test_actualtext, test_rotation_cropbox, test_image_pixels,
         test_vector_paths, test_outline_structure, test_pending_redaction, test_errors, test_adjacent_glyphs,
         test_shared_form_xobject, test_inline_image_and_strings, test_links_signatures, test_scanned_ocr, test_encrypted, test_font_retention, test_timing,
         test_timing_relative]

if __name__ == "__main__":
    os.makedirs(WORK, exist_ok=True)
    for t in TESTS:
        try:
            t()
        except Exception as e:  # a crash in a test is a failure, not an abort
            import traceback
            traceback.print_exc()
            check(f"{t.__name__} ran", False, repr(e))
    print()
    for n in notes:
        print("note: " + n)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
