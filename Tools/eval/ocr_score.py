"""Score sumi on the OCR corpus (Corpus/ocr, made by Tools/corpus/ocr_cases.py).

Reads the reports Tools/eval/ocr.sh leaves in a directory, one set per corpus file:
  <file>.scan.json       `sumi scan --format json` (findings)
  <file>.extract.jsonl   `sumi extract --format jsonl` (text units; optional)
  times.tsv              file, scan_rc, scan_seconds, extract_rc, extract_seconds
and prints Markdown tables per degradation level × dpi (a page's own level: scans.tiff and
the PDFs mix levels and text pages):
- character accuracy = 1 − Levenshtein(truth, OCR) / len(truth), summed over the pages of a
  group, truth = the page's `image_text` (what only OCR can read) or `text`, OCR = the text of
  the units with "source": "ocr" on that page joined; both sides normalized (NFKC, no white
  space, dashes folded as sumi-eval does);
- recall per category: an item is found when a finding of its category (on its page, where
  the finding gives one) shares a common substring with it of at least half of the item's
  normalized characters (letters and digits), or when the finding's box covers at least half
  of the item's box (a garbled reading at the right place: 三和茶屋二本晶1番6呈 where
  三軒茶屋二丁目11番8号 was printed is flagged and redacted there); --text-only leaves the
  second test out;
- seconds per page: scan wall time of a file divided among its OCR pages.
Robust to missing reports, missing fields and reports without findings. Stdlib only.

    python3 Tools/eval/ocr_score.py [--truth Corpus/ocr/truth.json] --reports DIR
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections import defaultdict

CATEGORIES = ["person_name", "address", "birth_date", "phone", "my_number"]
DASHES = dict.fromkeys(map(ord, "‐‑–—―−－ｰー～〜"), "-")


def norm(s: str | None) -> str:
    """Letters and digits only: a phone read as 090.48231176 where 090-4823-1176 was printed is
    the phone found (OCR turns dashes into dots, commas and spaces; the finding covers it)."""
    s = unicodedata.normalize("NFKC", s or "").translate(DASHES)
    return "".join(c for c in s if unicodedata.category(c)[0] in "LN").lower()


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def longest_common_substring(a: str, b: str) -> int:
    best, prev = 0, [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def matches(truth: str, found: str) -> bool:
    t, f = norm(truth), norm(found)
    return bool(t) and longest_common_substring(t, f) * 2 >= len(t)


# ---------------------------------------------------------------- reading reports

def load_scan(path: str) -> tuple[list[dict], str, list[str]]:
    """Findings, status and notice codes of the one file in a scan report."""
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError):
        return [], "no report", []
    files = report.get("files") if isinstance(report, dict) else None
    if not isinstance(files, list) or not files:
        return [], "no file in report", []
    findings, statuses, codes = [], [], []
    for entry in files:
        if not isinstance(entry, dict):
            continue
        statuses.append(str(entry.get("status", "?")))
        codes += [str(n.get("code", "?")) for n in entry.get("notices") or [] if isinstance(n, dict)]
        findings += [x for x in entry.get("findings") or [] if isinstance(x, dict)]
    return findings, ",".join(statuses) or "?", codes


def load_units(path: str) -> dict[int | None, list[str]] | None:
    """OCR text per page (None: no page, a single picture) from `sumi extract` JSONL."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
    except OSError:
        return None
    pages: dict[int | None, list[str]] = defaultdict(list)
    for line in lines:
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if not isinstance(r, dict) or r.get("type", "unit") != "unit" or r.get("source") != "ocr":
            continue
        page = (r.get("location") or {}).get("page")
        pages[page if isinstance(page, int) else None].append(str(r.get("text") or ""))
    return pages


