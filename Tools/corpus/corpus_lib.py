"""Writers and labelling machinery for the Sumi evaluation corpus.

Content is written with inline markup ``{C:text}`` or ``{C:text|note}`` where C
is a one-letter category code (see CATEGORY).  Every writer strips the markup
while it writes and records one truth item per marked span, together with the
location it knows (page, sheet/cell, source).  Labels are therefore produced
by the same code that plants the data and cannot drift from the documents.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import re
import zipfile

CATEGORY = {
    "N": "person_name",
    "A": "address",
    "Z": "postal_code",
    "T": "phone",
    "E": "email",
    "B": "birth_date",
    "M": "my_number",
    "I": "id_number",
    "K": "bank_account",
    "D": "medical",
    "H": "disability",
    "S": "sensitive_other",
}
MARK = re.compile(r"\{([NAZTEBMIKDHS]):([^{}|]+)(?:\|([^{}]*))?\}")

FIXED_DT = _dt.datetime(2025, 4, 1, 9, 0, 0)
FIXED_ISO = "2025-04-01T09:00:00Z"
ZIP_DT = (2025, 4, 1, 9, 0, 0)

ENCODING_NAMES = {  # truth.json name -> Python codec
    "UTF-8": "utf-8",
    "Shift_JIS": "cp932",
    "EUC-JP": "euc_jp",
    "UTF-16LE": "utf-16-le",
}


def strip(s: str) -> str:
    """Plain text of a marked-up string (no labels recorded)."""
    return MARK.sub(lambda m: m.group(2), s)


class Doc:
    """One corpus document and its truth items."""

    def __init__(self, root: str, path: str, fmt: str, kind: str):
        self.root = root
        self.path = path
        self.fmt = fmt
        self.kind = kind
        self.items: list[dict] = []
        self.encoding: str | None = None

    @property
    def abspath(self) -> str:
        p = os.path.join(self.root, self.path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def take(self, s: str, source: str = "body", extracted=None, **loc) -> str:
        """Strip markup from s, recording one item per marked span.

        extracted: maps the written text to what a text extractor returns
        (PDF: see Pdf.extracted); the truth records the extracted form."""
        def rep(m: re.Match) -> str:
            text = extracted(m.group(2)) if extracted else m.group(2)
            item = {"category": CATEGORY[m.group(1)], "text": text,
                    "page": loc.get("page"), "source": source}
            for k in ("sheet", "cell", "part"):
                if loc.get(k) is not None:
                    item[k] = loc[k]
            if m.group(3):
                item["note"] = m.group(3)
            self.items.append(item)
            return m.group(2)
        return MARK.sub(rep, s)

    def truth(self) -> dict:
        seen: dict[tuple, int] = {}
        items = []
        for it in self.items:
            key = (it["category"], it["text"])
            seen[key] = seen.get(key, 0) + 1
            it = dict(it)
            if seen[key] > 1:
                it["occurrence"] = seen[key]
            items.append(it)
        d = {"path": self.path, "format": self.fmt, "clean": not items,
             "kind": self.kind}
        if self.encoding:
            d["encoding"] = self.encoding
        d["items"] = items
        return d


# --------------------------------------------------------------------- text
def encode_exact(text: str, encoding: str) -> bytes:
    """Encode, failing if the bytes would not decode back to the same text
    (cp932 silently maps U+2212 to 0x817C, which decodes as U+FF0D)."""
    codec = ENCODING_NAMES[encoding]
    data = text.encode(codec)
    if data.decode(codec) != text:
        bad = sorted({c for c in text if c.encode(codec).decode(codec) != c})
        raise ValueError(f"{encoding} cannot round-trip {bad!r}")
    return data


def write_text(doc: Doc, lines: list[str], encoding: str = "UTF-8",
               newline: str = "\n") -> None:
    doc.encoding = encoding
    text = newline.join(doc.take(l) for l in lines) + newline
    data = encode_exact(text, encoding)
    if encoding == "UTF-16LE":
        data = b"\xff\xfe" + data
    with open(doc.abspath, "wb") as f:
        f.write(data)


def write_csv(doc: Doc, rows: list[list[str]], encoding: str = "UTF-8") -> None:
    import csv
    doc.encoding = encoding
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for r in rows:
        w.writerow([doc.take(c) for c in r])
    data = encode_exact(buf.getvalue(), encoding)
    with open(doc.abspath, "wb") as f:
        f.write(data)


class Html:
    """Accumulates an HTML page; body text, comments and attributes."""

    def __init__(self, doc: Doc, title: str):
        self.doc = doc
        self.parts = [
            "<!DOCTYPE html>", '<html lang="ja">', "<head>",
            '<meta charset="utf-8">', f"<title>{doc.take(title, 'metadata')}</title>",
            "</head>", "<body>"]

    def raw(self, s: str) -> None:
        self.parts.append(self.doc.take(s))

    def el(self, tag: str, s: str, attrs: str = "") -> None:
        a = f" {attrs}" if attrs else ""
        self.parts.append(f"<{tag}{a}>{self.doc.take(s)}</{tag}>")

    def comment(self, s: str) -> None:
        self.parts.append(f"<!-- {self.doc.take(s, 'html_comment')} -->")

    def attr(self, s: str) -> str:
        return self.doc.take(s, "html_attribute")

    def table(self, header: list[str], rows: list[list[str]], caption: str = "") -> None:
        self.parts.append('<table border="1">')
        if caption:
            self.parts.append(f"<caption>{self.doc.take(caption)}</caption>")
        self.parts.append("<tr>" + "".join(f"<th>{self.doc.take(h)}</th>" for h in header) + "</tr>")
        for r in rows:
            self.parts.append("<tr>" + "".join(f"<td>{self.doc.take(c)}</td>" for c in r) + "</tr>")
        self.parts.append("</table>")

    def save(self, encoding: str = "UTF-8") -> None:
        self.parts += ["</body>", "</html>"]
        self.doc.encoding = encoding
        with open(self.doc.abspath, "wb") as f:
            f.write(encode_exact("\n".join(self.parts) + "\n", encoding))


# ------------------------------------------------------------ zip packages
_CORE_DATES = re.compile(
    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")
_W_DATE = re.compile(rb'w:date="[^"]*"')
_LAST_PRINTED = re.compile(rb"(<cp:lastPrinted>)[^<]*(</cp:lastPrinted>)")


def normalize_zip(path: str) -> None:
    """Rewrite an OOXML package with fixed timestamps so rebuilds are byte-identical."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>" + FIXED_ISO.encode() + rb"\g<2>", data)
                data = _LAST_PRINTED.sub(rb"\g<1>" + FIXED_ISO.encode() + rb"\g<2>", data)
            if name.endswith(".xml"):
                data = _W_DATE.sub(b'w:date="' + FIXED_ISO.encode() + b'"', data)
            info = zipfile.ZipInfo(name, ZIP_DT)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def _set_core(props, doc: Doc, author: str | None, title: str | None) -> None:
    props.created = FIXED_DT
    props.modified = FIXED_DT
    try:
        props.last_printed = FIXED_DT
    except Exception:
        pass
    props.revision = 1
    props.author = doc.take(author, "metadata", part="docProps/core.xml") if author else "世田谷区"
    props.last_modified_by = props.author
    if title:
        props.title = doc.take(title, "metadata", part="docProps/core.xml")


