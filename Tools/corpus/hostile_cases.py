"""Hostile regression files: one file per class of real-world failure a scanner meets.

Writes Corpus/robustness/hostile/ and its expected.json (same shape as
Corpus/robustness/expected.json: path relative to Corpus/, status, notice codes, why;
some entries add `must_find`, texts that must be among the findings, and `also_acceptable`, a
list of other {status, notices} that are honest too). Not labelled, not in truth.json. Note that
office_cases.robustness() (build.sh) empties Corpus/robustness/ first: run hostile.sh after it.

    python hostile_cases.py --corpus Corpus            # write the committed files
    python hostile_cases.py --corpus Corpus --check    # check them with independent tools
    python hostile_cases.py --big DIR [--check]        # files too big to commit (≈ 650 MB)

Classes:
- customxml-pi.docx / .xlsx   SharePoint customXml items that begin with processing
                              instructions (<?mso-contentType?>, <?mso-application …?>), with a BOM;
- shared-string-bomb.xlsx     one 1 MB shared string referenced by 20,000 cells (20 GB if expanded);
- partial-scan.pdf            a text line plus a raster form covering 70 % of the page;
- image-only.pdf              the raster form alone;
- replacement-chars.pdf       a ToUnicode CMap that maps every glyph to U+FFFD;
- bad-flate.pdf               a content stream whose second deflate block has an invalid header;
- bad-flate-garbage.pdf       16 bytes of a content stream's deflate data overwritten (garbage, no
                              inflate error from poppler);
- bad-xref-stream.pdf         objects in an object stream, the xref stream's data corrupted;
- vertical-page.pdf           tategaki drawn one character at a time, columns right to left;
- vertical-cmap.pdf           tategaki with the vertical CMap UniJIS-UCS2-V (writing mode 1);
- deep-nesting.html           100,000 nested <div>s;
- entity-expansion.docx       a billion-laughs DTD in word/document.xml;
- external-entity.docx        an external entity (file:///etc/hostname) in word/document.xml;
- bad-utf8-name.docx          an element name whose bytes are not UTF-8 in word/document.xml;
- deep-xml.xlsx               100,000 nested (Ignorable) elements in a sheet;
- zip-slip.docx               ../ and absolute entry names, and two word/document.xml entries;
- lying-sizes.xlsx            zip directory declares 4 kB for a part that inflates to 50 MB.
--big: one-line-500mb.csv, one-line-120mb.csv, many-pages.pdf (100,000 pages).

All personal data is invented (世田谷 太郎, 03-5432-1234, example.jp). Byte-identical on every
rebuild: fixed zip timestamps, seeded randomness, reportlab invariant=1, fixed PDF /ID, and the
raster form drawn with IPAex Mincho (Debian fonts-ipaexfont-mincho, installed by hostile.sh).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import warnings
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus_lib import FIXED_DT, ZIP_DT, normalize_zip  # noqa: E402

SUB = "robustness/hostile"
NAME = "世田谷 太郎"
PHONE = "03-5432-1234"
MINCHO = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"
FIXED_ID = b"sumi-hostile-pdf"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


# ------------------------------------------------------------------ zip helpers
def zip_bytes(entries: list[tuple[str, bytes]], method=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with the entries in this order (duplicates and odd names allowed), fixed
    timestamps and attributes."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of zip-slip.docx
        with zipfile.ZipFile(out, "w", method) as z:
            for name, data in entries:
                info = zipfile.ZipInfo("x", ZIP_DT)
                info.filename = name  # as is: ZipInfo() would not keep every odd name
                info.orig_filename = name
                info.compress_type = method
                info.external_attr = 0o644 << 16
                info.create_system = 3
                z.writestr(info, data)
    return out.getvalue()


def write(path: str, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)


def add_rels(xml: bytes, rels: list[tuple[str, str, str]]) -> bytes:
    new = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in rels).encode()
    return xml.replace(b"</Relationships>", new + b"</Relationships>")


def add_overrides(xml: bytes, overrides: list[tuple[str, str]]) -> bytes:
    new = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides).encode()
    return xml.replace(b"</Types>", new + b"</Types>")


def plain_docx(paragraphs: list[str], header: str | None = None) -> bytes:
    import docx
    d = docx.Document()
    d.core_properties.created = FIXED_DT
    d.core_properties.modified = FIXED_DT
    d.core_properties.author = "世田谷区"
    d.core_properties.last_modified_by = "世田谷区"
    for p in paragraphs:
        d.add_paragraph(p)
    if header:
        d.sections[0].header.paragraphs[0].text = header
    buf = io.BytesIO()
    d.save(buf)
    return _normalized(buf.getvalue())


def plain_xlsx(rows: list[list], title: str = "名簿") -> bytes:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    wb.properties.creator = "世田谷区"
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return _normalized(buf.getvalue())


def _normalized(data: bytes) -> bytes:
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"hostile-{os.getpid()}.zip")
    write(tmp, data)
    normalize_zip(tmp)
    with open(tmp, "rb") as f:
        out = f.read()
    os.remove(tmp)
    return out


# ------------------------------------------------------------------ 1. customXml with PIs
# As SharePoint writes them: the forms item (processing instruction <?mso-contentType?>, written
# by .NET with a UTF-8 byte-order mark), the document-management properties, and the content
# type schema; each with an itemProps part (ds:datastoreItem) linked from customXml/_rels.
BOM = b"\xef\xbb\xbf"
CUSTOM_ITEMS = [
    (BOM + b'<?xml version="1.0" encoding="utf-8"?><?mso-contentType?><FormTemplates '
     b'xmlns="http://schemas.microsoft.com/sharepoint/v3/contenttype/forms"><Display>DocumentLibraryForm'
     b'</Display><Edit>DocumentLibraryForm</Edit><New>DocumentLibraryForm</New></FormTemplates>',
     "{6E8B2C4A-1F3D-4B5E-9A70-3C2D1E0F0001}", "http://schemas.microsoft.com/sharepoint/v3/contenttype/forms"),
    (('<?xml version="1.0" encoding="utf-8"?><?mso-application progid="Word.Document"?>'
     '<?mso-infoPathSolution solutionVersion="1.0.0.1" productVersion="16.0.0" PIVersion="1.0.0.0" '
     'href="https://example.jp/sites/fukushi/Forms/template.xsn" name="urn:schemas-microsoft-com:office:infopath:form"?>'
     '<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties" '
     'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
     'xmlns:pc="http://schemas.microsoft.com/office/infopath/2007/PartnerControls"><documentManagement>'
     '<TaxCatchAll xmlns="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"/>'
     '<_x62c5__x5f53__x8ab2_ xmlns="5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f">高齢福祉課</_x62c5__x5f53__x8ab2_>'
     '</documentManagement></p:properties>').encode(),
     "{6E8B2C4A-1F3D-4B5E-9A70-3C2D1E0F0002}", "http://schemas.microsoft.com/office/2006/metadata/properties"),
    (BOM + b'<?mso-contentType?><ct:contentTypeSchema ct:_="" ma:_="" ma:contentTypeName="Document" '
     b'ma:contentTypeID="0x010100A1B2C3D4E5F60718293A4B5C6D7E8F90" ma:contentTypeVersion="4" '
     b'xmlns:ct="http://schemas.microsoft.com/office/2006/metadata/contentType" '
     b'xmlns:ma="http://schemas.microsoft.com/office/2006/metadata/properties/metaAttributes">'
     b'<xsd:schema targetNamespace="http://schemas.microsoft.com/office/2006/metadata/properties" '
     b'ma:root="true" ma:fieldsID="0123456789abcdef0123456789abcdef" ns2:_="" '
     b'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
     b'xmlns:ns2="5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f"><xsd:element name="properties"/></xsd:schema>'
     b'</ct:contentTypeSchema>',
     "{6E8B2C4A-1F3D-4B5E-9A70-3C2D1E0F0003}", "http://schemas.microsoft.com/office/2006/metadata/contentType"),
]


def _custom_xml_parts(owner_dir_prefix: str) -> tuple[list[tuple[str, bytes]], list, list]:
    parts, rels, overrides = [], [], []
    for n, (item, item_id, schema) in enumerate(CUSTOM_ITEMS, 1):
        props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n'
                 f'<ds:datastoreItem ds:itemID="{item_id}" '
                 'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
                 f'<ds:schemaRefs><ds:schemaRef ds:uri="{schema}"/></ds:schemaRefs></ds:datastoreItem>').encode()
        item_rels = (XML_DECL + f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
                     f'Type="{REL_NS}/customXmlProps" Target="itemProps{n}.xml"/></Relationships>').encode()
        parts += [(f"customXml/item{n}.xml", item), (f"customXml/itemProps{n}.xml", props),
                  (f"customXml/_rels/item{n}.xml.rels", item_rels)]
        rels.append((f"rIdCx{n}", f"{REL_NS}/customXml", f"{owner_dir_prefix}customXml/item{n}.xml"))
        overrides.append((f"/customXml/itemProps{n}.xml",
                          "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"))
    return parts, rels, overrides


def with_custom_xml(package: bytes, owner_rels: str) -> bytes:
    # python-docx's template already has a customXml/item1.xml: replace, never duplicate.
    entries = [(n, d) for n, d in read_zip_bytes(package) if not n.startswith("customXml/")]
    parts, rels, overrides = _custom_xml_parts("../")
    out = []
    for name, data in entries:
        if name == owner_rels:
            data = add_rels(data, rels)
        elif name == "[Content_Types].xml":
            data = add_overrides(data, overrides)
        out.append((name, data))
    return zip_bytes(out + parts)


def read_zip_bytes(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def customxml_docx() -> bytes:
    base = plain_docx(["介護保険サービス利用申込書（写し）", f"申込者氏名：{NAME}", f"連絡先電話番号：{PHONE}",
                       "上記のとおり申し込みます。"])
    return with_custom_xml(base, "word/_rels/document.xml.rels")


def customxml_xlsx() -> bytes:
    base = plain_xlsx([["氏名", "電話番号", "担当"], [NAME, PHONE, "高齢福祉課"]])
    return with_custom_xml(base, "xl/_rels/workbook.xml.rels")


# ------------------------------------------------------------------ 2. shared-string bomb
XLSX_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
           '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
           '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
           '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
           '</Types>')
XLSX_RELS = (XML_DECL + f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
             f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
XLSX_WB = (XML_DECL + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>'
           '<sheet name="一覧" sheetId="1" r:id="rId1"/></sheets></workbook>')
XLSX_WB_RELS = (XML_DECL + f'<Relationships xmlns="{PKG_REL_NS}">'
                f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
                f'<Relationship Id="rId2" Type="{REL_NS}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rId3" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
                '</Relationships>')
XLSX_STYLES = (XML_DECL + f'<styleSheet xmlns="{MAIN_NS}"><fonts count="1"><font><sz val="11"/>'
               '<name val="游ゴシック"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
               '<fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
               '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
               'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
               'borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/>'
               '</cellStyles></styleSheet>')


def col_name(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def filler_text(rng: random.Random, n_bytes: int) -> str:
    """Japanese administrative prose without personal data, seeded: 240 random sentences
    picked at random until n_bytes; deflate gets about 15:1 (well under a zip-bomb ratio)."""
    words = ["地域", "見守り", "事業", "実施", "状況", "報告", "協力員", "研修", "高齢者", "支援", "福祉", "計画",
             "令和7年度", "予算", "説明会", "開催", "参加", "相談", "窓口", "連携", "推進", "体制", "整備", "充実"]
    joins = ["の", "を", "に", "と", "について", "、", "。"]
    pool = ["".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randrange(4, 9))) for _ in range(240)]
    out, size = [], 0
    while size < n_bytes:
        s = rng.choice(pool)
        out.append(s)
        size += len(s.encode())
    return "".join(out)


def shared_string_bomb() -> bytes:
    rng = random.Random(7)
    text = filler_text(rng, 1 << 20)
    sst = (XML_DECL + f'<sst xmlns="{MAIN_NS}" count="20000" uniqueCount="1"><si><t>{text}</t></si></sst>').encode()
    rows = []
    for r in range(1, 201):
        cells = "".join(f'<c r="{col_name(c)}{r}" t="s"><v>0</v></c>' for c in range(100))
        rows.append(f'<row r="{r}" spans="1:100">{cells}</row>')
    sheet = (XML_DECL + f'<worksheet xmlns="{MAIN_NS}"><dimension ref="A1:CV200"/><sheetData>'
             + "".join(rows) + '</sheetData></worksheet>').encode()
    return zip_bytes([("[Content_Types].xml", XLSX_CT.encode()), ("_rels/.rels", XLSX_RELS.encode()),
                      ("xl/workbook.xml", XLSX_WB.encode()), ("xl/_rels/workbook.xml.rels", XLSX_WB_RELS.encode()),
                      ("xl/styles.xml", XLSX_STYLES.encode()), ("xl/sharedStrings.xml", sst),
                      ("xl/worksheets/sheet1.xml", sheet)])


# ------------------------------------------------------------------ 3. scanned form
def scanned_form():
    """A grey, slightly skewed, speckled picture of a filled-in application form (JPEG)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    rng = random.Random(11)
    w, h = 1240, 1520
    img = Image.new("L", (w, h), 246)
    g = ImageDraw.Draw(img)
    big = ImageFont.truetype(MINCHO, 54)
    font = ImageFont.truetype(MINCHO, 40)
    hand = ImageFont.truetype(MINCHO, 46)
    g.text((w // 2, 90), "住民票の写し等交付申請書", font=big, fill=20, anchor="mm")
    g.text((w - 90, 170), "令和7年4月1日", font=font, fill=30, anchor="rm")
    fields = [("氏名", NAME), ("フリガナ", "セタガヤ タロウ"), ("生年月日", "昭和45年6月15日"),
              ("住所", "東京都世田谷区世田谷4-21-27"), ("電話番号", PHONE), ("メール", "taro.setagaya@example.jp"),
              ("使用目的", "年金の手続きのため"), ("必要な通数", "2通")]
    top, row_h, left, mid, right = 240, 130, 70, 330, w - 70
    for i, (label, value) in enumerate(fields):
        y = top + i * row_h
        g.rectangle((left, y, right, y + row_h), outline=40, width=3)
        g.line((mid, y, mid, y + row_h), fill=40, width=3)
        g.text((left + 24, y + row_h // 2), label, font=font, fill=30, anchor="lm")
        g.text((mid + 30 + rng.randrange(12), y + row_h // 2 + rng.randrange(-6, 7)), value, font=hand,
               fill=15 + rng.randrange(25), anchor="lm")
    g.text((left, top + len(fields) * row_h + 60), "※ 本人確認書類を提示してください。", font=font, fill=40)
    g.ellipse((w - 260, h - 250, w - 110, h - 100), outline=90, width=6)  # a red stamp, in grey
    g.text((w - 185, h - 175), "受付", font=font, fill=90, anchor="mm")
    for _ in range(2500):  # dust and toner specks
        x, y = rng.randrange(w), rng.randrange(h)
        g.point((x, y), fill=rng.randrange(60, 200))
    img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=246).filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=60, optimize=False, progressive=False)
    return buf.getvalue(), (w, h)


def _canvas(buf):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    if "HeiseiMin-W3" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    return canvas.Canvas(buf, invariant=1, pageCompression=1)


def scan_pdf(with_text: bool) -> bytes:
    from reportlab.lib.utils import ImageReader
    jpeg, (w, h) = scanned_form()
    W, H = 595.2756, 841.8898
    iw = W - 60
    ih = iw * h / w  # 535 x 656 pt: 70 % of the page
    buf = io.BytesIO()
    c = _canvas(buf)
    if with_text:
        c.setFont("HeiseiMin-W3", 12)
        c.drawString(40, H - 50, "資料1")
    c.drawImage(ImageReader(io.BytesIO(jpeg)), 30, H - 80 - ih, width=iw, height=ih)
    c.showPage()
    c.save()
    return buf.getvalue()


# ------------------------------------------------------------------ 4. U+FFFD ToUnicode
def replacement_chars() -> bytes:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if "IPAexMincho" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAexMincho", MINCHO))
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("IPAexMincho", 14)
    lines = ["介護保険 要介護認定申請書", f"被保険者氏名 {NAME}", f"電話番号 {PHONE}",
             "住所 東京都世田谷区世田谷4-21-27", "生年月日 昭和45年6月15日", "主治医 世田谷中央病院 内科"]
    for i, line in enumerate(lines):
        c.drawString(72, 760 - 28 * i, line)
    c.showPage()
    c.save()
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    patched = 0
    for page in w.pages:
        for _, font in page["/Resources"]["/Font"].items():
            tu = font.get_object().get("/ToUnicode")
            if tu is None:
                continue
            s = tu.get_object()
            head, body = s.get_data().decode("latin-1").split("beginbfchar", 1)
            # Every destination becomes U+FFFD except the space, as some PDF makers write it.
            body = re.sub(r"(<[0-9A-Fa-f]{2}>\s*)(<[0-9A-Fa-f]{4}>)",
                          lambda m: m.group(0) if m.group(2) in ("<0020>", "<0000>") else m.group(1) + "<FFFD>", body)
            s.set_data((head + "beginbfchar" + body).encode("latin-1"))
            patched += 1
    assert patched, "no ToUnicode found"
    return _pypdf_bytes(w)


def _pypdf_bytes(w) -> bytes:
    from pypdf.generic import ArrayObject, ByteStringObject
    w._ID = ArrayObject([ByteStringObject(FIXED_ID), ByteStringObject(FIXED_ID)])
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


# ------------------------------------------------------------------ hand-written PDFs
HEISEI = (b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /UniJIS-UCS2-H "
          b"/DescendantFonts [ << /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3 "
          b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /DW 1000 /W [ 1 95 500 ] "
          b"/FontDescriptor << /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6 "
          b"/FontBBox [ -123 -257 1001 910 ] /ItalicAngle 0 /Ascent 723 /Descent -241 /CapHeight 709 /StemV 69 >> >> ] >>")
PAGE_RES = b"/MediaBox [ 0 0 595 842 ] /Resources << /Font << /F1 4 0 R >> >>"


def text_ops(lines: list[str], y: int = 780, size: int = 11, lead: int = 18) -> bytes:
    out = [b"BT", b"/F1 %d Tf" % size]
    for i, s in enumerate(lines):
        out.append(b"1 0 0 1 60 %d Tm <%s> Tj" % (y - i * lead, s.encode("utf-16-be").hex().upper().encode()))
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


def classic_pdf(objs: list[bytes], root: int = 1) -> bytes:
    """Objects numbered 1..n in order, a classic xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += (b"trailer\n<< /Size %d /Root %d 0 R /ID [ <%s> <%s> ] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, root, FIXED_ID.hex().encode(), FIXED_ID.hex().encode(), x))
    return bytes(out)


def stream_obj(data: bytes, flate: bool = True) -> bytes:
    return (b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if flate else b"")
            + data + b"\nendstream")


def one_page(content_stream: bytes) -> bytes:
    return classic_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
                        b"<< /Type /Page /Parent 2 0 R " + PAGE_RES + b" /Contents 5 0 R >>", HEISEI, content_stream])


REPORT = [f"{i}. 地域見守り事業の実施状況について報告します。" for i in range(1, 16)]
TAIL = [f"申請者 {NAME}", f"電話 {PHONE}", "メール taro.setagaya@example.jp"] + \
       [f"{i}. 協力員の研修を年2回実施した。" for i in range(16, 26)]


def bad_flate() -> bytes:
    """Two deflate blocks (a full flush between them); the second block's header says
    BTYPE=3 (reserved). poppler: 'Bad block header in flate stream', text of block 1 only."""
    co = zlib.compressobj(9)
    z = co.compress(text_ops(REPORT)) + co.flush(zlib.Z_FULL_FLUSH)
    at = len(z)
    assert z[-4:] == b"\x00\x00\xff\xff"
    z = bytearray(z + co.compress(text_ops(TAIL, y=780 - 15 * 18)) + co.flush())
    z[at] = (z[at] & ~0x07) | 0x06
    return one_page(stream_obj(bytes(z)))


def bad_flate_garbage() -> bytes:
    """16 bytes in the middle of the deflate data overwritten with zeros: poppler inflates
    garbage after them (content-stream syntax errors, no inflate error)."""
    z = zlib.compress(text_ops(REPORT + TAIL), 9)
    at = len(z) * 2 // 5
    z = z[:at] + b"\x00" * 16 + z[at + 16:]
    return one_page(stream_obj(z))


def bad_xref_stream() -> bytes:
    """PDF 1.5: catalog, pages, page and font in an object stream, the content stream
    outside it, and an xref stream whose deflate data is inverted in the middle."""
    content = text_ops(["個人情報の取扱いについて", f"申請者 {NAME}", f"電話 {PHONE}"])
    inner = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
             3: b"<< /Type /Page /Parent 2 0 R " + PAGE_RES + b" /Contents 5 0 R >>", 4: HEISEI}
    hdr, body = b"", b""
    for n, b in inner.items():
        hdr += b"%d %d " % (n, len(body))
        body += b + b"\n"
    objstm = zlib.compress(hdr + body, 9)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    o5 = len(out)
    out += b"5 0 obj\n" + stream_obj(zlib.compress(content, 9)) + b"\nendobj\n"
    o6 = len(out)
    out += (b"6 0 obj\n<< /Type /ObjStm /N 4 /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
            % (len(hdr), len(objstm)) + objstm + b"\nendstream\nendobj\n")
    o7 = len(out)
    rows = [(0, 0, 65535)] + [(2, 6, i) for i in range(4)] + [(1, o5, 0), (1, o6, 0), (1, o7, 0)]
    xz = zlib.compress(b"".join(bytes([t]) + f.to_bytes(4, "big") + g.to_bytes(2, "big") for t, f, g in rows), 9)
    xz = xz[:4] + bytes(b ^ 0x5A for b in xz[4:-4]) + xz[-4:]
    out += (b"7 0 obj\n<< /Type /XRef /Size 8 /W [ 1 4 2 ] /Root 1 0 R /ID [ <%s> <%s> ] /Length %d "
            b"/Filter /FlateDecode >>\nstream\n" % (FIXED_ID.hex().encode(), FIXED_ID.hex().encode(), len(xz))
            + xz + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % o7
    return bytes(out)


# ------------------------------------------------------------------ 6. tategaki
def vertical_chars() -> bytes:
    """Columns right to left, one character below the other (as some exporters draw
    tategaki): full-width digits upright, the full-width hyphen turned 90°, a mobile number in
    half-width digits set sideways (rotated 90° clockwise), as Word does in vertical text."""
    buf = io.BytesIO()
    c = _canvas(buf)
    size, step = 16, 17.6

    def column(x: float, y: float, s: str, turn: str = "－ー") -> None:
        for ch in s:
            if ch in turn:
                c.saveState()
                c.translate(x + size / 2, y + size * 0.35)
                c.rotate(-90)
                c.setFont("HeiseiMin-W3", size)
                c.drawCentredString(0, -size * 0.35, ch)
                c.restoreState()
            elif ch != "　":
                c.setFont("HeiseiMin-W3", size)
                c.drawString(x, y, ch)
            y -= step

    def sideways(x: float, y: float, s: str) -> None:
        c.saveState()
        c.translate(x + size * 0.2, y + size)
        c.rotate(-90)
        c.setFont("HeiseiMin-W3", size)
        c.drawString(0, 0, s)
        c.restoreState()

    cols = ["地域見守り協力員の登録について", "下記のとおり登録します。", "氏名　" + NAME.replace(" ", "　"),
            "電話　" + "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else "－" for ch in PHONE),
            "携帯"]
    x = 520
    for s in cols:
        column(x, 780, s)
        x -= 34
    sideways(x + 34, 780 - 2 * step - 4, "090-1234-5678")
    column(x, 780, "令和七年四月一日　世田谷区高齢福祉課")
    c.showPage()
    c.save()
    return buf.getvalue()


def vertical_cmap() -> bytes:
    """The same columns with the vertical CMap (UniJIS-UCS2-V, writing mode 1): one string
    per column, as Word and InDesign write vertical text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    font = UnicodeCIDFont("HeiseiMin-W3", isVertical=True)
    font.name = "HeiseiMin-W3-V"  # its own name, so the horizontal font stays registered
    font.fontName = "HeiseiMin-W3-V"
    pdfmetrics.registerFont(font)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, pageCompression=1)
    c.setFont("HeiseiMin-W3-V", 16)
    cols = ["地域見守り協力員の登録について", "下記のとおり登録します。", "氏名　" + NAME.replace(" ", "　"),
            "電話　" + "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else "－" for ch in PHONE),
            "令和七年四月一日　世田谷区高齢福祉課"]
    x = 520
    for s in cols:
        c.drawString(x, 780, s)
        x -= 34
    c.showPage()
    c.save()
    return buf.getvalue()


# ------------------------------------------------------------------ 7. markup attacks
DEPTH = 100_000


def deep_html() -> bytes:
    head = ('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>地域見守り事業 報告</title>'
            '</head><body><h1>地域見守り事業 報告</h1>\n')
    inner = f"<p>申請者：{NAME}（電話 {PHONE}）</p>"
    return (head + "<div>" * DEPTH + inner + "</div>" * DEPTH + "\n</body></html>\n").encode()


LAUGHS = ('<!DOCTYPE w:document [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                    for i in range(1, 10)) + "]>\n")


def _with_doctype(doc_xml: bytes, doctype: str, reference: str) -> bytes:
    s = doc_xml.decode()
    decl_end = s.index("?>") + 2
    s = s[:decl_end] + "\n" + doctype + s[decl_end:].lstrip("\r\n")
    para = f'<w:p><w:r><w:t>{reference}</w:t></w:r></w:p>'
    s = s.replace("<w:sectPr", para + "<w:sectPr", 1)
    return s.encode()


def entity_docx(doctype: str, reference: str) -> bytes:
    base = plain_docx([f"申請者：{NAME}", "下記の内容で受け付けました。"], header=f"連絡先 {PHONE}")
    out = [(n, _with_doctype(d, doctype, reference) if n == "word/document.xml" else d)
           for n, d in read_zip_bytes(base)]
    return zip_bytes(out)


def bad_utf8_name() -> bytes:
    """An element name in word/document.xml with bytes that are not UTF-8 (a byte-flipped
    file); the header, another part, has a phone number."""
    base = plain_docx([f"申請者：{NAME}", "下記の内容で受け付けました。"], header=f"連絡先 {PHONE}")
    out = [(n, d.replace(b"<w:body>", b"<w:body><w:De\xff\xfe\xfdt/>", 1) if n == "word/document.xml" else d)
           for n, d in read_zip_bytes(base)]
    return zip_bytes(out)


def deep_xlsx() -> bytes:
    base = plain_xlsx([["氏名", "電話番号"], [NAME, PHONE]])
    out = []
    for n, d in read_zip_bytes(base):
        if n == "xl/worksheets/sheet1.xml":
            s = d.decode()
            # Elements of an Ignorable namespace (ECMA-376 Part 3) that a consumer must skip,
            # nested DEPTH deep between the header row and the data row.
            s = s.replace("<worksheet ", '<worksheet xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                          'xmlns:sx="urn:example:sumi-hostile" mc:Ignorable="sx" ', 1)
            # Short unprefixed names in that namespace keep the part under 1 MB (700 kB), so a
            # zip-bomb ratio check (which spares small parts) does not hide the nesting.
            nest = '<n xmlns="urn:example:sumi-hostile">' + "<n>" * (DEPTH - 1) + "</n>" * DEPTH
            s = s.replace('</row><row r="2"', "</row>" + nest + '<row r="2"', 1)
            assert nest in s
            d = s.encode()
        out.append((n, d))
    return zip_bytes(out)


def zip_slip() -> bytes:
    """The real document body (an innocent one) is the last word/document.xml in the zip
    directory, which last-wins readers (Python's zipfile, a dictionary by name) see; the
    first one holds a name and is seen by first-wins and streaming readers."""
    base = read_zip_bytes(plain_docx(["会議資料（配布用）", "本日の議題は3件です。"]))
    hidden = dict(base)["word/document.xml"].replace(
        "会議資料（配布用）".encode(), f"会議資料（内部用） 担当 {NAME} 電話 {PHONE}".encode())
    evil = (XML_DECL + "<evil>このファイルは展開先の外に書かれます。</evil>").encode()
    out = []
    for n, d in base:
        if n == "word/document.xml":
            out.append((n, hidden))  # first copy, the hidden one
        out.append((n, d))
    out += [("../../evil.xml", evil), ("/tmp/sumi-evil.xml", evil), ("..\\..\\evil-windows.xml", evil),
            ("word/../../evil-inner.xml", evil)]
    return zip_bytes(out)


def lying_sizes() -> bytes:
    """Sheet 2 inflates to 50 MB of blanks; its local header and the central directory say
    4,096 bytes (the CRC is that of the real 50 MB)."""
    base = read_zip_bytes(plain_xlsx([["事業名", "担当課"], ["地域見守り", "高齢福祉課"]], title="事業一覧"))
    padded = (XML_DECL + f'<worksheet xmlns="{MAIN_NS}"><sheetData/>' + " " * (50 << 20) + "</worksheet>").encode()
    out = []
    for n, d in base:
        if n == "xl/workbook.xml":
            d = d.replace(b"</sheets>", f'<sheet xmlns:r="{REL_NS}" name="データ" sheetId="2" r:id="rIdLie"/></sheets>'.encode())
        elif n == "xl/_rels/workbook.xml.rels":
            d = add_rels(d, [("rIdLie", f"{REL_NS}/worksheet", "worksheets/sheet2.xml")])
        elif n == "[Content_Types].xml":
            d = add_overrides(d, [("/xl/worksheets/sheet2.xml",
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")])
        out.append((n, d))
    out.append(("xl/worksheets/sheet2.xml", padded))
    data = bytearray(zip_bytes(out))
    target = b"xl/worksheets/sheet2.xml"
    # Local file header: signature PK\3\4, uncompressed size at +22, name at +30;
    # central directory header: PK\1\2, uncompressed size at +24, name at +46.
    pos = 0
    while True:
        pos = data.index(b"PK\x03\x04", pos)
        nlen = struct.unpack_from("<H", data, pos + 26)[0]
        if bytes(data[pos + 30:pos + 30 + nlen]) == target:
            struct.pack_into("<I", data, pos + 22, 4096)
            break
        pos += 4
    pos = 0
    while True:
        pos = data.index(b"PK\x01\x02", pos)
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + nlen]) == target:
            struct.pack_into("<I", data, pos + 24, 4096)
            break
        pos += 4
    return bytes(data)


# ------------------------------------------------------------------ 8. big (not committed)
def one_line_csv(path: str, size: int) -> None:
    """A CSV with no line break before its end: `size` bytes of fields, the personal data in
    the very last fields (a reader that gives up early must say so)."""
    field = "地域見守り事業の実施状況,".encode()
    chunk = field * ((1 << 20) // len(field))
    tail = f"{NAME},{PHONE},taro.setagaya@example.jp\n".encode()
    with open(path, "wb") as f:
        f.write("事業名,".encode())
        left = size - len("事業名,".encode()) - len(tail)
        while left >= len(chunk):
            f.write(chunk)
            left -= len(chunk)
        f.write(field * (left // len(field)))
        f.write(b" " * (left % len(field)))
        f.write(tail)


def many_pages(path: str, pages: int = 100_000) -> None:
    """One flat /Kids array of `pages` pages sharing one content stream; the last page has
    its own content with a name and a phone number."""
    shared = zlib.compress(text_ops(["地域見守り事業 資料"]), 9)
    last = zlib.compress(text_ops(["地域見守り事業 資料", f"連絡先 {NAME} {PHONE}"]), 9)
    first_page = 7
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages " + PAGE_RES + b" /Count %d /Kids [ " % pages + kids + b" ] >>",
            b"<< /Producer (hostile_cases.py) >>", HEISEI, stream_obj(shared), stream_obj(last)]
    offs = []
    with open(path, "wb") as f:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        n = 0

        def put(body: bytes) -> None:
            nonlocal n
            n += 1
            offs.append(len(out))
            out.extend(b"%d 0 obj\n" % n + body + b"\nendobj\n")

        for body in objs:  # objects 1-6; the pages are 7 …
            put(body)
        for i in range(pages):
            contents = 6 if i == pages - 1 else 5
            put(b"<< /Type /Page /Parent 2 0 R /Contents %d 0 R >>" % contents)
        x = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (n + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offs)
        out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R /ID [ <%s> <%s> ] >>\nstartxref\n%d\n%%%%EOF\n"
                % (n + 1, FIXED_ID.hex().encode(), FIXED_ID.hex().encode(), x))
        f.write(out)


# ------------------------------------------------------------------ build
def build(corpus: str) -> list[dict]:
    base = os.path.join(corpus, SUB)
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    expected: list[dict] = []

    must: dict[str, list[str]] = {
        "customxml-pi.docx": [NAME, PHONE], "customxml-pi.xlsx": [NAME, PHONE],
        "vertical-page.pdf": [NAME], "vertical-cmap.pdf": [NAME],
        "deep-nesting.html": [NAME, PHONE], "entity-expansion.docx": [PHONE], "external-entity.docx": [PHONE],
        "bad-utf8-name.docx": [PHONE], "deep-xml.xlsx": [NAME, PHONE], "zip-slip.docx": [NAME],
    }

    def put(name: str, data: bytes, status: str, notices: list[str], why: str,
            also: list[tuple[str, list[str]]] | None = None) -> None:
        write(os.path.join(base, name), data)
        e = {"path": f"{SUB}/{name}", "status": status, "notices": notices, "why": why}
        if name in must:
            e["must_find"] = must[name]
        if also:
            e["also_acceptable"] = [{"status": s, "notices": n} for s, n in also]
        expected.append(e)

    put("customxml-pi.docx", customxml_docx(), "findings", [],
        "SharePoint customXml items begin with processing instructions (<?mso-contentType?> after a BOM and "
        "an XML declaration, and without one; a processing instruction with no data is what Foundation's "
        "XMLParser on Linux dies on), <?mso-application …?> and <?mso-infoPathSolution …?>; they are well-formed XML, "
        f"so the body ({NAME}, {PHONE}) is read and nothing is unreadable")
    put("customxml-pi.xlsx", customxml_xlsx(), "findings", [],
        "the same SharePoint customXml items in a workbook (linked from xl/_rels/workbook.xml.rels); "
        f"the cells {NAME} / {PHONE} are read")
    put("shared-string-bomb.xlsx", shared_string_bomb(), "incomplete", ["size_limit"],
        "one 1 MB shared string referenced by all 20,000 cells of a 200×100 sheet: 20 GB of text if every "
        "cell is expanded. Must not expand it; size_limit (or time_limit) is acceptable. Ideal: scan each "
        "distinct string once and report it once per string (then clean, no notice: the text holds no "
        "personal data)",
        also=[("incomplete", ["time_limit"]), ("clean", [])])
    put("partial-scan.pdf", scan_pdf(True), "incomplete", ["image_region"],
        "a page with one line of text (資料1) and a scanned form (JPEG, 70 % of the page) with a name, address "
        "and phone drawn in pixels; the page has text, so it is not image-only, but most of it was not read. "
        "image_region is a new code (a picture covering most of a page whose text was not read)",
        also=[("incomplete", ["image_only_page"]), ("findings", ["ocr_text"])])
    put("image-only.pdf", scan_pdf(False), "incomplete", ["image_only_page"],
        "the same scanned form alone: a page with no text layer (with OCR: findings, notice ocr_text)",
        also=[("findings", ["ocr_text"])])
    put("replacement-chars.pdf", replacement_chars(), "incomplete", ["unmapped_glyphs"],
        "an embedded TrueType subset whose ToUnicode CMap maps every glyph but the space to U+FFFD: "
        "pdftotext prints only U+FFFD (the page shows a name, phone and address)")
    put("bad-flate.pdf", bad_flate(), "incomplete", ["unreadable_part"],
        "the content stream's second deflate block has a reserved block type (length kept): poppler says "
        "'Bad block header in flate stream' and gives only the first 15 lines; the name and phone after them "
        "are lost",
        also=[("incomplete", ["read_error"])])
    put("bad-flate-garbage.pdf", bad_flate_garbage(), "incomplete", ["unreadable_part"],
        "16 zero bytes in the middle of the content stream's deflate data: poppler inflates garbage after "
        "them without an inflate error (stderr: 'Syntax Error … Illegal character …', 'Unknown operator'); "
        "the name after the damage is lost",
        also=[("incomplete", ["read_error"])])
    put("bad-xref-stream.pdf", bad_xref_stream(), "error", ["read_error"],
        "PDF 1.5 with the page objects in an object stream and a corrupted xref stream: poppler cannot "
        "reconstruct it ('Couldn't find trailer dictionary', 'Couldn't read xref table') and reads nothing. "
        f"MuPDF repairs it and reads {NAME}: findings would be better still",
        also=[("incomplete", ["read_error"]), ("findings", [])])
    put("vertical-page.pdf", vertical_chars(), "findings", [],
        "tategaki drawn one character at a time, columns right to left. pdftotext (default and -layout) reads "
        "across the columns as rows ('携 電 氏 下 地', '帯 話 名 記 域' …): the name 世田谷 太郎 and "
        "０３－５４３２－１２３４ come out one character per line, mixed with the other columns; pdftotext "
        "-raw gives one character per line in column order. Expected: findings with the name (and the "
        "phone numbers); never clean")
    put("vertical-cmap.pdf", vertical_cmap(), "findings", [],
        "the same columns written with the vertical CMap UniJIS-UCS2-V (one Tj per column). pdftotext reads "
        "each column as a line but splits a column at its full-width spaces and orders the pieces oddly: "
        "'世田谷', '太郎', '氏名' on separate lines, then '０３−５４３２−１２３４' without its label 電話; the "
        "full stop comes out as the vertical presentation form U+FE12 '︒'. Expected: findings with the name "
        "and phone; never clean")
    put("deep-nesting.html", deep_html(), "findings", [],
        f"100,000 nested <div>s around one paragraph with {NAME} and {PHONE}: a recursive reader overflows "
        "its stack. Ideal: read the paragraph; a reader with a depth limit must say unreadable_part",
        also=[("incomplete", ["unreadable_part"])])
    put("entity-expansion.docx", entity_docx(LAUGHS, "&lol9;"), "findings", ["unreadable_part"],
        "word/document.xml declares a billion-laughs DTD (lol1…lol9, 10⁹ × 'lol' = 3 GB) and uses &lol9;. "
        "Entities must not be expanded: the DTD part is reported unreadable_part; the phone in the header "
        f"(and ideally the body's {NAME}, read without the entity) are findings",
        also=[("findings", [])])
    put("external-entity.docx",
        entity_docx('<!DOCTYPE w:document [\n<!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n', "&xxe;"),
        "findings", ["unreadable_part"],
        "word/document.xml declares an external entity (file:///etc/hostname) and uses it: it must not be "
        "resolved (nothing of the scanning machine may reach the report); the header's phone is a finding",
        also=[("findings", [])])
    put("bad-utf8-name.docx", bad_utf8_name(), "findings", ["unreadable_part"],
        "an element name in word/document.xml holds the bytes FF FE FD (not UTF-8, not well-formed): the part "
        f"is unreadable_part (what came before it may be read); the header's {PHONE} is a finding; never a crash")
    put("deep-xml.xlsx", deep_xlsx(), "findings", [],
        "sheet1.xml (700 kB, under the 1 MB below which a ratio check should not judge) has 100,000 nested "
        "elements of an mc:Ignorable namespace between row 1 (氏名, 電話番号) "
        f"and row 2 ({NAME}, {PHONE}). Ideal: skip them and read row 2; a reader with a depth limit must "
        "say unreadable_part for the sheet; never a stack overflow",
        also=[("incomplete", ["unreadable_part"]), ("findings", ["unreadable_part"])])
    put("zip-slip.docx", zip_slip(), "findings", [],
        "entries named ../../evil.xml, /tmp/sumi-evil.xml, ..\\..\\evil-windows.xml and word/../../evil-inner.xml "
        "(never written anywhere, never followed), and two word/document.xml entries: the first (seen by "
        f"first-wins and streaming zip readers) holds {NAME} and {PHONE}, the last (seen by last-wins readers "
        "such as Python's zipfile) is innocent. Ideal: read every copy (findings); at least say the package "
        "is ambiguous",
        also=[("incomplete", ["unreadable_part"]), ("findings", ["unreadable_part"])])
    put("lying-sizes.xlsx", lying_sizes(), "incomplete", ["size_limit"],
        "xl/worksheets/sheet2.xml is declared 4,096 bytes (local header and central directory) but "
        "inflates to 50 MB of blanks (about 1000:1): the bytes actually inflated must count, not the declared "
        "size",
        also=[("incomplete", ["unreadable_part"])])

    with open(os.path.join(base, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump({"description": "Expected scan outcome of each hostile regression file. Generated by "
                                  "Tools/corpus/hostile_cases.py (bash Tools/corpus/hostile.sh); do not edit by "
                                  "hand. must_find: texts that must be among the findings (compare without white space: "
                                  "tategaki may lose the space). also_acceptable: other outcomes that are honest "
                                  "but not ideal.",
                   "files": expected}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return expected


def build_big(d: str) -> None:
    os.makedirs(d, exist_ok=True)
    one_line_csv(os.path.join(d, "one-line-500mb.csv"), 500 << 20)
    one_line_csv(os.path.join(d, "one-line-120mb.csv"), 120 << 20)
    many_pages(os.path.join(d, "many-pages.pdf"))
    files = [
        {"path": "one-line-500mb.csv", "status": "findings", "notices": [], "must_find": [NAME, PHONE],
         "why": "a 500 MB CSV with no line break; the name and phone are the last fields. Ideal: stream it; "
                "a reader that stops early must say size_limit or time_limit",
         "also_acceptable": [{"status": "incomplete", "notices": ["size_limit"]},
                             {"status": "incomplete", "notices": ["time_limit"]}]},
        {"path": "one-line-120mb.csv", "status": "findings", "notices": [], "must_find": [NAME, PHONE],
         "why": "the same, 120 MB", "also_acceptable": [{"status": "incomplete", "notices": ["size_limit"]},
                                                         {"status": "incomplete", "notices": ["time_limit"]}]},
        {"path": "many-pages.pdf", "status": "findings", "notices": [], "must_find": [NAME],
         "why": "100,000 pages in one flat /Kids array sharing one content stream; the last page alone names "
                f"{NAME} ({PHONE})", "also_acceptable": [{"status": "incomplete", "notices": ["time_limit"]}]},
    ]
    with open(os.path.join(d, "expected-big.json"), "w", encoding="utf-8") as fh:
        json.dump({"description": "Big hostile files (not committed): hostile_cases.py --big DIR. "
                                  "Paths are relative to DIR.", "files": files}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


# ------------------------------------------------------------------ independent checks
def _run(*cmd: str, timeout: int = 120) -> tuple[int, str, str]:
    p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(corpus: str) -> int:
    base = os.path.join(corpus, SUB)
    p = lambda n: os.path.join(base, n)  # noqa: E731
    results: list[tuple[str, bool, str]] = []

    def ok(name: str, cond: bool, what: str) -> None:
        results.append((name, bool(cond), what))

    import docx
    import openpyxl

    text = "\n".join(par.text for par in docx.Document(p("customxml-pi.docx")).paragraphs)
    ok("customxml-pi.docx", NAME in text, f"python-docx opens it; body has {NAME}: {NAME in text}")
    try:
        d = docx.Document(p("entity-expansion.docx"))
        text = "".join(x.text for x in d.paragraphs)
        ok("entity-expansion.docx", "lollol" not in text, f"python-docx opens it without expanding &lol9;: {text[:40]!r}")
    except Exception as e:  # noqa: BLE001 - lxml/libxml2 refusing the DTD is the other good outcome
        ok("entity-expansion.docx", "amplification" in str(e) or "entit" in str(e).lower(),
           f"python-docx (lxml) refuses word/document.xml: {type(e).__name__}: {str(e)[:70]}")
    host = open("/etc/hostname").read().strip() if os.path.exists("/etc/hostname") else "\0"
    try:
        text = "\n".join(x.text for x in docx.Document(p("external-entity.docx")).paragraphs)
        ok("external-entity.docx", host not in text,
           f"python-docx opens it, entity not resolved (no host name in the text); body has {NAME}: {NAME in text}")
    except Exception as e:  # noqa: BLE001
        ok("external-entity.docx", True, f"python-docx refuses it: {type(e).__name__}: {str(e)[:70]}")
    try:
        docx.Document(p("bad-utf8-name.docx"))
        ok("bad-utf8-name.docx", False, "python-docx opened it (expected lxml to refuse the part)")
    except Exception as e:  # noqa: BLE001
        ok("bad-utf8-name.docx", "XMLSyntaxError" in type(e).__name__,
           f"python-docx (lxml) refuses word/document.xml: {type(e).__name__}: {str(e)[:60]}")
    with zipfile.ZipFile(p("customxml-pi.docx")) as z:
        item = z.read("customXml/item1.xml")
        ok("customxml-pi.docx", item.startswith(BOM + b'<?xml version="1.0" encoding="utf-8"?><?mso-contentType?>'),
           "customXml/item1.xml = BOM + declaration + <?mso-contentType?>")
        import xml.dom.minidom
        for i in (1, 2, 3):
            xml.dom.minidom.parseString(z.read(f"customXml/item{i}.xml"))
        ok("customxml-pi.docx", True, "customXml/item1..3.xml are well-formed (minidom)")
    wb = openpyxl.load_workbook(p("customxml-pi.xlsx"))
    ok("customxml-pi.xlsx", wb.active["A2"].value == NAME, f"openpyxl opens it; A2 = {wb.active['A2'].value}")

    with zipfile.ZipFile(p("shared-string-bomb.xlsx")) as z:
        sst = z.getinfo("xl/sharedStrings.xml")
        sheet = z.getinfo("xl/worksheets/sheet1.xml")
    size = os.path.getsize(p("shared-string-bomb.xlsx"))
    wb = openpyxl.load_workbook(p("shared-string-bomb.xlsx"), read_only=True)
    ws = wb.active
    cells = sum(1 for row in ws.iter_rows() for c in row if c.value)
    first = next(ws.iter_rows(max_row=1, max_col=1))[0].value
    ok("shared-string-bomb.xlsx", cells == 20000 and len(first.encode()) > 1_000_000,
       f"{size} bytes zipped; shared string {sst.file_size} bytes (ratio {sst.file_size / sst.compress_size:.1f}), "
       f"sheet {sheet.file_size} bytes (ratio {sheet.file_size / sheet.compress_size:.1f}); openpyxl sees {cells} "
       f"cells of {len(first.encode())} bytes = {cells * len(first.encode()) / 1e9:.1f} GB expanded")

    for n in ("partial-scan.pdf", "image-only.pdf"):
        rc, out, err = _run("pdftotext", p(n), "-")
        rc2, imgs, _ = _run("pdfimages", "-list", p(n))
        ok(n, rc == 0 and out.strip() == ("資料1" if n == "partial-scan.pdf" else ""),
           f"pdftotext: {out.strip()!r}; pdfimages: {imgs.strip().splitlines()[-1].split()[3:5]} px")
    rc, out, err = _run("pdftotext", p("replacement-chars.pdf"), "-")
    letters = [ch for ch in out if not ch.isspace()]
    share = sum(ch == "\ufffd" for ch in letters) / max(len(letters), 1)
    ok("replacement-chars.pdf", rc == 0 and share > 0.95, f"pdftotext: {len(letters)} characters, {share:.0%} U+FFFD")

    rc, out, err = _run("pdftotext", p("bad-flate.pdf"), "-")
    ok("bad-flate.pdf", "flate stream" in err and NAME.split()[0] not in out and "15." in out,
       f"pdftotext rc={rc}, {len(out.splitlines())} lines, stderr: {err.strip().splitlines()[:1]}")
    rc, out, err = _run("pdftotext", p("bad-flate-garbage.pdf"), "-")
    ok("bad-flate-garbage.pdf", "Syntax Error" in err and NAME.split()[0] not in out,
       f"pdftotext rc={rc}, name lost, stderr: {len(err.splitlines())} lines, e.g. {err.strip().splitlines()[:1]}")
    rc, out, err = _run("pdftotext", p("bad-xref-stream.pdf"), "-")
    rc2, info, err2 = _run("pdfinfo", p("bad-xref-stream.pdf"))
    ok("bad-xref-stream.pdf", rc != 0 and not out.strip() and "xref" in err,
       f"pdftotext rc={rc}, no text, stderr: {sorted(set(err.strip().splitlines()))}; pdfinfo rc={rc2}")

    for n in ("vertical-page.pdf", "vertical-cmap.pdf"):
        rc, out, _ = _run("pdftotext", p(n), "-")
        flat = re.sub(r"\s", "", out)
        ok(n, rc == 0,  # what pdftotext makes of tategaki: recorded, not judged
           f"pdftotext: name contiguous: {'世田谷' in flat and '世田谷太郎' in flat}; first lines "
           f"{[line for line in out.splitlines() if line.strip()][:3]}")

    with open(p("deep-nesting.html"), "rb") as f:
        html = f.read()
    ok("deep-nesting.html", html.count(b"<div>") == DEPTH, f"{len(html)} bytes, {DEPTH} nested <div>")
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(p("deep-xml.xlsx")) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    depth, mx = 0, 0
    for ev, _ in ET.iterparse(io.BytesIO(sheet), events=("start", "end")):
        depth += 1 if ev == "start" else -1
        mx = max(mx, depth)
    ok("deep-xml.xlsx", mx > DEPTH, f"expat iterparse: depth {mx}")
    try:
        wb = openpyxl.load_workbook(p("deep-xml.xlsx"))
        ok("deep-xml.xlsx", True, f"openpyxl opens it; A2 = {wb.active['A2'].value}")
    except Exception as e:  # noqa: BLE001
        ok("deep-xml.xlsx", True, f"openpyxl fails: {type(e).__name__}: {str(e)[:80]}")

    rc, out, err = _run("unzip", "-l", p("zip-slip.docx"))
    rc2, body, _ = _run("unzip", "-p", p("zip-slip.docx"), "word/document.xml")
    last_wins = "\n".join(x.text for x in docx.Document(p("zip-slip.docx")).paragraphs)
    ok("zip-slip.docx", "../../evil.xml" in out and out.count("word/document.xml") == 2 and NAME in body
       and NAME not in last_wins,
       f"unzip -l lists ../../evil.xml and 2× word/document.xml; unzip -p shows {NAME}; python-docx (last wins) "
       f"does not: {last_wins.splitlines()[0]!r}")

    rc, out, err = _run("unzip", "-l", p("lying-sizes.xlsx"))
    rc2, tout, terr = _run("unzip", "-t", p("lying-sizes.xlsx"))
    try:
        with zipfile.ZipFile(p("lying-sizes.xlsx")) as z:
            z.read("xl/worksheets/sheet2.xml")
        py = "reads it"
    except Exception as e:  # noqa: BLE001
        py = f"{type(e).__name__}: {e}"
    ok("lying-sizes.xlsx", "4096" in out and "Bad CRC" in py,
       f"unzip -l shows 4096 bytes; unzip -t rc={rc2} ({[x.strip() for x in (tout + terr).splitlines() if 'sheet2' in x][:1]}); "
       f"Python zipfile: {py}")

    for n in sorted(os.listdir(base)):
        if n != "expected.json":
            sz = os.path.getsize(p(n))
            ok(n, sz < 1_300_000, f"{sz} bytes")
    bad = 0
    for name, good, what in results:
        bad += not good
        print(f"{'ok  ' if good else 'FAIL'} {name:26} {what}")
    print(f"hostile check: {len(results)} checks, {bad} failed")
    return 1 if bad else 0


def check_big(d: str) -> int:
    bad = 0
    for n in ("one-line-500mb.csv", "one-line-120mb.csv"):
        path = os.path.join(d, n)
        with open(path, "rb") as f:
            newlines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
        good = newlines == 1
        bad += not good
        print(f"{'ok  ' if good else 'FAIL'} {n:26} {os.path.getsize(path)} bytes, {newlines} line break (at the end)")
    rc, out, err = _run("pdfinfo", os.path.join(d, "many-pages.pdf"))
    pages = re.search(r"Pages:\s+(\d+)", out)
    rc2, last, _ = _run("pdftotext", "-f", "100000", "-l", "100000", os.path.join(d, "many-pages.pdf"), "-")
    good = rc == 0 and pages and pages.group(1) == "100000" and NAME in last
    bad += not good
    print(f"{'ok  ' if good else 'FAIL'} {'many-pages.pdf':26} pdfinfo rc={rc} Pages={pages and pages.group(1)}; "
          f"last page: {last.strip()!r}")
    return 1 if bad else 0


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.normpath(os.path.join(here, "..", "..", "Corpus")))
    ap.add_argument("--big", metavar="DIR", help="write (or with --check, check) only the big files, into DIR")
    ap.add_argument("--check", action="store_true", help="check the files with independent tools")
    a = ap.parse_args()
    if a.check:
        return check_big(a.big) if a.big else check(a.corpus)
    if a.big:
        build_big(a.big)
    else:
        build(a.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
