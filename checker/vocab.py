"""Load factcheck's word lists, once, on first use.

Words live in data, never in engine code (see STYLE.md, dateparser's split):
a newsroom extends a vocabulary file without touching Python.

Two folders, one namespace of file names:

- ``checker/vocab/*.toml``: the engine's words (calendar, numbers, text,
  synonyms, names, furniture, dateline), read by checker/*.py. Rules reach
  them through checker APIs (``checker.calendar``, ``checker.quantity``,
  ``checker.text``, ``checker.entities``), never by file.
- ``rules/vocab/<rule>.toml``: one file per rule, read only by that rule.

A newsroom's own words: ``configure(path)`` merges one TOML file over the
package's vocabulary before anything reads it (``[tool.factcheck] vocab`` in
pyproject.toml, see checker/cli.py and README.md). Its tables are keyed by
file name (``[money]``, ``[synonyms.groups]``); lists are extended, tables
updated, values replaced. A file name, or a top-level key of a file, that the
package does not have is a ``VocabError``: a misspelt key would otherwise be
dead data nobody reads.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

ENGINE_DIR = Path(__file__).resolve().parent / "vocab"
RULES_DIR = Path(__file__).resolve().parent.parent / "rules" / "vocab"


class VocabError(ValueError):
    """A newsroom vocabulary file the package cannot merge (one line, for the CLI's exit 2)."""


@functools.cache
def files() -> dict[str, Path]:
    """Vocabulary file name -> path, engine and rules together (a name may be in one folder only)."""
    out: dict[str, Path] = {}
    for folder in (ENGINE_DIR, RULES_DIR):
        for path in sorted(folder.glob("*.toml")):
            if path.stem in out:
                raise VocabError(f"vocabulary file {path.stem}.toml is in both {out[path.stem].parent} and {folder}")
            out[path.stem] = path
    return out


def is_engine(name: str) -> bool:
    """Whether a vocabulary file is the engine's (checker/vocab), not a rule's."""
    return files()[name].parent == ENGINE_DIR


_overlay: dict[str, dict[str, Any]] = {}
_overlay_path: Path | None = None
_trace: _Trace | None = None


def _read(name: str) -> dict[str, Any]:
    path = files().get(name)
    if path is None:
        raise KeyError(f"no vocabulary file {name}.toml in {ENGINE_DIR} or {RULES_DIR}")
    with open(path, "rb") as fh:
        return tomllib.load(fh)


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed vocabulary file <name>.toml, with the newsroom's words merged over it."""
    data = _read(name)
    if name in _overlay:
        data = _merge(data, _overlay[name], name, top=True)
    if _trace is not None:
        return _trace.wrap(data, (name,))
    return data


def longest_first(phrase: str | tuple) -> tuple:
    """Sort key for a vocabulary alternation: the longest phrase first, so that a regex alternation tries
    "per cent" before "per", and ties alphabetical, so that a pattern built from a set reads the same in
    every process (a set's order changes with the hash seed).

    >>> sorted({"mon", "monday", "fri"}, key=longest_first)
    ['monday', 'fri', 'mon']
    """
    return (-len(phrase), phrase)


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


# ---------------------------------------------------------------- a newsroom's words


def overlay() -> dict[str, dict[str, Any]]:
    """The newsroom vocabulary merged over the package's ({} when none): part of a cached report's key."""
    return _overlay


def configure(path: str | Path | None) -> None:
    """Merge the newsroom vocabulary file at `path` over the package's (None: the package's alone).

    Call it before the first read: rules cache what they build from the words.
    Every table is checked here, so a bad file fails at once with one line.
    """
    global _overlay, _overlay_path
    if path is None:
        new: dict[str, dict[str, Any]] = {}
    else:
        p = Path(path)
        try:
            with open(p, "rb") as fh:
                new = tomllib.load(fh)
        except OSError as err:
            raise VocabError(f"vocab file {p}: {err.strerror or err}") from None
        except tomllib.TOMLDecodeError as err:
            raise VocabError(f"vocab file {p}: {err}") from None
        for name, table in new.items():
            if name not in files():
                raise VocabError(f"vocab file {p}: unknown vocabulary [{name}] (known: {', '.join(sorted(files()))})")
            if not isinstance(table, dict):
                raise VocabError(f"vocab file {p}: [{name}] must be a table")
            try:
                _merge(_read(name), table, name, top=True)
            except VocabError as err:
                raise VocabError(f"vocab file {p}: {err}") from None
        path = p
    _overlay, _overlay_path = new, (Path(path) if path else None)
    load.cache_clear()
    word_set.cache_clear()
    synonym_map.cache_clear()
    from checker import caches

    caches.clear()  # what a story's caches computed from the old words


def _merge(base: Any, extra: Any, where: str, top: bool = False) -> Any:
    """`extra` over `base`: lists extended (no repeats), tables updated, values replaced."""
    if isinstance(base, dict):
        if not isinstance(extra, dict):
            raise VocabError(f"[{where}] must be a table")
        out = dict(base)
        kinds = {_kind(v) for v in base.values()}
        for k, v in extra.items():
            if k in base:
                out[k] = _merge(base[k], v, f"{where}.{k}")
            elif top:
                raise VocabError(f"[{where}] has no key {k!r} (known: {', '.join(sorted(base))})")
            elif len(kinds) == 1 and _kind(v) not in kinds:
                raise VocabError(f"[{where}] {k!r} must be a {kinds.pop()}, like the other entries")
            else:
                out[k] = v
        return out
    if isinstance(base, list):
        if not isinstance(extra, list):
            raise VocabError(f"[{where}] must be a list")
        return [*base, *(x for x in extra if x not in base)]
    if _kind(base) != _kind(extra):
        raise VocabError(f"[{where}] must be a {_kind(base)}")
    return extra


def _kind(v: Any) -> str:
    if isinstance(v, dict):
        return "table"
    if isinstance(v, list):
        return "list"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int | float):
        return "number"
    return "string"


