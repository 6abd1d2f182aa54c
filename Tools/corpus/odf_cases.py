"""OpenDocument regression files, made by LibreOffice itself.

Writes Corpus/robustness/odf/: Office files with the features a reviewer misses (comments
with authors, tracked deletions, hidden text, hidden sheets / rows / columns, speaker notes,
a hidden slide, page headers), written with python-docx / openpyxl / python-pptx or taken
from Corpus/eval/office, then converted by `soffice --headless --convert-to odt|ods|odp`,
which is how real ODF files are made. expected.json lists, per file, findings that must be
reported as (source, category, text). All data is invented. build.sh empties
Corpus/robustness/: run this (and hostile.sh) after it.

    Tools/.venv-corpus/bin/python Tools/corpus/odf_cases.py      # needs LibreOffice (soffice)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.comments import Comment
from pptx import Presentation
from pptx.util import Inches

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Corpus", "robustness", "odf")


def roster_xlsx(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名簿"
    ws.append(["氏名", "電話", "備考"])
    ws.append(["北村 彩花", "03-3412-7781", "自治会"])
    ws.append(["南雲 拓真", "042-318-5520", ""])
    ws.append(["東海林 和子", "090-4471-2290", "非表示の行"])
    ws.row_dimensions[4].hidden = True
    ws["D1"] = "緊急連絡先"
    ws["D2"] = "080-2231-6654"
    ws.column_dimensions["D"].hidden = True
    c = Comment("本人は持病（糖尿病）のため通院中。家族の連絡先 090-8812-3345", "西園寺 誠")
    ws["A2"].comment = c  # (LibreOffice keeps the text of an imported note but not its author)
    hidden = wb.create_sheet("控え")
    hidden.append(["氏名", "電話"])
    hidden.append(["風間 美帆", "03-5521-0098"])
    hidden.sheet_state = "hidden"
    wb.save(path)


def minutes_docx(path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "作成 福祉課 担当 小野寺 恵"
    d.add_paragraph("第3回 地域ケア会議 議事録")
    d.add_paragraph("出席者 桐生 直樹（民生委員）")
    p = d.add_paragraph("連絡先は窓口まで。")
    run = p.add_run("本人携帯 090-6634-1187")
    run.font.hidden = True
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "氏名"
    t.cell(0, 1).text = "電話"
    t.cell(1, 0).text = "早乙女 理恵"
    t.cell(1, 1).text = "045-662-1903"
    if hasattr(d, "add_comment"):
        d.add_comment(d.paragraphs[1].runs, text="桐生さんの自宅は 03-3390-4412", author="鳥羽 修", initials="TO")
    d.core_properties.author = "小野寺 恵"
    d.save(path)


def slides_pptx(path):
    prs = Presentation()
    s1 = prs.slides.add_slide(prs.slide_layouts[5])
    s1.shapes.title.text = "説明会のお知らせ"
    s1.notes_slide.notes_text_frame.text = "問い合わせ対応 担当 薬師寺 遥 内線 03-5432-6611"
    s2 = prs.slides.add_slide(prs.slide_layouts[5])
    s2.shapes.title.text = "参加者"
    box = s2.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1))
    box.text_frame.text = "受付 石原 健一 090-7781-3320"
    s2._element.set("show", "0")  # a hidden slide
    prs.save(path)


EXPECTED = {
    "roster.ods": [
        ["body", "person_name", "北村 彩花"], ["body", "phone", "03-3412-7781"],
        ["hidden_row", "person_name", "東海林 和子"], ["hidden_row", "phone", "090-4471-2290"],
        ["hidden_column", "phone", "080-2231-6654"],
        ["comment", "medical", None], ["comment", "phone", "090-8812-3345"],
        ["hidden_sheet", "person_name", "風間 美帆"], ["hidden_sheet", "phone", "03-5521-0098"],
    ],
    "minutes.odt": [
        ["header_footer", "person_name", "小野寺 恵"], ["body", "person_name", "桐生 直樹"],
        ["invisible_text", "phone", "090-6634-1187"], ["body", "person_name", "早乙女 理恵"],
        ["body", "phone", "045-662-1903"], ["metadata", "person_name", "小野寺 恵"],
    ],
    "slides.odp": [
        ["notes", "person_name", "薬師寺 遥"], ["notes", "phone", "03-5432-6611"],
        ["invisible_text", "person_name", "石原 健一"], ["invisible_text", "phone", "090-7781-3320"],
    ],
    # Converted from the evaluation corpus: tracked deletions and comments with authors.
    "office-01.odt": [["tracked_change", "phone", None], ["tracked_change", "person_name", None],
                      ["invisible_text", "person_name", None]],
    "office-02.ods": [["hidden_sheet", "person_name", None], ["hidden_sheet", "phone", None]],
    "office-03.odp": [["comment", "person_name", None], ["comment", "phone", None]],
}


def main():
    if not shutil.which("soffice"):
        sys.exit("odf_cases: needs LibreOffice (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)")
    if hasattr(docx.Document(), "add_comment"):
        EXPECTED["minutes.odt"].append(["comment", "phone", "03-3390-4412"])
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        roster_xlsx(os.path.join(tmp, "roster.xlsx"))
        minutes_docx(os.path.join(tmp, "minutes.docx"))
        slides_pptx(os.path.join(tmp, "slides.pptx"))
        for name in ("office-01.docx", "office-02.xlsx", "office-03.pptx"):
            shutil.copy(os.path.join(ROOT, "Corpus", "eval", "office", name), tmp)
        profile = "file://" + os.path.join(tmp, "profile")
        for src, ext in (("roster.xlsx", "ods"), ("minutes.docx", "odt"), ("slides.pptx", "odp"),
                         ("office-01.docx", "odt"), ("office-02.xlsx", "ods"), ("office-03.pptx", "odp")):
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", ext,
                            "--outdir", OUT, os.path.join(tmp, src)], check=True, timeout=180,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "Tools/corpus/odf_cases.py (LibreOffice --convert-to)", "files": EXPECTED},
                  f, ensure_ascii=False, indent=1)
    print(f"odf_cases: {len(EXPECTED)} files in {OUT}")


if __name__ == "__main__":
    main()
