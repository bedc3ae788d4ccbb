"""A 1 MB article is checked within seconds and 200 MB (issue 12, "Limits").

The article is 1 MB of templated news (tests/test_big_story.py's invented events, thousands of them:
names, places, dates, figures and quotes), beside a short article, checked by the command line as a user
runs it, with the JSON report written to a file. What made such an article slow or large: lookups that
scanned the whole article once per sentence or name (places named once, entity terms of statements, the
speaker of "she said"), pairs of a long article's own claims remembered by the million, and the 8 MB JSON
report decoded to a str and encoded again on its way out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_big_story import article

ROOT = Path(__file__).resolve().parent.parent
SIZE = 1_000_000  # characters
MAX_MB = 200  # the bound, for the whole process (the interpreter and every rule loaded: ~50 MB)
MAX_S = 40.0  # about 13 s on the project's machine; a return to quadratic lookups took 36 s and more


# the command line, then the process's own peak resident memory (VmHWM, in kB) into a file. Not the
# child's ru_maxrss: Linux carries the parent's peak over into a child started by vfork and exec, and the
# parent here is pytest, hundreds of MB into the suite.
_RUN = """
import sys
from checker.cli import main
out, sys.argv = sys.argv[1], ["factcheck", *sys.argv[2:]]
try:
    code = main()
except SystemExit as stop:
    code = stop.code
with open("/proc/self/status") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
with open(out, "w") as f:
    f.write(peak)
sys.exit(code)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc (Linux)")
def test_a_one_megabyte_article_within_seconds_and_200_mb(tmp_path: Path):
    parts, n, i = [], 0, 0
    while n < SIZE:
        parts.append(article(i).strip())
        n += len(parts[-1]) + 2
        i += 1
    story = tmp_path / "story"
    story.mkdir()
    (story / "long.txt").write_text("A long page\n\nPublished: 2031-05-04\n\n" + "\n\n".join(parts) + "\n", encoding="utf-8")
    (story / "short.txt").write_text("A short page\n\nPublished: 2031-05-04\n\n" + article(1), encoding="utf-8")
    out, peak = tmp_path / "report.json", tmp_path / "peak"
    env = {**os.environ, "FACTCHECK_NO_CACHE": "1"}
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, str(peak), str(story), "--format", "json", "-o", str(out), "--no-export"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - t0
    assert proc.returncode in (0, 1), proc.stderr
    peak_mb = int(peak.read_text()) / 1024
    assert peak_mb < MAX_MB, f"peak {peak_mb:.0f} MB"
    assert seconds < MAX_S, f"{seconds:.1f} s"
    report = json.loads(out.read_bytes())
    texts = {a["id"]: (story / Path(a["path"]).name).read_text(encoding="utf-8") for a in report["articles"]}
    claims = [c for f in report["findings"] for c in f["claims"]]
    assert len(claims) > 1000  # the long article's facts are found, not cut short
    assert all(texts[c["article"]][c["start"] : c["end"]] == c["text"] for c in claims)
