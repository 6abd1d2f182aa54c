"""Invented personal data in the many shapes Japanese documents use.

Every value is invented: names are drawn from common name pools, street
numbers are random, domains are example.jp / example.com / example.lg.jp.
Functions return *marked-up* strings ({C:text}) for corpus_lib to label.
"""
from __future__ import annotations

import random

from corpus_lib import corporate_number, my_number_check

SURNAMES = [
    ("山田", "yamada"), ("佐藤", "sato"), ("鈴木", "suzuki"), ("髙橋", "takahashi"),
    ("山﨑", "yamazaki"), ("齋藤", "saito"), ("渡邊", "watanabe"), ("田中", "tanaka"),
    ("伊藤", "ito"), ("中村", "nakamura"), ("小林", "kobayashi"), ("加藤", "kato"),
    ("吉田", "yoshida"), ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"),
    ("清水", "shimizu"), ("池田", "ikeda"), ("橋本", "hashimoto"), ("石川", "ishikawa"),
    ("前田", "maeda"), ("藤田", "fujita"), ("岡田", "okada"), ("長谷川", "hasegawa"),
    ("村上", "murakami"), ("近藤", "kondo"), ("坂本", "sakamoto"), ("遠藤", "endo"),
    ("青木", "aoki"), ("西村", "nishimura"), ("福田", "fukuda"), ("太田", "ota"),
    ("三浦", "miura"), ("藤原", "fujiwara"), ("岡本", "okamoto"), ("中川", "nakagawa"),
    ("原田", "harada"), ("小野", "ono"), ("竹内", "takeuchi"), ("金子", "kaneko"),
    ("和田", "wada"), ("中島", "nakajima"), ("石井", "ishii"), ("小川", "ogawa"),
    ("森", "mori"), ("林", "hayashi"), ("髙木", "takagi"), ("宮﨑", "miyazaki"),
    ("斉藤", "saito"), ("渡辺", "watanabe"), ("邉見", "hemmi"),
]
GIVEN = [
    ("太郎", "taro"), ("花子", "hanako"), ("健一", "kenichi"), ("美咲", "misaki"),
    ("結衣", "yui"), ("陽菜", "hina"), ("大翔", "hiroto"), ("蓮", "ren"), ("翔太", "shota"),
    ("さくら", "sakura"), ("はると", "haruto"), ("ユイ", "yui"), ("恵子", "keiko"),
    ("和夫", "kazuo"), ("洋子", "yoko"), ("誠", "makoto"), ("直樹", "naoki"),
    ("由美子", "yumiko"), ("裕子", "yuko"), ("浩二", "koji"), ("一郎", "ichiro"),
    ("幸子", "sachiko"), ("清", "kiyoshi"), ("明美", "akemi"), ("悠真", "yuma"),
    ("葵", "aoi"), ("湊", "minato"), ("芽依", "mei"), ("勇気", "yuki"), ("千尋", "chihiro"),
    ("まゆみ", "mayumi"), ("ひろし", "hiroshi"), ("ミナ", "mina"), ("俊介", "shunsuke"),
]
FOREIGN = [
    ("ファム・ティ・ラン", "pham.lan"), ("グエン・ヴァン・ナム", "nguyen.nam"),
    ("Taro YAMADA", "taro.yamada"), ("マリア・サントス", "maria.santos"),
    ("ジョン・スミス", "john.smith"), ("李 明華", "li.minghua"), ("王 小紅", "wang.xh"),
    ("キム・ジヨン", "kim.jiyoung"), ("Maria SANTOS", "m.santos"), ("Anh NGUYEN", "anh.n"),
    ("シャルマ・ラジェシュ", "sharma.r"), ("Hanako SATO", "hanako.sato"),
]
# (town, postal code) — Setagaya towns; the street numbers we add are random.
TOWNS = [
    ("喜多見", "157-0067"), ("深沢", "158-0081"), ("成城", "157-0066"), ("砧", "157-0073"),
    ("用賀", "158-0097"), ("上用賀", "158-0098"), ("奥沢", "158-0083"), ("等々力", "158-0082"),
    ("桜丘", "156-0054"), ("三軒茶屋", "154-0024"), ("上野毛", "158-0093"), ("千歳台", "157-0071"),
    ("桜新町", "154-0015"), ("太子堂", "154-0004"), ("経堂", "156-0052"), ("北沢", "155-0031"),
    ("代沢", "155-0032"), ("若林", "154-0023"), ("松原", "156-0043"), ("祖師谷", "157-0072"),
]
OTHER_CITIES = [
    ("神奈川県", "川崎市多摩区", "登戸", "214-0014"), ("東京都", "杉並区", "阿佐谷南", "166-0004"),
    ("埼玉県", "さいたま市浦和区", "高砂", "330-0063"), ("東京都", "狛江市", "和泉本町", "201-0003"),
    ("千葉県", "市川市", "八幡", "272-0021"), ("東京都", "調布市", "国領町", "182-0022"),
]
BUILDINGS = ["グリーンハイツ", "メゾン桜", "コーポ若葉", "サンライズ", "パークサイド", "ハイム緑"]
BANKS = ["みどり中央銀行", "東都第一銀行", "ひかり信用金庫", "武蔵台銀行", "さくら野信用組合"]
BRANCHES = ["世田谷", "三軒茶屋", "成城", "二子玉川", "経堂", "本店営業部", "用賀駅前"]

