#!/usr/bin/env python3
"""Write an N-page Japanese text PDF for Tools/bench/pdf.sh (reportlab, non-embedded
HeiseiMin-W3 like the corpus). Each page: ~40 lines of public-comment prose, one table-like
line with an invented name and phone, and a page number.
With --fills, each page also has a filled grey header band (a filled shape, so the
hidden-text check renders every page: the worst case for that check).
Usage: make_text_pdf.py OUT.pdf PAGES [--fills]"""
import sys

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

out, pages = sys.argv[1], int(sys.argv[2])
fills = "--fills" in sys.argv[3:]
pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
prose = ["区民の皆様からいただいたご意見の概要と区の考え方をお示しします。",
         "障害のある子どもへの支援、認知症施策の推進について取り組みます。",
         "がん検診の受診率向上のため、受診期間を延長し周知を強化します。",
         "地域の見守り体制を充実させ、関係機関との連携を深めてまいります。"]
c = canvas.Canvas(out, invariant=1, pageCompression=1)
for p in range(1, pages + 1):
    if fills:
        c.setFillColorRGB(0.85, 0.85, 0.85)
        c.rect(50, 812, 495, 20, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
    c.setFont("HeiseiMin-W3", 10.5)
    y = 800
    for i in range(40):
        c.drawString(56, y, prose[(i + p) % len(prose)])
        y -= 17.5
    c.drawString(56, y, f"担当　政策経営部　山田 花子　電話 03-5432-{1000 + p % 9000:04d}")
    c.setFont("HeiseiMin-W3", 8)
    c.drawCentredString(297, 36, f"- {p} -")
    c.showPage()
c.save()
