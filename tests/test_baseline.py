"""Baselines (issue 11): accepted findings stay hidden when text is added above them or the article is
reflowed; an entry no longer found is named as stale. Run through the installed command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

A = "Budget\nPublished: 2025-03-03\n\nThe Orlin council approved a $4.2 million budget for road repairs on Monday, officials said.\n"
B = "Budget\nPublished: 2025-03-04\n\nThe Orlin council on Monday approved a road repair budget of $4.8 million, officials said.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args, "--no-export"],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env=dict(os.environ),
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    d = tmp_path / "orlin-budget"
    d.mkdir()
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    return d


def test_an_accepted_finding_stays_hidden_when_text_is_added_above_it_and_the_article_reflowed(story: Path):
    cwd = story.parent
    assert run("orlin-budget", cwd=cwd).returncode == 1
    wrote = run("orlin-budget", "--write-baseline", "baseline.json", cwd=cwd)
    assert wrote.returncode == 0, wrote.stderr
    doc = json.loads((cwd / "baseline.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "factcheck.baseline/1" and any(e["kind"] == "discrepancy" for e in doc["findings"])
    assert not any("start" in e or "line" in e for e in doc["findings"])  # what it is, never where
    # a paragraph added above, and the sentence rewrapped over three lines
    reflowed = B.replace(
        "The Orlin council on Monday approved a road repair budget of $4.8 million, officials said.\n",
        "Residents packed the hall for the vote.\n\nThe Orlin council on Monday approved\na road repair budget of\n$4.8 million, officials said.\n",
    )
    (story / "b.txt").write_text(reflowed, encoding="utf-8")
    hidden = run("./orlin-budget/", "--baseline", "baseline.json", "--format", "json", cwd=cwd)  # written another way
    assert hidden.returncode == 0, hidden.stdout
    assert json.loads(hidden.stdout)["counts"]["discrepancy"] == 0
    plain = run("orlin-budget", "--format", "json", cwd=cwd)
    assert json.loads(plain.stdout)["counts"]["discrepancy"] == 1  # without the baseline it is still there


def test_a_changed_figure_is_a_new_finding_and_the_old_entry_is_stale(story: Path):
    cwd = story.parent
    run("orlin-budget", "--write-baseline", "baseline.json", cwd=cwd)
    (story / "b.txt").write_text(B.replace("$4.8 million", "$5.1 million"), encoding="utf-8")
    proc = run("orlin-budget", "--baseline", "baseline.json", cwd=cwd)
    assert proc.returncode == 1
    assert "$5.1 million" in proc.stdout
    assert "stale baseline entry" in proc.stdout and "'$4.8 million'" in proc.stdout
    js = run("orlin-budget", "--baseline", "baseline.json", "--format", "json", cwd=cwd)
    json.loads(js.stdout)  # the machine format stays clean; stale entries go to stderr
    assert "stale baseline entry" in js.stderr


def test_a_bad_baseline_is_one_line_and_exit_2(story: Path):
    cwd = story.parent
    (cwd / "bad.json").write_text("{not json", encoding="utf-8")
    for path in ("bad.json", "missing.json"):
        proc = run("orlin-budget", "--baseline", path, cwd=cwd)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_compare_to_an_old_report_says_what_a_correction_resolved(story: Path):
    cwd = story.parent
    (story / "c.txt").write_text(
        B.replace("Orlin council", "Orlin city council").replace("$4.8 million", "$4.2 million"), encoding="utf-8"
    )
    old = run("orlin-budget", "--format", "json", "-o", "old.json", cwd=cwd)
    assert old.returncode == 1
    # b is corrected to the figure a and c give; a new article brings a new discrepancy of its own
    (story / "b.txt").write_text(B.replace("$4.8 million", "$4.2 million"), encoding="utf-8")
    (story / "d.txt").write_text(B.replace("$4.8 million", "$4.2 million").replace("Monday", "Tuesday"), encoding="utf-8")
    proc = run("orlin-budget", "--compare-to", "old.json", "--format", "json", cwd=cwd)
    got = json.loads(proc.stdout)["comparison"]
    assert [e["rule"] for e in got["resolved"]] == ["FC101"]
    assert got["remain"] == []
    text = run("orlin-budget", "--compare-to", "old.json", cwd=cwd).stdout
    assert "Compared with old.json: 1 resolved" in text
    bad = run("orlin-budget", "--compare-to", "missing.json", cwd=cwd)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
