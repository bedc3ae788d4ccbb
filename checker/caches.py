"""Caches that live as long as one story.

Several rules read the same things (an article's quotes, its names, a
sentence's words), so the first reader's work is cached. Those caches only
help within one story; kept across stories (a benchmark, a batch) they grow,
and Python's garbage collector walks them on every full pass, so a run of a
thousand articles would cost more per article than a run of a hundred. The
pipeline calls `clear()` after each story.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)
_CLEARERS: list[Callable[[], None]] = []


def per_story(fn: F) -> F:
    """functools.cache, emptied after each story."""
    cached = functools.cache(fn)
    _CLEARERS.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


def per_article(fn: F) -> F:
    """A cache of fn(article), keyed by the article object itself (its identity, not its hash).

    An Article is a frozen dataclass whose hash walks its text and every
    sentence span on each call; a lookup by identity costs nothing. Emptied
    after each story, like per_story.
    """
    table: dict[int, tuple[object, object]] = {}

    @functools.wraps(fn)
    def cached(article):  # type: ignore[no-untyped-def]
        hit = table.get(id(article))
        if hit is not None and hit[0] is article:
            return hit[1]
        out = fn(article)
        table[id(article)] = (article, out)
        return out

    _CLEARERS.append(table.clear)
    return cached  # type: ignore[return-value]


def register(clear: Callable[[], None]) -> None:
    """Register another cache's clear function (a dict keyed by article)."""
    _CLEARERS.append(clear)


def clear() -> None:
    for c in _CLEARERS:
        c()


# Python's cyclic collector runs a full pass every ~70,000 allocations; a long article makes hundreds of
# thousands of small objects (claims, spans, term tuples) that are never cyclic garbage, so each pass walks
# all of them again and the time grows faster than the text. The command line collects less often.
GC_THRESHOLD = (50_000, 20, 20)


def tune_gc() -> None:
    """Collect cyclic garbage less often, as the command line runs the pipeline (see GC_THRESHOLD):
    measured on 100 kB of mixed quote marks, 1.31 s with Python's default thresholds, 0.92 s with these."""
    gc.set_threshold(*GC_THRESHOLD)
