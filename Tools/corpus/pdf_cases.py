"""PDF cases for the PDF extractor (issue 5): everything a determined reader can get at.

Labelled documents go to Corpus/eval/pdf/ (truth.json, checked by check_truth.py):
annotations, form fields, attachments (CSV and a nested PDF), outline + mailto:/tel: links,
hidden text (white on white, text under a black box), a scanned page, and an encrypted file
that opens with the empty user password. Unlabelled inputs that cannot be checked with
pdftotext go to Corpus/pdf-cases/ and are used by the Swift tests directly: a table whose
cells wrap a name and an address, a file with a real user password, truncated and corrupt
files, text in a font without a ToUnicode map, and layouts for row order (rows-layout.pdf).

Built with reportlab (pages, non-embedded HeiseiMin-W3 like the rest of the corpus) and
pypdf (annotations, attachments, encryption). Deterministic: fixed /ID, invariant reportlab.
"""
from __future__ import annotations

import io
import os

from corpus_lib import Doc, Pdf, _fonts, strip

FIXED_ID = b"sumi-corpus-pdf0"


def _canvas(buf):
    from reportlab.pdfgen import canvas
    _fonts()
    return canvas.Canvas(buf, invariant=1, pageCompression=1)


def _writer_from(buf: io.BytesIO):
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
    return w


def _save(w, path: str, encrypt: tuple[str, str] | None = None) -> None:
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject
    w._ID = ArrayObject([ByteStringObject(FIXED_ID), ByteStringObject(FIXED_ID)])
    w._info = None if False else w._info
    if encrypt is not None:
        w.encrypt(user_password=encrypt[0], owner_password=encrypt[1], algorithm="RC4-128")
        w._ID = ArrayObject([ByteStringObject(FIXED_ID), ByteStringObject(FIXED_ID)])
    out = io.BytesIO()
    w.write(out)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def _text(s: str):
    from pypdf.generic import TextStringObject
    return TextStringObject(s)


def _rect(x0, y0, x1, y1):
    from pypdf.generic import ArrayObject, FloatObject
    return ArrayObject([FloatObject(v) for v in (x0, y0, x1, y1)])


def _annot(w, page: int, subtype: str, rect, **fields):
    from pypdf.generic import DictionaryObject, NameObject
    d = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject(subtype),
                          NameObject("/Rect"): rect})
    for k, v in fields.items():
        d[NameObject("/" + k)] = v
    return w.add_annotation(page_number=page, annotation=d)


def annotations(new) -> None:
    d: Doc = new("eval/pdf/pdf-annotations.pdf", "pdf", "pdf_features")
    from pypdf.generic import DictionaryObject, NameObject, NumberObject
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "地域懇談会の開催結果（公開用）")
    c.drawString(56, 760, "懇談会では、公園の遊具の更新と通学路の安全について意見が出されました。")
    c.drawString(56, 740, "詳しくは地域振興課までお問い合わせください。")
    c.showPage()
    c.save()
    w = _writer_from(buf)
    take = lambda s: d.take(s, "annotation", extracted=Pdf.extracted, page=1)  # noqa: E731
    note = _annot(w, 0, "/Text", _rect(400, 760, 420, 780), Contents=_text(take("発言者は{N:岩田 真理子}さん（{T:090-4821-3375}）")),
                  T=_text(take("{N:森本 大輔}")), Name=NameObject("/Comment"))
    _annot(w, 0, "/Popup", _rect(420, 700, 560, 780), Parent=note, Open=NumberObject(0))
    _annot(w, 0, "/FreeText", _rect(56, 600, 360, 640), Contents=_text(take("要確認：{E:iwata.mariko@example.jp} へ議事録送付")),
           DA=_text("/Helv 10 Tf 0 g"))
    _annot(w, 0, "/Stamp", _rect(380, 600, 540, 650), Contents=_text(take("決裁済 {N:堀内 敏夫} {B:令和7年6月2日}")),
           Name=NameObject("/Approved"))
    _annot(w, 0, "/Redact", _rect(56, 735, 300, 752), Contents=_text(take("墨消し予定：{T:03-3411-7702}")),
           OverlayText=_text("非公開"))
    _save(w, d.abspath)


