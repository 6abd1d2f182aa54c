"""Checks Sumi's HTML report in headless Chromium (see html_report.sh)."""
import json, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

html, report_json, artifacts = sys.argv[1:4]
report = json.load(open(report_json, encoding="utf-8"))
three = report["files"][0]
pages_with_findings = sorted({f["location"]["page"] for f in three["findings"] if f["location"].get("bbox") and not f["location"].get("part")})
opts = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1300,2000"]:
    opts.add_argument(a)
opts.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL", what)
try:
    driver.get("file://" + html)
    sections = driver.find_elements(By.CSS_SELECTOR, "section.file")
    check(len(sections) >= 2, "a section per file")
    first = sections[0]
    sheets = first.find_elements(By.CSS_SELECTOR, ".sheet")
    check(len(pages_with_findings) == 3, f"the 3-page PDF has findings on 3 pages: {pages_with_findings}")
    check(len(sheets) == len(pages_with_findings), f"{len(sheets)} pages drawn for {len(pages_with_findings)} pages with findings")
    worst = 0.0
    boxes_checked = 0
    for sheet in sheets:
        img = sheet.find_element(By.TAG_NAME, "img")
        width_pt = float(sheet.get_attribute("data-width"))
        ir = img.rect
        scale = ir["width"] / width_pt
        for box in sheet.find_elements(By.CSS_SELECTOR, ".box"):
            x0, y0, x1, y1 = map(float, box.get_attribute("data-bbox").split(","))
            br = box.rect
            # The drawn box, border included, covers exactly the bbox scaled to the image.
            dx = abs((br["x"] - ir["x"]) - x0 * scale)
            dy = abs((br["y"] - ir["y"]) - y0 * scale)
            dw = abs(br["width"] - (x1 - x0) * scale)
            worst = max(worst, dx, dy, dw)
            boxes_checked += 1
    n_boxes = len([f for f in three["findings"] if f["location"].get("bbox") and not f["location"].get("part")])
    check(boxes_checked == n_boxes, f"{boxes_checked} boxes for {n_boxes} findings with a bbox")
    check(worst <= 2.0, f"boxes within 2 px of their bbox (worst {worst:.2f} px)")
    driver.save_screenshot(f"{artifacts}/html-report.png")
    # The category filter hides the boxes of an unticked category.
    cat = three["findings"][0]["category"]
    driver.find_element(By.CSS_SELECTOR, f'input[data-filter="category"][value="{cat}"]').click()
    hidden = [b for b in first.find_elements(By.CSS_SELECTOR, f'.box[data-category="{cat}"]') if b.is_displayed()]
    check(not hidden, "unticking a category hides its boxes")
    driver.save_screenshot(f"{artifacts}/html-report-filtered.png")
    check(driver.execute_script("return document.documentElement.lang") == "ja", "lang=ja")
finally:
    driver.quit()
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
