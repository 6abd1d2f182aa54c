"""Legacy Office regression files (.doc, .xls, .ppt, .rtf), made by LibreOffice itself.

Writes Corpus/robustness/legacy/: the same documents as odf_cases.py (comments with authors,
tracked deletions, hidden text, hidden sheets / rows / columns, speaker notes, a hidden slide,
page headers, properties), written with python-docx / openpyxl / python-pptx or taken from
Corpus/eval/office, then saved by `soffice --headless --convert-to doc|xls|ppt|rtf`, which is
how real legacy files from LibreOffice offices are made. Sumi reads them by converting them back
to OOXML, so these files test that what a reviewer misses survives both conversions.
expected.json lists, per file, findings that must be reported as (source, category, text).
All data is invented. build.sh empties Corpus/robustness/: run this after it.

    Tools/.venv-corpus/bin/python Tools/corpus/legacy_cases.py   # needs LibreOffice (soffice)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import odf_cases  # noqa: E402  (the document builders)

ROOT = odf_cases.ROOT
OUT = os.path.join(ROOT, "Corpus", "robustness", "legacy")

# (source document, LibreOffice target) → file name in OUT.
CONVERSIONS = [
    ("roster.xlsx", "xls:MS Excel 97"), ("minutes.docx", "doc:MS Word 97"), ("minutes.docx", "rtf"),
    ("slides.pptx", "ppt:MS PowerPoint 97"), ("office-01.docx", "doc:MS Word 97"),
    ("office-02.xlsx", "xls:MS Excel 97"), ("office-03.pptx", "ppt:MS PowerPoint 97"),
]

EXPECTED = {
    "roster.xls": odf_cases.EXPECTED["roster.ods"],
    "minutes.doc": odf_cases.EXPECTED["minutes.odt"],
    "minutes.rtf": odf_cases.EXPECTED["minutes.odt"],
    "slides.ppt": odf_cases.EXPECTED["slides.odp"],
    "office-01.doc": odf_cases.EXPECTED["office-01.odt"],
    "office-02.xls": odf_cases.EXPECTED["office-02.ods"],
    "office-03.ppt": odf_cases.EXPECTED["office-03.odp"],
}


def main():
    if not shutil.which("soffice"):
        sys.exit("legacy_cases: needs LibreOffice (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)")
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        odf_cases.roster_xlsx(os.path.join(tmp, "roster.xlsx"))
        odf_cases.minutes_docx(os.path.join(tmp, "minutes.docx"))
        odf_cases.slides_pptx(os.path.join(tmp, "slides.pptx"))
        for name in ("office-01.docx", "office-02.xlsx", "office-03.pptx"):
            shutil.copy(os.path.join(ROOT, "Corpus", "eval", "office", name), tmp)
        profile = "file://" + os.path.join(tmp, "profile")
        for src, target in CONVERSIONS:
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                            "--outdir", OUT, os.path.join(tmp, src)], check=True, timeout=180,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "Tools/corpus/legacy_cases.py (LibreOffice --convert-to doc|xls|ppt|rtf)",
                   "files": EXPECTED}, f, ensure_ascii=False, indent=1)
    print(f"legacy_cases: {len(EXPECTED)} files in {OUT}")


if __name__ == "__main__":
    main()