def form(new) -> None:
    d: Doc = new("eval/pdf/pdf-form.pdf", "pdf", "pdf_features")
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "講座申込書（入力済み）")
    c.drawString(56, 750, "氏名")
    c.drawString(56, 720, "電話番号")
    c.drawString(56, 690, "メール")
    c.showPage()
    c.save()
    w = _writer_from(buf)
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject
    take = lambda s: d.take(s, "form_field", extracted=Pdf.extracted, page=1)  # noqa: E731
    fields = ArrayObject()
    for i, (name, tip, value, y) in enumerate([("name", "氏名", "{N:須藤 香織}", 745), ("tel", "電話番号", "{T:080-2716-4450}", 715),
                                                ("mail", "メール", "{E:k.sudo@example.com}", 685)]):
        f = _annot(w, 0, "/Widget", _rect(140, y, 400, y + 18), FT=NameObject("/Tx"), T=_text(name), TU=_text(tip),
                   V=_text(take(value)), F=NumberObject(4), DA=_text("/Helv 10 Tf 0 g"))
        fields.append(f)
    w._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): fields,
                                                                NameObject("/NeedAppearances"): NameObject("/true") if False else __import__("pypdf").generic.BooleanObject(True)})
    _save(w, d.abspath)


def attachments(new) -> None:
    # The nested PDF first: a one-page PDF with a phone number, attached inside the outer one.
    d: Doc = new("eval/pdf/pdf-attachments.pdf", "pdf", "pdf_features")
    inner = io.BytesIO()
    c = _canvas(inner)
    c.setFont("HeiseiMin-W3", 11)
    inner_line = "緊急連絡先 {T:03-6805-2291}（{N:片山 修}）"
    c.drawString(56, 780, d.take(inner_line, "attachment", extracted=Pdf.extracted, part="連絡先.pdf"))
    c.showPage()
    c.save()
    csv_text = "氏名,電話,メール\r\n" + d.take("{N:宇野 沙織},{T:090-3381-6024},{E:uno.saori@example.jp}", "attachment", part="参加者名簿.csv") + "\r\n"
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "防災訓練の実施報告（参加者名簿は添付ファイル）")
    c.showPage()
    c.save()
    w = _writer_from(buf)
    w.add_attachment("参加者名簿.csv", csv_text.encode("utf-8"))
    w.add_attachment("連絡先.pdf", inner.getvalue())
    _save(w, d.abspath)
    for it in d.items:
        it["page"] = None


def outline_links(new) -> None:
    d: Doc = new("eval/pdf/pdf-outline-links.pdf", "pdf", "pdf_features")
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "窓口のご案内")
    c.drawString(56, 750, "メールで問い合わせる")
    c.drawString(56, 720, "電話で問い合わせる")
    mail = d.take("{E:soudan.tanaka@example.jp}", "annotation", page=1)
    tel = d.take("{T:03-5432-7781}", "annotation", page=1)
    c.linkURL("mailto:" + mail, (56, 745, 200, 760), relative=0, thickness=0)
    c.linkURL("tel:" + tel, (56, 715, 200, 730), relative=0, thickness=0)
    c.bookmarkPage("p1")
    c.addOutlineEntry(d.take("担当 {N:田中 美穂}（{T:03-5432-7780}）", "metadata"), "p1", level=0)
    c.showPage()
    c.save()
    with open(d.abspath, "wb") as f:
        f.write(buf.getvalue())


