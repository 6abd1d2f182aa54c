"""Builds Rules/dict/names/ (surnames, given names) from two packaged sources.

Tier 1: japanese-personal-name-dataset (MIT) — 1,999 common surnames with estimated
        population, and given-name readings with every kanji spelling, by gender.
Tier 2: SudachiDict-core (Apache-2.0) entries with POS 名詞-固有名詞-人名-姓 / -名,
        enumerated with sudachipy's own lexicon iterator (Dictionary.entries()).

common_word marks names that are also ordinary words (林, 森, 光, 希望 ...);
place_name marks names that are also a municipality or town name in Rules/dict/places.
"""
import collections
import csv
import glob
import os
import re
import sys
import unicodedata

from dictlib import write_tsv, kata_to_hira, dist_version

OUT = sys.argv[1] if len(sys.argv) > 1 else "Rules/dict/names"
PLACES = sys.argv[2] if len(sys.argv) > 2 else "Rules/dict/places"

import importlib.util  # noqa: E402
from sudachipy import Dictionary, SplitMode  # noqa: E402

DATASET = os.path.join(os.path.dirname(importlib.util.find_spec("japanese_personal_name_dataset").origin), "dataset")

# Part-of-speech classes that make a string an "ordinary word" (not a name, not a particle).
ORDINARY_POS = {"名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞", "接続詞", "感動詞", "代名詞"}

# Names the Sudachi test misses but that are everyday words or very common place-name
# words in municipal text. Kept small and explicit.
HAND_COMMON = {
    # surnames
    "林", "森", "原", "関", "東", "西", "南", "北", "岡", "島", "谷", "沢", "浜", "堀", "畑", "泉",
    "小川", "青木", "中島", "石原", "中野", "平野", "上田", "下田", "本田", "大野", "新田", "今井",
    "市川", "小池", "大橋", "石井", "中村", "松本", "小山", "長野", "福島", "千葉", "秋田", "熊本",
    "山形", "宮崎", "岡山", "広島", "福岡", "和歌山", "富山", "新潟", "奈良", "大阪", "京都",
    # given names
    "光", "愛", "誠", "翼", "空", "海", "希望", "実", "学", "勝", "望", "恵", "茂", "進", "明",
    "優", "忍", "薫", "静", "栄", "清", "勇", "武", "守", "豊", "正", "保", "勉", "稔", "昇",
    "登", "晴", "陽", "和", "仁", "舞", "萌", "歩", "純", "操", "節", "智", "聡", "悟", "巧",
    "匠", "匡", "翔", "大", "健", "強", "毅", "剛", "博", "弘", "宏", "浩", "渉", "潤", "結",
    "愛子", "信", "孝", "隆", "満", "円", "幸", "福", "桜", "菊", "梅", "松", "竹", "花", "雪",
    "星", "月", "夢", "未来", "希", "心", "光", "蘭", "葵", "楓", "椿", "紅葉", "若葉", "緑",
    "ひかり", "あおい", "さくら", "みどり", "めぐみ", "のぞみ", "ひとみ", "あゆみ", "まこと", "すみれ",
}

KANA_ONLY = re.compile(r"^[ぁ-ゖァ-ヺー]+$")
ALLOWED = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134fぁ-ゖァ-ヺー々〆ヶヵ]+$")


