#!/usr/bin/env python3
"""Real-browser test of the staff page (GET /) against a running server.

Drives Debian's headless Chromium with Selenium: the page loads under the server's CSP
without console errors or CSP violations; a PDF is scanned and its findings are listed and
drawn as boxes where their bboxes say; one finding is kept, the redacted copy is downloaded
and checked with pdftotext; the print stylesheet makes a check record; a .docx shows the
grouped view; the file chooser and the download button are reachable with Tab and named.

Run it through Tools/browser/run.sh BASE_URL [ARTIFACT_DIR]. Prints "N passed, M failed".
"""
import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
PDF_SAMPLE = "Corpus/samples/sample-application.pdf"
DOCX_SAMPLE = "Corpus/samples/sample-minutes.docx"
TOLERANCE_PX = 3.0

# Installed before any page script: records CSP violations however they are reported.
CSP_HOOK = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("PASS  " + name)
        else:
            self.failed += 1
            print("FAIL  " + name + (": " + str(detail) if detail else ""))
        sys.stdout.flush()
        return ok

    def crash(self, step, exc):
        self.failed += 1
        print("FAIL  %s: %s" % (step, exc))
        traceback.print_exc(file=sys.stdout)


def squash(text):
    return re.sub(r"\s+", "", text or "")


def pdftotext(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout


def post_scan(base, path, token):
    """The same scan the page asks for, to know where the boxes must be."""
    name = os.path.basename(path)
    req = urllib.request.Request(base + "/v1/scan?filename=" + urllib.parse.quote(name) + "&render=1",
                                 data=open(path, "rb").read(), method="POST",
                                 headers={"Content-Type": "application/octet-stream"})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=180) as resp:
        return json.load(resp)


def make_driver(download_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=ja-JP", "--no-first-run",
                "--disable-features=Translate,MediaRouter", "--disable-background-networking"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": download_dir,
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
        "safebrowsing.enabled": False,
        "intl.accept_languages": "ja-JP,ja",
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_HOOK})
    return driver


def console_problems(driver, seen):
    """Console entries at SEVERE or WARNING level (CSP refusals are SEVERE), new since last call."""
    out = []
    for entry in driver.get_log("browser"):
        seen.append(entry)
        if entry.get("level") in ("SEVERE", "WARNING"):
            out.append(entry.get("message", ""))
    return out


def wait_result(driver, name, timeout=180):
    """Waits until the result for `name` is shown, or the scan error box appears."""
    def done(d):
        err = d.find_element(By.ID, "scan-error")
        if err.is_displayed():
            return "error"
        res = d.find_element(By.ID, "result")
        if res.is_displayed() and d.find_element(By.ID, "meta-name").text == name:
            return "ok"
        return False
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.25).until(done)
    except TimeoutException:
        return "timeout"


def tab_until(driver, predicate, limit):
    """Presses Tab until predicate(active element) holds; returns (element, presses) or (None, limit)."""
    for i in range(1, limit + 1):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if predicate(active):
            return active, i
    return None, limit


