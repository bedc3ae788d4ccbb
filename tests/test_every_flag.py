"""Every flag of the command line, run through the installed `factcheck` console script as a
subprocess (issue 11's acceptance): its exit code and what it prints.

`test_every_flag_has_a_case` reads the parsers' own option lists. A flag added without a case here
fails it, so this file stays the one place that shows each flag at work.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cli

A = "Budget\nPublished: 2025-03-03\n\nThe Orlin council approved a $4.2 million budget for road repairs on Monday, officials said.\n"
B = (
    "Budget\nPublished: 2025-03-04\n\nThe Orlin council on Monday approved a road repair budget of $4.8 million, "
    "officials said.\n\nWork will begin on April 2, the mayor said.\n"
)
SAME = "Budget\nPublished: 2025-03-04\n\nOn Monday the Orlin council approved $4.2 million for road repairs, officials said.\n"
BIN = Path(sys.executable).with_name("factcheck")


def factcheck(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert BIN.exists(), f"the console script is not installed beside {sys.executable}"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, cwd=cwd, timeout=300, input=stdin, env=env)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    d = tmp_path / "orlin-budget"
    d.mkdir()
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    return d


def lines(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.strip()]


# ---------------------------------------------------------------- the formats


FORMATS = {
    "text": lambda out: "1 discrepancy" in out and "FC101" in out,
    "json": lambda out: json.loads(out)["counts"]["discrepancy"] == 1,
    "markdown": lambda out: out.startswith("# factcheck report") and "$4.8 million" in out,
    "github": lambda out: out.startswith("::error file=") and "FC101" in out,
    "junit": lambda out: out.startswith("<?xml") and "<testsuites" in out and "<failure" in out,
    "sarif": lambda out: json.loads(out)["version"] == "2.1.0",
    "html": lambda out: out.startswith("<!DOCTYPE html>") and 'class="discrepancy"' in out,
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format(story: Path, fmt: str):
    proc = factcheck(str(story), "--format", fmt, "--no-export", cwd=story.parent)
    assert proc.returncode == 1 and proc.stderr == "", proc.stderr
    assert FORMATS[fmt](proc.stdout), proc.stdout[:400]


def test_output_file_and_several_formats(story: Path):
    one = factcheck(str(story), "-f", "json", "-o", "r.json", "--no-export", cwd=story.parent)
    assert one.returncode == 1 and one.stdout == ""
    assert json.loads((story.parent / "r.json").read_text(encoding="utf-8"))["schema"] == "factcheck.report/1"
    many = factcheck(str(story), "--output", "sarif:r.sarif", "-o", "junit:r.xml", "--no-export", cwd=story.parent)
    assert many.returncode == 1 and "1 discrepancy" in many.stdout  # the terminal still gets text
    assert FORMATS["sarif"]((story.parent / "r.sarif").read_text(encoding="utf-8"))
    assert FORMATS["junit"]((story.parent / "r.xml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- what runs and what fails


def test_rules_exit_zero_fail_on(story: Path):
    dates_only = factcheck(str(story), "--rules", "dates", "-f", "json", "--no-export", cwd=story.parent)
    assert dates_only.returncode == 0 and {f["rule_name"] for f in json.loads(dates_only.stdout)["findings"]} <= {"dates"}
    assert factcheck(str(story), "--exit-zero", "--no-export", cwd=story.parent).returncode == 0
    assert factcheck(str(story), "--fail-on", "never", "--no-export", cwd=story.parent).returncode == 0
    (story / "b.txt").write_text(SAME + "\nWork will begin on April 2, the mayor said.\n", encoding="utf-8")
    assert factcheck(str(story), "--no-export", cwd=story.parent).returncode == 0  # nothing differs
    assert factcheck(str(story), "--fail-on", "unsupported", "--no-export", cwd=story.parent).returncode == 1


def test_color_show_statistics_quiet_silent(story: Path):
    always = factcheck(str(story), "--color", "always", "--no-export", cwd=story.parent)
    never = factcheck(str(story), "--color", "never", "--no-export", cwd=story.parent)
    assert "\x1b[" in always.stdout and "\x1b[" not in never.stdout and always.returncode == never.returncode == 1
    default = factcheck(str(story), "--no-export", cwd=story.parent).stdout
    shown = factcheck(str(story), "--show", "all", "--no-export", cwd=story.parent).stdout
    assert "April 2" in shown and len(shown) > len(default)
    stats = factcheck(str(story), "--statistics", "--no-export", cwd=story.parent)
    assert stats.returncode == 1 and any(x.split()[:4] == ["1", "FC101", "money", "discrepancy"] for x in lines(stats.stdout))
    quiet = factcheck(str(story), "-q", "--no-export", cwd=story.parent)
    assert quiet.returncode == 1 and "1 discrepancy" in quiet.stdout and len(quiet.stdout) < len(default)
    silent = factcheck(str(story), "--silent", cwd=story.parent)
    assert silent.returncode == 1 and silent.stdout == "" and silent.stderr == ""
    # --silent renders nothing for the terminal, but a report asked for in a file is still written whole
    into = story.parent / "silent.json"
    silent_file = factcheck(str(story), "--silent", "--no-export", "-o", f"json:{into}", cwd=story.parent)
    assert silent_file.returncode == 1 and silent_file.stdout == ""
    assert json.loads(into.read_text(encoding="utf-8"))["counts"]["discrepancy"] == 1


def test_no_export_keeps_the_reports_folder_untouched(story: Path):
    (story.parent / "pyproject.toml").write_text('[tool.factcheck]\nmarkdown_dir = "reports"\n', encoding="utf-8")
    (story.parent / "reports").mkdir()
    factcheck("orlin-budget", "--no-export", cwd=story.parent)
    assert list((story.parent / "reports").iterdir()) == []
    factcheck("orlin-budget", cwd=story.parent)
    assert (story.parent / "reports" / "orlin-budget.md").read_text(encoding="utf-8").startswith("# factcheck report")


def test_no_cache_reads_and_writes_no_cache(story: Path, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_NO_CACHE"}
    env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    cmd = [str(BIN), str(story), "--no-export", "-q"]
    off = subprocess.run([*cmd, "--no-cache"], capture_output=True, text=True, env=env, timeout=300)
    assert off.returncode == 1 and not (tmp_path / "cache").exists()
    on = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert on.returncode == 1 and on.stdout == off.stdout and list((tmp_path / "cache").rglob("*.pickle"))


def test_size_limit_symlinks_and_export(story: Path, tmp_path: Path):
    small = factcheck(str(story), "--max-article-size", "50", "--no-export", cwd=story.parent)
    assert small.returncode == 2 and small.stderr.count("\n") == 1 and "a.txt" in small.stderr
    assert factcheck(str(story), "--max-article-size", "1M", "--no-export", cwd=story.parent).returncode == 1
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "c.txt").write_text(SAME, encoding="utf-8")
    (story / "c.txt").symlink_to(outside / "c.txt")
    refused = factcheck(str(story), "--no-export", cwd=story.parent)
    assert refused.returncode == 2 and "c.txt" in refused.stderr
    followed = factcheck(str(story), "--follow-symlinks", "-f", "json", "--no-export", cwd=story.parent)
    assert followed.returncode == 1 and len(json.loads(followed.stdout)["articles"]) == 3
    listed = factcheck("claims", str(story), "--follow-symlinks", "-f", "json", cwd=story.parent)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)["articles"]) == 3
    assert factcheck("claims", str(story), cwd=story.parent).returncode == 2
    assert factcheck("claims", str(story / "a.txt"), "--max-article-size", "50", cwd=story.parent).returncode == 2
    (story / "c.txt").unlink()
    (story.parent / "exported").mkdir()
    done = factcheck("orlin-budget", "--export", "exported", cwd=story.parent)
    assert done.returncode == 1 and (story.parent / "exported" / "orlin-budget.md").exists()


# ---------------------------------------------------------------- new articles, baselines, corrections


def test_new_and_changed_since(story: Path):
    (story / "c.txt").write_text(SAME, encoding="utf-8")
    new = factcheck(str(story), "--new", str(story / "c.txt"), "-f", "json", "--no-export", cwd=story.parent)
    found = json.loads(new.stdout)["findings"]
    assert new.returncode == 1 and found and all(any(c["article"] == "c" for c in f["claims"]) for f in found)
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=story.parent, check=True)
    subprocess.run([*git, "add", "."], cwd=story.parent, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "story"], cwd=story.parent, check=True)
    assert factcheck("--changed-since", "HEAD", "--no-export", cwd=story.parent).returncode == 0  # nothing changed
    (story / "d.txt").write_text(B.replace("4.8", "5.1"), encoding="utf-8")
    changed = factcheck("--changed-since", "HEAD", "-f", "json", "--no-export", cwd=story.parent)
    assert changed.returncode == 1 and "5.1" in changed.stdout


def test_baseline_and_compare_to(story: Path):
    write = factcheck(str(story), "--write-baseline", "base.json", "--no-export", cwd=story.parent)
    assert write.returncode == 0 and json.loads((story.parent / "base.json").read_text(encoding="utf-8"))
    hidden = factcheck(str(story), "--baseline", "base.json", "-f", "json", "--no-export", cwd=story.parent)
    assert hidden.returncode == 0 and json.loads(hidden.stdout)["counts"].get("discrepancy", 0) == 0
    factcheck(str(story), "-f", "json", "-o", "old.json", "--no-export", cwd=story.parent)
    (story / "b.txt").write_text(B.replace("$4.8 million", "$4.2 million"), encoding="utf-8")  # the correction
    compared = factcheck(str(story), "--compare-to", "old.json", "-f", "json", "--no-export", cwd=story.parent)
    assert compared.returncode == 0 and len(json.loads(compared.stdout)["comparison"]["resolved"]) == 1


# ---------------------------------------------------------------- inputs and the rest


def test_stdin_published_and_jobs(story: Path):
    undated = "Budget\n\nThe Orlin council approved a $4.8 million budget for road repairs on Monday, officials said.\n"
    proc = factcheck(
        str(story / "a.txt"), "-", "--published", "2025-03-04", "-f", "json", "--no-export", cwd=story.parent, stdin=undated
    )
    doc = json.loads(proc.stdout)
    assert proc.returncode == 1 and "2025-03-04" in {a["published"] for a in doc["articles"]}
    shelf = story.parent
    (shelf / "other").mkdir()
    (shelf / "other" / "a.txt").write_text(A, encoding="utf-8")
    (shelf / "other" / "b.txt").write_text(SAME, encoding="utf-8")
    one = factcheck(str(shelf), "-f", "json", "--jobs", "1", "--no-export", cwd=shelf)
    two = factcheck(str(shelf), "-f", "json", "-j", "2", "--no-export", cwd=shelf)
    assert one.returncode == two.returncode == 1 and one.stdout == two.stdout
    assert len(json.loads(one.stdout)["stories"]) == 2


def test_version_help_and_the_subcommands(story: Path):
    version = factcheck("--version", cwd=story.parent)
    assert version.returncode == 0 and version.stdout.startswith("factcheck ")
    helped = factcheck("--help", cwd=story.parent)
    assert helped.returncode == 0 and "exit codes" in helped.stdout and "--fail-on" in helped.stdout
    rules = factcheck("rules", cwd=story.parent)
    assert rules.returncode == 0 and "FC101" in rules.stdout and "FC103" in rules.stdout
    one = factcheck("rule", "money", cwd=story.parent)
    assert one.returncode == 0 and "FC101" in one.stdout and "FC103" not in one.stdout
    assert factcheck("rule", "FC999", cwd=story.parent).returncode == 2
    claims = factcheck("claims", str(story / "b.txt"), "-f", "json", "--rules", "money", cwd=story.parent)
    assert claims.returncode == 0 and {c["text"] for c in json.loads(claims.stdout)["articles"][0]["claims"]} == {"$4.8 million"}
    dated = factcheck(
        "claims", str(story / "b.txt"), "--published", "2024-03-01", "-f", "json", "--rules", "dates", cwd=story.parent
    )
    assert "2024-04-02" in {c["value"].get("start") for c in json.loads(dated.stdout)["articles"][0]["claims"]}
    text = factcheck("claims", str(story / "b.txt"), "--text", cwd=story.parent)
    assert text.returncode == 0 and text.stdout == B  # what the offsets index
    out = factcheck("claims", str(story / "b.txt"), "-o", "claims.txt", cwd=story.parent)
    assert (
        out.returncode == 0 and out.stdout == "" and "$4.8 million" in (story.parent / "claims.txt").read_text(encoding="utf-8")
    )


COVERED = {
    "factcheck": {
        "-h", "--help", "-f", "--format", "-o", "--output", "--rules", "--exit-zero", "--color", "--no-export", "--show",
        "--statistics", "-q", "--quiet", "-s", "--silent", "--new", "--changed-since", "--fail-on", "--published",
        "--baseline", "--write-baseline", "--compare-to", "-j", "--jobs", "--version", "--no-cache",
        "--max-article-size", "--follow-symlinks", "--export",
    },
    "claims": {
        "-h", "--help", "--published", "-f", "--format", "--rules", "-o", "--output", "--max-article-size",
        "--follow-symlinks", "--text",
    },
}  # fmt: skip


def test_every_flag_has_a_case():
    parsers = {"factcheck": cli._check_parser(), "claims": cli._claims_parser()}
    for name, parser in parsers.items():
        flags = {s for action in parser._actions for s in action.option_strings}
        assert flags - COVERED[name] == set(), f"{name}: flags with no case in tests/test_every_flag.py"
