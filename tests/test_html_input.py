"""Saved web pages (.html, .htm) as articles (issue 11, item 8): the page's article text is extracted with
trafilatura into the form a text article has (headline, "Published:", "By", body paragraphs), and every
offset is into that extracted text, which `factcheck claims PAGE --text` prints. Run through the command
line, as an editor runs it. The pages under tests/data/html are invented, with the furniture real pages
carry (navigation, a cookie banner, share buttons, related links, comments, scripts)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data" / "html"
STORY = DATA / "story"
PAGE = STORY / "harbour-gazette.html"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args],
        capture_output=True,
        cwd=cwd,
        timeout=120,
        env=env or dict(os.environ),
    )


def claims_json(path: Path) -> dict:
    proc = run("claims", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def page_text(path: Path) -> str:
    proc = run("claims", str(path), "--text")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode("utf-8")


def test_a_page_and_a_text_article_disagreeing_on_a_figure(tmp_path: Path):
    proc = run(str(STORY), "--format", "json", "--no-export", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    discs = [f for f in report["findings"] if f["kind"] == "discrepancy"]
    assert len(discs) == 1, discs
    words = {c["article"]: c["text"] for c in discs[0]["claims"]}
    assert words == {"harbour-gazette": "14 workers", "coastal-wire": "11 workers"}
    # the page's claim indexes the page's extracted text, as --text prints it
    text = page_text(PAGE)
    claim = next(c for c in discs[0]["claims"] if c["article"] == "harbour-gazette")
    assert text[claim["start"] : claim["end"]] == "14 workers"


def test_every_claim_of_a_page_indexes_its_text():
    text = page_text(PAGE)
    doc = claims_json(PAGE)
    claims = doc["articles"][0]["claims"]
    assert claims
    for c in claims:
        assert text[c["start"] : c["end"]] == c["text"], c
    assert text.startswith("Quarry collapse at Tellmore leaves workers trapped\nPublished: 2025-03-14\nBy Orla Penhallow\n\n")


def test_the_pages_published_date_title_and_author():
    art = claims_json(PAGE)["articles"][0]  # <meta property="article:published_time">
    assert art["published"] == "2025-03-14"
    assert art["title"] == "Quarry collapse at Tellmore leaves workers trapped"
    # JSON-LD only: datePublished (not dateModified), two authors
    jsonld = DATA / "jsonld-dated.htm"
    art = claims_json(jsonld)["articles"][0]
    assert art["published"] == "2024-11-05"
    assert "Published: 2024-11-05\nBy Mireille Ostrander and Tobin Ashgrove\n\n" in page_text(jsonld)
    # relative dates resolve against the page's date
    when = next(c for c in art["claims"] if c["text"] == "from next month")
    assert when["timex"]["value"] == "2024-12"


def test_page_furniture_yields_no_claims():
    for page, furniture in (
        (PAGE, ("31", "38 million", "Nine hurt", "99p", "880000", "57", "cookies", "Share", "6 years", "Related")),
        (DATA / "jsonld-dated.htm", ("9 degrees", "420000", "300", "newsletter", "4 sailings")),
    ):
        text = page_text(page)
        claims = claims_json(page)["articles"][0]["claims"]
        for word in furniture:
            assert word not in text, (page.name, word)
            assert not any(word in c["text"] for c in claims), (page.name, word)


def test_a_page_with_no_article_body_is_refused_in_one_line(tmp_path: Path):
    garbage = tmp_path / "garbage.html"
    garbage.write_bytes(bytes(range(1, 256)) * 20)
    blank = tmp_path / "blank.htm"
    blank.write_text("   \n", encoding="utf-8")
    for page in (DATA / "menu.html", DATA / "empty-body.html", garbage, blank):
        proc = run("claims", str(page))
        err = proc.stderr.decode()
        assert proc.returncode == 2, (page, err)
        assert err.count("\n") == 1 and str(page) in err and "Traceback" not in err, err
        assert proc.stdout == b""
    # in a story too: the whole run stops with that line
    shutil.copy(DATA / "menu.html", tmp_path / "index.html")
    shutil.copy(STORY / "coastal-wire.txt", tmp_path / "a.txt")
    shutil.copy(PAGE, tmp_path / "b.html")
    for name in ("garbage.html", "blank.htm"):
        (tmp_path / name).unlink()
    proc = run(str(tmp_path), "--no-export")
    assert proc.returncode == 2 and "index.html" in proc.stderr.decode() and proc.stderr.decode().count("\n") == 1


def test_a_latin1_page_is_decoded_as_it_declares(tmp_path: Path):
    art = claims_json(DATA / "latin1.html")["articles"][0]  # http-equiv content="...; charset=iso-8859-1"
    assert art["title"] == "Café owners in Dunmarrow fined"
    assert any(c["text"] == "£4,500" for c in art["claims"])
    page = tmp_path / "short.html"
    body = (
        "<p>The Señora café on Quillan Street was fined £1,200 on Monday, the council said after a hearing at the town hall.</p>"
    )
    page.write_bytes(
        f"<html><head><meta charset=latin-1><title>Fine</title></head><body><article>{body}</article></body></html>".encode(
            "latin-1"
        )
    )
    text = page_text(page)
    assert "Señora café" in text and "£1,200" in text


def test_text_of_a_text_article_is_the_file_unchanged(tmp_path: Path):
    raw = "\ufeffHeadline\r\nPublished: 2025-01-02\r\n\r\nThe Orlin council met on Monday.\r\n\r\n  Two   spaces stay.\n".encode()
    f = tmp_path / "a.txt"
    f.write_bytes(raw)
    proc = run("claims", str(f), "--text")
    assert proc.returncode == 0 and proc.stdout == raw
    out = tmp_path / "out.txt"
    assert run("claims", str(f), "--text", "-o", str(out)).returncode == 0
    assert out.read_bytes() == raw
    proc = run("claims", str(f), str(STORY / "coastal-wire.txt"), "--text")
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1


def test_pages_are_articles_wherever_text_files_are(tmp_path: Path):
    story = tmp_path / "stories" / "quarry"
    story.mkdir(parents=True)
    shutil.copy(STORY / "coastal-wire.txt", story / "coastal-wire.txt")
    shutil.copy(PAGE, story / "harbour-gazette.HTM")
    # a shelf, files named one by one, --new
    for args in (
        [str(tmp_path / "stories")],
        [str(story / "coastal-wire.txt"), str(story / "harbour-gazette.HTM")],
        ["--new", str(story / "harbour-gazette.HTM")],
    ):
        proc = run(*args, "--format", "json", "--no-export", cwd=tmp_path)
        assert proc.returncode == 1, (args, proc.stderr)
        assert b"14 workers" in proc.stdout


def test_trafilatura_is_not_imported_for_text_articles(tmp_path: Path):
    shutil.copy(STORY / "coastal-wire.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text("Quarry\n\nRescue teams said 12 workers were pulled from the rubble.\n", encoding="utf-8")
    for args in (["--version"], [str(tmp_path), "--no-export"]):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "checker.cli", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
        assert proc.returncode in (0, 1), proc.stderr[-500:]
        assert "trafilatura" not in proc.stderr and "lxml" not in proc.stderr, args


def test_without_trafilatura_a_page_names_the_extra(tmp_path: Path):
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "trafilatura.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    proc = run("claims", str(PAGE), env=env)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "factcheck[html]" in err, err
