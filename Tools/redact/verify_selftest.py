#!/usr/bin/env python3
"""Tests verify_corpus.py itself, without sumi: builds inputs and hand-made "redacted" outputs,
good ones that must pass and leaky or broken ones that must fail for the stated reason.

Each case is a report entry checked by verify_corpus.check_file; the command line (exit code,
closing line, --show-text, --json, skipped statuses) is run once as a child process. Needs the
Tools/.venv-redact packages and pdftotext; the real-redaction case also needs mutool (skipped
otherwise). Prints one line per check and ends with 'N passed, N failed'; exit 1 on any failure.

usage: verify_selftest.py [WORKDIR]   (default: a temporary folder, removed afterwards)
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import verify_corpus as vc  # noqa: E402

passed = failed = 0
NAME = "山田 太郎"
PHONE = "03-5432-1234"
MASK = "■"


def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"  ok    {name}")
    else:
        failed += 1
        print(f"  FAIL  {name}" + (f": {detail}" if detail else ""))
    return cond


class Args:
    base = ""
    show_text = False
    min_retention = 0.95


TOOLS = vc.Tools()
TOOLS.soffice = None  # LibreOffice is exercised by the corpus run, not here (slow to start)


def entry(inp, out, fmt, texts, also=(), unremoved=(), status="redacted"):
    return {"path": inp, "output": out, "format": fmt, "status": status,
            "removed": [{"id": f"r{i}", "category": "person_name" if "田" in t else "phone", "text": t,
                         "location": {}} for i, t in enumerate(texts)],
            "also_removed": list(also), "unremoved": [{"id": "u", "text": u, "why": "image"} for u in unremoved]}


def run(e):
    try:
        return vc.check_file(e, Args, TOOLS)
    except Exception as ex:
        return {"reasons": [f"checker raised {type(ex).__name__}: {ex}"], "warnings": [], "leaks": []}


def expect_ok(name, e):
    r = run(e)
    check(name + ": passes", not r["reasons"], "; ".join(r["reasons"]))
    return r


def expect_fail(name, e, *needles):
    r = run(e)
    text = "; ".join(r["reasons"])
    forms = " ".join(f["form"] + "@" + "|".join(f["where"]) for l in r["leaks"] for f in l["forms"])
    ok = bool(r["reasons"]) and all(n in text or n in forms for n in needles)
    check(name + ": fails" + (f" ({', '.join(needles)})" if needles else ""), ok,
          f"reasons={text!r} forms={forms!r}")
    return r


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


# ---------- charsets ----------

def test_detect():
    print("charset detection")
    body = "申請者 山田 太郎 さんの住所は東京都です。\r\n"
    cases = [("cp932", b"", "cp932"), ("euc_jp", b"", "euc_jp"), ("utf-8", b"", "utf-8"),
             ("utf-8", b"\xef\xbb\xbf", "utf-8"), ("utf-16-le", b"\xff\xfe", "utf-16-le"),
             ("utf-16-be", b"\xfe\xff", "utf-16-be"), ("iso2022_jp", b"", "iso2022_jp")]
    for enc, bom, want in cases:
        got = vc.detect_charset(bom + body.encode(enc))
        check(f"{enc}{'+BOM' if bom else ''} detected", got == (want, bom), str(got))
    # half-width katakana heavy CP932 vs EUC-JP: the one with kana wins
    euc = "ｶﾀｶﾅ混じりの文章ですが、ひらがなも多いです。".encode("euc_jp")
    check("EUC-JP with half-width kana detected", vc.detect_charset(euc)[0] == "euc_jp", str(vc.detect_charset(euc)))
    html = '<html><head><meta charset="Shift_JIS"></head><body>山田</body></html>'.encode("cp932")
    check("HTML meta charset Shift_JIS -> cp932", vc.detect_charset(html, True)[0] == "cp932")


# ---------- text formats ----------

def test_text(w):
    print("txt / csv / html")
    src = "申請者 山田 太郎（電話 03-5432-1234）\r\n担当は福祉課です。山田 太郎さんには後日連絡します。\r\n以上\r\n"
    inp = write(f"{w}/a.txt", src.encode("cp932"))
    good = src.replace(NAME, MASK * 5).replace(PHONE, MASK * 12)
    out = write(f"{w}/a.redacted.txt", good.encode("cp932"))
    r = expect_ok("cp932 CRLF, both occurrences masked", entry(inp, out, "txt", [NAME, PHONE]))
    check("  retention is 1.0", r.get("retention") == 1.0, str(r.get("retention")))
    check("  charset reported as cp932", r.get("charset") == "cp932", str(r.get("charset")))

    leak = src.replace(NAME, MASK * 5, 1).replace(PHONE, MASK * 12)
    out = write(f"{w}/b.redacted.txt", leak.encode("cp932"))
    r = expect_fail("second occurrence kept", entry(inp, out, "txt", [NAME, PHONE]), "text@decoded text",
                    "bytes cp932@file bytes")
    check("  leak names the category, not the text", r["leaks"] and r["leaks"][0]["category"] == "person_name"
          and "text" not in r["leaks"][0], str(r["leaks"]))

    out = write(f"{w}/c.redacted.txt", good.encode("utf-8"))
    expect_fail("cp932 input, UTF-8 output", entry(inp, out, "txt", [NAME, PHONE]), "does not decode")

    out = write(f"{w}/d.redacted.txt", good.replace("\r\n", "\n").encode("cp932"))
    expect_fail("CRLF turned into LF", entry(inp, out, "txt", [NAME, PHONE]), "line endings changed")

    u16 = write(f"{w}/e.txt", b"\xff\xfe" + src.encode("utf-16-le"))
    out = write(f"{w}/e.redacted.txt", b"\xff\xfe" + good.encode("utf-16-le"))
    expect_ok("UTF-16LE with BOM kept", entry(u16, out, "txt", [NAME, PHONE]))
    out = write(f"{w}/f.redacted.txt", good.encode("utf-16-le"))
    expect_fail("UTF-16 BOM dropped", entry(u16, out, "txt", [NAME, PHONE]), "byte order mark missing")
    out = write(f"{w}/f2.redacted.txt", b"\xff\xfe" + leak.encode("utf-16-le"))
    expect_fail("UTF-16 leak", entry(u16, out, "txt", [NAME, PHONE]), "bytes utf-16-le@file bytes")

    out = write(f"{w}/g.redacted.txt", good.replace("担当は福祉課です。", "").encode("cp932"))
    expect_fail("a sentence lost with the name", entry(inp, out, "txt", [NAME, PHONE]), "retention")

    # forms: white space, NFKC, zero-width
    for label, variant, form in [("ideographic space", "山田\u3000太郎", "no-space"),
                                 ("zero-width space", "山田\u200b太郎", "no-space"),
                                 ("full-width phone", "０３-５４３２-１２３４", "nfkc")]:
        s = good.replace("以上", variant)
        out = write(f"{w}/h.redacted.txt", s.encode("utf-8"))
        inp8 = write(f"{w}/h.txt", src.replace("以上", MASK * 2).encode("utf-8"))
        r = expect_fail(f"kept as {label}", entry(inp8, out, "txt", [NAME, PHONE]), form)

    # short texts are not searched, and counted
    s = src
    inp8 = write(f"{w}/i.txt", s.encode("utf-8"))
    out = write(f"{w}/i.redacted.txt", s.replace(NAME, MASK * 5).encode("utf-8"))
    r = expect_ok("one-character and 3-digit texts skipped", entry(inp8, out, "txt", [NAME, "田", "543"]))
    check("  2 texts skipped, 1 checked", r.get("texts_skipped") == 2 and r.get("texts_checked") == 1, str(r))

    # unremoved[] texts still present are reported but do not fail
    out = write(f"{w}/j.redacted.txt", leak.encode("cp932"))
    r = expect_ok("text also listed in unremoved[]", entry(inp, out, "txt", [NAME, PHONE], unremoved=[NAME]))
    check("  kept text listed as such", r["leaks"] and r["leaks"][0]["listed_unremoved"], str(r["leaks"]))

    # also_removed strings are searched too
    inp8 = write(f"{w}/k.txt", (src + "ヤマダ タロウ\r\n").encode("utf-8"))
    out = write(f"{w}/k.redacted.txt", (good + "ヤマダ タロウ\r\n").encode("utf-8"))
    expect_fail("also_removed text kept", entry(inp8, out, "txt", [NAME, PHONE], also=["ヤマダ タロウ"]), "text")

    print("csv")
    csv_in = "氏名,電話,備考\r\n山田 太郎,03-5432-1234,\"通院中, 要配慮\"\r\n佐藤 花子,03-1111-2222,なし\r\n"
    inp = write(f"{w}/l.csv", csv_in.encode("cp932"))
    out = write(f"{w}/l.redacted.csv", csv_in.replace(NAME, MASK * 5).encode("cp932"))
    expect_ok("csv cell masked", entry(inp, out, "csv", [NAME]))
    out = write(f"{w}/m.redacted.csv", csv_in.replace('"通院中, 要配慮"', MASK * 3 + "," + MASK).encode("cp932"))
    expect_fail("csv quoted field replaced by two fields", entry(inp, out, "csv", ["通院中, 要配慮"]),
                "CSV shape changed")

    print("html")
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="author" content="山田 太郎"></head>'
            '<body><!-- 担当: 山田 太郎 --><p title="03-5432-1234">申請者 山田 太郎</p><p>本文です。</p></body></html>')
    inp = write(f"{w}/n.html", page.encode("utf-8"))
    out = write(f"{w}/n.redacted.html", page.replace(NAME, MASK * 5).replace(PHONE, MASK * 12).encode("utf-8"))
    expect_ok("html: body, comment, attributes masked", entry(inp, out, "html", [NAME, PHONE]))
    out = write(f"{w}/o.redacted.html",
                page.replace("申請者 山田 太郎", "申請者 " + MASK * 5).replace(PHONE, MASK * 12).encode("utf-8"))
    expect_fail("html: name left in a comment and an attribute", entry(inp, out, "html", [NAME, PHONE]),
                "text@decoded text")
    no_comment = page.replace("<!-- 担当: 山田 太郎 -->", "").replace(NAME, MASK * 5).replace(PHONE, MASK * 12)
    r = expect_ok("html: comment deleted whole (not visible text)",
                  entry(inp, write(f"{w}/q.redacted.html", no_comment.encode()), "html", [NAME, PHONE]))
    check("  retention 1.0", r.get("retention") == 1.0, str(r.get("retention")))
    lost = page.replace(NAME, MASK * 5).replace(PHONE, MASK * 12).replace("本文です。", "")
    expect_fail("html: a visible paragraph lost", entry(inp, write(f"{w}/r.redacted.html", lost.encode()), "html",
                                                        [NAME, PHONE]), "retention")
    out = write(f"{w}/p.redacted.html", page.replace(NAME, MASK * 5).replace(PHONE, "&#x30;3-5432-1234").encode())
    r = run(entry(inp, out, "html", [NAME, PHONE]))
    check("html: char reference dodge is not a leak of the decoded form (source text is what is read)",
          not any(l["category"] == "phone" for l in r["leaks"]), str(r["leaks"]))


# ---------- OOXML ----------

def make_docx(path, body_name=NAME, author=NAME):
    import docx
    d = docx.Document()
    d.add_paragraph(f"申請者氏名 {body_name}")
    d.add_paragraph("本文は残ります。福祉課が担当します。")
    d.core_properties.author = author
    d.core_properties.title = "申請書"
    d.save(path)
    return path


def rewrite_zip(src, dst, edit):
    """Copies a ZIP, passing each entry's bytes through edit(name, data) (None drops it)."""
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = edit(info.filename, zi.read(info))
            if data is not None:
                zo.writestr(info, data)
    return dst


