"""Office documents with what is hidden in them, and files Sumi must not call clean.

Labelled documents (Corpus/eval/office/, listed in truth.json):
- office-01.docx  hidden text (w:vanish), a text box, a footnote, tracked changes, a
                  table, custom and extended properties, a customXml data part, an image;
- office-02.xlsx  a very hidden sheet, a threaded comment with its person, cells hidden
                  by white text and by the ;;; format, phone numbers
                  stored as numbers (custom format 0##-####-####; General in a 電話番号
                  column, also far below the header), dates stored as date serials;
- office-03.pptx  a slide comment with its author (legacy comments part).

Robustness files (Corpus/robustness/, expected outcome in expected.json, not in
truth.json): a zip bomb, a malformed XML part, password-protected DOCX/XLSX made by
msoffcrypto-tool, an embedded OLE object and an embedded workbook, a legacy .xls (xlwt), legacy .doc/.jtd (a compound
file with the stream name of the format), RTF, and a .docx that is not a zip.

The base documents come from python-docx / openpyxl / python-pptx; parts those
libraries cannot write (text box, footnotes, custom properties, threaded comments,
PowerPoint comments) are added to the package following ECMA-376 / [MS-XLSX] / [MS-PPTX].
Everything is invented and deterministic (fixed timestamps, seeded encryption salt).
"""
from __future__ import annotations

import datetime as _dt
import io
import json
import os
import random
import re
import shutil
import zipfile

from corpus_lib import FIXED_DT, FIXED_ISO, ZIP_DT, Doc, Docx, Pptx, Xlsx, normalize_zip

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


