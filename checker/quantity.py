"""Figures as editors write them, and the range of true values each admits.

Shared by the money, counts and dates rules; the one reader of
checker/vocab/numbers.toml. Number words ("three hundred million", "two
dozen", "twelve"), figures ("300m", "2.4bn", "6,000") and hedges ("about",
"more than", "up to") turned into an interval, so that comparing two figures
is intersecting two intervals:

- a plain figure admits what rounds to it at its written precision
  ("$2.3bn" covers 1.05-1.15bn, so it agrees with "$2.31 billion");
- "about X" admits X +/- 10%; "nearly X" [0.9X, X); "more than X" (X, inf);
  "at least X" [X, inf); "up to X" [0, X]; "less than X" [0, X).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from checker import vocab

APPROX = 0.10  # how far "about" reaches either side
EPS = 1e-9


@functools.cache
def _numbers() -> dict:
    return vocab.load("numbers")


@functools.cache
def number_words() -> dict[str, float]:
    """Number words and multipliers -> value: "one" -> 1, "ninety" -> 90, "dozen" -> 12 (no scales)."""
    n = _numbers()
    return {k.lower(): float(v) for k, v in [*n["units"].items(), *n["multipliers"].items()]}


@functools.cache
def multipliers() -> dict[str, float]:
    """Number words that multiply the one before them -> value: "dozen" -> 12."""
    return {k.lower(): float(v) for k, v in _numbers()["multipliers"].items()}


@functools.cache
def scales() -> dict[str, float]:
    """Scale words -> value: "hundred" -> 100, "million" -> 1e6."""
    return {k.lower(): float(v) for k, v in _numbers()["scales"].items()}


@functools.cache
def suffixes() -> dict[str, float]:
    """Abbreviated multipliers written after a figure -> value: "m" -> 1e6, "bn" -> 1e9."""
    return {k.lower(): float(v) for k, v in _numbers()["suffixes"].items()}


def scale_of(word: str) -> float | None:
    """The multiplier a scale word or suffix stands for ("million", "bn"), or None."""
    w = word.lower()
    return scales().get(w) or suffixes().get(w)


@functools.cache
def _fillers() -> frozenset[str]:
    return frozenset(w.lower() for w in _numbers()["fillers"]["words"]) | {""}


@functools.cache
def number_word_re(with_scales: bool = True) -> str:
    """A regex (source) for a run of number words: "one hundred", "twenty-five", "two dozen"."""
    words = sorted([*number_words(), *(scales() if with_scales else ())], key=vocab.longest_first)
    alt = "|".join(words)
    joiners = "|".join(sorted(_fillers() - {""}, key=vocab.longest_first))
    return rf"(?:(?:{alt})(?:[\s-]+(?:(?:{joiners})[\s-]+)?(?:{alt}))*)"


FIGURE_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def finite(*values: float | int | None) -> bool:
    """Every value (None aside) a float can hold: a figure beyond a float's range ("$" and 300 nines,
    ten to the 400th) or infinity or NaN is no figure to compare, and no claim."""
    for x in values:
        if x is None:
            continue
        try:
            if not math.isfinite(x):
                return False
        except OverflowError:  # an int too large for a float
            return False
    return True


def parse_figure(text: str) -> tuple[float, float]:
    """(value, rounding unit) of a written figure: "1.25" -> (1.25, 0.01), "6,000" -> (3000, 0).

    Only written decimals admit rounding ("$2.3bn" covers $2.31 billion); a
    whole figure is taken as exact, so "$5m" and "$2.4m" differ.
    """
    t = text.replace(",", "")
    if "." in t:
        decimals = len(t.split(".")[1])
        return float(t), 10.0**-decimals
    return float(t), 0.0


def parse_words(text: str) -> float | None:
    """Value of number words: "three hundred million" -> 3e8, "twenty-five" -> 25, "two dozen" -> 24.

    A multiplier ("dozen") or a scale multiplies what stands before it, or one
    ("a dozen" = 12); a scale of a thousand or more closes a group ("two
    million three hundred thousand").
    """
    units = _numbers()["units"]
    mults = _numbers()["multipliers"]
    total = current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if w in _fillers():
            continue
        if w in units:
            current += units[w]
            seen = True
        elif w in mults or w in scales():
            scale = mults[w] if w in mults else scales()[w]
            current = (current or 1) * scale
            seen = True
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
    return total + current if seen else None


HEDGE_CLASSES = ("approx", "above", "floor", "ceiling", "below", "just_below")  # the interval shapes `interval` knows


@functools.cache
def hedge_table() -> dict[str, str]:
    """hedge phrase -> class ("approx", "above", "floor", "ceiling", "below", "just_below")."""
    out: dict[str, str] = {}
    for cls in HEDGE_CLASSES:
        for phrase in _numbers()["hedges"][cls]:
            out[re.sub(r"\s+", " ", phrase.lower())] = cls
    return out


@functools.cache
def hedge_re(*classes: str) -> str:
    """A regex (source) for a hedge phrase (of the given classes, else of any), longest first."""
    phrases = sorted((p for p, c in hedge_table().items() if not classes or c in classes), key=vocab.longest_first)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + ")"


def hedge_word(cls: str) -> str:
    """How a report words a hedge class: its first phrase ("about", "more than"); "" for exact and ranges."""
    phrases = _numbers()["hedges"].get(cls) if cls in HEDGE_CLASSES else None
    return phrases[0] if phrases else ""


def hedge_class(phrase: str | None) -> str:
    if not phrase:
        return "exact"
    return hedge_table().get(re.sub(r"\s+", " ", phrase.lower()), "approx")


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    def intersects(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


def interval(value: float, unit: float, hedge: str, high: float | None = None) -> Interval:
    """The true values a figure admits, given its rounding unit and hedge class."""
    if high is not None:  # a range "between X and Y"
        return Interval(value - unit / 2, high + unit / 2)
    half = unit / 2
    if hedge == "approx":
        return Interval(value * (1 - APPROX), value * (1 + APPROX))
    if hedge == "just_below":
        return Interval(value * (1 - APPROX), value * (1 - EPS))
    if hedge == "above":
        return Interval(value * (1 + EPS), math.inf)
    if hedge == "floor":
        return Interval(value - half, math.inf)
    if hedge == "ceiling":
        return Interval(0.0, value + half)
    if hedge == "below":
        return Interval(0.0, value * (1 - EPS))
    return Interval(value - half - abs(value) * EPS, value + half + abs(value) * EPS)


def same_figure(a: float, b: float, hedge_a: str, hedge_b: str) -> bool:
    """One figure, written bare or loosely ("£6.5m" and "some £6.5m"): the same value for alignment."""
    loose = {"exact", "approx"}
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1) and hedge_a in loose and hedge_b in loose


@functools.cache
def baseline_re() -> re.Pattern[str]:
    """A baseline phrase directly after a figure, with no other figure between ("$2.3bn a year earlier")."""
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _numbers()["baseline"])
    return re.compile(rf"^[^.;\d]{{0,25}}?\b(?:{phrases})\b", re.I)


_FROM_RE = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:\S+\s+){0,2}$", re.I)


def is_baseline(text: str, start: int, end: int, stop: int) -> bool:
    """A figure that is the baseline of a comparison: "up from $2.3bn in the same period last year"."""
    return bool(baseline_re().match(text[end:stop])) and bool(_FROM_RE.search(text[max(0, start - 30) : start]))


def fmt_amount(x: float) -> str:
    """12_000_000 -> "12 million", 1_250_000_000 -> "2.75 billion", 3000 -> "6,000"."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(x) >= scale:
            v = x / scale
            return f"{v:.3f}".rstrip("0").rstrip(".") + f" {word}"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def json_number(x: float) -> float | int:
    """A figure as JSON shows it: 3.0 -> 3, 0.1234567 -> 0.123457."""
    return int(x) if x == int(x) else round(x, 6)