def add_entry(path, name, data):
    tmp = path + ".tmp"
    rewrite_zip(path, tmp, lambda n, d: d)
    with zipfile.ZipFile(tmp, "a") as z:
        z.writestr(name, data)
    os.replace(tmp, path)


def mask_xml(data, texts):
    """Every text node and attribute value of an XML entry with the texts masked (lxml, so character
    references such as openpyxl's &#23665; are masked too)."""
    from lxml import etree
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))

    def m(v):
        for t in texts:
            v = v.replace(t, MASK * len(t))
        return v
    for el in root.iter():
        if el.text:
            el.text = m(el.text)
        if el.tail:
            el.tail = m(el.tail)
        if isinstance(el.tag, str):
            for k, v in el.attrib.items():
                el.set(k, m(v))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def masker(*texts):
    """A good redactor for ZIP entries: XML masked, thumbnails dropped."""
    def edit(n, d):
        if n.lower().startswith("docprops/thumbnail"):
            return None
        if n == "_rels/.rels":
            d = re.sub(rb'<Relationship [^>]*Target="[^"]*thumbnail[^"]*"[^>]*/>', b"", d)
        if n.endswith((".xml", ".rels")):
            return mask_xml(d, texts)
        return d
    return edit


mask_all = masker(NAME)


def test_ooxml(w):
    print("docx")
    inp = make_docx(f"{w}/a.docx")
    out = rewrite_zip(inp, f"{w}/a.redacted.docx", mask_all)
    expect_ok("docx: body and core.xml masked", entry(inp, out, "docx", [NAME]))
    out = rewrite_zip(inp, f"{w}/b.redacted.docx", lambda n, d: mask_all(n, d) if n == "word/document.xml" else d)
    expect_fail("docx: only document.xml changed, docProps/core.xml keeps the name",
                entry(inp, out, "docx", [NAME]), "text@docProps/core.xml")
    split = "山田</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> 太郎"

    def split_name(n, d):
        if n == "word/document.xml":
            return d.replace(NAME.encode(), split.encode())
        return mask_all(n, d)
    out = rewrite_zip(inp, f"{w}/c.redacted.docx", split_name)
    expect_fail("docx: name left split over two runs", entry(inp, out, "docx", [NAME]), "text@word/document.xml")
    check("fixture: python-docx's template has a thumbnail", "docProps/thumbnail.jpeg" in zipfile.ZipFile(inp).namelist())
    out = rewrite_zip(inp, f"{w}/d.redacted.docx", lambda n, d: mask_xml(d, [NAME]) if n.endswith(".xml") else d)
    expect_fail("docx: thumbnail kept", entry(inp, out, "docx", [NAME]), "docProps/thumbnail")
    out = rewrite_zip(inp, f"{w}/e.redacted.docx",
                      lambda n, d: mask_all(n, d)[:-40] if n == "word/document.xml" else mask_all(n, d))
    expect_fail("docx: document.xml truncated", entry(inp, out, "docx", [NAME]), "do not parse")

    def attr_leak(n, d):
        d = mask_all(n, d)
        if n == "word/_rels/document.xml.rels":
            d = d.replace(b"</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                          'officeDocument/2006/relationships/hyperlink" Target="mailto:taro@example.jp?subject=山田 太郎"'
                          ' TargetMode="External"/></Relationships>'.encode())
        return d
    out = rewrite_zip(inp, f"{w}/f.redacted.docx", attr_leak)
    expect_fail("docx: name left in a relationship attribute", entry(inp, out, "docx", [NAME]), "(attributes)")

    def embedded(n, d):
        return mask_all(n, d)
    out = rewrite_zip(inp, f"{w}/g.redacted.docx", embedded)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst><si><t>{NAME}</t></si></sst>')
    add_entry(out, "word/embeddings/Microsoft_Excel_Worksheet.xlsx", inner.getvalue())
    expect_fail("docx: name in an embedded workbook", entry(inp, out, "docx", [NAME]), "!/xl/sharedStrings.xml")
    out = rewrite_zip(inp, f"{w}/h.redacted.docx",
                      lambda n, d: mask_all(n, d).replace("本文は残ります。".encode(), b"") if n == "word/document.xml"
                      else mask_all(n, d))
    expect_fail("docx: a paragraph dropped", entry(inp, out, "docx", [NAME]), "retention")
    write(f"{w}/i.redacted.docx", b"PK\x03\x04 not really a zip")
    expect_fail("docx: output not a ZIP", entry(inp, f"{w}/i.redacted.docx", "docx", [NAME]), "not a ZIP")

    print("xlsx")
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "氏名", "電話", NAME, PHONE
    ws["C2"] = 12345
    hidden = wb.create_sheet("控え")
    hidden["A1"] = NAME
    hidden.sheet_state = "hidden"
    wb.properties.creator = NAME
    inp = f"{w}/a.xlsx"
    wb.save(inp)
    out = rewrite_zip(inp, f"{w}/a.redacted.xlsx", mask_all)
    r = expect_ok("xlsx: cells, hidden sheet, properties masked", entry(inp, out, "xlsx", [NAME]))
    check("  numeric cell counted in retention", r.get("expected_chars", 0) >= len("氏名電話03-5432-123412345"),
          str(r.get("expected_chars")))
    out = rewrite_zip(inp, f"{w}/b.redacted.xlsx",
                      lambda n, d: d if n == "xl/worksheets/sheet2.xml" else mask_all(n, d))
    expect_fail("xlsx: name left in the hidden sheet", entry(inp, out, "xlsx", [NAME]),
                "text@xl/worksheets/sheet2.xml")
    check("fixture: openpyxl writes the name as character references",
          "&#23665;".encode() in zipfile.ZipFile(inp).read("xl/worksheets/sheet1.xml"))
    out = rewrite_zip(inp, f"{w}/c.redacted.xlsx", lambda n, d: None if "thumbnail" in n else
                      d.replace(NAME.encode(), (MASK * 5).encode()))
    expect_fail("xlsx: byte-level masking misses &#...; references", entry(inp, out, "xlsx", [NAME]),
                "text@xl/worksheets/sheet1.xml")

    # a phone stored as a number and a date as a serial: the report names the displayed text
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"] = "電話", "生年月日", "備考"
    ws["A2"] = 9012345678
    ws["A2"].number_format = '"0"00-0000-0000'
    import datetime
    ws["B2"] = datetime.date(1952, 3, 14)
    ws["C2"] = "本人確認済み"
    inp = f"{w}/n.xlsx"
    wb.save(inp)
    num = entry(inp, None, "xlsx", ["090-1234-5678", "1952/3/14"])
    num["removed"][0]["location"] = {"part": "xl/worksheets/sheet1.xml", "cell": "A2", "sheet": "Sheet"}
    num["removed"][1]["location"] = {"sheet": "Sheet", "cell": "B2"}

    def to_mask(n, d):
        if n == "xl/worksheets/sheet1.xml":
            d = re.sub(rb'<c r="(A2|B2)"[^>]*>.*?</c>',
                       lambda m: b'<c r="' + m.group(1) + b'" t="inlineStr"><is><t>' + (MASK * 5).encode() + b"</t></is></c>", d)
        return d
    out = rewrite_zip(inp, f"{w}/n.redacted.xlsx", to_mask)
    r = expect_ok("xlsx: numeric phone and date cells replaced", dict(num, output=out))
    check("  their stored values count as removed (retention 1.0)", r.get("retention") == 1.0, str(r.get("retention")))
    out = rewrite_zip(inp, f"{w}/o.redacted.xlsx", lambda n, d: d)
    expect_fail("xlsx: numeric cells left as they were", dict(num, output=out), "still store their value")

    print("pptx")
    import pptx
    from pptx.util import Inches
    prs = pptx.Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "説明会のお知らせ"
    s.shapes.add_textbox(Inches(1), Inches(2), Inches(5), Inches(1)).text_frame.text = f"担当 {NAME}"
    s.notes_slide.notes_text_frame.text = f"発表者メモ: {NAME} {PHONE}"
    inp = f"{w}/a.pptx"
    prs.save(inp)

    mask_pptx = masker(NAME, PHONE)
    out = rewrite_zip(inp, f"{w}/a.redacted.pptx", mask_pptx)
    expect_ok("pptx: slide and notes masked", entry(inp, out, "pptx", [NAME, PHONE]))
    out = rewrite_zip(inp, f"{w}/b.redacted.pptx", lambda n, d: d if "notesSlide" in n else mask_pptx(n, d))
    expect_fail("pptx: speaker notes kept", entry(inp, out, "pptx", [NAME, PHONE]), "notesSlides")