# ------------------------------------------------------------------ package editing
def edit_package(path: str, *, add: dict[str, bytes] | None = None, replace=None,
                 rels: dict[str, list[tuple[str, str, str]]] | None = None,
                 overrides: dict[str, str] | None = None) -> None:
    """Rewrite an OOXML package: add parts, transform parts (replace: {name: fn(bytes)->bytes}),
    add relationships ({rels part: [(Id, Type, Target)]}) and content-type overrides."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    for name, fn in (replace or {}).items():
        parts[name] = fn(parts[name])
    for name, data in (add or {}).items():
        parts[name] = data
    for relpart, entries in (rels or {}).items():
        xml = parts.get(relpart, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 f'<Relationships xmlns="{PKG_REL_NS}"></Relationships>'.encode())
        new = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in entries).encode()
        parts[relpart] = xml.replace(b"</Relationships>", new + b"</Relationships>")
    if overrides:
        new = "".join(f'<Override PartName="/{p}" ContentType="{c}"/>' for p, c in overrides.items()).encode()
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", new + b"</Types>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, ZIP_DT)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def tiny_png() -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 200, 200)).save(buf, "PNG")
    return buf.getvalue()


# ------------------------------------------------------------------ office-01.docx
def docx_hidden(doc: Doc) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Inches
    d = Docx(doc, author="{N:木村 直子}", title="地域見守りネットワーク連絡会 記録")
    d.h("地域見守りネットワーク連絡会 記録")
    d.p("日時：令和7年7月3日（木）10時から11時30分")
    # Hidden text (w:vanish): not shown or printed, still in the file.
    para = d.d.add_paragraph()
    para.add_run(doc.take("見守り対象世帯の状況を共有した。"))
    hidden = para.add_run(doc.take("（内部メモ：{N:山本 花子}さん 携帯 {T:090-2468-1357}）", "invisible_text",
                                   part="word/document.xml"))
    hidden.font.hidden = True
    # A footnote (the part is added below).
    note = d.p("民生委員からの報告に基づく。")
    note._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                             f'<w:footnoteReference w:id="1"/></w:r>'))
    footnote = doc.take("聞き取り：{N:池田 健太}（{T:03-5555-0134}）", "body", part="word/footnotes.xml")
    # A text box (DrawingML shape, with the VML copy Word writes for old readers).
    box_text = esc(doc.take("連絡先 {E:naoko.kimura@example.jp}", "body", part="word/document.xml"))
    box = d.d.add_paragraph()
    txbx = f'<w:txbxContent><w:p><w:r><w:t>{box_text}</w:t></w:r></w:p></w:txbxContent>'
    box._p.append(parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2743200" cy="457200"/>'
        '<wp:docPr id="101" name="テキスト ボックス 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="457200"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f'<wps:txbx>{txbx}</wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape id="tb1" style="width:216pt;height:36pt" type="#_x0000_t202">'
        f'<v:textbox>{txbx}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    d.d.add_picture(io.BytesIO(tiny_png()), width=Inches(0.3))
    # Tracked changes: a deleted phone number and an inserted e-mail address stay in the file.
    d.p_tracked("協力員の連絡先", "（{T:080-1357-2468}）", "は名簿で管理する。", "{N:木村 直子}",
                inserted="（{E:m.ikeda@example.com}）")
    # A table: the header row labels the cells below it.
    d.table(["氏名", "電話番号"], [["{N:池田 健太}", "{T:03-5555-0199}"]])
    d.p("次回は9月に開催する。")
    d.save()

    manager = doc.take("{N:石田 浩}", "metadata", part="docProps/app.xml")
    custom = [("担当者", doc.take("{N:木村 直子}", "metadata", part="docProps/custom.xml")),
              ("連絡先", doc.take("{T:03-5432-0987}", "metadata", part="docProps/custom.xml"))]
    props = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" name="{esc(n)}">'
                    f'<vt:lpwstr>{esc(v)}</vt:lpwstr></property>' for i, (n, v) in enumerate(custom, 2))
    data_item = esc(doc.take("{N:山本 花子}", "metadata", part="customXml/item2.xml"))
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{esc(footnote)}</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>')
    edit_package(
        doc.abspath,
        add={
            "word/footnotes.xml": footnotes.encode(),
            "docProps/custom.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>').encode(),
            "customXml/item2.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<申請情報 xmlns="urn:example:setagaya:form"><氏名>{data_item}</氏名><区分>見守り</区分></申請情報>').encode(),
        },
        replace={"docProps/app.xml": lambda b: b.replace(b"<Manager/>", f"<Manager>{manager}</Manager>".encode())
                 .replace(b"<Company/>", "<Company>世田谷区</Company>".encode())},
        rels={
            "word/_rels/document.xml.rels": [
                ("rIdFn1", f"{REL_NS}/footnotes", "footnotes.xml"),
                ("rIdCx2", f"{REL_NS}/customXml", "../customXml/item2.xml")],
            "_rels/.rels": [("rIdCustom", f"{REL_NS}/custom-properties", "docProps/custom.xml")],
        },
        overrides={
            "word/footnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            "docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        })
    normalize_zip(doc.abspath)


# ------------------------------------------------------------------ office-02.xlsx
def excel_serial(d: _dt.date) -> int:
    return (d - _dt.date(1899, 12, 30)).days


def xlsx_hidden(doc: Doc) -> None:
    x = Xlsx(doc, title="見守り協力員 名簿")
    rows = [["見守り協力員 名簿（令和7年度）"], [],
            ["氏名", "地区", "電話番号", "生年月日", "備考"],
            ["{N:小川 美穂}", "経堂"], ["{N:岡 大輔}", "成城"], ["{N:三浦 由紀}", "砧"]]
    ws = x.sheet("名簿", rows)
    items = doc.items

    def number(ref: str, value, fmt: str | None, category: str, shown: str, stored: str) -> None:
        ws[ref] = value
        if fmt:
            ws[ref].number_format = fmt
        items.append({"category": category, "text": shown, "page": None, "source": "body",
                      "sheet": "名簿", "cell": ref, "stored": stored})

    # A mobile number typed as a number, shown with a custom format that restores the 0.
    number("C4", 9012345678, "0##-####-####", "phone", "090-1234-5678", "9012345678")
    # A landline typed as a number in General format: Excel shows 312345678, the user meant 0312345678.
    number("C5", 312345678, None, "phone", "0312345678", "312345678")
    # Eleven zeros: the whole number with its leading 0.
    number("C6", 8011112222, "00000000000", "phone", "08011112222", "8011112222")
    b1 = _dt.date(1952, 3, 14)
    number("D4", b1, "yyyy/m/d", "birth_date", "1952/3/14", str(excel_serial(b1)))
    b2 = _dt.date(1961, 11, 2)
    number("D5", b2, '[$-ja-JP]ggge"年"m"月"d"日";@', "birth_date", "昭和36年11月2日", str(excel_serial(b2)))
    # Cells hidden by their style: white text on no fill, and the ;;; number format.
    from openpyxl.styles import Font
    ws["E4"] = doc.take("緊急 {T:080-2222-3333}", "invisible_text", sheet="名簿", cell="E4")
    ws["E4"].font = Font(color="FFFFFFFF")
    ws["E5"] = doc.take("自宅 {T:03-3412-5678}", "invisible_text", sheet="名簿", cell="E5")
    ws["E5"].number_format = ";;;"
    # Far below the header (another printed page): the 電話番号 header still labels the column.
    ws["A60"] = doc.take("{N:北村 聡}", sheet="名簿", cell="A60")
    ws["B60"] = "用賀"
    number("C60", 9087654321, None, "phone", "09087654321", "9087654321")

    # A very hidden sheet: not listed under Unhide, only reachable through the VBA editor.
    vh = x.sheet("_設定", [["管理者", "{N:石田 浩}"], ["緊急連絡先", "{T:080-3141-5926}"]], hidden=True)
    vh.sheet_state = "veryHidden"
    x.save()

    # A threaded comment (Excel 365) with a reply, and the people who wrote them.
    p1, p2 = "{3F1C6A52-8F0B-4C7D-9A21-6B0E5D1A0001}", "{3F1C6A52-8F0B-4C7D-9A21-6B0E5D1A0002}"
    t1 = esc(doc.take("{N:小川 美穂}さんは{D:心不全}で通院中。緊急時は長女へ", "comment", sheet="名簿", cell="A4"))
    t2 = esc(doc.take("長女の携帯は{T:070-2718-2818}です", "comment", sheet="名簿", cell="A4"))
    a1 = esc(doc.take("{N:木村 直子}", "comment", sheet="名簿", cell="A4"))
    a2 = esc(doc.take("{N:池田 健太}", "comment", sheet="名簿", cell="A4"))
    tc_ns = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
    threaded = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="{tc_ns}" '
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<threadedComment ref="A4" dT="2025-04-01T09:00:00.00" personId="{p1}" id="{{A0000000-0000-0000-0000-000000000001}}">'
        f'<text>{t1}</text></threadedComment>'
        f'<threadedComment ref="A4" dT="2025-04-01T09:00:00.00" personId="{p2}" id="{{A0000000-0000-0000-0000-000000000002}}" '
        f'parentId="{{A0000000-0000-0000-0000-000000000001}}"><text>{t2}</text></threadedComment></ThreadedComments>')
    persons = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="{tc_ns}" '
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<person displayName="{a1}" id="{p1}" userId="{a1}" providerId="None"/>'
        f'<person displayName="{a2}" id="{p2}" userId="{a2}" providerId="None"/></personList>')
    edit_package(
        doc.abspath,
        add={"xl/threadedComments/threadedComment1.xml": threaded.encode(), "xl/persons/person.xml": persons.encode()},
        rels={"xl/worksheets/_rels/sheet1.xml.rels": [
                  ("rIdTc1", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
                   "../threadedComments/threadedComment1.xml")],
              "xl/_rels/workbook.xml.rels": [
                  ("rIdPerson", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml")]},
        overrides={"xl/threadedComments/threadedComment1.xml": "application/vnd.ms-excel.threadedcomments+xml",
                   "xl/persons/person.xml": "application/vnd.ms-excel.person+xml"})
    normalize_zip(doc.abspath)


# ------------------------------------------------------------------ office-03.pptx
def pptx_comments(doc: Doc) -> None:
    s = Pptx(doc, title="見守り事業の報告")
    s.slide("見守り事業の報告", ["協力員 42名", "訪問件数 1,208件"])
    s.slide("今後の課題", ["協力員の高齢化", "夜間の連絡体制"])
    s.save()
    author = esc(doc.take("{N:石田 浩}", "comment", page=1))
    text = esc(doc.take("数字は{N:小川 美穂}さん（{T:03-6805-1234}）に確認", "comment", page=1))
    p_ns = "http://schemas.openxmlformats.org/presentationml/2006/main"
    edit_package(
        doc.abspath,
        add={"ppt/commentAuthors.xml": (
                 f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:cmAuthorLst xmlns:p="{p_ns}">'
                 f'<p:cmAuthor id="0" name="{author}" initials="" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>').encode(),
             "ppt/comments/comment1.xml": (
                 f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:cmLst xmlns:p="{p_ns}">'
                 f'<p:cm authorId="0" dt="{FIXED_ISO[:-1]}.000" idx="1"><p:pos x="10" y="10"/>'
                 f'<p:text>{text}</p:text></p:cm></p:cmLst>').encode()},
        rels={"ppt/_rels/presentation.xml.rels": [
                  ("rIdCmA", f"{REL_NS}/commentAuthors", "commentAuthors.xml")],
              "ppt/slides/_rels/slide1.xml.rels": [("rIdCm1", f"{REL_NS}/comments", "../comments/comment1.xml")]},
        overrides={"ppt/commentAuthors.xml": "application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml",
                   "ppt/comments/comment1.xml": "application/vnd.openxmlformats-officedocument.presentationml.comments+xml"})
    normalize_zip(doc.abspath)


# ------------------------------------------------------------------ robustness
def _plain_docx(path: str, paragraphs: list[str], header: str | None = None) -> None:
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
    d.save(path)
    normalize_zip(path)


def _plain_xlsx(path: str, rows: list[list[str]]) -> None:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    wb.properties.creator = "世田谷区"
    ws = wb.active
    ws.title = "事業一覧"
    for r in rows:
        ws.append(r)
    wb.save(path)
    normalize_zip(path)


def zip_bomb(path: str) -> None:
    """A small workbook whose second sheet inflates to 40 MB of blanks (ratio ≈ 1000:1)."""
    _plain_xlsx(path, [["事業名", "担当課"], ["地域見守り", "高齢福祉課"]])
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    padded = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}"><sheetData/>'
              + " " * (40 << 20) + "</worksheet>").encode()
    edit_package(
        path, add={"xl/worksheets/sheet2.xml": padded},
        replace={"xl/workbook.xml": lambda b: b.replace(b"</sheets>", f'<sheet xmlns:r="{REL_NS}" name="データ" sheetId="2" r:id="rIdBomb"/></sheets>'.encode())},
        rels={"xl/_rels/workbook.xml.rels": [("rIdBomb", f"{REL_NS}/worksheet", "worksheets/sheet2.xml")]},
        overrides={"xl/worksheets/sheet2.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"})


def malformed_part(path: str) -> None:
    """The header part is cut off in the middle of a tag; the body is intact."""
    _plain_docx(path, ["地域見守り事業の実施報告", "協力員の研修を年2回実施した。"], header="高齢福祉課 作成")
    edit_package(path, replace={"word/header1.xml": lambda b: b[: b.index(b"<w:t") + 20]})


def embedded_object(path: str, workbook: bool) -> None:
    """A Word document carrying an embedded Excel workbook (read by Sumi as an attachment),
    or an OLE object it cannot open (a compound file, as Word stores Excel 97-2003 objects)."""
    _plain_docx(path, ["添付の集計表のとおり。"])
    tmp = path + ".inner"
    if workbook:
        _plain_xlsx(tmp, [["氏名", "電話番号"], ["（連絡先）", "03-5432-7788"]])
        name, kind, ctype = ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", "package",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        compound_file(tmp, "Workbook", b"\x00" * 4096)
        name, kind, ctype = ("word/embeddings/oleObject1.bin", "oleObject",
                             "application/vnd.openxmlformats-officedocument.oleObject")
    with open(tmp, "rb") as f:
        inner = f.read()
    os.remove(tmp)
    edit_package(
        path, add={name: inner},
        rels={"word/_rels/document.xml.rels": [("rIdEmb1", f"{REL_NS}/{kind}", name.removeprefix("word/"))]},
        overrides={name: ctype})


def encrypted(source: str, path: str, seed: int) -> None:
    """Password-protected (ECMA-376 agile encryption) by msoffcrypto-tool, salt seeded."""
    import msoffcrypto.method.container.ecma376_encrypted as container
    import msoffcrypto.method.ecma376_agile as agile
    from msoffcrypto.format.ooxml import OOXMLFile

    class FixedClock(_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return FIXED_DT

    rng = random.Random(seed)
    original = agile._random_buffer, container.datetime
    agile._random_buffer = lambda n: bytes(rng.getrandbits(8) for _ in range(n))
    container.datetime = FixedClock  # the compound file's creation time
    try:
        with open(source, "rb") as f, open(path, "wb") as out:
            OOXMLFile(f).encrypt("sumi-test", out)
    finally:
        agile._random_buffer, container.datetime = original


def legacy_xls(path: str) -> None:
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("名簿")
    ws.write(0, 0, "氏名")
    ws.write(0, 1, "電話番号")
    ws.write(1, 0, "世田谷 太郎")
    ws.write(1, 1, "03-5432-1111")
    wb.save(path)


def compound_file(path: str, stream_name: str, payload: bytes) -> None:
    """An OLE compound file with one stream (xlwt's writer, stream renamed): the container
    of legacy .doc and 一太郎 .jtd files. Only the container is real, not the format inside."""
    from xlwt.CompoundDoc import XlsDoc
    buf = io.BytesIO()
    XlsDoc().save(buf, payload)
    data = bytearray(buf.getvalue())
    old = "Workbook\x00".encode("utf-16-le")
    at = data.index(old)
    name = (stream_name + "\x00").encode("utf-16-le")
    assert len(name) <= 64
    data[at:at + 64] = name.ljust(64, b"\x00")
    data[at + 64:at + 66] = len(name).to_bytes(2, "little")
    with open(path, "wb") as f:
        f.write(bytes(data))


def robustness(root: str) -> None:
    base = os.path.join(root, "robustness")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    p = lambda name: os.path.join(base, name)  # noqa: E731
    expected = []

    def expect(name: str, status: str, notices: list[str], why: str) -> None:
        expected.append({"path": f"robustness/{name}", "status": status, "notices": notices, "why": why})

    zip_bomb(p("zip-bomb.xlsx"))
    expect("zip-bomb.xlsx", "incomplete", ["size_limit"], "a 40 MB sheet compressed about 1000:1")
    malformed_part(p("malformed-header.docx"))
    expect("malformed-header.docx", "incomplete", ["unreadable_part"], "word/header1.xml is cut off; the body is read")
    embedded_object(p("embedded-object.docx"), workbook=False)
    expect("embedded-object.docx", "incomplete", ["embedded_file"], "an OLE object (compound file) embedded in Word is not opened")
    embedded_object(p("embedded-workbook.docx"), workbook=True)
    expect("embedded-workbook.docx", "findings", [], "an Excel workbook embedded in Word is read as an attachment")
    plain = p("plain.tmp.docx")
    _plain_docx(plain, ["氏名：世田谷 太郎", "電話：03-5432-1111"])
    encrypted(plain, p("encrypted.docx"), 1)
    os.remove(plain)
    expect("encrypted.docx", "error", ["encrypted"], "password-protected (agile encryption)")
    plain = p("plain.tmp.xlsx")
    _plain_xlsx(plain, [["氏名", "電話番号"], ["世田谷 太郎", "03-5432-1111"]])
    encrypted(plain, p("encrypted.xlsx"), 2)
    os.remove(plain)
    expect("encrypted.xlsx", "error", ["encrypted"], "password-protected (agile encryption)")
    legacy_xls(p("legacy.xls"))
    expect("legacy.xls", "findings", ["converted"], "Excel 97-2003 workbook written by xlwt, read after LibreOffice converts it")
    compound_file(p("legacy.doc"), "WordDocument", b"\x00" * 4096)
    expect("legacy.doc", "error", ["conversion_failed"], "compound file with a WordDocument stream of zeros: LibreOffice cannot load it")
    compound_file(p("legacy.jtd"), "DocumentText", b"\x00" * 4096)
    expect("legacy.jtd", "error", ["unsupported_format"], "一太郎 file name on a compound file")
    with open(p("legacy.rtf"), "wb") as f:
        f.write(b"{\\rtf1\\ansi\\ansicpg932\\deff0{\\fonttbl{\\f0\\fnil MS Mincho;}}\\f0 "
                b"\\u27663?\\u21517?\\u65306?\\u19990?\\u30000?\\u35895? \\u22826?\\u37070?\\par}")
    expect("legacy.rtf", "findings", ["converted"], "rich text format, read after LibreOffice converts it")
    with open(p("not-a-zip.docx"), "wb") as f:
        f.write("これは Word 文書ではありません。\n".encode() * 20)
    expect("not-a-zip.docx", "error", ["unsupported_format"], "text saved under a .docx name")
    with open(os.path.join(base, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump({"description": "Expected scan outcome of each robustness file. Generated by "
                                  "Tools/corpus/office_cases.py; do not edit by hand.",
                   "files": expected}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def build(new, root: str) -> None:
    """Called by generate.py: `new(path, fmt, kind)` registers a labelled document."""
    docx_hidden(new("eval/office/office-01.docx", "docx", "minutes"))
    xlsx_hidden(new("eval/office/office-02.xlsx", "xlsx", "roster"))
    pptx_comments(new("eval/office/office-03.pptx", "pptx", "presentation"))
    robustness(root)