def hidden(new) -> None:
    d: Doc = new("eval/pdf/pdf-hidden.pdf", "pdf", "pdf_features")
    from reportlab.pdfbase.pdfmetrics import stringWidth
    buf = io.BytesIO()
    c = _canvas(buf)
    font = "HeiseiMin-W3"
    c.setFont(font, 11)
    c.drawString(56, 780, "苦情対応の経過（公開用）")
    # Text under a black box drawn after it (fake redaction).
    before, secret = "申出者の電話：", d.take("{T:090-5512-8830}", "covered", page=1)
    c.drawString(56, 750, before + secret)
    x0 = 56 + stringWidth(before, font, 11)
    c.rect(x0 - 1, 747, stringWidth(secret, font, 11) + 2, 14, stroke=0, fill=1)
    # White text on the white page.
    c.setFillColorRGB(1, 1, 1)
    c.drawString(56, 720, "連絡先メール " + d.take("{E:hidden.person@example.com}", "invisible_text", page=1))
    c.setFillColorRGB(0, 0, 0)
    # Visible text that must stay body: on a yellow highlight drawn before it, and next to a black box over nothing.
    c.setFillColorRGB(1, 1, 0.4)
    c.rect(54, 686, 300, 16, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(56, 690, "担当課の電話 " + d.take("{T:03-5432-2201}", "body", page=1))
    c.rect(400, 686, 80, 14, stroke=0, fill=1)
    c.drawString(56, 660, "以上")
    c.showPage()
    c.save()
    with open(d.abspath, "wb") as f:
        f.write(buf.getvalue())


def scanned(new) -> None:
    """Page 1 has a text layer; page 2 is a page-sized picture of a form (no text layer)."""
    d: Doc = new("eval/pdf/pdf-scanned.pdf", "pdf", "pdf_features")
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    img = Image.new("L", (620, 877), 255)
    g = ImageDraw.Draw(img)
    for i in range(24):  # ruled lines and blobs that look like handwriting on a scanned form
        y = 80 + i * 32
        g.line((50, y, 570, y), fill=120, width=1)
        for k in range(6):
            x = 60 + k * 85 + (i * 13) % 30
            g.ellipse((x, y - 14, x + 40 + (i * k) % 25, y - 4), outline=30, width=2)
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "提出された申請書の写し（次ページ）")
    c.showPage()
    c.drawImage(ImageReader(img), 0, 0, width=Pdf.W, height=Pdf.H)
    c.showPage()
    c.save()
    with open(d.abspath, "wb") as f:
        f.write(buf.getvalue())


def encrypted_empty_user(new) -> None:
    d: Doc = new("eval/pdf/pdf-encrypted-open.pdf", "pdf", "pdf_features")
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "印刷・編集を制限した PDF（閲覧にはパスワード不要）")
    c.drawString(56, 750, d.take("問い合わせ {T:03-5432-6610}", "body", extracted=Pdf.extracted, page=1))
    c.showPage()
    c.save()
    _save(_writer_from(buf), d.abspath, encrypt=("", "owner-secret"))


