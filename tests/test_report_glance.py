"""The text report an editor reads at a glance (issue 9): the summary first, every discrepancy in the
first screen, a report that fits, every finding on request, nothing printed with -s."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORIES = [ROOT / "seeds", *sorted(p for p in (SHARED / "cases").glob("*") if p.is_dir())]
FIRST_SCREEN = 40
MAX_LINES = 150

BUSY_A = """Harbour fire forces evacuation

May 4, 2025

A fire at the Orlen harbour warehouse forced 300 residents to leave their homes on Saturday, officials said.
Fire chief Dana Orr said the blaze began at 3 a.m. and was out by 9 a.m.
"It was the worst fire in this harbour for twenty years," Orr said.
The warehouse, owned by Brask Shipping, held 40 tonnes of grain.
Two firefighters were treated for smoke inhalation.
The council will pay $2 million to rebuild the quay, the mayor said.
"""
BUSY_B = """Warehouse blaze in Orlen

May 4, 2025

About 350 residents were evacuated when fire swept through a warehouse in Orlen harbour on Saturday.
Chief Dana Orr said the fire started at 3 a.m.
"It was the worst fire in this harbour for twenty years," the chief said.
The council will spend $2.5 million rebuilding the quay.
Three firefighters were treated for smoke inhalation, a spokesman said.
"""


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args, "--no-export"],
        capture_output=True,
        text=True,
        cwd=ROOT / "tests",
        timeout=120,
        env={**os.environ, "COLUMNS": "120", **(env or {})},
    )


@pytest.fixture
def busy(tmp_path: Path) -> Path:
    d = tmp_path / "busy"
    d.mkdir()
    (d / "a.txt").write_text(BUSY_A, encoding="utf-8")
    (d / "b.txt").write_text(BUSY_B, encoding="utf-8")
    return d


def _stories(busy: Path) -> list[Path]:
    return [*STORIES, busy]


def test_summary_and_every_discrepancy_in_the_first_screen(busy: Path):
    for story in _stories(busy):
        findings = json.loads(run(str(story), "--format", "json").stdout)["findings"]
        n_disc = sum(f["kind"] == "discrepancy" for f in findings)
        lines = run(str(story)).stdout.splitlines()
        assert "discrepanc" in lines[0] and "article" in lines[0], (story.name, lines[0])
        glance = [i for i, line in enumerate(lines) if line.startswith("  ≠ ")]
        assert len(glance) == n_disc, (story.name, n_disc, glance)
        assert not glance or glance[-1] < FIRST_SCREEN, (story.name, glance)
        assert len(lines) <= MAX_LINES, (story.name, len(lines))


def test_busy_story_shows_its_discrepancies(busy: Path):
    out = run(str(busy)).stdout
    assert out.splitlines()[0].startswith("2 articles: ")
    assert "'Two firefighters'; b 'Three firefighters'" in out  # who says what, in one line


def test_show_all_shows_every_finding(busy: Path):
    for story in _stories(busy):
        findings = json.loads(run(str(story), "--format", "json").stdout)["findings"]
        out = run(str(story), "--show", "all").stdout
        heads = [line for line in out.splitlines() if line[:2] == "FC" and line[2:5].isdigit()]
        # each finding once with its evidence (a discrepancy is also in the one-line list above)
        assert len(heads) == len(findings), (story.name, len(heads), len(findings))


def test_plain_statements_are_counted_and_listed_on_request(busy: Path):
    story = ROOT / "seeds"
    default = run(str(story)).stdout
    every = run(str(story), "--show", "unsupported").stdout
    assert "FC108" not in [line.split()[1] for line in default.splitlines() if line.startswith("  ○ ")]
    assert "FC108 statements" in every


def test_silent_prints_nothing_and_keeps_the_exit_code(busy: Path):
    proc = run(str(busy), "-s")
    assert proc.stdout == "" and proc.stderr == ""
    assert proc.returncode == 1  # discrepancies found


def test_statistics_counts_per_rule_and_kind(busy: Path):
    findings = json.loads(run(str(busy), "--format", "json").stdout)["findings"]
    out = run(str(busy), "--statistics").stdout.splitlines()
    assert sum(int(line.split()[0]) for line in out) == len(findings)
    assert all(line.split()[-1] in ("agreement", "discrepancy", "unsupported") for line in out)


def test_piped_report_is_not_wrapped(busy: Path):
    out = subprocess.run(
        [sys.executable, "-m", "checker.cli", str(busy), "--no-export"],
        capture_output=True,
        text=True,
        cwd=ROOT / "tests",
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "COLUMNS"},
    ).stdout
    message = [line for line in out.splitlines() if "Three firefighters" in line and " says " in line]
    assert message and all(line.rstrip().endswith(")") or line.rstrip().endswith(".") for line in message)


def test_quiet_is_the_summary_and_the_findings_only(busy: Path):
    out = run(str(busy), "-q").stdout
    assert out.splitlines()[0].startswith("2 articles: ")
    assert "Where the articles disagree" in out
    assert "Claim by article" not in out and "Harbour fire forces evacuation" not in out


def test_json_ranks_every_finding_in_an_editors_order(busy: Path):
    findings = json.loads(run(str(busy), "--format", "json").stdout)["findings"]
    ranks = sorted(f["rank"] for f in findings)
    assert ranks == list(range(1, len(findings) + 1))
    first = min(findings, key=lambda f: f["rank"])
    assert first["kind"] == "discrepancy"
    alone = sorted((f for f in findings if f["kind"] == "unsupported"), key=lambda f: f["rank"])
    assert alone and alone[-1]["rule_name"] == "statements" or all(f["rule_name"] != "statements" for f in alone)


def test_table_cells_keep_the_differing_words_visible(tmp_path: Path):
    d = tmp_path / "quote"
    d.mkdir()
    line = '"We will rebuild the harbour wall and the old ferry pier before the winter storms reach the {} shore," Mayor Jo Hale said.'
    (d / "a.txt").write_text("Harbour wall\n\nMay 4, 2025\n\n" + line.format("northern") + "\n", encoding="utf-8")
    (d / "b.txt").write_text("Harbour plan\n\nMay 4, 2025\n\n" + line.format("southern") + "\n", encoding="utf-8")
    out = run(str(d)).stdout
    table = [x for x in out.splitlines() if x.startswith("│")]
    assert any("northern" in x for x in table) and any("southern" in x for x in table), "\n".join(table)
