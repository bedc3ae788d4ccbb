"""The editor's reading of the seeds and cases, scored by ../shared/tools/score.py.

The thresholds are the acceptance figures of the issues: every story keeps
must_not at 0 and bad_spans at 0 and finds all its core items; recall is at
least 0.9 on the seeds and 0.85 on each case; a report stays within 70
findings, and a case's within 3x its editor's expected items.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
CMD = f"{sys.executable} -m checker.cli --no-export"

STORIES = [("seeds", ROOT / "seeds", SHARED / "seeds-expected.toml")] + [
    (f"cases/{d.name}", d, d / "expected.toml") for d in sorted((SHARED / "cases").glob("*")) if (d / "expected.toml").is_file()
]
MIN_RECALL = {"seeds": 0.9}
DEFAULT_MIN_RECALL = 0.85
MAX_FINDINGS = 70  # an editor reads every line
FINDINGS_PER_ITEM = 3  # and a case's report stays within 3x its editor's expected items


def test_shared_folder_is_there():
    assert SCORER.is_file(), f"{SCORER} missing: CI runs with ../shared beside the project"
    assert len(STORIES) >= 5


def score(folder: Path, gold: Path) -> tuple[str, dict[str, float]]:
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(folder), "--gold", str(gold), "--cmd", CMD],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr
    m = re.search(r"recall ([\d.]+) \((\d+)/(\d+)\) core (\d+)/(\d+) must_not (\d+) findings (\d+) bad_spans (\d+)", last)
    assert m, f"scorer gave no figures: {proc.stdout[-2000:]} {proc.stderr[-2000:]}"
    keys = ("recall", "found", "items", "core", "core_total", "must_not", "findings", "bad_spans")
    return proc.stdout, dict(zip(keys, map(float, m.groups())))


@pytest.mark.parametrize("name,folder,gold", STORIES, ids=[s[0] for s in STORIES])
def test_story_scores(name: str, folder: Path, gold: Path):
    out, s = score(folder, gold)
    assert s["bad_spans"] == 0, out
    assert s["must_not"] == 0, out
    assert s["findings"] <= MAX_FINDINGS, out
    if name != "seeds":
        assert s["findings"] <= FINDINGS_PER_ITEM * s["items"], out
    assert s["recall"] >= MIN_RECALL.get(name, DEFAULT_MIN_RECALL), out
    assert s["core"] == s["core_total"], out  # every core item, every story


def test_seed_core_numbers_and_dates():
    out, _ = score(ROOT / "seeds", SHARED / "seeds-expected.toml")
    for item in ("amount-100m-yuan", "hk-rules-take-effect-june-1", "cctv-segment-date", "funding-period"):
        assert f"ok   {item}:" in out, out


# ------------------------------------------------------------ real news (issue 8)
#
# ../shared/real holds real stories, some with an editor's reading. Their
# totals must meet issue 8's acceptance: recall 0.75, core 30 of 36,
# disc_recall 0.6, disc_precision 0.8, no must_not, no bad span.
REAL = sorted(d for d in (SHARED / "real").glob("*") if (d / "expected.toml").is_file())
REAL_FLOORS = {"recall": 0.75, "core": 30, "disc_recall": 0.6, "disc_precision": 0.8}


def test_real_stories_hold_their_floors():
    assert len(REAL) >= 12, "../shared/real with the editors' readings is missing"
    found = items = core = must_not = bad = dr_found = dr_items = dp_ok = dp_all = 0
    for folder in REAL:
        out, s = score(folder, folder / "expected.toml")
        last = out.strip().splitlines()[-1]
        d = re.search(r"disc_recall (\d+)/(\d+) disc_precision \S+ \((\d+)/(\d+)\)", last)
        assert d, last
        found += s["found"]
        items += s["items"]
        core += s["core"]
        must_not += s["must_not"]
        bad += s["bad_spans"]
        dr_found, dr_items, dp_ok, dp_all = (x + int(y) for x, y in zip((dr_found, dr_items, dp_ok, dp_all), d.groups()))
    figures = f"recall {found / items:.2f} core {core:.0f} disc_recall {dr_found}/{dr_items} disc_precision {dp_ok}/{dp_all}"
    assert bad == 0 and must_not == 0, figures
    assert found / items >= REAL_FLOORS["recall"], figures
    assert core >= REAL_FLOORS["core"], figures
    assert dr_found / dr_items >= REAL_FLOORS["disc_recall"], figures
    assert dp_all == 0 or dp_ok / dp_all >= REAL_FLOORS["disc_precision"], figures
