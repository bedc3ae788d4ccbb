"""The text report in a real terminal (a pty) at 80 and 160 columns: no line longer than the terminal,
every line of the claim-by-article table as wide as the others (no broken table lines)."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORIES = [ROOT / "seeds", *sorted(p for p in (ROOT.parent / "shared" / "cases").glob("*") if p.is_dir())]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TABLE = "┏┃┡│└"


def in_pty(args: list[str], columns: int) -> str:
    """Run the CLI with its stdout on a pseudo-terminal of `columns` columns; the text it shows."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", *args, "--no-export"],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        cwd=ROOT / "tests",
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")


@pytest.mark.parametrize("columns", [80, 160])
def test_table_lines_fit_and_do_not_break(columns: int):
    for story in STORIES:
        out = in_pty([str(story)], columns)
        lines = out.splitlines()
        assert lines and "article" in lines[0], (story.name, out[:200])
        assert all(len(line) <= columns for line in lines), (story.name, max(lines, key=len))
        table = [line for line in lines if line and line[0] in TABLE]
        assert table, story.name
        assert len({len(line) for line in table}) == 1, (story.name, sorted({len(line) for line in table}))
