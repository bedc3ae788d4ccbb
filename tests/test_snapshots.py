"""reports/seeds.md is what `factcheck seeds/` writes today, byte for byte.

The committed Markdown report is the reviewed reading of the seeds: a change
in any rule that changes it shows up as a diff in review, not as a surprise
(ruff's snapshots). The test regenerates it the way the CLI does (run from a
project root whose pyproject.toml names a markdown_dir, `factcheck seeds/`
keeps `reports/seeds.md`), in a scratch copy of the project layout so the
real file is never touched by a test run.

To accept a change, review the diff and regenerate the file:

    FACTCHECK_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_snapshots.py

(or, the same thing, `.venv/bin/factcheck seeds/` from the project root).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "reports" / "seeds.md"
UPDATE = os.environ.get("FACTCHECK_UPDATE_SNAPSHOTS") == "1"


def exported_report(tmp_path: Path) -> str:
    """The Markdown copy `factcheck seeds/` keeps, run in a scratch project holding the seeds."""
    project = tmp_path / "project"
    (project / "reports").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.factcheck]\nmarkdown_dir = "reports"\n', encoding="utf-8")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "seeds/", "--quiet"],
        capture_output=True,
        text=True,
        cwd=project,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return (project / "reports" / "seeds.md").read_bytes().decode("utf-8")


def test_seeds_report_matches_the_committed_snapshot(tmp_path: Path):
    fresh = exported_report(tmp_path)
    assert fresh.startswith("# factcheck report")
    if UPDATE:
        SNAPSHOT.write_bytes(fresh.encode("utf-8"))
        return
    committed = SNAPSHOT.read_bytes().decode("utf-8")
    if fresh != committed:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True), fresh.splitlines(keepends=True), "reports/seeds.md", "fresh"
                )
            )[:80]
        )
        raise AssertionError(f"reports/seeds.md is stale; review the diff, then FACTCHECK_UPDATE_SNAPSHOTS=1 to accept:\n{diff}")
