#!/usr/bin/env python3
"""Fresh-sample evaluation set: a new, labelled set of ~60 documents for every seed.

Usage: python fresh.py --seed N --out DIR [--no-check] [--leak-check]

Corpus/ was labelled while the rules were written, so its figures flatter Sumi.  This
generator writes documents nobody has looked at: every template's phrasing, layout,
column order, header wording, date style, dash style, digit width and spacing is drawn
from the seed's RNG, towns come from the gazetteer in Rules/dict/places, and a large
share of the people have names that are NOT in Rules/dict/names (composed from name
kanji and checked against the lists, foreign names in katakana with ・, romaji in
capitals, hiragana given names, half-width katakana account holders).

Labels use corpus_lib's markup ({N:...} etc.) and writers, so DIR/truth.json is exact and
in the format sumi-eval reads (paths relative to DIR).  After writing, every document is
verified with check_truth.check_doc (the same check Tools/corpus/build.sh runs on Corpus/).

Everything is invented: names are compositions, not people; street numbers, phone numbers,
account numbers are random; domains are example.jp / example.com / example.ne.jp; My
Numbers are random 11 digits plus the official check digit.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

from corpus_lib import (Doc, Docx, Html, Pdf, Pptx, Xlsx, corporate_number,  # noqa: E402
                        encode_exact, my_number_check, strip, write_csv, write_text)

DICT = os.path.join(REPO, "Rules", "dict")

# =================================================================== dictionaries
SUR_ALL: set[str] = set()
GIV_ALL: set[str] = set()
SUR_READ: set[str] = set()                  # hiragana readings in the lists
GIV_READ: set[str] = set()
SUR_T1: list[tuple[str, str]] = []          # (surface, reading) tier 1, rank <= 2000
GIV_T1: dict[str, list[tuple[str, str]]] = {"m": [], "f": [], "u": []}
TOWNS: list[tuple[str, str, str, int]] = []  # (pref, muni, town, max_chome)
MUNI_KIND: dict[tuple[str, str], str] = {}


def _tsv(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _cp932_ok(s: str) -> bool:
    try:
        return s.encode("cp932").decode("cp932") == s
    except UnicodeError:
        return False


def load_dicts() -> None:
    for row in _tsv(os.path.join(DICT, "names", "surnames.tsv")):
        SUR_ALL.add(row[0])
        SUR_READ.add(row[1])
        if row[2] == "1" and row[3] and int(row[3]) <= 2000 and _cp932_ok(row[0]) and len(row[1]) >= 2:
            SUR_T1.append((row[0], row[1]))
    for fn in ("given_names.tsv", "given_names_tier2.tsv"):
        for row in _tsv(os.path.join(DICT, "names", fn)):
            GIV_ALL.add(row[0])
            GIV_READ.add(row[1])
            if row[2] == "1" and 1 <= len(row[0]) <= 3 and len(row[1]) >= 2 and _cp932_ok(row[0]):
                GIV_T1[row[3] if row[3] in GIV_T1 else "u"].append((row[0], row[1]))
    for row in _tsv(os.path.join(DICT, "places", "municipalities.tsv")):
        MUNI_KIND[(row[0], row[1])] = row[3]
    tdir = os.path.join(DICT, "places", "towns")
    for fn in sorted(os.listdir(tdir)):
        for row in _tsv(os.path.join(tdir, fn)):
            pref, muni, town, _reading, chome = row[0], row[1], row[2], row[3], row[4]
            if not town or len(town) > 8 or not _cp932_ok(pref + muni + town):
                continue
            if re.search(r"[0-9０-９A-Za-zＡ-Ｚ（）()、・]", town):
                continue
            TOWNS.append((pref, muni, town, int(chome) if chome.isdigit() else 0))


def hira(s: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)


def known_sur(surface: str) -> bool:
    return surface in SUR_ALL or hira(surface) in SUR_READ


def known_giv(surface: str) -> bool:
    return surface in GIV_ALL or hira(surface) in GIV_READ


# text of every labelled person name -> True when no part of it is in Rules/dict/names (see N()).
NAME_OOD: dict[str, bool] = {}


def in_dict(text: str) -> bool:
    """Fallback for a name not rendered through N(): True when any part is a listed spelling or reading."""
    t = unicodedata.normalize("NFKC", text)
    if re.search(r"[A-Za-z]", t):
        return False  # the lists hold kanji/kana spellings only
    parts = [p for p in re.split(r"[ \u3000・･]+", t) if p]
    for p in parts:
        if known_sur(p) or known_giv(p):
            return True
        if len(parts) == 1:
            for k in range(1, len(p)):
                if p[:k] in SUR_ALL and p[k:] in GIV_ALL:
                    return True
    return False


# =================================================================== kana helpers
HW = {}
for _c in range(0xFF61, 0xFFA0):
    _full = unicodedata.normalize("NFKC", chr(_c))
    if len(_full) == 1 and not unicodedata.combining(_full):
        HW[_full] = chr(_c)


def kata(s: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in s)


def halfwidth_kana(s: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFD", kata(s)):
        if ch == "\u3099":
            out.append("ﾞ")
        elif ch == "\u309a":
            out.append("ﾟ")
        elif ch in ("\u3000", " "):
            out.append(" ")
        else:
            out.append(HW.get(ch, ch))
    return "".join(out)


_ROMA = dict(zip(
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
    "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ",
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
    "ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji zu de do "
    "ba bi bu be bo pa pi pu pe po".split()))
_YOON = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def romaji(h: str) -> str:
    h = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in h)
    out, i = [], 0
    while i < len(h):
        c = h[i]
        if c == "っ" and i + 1 < len(h):
            nxt = _ROMA.get(h[i + 1], "")
            out.append(nxt[:1] if nxt else "")
            i += 1
            continue
        r = _ROMA.get(c, "")
        if i + 1 < len(h) and h[i + 1] in _YOON and r:
            base = r[:-1]
            if base in ("sh", "ch", "j"):
                r = base + _YOON[h[i + 1]]
            else:
                r = base + "y" + _YOON[h[i + 1]]
            i += 1
        elif c == "ー" and out:
            r = ""
        out.append(r)
        i += 1
    return "".join(out)


# =================================================================== name material
# Name kanji with one reading each.  Compositions are kept only if Rules/dict does not list them.
S1 = [("楠", "くす"), ("梶", "かじ"), ("椎", "しい"), ("柚", "ゆず"), ("萩", "はぎ"), ("蔦", "つた"), ("樫", "かし"),
      ("榎", "えの"), ("桐", "きり"), ("菱", "ひし"), ("蓬", "よもぎ"), ("葛", "くず"), ("芦", "あし"), ("茅", "かや"),
      ("栗", "くり"), ("梨", "なし"), ("杉", "すぎ"), ("柿", "かき"), ("桑", "くわ"), ("笹", "ささ"), ("苅", "かり"),
      ("鷲", "わし"), ("鷹", "たか"), ("鴨", "かも"), ("鶴", "つる"), ("亀", "かめ"), ("熊", "くま"), ("鹿", "しか"),
      ("霧", "きり"), ("霞", "かすみ"), ("雪", "ゆき"), ("露", "つゆ"), ("磯", "いそ"), ("潮", "しお"), ("滝", "たき"),
      ("峰", "みね"), ("沼", "ぬま"), ("泉", "いずみ"), ("堀", "ほり"), ("岬", "みさき"), ("椿", "つばき"), ("藍", "あい"),
      ("楢", "なら"), ("槇", "まき"), ("檜", "ひ"), ("菖", "しょう"), ("蒔", "まき"), ("筧", "かけい"), ("巽", "たつみ")]
S2 = [("瀬", "せ"), ("沢", "さわ"), ("谷", "たに"), ("原", "はら"), ("森", "もり"), ("丘", "おか"), ("崎", "ざき"),
      ("尾", "お"), ("江", "え"), ("浦", "うら"), ("島", "じま"), ("野", "の"), ("畑", "はた"), ("垣", "がき"),
      ("坂", "さか"), ("塚", "づか"), ("橋", "はし"), ("根", "ね"), ("窪", "くぼ"), ("平", "ひら"), ("岡", "おか"),
      ("守", "もり"), ("戸", "ど"), ("間", "ま"), ("宮", "みや"), ("本", "もと"), ("井", "い"), ("川", "かわ"),
      ("田", "た"), ("池", "いけ"), ("代", "しろ"), ("居", "い"), ("迫", "さこ"), ("場", "ば"), ("柳", "やなぎ"),
      ("淵", "ぶち"), ("堂", "どう"), ("倉", "くら")]
G1M = [("瑛", "えい"), ("煌", "こう"), ("暁", "あき"), ("柊", "しゅう"), ("琥", "こ"), ("颯", "そう"), ("朔", "さく"),
       ("慧", "けい"), ("侑", "ゆう"), ("蒼", "あお"), ("湊", "みな"), ("凌", "りょう"), ("峻", "しゅん"), ("巧", "たく"),
       ("隼", "はや"), ("晴", "はる"), ("迅", "じん"), ("嵩", "たか"), ("篤", "あつ"), ("鷹", "たか")]
G2M = [("斗", "と"), ("哉", "や"), ("汰", "た"), ("玖", "く"), ("郎", "ろう"), ("吾", "ご"), ("輔", "すけ"), ("平", "へい"),
       ("雄", "お"), ("臣", "おみ"), ("朗", "ろう"), ("磨", "ま"), ("馬", "ま"), ("児", "じ")]
G1F = [("翠", "すい"), ("凛", "りん"), ("綺", "あや"), ("澪", "みお"), ("雫", "しず"), ("紬", "つむ"), ("碧", "あお"),
       ("穂", "ほ"), ("芹", "せり"), ("椿", "つばき"), ("瑠", "る"), ("琴", "こと"), ("萌", "も"), ("詩", "うた"),
       ("楓", "ふう"), ("栞", "しおり"), ("織", "おり"), ("環", "たま"), ("薫", "かお"), ("葵", "あおい")]
G2F = [("那", "な"), ("羽", "は"), ("緒", "お"), ("葉", "は"), ("乃", "の"), ("璃", "り"), ("衣", "い"), ("香", "か"),
       ("実", "み"), ("恵", "え"), ("花", "か"), ("音", "ね"), ("絵", "え"), ("沙", "さ"), ("世", "よ"), ("子", "こ")]
HIRA_STEM_F = ["みお", "ゆず", "ここ", "ひな", "こと", "はな", "すず", "あや", "ちさ", "まほ", "りお", "かほ", "なぎ",
               "いろ", "つむ", "ほの", "ゆら", "しず", "もえ", "さき", "のど", "まな", "ゆき", "ちよ", "うた"]
HIRA_END_F = ["は", "の", "か", "み", "な", "え", "り", "ね", "ほ", "こ", "よ", "せ", "わ"]
HIRA_STEM_M = ["はる", "そう", "ゆう", "りく", "こう", "しゅう", "えい", "たい", "ひろ", "かず", "しん", "りょう"]
HIRA_END_M = ["と", "た", "ま", "へい", "すけ", "じ", "や", "き", "ご", "のすけ"]
FOREIGN_GIVEN = [  # (katakana, romaji, gender, region)
    ("アマラ", "Amara", "f", "x"), ("ルシアナ", "Luciana", "f", "x"), ("ドミトリー", "Dmitry", "m", "x"), ("ソフィア", "Sofia", "f", "x"),
    ("カルロス", "Carlos", "m", "x"), ("ファティマ", "Fatima", "f", "x"), ("イヴァン", "Ivan", "m", "x"), ("ジュリア", "Giulia", "f", "x"),
    ("ダニエラ", "Daniela", "f", "x"), ("ノア", "Noah", "m", "x"), ("ビクター", "Victor", "m", "x"), ("オルガ", "Olga", "f", "x"),
    ("アントニオ", "Antonio", "m", "x"), ("エリフ", "Elif", "f", "x"), ("マテウス", "Mateus", "m", "x"),
    ("ラフル", "Rahul", "m", "s"), ("プリヤ", "Priya", "f", "s"), ("スジャータ", "Sujata", "f", "s"), ("アリフ", "Arif", "m", "s"),
    ("ビシャル", "Bishal", "m", "s"), ("アニタ", "Anita", "f", "s"),
    ("ホア", "Hoa", "f", "vn"), ("ティエン", "Tien", "m", "vn"), ("タイン", "Thanh", "m", "vn"), ("リン", "Linh", "f", "vn"),
    ("ラン", "Lan", "f", "vn"), ("フォン", "Phuong", "f", "vn"), ("ナム", "Nam", "m", "vn"), ("トゥアン", "Tuan", "m", "vn"),
    ("ミンジュン", "Minjun", "m", "kr"), ("ソヨン", "Seoyeon", "f", "kr"), ("ジフ", "Jihu", "m", "kr"), ("ハウン", "Haeun", "f", "kr"),
    ("バータル", "Baatar", "m", "mn"), ("ナラ", "Naraa", "f", "mn")]
FOREIGN_FAMILY = [  # (katakana, romaji, region)
    ("パテル", "PATEL", "s"), ("シン", "SINGH", "s"), ("カーン", "KHAN", "s"), ("タパ", "THAPA", "s"), ("グルン", "GURUNG", "s"),
    ("ペレラ", "PERERA", "s"), ("アフメド", "AHMED", "s"),
    ("グエン", "NGUYEN", "vn"), ("チャン", "TRAN", "vn"), ("レ", "LE", "vn"), ("ファン", "PHAN", "vn"), ("ホアン", "HOANG", "vn"),
    ("ヴー", "VU", "vn"),
    ("シルバ", "SILVA", "x"), ("サントス", "SANTOS", "x"), ("オリヴェイラ", "OLIVEIRA", "x"), ("コヴァレンコ", "KOVALENKO", "x"),
    ("ガルシア", "GARCIA", "x"), ("ロドリゲス", "RODRIGUEZ", "x"), ("メンドーサ", "MENDOZA", "x"), ("ユルドゥズ", "YILDIZ", "x"),
    ("ソリアーノ", "SORIANO", "x"),
    ("パク", "PARK", "kr"), ("チョン", "JEONG", "kr"), ("ユン", "YOON", "kr"),
    ("バトバヤル", "BATBAYAR", "mn"), ("ガンバータル", "GANBAATAR", "mn")]


def _ood(pairs1, pairs2, known):
    out = []
    for a, ar in pairs1:
        for b, br in pairs2:
            s = a + b
            if a != b and s not in known and _cp932_ok(s):
                out.append((s, ar + br))
    return out


OOD_SUR: list[tuple[str, str]] = []
OOD_GIV: dict[str, list[tuple[str, str]]] = {}


def build_ood() -> None:
    OOD_SUR.extend(_ood(S1, S2, SUR_ALL))
    for a, ar in S1[:30]:
        for b, br in S2[:20]:
            s = a + "ノ" + b
            if s not in SUR_ALL:
                OOD_SUR.append((s, ar + "の" + br))
    m = _ood(G1M, G2M, GIV_ALL)
    f = _ood(G1F, G2F, GIV_ALL)
    hm = [(a + b, a + b) for a in HIRA_STEM_M for b in HIRA_END_M
          if a + b not in GIV_ALL and a + b not in GIV_READ and len(a + b) <= 4 and a[-1] != b[0]]
    hf = [(a + b, a + b) for a in HIRA_STEM_F for b in HIRA_END_F
          if a + b not in GIV_ALL and a + b not in GIV_READ and a[-1] != b[0]]
    OOD_GIV.update({"m": m, "f": f, "hm": hm, "hf": hf})


# =================================================================== people
class Person:
    """One invented person.  kind: dict | ood | mixed | foreign."""

    def __init__(self, sur, sur_r, giv, giv_r, gender, kind, foreign_order=None):
        self.sur, self.sur_r, self.giv, self.giv_r = sur, sur_r, giv, giv_r
        self.gender, self.kind = gender, kind
        self.foreign_order = foreign_order  # "fg" family・given, "gf" given・family

    @property
    def foreign(self) -> bool:
        return self.kind == "foreign"

    def ood(self, part: str) -> bool:
        """True when this rendering has no part that Rules/dict/names lists (spelling or, for kana and
        romaji renderings, reading)."""
        if self.foreign:
            parts = [self.sur] + self.giv.split("・")
            return not any(known_sur(p) or known_giv(p) for p in parts) if part != "sur" else not (known_sur(self.sur) or known_giv(self.sur))
        if part == "sur":
            return self.sur not in SUR_ALL
        if part == "giv":
            return self.giv not in GIV_ALL and not (self.giv == self.giv_r and self.giv_r in GIV_READ)
        if part in ("kana", "hw", "roman"):
            return self.sur_r not in SUR_READ and self.giv_r not in GIV_READ
        return self.sur not in SUR_ALL and self.giv not in GIV_ALL and not (self.giv == self.giv_r and self.giv_r in GIV_READ)

    fsep = "・"

    def full(self, sep=" ") -> str:
        if self.foreign:
            a, b = (self.sur, self.giv) if self.foreign_order == "fg" else (self.giv, self.sur)
            return f"{a}{self.fsep}{b}"
        return f"{self.sur}{sep}{self.giv}"

    def kana(self, hira=False, sep=" ") -> str:
        if self.foreign:
            return self.full("・")
        s, g = (self.sur_r, self.giv_r) if hira else (kata(self.sur_r), kata(self.giv_r))
        return f"{s}{sep}{g}"

    def hw(self) -> str:
        if self.foreign:
            return halfwidth_kana(self.full().replace("・", " "))
        return halfwidth_kana(self.sur_r + " " + self.giv_r)

    def roman(self, r: random.Random) -> str:
        if self.foreign:
            fam, giv = self.sur_r, self.giv_r
        else:
            fam, giv = romaji(self.sur_r).upper(), romaji(self.giv_r).capitalize()
        return r.choice([f"{fam} {giv}", f"{giv} {fam}", f"{fam} {giv.upper()}"])

    def mail_local(self, r: random.Random) -> str:
        if self.foreign:
            g, s = self.giv_r.lower().replace(" ", ""), self.sur_r.lower()
        else:
            g, s = romaji(self.giv_r), romaji(self.sur_r)
        return r.choice([f"{g}.{s}", f"{s}.{g}", f"{g[:1]}.{s}", f"{s}_{g}", f"{g}{r.randint(1, 99)}"])


# =================================================================== faker
DASHES = ["-", "‐", "－", "−", "ー"]
FWD = str.maketrans("0123456789", "０１２３４５６７８９")
KNUM = "〇一二三四五六七八九"
BANKS = ["あおば銀行", "東邦みらい銀行", "やまなみ信用金庫", "ひばり信用組合", "しらかば銀行", "北斗中央銀行",
         "みなと第一銀行", "さつき信用金庫", "こがね銀行", "はるかぜ信用金庫"]
BUILDINGS = ["ハイツ", "コーポ", "メゾン", "レジデンス", "ハイム", "荘", "マンション", "テラス", "ヴィラ", "パレス"]
BLD_WORDS = ["しらうめ", "アカシア", "ひので", "フォレスト", "若竹", "リバーサイド", "エトワール", "オリーブ", "青葉", "白樺"]


def kanji_num(n: int) -> str:
    if n < 10:
        return KNUM[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KNUM[t]) + "十" + ("" if o == 0 else KNUM[o])


class Style:
    """Per-document choices: dash, digit width, name spacing, label punctuation, date form."""

    def __init__(self, r: random.Random, pdf: bool = False, enc: str | None = None):
        self.r = r
        self.pdf = pdf
        self.enc = enc
        self.dash = r.choices(DASHES, [8, 1, 3, 1, 1])[0]
        self.fw = r.random() < 0.18
        self.sep = r.choice([" ", " ", "　", ""]) if not pdf else r.choice([" ", " ", ""])
        self.colon = r.choice(["：", ":", "　", " ", "："]) if not pdf else r.choice(["：", ":", " ", "："])
        self.date = r.choice(["era", "era", "abbr", "abbr", "abbr0", "abbrdot", "kabbr", "west", "slash", "fw_era"])
        self.mix = r.choice([0.0, 0.1, 0.3])  # chance an item deviates from the document style

    def d(self) -> str:
        if self.r.random() < self.mix:
            return self.r.choice(DASHES)
        return self.dash

    def digits(self, s: str) -> str:
        fw = self.fw if self.r.random() >= self.mix else not self.fw
        return s.translate(FWD) if fw else s

    def name_sep(self) -> str:
        if self.r.random() < self.mix:
            return self.r.choice([" ", ""] + ([] if self.pdf else ["　"]))
        return self.sep


class Faker:
    def __init__(self, r: random.Random, world: "World", style: Style):
        self.r, self.w, self.st = r, world, style

    # ---- names
    def person(self, gender=None, kinds=None) -> Person:
        r = self.r
        gender = gender or r.choice("mf")
        kinds = kinds or {"dict": 46, "ood": 30, "mixed": 10, "foreign": 14}
        kind = r.choices(list(kinds), list(kinds.values()))[0]
        if kind == "foreign":
            fam, fam_r, reg = r.choice(FOREIGN_FAMILY)
            cands = ([g for g in FOREIGN_GIVEN if g[3] == reg and g[2] == gender]
                     or [g for g in FOREIGN_GIVEN if g[3] == reg])
            giv, giv_r, gender, _ = r.choice(cands)
            if reg == "vn" and r.random() < 0.7:
                mid, mid_r = ("ティ", "Thi") if gender == "f" else ("ヴァン", "Van")
                p = Person(fam, fam_r, f"{mid}・{giv}", f"{mid_r} {giv_r}", gender, "foreign", "fg")
            else:
                p = Person(fam, fam_r, giv, giv_r, gender, "foreign", "fg" if reg in ("vn", "kr", "mn") else r.choice(["fg", "gf"]))
            p.fsep = r.choice(["・", "・", " "])
            return p
        if kind == "dict":
            s, sr = r.choice(SUR_T1)
            g, gr = r.choice(GIV_T1[gender] + GIV_T1["u"])
            return Person(s, sr, g, gr, gender, "dict")
        if kind == "ood":
            s, sr = r.choice(OOD_SUR)
            pool = OOD_GIV[gender] + (OOD_GIV["h" + gender] if r.random() < 0.3 else [])
            g, gr = r.choice(pool)
            return Person(s, sr, g, gr, gender, "ood")
        # mixed: one part from the lists, one composed (often a hiragana given name)
        if r.random() < 0.5:
            s, sr = r.choice(SUR_T1)
            g, gr = r.choice(OOD_GIV["h" + gender] + OOD_GIV[gender])
        else:
            s, sr = r.choice(OOD_SUR)
            g, gr = r.choice(GIV_T1[gender] + GIV_T1["u"])
        return Person(s, sr, g, gr, gender, "mixed")

    def people(self, n, **kw) -> list[Person]:
        out, seen = [], set()
        while len(out) < n:
            p = self.person(**kw)
            if p.sur in seen:
                continue
            seen.add(p.sur)
            out.append(p)
        return out

    def full(self, p: Person) -> str:
        return p.full(self.st.name_sep())

    # ---- places
    def town(self, home=True) -> tuple[str, str, str, int]:
        return self.r.choice(self.w.home_towns if home or not self.w.other_towns else self.w.other_towns)

    def address(self, town=None, building=None, head=None) -> tuple[str, str]:
        r, st = self.r, self.st
        home = town is not None or r.random() < 0.82
        pref, muni, tn, chome = town or self.town(home)
        if head is None:
            head = r.choices(["pref", "muni", "town"], [5, 4, 1 if (pref, muni) == self.w.home else 0])[0]
        h = {"pref": pref + muni, "muni": muni, "town": ""}[head] + tn
        dash = st.d()
        if chome:
            c, b, g = r.randint(1, chome), r.randint(1, 40), r.randint(1, 30)
            form = r.choice(["kanji", "mixed", "dash", "dash", "dash", "banchi", "chome_dash"])
            if form == "kanji":
                tail = f"{kanji_num(c)}丁目{kanji_num(b)}番{kanji_num(g)}号"
            elif form == "mixed":
                tail = f"{kanji_num(c)}丁目{st.digits(str(b))}番{st.digits(str(g))}号"
            elif form == "banchi":
                tail = st.digits(f"{c}丁目{b}番地{g}") if r.random() < 0.5 else st.digits(f"{c}丁目{b}番{g}号")
            elif form == "chome_dash":
                tail = st.digits(f"{c}丁目{b}") + dash + st.digits(str(g))
            else:
                tail = st.digits(str(c)) + dash + st.digits(str(b)) + dash + st.digits(str(g))
        else:
            a, b = r.randint(1, 3999), r.randint(1, 20)
            form = r.choice(["banchi", "banchi2", "dash", "nobanchi"])
            if form == "banchi":
                tail = st.digits(f"{a}番地")
            elif form == "banchi2":
                tail = st.digits(f"{a}番地{b}")
            elif form == "nobanchi":
                tail = st.digits(f"{a}番地の{b}")
            else:
                tail = st.digits(str(a)) + dash + st.digits(str(b))
        addr = h + tail
        if building or (building is None and r.random() < 0.28):
            room = f"{r.randint(1, 9)}0{r.randint(1, 9)}"
            bld = r.choice(BLD_WORDS) + r.choice(BUILDINGS)
            forms = [f" {bld}{st.digits(room)}号室", f" {bld} {st.digits(room)}"]
            if not tail.endswith("番地"):
                forms.append(f"{dash}{st.digits(room)}")
            addr += r.choice(forms)
        return addr, self.postal()

    def postal(self) -> str:
        z = f"{self.r.randint(0, 999):03d}{self.st.d() if self.r.random() < 0.92 else ''}{self.r.randint(0, 9999):04d}"
        return self.st.digits(z)

    # ---- numbers
    def phone(self, mobile=None) -> str:
        r, st = self.r, self.st
        if mobile is None:
            mobile = r.random() < 0.45
        if mobile:
            g = [r.choice(["090", "080", "070"]), f"{r.randint(0, 9999):04d}", f"{r.randint(0, 9999):04d}"]
        elif r.random() < 0.06:
            g = ["050", f"{r.randint(1000, 9999)}", f"{r.randint(0, 9999):04d}"]
        else:
            alen = r.choices([2, 3, 4, 5], [3, 5, 4, 1])[0]
            area = "0120"
            while area.startswith(("0120", "0800")):
                area = r.choice(["03", "06", "04"]) if alen == 2 else (
                    "0" + str(r.randint(1, 9)) + str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(alen - 3)))
            ex = str(r.randint(2, 9)) + "".join(str(r.randint(0, 9)) for _ in range(10 - alen - 4 - 1))
            g = [area, ex, f"{r.randint(0, 9999):04d}"]
        form = r.choices(["dash", "paren", "paren2", "space", "plain", "intl"], [14, 2, 2, 1, 1, 1 if mobile else 0])[0]
        d = st.d()
        if form == "dash":
            s = d.join(g)
        elif form == "paren":
            s = f"({g[0]}){g[1]}{d}{g[2]}" if r.random() < 0.5 else f"（{g[0]}）{g[1]}{d}{g[2]}"
        elif form == "paren2":
            s = f"{g[0]}({g[1]}){g[2]}"
        elif form == "space":
            s = " ".join(g)
        elif form == "plain":
            s = "".join(g)
        else:
            s = f"+81-{g[0][1:]}-{g[1]}-{g[2]}"
        return st.digits(s)

    def my_number(self) -> str:
        d11 = "".join(str(self.r.randint(0, 9)) for _ in range(11))
        n = d11 + str(my_number_check(d11))
        form = self.r.choice(["plain", "plain", "space", "dash"])
        if form == "space":
            n = f"{n[:4]} {n[4:8]} {n[8:]}"
        elif form == "dash":
            d = self.st.d()
            n = f"{n[:4]}{d}{n[4:8]}{d}{n[8:]}"
        return self.st.digits(n)

    def pension(self) -> str:
        a, b = f"{self.r.randint(0, 9999):04d}", f"{self.r.randint(0, 999999):06d}"
        sep = self.r.choices([self.st.d(), " ", ""], [8, 1, 1])[0]
        return self.st.digits(a + sep + b)

    def care_no(self) -> str:
        n = ("00" if self.r.random() < 0.4 else "") + "".join(str(self.r.randint(0, 9)) for _ in range(10))
        return self.st.digits(n[:10])

    def account(self) -> tuple[str, str, str, str]:
        """(bank, branch, type, number)."""
        r = self.r
        bank = r.choice(BANKS)
        br = r.choice([self.r.choice(self.w.home_towns)[2] + "支店", "本店営業部", "駅前支店", "中央支店",
                       self.w.issuer_short + "支店"])
        return bank, br, r.choice(["普通", "普通", "普通", "当座", "貯蓄"]), self.st.digits(f"{r.randint(0, 9999999):07d}")

    def bank_line(self) -> str:
        r = self.r
        if r.random() < 0.15:
            return f"ゆうちょ銀行 記号{self.st.digits(f'1{r.randint(0, 9999):04d}')} 番号{self.st.digits(f'{r.randint(0, 99999999):08d}')}"
        b, br, t, n = self.account()
        return r.choice([f"{b} {br} {t} {n}", f"{b}{br} {t}預金 {n}", f"{b} {br}（{t}）{n}", f"{b} {br} {t} No.{n}"])

    def email(self, p: Person) -> str:
        dom = self.r.choice(["example.jp", "example.com", "example.ne.jp", "mail.example.jp", "example.co.jp"])
        local = p.mail_local(self.r)
        if self.st.pdf:  # pdftotext returns U+0332 for the Heisei fonts' underscore
            local = local.replace("_", ".")
        return f"{local}{'＠' if self.r.random() < 0.08 else '@'}{dom}"

    # ---- dates
    def birth(self, lo=1935, hi=2005, style=None) -> str:
        r, st = self.r, self.st
        y, m, d = r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)
        if (y, m) == (1989, 1):
            m = 2
        if (y, m) == (2019, 4):
            m = 5
        if y < 1989:
            era, ey, ab = "昭和", y - 1925, "S"
        elif (y, m) < (2019, 5):
            era, ey, ab = "平成", y - 1988, "H"
        else:
            era, ey, ab = "令和", y - 2018, "R"
        style = style or (st.date if r.random() >= st.mix else r.choice(["era", "abbr", "west", "slash"]))
        eyt = "元" if ey == 1 and r.random() < 0.7 else str(ey)
        if style == "era":
            return era + st.digits(f"{eyt}年{m}月{d}日")
        if style == "fw_era":
            return era + f"{eyt}年{m}月{d}日".translate(FWD)
        if style == "abbr":
            return ab + st.digits(f"{ey}.{m}.{d}")
        if style == "abbr0":
            return ab + st.digits(f"{ey:02d}.{m:02d}.{d:02d}")
        if style == "abbrdot":
            return ab + "." + st.digits(f"{ey}.{m}.{d}")
        if style == "kabbr":
            return era[0] + st.digits(f"{ey}.{m}.{d}")
        if style == "abbrslash":
            return ab + st.digits(f"{ey}/{m}/{d}")
        if style == "west":
            return st.digits(f"{y}年{m}月{d}日")
        return st.digits(f"{y}/{m:02d}/{d:02d}" if r.random() < 0.5 else f"{y}/{m}/{d}")

    def event_date(self) -> str:
        r = self.r
        return self.st.digits(f"令和{r.randint(6, 8)}年{r.randint(1, 12)}月{r.randint(1, 28)}日")

    def period(self) -> tuple[str, str]:
        r = self.r
        y, m = r.randint(6, 8), r.randint(1, 11)
        d1, d2 = r.randint(1, 28), r.randint(1, 28)
        return (self.st.digits(f"令和{y}年{m}月{d1}日"), self.st.digits(f"令和{y}年{m + 1}月{d2}日"))


# =================================================================== world (per seed)
class World:
    def __init__(self, r: random.Random):
        by_muni = collections.defaultdict(list)
        for t in TOWNS:
            by_muni[(t[0], t[1])].append(t)
        cands = sorted(k for k, v in by_muni.items()
                       if len(v) >= 30 and sum(1 for t in v if t[3]) >= 8)
        self.home = r.choice(cands)
        self.home_towns = by_muni[self.home]
        pref = self.home[0]
        near = sorted(k for k in by_muni if k[0] == pref and k != self.home)
        far = sorted(k for k in by_muni if k[0] != pref)
        others = r.sample(near, min(3, len(near))) + r.sample(far, 3)
        self.other_towns = [t for k in others for t in by_muni[k]]
        muni = self.home[1]
        self.issuer = re.sub(r"^.+郡", "", muni)
        self.issuer_short = re.sub(r"[市区町村]$", "", re.sub(r"^.+市(?=.+区$)", "", self.issuer)) or self.issuer
        self.unit = self.issuer[-1] if self.issuer[-1] in "市区町村" else "市"


# =================================================================== content pools
# A condition is (term, how it is said): dx = diagnosed / has it, card = a certificate one holds,
# aid = something one uses, level = a care-need level.
MED_CHILD = [(t, "dx") for t in ["食物アレルギー", "小児ぜんそく", "てんかん", "1型糖尿病", "先天性心疾患", "アトピー性皮膚炎", "白血病",
                                 "ネフローゼ症候群", "起立性調節障害", "川崎病", "小児がん", "卵アレルギー", "心室中隔欠損症",
                                 "若年性特発性関節炎", "気管支ぜんそく"]]
MED_ADULT = [(t, "dx") for t in ["認知症", "アルツハイマー型認知症", "脳梗塞", "パーキンソン病", "統合失調症", "うつ病", "乳がん",
                                 "大腸がん", "肺がん", "関節リウマチ", "慢性腎不全", "心不全", "潰瘍性大腸炎", "双極性障害", "糖尿病",
                                 "COPD", "緑内障", "線維筋痛症", "前立腺がん", "アルコール依存症", "ALS", "脊柱管狭窄症"]] + \
    [("人工肛門", "aid")]
CARE_LEVEL = [(t, "level") for t in ["要介護1", "要介護2", "要介護3", "要介護4", "要介護5", "要支援1", "要支援2"]]
DIS_CHILD = [(t, "dx") for t in ["発達障害", "自閉スペクトラム症", "ADHD", "学習障害", "知的障害", "ダウン症", "聴覚障害", "弱視", "吃音",
                                 "場面緘黙", "肢体不自由", "脳性まひ", "重症心身障害"]] + \
    [("療育手帳B", "card"), ("療育手帳A", "card"), ("人工内耳", "aid"), ("車いす", "aid")]
DIS_ADULT = [(t, "dx") for t in ["視覚障害", "聴覚障害", "下肢まひ", "高次脳機能障害", "知的障害", "難聴", "右半身まひ"]] + \
    [(t, "card") for t in ["身体障害者手帳2級", "身体障害者手帳1級", "精神障害者保健福祉手帳2級", "身体障害者手帳4級"]] + \
    [("車いす", "aid")]
REL_CHILD = [("孫", None), ("孫娘", "f"), ("娘", "f"), ("息子", "m"), ("長男", "m"), ("長女", "f"), ("次男", "m"),
             ("次女", "f"), ("甥", "m"), ("姪", "f"), ("三男", "m"), ("末の娘", "f")]
REL_ADULT = [("母", "f"), ("父", "m"), ("祖母", "f"), ("祖父", "m"), ("夫", "m"), ("妻", "f"), ("義母", "f"), ("義父", "m"),
             ("兄", "m"), ("姉", "f"), ("弟", "m"), ("妹", "f"), ("叔母", "f")]
STAGES = {"nursery": (["年少", "年中", "年長", "2歳児クラス"], 2, 6), "elem": (["小学1年", "小学2年生", "3年生", "小学4年", "5年生", "小学6年生"], 6, 12),
          "jhs": (["中学1年", "中学2年生", "中学3年"], 12, 15), "hs": (["高校1年", "高校2年生"], 15, 17),
          "sss": (["小学部3年", "中学部1年", "高等部2年"], 7, 17), "center": (["年中", "未就学"], 3, 6)}
SCHOOLS = [("第一小学校", "elem"), ("第三小学校", "elem"), ("第五小学校", "elem"), ("みどり小学校", "elem"), ("ひかり小学校", "elem"),
           ("あけぼの小学校", "elem"), ("第二中学校", "jhs"), ("第四中学校", "jhs"), ("あおぞら保育園", "nursery"),
           ("ひまわり保育園", "nursery"), ("わかば幼稚園", "nursery"), ("つばさ特別支援学校", "sss"), ("さくらんぼ学童クラブ", "elem"),
           ("なかよし学童クラブ", "elem"), ("こども発達支援センターぽけっと", "center"), ("はばたき高等学校", "hs"),
           ("すずらん認定こども園", "nursery"), ("南中学校", "jhs"), ("北小学校", "elem")]
ELDER_FAC = ["デイサービスセンターほほえみ", "特別養護老人ホームやすらぎの郷", "グループホームかえで", "小規模多機能ホームえがお",
             "地域包括支援センターあさひ", "通所リハビリつばき", "老人保健施設みずき苑"]
PLANS = ["障害者計画（素案）", "子ども・子育て支援事業計画（案）", "高齢者福祉計画・介護保険事業計画（素案）", "教育振興基本計画（案）",
         "地域福祉計画（素案）", "健康増進計画（案）", "インクルーシブ教育推進方針（案）", "医療的ケア児支援方針（案）",
         "学校施設長寿命化計画（案）", "男女共同参画プラン（素案）"]
SERVICE_DESC = {
    "放課後等デイサービス": "就学中の障害のある児童が、放課後や長期休暇に通い、生活能力向上のための訓練を受けます。",
    "ショートステイ": "介護する方の病気や冠婚葬祭などのとき、短期間施設に宿泊して介護を受けられます。",
    "移動支援": "屋外での移動が困難な方の外出を支援します。支給量は原則として月50時間までです。",
    "個別支援計画": "サービス提供事業所が、利用者の希望や目標を踏まえて作成する計画です。",
    "同行援護": "視覚障害により移動が困難な方の外出に同行し、代筆・代読を含む支援を行います。",
    "行動援護": "行動上著しい困難がある方の外出時の危険回避のための支援を行います。",
    "生活介護": "常時介護が必要な方に、日中、入浴や食事の介護、創作的活動の機会を提供します。",
    "居宅介護": "ホームヘルパーが自宅を訪問し、入浴、排せつ、食事などの介護を行います。",
    "重度訪問介護": "重度の肢体不自由などで常時介護を必要とする方に、長時間の見守りを含む支援を行います。",
    "日中一時支援": "日中に見守りが必要な方の活動の場を確保し、家族の一時的な休息を支えます。",
    "計画相談支援": "相談支援専門員がサービス等利用計画を作成し、定期的に見直します。",
    "就労継続支援B型": "一般企業での就労が困難な方に、生産活動の機会を提供し、工賃を支払います。",
    "就労移行支援": "一般就労を希望する方に、一定期間、就労に必要な訓練を行います。",
    "共同生活援助（グループホーム）": "共同生活を営む住居で、相談や日常生活上の援助を行います。",
    "児童発達支援": "未就学の障害のある子どもに、日常生活の基本的な動作の指導や集団生活への適応訓練を行います。",
    "訪問入浴": "浴槽を積んだ入浴車で自宅を訪問し、入浴の介助を行います。",
    "福祉用具貸与": "車いすや特殊寝台などの福祉用具をレンタルできます。",
    "配食サービス": "調理が困難な高齢の方に、栄養バランスのとれた食事を届け、安否を確認します。",
    "短期入所": "自宅で介護する方が病気の場合などに、短期間、施設で入浴や食事の介護を行います。",
    "地域活動支援センター": "創作的活動や生産活動の機会を提供し、地域との交流を促進します。",
    "保育所等訪問支援": "保育所や学校などを訪問し、集団生活への適応のための専門的な支援を行います。",
}
SERVICES = list(SERVICE_DESC)
SENS_PHRASE = {
    "生活保護": ["我が家は{s}を受けていて、通学の費用も負担です。", "現在、{s}を受給しています。", "家計は{s}に頼っており、余裕がありません。",
                 "実は{s}を受けながら暮らしています。"],
    "ひとり親": ["我が家は{s}家庭で、仕事を休むのが難しいです。", "私は{s}で、平日の相談は難しいです。"],
    "DV被害": ["私たちは元夫からの{s}を受け、今の住所に避難してきました。", "以前、{s}に遭い、住所を知られないよう支援措置を受けています。"],
}
SENS_WEIGHTS = {"生活保護": 7, "ひとり親": 2, "DV被害": 1}
REQ_CHILD = ["通学の負担を減らす仕組みを考えてほしい。", "身近な学校で支援を受けられるようにしてください。",
             "支援員の配置を増やしてください。", "先生方の理解が進むよう研修をお願いします。", "送迎の支援を検討してほしいと思います。",
             "学校と家庭の連携の仕組みを計画に書いてください。"]
REQ_ELDER = ["送迎の時間を柔軟にしてほしいと思います。", "家族介護者への支援も考えてほしい。", "夜間や休日の相談先を作ってください。",
             "利用料の軽減を検討してください。", "申請手続きを簡単にしてほしい。"]
REQ_SELF = ["相談窓口をもっと分かりやすくしてほしいです。", "制度の周知をお願いします。", "申請手続きを簡単にしてほしい。",
            "オンラインで相談できるようにしてください。"]
ANSWERS = ["いただいたご意見は、今後の施策の参考とさせていただきます。",
           "ご指摘の点については、関係所管と連携して検討してまいります。",
           "支援体制の充実に向け、引き続き取り組んでまいります。",
           "相談窓口の周知と手続きの簡素化に努めてまいります。",
           "計画の推進にあたり、ご意見の趣旨を踏まえて取り組みます。",
           "学校・家庭・関係機関が連携し、一人一人に応じた支援を進めます。",
           "施設の整備については、財政状況を踏まえて検討します。"]
DEPTS = ["障害福祉課", "高齢福祉課", "子ども家庭課", "健康推進課", "介護保険課", "福祉総務課", "教育政策課"]
STAFF_TITLES = ["課長", "係長", "課長補佐", "主査", "参事", "主任"]


def M(c: str, s: str) -> str:
    return "{" + c + ":" + s + "}"


def N(p: Person, text: str, part: str = "full") -> str:
    """Marked-up name, recording whether this rendering is outside the name lists."""
    NAME_OOD[text] = NAME_OOD.get(text, True) and p.ood(part)
    return M("N", text)


def say(r: random.Random, subj: str, c: str, how: str) -> str:
    """A sentence tying condition c (marked up) to subj ('' or '…は')."""
    return r.choice({
        "dx": [f"{subj}{c}と診断されています。", f"{subj}{r.randint(1, 4)}年前に{c}と診断されました。", f"{subj}{c}があります。",
               f"{subj}{c}があり、配慮が必要です。"],
        "card": [f"{subj}{c}を持っています。", f"{subj}昨年{c}を取得しました。", f"{subj}{c}の交付を受けています。"],
        "aid": [f"{subj}{c}を使っています。", f"{subj}{c}を使って生活しています。"],
        "level": [f"{subj}{c}の認定を受けています。", f"{subj}今年{c}と認定されました。"],
    }[how])


def pick_cond(r: random.Random, pools) -> tuple[str, str]:
    """pools: [(code, [(term, how)]), …] -> (marked-up term, how)."""
    code, pool = r.choice(pools)
    term, how = r.choice(pool)
    return M(code, term), how


def sens_sentence(r: random.Random) -> str:
    term = r.choices(list(SENS_WEIGHTS), list(SENS_WEIGHTS.values()))[0]
    return r.choice(SENS_PHRASE[term]).format(s=M("S", term))


# =================================================================== generator
class Gen:
    def __init__(self, seed: int, out: str):
        self.seed = seed
        self.r = random.Random(seed)
        self.out = out
        self.w = World(self.r)
        self.docs: list[Doc] = []
        self.n = collections.Counter()

    def sub(self) -> random.Random:
        return random.Random(self.r.getrandbits(64))

    def new(self, kind_dir: str, ext: str, kind: str) -> Doc:
        self.n[kind_dir] += 1
        d = Doc(self.out, f"{kind_dir}/{kind_dir}-{self.n[kind_dir]:02d}.{ext}", ext, kind)
        self.docs.append(d)
        return d

    def faker(self, r, fmt, enc=None) -> Faker:
        return Faker(r, self.w, Style(r, pdf=(fmt == "pdf"), enc=enc))

    @property
    def U(self) -> str:
        return self.w.unit

    # ---------------------------------------------------------------- writers with charset fallback
    def put_text(self, d: Doc, lines: list[str], r: random.Random) -> None:
        enc = r.choices(["UTF-8", "Shift_JIS", "UTF-16LE", "EUC-JP"], [12, 5, 1, 1])[0]
        newline = r.choice(["\n", "\r\n"])
        enc = self._fits(strip(newline.join(lines)), enc)
        write_text(d, lines, enc, newline)

    def put_csv(self, d: Doc, rows: list[list[str]], r: random.Random) -> None:
        enc = r.choices(["UTF-8", "Shift_JIS"], [3, 2])[0]
        enc = self._fits(strip("\n".join(",".join(x) for x in rows)), enc)
        write_csv(d, rows, enc)

    @staticmethod
    def _fits(text: str, enc: str) -> str:
        try:
            encode_exact(text, enc)
            return enc
        except (ValueError, UnicodeError):
            return "UTF-8"

    # ================================================================ opinions
    def leaky_opinion(self, f: Faker) -> str:
        r = f.r
        kind = r.choices(["child", "elder", "self", "neighbor"], [5, 3, 2, 1])[0]
        town = M("A", f.town()[2])
        assist = r.random() < 0.45
        if kind == "child":
            rel, g = r.choice(REL_CHILD)
            p = f.person(gender=g, kinds={"dict": 48, "ood": 32, "mixed": 8, "foreign": 12})
            giv = p.giv.split("・")[-1]
            hon = r.choice(["", "", "", "ちゃん" if p.gender == "f" else "くん"])
            name = N(p, giv, "giv") + hon
            school, stage = r.choice(SCHOOLS)
            grades, lo, hi = STAGES[stage]
            grade, age = r.choice(grades), r.randint(lo, hi)
            intro = r.choice([
                f"{town}に住む{rel}の{name}は、{school}に通う{grade}です。",
                f"{rel}の{name}（{age}歳）は、{town}の自宅から{school}に通っています。",
                f"私の{rel}の{name}は{town}在住で、{school}の{grade}です。",
                f"{town}で暮らす{rel}の{name}のことです。{school}の{grade}です。",
                f"{school}（{grade}）に通う{rel}の{name}は、{town}に住んでいます。",
            ])
            c, how = pick_cond(r, [("D", MED_CHILD), ("H", DIS_CHILD)])
            mid = say(r, r.choice(["", f"{rel}は", "本人は"]), c, how)
            return intro + mid + (sens_sentence(r) if assist else "") + r.choice(REQ_CHILD)
        if kind == "elder":
            rel, g = r.choice(REL_ADULT)
            age = r.randint(62, 96)
            fac = r.choice(ELDER_FAC)
            name_bit = ""
            if r.random() < 0.45:
                q = f.person(gender=g, kinds={"dict": 50, "ood": 35, "mixed": 10, "foreign": 5})
                name_bit = f"（{N(q, q.giv.split('・')[-1], 'giv')}）"
            intro = r.choice([
                f"{town}に住む{rel}{name_bit}は{age}歳です。",
                f"{rel}{name_bit}は{town}で一人暮らしをしています。",
                f"{town}在住の{rel}{name_bit}（{age}歳）のことです。",
            ])
            c, how = pick_cond(r, [("D", MED_ADULT), ("D", CARE_LEVEL), ("H", DIS_ADULT)])
            mid = say(r, r.choice(["", f"{rel}は"]), c, how)
            use = r.choice([f"週に{r.randint(1, 5)}回{fac}に通っています。", f"{fac}を利用しています。", ""])
            tail = ""
            if assist:
                tail = r.choice([f"{rel}は{M('S', '生活保護')}を受けているため、利用料の負担が心配です。",
                                 f"年金だけでは足りず、{M('S', '生活保護')}を受給しています。",
                                 f"今年から{M('S', '生活保護')}を受けることになりました。"])
            return intro + mid + use + tail + r.choice(REQ_ELDER)
        if kind == "self":
            p = f.person()
            nm = N(p, f.full(p))
            c, how = pick_cond(r, [("D", MED_ADULT), ("H", DIS_ADULT)])
            intro = r.choice([f"{town}在住の{nm}です。", f"{nm}（{town}、{r.randint(3, 8)}0代）です。",
                              f"私は{town}に住む{nm}と申します。"])
            body = say(r, r.choice(["私は", "私自身、", ""]), c, how)
            tail = r.choice([f"現在は{M('S', '生活保護')}を受けながら暮らしています。", sens_sentence(r)]) if assist else ""
            return intro + body + tail + r.choice(REQ_SELF)
        p = f.person()
        c, how = pick_cond(r, [("D", MED_ADULT), ("D", CARE_LEVEL), ("H", DIS_ADULT)])
        sur = N(p, p.sur, "sur")
        intro = r.choice([f"近所の{sur}さん（{town}）は一人で暮らしています。", f"{town}の{sur}さんのお宅のおばあさんのことです。"])
        mid = say(r, "", c, how)
        tail = f"{N(p, p.sur, 'sur')}さんは{M('S', '生活保護')}を受けていると聞きました。" if assist else ""
        return intro + mid + tail + r.choice(REQ_ELDER)

    def clean_opinion(self, f: Faker, used: set) -> str:
        for _ in range(20):
            s = self._clean_opinion(f)
            if s not in used:
                break
        used.add(s)
        return s

    def _clean_opinion(self, f: Faker) -> str:
        r = f.r
        t = f.town()[2]
        sv = r.choice(SERVICES)
        dx_child = [x for x, h in DIS_CHILD if h == "dx"]
        return r.choice([
            f"{sv}の事業所が{t}地区に不足していると聞きます。整備を進めてください。",
            f"{r.choice(MED_CHILD)[0]}のある子どもへの対応について、{self.U}として統一した基準を作ってください。",
            f"{r.choice(MED_ADULT)[0]}の方やその家族を支える取組を、計画にもっと具体的に書いてほしい。",
            f"{r.choice(dx_child)}のある児童生徒への合理的配慮の具体例を示してほしい。",
            f"{t}周辺は坂が多いので、高齢者や障害者の{r.choice(['移動支援', '送迎サービス'])}を充実してください。",
            f"{sv}と{r.choice(SERVICES)}の利用手続きをオンライン化してほしい。",
            "生活保護世帯の子どもへの学習支援事業を継続してください。",
            f"{t}の公園に車いす対応のトイレを整備してください。",
            f"{r.choice(CARE_LEVEL)[0]}の認定を受けた方向けのサービス一覧を分かりやすく公表してほしい。",
            "個別支援計画の作成に家族がもっと関われるようにしてほしい。",
            "ショートステイの空き状況をホームページで確認できるようにしてください。",
            "ひとり親家庭への支援策を一覧にしてほしい。",
            f"{t}の通学路にガードレールを設置してください。",
        ])

    def public_comment(self) -> None:
        r = self.sub()
        fmt = r.choice(["txt", "txt", "csv", "html", "docx", "docx", "pdf", "pdf", "xlsx", "pptx"])
        d = self.new("public-comment", fmt, "public_comment")
        f = self.faker(r, fmt)
        plan = r.choice(PLANS)
        title = r.choice([f"「{self.w.issuer}{plan}」に対する意見の概要と{self.U}の考え方",
                          f"{self.w.issuer}{plan} パブリックコメントの実施結果",
                          f"意見募集の結果について（{plan}）"])
        n = r.randint(4, 8)
        ops, used = [], set()
        for i in range(n):
            leaky = r.random() < 0.6 or (i == n - 1 and not any(k for k, _ in ops))
            ops.append((leaky, self.leaky_opinion(f) if leaky else self.clean_opinion(f, used)))
        answers = [r.choice(ANSWERS) for _ in ops]
        npeople = r.randint(8, 90)
        a, b = f.period()
        intro = [f"意見募集期間{f.st.colon}{a}から{b}まで",
                 f"意見提出者数{f.st.colon}{npeople}名（{npeople + r.randint(0, 40)}件）",
                 r.choice(["提出方法：郵送、ファクシミリ、電子申請", "提出方法：窓口持参、電子メール", "提出方法 電子申請・郵送"])]
        lab_op = r.choice(["【意見の概要】", "＜ご意見＞", "意見：", "■意見要旨", "（意見）"])
        lab_an = r.choice([f"【{self.U}の考え方】", "＜回答＞", f"{self.U}の考え方：", "■回答", "（考え方）"])
        num = r.choice(["No.{}", "{}.", "（{}）", "【{}】", "意見{}"])
        rows3 = [[str(i), op, an] for i, ((_, op), an) in enumerate(zip(ops, answers), 1)]
        if fmt == "txt":
            lines = [title, ""] + intro + [""]
            for i, ((_, op), an) in enumerate(zip(ops, answers), 1):
                lines += [num.format(i) + "　" + lab_op, op, lab_an, an, ""]
            lines.append(f"{self.w.issuer} {r.choice(DEPTS)}")
            self.put_text(d, lines, r)
        elif fmt == "csv":
            cols = ["No.", "意見の概要", f"{self.U}の考え方"] + r.sample(["受付日", "提出方法", "該当箇所"], r.randint(0, 2))
            r.shuffle(cols)
            if r.random() < 0.7:
                cols.remove("No.")
                cols.insert(0, "No.")
            rows = [cols]
            for i, ((_, op), an) in enumerate(zip(ops, answers), 1):
                val = {"No.": str(i), "意見の概要": op, f"{self.U}の考え方": an, "受付日": f.event_date(),
                       "提出方法": r.choice(["郵送", "FAX", "電子申請", "窓口"]), "該当箇所": f"第{r.randint(1, 6)}章"}
                rows.append([val[c] for c in cols])
            self.put_csv(d, rows, r)
        elif fmt == "html":
            h = Html(d, title)
            h.el("h1", title)
            for s in intro:
                h.el("p", s)
            if r.random() < 0.5:
                h.table(["番号", "意見の概要", f"{self.U}の考え方"], rows3)
            else:
                for i, ((_, op), an) in enumerate(zip(ops, answers), 1):
                    h.el("h3", num.format(i))
                    h.el("p", lab_op + op)
                    h.el("p", lab_an + an)
            h.save()
        elif fmt == "docx":
            w = Docx(d, title=title)
            w.h(title)
            for s in intro:
                w.p(s)
            if r.random() < 0.6:
                w.table(["No.", "意見の概要", f"{self.U}の考え方"], rows3)
            else:
                for i, ((_, op), an) in enumerate(zip(ops, answers), 1):
                    w.p(num.format(i) + " " + lab_op)
                    w.p(op)
                    w.p(lab_an + an)
            w.save()
        elif fmt == "pdf":
            p = Pdf(d, title=title, footer=r.choice(["- # -", "#", "（#）"]))
            p.heading(title, 13)
            for s in intro:
                p.text(s)
            for i, ((_, op), an) in enumerate(zip(ops, answers), 1):
                p.text(num.format(i) + " " + lab_op, font="HeiseiKakuGo-W5")
                p.text(op, indent=14)
                p.text(lab_an, font="HeiseiKakuGo-W5", indent=14)
                p.text(an, indent=14)
            p.save()
        elif fmt == "xlsx":
            x = Xlsx(d, title=title)
            x.sheet(r.choice(["意見一覧", "結果", "Sheet1"]), [[title], [], ["番号", "意見の概要", f"{self.U}の考え方"]] + rows3,
                    widths={"B": 70, "C": 50})
            x.save()
        else:
            s = Pptx(d, title=title)
            s.slide(title, intro[:2])
            for i, ((_, op), an) in enumerate(zip(ops, answers), 1):
                s.slide(num.format(i), [lab_op + op, lab_an + an])
            s.save()

    # ================================================================ rosters
    def roster(self) -> None:
        r = self.sub()
        fmt = r.choice(["csv", "csv", "csv", "xlsx", "xlsx", "xlsx", "html"])
        d = self.new("roster", fmt, "roster")
        f = self.faker(r, fmt)
        kind = r.choice(["care", "staff_bank", "chokai", "benefit", "evac", "class", "pension"])
        name_h = r.choice(["氏名", "名前", "お名前", "申請者氏名", "利用者氏名", "対象者氏名", "氏　名"])
        kana_kind = r.choice(["フリガナ", "ふりがな", "カナ", "氏名（カナ）", "カナ氏名", "よみがな", "氏名フリガナ"])
        hira = kana_kind in ("ふりがな", "よみがな")
        kana_sep = r.choice([" ", "　", ""])
        extra = {
            "care": ["dob", "addr", "tel", "care", "level"],
            "staff_bank": ["dob", "bank", "branch", "atype", "acct", "holder", "pension"] + (["mynum"] if r.random() < 0.5 else []),
            "chokai": ["role", "zip", "addr", "tel"],
            "benefit": ["dob", "zip", "addr", "bank", "branch", "atype", "acct", "holder"],
            "evac": ["dob", "addr", "tel", "reason", "contact", "contact_tel"],
            "class": ["tel", "mail", "age"],
            "pension": ["dob", "addr", "pension", "care"],
        }[kind]
        if kind in ("class", "staff_bank") and r.random() < 0.5:
            extra.append("roman")
        heads = {"name": name_h, "kana": kana_kind,
                 "dob": r.choice(["生年月日", "生年月日（和暦）", "誕生日", "生年月日"]),
                 "addr": r.choice(["住所", "現住所", "住　所", "住所（自宅）"]), "zip": r.choice(["郵便番号", "〒"]),
                 "tel": r.choice(["電話", "電話番号", "連絡先", "TEL", "電話（日中）"]),
                 "care": r.choice(["介護保険被保険者番号", "被保険者番号", "介護保険番号"]),
                 "level": r.choice(["要介護度", "認定区分"]), "bank": r.choice(["金融機関名", "銀行名", "金融機関"]),
                 "branch": r.choice(["支店名", "本支店", "支店"]), "atype": r.choice(["種別", "預金種目", "口座種別"]),
                 "acct": r.choice(["口座番号", "口座番号（7桁）"]), "holder": r.choice(["口座名義（カナ）", "名義人ｶﾅ", "口座名義人"]),
                 "pension": "基礎年金番号", "mynum": r.choice(["個人番号", "マイナンバー"]), "role": r.choice(["役職", "役員"]),
                 "reason": r.choice(["支援が必要な理由", "要配慮事項", "状況"]), "contact": r.choice(["緊急連絡先（氏名）", "家族連絡先"]),
                 "contact_tel": r.choice(["緊急連絡先電話", "家族の電話"]), "mail": r.choice(["メール", "E-mail", "メールアドレス"]),
                 "age": "年齢", "roman": r.choice(["氏名（ローマ字）", "ローマ字", "Name"])}
        lead = ["name"] if r.random() < 0.2 else (["name", "kana"] if r.random() < 0.85 else ["kana", "name"])
        body = list(extra)
        r.shuffle(body)
        bank_cols = [k for k in ("bank", "branch", "atype", "acct", "holder") if k in body]
        if bank_cols:  # bank columns stay together, in order
            body = [k for k in body if k not in bank_cols]
            at = r.randint(0, len(body))
            body[at:at] = bank_cols
        if r.random() < 0.15 and body:  # name not first
            lead = [body.pop(0)] + lead
        keys = lead + body
        prefix = []
        if kind == "staff_bank":
            prefix = [r.choice(["職員番号", "No."])]
        elif r.random() < 0.35:
            prefix = [r.choice(["No.", "番号", "整理番号"])]
        rows = [prefix + [heads[k] for k in keys]]
        nrows = r.randint(6, 18)
        lo, hi = {"care": (1928, 1958), "evac": (1928, 1965), "pension": (1940, 1962), "class": (1950, 2005)}.get(kind, (1950, 2003))
        roles = ["会長", "副会長", "会計", "書記", "防災部長", "婦人部長", "青年部長", "監事", "理事"]
        for i, p in enumerate(f.people(nrows)):
            row = []
            if prefix:
                row.append(f"K{r.randint(100000, 999999)}" if prefix[0] == "職員番号" else str(i + 1))
            acct = None
            for k in keys:
                if k == "name":
                    row.append(N(p, f.full(p)))
                elif k == "kana":
                    row.append(N(p, p.kana(hira, kana_sep), "kana"))
                elif k == "roman":
                    row.append(N(p, p.roman(r), "roman"))
                elif k == "dob":
                    row.append(M("B", f.birth(lo, hi)))
                elif k == "addr":
                    row.append(M("A", f.address()[0]))
                elif k == "zip":
                    row.append(M("Z", f.postal()))
                elif k == "tel":
                    row.append(M("T", f.phone()))
                elif k == "care":
                    row.append(M("I", f.care_no()))
                elif k == "level":
                    row.append(M("D", r.choice(CARE_LEVEL)[0]))
                elif k == "bank":
                    acct = f.account()
                    row.append(acct[0])
                elif k == "branch":
                    row.append(acct[1])
                elif k == "atype":
                    row.append(acct[2])
                elif k == "acct":
                    row.append(M("K", acct[3]))
                elif k == "holder":
                    row.append(N(p, p.hw(), "hw"))
                elif k == "pension":
                    row.append(M("I", f.pension()))
                elif k == "mynum":
                    row.append(M("M", f.my_number()))
                elif k == "role":
                    row.append(roles[i] if i < len(roles) else "班長")
                elif k == "reason":
                    row.append(r.choice([M("H", r.choice(DIS_ADULT)[0]), M("D", r.choice(MED_ADULT)[0]), M("D", r.choice(CARE_LEVEL)[0]),
                                         "高齢単身", "日中独居"]))
                elif k == "contact":
                    q = f.person()
                    row.append(N(q, f.full(q)) + r.choice(["（長男）", "（長女）", "（甥）", "（妻）", ""]))
                elif k == "contact_tel":
                    row.append(M("T", f.phone(mobile=True)))
                elif k == "mail":
                    row.append(M("E", f.email(p)))
                elif k == "age":
                    row.append(str(r.randint(18, 80)))
            rows.append(row)
        title = {"care": "介護保険サービス利用者一覧", "staff_bank": "会計年度任用職員 給与振込口座一覧",
                 "chokai": f"{f.town()[2]}町会 役員名簿", "benefit": "臨時特別給付金 支給対象者一覧",
                 "evac": "避難行動要支援者名簿", "class": r.choice(["健康体操教室 受講者名簿", "パソコン講座 申込者一覧", "日本語教室 受講者名簿"]),
                 "pension": "年金・介護 資格確認一覧"}[kind]
        if fmt == "csv":
            self.put_csv(d, ([[title]] if r.random() < 0.3 else []) + rows, r)
        elif fmt == "xlsx":
            x = Xlsx(d, title=title)
            top = [[title + r.choice(["", f"（{f.event_date()}現在）"])], []] if r.random() < 0.7 else []
            x.sheet(r.choice(["名簿", "一覧", "Sheet1", "R7"]), top + rows)
            x.save()
        else:
            h = Html(d, title)
            h.el("h1", title)
            h.table(rows[0], rows[1:])
            h.save()

    # ================================================================ minutes
    def minutes(self) -> None:
        r = self.sub()
        fmt = r.choice(["txt", "txt", "docx", "docx", "pdf", "pdf", "html"])
        d = self.new("minutes", fmt, "minutes")
        f = self.faker(r, fmt)
        body_name = r.choice(["地域福祉推進協議会", "障害者施策推進協議会", "子ども・子育て会議", "介護保険運営協議会",
                              "学校運営協議会", "地域ケア会議", "健康づくり推進委員会", "防災会議 専門部会"])
        members = f.people(r.randint(4, 7))
        staff = f.people(r.randint(1, 3))
        roles = ["会長", "副会長"] + ["委員"] * 10
        staff_roles = r.sample(STAFF_TITLES, len(staff))
        dept = r.choice(DEPTS)
        lines = [f"{self.w.issuer}{body_name} 会議録（第{r.randint(1, 5)}回）", "",
                 f"日時{f.st.colon}{f.event_date()} 午後{r.randint(1, 6)}時から",
                 f"場所{f.st.colon}{self.w.issuer}役所 {r.randint(2, 8)}階 会議室"]
        att = "、".join(N(p, f.full(p)) + (f"（{roles[i]}）" if i < 2 else "") for i, p in enumerate(members))
        lines.append(r.choice(["出席委員", "出席者", "委員"]) + f.st.colon + att)
        lines.append("事務局" + f.st.colon + "、".join(f"{dept}{sr} {N(p, f.full(p))}" for p, sr in zip(staff, staff_roles)))
        lines.append(f"傍聴者{f.st.colon}{r.randint(0, 6)}名")
        lines.append("")
        mark = r.choice(["○{} ", "{}：", "【{}】", "◆{}　", "{}　"])
        speakers = [(p, roles[i] if i < 2 else "委員") for i, p in enumerate(members)] + list(zip(staff, staff_roles))
        t1, t2 = f.town()[2], f.town()[2]
        topics = [f"{r.choice(SERVICES)}の利用状況について説明します。", "資料2をご覧ください。",
                  f"{r.choice(SERVICES)}の事業所数は前年度から{r.randint(1, 9)}か所増えました。",
                  "その点は次回までに整理してお示しします。", f"{t1}地区の相談件数が増えています。",
                  f"{r.choice(MED_ADULT)[0]}の方への支援について、医療機関との連携はどうなっていますか。",
                  "障害のある方の就労支援について、数値目標を示してほしい。", "異議なしと認めます。",
                  f"個別支援計画の作成率は{r.randint(60, 99)}%です。", "ショートステイの空きが少ないという声を聞きます。",
                  f"{t2}と{t1}の境に新しい事業所が開設される予定です。", "ご意見として承ります。",
                  f"{r.choice(CARE_LEVEL)[0]}の方の在宅サービス利用が伸びています。"]
        r.shuffle(topics)
        chair = members[0]

        def who(p, role):
            return (N(p, p.sur, "sur") if not p.foreign else N(p, p.full("・"))) + role
        lines.append(mark.format(who(chair, "会長")) + "それでは定刻になりましたので開会します。")
        for k in range(r.randint(6, 12)):
            p, role = r.choice(speakers)
            if r.random() < 0.2 and role in ("委員", "副会長"):
                rel, _g = r.choice(REL_ADULT)
                c, how = pick_cond(r, [("D", MED_ADULT), ("D", CARE_LEVEL)])
                said = "私事ですが、" + say(r, f"私の{rel}は", c, how) + "家族として夜間の相談先が欲しいと感じています。"
            elif r.random() < 0.08 and role == "委員":
                c, how = pick_cond(r, [("H", DIS_ADULT)])
                said = say(r, "私自身、", c, how) + "窓口の段差には苦労しています。"
            else:
                said = topics[k % len(topics)]
            lines.append(mark.format(who(p, role)) + said)
        lines.append(mark.format(who(chair, "会長")) + "以上で本日の会議を終了します。")
        if fmt == "txt":
            self.put_text(d, lines, r)
        elif fmt == "docx":
            w = Docx(d, title=strip(lines[0]))
            w.h(lines[0])
            for s in lines[1:]:
                if s:
                    w.p(s)
            w.save()
        elif fmt == "pdf":
            p = Pdf(d, title=strip(lines[0]), footer="#")
            p.heading(lines[0], 13)
            for s in lines[1:]:
                if s:
                    p.text(s)
            p.save()
        else:
            h = Html(d, strip(lines[0]))
            h.el("h1", lines[0])
            for s in lines[1:]:
                if s:
                    h.el("p", s)
            h.save()

    # ================================================================ floor plans
    def floor_plan(self) -> None:
        r = self.sub()
        fmt = r.choice(["xlsx", "xlsx", "pptx", "pdf", "docx"])
        d = self.new("floor-plan", fmt, "floor_plan")
        f = self.faker(r, fmt)
        dept = r.choice(DEPTS + ["保険年金課", "税務課", "生活支援課"])
        title = f"{dept} 座席表（{f.event_date()}現在）"
        rows_n, cols_n = r.randint(2, 4), r.randint(3, 6)
        ppl = f.people(rows_n * cols_n + 1, kinds={"dict": 50, "ood": 35, "mixed": 10, "foreign": 5})
        titles = ["係長", "主任", "主査", "主事", "会計年度", "再任用", "課長補佐"]
        things = ["複合機", "空席", "書庫", "打合せ", "FAX", "シュレッダー"]
        nl = " " if fmt in ("pptx", "pdf") else "\n"
        grid = []
        k = 1
        for i in range(rows_n):
            row = []
            for j in range(cols_n):
                if r.random() < 0.12:
                    row.append(r.choice(things))
                    continue
                p = ppl[k]
                k += 1
                lab = N(p, p.sur, "sur") if not p.foreign else N(p, p.full("・"))
                form = r.choice(["{n}", "{n}", "{n}（{t}）", "{t} {n}", "{n}" + nl + "内線{x}", "{n} {t}"])
                row.append(form.format(n=lab, t=r.choice(titles), x=r.randint(1000, 4999)))
            grid.append(row)
        chief = ppl[0]
        boss = f"課長 {N(chief, chief.sur, 'sur')}" if r.random() < 0.6 else f"課長 {N(chief, f.full(chief))}"
        if fmt == "xlsx":
            x = Xlsx(d, title=title)
            rows = [[title], [], ["", "", boss], []]
            for g in grid:
                rows.append([""] + g)
                rows.append([])
            rows.append(["", "窓口（カウンター）"])
            x.sheet(r.choice(["座席表", "配置図", "レイアウト"]), rows)
            x.save()
        elif fmt == "pptx":
            s = Pptx(d, title=title)
            s.slide(title, [boss] + ["　".join(g) for g in grid] + ["窓口"])
            s.save()
        elif fmt == "pdf":
            p = Pdf(d, title=title)
            p.heading(title)
            p.text(boss, indent=200)
            for g in grid:
                p.text("　　".join(g))
            p.text("━━━━━━━━ 窓口カウンター ━━━━━━━━")
            p.save()
        else:
            w = Docx(d, title=title)
            w.h(title)
            w.p(boss)
            w.table([f"{j + 1}列" for j in range(cols_n)], grid)
            w.p("※ 内線番号は別表参照。")
            w.save()

    # ================================================================ mail merges
    def mail_merge(self) -> None:
        r = self.sub()
        fmt = r.choice(["docx", "docx", "pdf", "pdf", "txt", "csv"])
        d = self.new("mail-merge", fmt, "mail_merge")
        f = self.faker(r, fmt)
        kind = r.choice(["care_fee", "benefit", "checkup", "pension"])
        subj = {"care_fee": "介護保険料額決定通知書", "benefit": "給付金の支給決定について（通知）",
                "checkup": "特定健康診査のお知らせ", "pension": "国民年金 保険料免除の審査結果について"}[kind]
        n = r.randint(3, 6)
        hon = r.choice(["様", " 様", "　様", "殿"]) if fmt != "pdf" else r.choice(["様", " 様", "殿"])
        letters = []
        lo, hi = {"care_fee": (1930, 1960), "checkup": (1950, 1985), "pension": (1965, 2004)}.get(kind, (1940, 2000))
        for p in f.people(n):
            addr, z = f.address()
            L = [r.choice(["〒", "〒 ", ""]) + M("Z", z), M("A", addr), N(p, f.full(p)) + hon, "",
                 f"{self.w.issuer}長", "", subj, ""]
            if kind == "care_fee":
                L += [f"被保険者番号{f.st.colon}{M('I', f.care_no())}", f"生年月日{f.st.colon}{M('B', f.birth(lo, hi))}",
                      f"令和{r.randint(7, 8)}年度の保険料額は年額{r.randint(30, 150)},{r.randint(100, 999)}円です。"]
                if r.random() < 0.5:
                    L.append(f"口座振替口座{f.st.colon}{M('K', f.bank_line())}")
            elif kind == "benefit":
                L += [f"{N(p, p.sur, 'sur') if not p.foreign else N(p, f.full(p))}様の申請に基づき、次のとおり支給を決定しました。",
                      f"支給額{f.st.colon}{r.randint(3, 10)}0,000円", f"振込先{f.st.colon}{M('K', f.bank_line())}",
                      f"振込予定日{f.st.colon}{f.event_date()}"]
            elif kind == "checkup":
                a, b = f.period()
                L += [f"受診券番号{f.st.colon}{r.randint(10000000, 99999999)}", f"生年月日{f.st.colon}{M('B', f.birth(lo, hi))}",
                      f"受診期間{f.st.colon}{a}から{b}まで"]
            else:
                L += [f"基礎年金番号{f.st.colon}{M('I', f.pension())}", f"生年月日{f.st.colon}{M('B', f.birth(lo, hi))}",
                      "審査の結果、全額免除が承認されました。"]
            L += ["", f"問い合わせ先{f.st.colon}{r.choice(DEPTS)}（内線{r.randint(1000, 4999)}）"]
            letters.append((p, addr, z, L))
        if fmt == "docx":
            w = Docx(d, title=subj)
            for i, (_, _, _, L) in enumerate(letters):
                if i:
                    w.d.add_page_break()
                for s in L:
                    w.p(s)
            w.save()
        elif fmt == "pdf":
            p = Pdf(d, title=subj)
            for i, (_, _, _, L) in enumerate(letters):
                if i:
                    p.page_break()
                for s in L:
                    if s:
                        p.text(s)
            p.save()
        elif fmt == "txt":
            sepl = r.choice(["-" * 40, "＝" * 20, "\f", "――――――――――――――――"])
            lines = []
            for i, (_, _, _, L) in enumerate(letters):
                if i:
                    lines.append(sepl)
                lines += L
            self.put_text(d, lines, r)
        else:  # the merge source itself
            head = [r.choice(["郵便番号", "〒"]), r.choice(["住所", "送付先住所", "住所1"]), r.choice(["氏名", "宛名", "送付先氏名"]),
                    "敬称", r.choice(["生年月日", "生年月日（和暦）"])]
            rows = [head]
            for p, addr, z, _ in letters:
                rows.append([M("Z", z), M("A", addr), N(p, f.full(p)), "様", M("B", f.birth(lo, hi))])
            self.put_csv(d, rows, r)

    # ================================================================ application forms
    def application(self) -> None:
        r = self.sub()
        fmt = r.choice(["docx", "docx", "docx", "pdf", "pdf", "pdf", "xlsx"])
        d = self.new("application", fmt, "application")
        f = self.faker(r, fmt)
        form = r.choice(["jidou", "kaigo", "shogai", "shugaku", "furikae", "kyufu"])
        ftitle = {"jidou": "児童手当 認定請求書", "kaigo": "介護保険 要介護認定申請書", "shogai": "障害福祉サービス 支給申請書",
                  "shugaku": "就学援助費 受給申請書", "furikae": "口座振替依頼書", "kyufu": "臨時給付金 申請書"}[form]
        example = r.random() < 0.3
        title = ftitle + ("（記入例）" if example else "")
        p = f.person()
        addr, z = f.address()
        name_l = r.choice(["氏名", "申請者氏名", "お名前", "請求者氏名", "申請者"])
        kana_l = r.choice(["フリガナ", "ふりがな", "氏名（カナ）", "カナ"])
        hira = kana_l == "ふりがな"
        lo, hi = {"kaigo": (1928, 1958), "jidou": (1975, 2000), "shugaku": (1975, 1998)}.get(form, (1940, 2002))
        fields = [(name_l, N(p, f.full(p))),
                  (kana_l, N(p, p.kana(hira, r.choice([" ", ""] + ([] if fmt == "pdf" else ["　"]))), "kana"))]
        if r.random() < 0.8:
            fields.append((r.choice(["生年月日", "生年月日（和暦）"]), M("B", f.birth(lo, hi))))
        fields.append((r.choice(["住所", "現住所", "住所（〒）"]), r.choice(["〒", ""]) + M("Z", z) + " " + M("A", addr)))
        fields.append((r.choice(["電話番号", "連絡先", "TEL", "日中の連絡先"]), M("T", f.phone())))
        if r.random() < 0.4:
            fields.append((r.choice(["メールアドレス", "E-mail"]), M("E", f.email(p))))
        if r.random() < 0.55 and form != "furikae":
            fields.append((r.choice(["個人番号", "個人番号（マイナンバー）", "マイナンバー"]), M("M", f.my_number())))
        if form == "kaigo":
            fields.append(("被保険者番号", M("I", f.care_no())))
            fields.append(("主な疾病", M("D", r.choice(MED_ADULT)[0])))
            fields.append(("現在の状況", r.choice(["在宅", "入院中", "施設入所中"])))
        elif form == "shogai":
            fields.append(("障害の種類", M("H", r.choice(DIS_ADULT + DIS_CHILD)[0])))
            fields.append(("希望するサービス", "、".join(r.sample(SERVICES, 2))))
            if r.random() < 0.5:
                fields.append(("疾病名", M("D", r.choice(MED_ADULT)[0])))
        elif form == "shugaku":
            fields.append(("世帯の状況", r.choice(["■", "☑"]) + M("S", "生活保護") + "受給世帯　□児童扶養手当受給世帯"))
        else:
            b, br, t, nacct = f.account()
            fields.append(("金融機関", f"{b} {br}"))
            fields.append(("預金種目", t))
            fields.append(("口座番号", M("K", nacct)))
            fields.append(("口座名義（カナ）", N(p, p.hw(), "hw")))
        if r.random() < 0.25:
            fields.append(("基礎年金番号", M("I", f.pension())))
        fam_rows = []
        if form in ("jidou", "shugaku", "kyufu") or r.random() < 0.3:
            for rel in r.sample(["配偶者", "長男", "長女", "次男", "次女", "母"], r.randint(1, 3)):
                g = {"配偶者": "f" if p.gender == "m" else "m", "長男": "m", "次男": "m", "長女": "f", "次女": "f", "母": "f"}[rel]
                q = f.person(gender=g)
                if q.foreign or p.foreign or r.random() < 0.15:
                    nm = N(q, f.full(q))
                else:
                    q.sur, q.sur_r = p.sur, p.sur_r
                    nm = N(q, p.sur + f.st.name_sep() + q.giv)
                blo, bhi = {"配偶者": (lo, hi), "母": (1928, 1962)}.get(rel, (2006, 2022))
                fam_rows.append([rel, nm, M("B", f.birth(blo, bhi)), M("M", f.my_number()) if r.random() < 0.4 else ""])
        date_line = f"申請日{f.st.colon}{f.event_date()}"
        note = r.choice(["※ 太枠内をご記入ください。", "※ 記入例の内容はすべて架空のものです。" if example else "※ 黒のボールペンで記入してください。",
                         f"※ {r.choice(SERVICES)}の利用申請は別様式です。"])
        if fmt == "docx":
            w = Docx(d, title=title)
            w.h(title)
            w.p(date_line)
            if r.random() < 0.5:
                w.table(["項目", "記入欄"], [[a, b] for a, b in fields])
            else:  # four columns: label, value, label, value
                rows = []
                for i in range(0, len(fields), 2):
                    a = fields[i]
                    b = fields[i + 1] if i + 1 < len(fields) else ("", "")
                    rows.append([a[0], a[1], b[0], b[1]])
                w.table(["項目", "内容", "項目", "内容"], rows)
            if fam_rows:
                w.p(r.choice(["世帯員", "同一世帯の家族", "対象児童・家族"]))
                w.table(["続柄", "氏名", "生年月日", "個人番号"], fam_rows)
            w.p(note)
            w.save()
        elif fmt == "xlsx":
            x = Xlsx(d, title=title)
            rows = [[title], [date_line], []] + [[a, b] for a, b in fields]
            if fam_rows:
                rows += [[], ["続柄", "氏名", "生年月日", "個人番号"]] + fam_rows
            rows += [[], [note]]
            x.sheet(r.choice(["申請書", "様式1", "入力"]), rows, widths={"A": 24, "B": 50})
            x.save()
        else:
            self._pdf_form(d, r, title, date_line, fields, fam_rows, note)

    def _pdf_form(self, d, r, title, date_line, fields, fam_rows, note) -> None:
        p = Pdf(d, title=title)
        p.heading(title)
        p.text(date_line)
        c = p.c
        boxed = r.random() < 0.6
        lx, vx = 60, r.choice([150, 170, 190])
        for lab, val in fields:
            if p.y < 120:
                p.page_break()
            c.setFont("HeiseiKakuGo-W5", 9.5)
            c.drawString(lx, p.y, p._take(lab))
            c.setFont("HeiseiMin-W3", 10.5)
            c.drawString(vx, p.y, p._take(val))
            if boxed:
                c.rect(lx - 4, p.y - 6, p.W - 2 * lx + 8, 22, stroke=1, fill=0)
            p.y -= 26
        if fam_rows:
            p.y -= 10
            p.text("世帯の状況（続柄・氏名・生年月日・個人番号）")
            for row in fam_rows:
                if p.y < 100:
                    p.page_break()
                x = lx
                for cell, wdt in zip(row, [60, 120, 130, 140]):
                    c.setFont("HeiseiMin-W3", 10)
                    c.drawString(x, p.y, p._take(cell))
                    x += wdt
                p.y -= 20
        p.y -= 10
        p.text(note)
        p.save()

    # ================================================================ clean documents
    def clean(self, ctype: str) -> None:
        r = self.sub()
        allowed = {"service_guide": ["txt", "docx", "html", "pdf", "pptx"], "town_stats": ["csv", "xlsx", "html", "pdf"],
                   "privacy_policy": ["html", "docx", "txt", "pdf"], "facility_list": ["csv", "xlsx", "html", "pdf", "docx"],
                   "blank_form": ["docx", "pdf", "xlsx"], "event_notice": ["txt", "html", "pdf", "docx"],
                   "contract_list": ["csv", "xlsx", "txt"], "policy": ["docx", "txt", "pdf", "pptx", "html"]}[ctype]
        fmt = r.choice(allowed)
        d = self.new("clean", fmt, ctype)
        f = self.faker(r, fmt)
        U, I = self.U, self.w.issuer
        towns = r.sample(self.w.home_towns, min(len(self.w.home_towns), r.randint(8, 16)))
        title, lines, table = "", [], None
        if ctype == "service_guide":
            title = r.choice(["障害福祉サービスのご案内", "障害のある子どもと家族のための支援ガイド", "在宅福祉サービス早わかり"])
            for sv in r.sample(SERVICES, r.randint(6, 10)):
                lines.append(f"■{sv}{f.st.colon}{SERVICE_DESC[sv]}")
            lines.append(f"利用者負担は原則1割です（生活保護受給世帯は0円）。対象は{r.choice(CARE_LEVEL)[0]}以上の方などです。")
            lines.append(f"申請窓口{f.st.colon}{I}役所 {r.choice(DEPTS)}")
        elif ctype == "town_stats":
            title, head = r.choice([
                (f"町丁別 世帯数・人口（{f.event_date()}現在）", ["町名", "世帯数", "人口", "うち65歳以上"]),
                ("町名別 障害者手帳所持者数", ["町名", "身体障害者手帳", "療育手帳", "精神障害者保健福祉手帳"]),
                ("地区別 要介護認定者数", ["地区", "要支援1・2", "要介護1～2", "要介護3～5", "計"]),
                ("町名別 生活保護受給世帯数", ["町名", "受給世帯数", "保護率（‰）"])])
            table = [head] + [[t[2]] + [f"{r.randint(10, 9999):,}" for _ in head[1:]] for t in towns]
            lines = ["数値は住民基本台帳による。", "町名は順不同。秘匿のため10未満は「-」と表示する場合がある。"]
        elif ctype == "privacy_policy":
            title = r.choice(["個人情報の取扱いについて", "個人情報保護方針", f"{I}個人情報の保護に関する規程（抜粋）"])
            items = ["氏名", "フリガナ", "生年月日", "性別", "住所", "電話番号", "メールアドレス", "個人番号（マイナンバー）",
                     "基礎年金番号", "介護保険被保険者番号", "口座番号", "口座名義", "病歴", "障害の有無及び程度", "生活保護の受給状況",
                     "家族構成", "勤務先", "顔写真"]
            lines = [f"{U}は、{r.choice(SERVICES)}等の事務を行うため、次の個人情報を取得します。"]
            lines += [f"{i + 1}. {x}" for i, x in enumerate(r.sample(items, r.randint(8, 14)))]
            lines += ["取得した個人情報は、目的以外に利用しません。", "要配慮個人情報（病歴、障害、犯罪の経歴等）は本人の同意を得て取得します。",
                      f"開示請求は{I}役所 情報公開課で受け付けます。"]
        elif ctype == "facility_list":
            title, kindn = r.choice([("児童館・子育て支援施設一覧", "児童館"), ("地域包括支援センター一覧", "地域包括支援センター"),
                                     ("障害者相談支援事業所一覧", "相談支援センター"), ("地区会館 所在地一覧", "地区会館")])
            head = r.choice([["施設名", "所在地", "電話番号"], ["名称", "住所", "TEL", "FAX"], ["センター名", "所在地", "電話"]])
            table = [head]
            for t in towns[: r.randint(6, 12)]:
                addr = f.address(town=t, building=False, head=r.choice(["muni", "town"]))[0]
                row = [f"{t[2]}{kindn}", addr, f.phone(mobile=False)]
                if len(head) == 4:
                    row.append(f.phone(mobile=False))
                table.append(row)
            lines = ["開館時間：午前9時から午後5時まで（日曜・祝日休館）", "所在地は変更になる場合があります。"]
        elif ctype == "blank_form":
            title = r.choice(["申請書（様式第1号）", "届出書 様式", "相談受付票（未記入）"])
            dash = f.st.d()
            table = [["項目", "記入欄"], ["氏名", ""], ["フリガナ", ""], ["生年月日", "昭和・平成・令和　　年　　月　　日"],
                     ["住所", "〒　　　" + dash + "　　　　"], ["電話番号", f"（記入例：03{dash}0000{dash}0000）"],
                     ["個人番号", r.choice(["□□□□ □□□□ □□□□", "____ ____ ____", "0000 0000 0000（記入例）"])],
                     ["基礎年金番号", f"0000{dash}000000"], ["口座番号", "□□□□□□□（7桁）"], ["障害の種類", "□身体　□知的　□精神　□発達"]]
            lines = ["※ 太枠内を記入してください。", f"※ 郵便番号は000{dash}0000の形式で記入してください。",
                     f"※ 電話は0000{dash}00{dash}0000の形式でも構いません。"]
        elif ctype == "event_notice":
            title = r.choice(["健康講座のお知らせ", "認知症サポーター養成講座", "子育てひろば 夏のイベント", "防災訓練の実施について"])
            a, b = f.period()
            lines = [f"日時{f.st.colon}{a} 午前10時から正午まで", f"会場{f.st.colon}{towns[0][2]}地区会館 2階 ホール",
                     f"対象{f.st.colon}{I}在住の{r.choice(['昭和35年4月1日以前に生まれた方', '65歳以上の方', '未就学児と保護者', '中学生以上'])}",
                     f"定員{f.st.colon}{r.randint(10, 80)}名（先着順）　費用：無料",
                     f"内容{f.st.colon}{r.choice(MED_ADULT)[0]}の予防、{r.choice(SERVICES)}の紹介",
                     f"申込{f.st.colon}{b}までに電子申請で", "持ち物：筆記用具、上履き"]
        elif ctype == "contract_list":
            title = "令和7年度 委託契約 締結一覧"
            table = [["件名", "契約相手方", "法人番号", "契約金額（円）", "契約日"]]
            for i in range(r.randint(5, 9)):
                s = r.choice(SUR_T1 + OOD_SUR)[0]
                corp = r.choice([f"{s}建設株式会社", f"株式会社{s}商事", f"有限会社{s}造園", f"{s}総合サービス株式会社"])
                table.append([r.choice(["庁舎清掃業務", "道路補修工事", "公園樹木剪定", "システム保守", "給食調理業務"]) + f"（その{i + 1}）",
                              corp, corporate_number(f"{r.randint(0, 10 ** 12 - 1):012d}"), f"{r.randint(1, 90)},{r.randint(100, 999)},000",
                              f.event_date()])
            lines = ["契約相手方の名称は登記上の名称による。"]
        else:  # policy
            title = r.choice(PLANS).replace("（素案）", "").replace("（案）", "") + " 概要版"
            dx_child = [x for x, h in DIS_CHILD if h == "dx"]
            lines = [f"{r.choice(MED_ADULT)[0]}の方やその家族が住み慣れた地域で暮らせるよう、相談体制を整えます。",
                     f"{r.choice(dx_child)}のある子どもへの支援として、{r.choice(SERVICES)}の事業所を増やします。",
                     f"{r.choice(MED_CHILD)[0]}など長期の療養が必要な子どもの教育を保障します。",
                     f"{towns[0][2]}・{towns[1][2]}地区では、{r.choice(SERVICES)}の利用が伸びています。",
                     "生活保護受給世帯の子どもの学習支援を継続します。", f"目標：{r.choice(CARE_LEVEL)[0]}以上の方の在宅生活継続率 80%",
                     "ひとり親家庭の相談窓口を一本化します。", "計画期間：令和8年度から令和13年度まで"]
        lines = lines + self.hard_negatives(f, towns)
        self._write_clean(d, r, fmt, title, lines, table)

    def hard_negatives(self, f: Faker, towns) -> list[str]:
        """A few more traps for every clean document: service names, towns as districts, placeholders,
        numbers that are not personal (法人番号, a 12-digit number failing the My Number check, 内線)."""
        r, I = f.r, self.w.issuer
        dash = f.st.d()
        d11 = "".join(str(r.randint(0, 9)) for _ in range(11))
        bad12 = d11 + str((my_number_check(d11) + r.randint(1, 9)) % 10)
        pool = [f"{r.choice(SERVICES)}・{r.choice(SERVICES)}・{r.choice(SERVICES)}の事業所一覧は{I}のホームページに掲載しています。",
                f"{towns[-1][2]}地区の人口は{r.randint(1000, 30000):,}人、うち{r.randint(10, 40)}%が65歳以上です。",
                f"{towns[-2][2]}・{towns[-3][2]}地域では{r.choice(CARE_LEVEL)[0]}の認定者が増えています。",
                f"記入例：電話 0000{dash}00{dash}0000、郵便番号 000{dash}0000",
                f"受付番号 {bad12}（12桁）は個人番号ではありません。",
                f"問い合わせ：{r.choice(DEPTS)}（内線{r.randint(1000, 4999)}）",
                f"法人番号 {corporate_number(f'{r.randint(0, 10 ** 12 - 1):012d}')} の事業者が受託しています。",
                f"{r.choice(MED_ADULT)[0]}や{r.choice(MED_CHILD)[0]}に関する相談は保健センターで受け付けます。",
                f"個別支援計画とサービス等利用計画の様式は{r.choice(DEPTS)}で配布します。",
                f"{f.event_date()}から{r.choice(SERVICES)}の受付時間を変更します。"]
        return r.sample(pool, r.randint(2, 4))

    def _write_clean(self, d, r, fmt, title, lines, table) -> None:
        if fmt == "txt":
            out = [title, ""] + lines
            if table:
                out += [""] + ["\t".join(row) for row in table]
            self.put_text(d, out, r)
        elif fmt == "csv":
            self.put_csv(d, ([[title]] if r.random() < 0.4 else []) + (table or [[l] for l in lines]), r)
        elif fmt == "html":
            h = Html(d, title)
            h.el("h1", title)
            for s in lines:
                h.el("p", s)
            if table:
                h.table(table[0], table[1:])
            h.save()
        elif fmt == "docx":
            w = Docx(d, title=title)
            w.h(title)
            for s in lines:
                w.p(s)
            if table:
                w.table(table[0], table[1:])
            w.save()
        elif fmt == "xlsx":
            x = Xlsx(d, title=title)
            x.sheet("一覧", [[title], []] + (table or []) + [[]] + [[s] for s in lines])
            x.save()
        elif fmt == "pptx":
            s = Pptx(d, title=title)
            s.slide(title, lines[: len(lines) // 2 + 1])
            s.slide("つづき", lines[len(lines) // 2 + 1:] or ["以上"])
            s.save()
        else:
            p = Pdf(d, title=title, footer="#")
            p.heading(title)
            for s in lines:
                p.text(s)
            for row in table or []:
                p.text("　".join(row))
            p.save()

    # ================================================================ build
    def build(self) -> None:
        r = self.r
        plan = (["pc"] * r.randint(8, 11) + ["roster"] * r.randint(8, 11) + ["minutes"] * r.randint(6, 8)
                + ["floor"] * r.randint(3, 4) + ["mail"] * r.randint(4, 6) + ["app"] * r.randint(7, 9))
        ctypes = ["service_guide", "town_stats", "privacy_policy", "facility_list", "blank_form", "event_notice",
                  "contract_list", "policy"]
        cleans = ctypes + [r.choice(ctypes) for _ in range(r.randint(6, 9))]
        r.shuffle(plan)
        for k in plan:
            {"pc": self.public_comment, "roster": self.roster, "minutes": self.minutes, "floor": self.floor_plan,
             "mail": self.mail_merge, "app": self.application}[k]()
        for c in cleans:
            self.clean(c)

    def truth(self) -> dict:
        docs = sorted(self.docs, key=lambda d: d.path)
        names = [it["text"] for d in docs for it in d.items if it["category"] == "person_name"]
        ood = [n for n in names if NAME_OOD.get(n, not in_dict(n))]
        stats = {"seed": self.seed, "municipality": "".join(self.w.home), "documents": len(docs),
                 "clean_documents": sum(1 for d in docs if not d.items),
                 "items": sum(len(d.items) for d in docs),
                 "by_category": dict(sorted(collections.Counter(it["category"] for d in docs for it in d.items).items())),
                 "person_names": len(names), "person_names_outside_dictionaries": len(ood),
                 "share_outside_dictionaries": round(len(ood) / len(names), 3) if names else None}
        return {"version": 1,
                "description": f"Fresh evaluation set, seed {self.seed}. Generated by Tools/corpus/fresh.py; do not edit by hand.",
                "fresh": stats,
                "documents": [d.truth() for d in docs]}


# =================================================================== verification
def verify(out: str, truth: dict) -> list[str]:
    """check_truth.check_doc on every document, plus: every file is listed."""
    import check_truth
    errs = []
    listed = {d["path"] for d in truth["documents"]}
    for d in truth["documents"]:
        errs += check_truth.check_doc(out, d)
    for dp, _, fs in os.walk(out):
        for fn in fs:
            rel = os.path.relpath(os.path.join(dp, fn), out)
            if rel != "truth.json" and rel not in listed:
                errs.append(f"{rel}: not in truth.json")
    return errs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true", help="skip check_truth verification")
    a = ap.parse_args()
    load_dicts()
    build_ood()
    out = os.path.abspath(a.out)
    if os.path.exists(out):
        for name in os.listdir(out):
            p = os.path.join(out, name)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    os.makedirs(out, exist_ok=True)
    g = Gen(a.seed, out)
    g.build()
    truth = g.truth()
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    s = truth["fresh"]
    print(f"fresh: seed {a.seed} ({s['municipality']}): {s['documents']} documents ({s['clean_documents']} clean), "
          f"{s['items']} labelled items; person names outside Rules/dict: {s['person_names_outside_dictionaries']}/"
          f"{s['person_names']} ({s['share_outside_dictionaries']:.0%})", file=sys.stderr)
    if not a.no_check:
        errs = verify(out, truth)
        for e in errs:
            print("FAIL", e, file=sys.stderr)
        print(f"fresh: check_truth: {len(errs)} problems", file=sys.stderr)
        return 1 if errs else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
