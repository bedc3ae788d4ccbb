"""The command line: exit codes, stdout/stderr split, bad input, atomic output, no ANSI when piped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

STORY_A = """Council approves budget

March 3, 2025

By Ana Ruiz

The city council approved a $4.2 million budget for road repairs on Monday, officials said.
About 1,200 residents attended the meeting.
"""
STORY_B = """Road repair budget passes

March 4, 2025

The council on Monday approved a road repair budget of $4.8 million, officials said.
"""


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the CLI from a neutral folder (never the project root: no report may land in reports/)."""
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT / "tests",
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text(STORY_A, encoding="utf-8")
    (d / "b.txt").write_text(STORY_B, encoding="utf-8")
    return d


def assert_one_line_error(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert lines[0].startswith("factcheck")


def test_discrepancy_exits_1_and_json_matches_contract(story: Path):
    proc = run(str(story), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "factcheck.report/1"
    assert [a["id"] for a in doc["articles"]] == ["a", "b"]
    assert doc["articles"][0]["published"] == "2025-03-03"
    assert doc["articles"][0]["byline"] == "Ana Ruiz"
    disc = [f for f in doc["findings"] if f["kind"] == "discrepancy" and f["rule"] == "FC101"]
    assert disc, doc["findings"]
    texts = {(c["article"], c["text"]) for c in disc[0]["claims"]}
    assert texts == {("a", "$4.2 million"), ("b", "$4.8 million")}
    for f in doc["findings"]:
        for c in f["claims"]:
            src = (story / f"{c['article']}.txt").read_text(encoding="utf-8")
            assert src[c["start"] : c["end"]] == c["text"]
    assert doc["counts"]["discrepancy"] == len([f for f in doc["findings"] if f["kind"] == "discrepancy"])


def test_exit_zero_and_agreeing_story(tmp_path: Path, story: Path):
    assert run(str(story), "--exit-zero", "--format", "json").returncode == 0
    (story / "b.txt").write_text(STORY_B.replace("$4.8 million", "4.2 million dollars"), encoding="utf-8")
    proc = run(str(story), "--format", "json")
    assert proc.returncode == 0, proc.stdout
    kinds = [f["kind"] for f in json.loads(proc.stdout)["findings"] if f["rule"] == "FC101"]
    assert "agreement" in kinds


def test_output_is_deterministic(story: Path):
    """Byte-identical reports, whatever Python's hash seed (set order must never leak into a report)."""
    for folder in (story, SEEDS):
        one = run(str(folder), "--format", "json", "--no-export", env={"PYTHONHASHSEED": "1"}).stdout
        two = run(str(folder), "--format", "json", "--no-export", env={"PYTHONHASHSEED": "2"}).stdout
        assert one and one == two


def test_text_report_has_no_ansi_when_piped(story: Path):
    proc = run(str(story))
    assert "\x1b[" not in proc.stdout
    assert "disagree" in proc.stdout and "$4.8 million" in proc.stdout


def test_output_file_written_atomically(tmp_path: Path, story: Path):
    out = tmp_path / "report.md"
    proc = run(str(story), "--format", "markdown", "-o", str(out))
    assert proc.returncode == 1 and proc.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# factcheck report")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_path(tmp_path: Path):
    assert_one_line_error(run(str(tmp_path / "nope")))


def test_a_story_of_one_article_is_reported_as_such(tmp_path: Path):
    (tmp_path / "only.txt").write_text(STORY_A, encoding="utf-8")
    proc = run(str(tmp_path), "--no-export")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.startswith("1 article: nothing to compare yet")
    doc = json.loads(run(str(tmp_path), "--format", "json").stdout)
    assert (len(doc["articles"]), doc["findings"]) == (1, [])


def test_binary_file(tmp_path: Path, story: Path):
    (story / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_one_line_error(run(str(story)))


def test_undecodable_file(story: Path):
    (story / "c.txt").write_bytes("Caf\xe9 owner fined".encode("latin-1"))
    assert_one_line_error(run(str(story)))


def test_empty_file(story: Path):
    (story / "c.txt").write_text("  \n", encoding="utf-8")
    assert_one_line_error(run(str(story)))


def test_bad_input_leaves_no_partial_output(tmp_path: Path, story: Path):
    (story / "c.txt").write_bytes(b"")
    out = tmp_path / "out.json"
    assert_one_line_error(run(str(story), "--format", "json", "-o", str(out)))
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["story"]


def test_unknown_option_and_rule(story: Path):
    assert_one_line_error(run(str(story), "--frobnicate"))
    assert_one_line_error(run(str(story), "--rules", "FC999"))


def test_inputs_never_modified(story: Path):
    before = {p.name: p.read_bytes() for p in story.iterdir()}
    run(str(story), "--format", "json")
    assert {p.name: p.read_bytes() for p in story.iterdir()} == before


def test_bom_and_crlf_offsets(tmp_path: Path, story: Path):
    raw = ("\ufeff" + STORY_A).replace("\n", "\r\n").encode("utf-8")
    (story / "a.txt").write_bytes(raw)
    doc = json.loads(run(str(story), "--format", "json").stdout)
    text = raw.decode("utf-8")
    claims = [c for f in doc["findings"] for c in f["claims"] if c["article"] == "a"]
    assert claims
    for c in claims:
        assert text[c["start"] : c["end"]] == c["text"]


def test_claims_subcommand_lists_values():
    proc = run("claims", str(SEEDS / "000_8a4f9d615e14a3d6.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    claims = doc["articles"][0]["claims"]
    money = [c for c in claims if c["rule"] == "FC101"]
    assert any(c["value"]["amount"] == 100_000_000 and c["value"]["currency"] == "CNY" for c in money)
    dates = [c for c in claims if c["rule"] == "FC103"]
    assert any(c["text"] == "last week" and c["value"]["start"] == "2023-05-22" for c in dates)


def test_claims_published_override(tmp_path: Path):
    f = tmp_path / "x.txt"
    f.write_text("Headline\n\nThe mayor resigned yesterday, aides said.\n", encoding="utf-8")
    doc = json.loads(run("claims", str(f), "--published", "2024-02-10", "--format", "json").stdout)
    dates = [c for c in doc["articles"][0]["claims"] if c["rule"] == "FC103"]
    assert dates and dates[0]["value"]["start"] == "2024-02-09"
    assert_one_line_error(run("claims", str(f), "--published", "yesterday"))


def test_help_lists_exit_codes():
    proc = run("--help")
    assert proc.returncode == 0
    assert "exit codes" in proc.stdout and "--format" in proc.stdout


def test_export_only_for_project_folders(tmp_path: Path, story: Path):
    """A story folder inside the project gets reports/<name>.md; one outside leaves nothing."""
    project = tmp_path / "proj"
    (project / "reports").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.factcheck]\nmarkdown_dir = "reports"\n', encoding="utf-8")
    inside = project / "mystory"
    inside.mkdir()
    for f in story.iterdir():
        (inside / f.name).write_bytes(f.read_bytes())
    run("mystory", cwd=project)
    assert (project / "reports" / "mystory.md").read_text(encoding="utf-8").startswith("# factcheck report")
    run(str(story), cwd=project)
    assert sorted(p.name for p in (project / "reports").iterdir()) == ["mystory.md"]


def test_rule_reference_is_current():
    """docs/rules.md is generated from the rules' docstrings: regenerate it with `factcheck rules > docs/rules.md`."""
    proc = run("rules")
    assert proc.returncode == 0
    assert proc.stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in ("FC101", "FC104", "FC108", "FC109"):
        assert f"## {code}" in proc.stdout


def test_readme_lists_every_rule_in_order():
    """README's rule table is the registry, in the order rules run."""
    import re

    from rules import REGISTRY

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| (FC\d{3}) \| (\w+) \|", readme, re.M)
    assert table == list(REGISTRY.items())


def test_output_file_gets_the_umask_permissions(tmp_path: Path, story: Path):
    out = tmp_path / "report.json"
    mask = os.umask(0)
    os.umask(mask)
    run(str(story), "--format", "json", "-o", str(out))
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_claims_text_listing_gives_each_temporal_claim_its_timex3(tmp_path: Path):
    f = tmp_path / "x.txt"
    f.write_text("Headline\n\nThe mayor resigned on Friday at about 3 p.m., aides said.\n", encoding="utf-8")
    out = run("claims", str(f), "--published", "2024-02-10").stdout
    assert "'on Friday'  ->  February 9, 2024  [TIMEX3 DATE 2024-02-09]" in out
    assert "[TIMEX3 TIME 2024-02-09T15:00 APPROX]" in out


def test_rule_prints_one_rules_reference_by_code_or_name():
    by_code = run("rule", "FC103")
    assert by_code.returncode == 0 and by_code.stdout.startswith("# FC103 dates")
    assert run("rule", "DATES").stdout == by_code.stdout
    assert_one_line_error(run("rule", "FC999"))
