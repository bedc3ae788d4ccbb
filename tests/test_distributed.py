"""The Dask path of docs/scale.md: the per-story function mapped on a local cluster of two workers gives
the report the command line gives (skipped only where dask.distributed is not installed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed", reason="factcheck[dask] is not installed")

from test_stories import shelf  # noqa: E402,F401  (the fixture: three story folders and a README)

from checker.distributed import map_stories  # noqa: E402
from checker.render import json as rjson  # noqa: E402
from checker.render.text import StoryRow  # noqa: E402
from checker.stories import plan  # noqa: E402


@pytest.fixture
def own_environment():
    """distributed's LocalCluster sets variables for its workers in this process's own environment
    (MALLOC_TRIM_THRESHOLD_, PYTHONHASHSEED, OMP_NUM_THREADS...), and every later subprocess of the
    test run would inherit them: a malloc trim threshold of 64 kB makes a long article 2.5x slower.
    The environment is put back as it was."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def test_a_local_cluster_of_two_workers_gives_the_reports_of_one_process(shelf: Path, own_environment):  # noqa: F811
    stories = plan([str(shelf)])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            rows, sections = [], []
            for story, report in map_stories(client, stories):
                rows.append(StoryRow.of(story.name, report))
                sections.append(rjson.story_section(story.name, report))
    got = rjson.render_stories(rows, sections)
    cli = subprocess.run(
        [sys.executable, "-m", "checker.cli", str(shelf), "--format", "json", "--jobs", "1"],
        capture_output=True,
        cwd=shelf.parent,
        timeout=300,
    )
    assert got == cli.stdout