# ---------------------------------------------------------------- unlabelled inputs
def cases(root: str) -> None:
    out = os.path.join(root, "pdf-cases")
    os.makedirs(out, exist_ok=True)
    # A table whose cells wrap: the name, the address and the phone each break across two lines.
    buf = io.BytesIO()
    c = _canvas(buf)
    font = "HeiseiMin-W3"
    c.setFont(font, 10.5)
    c.drawString(56, 790, "見守り対象者一覧（内部用）")
    cols = [(56, "氏名"), (130, "住所"), (300, "電話"), (400, "備考")]
    top, rowh = 770, 40
    for x, h in cols:
        c.drawString(x + 4, top - 14, h)
    rows = [[["長谷部", "千代子"], ["世田谷区若林四丁目", "22番3号"], ["03-5432", "-1187"], ["独居"]],
            [["小田切", "誠"], ["世田谷区砧七丁目", "2番1号"], ["tel 090-1234-5678"], ["メール odagiri.", "makoto@example.jp"]]]
    for r, row in enumerate(rows):
        y = top - rowh * (r + 1)
        for (x, _), cell in zip(cols, row):
            for k, line in enumerate(cell):
                c.drawString(x + 4, y - 14 - k * 13, line)
    for r in range(len(rows) + 2):
        c.line(56, top - rowh * r + (0 if r else 0), 540, top - rowh * r)
    for x in [56, 130, 300, 400, 540]:
        c.line(x, top, x, top - rowh * (len(rows) + 1))
    c.showPage()
    c.save()
    with open(os.path.join(out, "table-wrap.pdf"), "wb") as f:
        f.write(buf.getvalue())

    # Encrypted with a real user password: cannot be opened without it.
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "パスワード付きの名簿 電話 03-5432-9999")
    c.showPage()
    c.save()
    _save(_writer_from(buf), os.path.join(out, "encrypted-password.pdf"), encrypt=("user-pass", "owner-pass"))
    plain = buf.getvalue()

    # Truncated after the first 300 bytes (a download cut short), and bytes that only claim to be PDF.
    with open(os.path.join(out, "truncated.pdf"), "wb") as f:
        f.write(plain[:300])
    with open(os.path.join(out, "corrupt.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n" + bytes((i * 73 + 11) % 256 for i in range(2000)))
    # Cut in the middle of the file: poppler rebuilds what it can; the end marker is missing.
    with open(os.path.join(out, "truncated-tail.pdf"), "wb") as f:
        f.write(plain[: len(plain) - 400])

    # Fake redactions of several kinds, with no light-coloured text on the page (so only the
    # document's fills make the page worth rendering): a black box, a box over 85 % of the
    # characters' height, a red box, a white box (white-out), and a box over 30 % (still readable).
    from reportlab.pdfbase.pdfmetrics import stringWidth
    buf = io.BytesIO()
    c = _canvas(buf)
    font, size = "HeiseiMin-W3", 11
    c.setFont(font, size)
    lines = [("黒い箱：", "03-1111-2222", (0, 0, 0), 1.0), ("ほぼ全部：", "03-3333-4444", (0, 0, 0), 0.85),
             ("赤い箱：", "03-5555-6666", (0.8, 0, 0), 1.0), ("白い箱：", "03-7777-8888", (1, 1, 1), 1.0),
             ("一部だけ：", "03-9999-0000", (0, 0, 0), 0.3)]
    for k, (before, secret, rgb, share) in enumerate(lines):
        y = 780 - k * 30
        c.setFillColorRGB(0, 0, 0)
        c.drawString(56, y, before + secret)
        x0 = 56 + stringWidth(before, font, size)
        c.setFillColorRGB(*rgb)
        # Glyph boxes run from about y-2.4 (descent) to y+8.7 (ascent): cover the top `share` of that.
        top, bottom = y + 9.0, y - 2.6
        c.rect(x0 - 0.5, top - (top - bottom) * share, stringWidth(secret, font, size) + 1, (top - bottom) * share, stroke=0, fill=1)
    c.showPage()
    c.save()
    with open(os.path.join(out, "covered-kinds.pdf"), "wb") as f:
        f.write(buf.getvalue())

    # Cut before the cross-reference table: poppler rebuilds it and reads the page, but the
    # end of the file is missing, so the file may not be called clean.
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont("HeiseiMin-W3", 11)
    c.drawString(56, 780, "途中で切れたファイル（本文に個人情報なし）")
    c.showPage()
    c.save()
    whole = buf.getvalue()
    with open(os.path.join(out, "truncated-xref.pdf"), "wb") as f:
        f.write(whole[: whole.rfind(b"xref")])

    # A font whose ToUnicode map points into the private use area (as with gaiji or broken
    # converters): the text layer is garbage and the page must not be called clean.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    ttf = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if os.path.exists(ttf):
        pdfmetrics.registerFont(TTFont("DejaVuSubset", ttf))
        buf = io.BytesIO()
        c = _canvas(buf)
        c.setFont("DejaVuSubset", 12)
        for i in range(8):
            c.drawString(56, 780 - i * 20, "Resident register: Taro Yamada, phone 03-5432-1111 %d" % i)
        c.showPage()
        c.save()
        w = _writer_from(buf)
        from pypdf.generic import DecodedStreamObject, NameObject
        cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
                b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
                b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <00> <FF> <E000> endbfrange "
                b"endcmap CMapName currentdict /CMap defineresource pop end end")
        for page in w.pages:
            fonts = page["/Resources"]["/Font"]
            for k in fonts:
                fobj = fonts[k].get_object()
                if fobj.get("/BaseFont", "").endswith("DejaVuSubset") or "/ToUnicode" in fobj:
                    s = DecodedStreamObject()
                    s.set_data(cmap)
                    fobj[NameObject("/ToUnicode")] = w._add_object(s)
        _save(w, os.path.join(out, "pua-tounicode.pdf"))


