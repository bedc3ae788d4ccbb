"""`--format html` (issue 11): one self-contained page with the articles side by side.

The page is made by the installed command line as a subprocess. It is then read as text, for what
it must and must not hold, and loaded in headless Chromium (Debian's chromium and chromium-driver,
driven by Selenium), where a real click on a finding must bring each article's claim into view and
mark it. Where Chromium is missing, the browser test installs it when it may (as root with apt-get,
in CI or with FACTCHECK_INSTALL_BROWSER=1). Otherwise it is skipped, and the skip names the packages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FILLER = "".join(
    f"Residents of the Tarnby district met on the {n}th evening of the consultation to talk about parking.\n\n"
    for n in range(4, 44)
)
A = (
    "Budget\nPublished: 2025-03-03\n\n"
    + FILLER
    + "The Orlin council approved a $4.2 million budget for road repairs on Monday.\n"
)
B = "Budget\nPublished: 2025-03-04\n\n" + FILLER + "The Orlin council on Monday approved a road repair budget of $4.8 million.\n"
HOSTILE = (
    'Budget <script>alert(1)</script>\nPublished: 2025-03-04\n\n"<img src=x onerror=alert(2)>" was written on a wall, '
    "the Orlin council said on Monday when it approved a road repair budget of $4.2 million.\n"
)


def make(tmp_path: Path, *args: str, **files: str) -> tuple[subprocess.CompletedProcess, Path]:
    story = tmp_path / "orlin-budget"
    story.mkdir(exist_ok=True)
    for name, text in files.items():
        (story / f"{name}.txt").write_text(text, encoding="utf-8")
    page = tmp_path / "report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", str(story), "--format", "html", "-o", str(page), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    return proc, page


def test_the_page_is_self_contained_escaped_and_deterministic(tmp_path: Path):
    proc, page = make(tmp_path, a=A, b=B, c=HOSTILE)
    assert proc.returncode == 1, proc.stderr  # the discrepancy fails the run, whatever the format
    doc = page.read_text(encoding="utf-8")
    assert doc.startswith("<!DOCTYPE html>") and doc.rstrip().endswith("</html>")
    assert "Content-Security-Policy" in doc and "default-src 'none'" in doc
    assert not re.search(r"<(link|img|iframe|object|embed)\b", doc, re.I)  # nothing to load
    assert not re.search(r"<script\b[^>]*\bsrc=", doc, re.I) and not re.search(r"https?://", doc)
    assert doc.count("<script>") == 1  # the page's own, inline
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc and "&lt;img src=x onerror=alert(2)&gt;" in doc
    # the discrepancy is listed first, its two claims marked in the articles' text
    first = re.search(r'<li class="(\w+)"><button type="button" class="finding" data-claims="([^"]+)"', doc)
    assert first and first.group(1) == "discrepancy"
    marked = {
        m.group(2)
        for m in re.finditer(r'<mark class="k-(\w+)" data-c="([^"]+)"[^>]*>([^<]*)</mark>', doc)
        if m.group(3) in ("$4.2 million", "$4.8 million")
    }
    assert set(first.group(2).split()) <= {x for ids in marked for x in ids.split()}
    again, _ = make(tmp_path, a=A, b=B, c=HOSTILE)
    assert page.read_text(encoding="utf-8") == doc


def test_a_shelf_is_one_page_with_a_section_per_story(tmp_path: Path):
    shelf = tmp_path / "shelf"
    for name, texts in (("budget", (A, B)), ("alone", (A,))):
        (shelf / name).mkdir(parents=True)
        for i, text in enumerate(texts):
            (shelf / name / f"{i}.txt").write_text(text, encoding="utf-8")
    page = tmp_path / "shelf.html"
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", str(shelf), "-o", f"html:{page}", "--no-export"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "discrepanc" in proc.stdout  # the terminal still gets the text report
    doc = page.read_text(encoding="utf-8")
    assert doc.count('<section class="story"') == 2 and '<a href="#s0">' in doc and '<a href="#s1">' in doc
    assert "nothing to compare yet" in doc


# ---------------------------------------------------------------- in a real browser


def _browser() -> tuple[str, str]:
    """Chromium and its driver: found, installed where this run may install them, or a skip."""
    found = shutil.which("chromium"), shutil.which("chromedriver")
    may_install = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")
    if not all(found) and may_install and (os.environ.get("CI") or os.environ.get("FACTCHECK_INSTALL_BROWSER")):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=env, timeout=600)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"], capture_output=True, env=env, timeout=900
        )
        found = shutil.which("chromium"), shutil.which("chromedriver")
    if not all(found):
        pytest.skip("headless Chromium is not installed: apt-get install chromium chromium-driver (Debian)")
    return found  # type: ignore[return-value]


@pytest.fixture(scope="module")
def driver():
    pytest.importorskip("selenium", reason="selenium is in the test extra: pip install -e '.[test]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, chromedriver = _browser()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    yield browser
    browser.quit()


IN_VIEW = """
const el = arguments[0], col = el.closest('.text');
const r = el.getBoundingClientRect(), c = col.getBoundingClientRect();
return r.top >= c.top && r.bottom <= c.bottom && r.top >= 0 && r.bottom <= window.innerHeight;
"""


def test_a_click_on_a_finding_brings_each_claim_into_view(driver, tmp_path: Path):
    from selenium.webdriver.common.by import By

    proc, page = make(tmp_path, a=A, b=B)
    assert proc.returncode == 1, proc.stderr
    driver.get(page.as_uri())
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0  # nothing fetched
    finding = driver.find_element(By.CSS_SELECTOR, "li.discrepancy button.finding")
    ids = finding.get_attribute("data-claims").split()
    assert len(ids) == 2
    marks = [driver.find_element(By.CSS_SELECTOR, f'mark[data-c~="{i}"]') for i in ids]
    assert {m.text for m in marks} == {"$4.2 million", "$4.8 million"}
    assert not any(driver.execute_script(IN_VIEW, m) for m in marks)  # below forty paragraphs at first
    finding.click()
    assert all(driver.execute_script(IN_VIEW, m) for m in marks)
    assert all("hit" in m.get_attribute("class").split() for m in marks)
    assert "on" in finding.get_attribute("class").split()
    driver.save_screenshot(str(tmp_path / "after-click.png"))
    if os.environ.get("FACTCHECK_SCREENSHOT"):
        shutil.copy(tmp_path / "after-click.png", os.environ["FACTCHECK_SCREENSHOT"])
    # the other way: a click on a claim marks the findings it takes part in
    other = driver.find_element(By.CSS_SELECTOR, "li.agreement button.finding, li.unsupported button.finding")
    assert "on" not in (other.get_attribute("class") or "").split()
    marks[0].click()
    assert "on" in finding.get_attribute("class").split()