# -------------------------------------------------------------------- docx
class Docx:
    def __init__(self, doc: Doc, author: str | None = None, title: str | None = None):
        import docx
        from docx.shared import Pt
        self.doc = doc
        self.d = docx.Document()
        st = self.d.styles["Normal"]
        st.font.size = Pt(10.5)
        st.font.name = "MS Mincho"
        _set_core(self.d.core_properties, doc, author, title)

    def h(self, s: str, level: int = 1) -> None:
        self.d.add_heading(self.doc.take(s), level=level)

    def p(self, s: str, comment: tuple[str, str] | None = None):
        para = self.d.add_paragraph()
        run = para.add_run(self.doc.take(s))
        if comment:
            text, author = comment
            self.d.add_comment(run, text=self.doc.take(text, "comment", part="word/comments.xml"),
                               author=self.doc.take(author, "comment", part="word/comments.xml"),
                               initials="")
        return para

    def p_tracked(self, before: str, deleted: str, after: str, author: str, inserted: str = "") -> None:
        """Paragraph with a tracked deletion (and optional insertion)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls
        para = self.d.add_paragraph()
        para.add_run(self.doc.take(before))
        a = self.doc.take(author, "tracked_change", part="word/document.xml")
        dtext = self.doc.take(deleted, "tracked_change", part="word/document.xml")
        para._p.append(parse_xml(
            f'<w:del {nsdecls("w")} w:id="901" w:author="{a}" w:date="{FIXED_ISO}">'
            f'<w:r><w:delText xml:space="preserve">{dtext}</w:delText></w:r></w:del>'))
        if inserted:
            itext = self.doc.take(inserted, "tracked_change", part="word/document.xml")
            para._p.append(parse_xml(
                f'<w:ins {nsdecls("w")} w:id="902" w:author="{a}" w:date="{FIXED_ISO}">'
                f'<w:r><w:t xml:space="preserve">{itext}</w:t></w:r></w:ins>'))
        para.add_run(self.doc.take(after))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        t = self.d.add_table(rows=1 + len(rows), cols=len(header))
        t.style = "Table Grid"
        for j, hcell in enumerate(header):
            t.rows[0].cells[j].text = self.doc.take(hcell)
        for i, r in enumerate(rows, 1):
            for j, c in enumerate(r):
                t.rows[i].cells[j].text = self.doc.take(c)

    def header(self, s: str) -> None:
        self.d.sections[0].header.paragraphs[0].text = self.doc.take(s, "header_footer", part="word/header1.xml")

    def footer(self, s: str) -> None:
        self.d.sections[0].footer.paragraphs[0].text = self.doc.take(s, "header_footer", part="word/footer1.xml")

    def save(self) -> None:
        self.d.save(self.doc.abspath)
        normalize_zip(self.doc.abspath)


# -------------------------------------------------------------------- xlsx
class Xlsx:
    def __init__(self, doc: Doc, author: str | None = None, title: str | None = None):
        import openpyxl
        self.doc = doc
        self.wb = openpyxl.Workbook()
        self.wb.remove(self.wb.active)
        p = self.wb.properties
        p.created = FIXED_DT
        p.modified = FIXED_DT
        p.creator = doc.take(author, "metadata", part="docProps/core.xml") if author else "世田谷区"
        p.lastModifiedBy = p.creator
        if title:
            p.title = doc.take(title, "metadata", part="docProps/core.xml")

    def sheet(self, name: str, rows: list[list[str]], hidden: bool = False,
              hidden_rows: tuple = (), hidden_cols: tuple = (),
              comments: dict | None = None, header: str | None = None,
              widths: dict | None = None):
        """rows: list of rows of marked-up strings (None/'' for empty).
        hidden_rows: 1-based row numbers; hidden_cols: column letters;
        comments: {"B3": (text, author)}."""
        from openpyxl.comments import Comment
        from openpyxl.utils import get_column_letter
        ws = self.wb.create_sheet(name)
        if hidden:
            ws.sheet_state = "hidden"
        for r, row in enumerate(rows, 1):
            for c, val in enumerate(row, 1):
                if val is None or val == "":
                    continue
                col = get_column_letter(c)
                ref = f"{col}{r}"
                if hidden:
                    src = "hidden_sheet"
                elif r in hidden_rows:
                    src = "hidden_row"
                elif col in hidden_cols:
                    src = "hidden_column"
                else:
                    src = "body"
                ws[ref] = self.doc.take(str(val), src, sheet=name, cell=ref)
        for r in hidden_rows:
            ws.row_dimensions[r].hidden = True
        for col in hidden_cols:
            ws.column_dimensions[col].hidden = True
        for col, w in (widths or {}).items():
            ws.column_dimensions[col].width = w
        for ref, (text, author) in (comments or {}).items():
            t = self.doc.take(text, "comment", sheet=name, cell=ref)
            a = self.doc.take(author, "comment", sheet=name, cell=ref)
            ws[ref].comment = Comment(t, a)
        if header:
            ws.oddHeader.center.text = self.doc.take(header, "header_footer", sheet=name)
        return ws

    def save(self) -> None:
        self.wb.save(self.doc.abspath)
        normalize_zip(self.doc.abspath)


# -------------------------------------------------------------------- pptx
class Pptx:
    def __init__(self, doc: Doc, author: str | None = None, title: str | None = None):
        from pptx import Presentation
        self.doc = doc
        self.prs = Presentation()
        _set_core(self.prs.core_properties, doc, author, title)
        self.n = 0

    def slide(self, title: str, bullets: list[str], notes: str | None = None) -> None:
        self.n += 1
        s = self.prs.slides.add_slide(self.prs.slide_layouts[1])
        s.shapes.title.text = self.doc.take(title, page=self.n)
        tf = s.placeholders[1].text_frame
        for i, b in enumerate(bullets):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            para.text = self.doc.take(b, page=self.n)
        if notes:
            s.notes_slide.notes_text_frame.text = self.doc.take(notes, "notes", page=self.n)

    def save(self) -> None:
        self.prs.save(self.doc.abspath)
        normalize_zip(self.doc.abspath)


# --------------------------------------------------------------------- pdf
_FONTS_DONE = False


def _fonts() -> None:
    global _FONTS_DONE
    if not _FONTS_DONE:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
        pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
        _FONTS_DONE = True


class Pdf:
    """Flowing text on A4 pages; marked items never break across lines."""
    W, H = 595.27, 841.89
    LEFT, TOP, BOTTOM = 56, 70, 70

    def __init__(self, doc: Doc, title: str | None = None, author: str | None = None,
                 header: str | None = None, footer: str | None = None):
        from reportlab.pdfgen import canvas
        _fonts()
        self.doc = doc
        self.c = canvas.Canvas(doc.abspath, invariant=1, pageCompression=1)
        if title:
            self.c.setTitle(doc.take(title, "metadata", extracted=self.extracted))
        if author:
            self.c.setAuthor(doc.take(author, "metadata", extracted=self.extracted))
        self.c.setCreator("Sumi corpus generator")
        self.header, self.footer = header, footer
        self.page = 0
        self._new_page()

    @staticmethod
    def extracted(t: str) -> str:
        """What pdftotext returns for text drawn with the non-embedded Heisei CID
        fonts: poppler maps the full-width hyphen-minus glyph to U+2212."""
        if "\u3000" in t:
            raise ValueError(f"ideographic space inside a PDF item ({t!r}): -layout turns it into runs of spaces")
        return t.replace("\uff0d", "\u2212")

    def _take(self, s: str, source: str = "body") -> str:
        return self.doc.take(s, source, extracted=self.extracted, page=self.page)

    def _new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.y = self.H - self.TOP
        if self.header:
            self.c.setFont("HeiseiKakuGo-W5", 8)
            self.c.drawRightString(self.W - self.LEFT, self.H - 36,
                                   self._take(self.header, "header_footer"))
        if self.footer:
            self.c.setFont("HeiseiMin-W3", 8)
            self.c.drawCentredString(self.W / 2, 36,
                                     self._take(self.footer.replace("#", str(self.page)), "header_footer"))

    def _wrap(self, s: str, font: str, size: float, width: float) -> list[str]:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        tokens, pos = [], 0
        for m in MARK.finditer(s):
            tokens += list(s[pos:m.start()])
            tokens.append(m.group(0))
            pos = m.end()
        tokens += list(s[pos:])
        lines, cur, w = [], "", 0.0
        for t in tokens:
            tw = stringWidth(strip(t), font, size)
            if cur and w + tw > width:
                lines.append(cur)
                cur, w = "", 0.0
            cur += t
            w += tw
        lines.append(cur)
        return lines

    def text(self, s: str, size: float = 10.5, font: str = "HeiseiMin-W3",
             indent: float = 0, gap: float = 4, source: str = "body") -> None:
        width = self.W - 2 * self.LEFT - indent
        for line in self._wrap(s, font, size, width):
            if self.y < self.BOTTOM:
                self._new_page()
            self.c.setFont(font, size)
            if source == "invisible_text":
                self.c.setFillColorRGB(1, 1, 1)
            self.c.drawString(self.LEFT + indent, self.y, self._take(line, source))
            self.c.setFillColorRGB(0, 0, 0)
            self.y -= size + gap
        self.y -= gap

    def heading(self, s: str, size: float = 14) -> None:
        self.text(s, size=size, font="HeiseiKakuGo-W5", gap=8)

    def covered(self, before: str, hidden: str, after: str, size: float = 10.5) -> None:
        """A line whose middle part is drawn and then painted over with a black box."""
        from reportlab.pdfbase.pdfmetrics import stringWidth
        if self.y < self.BOTTOM:
            self._new_page()
        font = "HeiseiMin-W3"
        self.c.setFont(font, size)
        x = self.LEFT
        b = self._take(before)
        h = self._take(hidden, "covered")
        a = self._take(after)
        self.c.drawString(x, self.y, b + h + a)
        x0 = x + stringWidth(b, font, size)
        self.c.rect(x0, self.y - 2, stringWidth(h, font, size), size + 2, stroke=0, fill=1)
        self.y -= size + 8

    def page_break(self) -> None:
        self._new_page()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


# ------------------------------------------------------------ check digits
def my_number_check(d11: str) -> int:
    s = 0
    for n in range(1, 12):
        p = int(d11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return 0 if r <= 1 else 11 - r


def is_my_number(d12: str) -> bool:
    return len(d12) == 12 and d12.isdigit() and my_number_check(d12[:11]) == int(d12[11])


def corporate_number(d12: str) -> str:
    """法人番号: check digit (leading) = 9 - (Σ Pn×Qn mod 9), Qn = 1 (n odd) / 2 (n even)."""
    s = sum(int(d12[12 - n]) * (1 if n % 2 else 2) for n in range(1, 13))
    return str(9 - s % 9) + d12