def load_times(path: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    try:
        with open(path, encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f]
    except OSError:
        return out
    for row in rows[1:]:
        if len(row) >= 3:
            try:
                out[row[0]] = {"rc": row[1], "seconds": float(row[2])}
            except ValueError:
                out[row[0]] = {"rc": row[1], "seconds": None}
    return out


TEXT_ONLY = False


def finding_box(f: dict) -> list | None:
    loc = f.get("location")
    return loc.get("bbox") if isinstance(loc, dict) else None


def covers(found: list | None, item: list | None) -> bool:
    """The found box covers at least half of the item's box (same frame: pixels of the
    image, or PDF points from the top left, as truth.json and sumi both give them)."""
    if not (isinstance(found, list) and isinstance(item, list) and len(found) == 4 and len(item) == 4):
        return False
    w = min(found[2], item[2]) - max(found[0], item[0])
    h = min(found[3], item[3]) - max(found[1], item[1])
    area = (item[2] - item[0]) * (item[3] - item[1])
    return w > 0 and h > 0 and area > 0 and w * h >= 0.5 * area


def finding_page(f: dict) -> int | None:
    p = (f.get("location") or {}).get("page") if isinstance(f.get("location"), dict) else None
    return p if isinstance(p, int) else None


# ---------------------------------------------------------------- scoring

class Group:
    def __init__(self):
        self.pages = 0
        self.dist = 0
        self.chars = 0
        self.text_pages = 0  # pages with OCR text available for accuracy
        self.found: dict[str, int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)
        self.seconds = 0.0
        self.timed = 0

    def accuracy(self) -> str:
        if not self.text_pages or not self.chars:
            return "—"
        return f"{max(0.0, 1 - self.dist / self.chars):.3f}"

    def recall(self, cats) -> str:
        t = sum(self.total[c] for c in cats)
        if not t:
            return "—"
        f = sum(self.found[c] for c in cats)
        return f"{f}/{t} ({f / t:.0%})"

    def per_page(self) -> str:
        return f"{self.seconds / self.timed:.1f}" if self.timed else "—"


def is_ocr_page(page: dict) -> bool:
    return page.get("level") != "text" and bool(page.get("image_text", page.get("text")))


def score(truth: dict, reports: str) -> tuple[dict, list[dict]]:
    times = load_times(os.path.join(reports, "times.tsv"))
    groups: dict[tuple, Group] = defaultdict(Group)
    rows = []
    for tf in truth.get("files", []):
        name = tf["file"]
        findings, status, codes = load_scan(os.path.join(reports, name + ".scan.json"))
        units = load_units(os.path.join(reports, name + ".extract.jsonl"))
        ocr_pages = [p for p in tf.get("pages", []) if is_ocr_page(p)]
        t = times.get(name, {})
        secs = t.get("seconds")
        share = secs / len(ocr_pages) if secs is not None and ocr_pages else None
        row = {"file": name, "status": status, "rc": t.get("rc", "—"), "seconds": secs, "pages": len(ocr_pages),
               "findings": len(findings), "found": 0, "items": 0, "dist": 0, "chars": 0, "has_text": False,
               "notices": sorted(set(codes))}
        for page in ocr_pages:
            key = (page.get("level", tf.get("level")), page.get("dpi", tf.get("dpi")))
            g = groups[key]
            g.pages += 1
            if share is not None:
                g.seconds += share
                g.timed += 1
            n = page.get("page", 1)
            if units is not None:
                # A picture's unit has no page; a one-page file takes it as page 1.
                text = "".join(units.get(n, []) + (units.get(None, []) if n == 1 else []))
                truth_text = norm(page.get("image_text", page.get("text")))
                d = levenshtein(truth_text, norm(text))
                g.dist += d
                g.chars += len(truth_text)
                g.text_pages += 1
                row["dist"] += d
                row["chars"] += len(truth_text)
                row["has_text"] = True
            for item in page.get("items", []):
                cat = item.get("category")
                g.total[cat] += 1
                row["items"] += 1
                box = item.get("bbox_pt") if "bbox_pt" in item else item.get("bbox_px")
                hit = any(f.get("category") == cat and finding_page(f) in (None, n)
                          and (matches(item.get("text"), f.get("text"))
                               or (not TEXT_ONLY and covers(finding_box(f), box)))
                          for f in findings)
                if hit:
                    g.found[cat] += 1
                    row["found"] += 1
        rows.append(row)
    return groups, rows


def level_order(key):
    level, dpi = key
    return (["clean", "mild", "heavy"].index(level) if level in ("clean", "mild", "heavy") else 9, -(dpi or 0), str(level))


def markdown(groups: dict, rows: list[dict], reports: str) -> str:
    out = [f"## OCR corpus ({len(rows)} files, reports in {reports})", ""]
    head = ["level", "dpi", "pages", "char acc"] + CATEGORIES + ["all", "s/page"]
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    every = Group()
    for key in sorted(groups, key=level_order):
        g = groups[key]
        out.append("| " + " | ".join([str(key[0]), str(key[1]), str(g.pages), g.accuracy()] +
                                     [g.recall([c]) for c in CATEGORIES] + [g.recall(CATEGORIES), g.per_page()]) + " |")
        every.pages += g.pages
        every.dist += g.dist
        every.chars += g.chars
        every.text_pages += g.text_pages
        every.seconds += g.seconds
        every.timed += g.timed
        for c in CATEGORIES:
            every.found[c] += g.found[c]
            every.total[c] += g.total[c]
    out.append("| " + " | ".join(["**all**", "", str(every.pages), every.accuracy()] +
                                 [every.recall([c]) for c in CATEGORIES] + [every.recall(CATEGORIES), every.per_page()]) + " |")
    mild = groups.get(("mild", 300))
    out += ["", "### Recall at 300 dpi, mild", ""]
    if mild:
        out += ["| category | recall |", "|---|---|"]
        out += [f"| {c} | {mild.recall([c])} |" for c in CATEGORIES] + [f"| all | {mild.recall(CATEGORIES)} |"]
    else:
        out.append("(no mild 300 dpi pages)")
    out += ["", "### Per file", "", "| file | status | rc | OCR pages | char acc | items found | findings | seconds | notices |",
            "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        acc = f"{max(0.0, 1 - r['dist'] / r['chars']):.3f}" if r["has_text"] and r["chars"] else "—"
        secs = f"{r['seconds']:.1f}" if r["seconds"] is not None else "—"
        out.append(f"| {r['file']} | {r['status']} | {r['rc']} | {r['pages']} | {acc} | {r['found']}/{r['items']} | "
                   f"{r['findings']} | {secs} | {', '.join(r['notices']) or '—'} |")
    if not any(r["has_text"] for r in rows):
        out += ["", "(no `sumi extract` output: character accuracy not measured)"]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--truth", default=os.path.join(here, "Corpus", "ocr", "truth.json"))
    ap.add_argument("--reports", required=True, help="directory written by Tools/eval/ocr.sh")
    ap.add_argument("--text-only", action="store_true", help="an item is found by its text only, not by its place")
    args = ap.parse_args()
    global TEXT_ONLY
    TEXT_ONLY = args.text_only
    try:
        with open(args.truth, encoding="utf-8") as f:
            truth = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"ocr_score: cannot read {args.truth}: {e}")
    groups, rows = score(truth, args.reports)
    print(markdown(groups, rows, args.reports))


if __name__ == "__main__":
    main()
