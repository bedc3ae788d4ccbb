"""Load factcheck's word lists from rules/vocab/*.toml, once, on first use.

Words live in data, never in engine code (see STYLE.md, dateparser's split):
a newsroom extends a vocabulary file without touching Python.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

VOCAB_DIR = Path(__file__).resolve().parent.parent / "rules" / "vocab"


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file rules/vocab/<name>.toml."""
    with open(VOCAB_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@functools.cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A list in a vocab file as a lowercase set."""
    return frozenset(w.lower() for w in load(name)[key])


@functools.cache
def synonym_map() -> dict[str, str]:
    """Word (already stemmed) -> the canonical name of its synonym group."""
    from checker.text import stem  # local import: text imports vocab

    out: dict[str, str] = {}
    for canon, words in load("synonyms")["groups"].items():
        for w in [canon, *words]:
            for part in w.lower().split():
                out.setdefault(stem(part), canon)
    return out