class Sudachi:
    def __init__(self):
        self.d = Dictionary(dict="core")
        self.tok = self.d.tokenizer(mode=SplitMode.C)
        self._ordinary = {}

    def ordinary_entry(self, s):
        """True if Sudachi lists s as an ordinary word (not a proper noun)."""
        if s not in self._ordinary:
            ok = False
            for m in self.d.lookup(s):
                p = m.part_of_speech()
                if p[0] in ORDINARY_POS and p[1] != "固有名詞":
                    ok = True
                    break
            self._ordinary[s] = ok
        return self._ordinary[s]

    def ordinary_in_context(self, s):
        """In a neutral noun slot (この…は), does the best analysis read s as an ordinary word?"""
        ms = self.tok.tokenize(f"この{s}は")
        inner = [m for m in ms if m.surface() not in ("この", "は")]
        return bool(inner) and all(m.part_of_speech()[2] != "人名" for m in inner)

    def single_name_token(self, s):
        """Sudachi analyses s alone as exactly one 人名 morpheme."""
        ms = self.tok.tokenize(s)
        return len(ms) == 1 and ms[0].part_of_speech()[2] == "人名"

    def common_word(self, s):
        if s in HAND_COMMON:
            return True
        if not self.ordinary_entry(s):
            return False
        return len(s) == 1 or self.ordinary_in_context(s)


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def load_place_names():
    names = set()
    files = [f"{PLACES}/municipalities.tsv"] + sorted(glob.glob(f"{PLACES}/towns/*.tsv"))
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if path.endswith("municipalities.tsv"):
                    names.add(re.sub(r"[市区町村]$", "", cols[1]))
                else:
                    names.add(cols[2])
    return names


def usable(s):
    if not s or not ALLOWED.match(s):
        return False  # latin, digits, symbols, spaces
    if len(s) == 1 and KANA_ONLY.match(s):
        return False
    return True


def main():
    sud = Sudachi()
    places = load_place_names()
    drops = collections.Counter()

    # ---- tier 1 surnames
    with open(f"{DATASET}/last_name_org.csv", encoding="utf-8") as f:
        t1_sur = [(nfc(r[0]), int(r[1]), nfc(r[2])) for r in csv.reader(f) if r]
    t1_sur.sort(key=lambda r: -r[1])  # stable: file order breaks ties
    surname_rows = {}
    for rank, (s, count, reading) in enumerate(t1_sur, 1):
        if not usable(s):
            drops["t1 surname unusable"] += 1
            continue
        surname_rows[(s, reading)] = ("1", str(rank))

    # ---- tier 1 given names
    gender = collections.defaultdict(set)
    for fname, g in (("first_name_man_org.csv", "m"), ("first_name_woman_org.csv", "f")):
        with open(f"{DATASET}/{fname}", encoding="utf-8") as f:
            for r in csv.reader(f):
                if not r:
                    continue
                reading = nfc(r[0])
                for spelling in r[2:]:
                    s = nfc(spelling)
                    if not usable(s):
                        drops["t1 given unusable"] += 1
                        continue
                    gender[(s, reading)].add(g)
    given_rows = {k: ("1", "m" if v == {"m"} else "f" if v == {"f"} else "u") for k, v in gender.items()}
    t1_given_count = len(given_rows)
    t1_sur_count = len(surname_rows)

    # ---- tier 2 from SudachiDict
    seen = set()
    t2_sur = t2_given = 0
    for m in sud.d.entries():
        p = m.part_of_speech()
        if p[1] != "固有名詞" or p[2] != "人名" or p[3] not in ("姓", "名"):
            continue
        s = nfc(m.surface())
        reading = kata_to_hira(nfc(m.reading_form()))
        key = (p[3], s, reading)
        if key in seen:
            continue
        seen.add(key)
        target = surname_rows if p[3] == "姓" else given_rows
        if (s, reading) in target:
            continue
        if not usable(s) or not re.fullmatch(r"[ぁ-ゖー]+", reading):
            drops["t2 unusable surface or reading"] += 1
            continue
        if KANA_ONLY.match(s) and len(s) <= 2:
            drops["t2 kana-only, 2 chars or fewer"] += 1
            continue
        if sud.ordinary_entry(s):
            drops["t2 also an ordinary word"] += 1
            continue
        if not sud.single_name_token(s):
            drops["t2 not analysed as a name on its own"] += 1
            continue
        if p[3] == "姓":
            target[(s, reading)] = ("2", "")
            t2_sur += 1
        else:
            target[(s, reading)] = ("2", "u")
            t2_given += 1

    def flags(s):
        return ("1" if sud.common_word(s) else "0", "1" if s in places else "0")

    sur_out = [(s, r, tier, rank) + flags(s) for (s, r), (tier, rank) in surname_rows.items()]
    giv_out = [(s, r, tier, g) + flags(s) for (s, r), (tier, g) in given_rows.items()]

    os.makedirs(OUT, exist_ok=True)
    for old in glob.glob(f"{OUT}/*.tsv"):
        os.remove(old)
    sizes = {}
    sizes["surnames.tsv"] = write_tsv(f"{OUT}/surnames.tsv",
                                      ["surname", "reading_hiragana", "tier", "rank", "common_word", "place_name"],
                                      sur_out)
    # Given names are split by tier to keep each file under 4 MB; a loader reads both.
    cols = ["name", "reading_hiragana", "tier", "gender", "common_word", "place_name"]
    sizes["given_names.tsv"] = write_tsv(f"{OUT}/given_names.tsv", cols, [r for r in giv_out if r[2] == "1"])
    sizes["given_names_tier2.tsv"] = write_tsv(f"{OUT}/given_names_tier2.tsv", cols,
                                               [r for r in giv_out if r[2] == "2"])
    st = dict(
        t1_sur=t1_sur_count, t2_sur=t2_sur, t1_given=t1_given_count, t2_given=t2_given,
        sur_common=sum(1 for r in sur_out if r[4] == "1"),
        sur_common_t1=sum(1 for r in sur_out if r[4] == "1" and r[2] == "1"),
        giv_common=sum(1 for r in giv_out if r[4] == "1"),
        giv_common_t1=sum(1 for r in giv_out if r[4] == "1" and r[2] == "1"),
        sur_place=sum(1 for r in sur_out if r[5] == "1"),
        genders=collections.Counter(r[3] for r in giv_out if r[2] == "1"),
        drops=drops, sizes=sizes,
    )
    print("  ", {k: v for k, v in st.items() if k != "sizes"})
    write_source(st)
    copy_licences()


