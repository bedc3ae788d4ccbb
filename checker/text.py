"""Text primitives shared by the loader and the rules: sentences, words, terms.

All functions return offsets into the string they are given; nothing is
rewritten in place. The sentence splitter is a regex with an abbreviation
list, the usual fast path (pysbd is accurate but ~10x slower than factcheck's
budget, see ../shared/DEPENDENCIES.md).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

from checker import caches, vocab
from checker.caches import per_story
from checker.model import Span

# a word: letters of any script ("Zürich", "Société"), joined by apostrophes or hyphens; or a number
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-]+[^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets),
# then whitespace, then something that can open a sentence.
# Linear on any input: a match starts only at the first mark of a run ("....": one try, not one per
# mark) and the runs are possessive (giving back a mark or a closer never lets whitespace follow).
_END_RE = re.compile(r"""(?<![.!?])[.!?]++["'”’)\]]*+(?=\s+["'“‘(\[]?[A-Z0-9])""")
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}")
_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


_LOWER_WORD = re.compile(r"[a-z]+")


@caches.per_article
def sentence_words(article) -> dict[Span, frozenset[str]]:
    """Each story sentence's words, lower-cased letters only: the cheap test rules run before a pattern
    ("does this sentence hold any word of my vocabulary?"), computed once per article for every rule."""
    text = article.text
    return {s: frozenset(_LOWER_WORD.findall(text[s.start : s.end].lower())) for s in article.sentences}


@functools.cache
def abbreviations() -> frozenset[str]:
    """Words a full stop after which ends no sentence: text.toml's and the calendar's ("Sept.")."""
    from checker import calendar

    return vocab.word_set("text", "abbreviations") | calendar.abbreviations()


_abbreviations = abbreviations


@functools.cache
def stopwords() -> frozenset[str]:
    """Words that carry no subject matter: text.toml's, month and weekday names, number words and scales."""
    from checker import calendar, quantity

    figures = [*quantity.number_words(), *quantity.scales(), *quantity.suffixes()]
    plurals = [w + "s" for w in [*quantity.multipliers(), *quantity.scales()]]  # "dozens", "thousands"
    return vocab.word_set("text", "stopwords") | calendar.all_names() | frozenset(figures) | frozenset(plurals)


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
        mark = para.start + m.start()
        if m.group() == "." and _LIST_NUMBER.fullmatch(text, s, mark):
            continue  # "2. Check the ...": a list number, not a sentence
        # the word before the full stop (the run of letters and dots back from it, within the sentence):
        # an abbreviation or an initial does not end a sentence. Read backwards, so a sentence that does
        # not end ("Mr. Mr. Mr. ...") is not read again from its start at every mark.
        run = mark
        if m.group().startswith("."):
            while run > s and text[run - 1] in _RUN_CHARS:
                run -= 1
        if run < mark:
            word = text[run:mark].lower()
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


@functools.cache
def _irregular() -> dict[str, str]:
    return vocab.load("synonyms").get("irregular", {})


def irregular_form(word: str) -> bool:
    """Whether a word is an irregular verb form of the vocabulary ("broke", "held"): a verb without -ed."""
    return word.lower().replace("’", "'") in _irregular()


@functools.cache
def _phrases() -> dict[tuple[str, str], str]:
    out = {}
    for k, v in vocab.load("synonyms").get("phrases", {}).items():
        verb, particle = k.split()
        out[(stem(verb), particle)] = v
    return out


@functools.cache
def _particles() -> frozenset[str]:
    """The second words of the phrase table ("down" of "taken down")."""
    return frozenset(p for _, p in _phrases())


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The base form of a word: "segments" -> "segment", "aired" -> "air", "said" -> "say".

    The irregular forms of checker/vocab/synonyms.toml first, then lemminflect's
    dictionary of English word forms. Without a tagger a form can belong to
    several parts of speech; a word that is a noun in its own right stays
    itself ("firing", "planes" -> "plane", never "plan"), any other takes its
    verb reading first ("agreed" -> "agree"). A pure function of the word.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _irregular():
        return _irregular()[w]
    if len(w) <= 2 or not any(c.isalpha() for c in w):
        return w
    lemmas = _lemmas(w)
    if lemmas:
        if w in lemmas.get("noun", ()):
            return w
        for pos in ("verb", "noun", "adj", "adv", "aux"):
            if pos in lemmas:
                return lemmas[pos][0].lower()
    if word[:1].isupper() and w.isalpha():  # a name the dictionary does not know ("Nile") is kept whole
        return w
    return _unlisted(w)


