"""Learn which misreadings Sumi's OCR makes of the words whose reading digits make certain.

Renders lines of the kind forms are made of — era dates (昭和55年4月12日, 令和6年…, 平成, 大正,
明治, 元年) and block numbers (2丁目3番4号, 5番地) — with random numbers, in the four Japanese
fonts of Tools/corpus/ocr_cases.py, at 300 dpi with its "mild" and "heavy" degradation (under
seeds of their own, not the corpus's), reads them with `sumi extract` (the same Tesseract path
as a scan), aligns what was read with what was drawn, and counts the equal-length substitutions
inside the target words: 召和 for 昭和 before a number, 呈 for 号 after one.

Prints rows for Rules/dict/text/ocr_confusions.tsv (misread, printed, where, count/trials),
keeping a misreading seen at least --min times that is not itself a word in that position:
a candidate whose misread form occurs before a digit in ordinary text (同和 does not, 大正 does)
is the judgement of the person copying the rows in, as the file's header says.

    Tools/.venv-corpus/bin/python Tools/ocr/learn_confusions.py --sumi .build/release/sumi
"""
from __future__ import annotations

import argparse
import collections
import difflib
import json
import os
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "corpus"))
import ocr_cases  # noqa: E402  (fonts and degradation, shared with the OCR corpus)

ERAS = {"明治": 45, "大正": 15, "昭和": 64, "平成": 31, "令和": 8}
BLOCK_UNITS = ["丁目", "番地", "番", "号"]
LABELS = ["生年月日", "住所", "申請日", "届出日", "", ""]
TOWNS = ["桜丘", "若林", "北沢", "松原", "中町", "緑が丘", "本町", "東山", "新田"]


def era_line(rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    era = rng.choice(list(ERAS))
    year = "元" if rng.random() < 0.1 else str(rng.randint(2, ERAS[era]))
    label = rng.choice(LABELS)
    text = f"{label} " if label else ""
    start = len(text)
    text += f"{era}{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    return text, [(start, start + len(era), "before")]


def block_line(rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
    text = f"住所 {rng.choice(TOWNS)}"
    targets = []
    style = rng.random()
    for i, unit in enumerate(["丁目", "番", "号"] if style < 0.6 else ["番地", "号"] if style < 0.8 else ["番地"]):
        text += str(rng.randint(1, 40 if i else 9))
        targets.append((len(text), len(text) + len(unit), "after"))
        text += unit
    return text, targets


def page(rng: random.Random, fonts: ocr_cases.Fonts, font: str, level: str):
    """One 300 dpi image of 24 lines and their targets (line index, start, end, where)."""
    dpi, size_pt = 300, rng.choice([10.5, 11, 12])
    px = size_pt * dpi / 72
    lines = [era_line(rng) if i % 2 == 0 else block_line(rng) for i in range(24)]
    img = Image.new("L", (2480, int(px * 2.0 * len(lines) + 400)), 255)
    draw = ImageDraw.Draw(img)
    for i, (text, _) in enumerate(lines):
        draw.text((300, 200 + i * px * 2.0), text, font=fonts.get(font, px), fill=0)
    img, _ = ocr_cases.degrade(img, level, dpi, rng)
    return img, lines


def aligned(ops, got: str, s: int, e: int) -> str | None:
    """What OCR read where drawn[s:e] was, when every character of it was kept or replaced
    one for one (None when OCR dropped or added characters there)."""
    out = []
    for p in range(s, e):
        for tag, i1, i2, j1, j2 in ops:
            if i1 <= p < i2:
                if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                    out.append(got[j1 + (p - i1)])
                    break
                return None
        else:
            return None
    return "".join(out)


def read(sumi: str, path: str) -> str:
    r = subprocess.run([sumi, "extract", "--format", "jsonl", path], capture_output=True, text=True, check=False)
    texts = []
    for line in r.stdout.splitlines():
        try:
            unit = json.loads(line)
        except ValueError:
            continue
        if isinstance(unit, dict) and unit.get("source") == "ocr":
            texts.append(str(unit.get("text") or ""))
    return "\n".join(texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sumi", default=os.path.join(HERE, "..", "..", ".build", "release", "sumi"))
    ap.add_argument("--pages", type=int, default=16, help="images per font and level (24 lines each)")
    ap.add_argument("--seed", type=int, default=7301)
    ap.add_argument("--min", type=int, default=2, help="least count for a misreading to be printed")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    fonts = ocr_cases.Fonts(ocr_cases.find_fonts())
    seen: collections.Counter = collections.Counter()
    trials: collections.Counter = collections.Counter()
    with tempfile.TemporaryDirectory(prefix="sumi-confusions-") as tmp:
        for font in sorted(fonts.files):
            for level in ("mild", "heavy"):
                for n in range(args.pages):
                    img, lines = page(rng, fonts, font, level)
                    path = os.path.join(tmp, f"{font}-{level}-{n}.jpg")
                    img.save(path, quality=ocr_cases.LEVELS[level]["quality"])
                    drawn = "\n".join(t for t, _ in lines)
                    got = read(args.sumi, path).replace(" ", "")
                    # Offsets of each target in `drawn` (spaces kept out, as in `got`).
                    flat, index = "", []
                    for text, targets in lines:
                        base = len(flat)
                        spaced = text
                        for s, e, where in targets:
                            pre = len(spaced[:s].replace(" ", ""))
                            index.append((base + pre, base + pre + (e - s), spaced[s:e], where))
                        flat += spaced.replace(" ", "") + "\n"
                    sm = difflib.SequenceMatcher(None, flat, got, autojunk=False)
                    ops = sm.get_opcodes()
                    for s, e, word, where in index:
                        trials[(word, where)] += 1
                        misread = aligned(ops, got, s, e)
                        if misread is not None and misread != word:
                            seen[(misread, word, where)] += 1
                    print(f"{font} {level} {n + 1}/{args.pages}", file=sys.stderr)
    print("# misread\tprinted\twhere\tseen/trials")
    for (misread, word, where), count in seen.most_common():
        if count >= args.min:
            context = "before_digit" if where == "before" else "after_digit"
            print(f"{misread}\t{word}\t{context}\t{count}/{trials[(word, where)]}")


if __name__ == "__main__":
    main()
