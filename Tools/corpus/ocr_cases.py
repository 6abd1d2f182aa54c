"""Scanned-style pages for the OCR reader, with the text and the boxes that were drawn.

Writes Corpus/ocr/: five A4 pages (three filled-in application forms form-a/b/c, a
vertical-writing notice, a prose letter) and a My Number card-like image (card-sized, 85.6 × 54
mm, marked 見本), each rendered in black on white with the Japanese fonts installed on the machine
(IPAexGothic / IPAexMincho, Noto Sans / Serif CJK JP, found with fc-match), as

    <doc>-clean-300.png  <doc>-mild-300.jpg  <doc>-heavy-300.jpg  <doc>-mild-200.jpg

mild = rotated 1-2°, Gaussian blur 0.6 px, light speckle noise, JPEG quality 75;
heavy = rotated about 2°, blur 1.2 px, more speckles, washed-out contrast, JPEG quality 40.
Also scanned-form.pdf (page 1 a text page, page 2 only the picture of form-a-mild-300),
scanned-only.pdf (letter-mild-300 as the whole page), pasted-scan.pdf (a text heading and
paragraph over a picture of form-c-mild-300 covering 60 % of the page) and scans.tiff (two
1-bit Group 4 pages: form-b-mild-300, letter-clean-300).

truth.json lists, per file and page, the full text as drawn (lines in reading order, "\\n"
between them; `image_text` where a PDF page also has a text layer: what only OCR can read)
and the personal information items (person_name, address, birth_date, phone, my_number)
with their exact text and pixel box (`bbox_px`, after rotation: the box enclosing the rotated
box), plus `bbox_pt` (PDF points, origin top-left) for PDFs. Items are written in the markup
of corpus_lib ({N:...}); ふりがな, the application date and the card's expiry date are not
labelled. All data is invented; the My Number has the official check digit. Deterministic:
fixed seeds, reportlab invariant=1. Scored by Tools/eval/ocr.sh.

    Tools/.venv-corpus/bin/python Tools/corpus/ocr_cases.py      # needs fontconfig (fc-match)
"""
from __future__ import annotations

import io
import json
import math
import os
import random
import shutil
import subprocess
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from corpus_lib import CATEGORY, MARK, my_number_check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Corpus", "ocr")
SEED = 20250401
A4 = (595.28, 841.89)                      # points
CARD = (85.6 / 25.4 * 72, 54.0 / 25.4 * 72)  # ID-1 card, points
VARIANTS = [("clean", 300), ("mild", 300), ("heavy", 300), ("mild", 200)]
FAMILIES = {  # key -> fontconfig family
    "gothic": "IPAexGothic",
    "mincho": "IPAexMincho",
    "sans": "Noto Sans CJK JP",
    "serif": "Noto Serif CJK JP",
}
# Characters drawn turned a quarter clockwise in vertical writing (the fonts' `vert`
# feature does not cover them); 、。（）ー「」 come from `vert`.
TURNED = set("－-‐―～〜")


# ---------------------------------------------------------------- fonts

def find_fonts() -> dict[str, tuple[str, int]]:
    """family key -> (file, face index), from fc-match; exits when one is missing."""
    if not shutil.which("fc-match"):
        sys.exit("ocr_cases: fc-match not found (apt-get install fontconfig)")
    found, missing = {}, []
    for key, family in FAMILIES.items():
        r = subprocess.run(["fc-match", "-f", "%{file}|%{index}|%{family}", family],
                           capture_output=True, text=True, check=False)
        path, _, rest = r.stdout.partition("|")
        index, _, names = rest.partition("|")
        if r.returncode != 0 or family.lower() not in names.lower().split(",") or not os.path.exists(path):
            missing.append(family)
            continue
        found[key] = (path, int(index or 0))
    if missing:
        sys.exit("ocr_cases: Japanese fonts missing: " + ", ".join(missing) +
                 " (apt-get install fonts-ipaexfont-gothic fonts-ipaexfont-mincho fonts-noto-cjk)")
    return found