# ---------- PDF ----------

def reportlab_pdf(path, lines, author=None, box_over=None, pages=1, xmp=None, annot=None):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    c = canvas.Canvas(path, pagesize=(595, 842))
    if author:
        c.setAuthor(author)
    for p in range(pages):
        c.setFont("HeiseiKakuGo-W5", 12)
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            if box_over and box_over in line:
                c.rect(60, y - 4, 400, 18, fill=1, stroke=0)
            y -= 30
        if annot:
            c.textAnnotation(annot, Rect=(400, 700, 420, 720))
        c.showPage()
    c.save()
    if xmp:
        from pypdf import PdfWriter
        from pypdf.generic import DecodedStreamObject, NameObject
        w = PdfWriter(clone_from=path)
        s = DecodedStreamObject()
        s.set_data(xmp.encode("utf-8"))
        s[NameObject("/Type")] = NameObject("/Metadata")
        s[NameObject("/Subtype")] = NameObject("/XML")
        w._root_object[NameObject("/Metadata")] = w._add_object(s)
        w.write(path)
    return path


LINES = [f"申請者氏名 {NAME}", f"電話 {PHONE}", "本文は残ります。福祉課が担当します。"]
GOOD_LINES = [f"申請者氏名 {MASK * 5}", f"電話 {MASK * 12}", LINES[2]]