# ---------------------------------------------------------------- tracing (tests/test_vocab.py)


class _Trace:
    """Which keys of which files the code reads: for the dead-data and missing-key checks."""

    def __init__(self) -> None:
        self.read: set[tuple[str, ...]] = set()  # key paths read (a table's own path when it is iterated: "whole")
        self.whole: set[tuple[str, ...]] = set()  # tables iterated or probed for words: their entries are data
        self.missing: set[tuple[str, ...]] = set()  # key paths read that are not there

    def wrap(self, data: Any, path: tuple[str, ...]) -> Any:
        if isinstance(data, dict):
            return _TracedDict(self, path, {k: self.wrap(v, (*path, k)) for k, v in data.items()})
        return data


class _TracedDict(dict):
    __slots__ = ("_t", "_p")

    def __init__(self, trace: _Trace, path: tuple[str, ...], items: dict) -> None:
        super().__init__(items)
        self._t, self._p = trace, path

    def __getitem__(self, k):
        if not super().__contains__(k):
            self._t.missing.add((*self._p, k))
        self._t.read.add((*self._p, k))
        return super().__getitem__(k)

    def get(self, k, default=None):
        if len(self._p) > 1:  # a word looked up in a table of words
            self._t.whole.add(self._p)
        elif super().__contains__(k):
            self._t.read.add((*self._p, k))
        else:  # a file's key read with a fallback: a key the file lacks
            self._t.missing.add((*self._p, k))
        return super().get(k, default)

    def _all(self):
        self._t.whole.add(self._p)

    def __contains__(self, k):
        self._all()
        return super().__contains__(k)

    def __iter__(self):
        self._all()
        return super().__iter__()

    def items(self):
        self._all()
        return super().items()

    def values(self):
        self._all()
        return super().values()

    def keys(self):
        self._all()
        return super().keys()


def start_trace() -> _Trace:
    """Record every key read from now on (before the first read: clears the caches)."""
    global _trace
    _trace = _Trace()
    load.cache_clear()
    word_set.cache_clear()
    synonym_map.cache_clear()
    return _trace