class Fonts:
    def __init__(self, files: dict[str, tuple[str, int]]):
        self.files = files
        self._cache: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}

    def get(self, key: str, px: float) -> ImageFont.FreeTypeFont:
        k = (key, round(px, 2))
        if k not in self._cache:
            path, index = self.files[key]
            self._cache[k] = ImageFont.truetype(path, k[1], index=index)
        return self._cache[k]


# ---------------------------------------------------------------- layout (in points)

def parse(marked: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Plain text and (category, start, end) spans of {C:text} markup."""
    plain, spans, pos = "", [], 0
    for m in MARK.finditer(marked):
        plain += marked[pos:m.start()]
        spans.append((CATEGORY[m.group(1)], len(plain), len(plain) + len(m.group(2))))
        plain += m.group(2)
        pos = m.end()
    return plain + marked[pos:], spans


class Page:
    """Drawing operations in points (origin top-left) and the text in reading order."""

    def __init__(self, size: tuple[float, float]):
        self.size = size
        self.ops: list[tuple] = []
        self.lines: list[str] = []

    def _read(self, plain: str, same_line: bool) -> None:
        if same_line and self.lines:
            self.lines[-1] += " " + plain
        else:
            self.lines.append(plain)

    def text(self, x: float, baseline: float, marked: str, font: str, size: float,
             align: str = "left", same_line: bool = False) -> None:
        """A horizontal line; x is its left edge, centre or right edge by `align`."""
        plain, spans = parse(marked)
        self.ops.append(("h", x, baseline, plain, spans, font, size, align))
        self._read(plain, same_line)

    def vtext(self, x: float, top: float, marked: str, font: str, size: float) -> None:
        """A vertical column centred on x, characters stacked from `top` downwards."""
        plain, spans = parse(marked)
        self.ops.append(("v", x, top, plain, spans, font, size))
        self._read(plain, False)

    def line(self, x0, y0, x1, y1, width=0.6, fill=0) -> None:
        self.ops.append(("line", x0, y0, x1, y1, width, fill))

    def rect(self, x0, y0, x1, y1, width=0.6, outline=0, fill=None, radius=0.0) -> None:
        self.ops.append(("rect", x0, y0, x1, y1, width, outline, fill, radius))

    def ellipse(self, x0, y0, x1, y1, fill) -> None:
        self.ops.append(("ellipse", x0, y0, x1, y1, fill))

    @property
    def text_content(self) -> str:
        return "\n".join(self.lines)


def render(page: Page, dpi: int, fonts: Fonts) -> tuple[Image.Image, list[dict]]:
    """The page as an 'L' image at dpi, and its items with pixel boxes."""
    s = dpi / 72
    w, h = round(page.size[0] * s), round(page.size[1] * s)
    img = Image.new("L", (w, h), 255)
    g = ImageDraw.Draw(img)
    items: list[dict] = []

    def item(cat, text, box):
        items.append({"category": cat, "text": text, "bbox_px": [round(v) for v in box]})

    for op in page.ops:
        kind = op[0]
        if kind == "h":
            _, x, base, plain, spans, key, size, align = op
            f = fonts.get(key, size * s)
            x, y = x * s, base * s
            width = f.getlength(plain)
            x -= {"left": 0, "center": width / 2, "right": width}[align]
            g.text((x, y), plain, font=f, fill=0, anchor="ls")
            for cat, a, b in spans:
                dx = f.getlength(plain[:a])
                item(cat, plain[a:b], g.textbbox((x + dx, y), plain[a:b], font=f, anchor="ls"))
        elif kind == "v":
            _, x, top, plain, spans, key, size = op
            em = size * s
            f = fonts.get(key, em)
            cx, y0 = x * s, top * s
            for i, ch in enumerate(plain):
                y = y0 + i * em
                if ch in TURNED:
                    cell = Image.new("L", (math.ceil(em), math.ceil(em)), 255)
                    ImageDraw.Draw(cell).text((em / 2, em / 2), ch, font=f, fill=0, anchor="mm")
                    cell = cell.rotate(-90, resample=Image.Resampling.BICUBIC, fillcolor=255)
                    at = (round(cx - em / 2), round(y))
                    region = img.crop((at[0], at[1], at[0] + cell.width, at[1] + cell.height))
                    img.paste(ImageChops.darker(region, cell), at)
                elif not ch.isspace():
                    g.text((cx, y), ch, font=f, fill=0, anchor="mt", direction="ttb", features=["vert"])
            for cat, a, b in spans:
                item(cat, plain[a:b], (cx - em / 2, y0 + a * em, cx + em / 2, y0 + b * em))
        elif kind == "line":
            _, x0, y0, x1, y1, width, fill = op
            g.line((x0 * s, y0 * s, x1 * s, y1 * s), fill=fill, width=max(1, round(width * s)))
        elif kind == "rect":
            _, x0, y0, x1, y1, width, outline, fill, radius = op
            box = (x0 * s, y0 * s, x1 * s, y1 * s)
            wpx = max(1, round(width * s)) if outline is not None else 0
            if radius:
                g.rounded_rectangle(box, radius=radius * s, outline=outline, fill=fill, width=wpx)
            else:
                g.rectangle(box, outline=outline, fill=fill, width=wpx)
        elif kind == "ellipse":
            _, x0, y0, x1, y1, fill = op
            g.ellipse((x0 * s, y0 * s, x1 * s, y1 * s), fill=fill)
    return img, items


# ---------------------------------------------------------------- documents

def form(title: str, date: str, rows: list[tuple[str, str, float, float]], label_font: str,
         value_font: str, note: str) -> Page:
    """An application form: title, date, addressee, a ruled table of label | value rows."""
    p = Page(A4)
    left, right, split = 62.0, 533.0, 170.0
    p.text(A4[0] / 2, 92, title, label_font, 16, align="center")
    p.text(right, 126, date, value_font, 10.5, align="right")
    p.text(left, 150, "（あて先）世田谷区長", label_font, 10.5)
    p.text(left, 176, "次のとおり申請します。", label_font, 10.5)
    top = y = 194.0
    for i, (label, value, size, height) in enumerate(rows):
        if i:
            p.line(left, y, right, y, 0.5)
        p.text(left + 9, y + height / 2 + 10.5 * 0.36, label, label_font, 10.5)
        p.text(split + 10, y + height / 2 + size * 0.36, value, value_font, size, same_line=True)
        y += height
    p.rect(left, top, right, y, 1.2)
    p.line(split, top, split, y, 0.5)
    p.text(left, y + 24, note, label_font, 10)
    # office-use boxes, bottom right
    bx, by, bw, bh = 353.0, 700.0, 60.0, 20.0
    p.text(bx - 8, by + 14, "処理欄", label_font, 10, align="right")
    for i, name in enumerate(("受付", "確認", "入力")):
        x0 = bx + i * bw
        p.rect(x0, by, x0 + bw, by + bh + 50, 0.6)
        p.line(x0, by + bh, x0 + bw, by + bh, 0.5)
        p.text(x0 + bw / 2, by + 14, name, label_font, 10, align="center", same_line=True)
    return p


def form_a() -> Page:
    return form("住民票の写し等交付申請書", "令和6年9月2日", [
        ("ふりがな", "やまだ　はなこ", 10.5, 26),
        ("氏名", "{N:山田　花子}", 14, 42),
        ("生年月日", "{B:昭和55年4月12日}", 12, 34),
        ("住所", "{A:東京都世田谷区太子堂一丁目2番3号}", 12, 42),
        ("電話番号", "{T:03-3418-2275}", 12, 34),
        ("必要なもの", "住民票の写し　1通（世帯全員）", 12, 34),
        ("使用目的", "勤務先への提出", 12, 34),
    ], "gothic", "gothic", "※ 窓口では本人確認書類（運転免許証など）を提示してください。")


def form_b() -> Page:
    return form("印鑑登録申請書", "令和6年10月7日", [
        ("ふりがな", "ささき しょうた", 10.5, 26),
        ("氏名", "{N:佐々木 翔太}", 14, 42),
        ("生年月日", "{B:1992年11月3日}", 12, 34),
        ("住所", "{A:東京都世田谷区経堂4-17-9}", 12, 42),
        ("電話番号", "{T:090-4823-1176}", 12, 34),
        ("登録する印鑑", "別紙に押印", 12, 34),
        ("本人確認", "運転免許証", 12, 34),
    ], "serif", "serif", "※ 登録できる印鑑は一人一個です。代理人による申請は別の様式を使います。")


def form_c() -> Page:
    return form("転居届", "令和6年8月26日", [
        ("ふりがな", "はせべ　みわ", 10.5, 26),
        ("氏名", "{N:長谷部　美和}", 14, 42),
        ("生年月日", "{B:平成元年7月28日}", 12, 34),
        ("新住所", "{A:東京都世田谷区用賀二丁目8番15号 メゾン用賀203}", 12, 42),
        ("旧住所", "{A:東京都世田谷区松原五丁目3番10号}", 12, 42),
        ("電話番号", "{T:080-6621-0453}", 12, 34),
        ("転居日", "令和6年8月25日", 12, 34),
    ], "sans", "mincho", "※ 転居した日から14日以内に届け出てください。")


def my_number(rng: random.Random) -> str:
    d11 = "".join(str(rng.randrange(10)) for _ in range(11))
    n = d11 + str(my_number_check(d11))
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def card(number: str) -> Page:
    """個人番号カード風 (front and back merged on one card), clearly a sample."""
    w, h = CARD
    p = Page(CARD)
    p.rect(2.5, 2.5, w - 2.5, h - 2.5, 0.8, outline=110, radius=8)
    p.text(10, 18, "個人番号カード", "gothic", 9)
    p.rect(196, 8, 234, 24, 0.8)
    p.text(215, 21, "見本", "gothic", 11, align="center", same_line=True)
    p.text(10, 40, "氏名", "gothic", 6.5)
    p.text(32, 41, "{N:田村　恵理子}", "mincho", 11, same_line=True)
    p.text(10, 58, "住所", "gothic", 6.5)
    p.text(32, 58, "{A:東京都世田谷区北沢三丁目21番4号}", "mincho", 8, same_line=True)
    p.text(32, 75, "{B:昭和63年2月9日}生", "mincho", 8)
    p.text(112, 75, "性別　女", "mincho", 8, same_line=True)
    p.text(32, 92, "有効期限　2034年2月9日まで", "gothic", 6.5)
    p.rect(182, 32, 232, 96, 0.6, outline=90, fill=235)  # photo
    p.ellipse(196, 40, 218, 64, fill=190)
    p.ellipse(188, 66, 226, 104, fill=190)
    p.rect(182, 96, 232, 104, 0, outline=None, fill=255)
    p.line(182, 96, 232, 96, 0.6, fill=90)
    p.line(8, 106, w - 8, 106, 0.5, fill=120)
    p.text(10, 127, "個人番号", "gothic", 7)
    p.text(46, 128, "{M:" + number + "}", "gothic", 12, same_line=True)
    p.text(w - 10, 145, "世田谷区長", "mincho", 6.5, align="right")
    return p


def notice() -> Page:
    """縦書き: columns from right to left."""
    p = Page(A4)
    columns = [  # (text, size, top offset in characters); None = an empty column
        ("地区防災訓練のお知らせ", 16, 2),
        None,
        ("　日頃より町会の防災活動にご協力いただき、誠にありがとうございます。", 12, 0),
        ("このたび、下記のとおり地区防災訓練を実施いたします。", 12, 0),
        ("多くの皆様のご参加をお待ちしております。", 12, 0),
        None,
        ("記", 12, 24),
        ("一　日時　令和六年十一月十日（日）午前九時から正午まで", 12, 1),
        ("二　場所　若林地区会館前の広場（雨天中止）", 12, 1),
        ("三　持ち物　筆記用具、飲み物", 12, 1),
        None,
        ("問い合わせ先", 12, 1),
        ("町会防災部長　{N:村井　千鶴}", 12, 2),
        ("住所　{A:東京都世田谷区若林三丁目十四番二号}", 12, 2),
        ("電話　{T:０３－３４１９－５５７２}", 12, 2),
        None,
        ("令和六年十月二十日", 12, 30),
        ("若林三丁目町会", 12, 40),
    ]
    x, top, pitch = A4[0] - 78, 84.0, 22.0
    for col in columns:
        if col:
            text, size, offset = col
            p.vtext(x, top + offset * 12, text, "mincho", size)
        x -= pitch + (6 if col and col[1] > 12 else 0)
    return p


def letter() -> Page:
    p = Page(A4)
    left, right, size, lead = 70.0, 525.0, 10.5, 19.5
    p.text(A4[0] / 2, 96, "町内清掃活動のご報告", "serif", 14, align="center")
    p.text(right, 130, "令和6年10月15日", "serif", size, align="right")
    p.text(left, 156, "会員各位", "serif", size)
    p.text(right, 176, "三軒茶屋二丁目町会　事務局", "serif", size, align="right")
    body = [
        "　拝啓　秋冷の候、皆様にはますますご清祥のこととお喜び申し上げます。",
        "　さて、十月六日（日）に実施しました町内清掃活動には、三十二名の方にご参加",
        "いただきました。当日は班長の{N:北川 真由美}さんと{N:小松 健太郎}さんが受付と用具の",
        "貸し出しを担当し、集めたごみは{A:東京都世田谷区三軒茶屋二丁目11番8号}の集積所",
        "に運びました。ご協力に心より感謝申し上げます。",
        "　次回は十二月一日（日）午前九時からを予定しております。ご不明な点は、事務局",
        "（電話 {T:03-5412-8836}、平日午前十時から午後四時まで）までお問い合わせください。",
    ]
    y = 214.0
    for line in body:
        p.text(left, y, line, "serif", size)
        y += lead
    p.text(right, y, "敬具", "serif", size, align="right")
    y += lead * 2
    p.text(A4[0] / 2, y, "記", "serif", size, align="center")
    y += lead * 1.5
    for line in ("一　次回日程　令和6年12月1日（日）午前9時から", "二　集合場所　三軒茶屋二丁目児童遊園",
                 "三　持ち物　　軍手、飲み物（ごみ袋とトングは町会で用意します）"):
        p.text(left + 21, y, line, "serif", size)
        y += lead
    p.text(right, y, "以上", "serif", size, align="right")
    return p


# ---------------------------------------------------------------- degradation

LEVELS = {  # angle range (°), blur radius (px at 300 dpi), speckles per megapixel, contrast, JPEG quality
    "mild": dict(angle=(1.0, 2.0), blur=0.6, speckles=400, contrast=None, quality=75),
    "heavy": dict(angle=(1.8, 2.2), blur=1.2, speckles=1600, contrast=(48, 226), quality=40),
}


def degrade(img: Image.Image, level: str, dpi: int, rng: random.Random) -> tuple[Image.Image, float]:
    """A scanner's rendering of the page: skew, optics blur, dust, washed-out toner."""
    p = LEVELS[level]
    angle = rng.uniform(*p["angle"]) * rng.choice((-1, 1))
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(p["blur"] * dpi / 300))
    px = img.load()
    w, h = img.size
    for _ in range(int(p["speckles"] * w * h / 1e6)):
        x, y = rng.randrange(w - 2), rng.randrange(h - 2)
        value = 255 if rng.random() < 0.4 else rng.randrange(0, 90)
        k = rng.choice((1, 1, 1, 2))
        for dx in range(k):
            for dy in range(k):
                px[x + dx, y + dy] = value
    if p["contrast"]:
        lo, hi = p["contrast"]
        img = img.point([round(lo + v * (hi - lo) / 255) for v in range(256)])
    return img, angle


