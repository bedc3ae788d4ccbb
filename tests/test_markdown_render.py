"""The Markdown report renders an article's words as written (issue 9): rendered with a CommonMark
library into HTML, markup characters in the articles stay characters, never emphasis, code, links or HTML."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]

A = """Harbour works approved

May 4, 2025

Mayor Jo Hale said the *new* quay would cost $2 million and called it "the <b>best</b> plan [x](http://y) we had, `no` doubt."
"""
B = """Quay works

May 4, 2025

Mayor Jo Hale said the new quay would cost $3 million and called it "the <b>best</b> plan [x](http://y) we have, `no` doubt."
"""


def test_markdown_shows_markup_characters_literally(tmp_path: Path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a_1.txt").write_text(A, encoding="utf-8")
    (story / "b_2.txt").write_text(B, encoding="utf-8")
    out = tmp_path / "report.md"
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", str(story), "--format", "markdown", "-o", str(out), "--no-export"],
        capture_output=True,
        text=True,
        cwd=ROOT / "tests",
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    body = MarkdownIt("commonmark").render(out.read_text(encoding="utf-8"))
    assert "<b>best</b>" not in body and "&lt;b&gt;best&lt;/b&gt;" in body  # HTML shown, not interpreted
    assert 'href="http://y"' not in body and "[x](http://y)" in html.unescape(body)  # no link
    assert "<em>new</em>" not in body and "<code>no</code>" not in body  # no emphasis, no code span
    assert "`no`" in html.unescape(body) and "a_1" in body  # backticks and underscores as written
