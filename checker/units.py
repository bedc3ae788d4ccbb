"""Units of measure after a figure, and the figure in its dimension's base unit.

The one reader of checker/vocab/units.toml. "64 miles", "103 kilometres",
"3,500ft", "110 mph", "150 pounds" (a weight only with a weight word near:
"pounds" is otherwise money) become a dimension (length, speed, mass, area,
temperature) and a value in its base unit, so that "64 miles (103
kilometres)" is one distance and "110 mph" agrees with "110 miles an hour".

Example: ``read_unit("64 miles south", 2, 14)`` is ``Unit("length",
1609.344, "miles", 8)``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from checker import vocab

DIMENSIONS = ("length", "speed", "mass", "area", "temperature")


@dataclass(frozen=True, slots=True)
class Unit:
    dimension: str
    factor: float  # base units per written unit (temperature: scale)
    word: str  # the unit as a key of the vocabulary ("miles", "km/h")
    end: int  # where the unit's text ends
    offset: float = 0.0  # temperature only: base = (figure - offset) * factor

    def base(self, value: float) -> float:
        """The figure in the dimension's base unit (metres, kg, km/h, square metres, Celsius)."""
        return (value - self.offset) * self.factor


@functools.cache
def _v() -> dict:
    return vocab.load("units")


@functools.cache
def _table() -> dict[str, tuple[str, float, float]]:
    """unit phrase (lower case) -> (dimension, factor, offset)."""
    out: dict[str, tuple[str, float, float]] = {}
    for dim in DIMENSIONS:
        for word, size in _v()[dim].items():
            if isinstance(size, dict):
                out[word.lower()] = (dim, float(size["scale"]), float(size["offset"]))
            else:
                out[word.lower()] = (dim, float(size), 0.0)
    return out


@functools.cache
def _unit_re() -> re.Pattern[str]:
    words = sorted([*_table(), *_v()["pounds"]["words"]], key=vocab.longest_first)
    alts = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words)
    return re.compile(rf"(?P<space>[ \t\u00a0-]?)(?P<unit>{alts})(?![\w/])", re.I)


@functools.cache
def _weight_cues() -> frozenset[str]:
    return frozenset(_v()["pounds"]["cues"])


def read_unit(text: str, pos: int, stop: int, context: str = "") -> Unit | None:
    """The unit written at text[pos:] (glued or after one space or hyphen), or None.

    `context` is the sentence's text, read only to tell weight from money
    when the unit is "pounds".
    """
    m = _unit_re().match(text, pos, stop)
    if not m:
        return None
    word = re.sub(r"[\s-]+", " ", m.group("unit").lower())
    glued = not m.group("space")
    if word in _v()["glued_only"] and not glued:
        return None
    if word == "m":
        nxt = re.match(r"[\s-]*([A-Za-z]+)", text[m.end() : stop])
        if not nxt or nxt.group(1).lower() not in _v()["after_metres"]:
            return None  # "80m people", "EUR 250m.": 80 million
    if word in _v()["pounds"]["words"]:
        words = set(re.findall(r"[a-z]+", context.lower()))
        if not words & _weight_cues():
            return None
        return Unit("mass", float(_v()["pounds"]["unit"]), "pounds", m.end())
    dim, factor, offset = _table()[word]
    return Unit(dim, factor, word, m.end(), offset)


def tolerance() -> float:
    """How far apart two figures in different units may be once converted and still agree."""
    return float(_v()["tolerance"]["converted"])