def rotate_box(box, angle: float, size: tuple[int, int]) -> list[int]:
    """Axis-aligned box enclosing `box` turned like Image.rotate(angle) (counter-clockwise)."""
    cx, cy = size[0] / 2, size[1] / 2
    t = math.radians(angle)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        xs.append(cx + (x - cx) * math.cos(t) + (y - cy) * math.sin(t))
        ys.append(cy - (x - cx) * math.sin(t) + (y - cy) * math.cos(t))
    return [max(0, round(min(xs))), max(0, round(min(ys))), min(size[0], round(max(xs))), min(size[1], round(max(ys)))]


# ---------------------------------------------------------------- PDFs and TIFF

def _canvas(buf, fonts: Fonts):
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    rl_config.useA85 = 0  # the JPEG goes in as it is, not 25 % bigger in ASCII85
    if "IPAexMincho" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAexMincho", fonts.files["mincho"][0]))
    return canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)


def _lines(c, lines: list[tuple[float, str, float]]) -> str:
    """Text lines (top in points, text, size) drawn with the embedded TTF; their text."""
    for top, text, size in lines:
        c.setFont("IPAexMincho", size)
        c.drawString(62, A4[1] - top, text)
    return "\n".join(t for _, t, _ in lines)


def _placed(page: dict, x0: float, y0: float, sx: float, sy: float) -> dict:
    """The image's truth page with bbox_pt for an image drawn at (x0, y0) scaled by (sx, sy)."""
    items = []
    for it in page["items"]:
        b = it["bbox_px"]
        items.append({**it, "bbox_pt": [round(x0 + b[0] * sx, 2), round(y0 + b[1] * sy, 2),
                                        round(x0 + b[2] * sx, 2), round(y0 + b[3] * sy, 2)]})
    return {**page, "items": items}