KNUM = "〇一二三四五六七八九"
FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


def kanji_num(n: int) -> str:
    if n < 10:
        return KNUM[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KNUM[t]) + "十" + ("" if o == 0 else KNUM[o])


def fullwidth(s: str) -> str:
    return s.translate(FW)


class Faker:
    def __init__(self, seed: int, encoding: str | None = None):
        self.r = random.Random(seed)
        self.encoding = encoding  # avoid characters the target charset lacks

    def ok(self, s: str) -> bool:
        if not self.encoding:
            return True
        try:
            return s.encode(self.encoding).decode(self.encoding) == s
        except UnicodeEncodeError:
            return False

    def pick(self, seq):
        while True:
            v = self.r.choice(seq)
            if self.ok(v[0] if isinstance(v, tuple) else v):
                return v

    # ---- names
    def surname(self):
        return self.pick(SURNAMES)

    def given(self):
        return self.pick(GIVEN)

    def name(self, sep: str | None = None) -> tuple[str, str]:
        """(full name text, romaji for email)."""
        s, sr = self.surname()
        g, gr = self.given()
        if sep is None:
            sep = self.r.choice([" ", "　", ""])
        return f"{s}{sep}{g}", f"{gr}.{sr}"

    def foreign(self):
        return self.pick(FOREIGN)

    # ---- addresses
    def address(self, style: str | None = None, pref: bool | None = None,
                town: tuple | None = None, building: bool | None = None) -> tuple[str, str]:
        """(address text, postal code)."""
        r = self.r
        if town is None and r.random() < 0.2:
            p, city, t, z = r.choice(OTHER_CITIES)
            head = (p if pref or (pref is None and r.random() < 0.7) else "") + city + t
        else:
            t, z = town or r.choice(TOWNS)
            head = ("東京都" if pref or (pref is None and r.random() < 0.5) else "") + "世田谷区" + t
        c, b, g = r.randint(1, 9), r.randint(1, 30), r.randint(1, 25)
        styles = ["kanji", "mixed", "hyphen", "fw", "u2010", "u2212", "choon", "banchi", "fwkanji"]
        st = style or r.choice(styles)
        if st == "u2212" and not self.ok("−"):
            st = "hyphen"
        if st == "choon" and not self.ok("ー"):
            st = "hyphen"
        if st == "kanji":
            tail = f"{kanji_num(c)}丁目{kanji_num(b)}番{kanji_num(g)}号"
        elif st == "mixed":
            tail = f"{kanji_num(c)}丁目{b}番{g}号"
        elif st == "hyphen":
            tail = f"{c}-{b}-{g}"
        elif st == "fw":
            tail = fullwidth(f"{c}-{b}-{g}")
        elif st == "u2010":
            tail = f"{c}‐{b}‐{g}"
        elif st == "u2212":
            tail = f"{c}−{b}−{g}"
        elif st == "choon":
            tail = f"{c}ー{b}ー{g}"
        elif st == "banchi":
            tail = f"{c}丁目{b}番地{g}"
        else:  # fwkanji
            tail = fullwidth(f"{c}") + "丁目" + fullwidth(f"{b}") + "番" + fullwidth(f"{g}") + "号"
        addr = head + tail
        if building or (building is None and r.random() < 0.3):
            addr += f" {r.choice(BUILDINGS)}{r.randint(1, 5)}0{r.randint(1, 8)}号室"
        return addr, z

    def postal(self, z: str, fw: bool | None = None) -> str:
        if fw or (fw is None and self.r.random() < 0.15):
            return fullwidth(z)
        if self.r.random() < 0.1:
            return z.replace("-", "")
        return z

    # ---- phone / email
    def phone(self, style: str | None = None) -> str:
        r = self.r
        a, b = r.randint(1000, 9999), r.randint(1000, 9999)
        mob = r.choice(["090", "080", "070"])
        styles = ["03", "paren", "paren2", "mob", "mob2010", "fw", "intl", "intlmob", "plain", "mobspace"]
        st = style or r.choice(styles)
        return {
            "03": f"03-{a}-{b}", "paren": f"(03){a}-{b}", "paren2": f"03({a}){b}",
            "mob": f"{mob}-{a}-{b}", "mob2010": f"{mob}‐{a}‐{b}",
            "fw": fullwidth(f"03-{a}-{b}"), "intl": f"+81-3-{a}-{b}",
            "intlmob": f"+81 {mob[1:]} {a} {b}", "plain": f"03{a}{b}",
            "mobspace": f"{mob} {a} {b}",
        }[st]

    def email(self, local: str, style: str | None = None) -> str:
        r = self.r
        dom = r.choice(["example.jp", "example.com", "mail.example.jp", "example.ne.jp"])
        st = style or r.choice(["plain", "plain", "num", "fwat"])
        if st == "num":
            local = local.replace(".", "_") + str(r.randint(1, 99))
        at = "＠" if st == "fwat" else "@"
        return f"{local}{at}{dom}"

    # ---- dates
    def birth(self, lo: int = 1935, hi: int = 2020, style: str | None = None) -> str:
        r = self.r
        y, m, d = r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28)
        if y == 1989 or y == 2019:
            y += 1
        if y < 1989:
            era, ey, ab = "昭和", y - 1925, "S"
        elif y < 2019:
            era, ey, ab = "平成", y - 1988, "H"
        else:
            era, ey, ab = "令和", y - 2018, "R"
        st = style or r.choice(["era", "era", "abbr", "slash", "nen", "fw", "iso", "abbrdot"])
        eyt = "元" if ey == 1 else str(ey)
        return {
            "era": f"{era}{eyt}年{m}月{d}日", "abbr": f"{ab}{ey}.{m}.{d}",
            "abbrdot": f"{ab}.{ey:02d}.{m:02d}.{d:02d}", "slash": f"{y}/{m:02d}/{d:02d}",
            "nen": f"{y}年{m}月{d}日", "fw": fullwidth(f"{era}{eyt}年{m}月{d}日".replace(era, "@")).replace("@", era),
            "iso": f"{y}-{m:02d}-{d:02d}",
        }[st]

    # ---- numbers
    def my_number(self, style: str | None = None) -> str:
        d11 = "".join(str(self.r.randint(0, 9)) for _ in range(11))
        n = d11 + str(my_number_check(d11))
        st = style or self.r.choice(["plain", "space", "hyphen", "fw", "plain"])
        if st == "space":
            return f"{n[:4]} {n[4:8]} {n[8:]}"
        if st == "hyphen":
            return f"{n[:4]}-{n[4:8]}-{n[8:]}"
        if st == "fw":
            return fullwidth(n)
        return n

    def digits(self, k: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(k))

    def not_my_number12(self) -> str:
        """12 digits that fail the My Number check (e.g. a driving licence number)."""
        d = self.digits(11)
        c = (my_number_check(d) + 1 + self.r.randint(0, 7)) % 10
        return d + str(c)

    def corporate(self) -> str:
        return corporate_number(self.digits(12))

    def pension(self) -> str:
        return f"{self.digits(4)}-{self.digits(6)}"

    def passport(self) -> str:
        return self.r.choice(["TK", "TR", "MZ", "TZ"]) + self.digits(7)

    def residence_card(self) -> str:
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return self.r.choice(L) + self.r.choice(L) + self.digits(8) + self.r.choice(L) + self.r.choice(L)

    def bank(self, style: str | None = None) -> str:
        r = self.r
        st = style or r.choice(["futsu", "futsu", "yokin", "paren", "toza", "yucho"])
        if st == "yucho":
            return f"ゆうちょ銀行 記号1{self.digits(3)}0 番号{self.digits(7)}1"
        b, br, acct = r.choice(BANKS), r.choice(BRANCHES), self.digits(7)
        brs = br if br.endswith("部") else br + "支店"
        return {
            "futsu": f"{b} {brs} 普通 {acct}", "yokin": f"{b}{brs} 普通預金 {acct}",
            "paren": f"{b} {brs}（普通）{acct}", "toza": f"{b} {brs} 当座 {acct}",
        }[st]
