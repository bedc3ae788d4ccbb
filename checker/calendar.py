"""Month and weekday names, the one reader of checker/vocab/calendar.toml.

Every consumer (the loader's dateline parser, the text splitter's
abbreviations and stopwords, the names index, the dates and counts rules, the
speech rules) asks here rather than reading the file, so a newsroom that adds
a spelling ("sept.", "weds") adds it everywhere at once.

A name's *full* form is the longest word listed for its number ("september"
for 9); the other words for that number are its abbreviations ("sep", "sept").
"""

from __future__ import annotations

import functools

from checker import vocab


@functools.cache
def months() -> dict[str, int]:
    """Every month name or abbreviation (lowercase) -> month number (1-12)."""
    return {k.lower(): int(n) for k, n in vocab.load("calendar")["months"].items()}


@functools.cache
def weekdays() -> dict[str, int]:
    """Every weekday name or abbreviation (lowercase) -> ISO weekday, Monday = 0 (as date.weekday())."""
    return {k.lower(): int(n) for k, n in vocab.load("calendar")["weekdays"].items()}


def _full(table: dict[str, int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for k, n in table.items():
        if len(k) > len(out.get(n, "")):
            out[n] = k
    return dict(sorted(out.items()))


@functools.cache
def month_names() -> dict[int, str]:
    """Month number -> full name, January first: {1: "january", ...}."""
    return _full(months())


@functools.cache
def weekday_names() -> dict[int, str]:
    """Weekday number -> full name, Monday first: {0: "monday", ...}."""
    return _full(weekdays())


def month(word: str) -> int | None:
    """The month a word names ("Sept." -> 9), or None."""
    return months().get(word.lower().rstrip("."))


def weekday(word: str) -> int | None:
    """The weekday a word names ("Tues" -> 1), or None."""
    return weekdays().get(word.lower().rstrip("."))


@functools.cache
def full_names() -> frozenset[str]:
    """Full month and weekday names: a run of them is a date, not a name."""
    return frozenset(month_names().values()) | frozenset(weekday_names().values())


@functools.cache
def abbreviations() -> frozenset[str]:
    """Month and weekday abbreviations ("jan", "sept", "thurs"): a full stop after one ends no sentence."""
    return frozenset(months()) - frozenset(month_names().values()) | frozenset(weekdays()) - frozenset(weekday_names().values())


@functools.cache
def all_names() -> frozenset[str]:
    """Every month and weekday word, full or abbreviated."""
    return frozenset(months()) | frozenset(weekdays())