def pdfs(images: dict[str, dict], fonts: Fonts) -> list[dict]:
    out = []
    W, H = A4

    def write(name, buf):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(buf.getvalue())

    def full_page(c, src):
        path = os.path.join(OUT, src["file"])
        c.drawImage(path, 0, 0, width=W, height=H)
        w, h = Image.open(path).size
        return _placed(src["pages"][0], 0, 0, W / w, H / h)

    # scanned-form.pdf: a text cover page, then the scan alone
    src = images["form-a-mild-300"]
    buf = io.BytesIO()
    c = _canvas(buf, fonts)
    cover = _lines(c, [(100, "申請書類の写し", 16),
                       (140, "次のページは、窓口で受け付けた申請書をスキャナーで読み取った画像です。", 10.5),
                       (160, "原本は所定の期間保管したのち廃棄します。", 10.5)])
    c.showPage()
    scan = full_page(c, src)
    c.showPage()
    c.save()
    write("scanned-form.pdf", buf)
    out.append({"file": "scanned-form.pdf", "doc": "form-a", "level": "mild", "dpi": 300, "kind": "pdf",
                "pages": [{"page": 1, "level": "text", "text": cover, "image_text": "", "items": []},
                          {**scan, "page": 2, "source_image": src["file"]}]})

    # scanned-only.pdf
    src = images["letter-mild-300"]
    buf = io.BytesIO()
    c = _canvas(buf, fonts)
    scan = full_page(c, src)
    c.showPage()
    c.save()
    write("scanned-only.pdf", buf)
    out.append({"file": "scanned-only.pdf", "doc": "letter", "level": "mild", "dpi": 300, "kind": "pdf",
                "pages": [{**scan, "page": 1, "source_image": src["file"]}]})

    # pasted-scan.pdf: text, and a scan pasted into the report covering 60 % of the page
    src = images["form-c-mild-300"]
    path = os.path.join(OUT, src["file"])
    w, h = Image.open(path).size
    pw = W * math.sqrt(0.6)
    ph = pw * h / w
    x0, y0 = (W - pw) / 2, 168.0
    buf = io.BytesIO()
    c = _canvas(buf, fonts)
    heading = _lines(c, [(64, "添付資料　届出書（写し）", 14),
                         (96, "以下は、提出された届出書を複合機で読み取り、この報告書に貼り付けたものです。", 10.5),
                         (116, "内容の確認は担当課で行っています。原本は担当課で保管しています。", 10.5),
                         (136, "（画像の解像度は読み取り時のままです。）", 10.5)])
    c.drawImage(path, x0, H - y0 - ph, width=pw, height=ph)
    c.showPage()
    c.save()
    write("pasted-scan.pdf", buf)
    page = _placed(src["pages"][0], x0, y0, pw / w, ph / h)
    out.append({"file": "pasted-scan.pdf", "doc": "form-c", "level": "mild", "dpi": 300, "kind": "pdf",
                "pages": [{**page, "page": 1, "source_image": src["file"], "image_text": page["text"],
                           "text": heading + "\n" + page["text"],
                           "image_bbox_pt": [round(x0, 2), round(y0, 2), round(x0 + pw, 2), round(y0 + ph, 2)]}]})
    return out


