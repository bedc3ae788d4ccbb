"""factcheck in a newsroom's CI (issue 11): new and changed articles against their story, what fails a
run, and the pre-commit hook for real. Run through the installed command line as a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE_A = "Budget\nPublished: 2025-03-03\n\nThe Orlin council approved a $4.2 million budget for road repairs on Monday, officials said.\n"
BASE_B = "Budget\nPublished: 2025-03-03\n\nOn Monday the Orlin council approved a road repair budget of $4.2 million, officials said.\n"
AGREES = "Budget\nPublished: 2025-03-04\n\nThe Orlin council on Monday approved $4.2 million for road repairs, officials said.\n"
DIFFERS = "Budget\nPublished: 2025-03-04\n\nThe Orlin council on Monday approved a road repair budget of $4.8 million, officials said.\n"
ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=300, env=dict(os.environ)
    )


@pytest.fixture
def story(tmp_path: Path) -> Path:
    d = tmp_path / "stories" / "orlin-budget"
    d.mkdir(parents=True)
    (d / "a.txt").write_text(BASE_A, encoding="utf-8")
    (d / "b.txt").write_text(BASE_B, encoding="utf-8")
    return d


def test_new_reports_only_the_findings_of_the_new_article(story: Path):
    (story / "a.txt").write_text(BASE_A + "Work will begin in May, the mayor said.\n", encoding="utf-8")  # a's alone
    (story / "c.txt").write_text(DIFFERS, encoding="utf-8")
    proc = run(str(story), "--new", str(story / "c.txt"), "--format", "json", cwd=story.parent)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["findings"] and all(any(c["article"] == "c" for c in f["claims"]) for f in doc["findings"])
    full = json.loads(run(str(story), "--format", "json", cwd=story.parent).stdout)
    assert any(not any(c["article"] == "c" for c in f["claims"]) for f in full["findings"])  # a's own, left out


def test_new_without_a_story_checks_each_file_against_its_folder(story: Path):
    (story / "c.txt").write_text(AGREES, encoding="utf-8")
    ok = run("--new", str(story / "c.txt"), "--no-export", cwd=story.parent)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (story / "d.txt").write_text(DIFFERS, encoding="utf-8")
    bad = run("--new", str(story / "d.txt"), "--format", "json", cwd=story.parent)
    assert bad.returncode == 1
    assert len(json.loads(bad.stdout)["articles"]) == 4  # d against a, b and c


def test_new_refuses_what_is_not_an_article(story: Path, tmp_path: Path):
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    for bad in (str(tmp_path / "nope.txt"), str(tmp_path / "notes.csv")):
        proc = run("--new", bad, cwd=tmp_path)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_fail_on(story: Path):
    (story / "c.txt").write_text(DIFFERS, encoding="utf-8")
    assert run(str(story), "--fail-on", "never", "--no-export", cwd=story.parent).returncode == 0
    assert run(str(story), "--fail-on", "discrepancy", "--no-export", cwd=story.parent).returncode == 1
    (story / "c.txt").write_text(AGREES + "The mayor, Ann Roe, resigned on Friday.\n", encoding="utf-8")
    assert run(str(story), "--no-export", cwd=story.parent).returncode == 0
    assert run(str(story), "--fail-on", "unsupported", "--no-export", cwd=story.parent).returncode == 1


def _git(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def repo(tmp_path: Path, story: Path) -> Path:
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    root = story.parent.parent
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "desk@example.org")
    _git(root, "config", "user.name", "Desk")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "the story so far")
    return root


def test_changed_since_checks_the_articles_git_says_changed(repo: Path, story: Path):
    assert run("--changed-since", "HEAD", cwd=repo).stdout.startswith("No new or changed articles")
    (story / "c.txt").write_text(DIFFERS, encoding="utf-8")  # untracked counts as changed
    proc = run("--changed-since", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 1, proc.stderr
    assert all(any(c["article"] == "c" for c in f["claims"]) for f in json.loads(proc.stdout)["findings"])
    bad = run("--changed-since", "no-such-ref", cwd=repo)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_the_pre_commit_hook_refuses_an_article_that_contradicts_its_story(repo: Path, story: Path, tmp_path: Path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed")
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: factcheck --no-export --quiet --new" in hooks  # the shipped hook; run here as a local one
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: factcheck\n    name: factcheck\n"
        f"    entry: {sys.executable} -m checker.cli --no-export --quiet --new\n"
        "    language: system\n    files: ^stories/.*\\.(txt|md)$\n    require_serial: true\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    _git(repo, "add", ".pre-commit-config.yaml")
    _git(repo, "commit", "-q", "-m", "hook config")
    inst = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, capture_output=True, text=True, env=env)
    assert inst.returncode == 0, inst.stderr
    (story / "c.txt").write_text(DIFFERS, encoding="utf-8")
    _git(repo, "add", "stories")
    refused = _git(repo, "commit", "-m", "a contradicting article", env=env)
    assert refused.returncode != 0, refused.stdout
    assert "$4.8 million" in refused.stdout + refused.stderr
    (story / "c.txt").write_text(AGREES, encoding="utf-8")
    _git(repo, "add", "stories")
    passed = _git(repo, "commit", "-m", "an agreeing article", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
