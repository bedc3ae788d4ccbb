"""What a figure measures: its measure class, read off the words around it.

News states one fact many ways: "killing 10 people", "ten people were
killed", "the death toll rose to 10", "which killed ten". A figure's frame is
what it measures (a measure class of checker/vocab/measures.toml: deaths,
injured, arrested, population, votes, magnitude ...), the thing it counts
(the counted noun, the rule's business) and its value. Two figures may be
one fact only when their classes agree; "10 killed" and "10 injured" never
are, whatever words they share.

The reader is three lookups on lower-cased words, no pattern per class:

- ``before``: the phrase that ends just before the figure ("killing", "mother
  of"), or a measure noun joined to it by bridge words ("the death toll rose
  to 10", "a population of about 120,000");
- ``after``: the phrase after the figure and its counted noun, auxiliaries
  skipped ("10 people were reportedly killed", "50 hurt");
- the counted noun itself when it names the measure ("10 deaths").

Example: ``measure_of(["the", "blast", "killing"], "people", ["in", "the"])``
is ``"deaths"``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from checker import vocab


@dataclass(frozen=True, slots=True)
class MeasureClass:
    name: str
    people: bool  # counts people: the counted noun may be left out ("killed 10")
    bare: bool  # a figure with no noun may be a claim of this class ("killing 10"; not "ten in favour")
    static: bool  # a standing property (population, magnitude): two such figures of a story are likely one
    before: frozenset[tuple[str, ...]]
    after: frozenset[tuple[str, ...]]
    nouns: frozenset[tuple[str, ...]]


def _phrases(items: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.lower().split()) for p in items)


@functools.cache
def classes() -> dict[str, MeasureClass]:
    """Measure class name -> its words, from checker/vocab/measures.toml."""
    v = vocab.load("measures")
    return {
        name: MeasureClass(
            name,
            bool(t["people"]),
            bool(t.get("bare", True)),
            bool(t.get("static", False)),
            _phrases(t["before"]),
            _phrases(t["after"]),
            _phrases(t["nouns"]),
        )
        for name, t in v["classes"].items()
    }


@functools.cache
def people_verbs() -> frozenset[str]:
    """The verbs of the phrases before or after a figure that counts people ("killing", "hurt", "shot"): a
    sentence without one names no victims one by one."""
    from checker.text import irregular_form

    words = {w for c in classes().values() if c.people and c.bare for part in (c.before, c.after) for p in part for w in p}
    return frozenset(w for w in words if w.endswith(("ed", "ing")) or irregular_form(w))


@functools.cache
def _bridges() -> frozenset[str]:
    return frozenset(vocab.load("measures")["bridges"])


@functools.cache
def _auxiliaries() -> frozenset[str]:
    return frozenset(vocab.load("measures")["auxiliaries"])


@functools.cache
def _index(part: str) -> dict[tuple[str, ...], str]:
    """phrase -> class for one part (before, after, nouns); a phrase in two classes belongs to the first."""
    out: dict[tuple[str, ...], str] = {}
    for c in classes().values():
        for p in getattr(c, part):
            out.setdefault(p, c.name)
    return out


@functools.cache
def _longest(part: str) -> int:
    return max((len(p) for p in _index(part)), default=0)


def _ends_with(words: list[str], part: str) -> str | None:
    """The class of the longest phrase of `part` that `words` end with."""
    index = _index(part)
    for n in range(min(_longest(part), len(words)), 0, -1):
        cls = index.get(tuple(words[-n:]))
        if cls:
            return cls
    return None


def _starts_with(words: list[str], part: str) -> str | None:
    index = _index(part)
    for n in range(min(_longest(part), len(words)), 0, -1):
        cls = index.get(tuple(words[:n]))
        if cls:
            return cls
    return None


def measure_before(before: list[str]) -> str | None:
    """The class that the words just before a figure give it ("killing", "the death toll rose to")."""
    if not before:
        return None
    cls = _ends_with(before, "before")
    if cls:
        return cls
    bridges = _bridges()
    k = len(before)
    while k > 0 and before[k - 1] in bridges and len(before) - k < 4:
        k -= 1
    if k == len(before):
        return None  # a measure noun must be bridged to the figure: "toll [of] 10", not "toll 10"
    cls = _ends_with(before[:k], "nouns")
    if cls or before[k:] == ["of"]:
        return cls
    # "the death toll [from the explosion in X] rose to 10": the nearest measure noun of the clause
    for j in range(k - 1, max(-1, k - 9), -1):
        cls = _ends_with(before[: j + 1], "nouns")
        if cls:
            return cls
    return None


def measure_after(after: list[str]) -> str | None:
    """The class that the words after a figure (and its counted noun) give it ("were killed", "hurt")."""
    aux = _auxiliaries()
    k = 0
    while k < len(after) and k < 4 and after[k] in aux and not _starts_with(after[k:], "after"):
        k += 1
    return _starts_with(after[k:], "after") if k < len(after) else None


def measure_of_noun(noun: str) -> str | None:
    """The class a counted noun names by itself ("deaths", "fatalities"), else None."""
    return _index("nouns").get((noun.lower(),))


def measure_of(before: list[str], noun: str | None, after: list[str]) -> str | None:
    """A figure's measure class from the lower-cased words before it, its counted noun and the words after."""
    if noun:
        cls = measure_of_noun(noun)
        if cls:
            return cls
    return measure_before(before) or measure_after(after)


def allows_bare(cls: str | None) -> bool:
    """Whether a figure with no counted noun may be a claim of this class."""
    c = classes().get(cls) if cls else None
    return c is not None and c.bare


def is_static(cls: str | None) -> bool:
    """Whether a measure class is a standing property (a population, a magnitude), stated once per story."""
    c = classes().get(cls) if cls else None
    return c is not None and c.static


def counts_people(cls: str | None) -> bool:
    """Whether a measure class counts people (so two such figures need not name the same noun)."""
    c = classes().get(cls) if cls else None
    return c is not None and c.people
