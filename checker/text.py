"""Text primitives shared by the loader and the rules: sentences, words, terms.

All functions return offsets into the string they are given; nothing is
rewritten in place. The sentence splitter is a regex with an abbreviation
list, the usual fast path (pysbd is accurate but ~10x slower than factcheck's
budget, see ../shared/DEPENDENCIES.md).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from checker import vocab
from checker.caches import per_story
from checker.model import Span

# a word: letters of any script ("Zürich", "Société"), joined by apostrophes or hyphens; or a number
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-]+[^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets),
# then whitespace, then something that can open a sentence.
_END_RE = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


@functools.cache
def _abbreviations() -> frozenset[str]:
    return vocab.word_set("text", "abbreviations")


@functools.cache
def stopwords() -> frozenset[str]:
    return vocab.word_set("text", "stopwords")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Non-blank lines of text[start:end] as spans, stripped of outer whitespace."""
    end = len(text) if end is None else end
    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield Span(s, e)


def split_sentences(text: str, para: Span) -> list[Span]:
    """Split one paragraph into sentence spans."""
    out: list[Span] = []
    s = para.start
    chunk = text[para.start : para.end]
    for m in _END_RE.finditer(chunk):
        stop = para.start + m.end()
        # the word before the full stop: an abbreviation or an initial does not end a sentence
        before = re.search(r"([A-Za-z.]+)\.$", text[s : para.start + m.start() + 1])
        if m.group() == "." and re.fullmatch(r"\s*\(?\d{1,2}", text[s : para.start + m.start()]):
            continue  # "2. Check the ...": a list number, not a sentence
        if m.group().startswith(".") and before:
            word = before.group(1).lower()
            if word in _abbreviations() or len(word) == 1 or ("." in word and len(word.replace(".", "")) <= 3):
                continue
        if stop > s:
            out.append(_strip(text, s, stop))
        s = stop
    if s < para.end:
        out.append(_strip(text, s, para.end))
    return [sp for sp in out if sp.end > sp.start]


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word or number in text[start:end]."""
    end = len(text) if end is None else end
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]


_STEM_EXCEPTIONS = {"news", "series", "species", "us", "bus", "gas", "this", "his", "is", "was", "has", "as"}


@functools.cache
def _irregular() -> dict[str, str]:
    return vocab.load("synonyms").get("irregular", {})


@functools.cache
def _phrases() -> dict[tuple[str, str], str]:
    out = {}
    for k, v in vocab.load("synonyms").get("phrases", {}).items():
        verb, particle = k.split()
        out[(stem(verb), particle)] = v
    return out


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: enough to meet 'segments' with 'segment', 'aired' with 'air'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _irregular():
        return _strip_e(_irregular()[w])
    if len(w) <= 3 or w in _STEM_EXCEPTIONS:
        return w
    return _strip_e(_suffixes(w))


def _strip_e(w: str) -> str:
    """'remove' and 'removed' both become 'remov'."""
    return w[:-1] if len(w) >= 4 and w.endswith("e") else w


def _suffixes(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
        return w
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 4:
        w = w[:-2]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
        return w
    return w


_SURFACE: dict[str, str] = {}  # canonical term -> a word that gave it, for display only


@functools.lru_cache(maxsize=65536)
def canon(word: str) -> str:
    """The canonical term for a word: its stem, mapped through the synonym groups (cached)."""
    s = stem(word)
    c = vocab.synonym_map().get(s, s)
    w = word.lower()
    seen = _SURFACE.get(c)
    if seen is None or (len(w), w) < (len(seen), seen):
        _SURFACE[c] = w
    return c


def surface(term: str) -> str:
    """A readable word for a canonical term ("remov" -> "removed"): the shortest word seen to give it."""
    return _SURFACE.get(term, term)


@per_story  # every claim of a sentence reads its sentence's terms
def content_terms(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """Canonical content terms (stopwords and bare numbers dropped) with their offsets.

    Cached: every claim of a sentence asks for its sentence's terms, and a
    str caches its own hash, so the key costs nothing after the first call.
    """
    stops = stopwords()
    phrases = _phrases()
    out = []
    ws = words(text, start, end)
    skip_next = False
    for i, (w, s, e) in enumerate(ws):
        if skip_next:
            skip_next = False
            continue
        lw = w.lower()
        phrase = phrases.get((stem(lw), ws[i + 1][0].lower())) if i + 1 < len(ws) else None
        if phrase:  # "taken down" = removed
            out.append((vocab.synonym_map().get(phrase, phrase), s, ws[i + 1][2]))
            skip_next = True
            continue
        if lw in stops or w[0].isdigit() or len(lw) < 2:
            continue
        if "-" in w:  # "data-center" meets "data center", "third-quarter" meets "third quarter"
            pos = s
            for part in w.split("-"):
                if len(part) > 1 and part.lower() not in stops and not part[0].isdigit():
                    out.append((canon(part), pos, pos + len(part)))
                pos += len(part) + 1
            continue
        out.append((canon(w), s, e))
    return tuple(out)


_ATTACHED_NAME = re.compile(r"[^.;:!?]{0,40}?\b(?:of|from|in|at|near|outside|for|by)\s+(?:the\s+)?((?:[A-Z][\w'’\-]*\s*){1,4})")


def attached_names(text: str, end: int, stop: int) -> frozenset[str]:
    """Canonical terms of the name a figure is attached to just after it: "13 miles east of [Cloverdale]"."""
    m = _ATTACHED_NAME.match(text, end, stop)
    if not m:
        return frozenset()
    return frozenset(canon(w) for w in re.findall(r"[A-Za-z][\w'’\-]*", m.group(1)) if w.lower() not in stopwords())


def span_terms(text: str, sentence: Span, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """content_terms of a stretch of a sentence, read off the sentence's cached terms."""
    return tuple(t for t in content_terms(text, sentence.start, sentence.end) if t[1] >= start and t[2] <= end)


def window_terms(text: str, sentence: Span, start: int, end: int, widths: tuple[int, ...] = (10,)) -> list[frozenset[str]]:
    """For each width, the canonical content terms within that many words either side of [start, end)."""
    terms = content_terms(text, sentence.start, sentence.end)
    before = [t[0] for t in terms if t[2] <= start]
    after = [t[0] for t in terms if t[1] >= end]
    return [frozenset(before[-w:] + after[:w]) for w in widths]