def rows_cases(root: str) -> None:
    """Layouts for row order (PDFRowOrderTests): a form with a vertical label beside its rows
    and a stamp over a value, two-column prose, single-column prose with wide spacing, a
    roster with tight rows drawn column by column, a page of vertical writing, and a form row
    with two blacked-out values."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    buf = io.BytesIO()
    c = _canvas(buf)
    # Vertical writing needs the -V encoding; registered under its own name so the
    # horizontal HeiseiKakuGo-W5 of the rows stays horizontal.
    vertical = UnicodeCIDFont("HeiseiMin-W3", isVertical=True)
    vertical.name = vertical.fontName = "HeiseiMin-W3-V"
    pdfmetrics.registerFont(vertical)
    c.setFont("HeiseiKakuGo-W5", 14)
    c.drawString(56, 800, "相談受付票")
    c.setFont("HeiseiMin-W3-V", 11)
    c.drawString(62, 770, "相談者欄")
    # Labels first, then values: a drawing order that is not the reading order.
    rows = [("氏名", "山田 花子"), ("電話", "03-1234-5678"), ("相談内容", "介護保険の申請について")]
    c.setFont("HeiseiKakuGo-W5", 10.5)
    for k, (label, _) in enumerate(rows):
        c.drawString(90, 760 - k * 20, label)
    for k, (_, value) in enumerate(rows):
        c.drawString(170, 760 - k * 20, value)
    # A stamp printed over the name: over other text, so not a cell of its row.
    c.setFont("HeiseiKakuGo-W5", 20)
    c.drawString(190, 755, "受付済")
    c.showPage()

    # Two columns of prose at 1.3 line spacing.
    c.setFont("HeiseiMin-W3", 10.5)
    left = ["左の段の一行目は区の施策の説明で、", "二行目へそのまま続いていく文章です。", "三行目で左の段が終わります。"]
    right = ["右の段の一行目は別の話題を扱い、", "二行目も右の段の続きの文章です。", "三行目で右の段が終わります。"]
    for k, (l, r) in enumerate(zip(left, right)):
        c.drawString(56, 780 - k * 13.5, l)
        c.drawString(310, 780 - k * 13.5, r)
    c.showPage()

    # One column of prose at double spacing: each line its own row, in order.
    c.setFont("HeiseiMin-W3", 10.5)
    lines = ["一段の文章を行間を広く取って書いた例です。", "行と行は重ならないので、", "上から順に読まれなければなりません。"]
    for k, l in enumerate(lines):
        c.drawString(56, 780 - k * 24, l)
    c.showPage()

    # A roster with rows as tight as lines of text (10.5 pt in 14 pt rows, as Excel exports
    # it), drawn column by column: poppler reads each column as one paragraph.
    c.setFont("HeiseiMin-W3", 10.5)
    roster = [("1", "山田 花子", "世田谷区太子堂一丁目2番3号", "03-1111-2222"),
              ("2", "長谷川 明美", "世田谷区砧五丁目", "090-3333-4444"),
              ("3", "林 蓮", "世田谷区北沢二丁目10番1号 ハイツ北沢203", "03-5555-6666"),
              ("4", "小野寺 さくら", "世田谷区用賀", "080-7777-8888")]
    c.drawString(56, 790, "No.")
    c.drawString(90, 790, "氏名")
    c.drawString(190, 790, "住所")
    c.drawString(430, 790, "電話")
    for col, x in enumerate([56, 90, 190, 430]):
        for k, row in enumerate(roster):
            c.drawString(x, 776 - k * 14, row[col])
    c.showPage()

    # Vertical writing (縦書き), columns read right to left: poppler's order is kept.
    c.setFont("HeiseiMin-W3-V", 12)
    c.drawString(500, 780, "世田谷区の介護保険")
    c.drawString(480, 780, "担当は山田花子です")
    c.showPage()

    # A form row whose two values are blacked out by boxes drawn over them (fake redaction),
    # labels drawn before values: each hidden value keeps its own cell and its own label.
    from reportlab.pdfbase.pdfmetrics import stringWidth
    c.setFont("HeiseiMin-W3", 10.5)
    cells = [(56, "氏名", False), (200, "電話", False), (100, "岡田 和夫", True), (240, "03-4321-8765", True)]
    for x, s, covered in cells:
        c.setFillColorRGB(0, 0, 0)
        c.drawString(x, 780, s)
    for x, s, covered in cells:
        if covered:
            c.rect(x - 1, 780 - 3, stringWidth(s, "HeiseiMin-W3", 10.5) + 2, 13, stroke=0, fill=1)
    c.showPage()
    c.save()
    with open(os.path.join(root, "pdf-cases", "rows-layout.pdf"), "wb") as f:
        f.write(buf.getvalue())


def build(new, root: str) -> None:
    annotations(new)
    form(new)
    attachments(new)
    outline_links(new)
    hidden(new)
    scanned(new)
    encrypted_empty_user(new)
    cases(root)
    rows_cases(root)
