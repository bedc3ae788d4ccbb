"""Stories checked on a Dask cluster, for archives that outgrow one machine (``pip install factcheck[dask]``).

The per-story function is the one the command line maps over its process pool
(``checker.stories.check_story``: plain, picklable data in, a report out), so a
cluster gives each story the report one process gives it. Only this module
imports Dask, and only when it is used; see docs/scale.md.

Example (a local cluster of two workers; a real one is ``Client("tcp://scheduler:8786")``)::

    from dask.distributed import Client, LocalCluster
    from checker.distributed import map_stories
    from checker.stories import plan

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
        for story, report in map_stories(client, plan(["stories/"])):
            print(story.name, report.counts["discrepancy"])
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checker.model import Report
from checker.stories import StoryInput, check_story


def map_stories(
    client: Any, stories: list[StoryInput], rule_codes: tuple[str, ...] | None = None
) -> Iterator[tuple[StoryInput, Report]]:
    """Each story with its report, computed on the cluster behind `client` (a dask.distributed Client), in
    the order given. Each story is one task; a worker reads the story's files itself, so the files must be
    where the workers can read them (a shared or network file system)."""
    futures = client.map(check_story, stories, rule_codes=rule_codes, pure=False)
    try:
        for story, future in zip(stories, futures):
            yield story, future.result()
    finally:
        client.cancel(futures)