def screenshot(driver, path, full=True):
    size = driver.get_window_size()
    if full:
        height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
        driver.set_window_size(size["width"], min(max(int(height) + 40, 800), 6000))
        driver.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.3)
    driver.save_screenshot(path)
    if full:
        driver.set_window_size(size["width"], size["height"])
        time.sleep(0.2)
    print("      screenshot " + path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--artifacts", required=True)
    ap.add_argument("--root", required=True)
    args = ap.parse_args()
    base = args.base_url.rstrip("/")
    token = os.environ.get("SUMI_TOKEN", "")
    pdf_path = os.path.join(args.root, PDF_SAMPLE)
    docx_path = os.path.join(args.root, DOCX_SAMPLE)
    os.makedirs(args.artifacts, exist_ok=True)
    c = Checks()
    download_dir = tempfile.mkdtemp(prefix="sumi-browser-dl-")
    log = []
    driver = None

    try:
        # The server's CSP is what the page must live with: check it is sent.
        with urllib.request.urlopen(base + "/", timeout=30) as resp:
            csp = resp.headers.get("Content-Security-Policy", "")
        c.check("GET / sends a CSP with script-src 'self' and style-src 'self'",
                "script-src 'self'" in csp and "style-src 'self'" in csp and "default-src 'none'" in csp, csp or "no CSP header")

        driver = make_driver(download_dir)
        driver.set_page_load_timeout(60)

        # --- the page as it opens ---
        driver.get(base + "/")
        WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
        c.check("title is Japanese and names the tool", "個人情報チェック" in driver.title, driver.title)
        h1 = driver.find_element(By.TAG_NAME, "h1").text
        c.check("heading h1 says 個人情報チェック", "個人情報チェック" in h1, h1)
        c.check('html lang="ja"', driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja")
        time.sleep(0.5)
        problems = console_problems(driver, log)
        c.check("no console errors on load", not problems, problems)
        c.check("no CSP violations on load", not driver.execute_script("return window.__cspViolations"),
                driver.execute_script("return window.__cspViolations"))
        zone = driver.find_element(By.ID, "drop-zone").text
        c.check("drop zone says ここにファイルをドロップ and lists formats",
                "ここにファイルをドロップ" in zone and "PDF" in zone and "docx" in zone, zone)

        # --- keyboard: the file chooser is reachable with Tab and named ---
        file_input, presses = tab_until(driver, lambda a: a.get_attribute("id") == "file-input", 10)
        c.check("file chooser reachable with Tab", file_input is not None, "not reached in %d presses" % presses)
        if file_input is not None:
            name = file_input.accessible_name
            c.check("file chooser has an accessible name (ファイルを選ぶ)", "ファイルを選ぶ" in (name or ""), name)
            outline = driver.execute_script(
                "var l=document.querySelector('label[for=file-input]');var s=getComputedStyle(l);return s.outlineStyle+' '+s.outlineWidth")
            c.check("file chooser shows a visible focus outline", not outline.startswith("none") and not outline.endswith(" 0px"), outline)

        if token:  # a server with --token-file: the page asks for the token on its first 401
            driver.execute_script("document.getElementById('token-area').hidden=false")
            driver.find_element(By.ID, "token-input").send_keys(token)

        # --- scan a PDF ---
        report = post_scan(base, pdf_path, token)
        expected = report["files"][0]["findings"]
        pages = {p["page"]: p for p in report.get("pages", [])}
        driver.find_element(By.ID, "file-input").send_keys(pdf_path)
        try:
            WebDriverWait(driver, 5, poll_frequency=0.05).until(
                lambda d: "読み取っています" in d.find_element(By.ID, "progress").text or d.find_element(By.ID, "result").is_displayed())
            c.check("progress 読み取っています… shown while reading", True)
        except TimeoutException:
            c.check("progress 読み取っています… shown while reading", False, driver.find_element(By.ID, "progress").text)
        state = wait_result(driver, "sample-application.pdf")
        c.check("PDF result shown", state == "ok",
                state + " " + driver.find_element(By.ID, "scan-error").text if state != "ok" else "")
        if state != "ok":
            raise RuntimeError("no result for the PDF")

        status = driver.find_element(By.ID, "status-text").text
        c.check("status in plain words", "個人情報が見つかりました" in status, status)
        summary = driver.find_element(By.ID, "legal-summary").text
        c.check("legal.summary shown", summary and summary == report["files"][0]["legal"]["summary"], summary)
        counts = driver.find_element(By.ID, "class-counts").text
        c.check("counts by legal class shown", all(w in counts for w in ("個人情報", "要配慮個人情報", "特定個人情報")), counts)

        items = driver.find_elements(By.CSS_SELECTOR, "#finding-list > li.finding")
        labels = [i.find_element(By.CSS_SELECTOR, ".f-label").text for i in items]
        c.check("findings list has >= 4 entries", len(items) >= 4, len(items))
        c.check("findings list matches the scan (%d)" % len(expected), len(items) == len(expected), len(items))
        c.check("every finding has a Japanese label", labels and all(JAPANESE.search(l) for l in labels), labels)
        first = items[0].text if items else ""
        c.check("a finding shows legal class, severity, reason, where and the choice",
                all(w in first for w in ("個人情報", "高", "場所：", "1ページ", "墨消しする", "残す")) and expected[0]["reason"] in first, first)
        marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#finding-list mark")]
        c.check("the found text is highlighted in its context", squash(marks[0]) == squash(expected[0]["text"]) if marks else False, marks[:2])

        imgs = driver.find_elements(By.CSS_SELECTOR, "#pages .page-frame img")
        shown = imgs and driver.execute_script(
            "var i=arguments[0];return i.complete && i.naturalWidth>0 && i.getBoundingClientRect().width>100", imgs[0])
        c.check("the page image is shown", bool(shown), len(imgs))

        # --- boxes where the bboxes say ---
        bad, measured = [], 0
        for f in expected:
            bbox = (f.get("location") or {}).get("bbox")
            page = (f.get("location") or {}).get("page")
            if not bbox or page not in pages:
                continue
            measured += 1
            geo = driver.execute_script("""
                var box = document.querySelector('.box[data-fid="' + arguments[0] + '"]');
                if (!box) return null;
                var img = box.parentElement.querySelector('img');
                var b = box.getBoundingClientRect(), i = img.getBoundingClientRect();
                return {left: b.left - i.left, top: b.top - i.top, right: b.right - i.left, bottom: b.bottom - i.top,
                        width: i.width, height: i.height};""", f["id"])
            if geo is None:
                bad.append("%s: no box" % f["id"])
                continue
            sx = geo["width"] / pages[page]["width"]
            sy = geo["height"] / pages[page]["height"]
            want = {"left": bbox[0] * sx, "top": bbox[1] * sy, "right": bbox[2] * sx, "bottom": bbox[3] * sy}
            off = {k: round(geo[k] - want[k], 2) for k in want if abs(geo[k] - want[k]) > TOLERANCE_PX}
            if off:
                bad.append("%s %s off by %s" % (f["id"], f["label"], off))
        c.check("boxes drawn at bbox × displayed/page size within %g px (%d boxes)" % (TOLERANCE_PX, measured),
                measured >= 4 and not bad, bad or measured)
        nums_ok = all(driver.execute_script(
            "var b=document.querySelector('.box[data-fid=\"'+arguments[0]+'\"]');return b && b.textContent.trim().startsWith(arguments[1])",
            f["id"], str(i + 1)) for i, f in enumerate(expected) if (f.get("location") or {}).get("bbox"))
        c.check("each box carries the number of its finding", nums_ok)

        # --- click a finding → its box; click a box → its finding ---
        if len(items) >= 3:
            items[1].find_element(By.CSS_SELECTOR, ".locate").click()
            sel = driver.execute_script("return Array.from(document.querySelectorAll('.box.is-selected')).map(function(b){return b.dataset.fid})")
            c.check("clicking a finding highlights its box", sel == [expected[1]["id"]], sel)
            box = driver.find_element(By.CSS_SELECTOR, '.box[data-fid="%s"]' % expected[2]["id"])
            box.click()
            sel = driver.execute_script("return Array.from(document.querySelectorAll('#finding-list .is-selected')).map(function(b){return b.dataset.fid})")
            c.check("clicking a box highlights its finding", sel == [expected[2]["id"]], sel)

        screenshot(driver, os.path.join(args.artifacts, "page-results.png"))

        # --- keep one finding, download the redacted copy ---
        keep_index = next((i for i, f in enumerate(expected) if f["category"] == "person_name"), 0)
        kept = expected[keep_index]
        item = driver.find_element(By.CSS_SELECTOR, '#finding-list li[data-fid="%s"]' % kept["id"])
        keep_radio = item.find_element(By.CSS_SELECTOR, 'input[value="keep"]')
        item.find_element(By.XPATH, ".//label[contains(., '残す')]").click()
        c.check("toggling 残す checks it", keep_radio.is_selected())
        c.check("the kept finding's box is shown as kept",
                "is-keep" in driver.find_element(By.CSS_SELECTOR, '.box[data-fid="%s"]' % kept["id"]).get_attribute("class"))
        c.check("decision summary counts the kept one", "残す：1 件" in driver.find_element(By.ID, "decision-summary").text,
                driver.find_element(By.ID, "decision-summary").text)

        # --- keyboard: the download button is reachable with Tab and named ---
        driver.execute_script("document.getElementById('result-heading').focus()")
        button, presses = tab_until(driver, lambda a: a.get_attribute("id") == "download-button", 300)
        c.check("download button reachable with Tab", button is not None, "not reached in %d presses" % presses)
        if button is not None:
            c.check("download button has an accessible name", button.accessible_name == "墨消し版をダウンロード", button.accessible_name)
            outline = driver.execute_script("var s=getComputedStyle(document.activeElement);return s.outlineStyle+' '+s.outlineWidth")
            c.check("download button shows a visible focus outline", not outline.startswith("none") and not outline.endswith(" 0px"), outline)

        driver.find_element(By.ID, "download-button").click()
        target = os.path.join(download_dir, "sample-application.redacted.pdf")
        deadline = time.time() + 120
        while time.time() < deadline and not (os.path.exists(target) and not any(n.endswith(".crdownload") for n in os.listdir(download_dir))):
            time.sleep(0.25)
        c.check("redacted PDF downloaded as sample-application.redacted.pdf", os.path.exists(target), os.listdir(download_dir))
        try:
            WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "redact-result").is_displayed())
        except TimeoutException:
            pass
        outcome = driver.find_element(By.ID, "redact-result").text
        c.check("redaction summary shown", "件を墨消ししました" in outcome and "残した項目：1 件" in outcome, outcome)

        if os.path.exists(target):
            original = squash(pdftotext(pdf_path))
            redacted = squash(pdftotext(target))
            c.check("sanity: every finding's text is in the original PDF", all(squash(f["text"]) in original for f in expected))
            c.check("the kept finding's text is still in the redacted PDF (%s)" % kept["text"], squash(kept["text"]) in redacted)
            left = [f["text"] for f in expected if f["id"] != kept["id"] and squash(f["text"]) in redacted]
            c.check("the other findings' texts are gone from the redacted PDF", not left, left)
        screenshot(driver, os.path.join(args.artifacts, "page-downloaded.png"))

        # --- the print stylesheet: a check record ---
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        hidden_upload = driver.execute_script("return getComputedStyle(document.getElementById('upload')).display") == "none"
        record = driver.find_element(By.ID, "result").text
        c.check("print: upload area hidden, record shows file, time, status and decisions",
                hidden_upload and "確認記録" in record and "sample-application.pdf" in record and "調べた日時" in record
                and "判断：残す" in record and "判断：墨消しする" in record, record[:300])
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
        record_pdf = os.path.join(args.artifacts, "check-record.pdf")
        with open(record_pdf, "wb") as fh:
            fh.write(base64.b64decode(pdf["data"]))
        text = squash(pdftotext(record_pdf))
        c.check("printed record (PDF) has the file name and decisions",
                "sample-application.pdf" in text and "判断：残す" in text and "確認記録" in text, text[:200])
        print("      check record " + record_pdf)

        # --- a .docx: the grouped view ---
        dreport = post_scan(base, docx_path, token)
        dfindings = dreport["files"][0]["findings"]
        driver.find_element(By.ID, "file-input").send_keys(docx_path)
        state = wait_result(driver, "sample-minutes.docx")
        c.check("DOCX result shown", state == "ok", state)
        if state == "ok":
            groups = driver.find_elements(By.CSS_SELECTOR, "#groups .group")
            gitems = driver.find_elements(By.CSS_SELECTOR, "#groups .g-item")
            titles = [g.find_element(By.TAG_NAME, "h4").text for g in groups]
            c.check("grouped findings view appears (no page images)",
                    driver.find_element(By.ID, "groups").is_displayed() and not driver.find_elements(By.CSS_SELECTOR, "#pages img"), titles)
            c.check("groups by part, one entry per finding", len(groups) >= 2 and len(gitems) == len(dfindings)
                    and any("本文" in t for t in titles), (titles, len(gitems), len(dfindings)))
            notices = driver.find_element(By.ID, "notices")
            want_notice = any(n["code"] == "combined_identification" for n in dreport["files"][0].get("notices", []))
            c.check("notices explained in plain words with the server's message",
                    not want_notice or (notices.is_displayed() and "組み合わせると" in notices.text and "詳しく：" in notices.text), notices.text[:200])
            if gitems:
                gitems[-1].click()
                sel = driver.execute_script("return Array.from(document.querySelectorAll('#finding-list .is-selected')).map(function(b){return b.dataset.fid})")
                c.check("clicking a grouped entry highlights its finding", sel == [dfindings[-1]["id"]], sel)
            screenshot(driver, os.path.join(args.artifacts, "page-docx.png"))

        # --- the drop zone: a file dropped on it is read (a synthetic drop with a real File) ---
        driver.execute_script("""
            var dt = new DataTransfer();
            dt.items.add(new File(['電話 090-1234-5678 までご連絡ください。\\n'], 'メモ.txt', {type: 'text/plain'}));
            var zone = document.getElementById('drop-zone');
            ['dragenter', 'dragover', 'drop'].forEach(function (t) {
              zone.dispatchEvent(new DragEvent(t, {dataTransfer: dt, bubbles: true, cancelable: true}));
            });""")
        state = wait_result(driver, "メモ.txt")
        c.check("a file dropped on the drop zone is read (Japanese file name kept)", state == "ok"
                and len(driver.find_elements(By.CSS_SELECTOR, "#finding-list > li.finding")) >= 1, state)

        problems = console_problems(driver, log)
        c.check("no console errors during the run", not problems, problems)
        violations = driver.execute_script("return window.__cspViolations")
        c.check("no CSP violations during the run", not violations, violations)
        c.check("nothing stored in localStorage or sessionStorage",
                driver.execute_script("return localStorage.length + sessionStorage.length") == 0)
    except (WebDriverException, urllib.error.URLError, RuntimeError, OSError, subprocess.CalledProcessError, KeyError) as e:
        c.crash("run stopped", e)
        if driver is not None:
            try:
                driver.save_screenshot(os.path.join(args.artifacts, "page-failure.png"))
            except WebDriverException:
                pass
    finally:
        if driver is not None:
            try:
                with open(os.path.join(args.artifacts, "browser-console.json"), "w") as fh:
                    json.dump(log + driver.get_log("browser"), fh, ensure_ascii=False, indent=1)
            except WebDriverException:
                pass
            driver.quit()
        shutil.rmtree(download_dir, ignore_errors=True)

    print("%d passed, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
