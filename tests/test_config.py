"""[tool.factcheck] and factcheck.toml (issue 11): found upward from the checked paths, every key used,
an unknown key an error that names it, flags over settings. Run through the installed command line."""

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
def newsroom(tmp_path: Path) -> Path:
    """A newsroom repository: settings at its root, one story two folders down."""
    story = tmp_path / "repo" / "stories" / "orlin-budget"
    story.mkdir(parents=True)
    (story / "a.txt").write_text(A, encoding="utf-8")
    (story / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path / "repo"


def rules_run(doc: dict) -> set[str]:
    return {f["rule_name"] for f in doc["findings"]}


def test_settings_are_found_upward_from_the_checked_path(newsroom: Path, tmp_path: Path):
    (newsroom / "pyproject.toml").write_text('[tool.factcheck]\nselect = ["MONEY"]\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    doc = json.loads(run(str(newsroom / "stories" / "orlin-budget"), "--format", "json", cwd=elsewhere).stdout)
    assert rules_run(doc) == {"money"}


def test_factcheck_toml_ignore_and_flags_over_settings(newsroom: Path):
    (newsroom / "factcheck.toml").write_text('ignore = ["fc101"]\nfail-on = "never"\n', encoding="utf-8")
    proc = run("stories/orlin-budget", "--format", "json", cwd=newsroom)
    assert "money" not in rules_run(json.loads(proc.stdout))
    assert proc.returncode == 0  # fail-on never
    flags = run("stories/orlin-budget", "--format", "json", "--rules", "money", "--fail-on", "discrepancy", cwd=newsroom)
    assert rules_run(json.loads(flags.stdout)) == {"money"} and flags.returncode == 1


def test_severity_and_exclude(newsroom: Path):
    (newsroom / "stories" / "orlin-budget" / "c.notes.md").write_text(
        "# notes\n\nThe council spent $9 million.\n", encoding="utf-8"
    )
    (newsroom / "factcheck.toml").write_text('severity = { money = "warning" }\nexclude = ["*.notes.md"]\n', encoding="utf-8")
    doc = json.loads(run("stories/orlin-budget", "--format", "json", cwd=newsroom).stdout)
    assert [a["id"] for a in doc["articles"]] == ["a", "b"]
    assert {f["severity"] for f in doc["findings"] if f["rule_name"] == "money"} == {"warning"}


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ('selcet = ["money"]\n', "unknown key 'selcet'; did you mean 'select'?"),
        ('fail-on = "always"\n', "fail-on must be one of"),
        ('select = ["FC999"]\n', "unknown rule 'FC999'"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_a_bad_setting_is_one_line_that_names_it(newsroom: Path, settings: str, says: str):
    (newsroom / "factcheck.toml").write_text(settings, encoding="utf-8")
    proc = run("stories/orlin-budget", cwd=newsroom)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and says in proc.stderr, proc.stderr