def tiff(images: dict[str, dict]) -> dict:
    """Two 1-bit pages, CCITT Group 4, as a document feeder with a fax profile writes them."""
    frames, pages = [], []
    for i, key in enumerate(("form-b-mild-300", "letter-clean-300"), 1):
        src = images[key]
        g = Image.open(os.path.join(OUT, src["file"])).convert("L")
        frames.append(g.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE))
        pages.append({**src["pages"][0], "page": i, "level": src["level"], "dpi": src["dpi"],
                      "source_image": src["file"]})
    frames[0].save(os.path.join(OUT, "scans.tiff"), save_all=True, append_images=frames[1:],
                   compression="group4", dpi=(300, 300))
    return {"file": "scans.tiff", "doc": "form-b+letter", "level": "mixed", "dpi": 300, "kind": "tiff",
            "pages": pages}


# ---------------------------------------------------------------- main

def main() -> None:
    fonts = Fonts(find_fonts())
    rng = random.Random(SEED)
    docs = {"form-a": form_a(), "form-b": form_b(), "form-c": form_c(), "card": card(my_number(rng)),
            "notice": notice(), "letter": letter()}
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    images: dict[str, dict] = {}
    for doc, page in docs.items():
        for level, dpi in VARIANTS:
            img, items = render(page, dpi, fonts)
            angle = 0.0
            if level == "clean":
                name = f"{doc}-{level}-{dpi}.png"
                img.save(os.path.join(OUT, name), optimize=True, dpi=(dpi, dpi))
            else:
                img, angle = degrade(img, level, dpi, random.Random(f"{SEED}:{doc}:{level}:{dpi}"))
                for it in items:
                    it["bbox_px"] = rotate_box(it["bbox_px"], angle, img.size)
                name = f"{doc}-{level}-{dpi}.jpg"
                img.save(os.path.join(OUT, name), quality=LEVELS[level]["quality"], dpi=(dpi, dpi))
            pg = {"page": 1, "text": page.text_content, "size_px": list(img.size), "items": items}
            if angle:
                pg["rotation_deg"] = round(angle, 3)
            images[f"{doc}-{level}-{dpi}"] = {"file": name, "doc": doc, "level": level, "dpi": dpi,
                                              "kind": "image", "pages": [pg]}
    files = list(images.values()) + pdfs(images, fonts) + [tiff(images)]
    truth = {
        "generator": "Tools/corpus/ocr_cases.py",
        "notes": ["Page text: lines in reading order joined by \\n; cells of one table row joined by a space.",
                  "bbox_px of a rotated page (rotation_deg, counter-clockwise) encloses the rotated box of the "
                  "text, so it is a little larger than the ink.",
                  "bbox_pt: PDF points, origin top-left. image_text: what only OCR can read on a page that also "
                  "has a text layer.",
                  "scans.tiff: 1-bit Group 4 thresholds of form-b-mild-300 and letter-clean-300 (same boxes)."],
        "files": files,
    }
    with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    pasted_docx(os.path.join(OUT, images["form-b-mild-300"]["file"]))
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print(f"ocr_cases: {len(files)} files in {OUT} ({total / 1e6:.2f} MB)")


def pasted_docx(scan: str) -> None:
    """Corpus/robustness/ocr/pasted-form.docx: a Word file (python-docx) with a line of text and
    a scanned form pasted in as a picture, the way staff attach a filled-in paper form."""
    import docx
    from docx.shared import Inches
    out = os.path.join(ROOT, "Corpus", "robustness", "ocr")
    os.makedirs(out, exist_ok=True)
    d = docx.Document()
    d.add_paragraph("添付資料：提出された申請書の写しを以下に貼り付けます。")
    d.add_picture(scan, width=Inches(6))
    d.core_properties.author = ""
    d.save(os.path.join(out, "pasted-form.docx"))


if __name__ == "__main__":
    main()