def test_pdf(w):
    print("pdf")
    inp = reportlab_pdf(f"{w}/a.pdf", LINES, author=NAME)
    out = out_good = reportlab_pdf(f"{w}/a.redacted.pdf", GOOD_LINES)
    r = expect_ok("pdf: text and /Info gone", entry(inp, out, "pdf", [NAME, PHONE]))
    check("  every removed text was found in the input (control)", r.get("texts_not_in_input") == 0,
          str(r.get("texts_not_in_input")))
    check("  retention is 1.0", r.get("retention") == 1.0, str(r.get("retention")))
    out = reportlab_pdf(f"{w}/b.redacted.pdf", LINES, box_over=NAME)
    expect_fail("pdf: black box drawn, text kept", entry(inp, out, "pdf", [NAME, PHONE]), "text@pdftotext",
                "bytes utf-16-be@")
    out = reportlab_pdf(f"{w}/c.redacted.pdf", GOOD_LINES, author=NAME)
    expect_fail("pdf: /Info Author kept", entry(inp, out, "pdf", [NAME, PHONE]), "/Info")
    out = reportlab_pdf(f"{w}/d.redacted.pdf", GOOD_LINES, xmp=f"<x:xmpmeta><dc:creator>{NAME}</dc:creator></x:xmpmeta>")
    expect_fail("pdf: XMP kept", entry(inp, out, "pdf", [NAME, PHONE]), "XMP")
    out = reportlab_pdf(f"{w}/e.redacted.pdf", GOOD_LINES, annot=f"確認者 {NAME}")
    expect_fail("pdf: annotation /Contents kept", entry(inp, out, "pdf", [NAME, PHONE]), "text@object")
    out = reportlab_pdf(f"{w}/f.redacted.pdf", GOOD_LINES[:2])
    expect_fail("pdf: a line lost with the name", entry(inp, out, "pdf", [NAME, PHONE]), "retention")
    out = reportlab_pdf(f"{w}/g.redacted.pdf", GOOD_LINES, pages=2)
    expect_fail("pdf: page count changed", entry(inp, out, "pdf", [NAME, PHONE]), "page count changed")

    # hex form only: a private stream holding the name as a UTF-16BE hex string
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
    wr = PdfWriter(clone_from=f"{w}/a.redacted.pdf")
    s = DecodedStreamObject()
    s.set_data(b"/Private <FEFF" + "山田太郎".encode("utf-16-be").hex().upper().encode() + b">")
    wr.pages[0][NameObject("/PieceInfo")] = DictionaryObject({NameObject("/X"): wr._add_object(s)})
    wr.write(f"{w}/h.redacted.pdf")
    expect_fail("pdf: name only as a hex string in a private stream", entry(inp, f"{w}/h.redacted.pdf", "pdf",
                [NAME, PHONE]), "pdf hex")

    # an attachment that is itself a PDF: its text is in a compressed CID content stream
    from pypdf import PdfWriter as _W
    wa = _W(clone_from=f"{w}/a.redacted.pdf")
    wa.add_attachment("連絡先.pdf", open(inp, "rb").read())
    wa.write(f"{w}/k.redacted.pdf")
    expect_fail("pdf: name inside an attached PDF", entry(inp, f"{w}/k.redacted.pdf", "pdf", [NAME, PHONE]),
                "!/pdftotext")

    # control: a removed text that the checker cannot find in the input either is reported
    r = expect_ok("pdf: a text absent from the input too", entry(inp, out_good, "pdf", [NAME, PHONE, "鈴木 一郎"]))
    check("  reported as not found in the input", r.get("texts_not_in_input") == 1
          and any("proves little" in x for x in r["warnings"]), str(r.get("warnings")))

    # a damaged output
    raw = open(f"{w}/a.redacted.pdf", "rb").read()
    write(f"{w}/i.redacted.pdf", raw[: len(raw) // 2])
    expect_fail("pdf: truncated output", entry(inp, f"{w}/i.redacted.pdf", "pdf", [NAME, PHONE]))

    # the real thing: MuPDF redaction with the script Sumi ships
    swift = os.path.join(REPO, "Sources/SumiRedact/PDF/PDFRedactionScript.swift")
    if not (shutil.which("mutool") and os.path.exists(swift)):
        print("  skip  mutool redaction (mutool or PDFRedactionScript.swift missing)")
        return
    import extract_js
    js = write(f"{w}/redact.js", extract_js.extract(swift).encode("utf-8"))
    words = subprocess.run(["pdftotext", "-bbox", inp, "-"], capture_output=True, text=True, check=True).stdout
    rects = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', words):
        if m.group(5) in ("山田", "太郎", PHONE):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            h = y1 - y0
            rects.append([x0, y0 + 0.3 * h, x1, y1 - 0.3 * h])
    plan = write(f"{w}/plan.json", json.dumps({"pages": [{"page": 1, "rects": rects}],
                                                "strip_texts": [NAME, PHONE]}, ensure_ascii=False).encode())
    p = subprocess.run(["mutool", "run", js, inp, f"{w}/j.redacted.pdf", plan], capture_output=True, text=True)
    if check("mutool redaction ran", p.returncode == 0 and '"ok":true' in p.stdout, p.stdout + p.stderr[-300:]):
        expect_ok("pdf: MuPDF-redacted output", entry(inp, f"{w}/j.redacted.pdf", "pdf", [NAME, PHONE]))


def test_soffice(w):
    tools = vc.Tools()
    if not tools.soffice:
        print("  skip  LibreOffice conversion (soffice not on PATH)")
        return
    print("LibreOffice conversion")
    try:
        good = make_docx(f"{w}/lo.docx")
        check("soffice converts a sound docx", tools.soffice_convert(good) is None)
        junk = write(f"{w}/lo-junk.docx", b"PK\x03\x04 not a document")
        check("soffice conversion of a broken docx is reported", tools.soffice_convert(junk) is not None)
    finally:
        tools.close()


# ---------- the command line ----------

def test_cli(w):
    print("command line")
    src = f"申請者 {NAME}\n本文です。\n"
    a = write(f"{w}/cli-a.txt", src.encode())
    a_out = write(f"{w}/cli-a.redacted.txt", src.replace(NAME, MASK * 5).encode())
    b = write(f"{w}/cli-b.txt", src.encode())
    b_out = write(f"{w}/cli-b.redacted.txt", src.encode())
    rep = {"files": [entry(a, a_out, "txt", [NAME]), entry(b, b_out, "txt", [NAME]),
                     dict(entry(f"{w}/scan.pdf", None, "pdf", []), status="refused", exit_reason="incomplete"),
                     entry(a, None, "txt", [])],
           "summary": {}}
    rep["files"].append({"path": a, "output": a_out, "format": "txt", "status": "redacted",
                         "removed": [{"id": "x", "category": "person_name", "location": {}}], "also_removed": [],
                         "unremoved": []})
    write(f"{w}/report.json", json.dumps(rep, ensure_ascii=False).encode())
    cmd = [sys.executable, os.path.join(HERE, "verify_corpus.py"), f"{w}/report.json", "--json", f"{w}/v.json"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    lines = p.stdout.strip().splitlines()
    check("exit 1 when a file failed", p.returncode == 1, str(p.returncode))
    check("closing line '1 passed, 2 failed'", lines and lines[-1] == "1 passed, 2 failed", lines[-1:])
    check("OK line for the good file", any(re.fullmatch(rf"OK {re.escape(a)} retention=1\.00 removed=1", l)
                                           for l in lines), p.stdout)
    check("FAIL line for the leaky file", any(l.startswith(f"FAIL {b}:") for l in lines), p.stdout)
    check("refused file skipped with its reason", any("SKIP" in l and "refused" in l and "incomplete" in l
                                                      for l in lines), p.stdout)
    check("missing texts: asks for --show-text", "--show-text" in p.stdout, p.stdout)
    check("the text itself is not printed", NAME not in p.stdout, p.stdout)
    v = json.load(open(f"{w}/v.json", encoding="utf-8"))
    check("--json written with per-file results", [f.get("result") for f in v["files"]] ==
          ["ok", "fail", "skipped", "clean", "fail"] and v["summary"]["failed"] == 2, str(v["summary"]))
    check("--json holds no text without --show-text", NAME not in json.dumps(v, ensure_ascii=False))
    p = subprocess.run(cmd + ["--show-text"], capture_output=True, text=True)
    check("--show-text prints the leaking text", NAME in p.stdout, p.stdout)
    rep["files"] = rep["files"][:1]
    write(f"{w}/report-ok.json", json.dumps(rep, ensure_ascii=False).encode())
    p = subprocess.run(cmd[:2] + [f"{w}/report-ok.json"], capture_output=True, text=True)
    check("exit 0 when every file passed", p.returncode == 0 and p.stdout.strip().endswith("1 passed, 0 failed"),
          p.stdout[-200:])
    p = subprocess.run(cmd[:2] + [f"{w}/nonexistent.json"], capture_output=True, text=True)
    check("exit 2 on an unreadable report", p.returncode == 2, str(p.returncode))


def main():
    if len(sys.argv) > 1:
        work = os.path.abspath(sys.argv[1])
        os.makedirs(work, exist_ok=True)
        keep = True
    else:
        work, keep = tempfile.mkdtemp(prefix="sumi-verify-selftest-"), False
    try:
        test_detect()
        test_text(work)
        test_ooxml(work)
        test_pdf(work)
        test_soffice(work)
        test_cli(work)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