def _unlisted(w: str) -> str:
    """A word the dictionary does not list: a plural loses its ending ("heists"), a verb form
    ("benched") comes back to a verb the dictionary lists."""
    if w.endswith(("ing", "ed")):
        cut = 3 if w.endswith("ing") else 2
        base = w[:-cut]
        for cand in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else ""):
            if len(cand) > 2 and cand in _lemmas(cand).get("verb", ()):
                return cand
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _lemmas(w: str) -> dict[str, tuple[str, ...]]:
    """Part of speech ("noun", "verb", ...) -> lemmas of the lowercase word w, from lemminflect's table."""
    keys, lines = _lemma_table()
    out: dict[str, tuple[str, ...]] = {}
    i = bisect.bisect_left(keys, w)
    while i < len(keys) and keys[i] == w:
        _, pos, forms = lines[i].split(",", 2)
        out.setdefault(pos, tuple(forms.split("/")))
        i += 1
    return out


@functools.cache
def _lemma_table() -> tuple[list[str], list[str]]:
    """lemminflect's lookup table of word forms (lemma_lu.csv.gz: "word,pos,lemma[/lemma]" lines sorted by word).

    Read straight from the package's data, without importing the package:
    its import pulls in numpy and its own loader takes ~0.45 s in all, a
    lookup table read this way ~0.05 s, once, on the first word.
    """
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("factcheck needs lemminflect (pip install lemminflect) for the base forms of words")
    path = Path(spec.submodule_search_locations[0]) / "resources" / "lemma_lu.csv.gz"
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    keys = [line[: line.find(",")] for line in lines]
    return keys, lines


# canonical term -> the shortest word of the story's sentences that gives it, for display only. Story-scoped:
# filled by content_terms (itself a per-story cache, so every sentence read in a story is read afresh)
# and cleared with it, so a topic's words come from the story alone, whatever the process checked before.
_SURFACE: dict[str, str] = {}
_SEEN: set[str] = set()  # the story's words already offered to _SURFACE (a word always gives one term)
caches.register(_SURFACE.clear)
caches.register(_SEEN.clear)


@functools.lru_cache(maxsize=65536)
def canon(word: str) -> str:
    """The canonical term for a word: its stem, mapped through the synonym groups (cached, no side effects)."""
    s = stem(word)
    return vocab.synonym_map().get(s, s)


def _remember(term: str, w: str) -> None:
    """Keep w (lowercase) as the display word of term if it is the shortest yet, then the first in order:
    the same choice whatever the order sentences are read in. Callers offer each word of the story once."""
    _SEEN.add(w)
    seen = _SURFACE.get(term)
    if seen is None or (len(w), w) < (len(seen), seen):
        _SURFACE[term] = w


def surface(term: str) -> str:
    """A readable word for a canonical term ("remov" -> "removed"): the shortest word of the story that gives it."""
    return _SURFACE.get(term, term)


@per_story  # every claim of a sentence reads its sentence's terms
def content_terms(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """Canonical content terms (stopwords and bare numbers dropped) with their offsets.

    Cached: every claim of a sentence asks for its sentence's terms, and a
    str caches its own hash, so the key costs nothing after the first call.
    """
    stops = stopwords()
    phrases = _phrases()
    particles = _particles()
    seen = _SEEN
    out = []
    ws = words(text, start, end)
    skip_next = False
    for i, (w, s, e) in enumerate(ws):
        if skip_next:
            skip_next = False
            continue
        lw = w.lower()
        nxt = ws[i + 1][0].lower() if i + 1 < len(ws) else ""
        phrase = phrases.get((stem(lw), nxt)) if nxt in particles else None
        if phrase:  # "taken down" = removed
            out.append((vocab.synonym_map().get(phrase, phrase), s, ws[i + 1][2]))
            skip_next = True
            continue
        if lw in stops or w[0].isdigit() or len(lw) < 2:
            continue
        if "-" in w:  # "data-center" meets "data center", "third-quarter" meets "third quarter"
            pos = s
            for part in w.split("-"):
                lp = part.lower()
                if len(part) > 1 and lp not in stops and not part[0].isdigit():
                    term = canon(part)
                    if lp not in seen:
                        _remember(term, lp)
                    out.append((term, pos, pos + len(part)))
                pos += len(part) + 1
            continue
        term = canon(w)
        if lw not in seen:
            _remember(term, lw)
        out.append((term, s, e))
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
    # the terms do not overlap and are in text order: binary searches, not a scan per claim (a sentence
    # of a hostile page may hold thousands of claims)
    i = bisect.bisect_right(terms, start, key=lambda t: t[2])  # those that end by `start`
    j = bisect.bisect_left(terms, end, key=lambda t: t[1])  # the first that starts at `end` or after
    j = max(i, j)
    return [frozenset(t[0] for t in (*terms[max(0, i - w) : i], *terms[j : j + w])) for w in widths]


LETTERS_RE = re.compile(r"[^\W\d_]+")  # a run of letters, any script: "Zürich" is one word, "don't" two


def letter_words(text: str) -> list[str]:
    """The runs of letters in a text ("Zürich's 3 banks" -> ["Zürich", "s", "banks"]): the quick word list
    rules read near a figure, where numbers and apostrophes do not matter."""
    return LETTERS_RE.findall(text)
