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
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)
_CLEARERS: list[Callable[[], None]] = []


def per_story(fn: F) -> F:
    """functools.cache, emptied after each story."""
    cached = functools.cache(fn)
    _CLEARERS.append(cached.cache_clear)
    return cached  # type: ignore[return-value]


def register(clear: Callable[[], None]) -> None:
    """Register another cache's clear function (a dict keyed by article)."""
    _CLEARERS.append(clear)


def clear() -> None:
    for c in _CLEARERS:
        c()