def copy_licences():
    """Ship the upstream licence texts beside the data (MIT and Apache-2.0 both require it)."""
    from importlib.metadata import distribution
    for dist, target in (("japanese-personal-name-dataset", "LICENSE-japanese-personal-name-dataset.txt"),
                         ("sudachidict-core", "LICENSE-SudachiDict.txt")):
        files = [f for f in distribution(dist).files if "licen" in str(f).lower()]
        if len(files) != 1:
            raise SystemExit(f"{dist}: expected one licence file, found {files}")
        with open(files[0].locate(), encoding="utf-8") as src, open(f"{OUT}/{target}", "w", encoding="utf-8") as dst:
            dst.write(src.read())


def write_source(st):
    drops = "\n".join(f"| {k} | {v} |" for k, v in sorted(st["drops"].items()))
    sz = st["sizes"]
    g = st["genders"]
    text = f"""# names/ — surnames and given names

Generated by `Tools/dict/build_names.py` (run through `Tools/dict/build.sh`). Do not edit by hand.
No real private person's data: these are public lists of name *spellings*, never of people.

## Sources and licences

| tier | package (PyPI) | version | licence | copyright |
| --- | --- | --- | --- | --- |
| 1 | `japanese-personal-name-dataset` | {dist_version('japanese-personal-name-dataset')} | MIT License | "Copyright (c) 2022 shuheilocale" |
| 2 | `sudachidict-core` (SudachiDict, core edition) | {dist_version('sudachidict-core')} | Apache License 2.0 | Works Applications Co., Ltd. (package author "Works Applications"; the wheel ships LICENSE-2.0.txt) |
| — | `sudachipy` (reader used to enumerate the binary dictionary; also used for the common-word test) | {dist_version('sudachipy')} | Apache License 2.0 | Works Applications Co., Ltd. |

The MIT licence requires the copyright and permission notice to travel with copies of the data: "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files ... THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND." Full texts ship beside the data: `LICENSE-japanese-personal-name-dataset.txt` (MIT) and `LICENSE-SudachiDict.txt` (Apache-2.0), copied from the installed wheels by the builder. SudachiDict is redistributed in part (surface and reading of 人名 entries, filtered as below) under Apache-2.0; this file is the notice of that modification.

Tier 2 was enumerated with sudachipy's own lexicon iterator `Dictionary.entries()` (no hand parsing of `system.dic`), keeping entries whose part of speech is 名詞-固有名詞-人名-姓 (surnames) or 名詞-固有名詞-人名-名 (given names). 人名-一般 (mostly foreign full names) is not used.

## Files

| file | columns | rows | bytes |
| --- | --- | --- | --- |
| surnames.tsv | surname, reading_hiragana, tier, rank, common_word, place_name | {sz['surnames.tsv'][0]} | {sz['surnames.tsv'][1]} |
| given_names.tsv (tier 1) | name, reading_hiragana, tier, gender, common_word, place_name | {sz['given_names.tsv'][0]} | {sz['given_names.tsv'][1]} |
| given_names_tier2.tsv (tier 2) | same | {sz['given_names_tier2.tsv'][0]} | {sz['given_names_tier2.tsv'][1]} |

Given names are one table split by tier only to keep every file under 4 MB: load both.
One row per (spelling, reading): a spelling with several readings has several rows.

- `tier`: 1 = common-name list (higher confidence), 2 = SudachiDict only (rarer; use with context).
- `rank`: population rank in tier 1 surnames (1 = 佐藤), by the dataset's estimated population; empty in tier 2.
- `gender` (given names): m / f when the spelling+reading is only in the dataset's male / female list, u when in both, and u for all tier 2 (SudachiDict has no gender).
- `common_word`: 1 if the string is also an everyday word, so a match needs context (さん, 様, 氏, a role word) before it is taken as a name. Rule: SudachiDict has an ordinary-word entry with the same surface (名詞 other than 固有名詞, 動詞, 形容詞, 形状詞, 副詞, 連体詞, 接続詞, 感動詞, 代名詞) AND either the string is one character or Sudachi reads it as a non-name in the neutral frame 「この…は」; plus a short hand list in the builder (`HAND_COMMON`: 林 森 原 関 東 小川 青木 中島 石原 …, 光 愛 誠 翼 空 海 希望 実 学 勝 …). Counts: surnames {st['sur_common']} ({st['sur_common_t1']} in tier 1), given names {st['giv_common']} ({st['giv_common_t1']} in tier 1).
- `place_name`: 1 if the string is also a town name in `places/towns/` or a municipality name without its 市/区/町/村 suffix. Most Japanese surnames are place names (surnames: {st['sur_place']} rows), so this is a weak signal: it is given separately so that a detector can choose.

## Filters

Tier 1 keeps every entry whose spelling is only kanji/kana (no latin, digits, symbols, single kana).
Tier 2 keeps a SudachiDict 人名 entry only if:
1. its spelling+reading is not already in tier 1;
2. the surface is kanji and/or kana only (no latin, digits, symbols) and the reading is kana;
3. it is not a kana-only string of one or two characters;
4. SudachiDict has no ordinary-word entry for the same surface — this removes junk name entries such as 定義 (サダヨシ), 結果 (ユカ), 無理, 未来, 心 (SudachiDict lists them as names, but in municipal text they are words);
5. Sudachi analyses the string on its own as a single 人名 morpheme (otherwise its name sense is weaker than another analysis).

SudachiDict also lists rare readings such as 照下 (テルシタ) and 大文 (ダイモン) as surnames. SudachiDict-core's binary no longer exposes word costs through sudachipy, so frequency could not be used to drop them; they stay as tier 2 (low confidence) rather than being guessed away.

| dropped | entries |
| --- | --- |
{drops}

Counts: surnames tier 1 {st['t1_sur']}, tier 2 {st['t2_sur']}; given names tier 1 {st['t1_given']} (m {g.get('m', 0)}, f {g.get('f', 0)}, u {g.get('u', 0)}), tier 2 {st['t2_given']}.

## Rebuild

    bash Tools/dict/build.sh

(places/ is built first: `place_name` reads it.) Output is sorted by code point, de-duplicated, with no timestamps.
"""
    with open(f"{OUT}/SOURCE.md", "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
