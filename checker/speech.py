"""Speech in an article: quote marks, quotes, who says them, and reported speech.

The engine's speech layer, read by the rules that deal in what people said:
rules/quotes.py (FC104) compares the quotes, rules/paraphrase.py (FC105) sets
reported speech against them, and rules/statements.py (FC108) leaves the
quoted stretches to them. ``speech_of(article)`` computes it all once per
article (cached for the story); ``marks_of(article)`` is the one quote-mark
scan, which every module that needs quote marks reads.

Quote marks
    Straight ("...") or curly (“...”) marks are paired paragraph by paragraph;
    a straight mark opens or closes by what stands around it. A paragraph
    that opens a quote without closing it runs on into the next paragraph
    that opens with a quote mark, and one the next paragraph does not reopen
    (its closing mark lost) ends with its paragraph; a quote split by an attribution ("This is,"
    she said, "only the start") is one quote in two parts. Quoted stretches
    whose words are in title case ("Harbour Safety Review 2024") are titles.
    Single marks ('...' or ‘...’, the British style) open and close quotes
    too, but never an apostrophe: inside a word ("don't"), eliding a word's
    start ("'90s", "rock 'n' roll"), or a plural's possessive ("the pirates'
    boats", a close that another single close follows before any opens).
    Inside a quote, the other kind of mark opens a quote within it, or, with
    none open, is the quote's own closing mark set wrong (“We will,' she
    said). A single quote left open at its paragraph's end was an apostrophe:
    the paragraph is paired again on its double marks alone.
    ``marks_of(article)`` is this scan alone: checker/entities.py reads it to
    skip capitals in quoted titles, rules read it for "is this in a quote".

Attributions
    Every speech or reporting verb outside quote marks ("said", "told",
    "according to", "described ... as") with its speaker, read from the noun
    phrase before or after it: "X said", "said X", "X, the chief executive of
    Y, said", "according to X"; "he said" and "she added" refer back to the
    last person named before them, "it said" and "the company said" to the
    last body or document ("the report says"). ``region`` is the text it
    reports, outside quote marks.

Speakers
    Who the article names (for "he said", "it said" and a surname alone) is
    read off checker.entities' mentions, the one name finder. Inside the few
    words of the noun phrase next to a verb, a small reader of capitalised
    runs (``_runs``) still picks the name and its kind: entities drops a
    capitalised speaker noun that opens a sentence ("Police said",
    "Residents along X Street said"), splits "X and Y" that speak together,
    and would give the speech to a name used as a modifier ("The US software
    giant said"); replacing it with the mentions lost those speakers.

Quotes
    Each quote gets the speaker of the attribution right after it (or between
    its parts), else of the last one before it in its sentence; a quote
    paragraph with no attribution continues the quote before it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from checker import calendar, entities, vocab
from checker.caches import per_article, per_story
from checker.claims import make_claim, sentence_of
from checker.model import Article, Claim, Span
from checker.text import WORD_RE, abbreviations, stopwords

PERSON_KINDS = ("person", "official")


# ---------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words (lowercase, no punctuation) and who says them.

    ``speaker`` is the name as the story gives it (a pronoun resolved to the
    name it refers to); ``speaker_start``/``speaker_end`` is where that name is
    written; ``speaker_kind`` is person, official (a person with an office),
    body, document or group; ``parts`` are the quoted stretches when an
    attribution or a paragraph break splits the quote.
    """

    words: tuple[str, ...]
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None
    parts: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"words": " ".join(self.words), "speaker": self.speaker}
        if self.speaker is not None:
            out["speaker_start"] = self.speaker_start
            out["speaker_end"] = self.speaker_end
            out["speaker_kind"] = self.speaker_kind
        if len(self.parts) > 1:
            out["parts"] = [list(p) for p in self.parts]
        return out


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    start: int
    end: int
    kind: str  # person, official, body, document, group, name (a bare name of unknown kind)
    via: str = "named"  # named, pronoun, continuation


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speech verb and its speaker; ``region`` is the text it reports, outside quote marks.

    ``side`` is "after" when the reported words follow the verb ("X said the
    plan ...") and "before" when the attribution trails them ("The plan ...,
    X said."); "mid" for a parenthetical attribution ("The plan, said X, was ...").
    """

    verb: str
    verb_start: int
    verb_end: int
    speaker: Speaker | None
    sentence: Span
    side: str
    region: Span


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quote of an article: ``article.text[start:end]`` from its first word to its last, in its sentence."""

    start: int
    end: int
    sentence: Span
    value: Quote


class SpanIndex:
    """Spans (start, end) asked "which reach into [start, end)?" and "does one cover pos?" in log time.

    Exact for any spans: the lookups read the spans sorted by start (with the running furthest end) when
    their ends run in the same order (quoted stretches do: they never nest), else scan them all.
    """

    __slots__ = ("spans", "starts", "ends", "reach", "ordered", "starts_sorted")

    def __init__(self, spans) -> None:
        self.spans = tuple(spans)
        self.starts = [sp.start for sp in self.spans]
        self.ends = [sp.end for sp in self.spans]
        self.ordered = all(
            self.starts[i] <= self.starts[i + 1] and self.ends[i] <= self.ends[i + 1] for i in range(len(self.spans) - 1)
        )
        ordered = sorted(self.spans, key=lambda sp: sp.start)
        self.reach: list[int] = []  # reach[k]: the furthest end of the k + 1 first spans by start
        far = -1
        for sp in ordered:
            far = max(far, sp.end)
            self.reach.append(far)
        self.starts_sorted = None if self.ordered else [sp.start for sp in ordered]

    def overlapping(self, start: int, end: int) -> tuple:
        """The spans with span.start < end and start < span.end, in their own order."""
        if not self.ordered:
            return tuple(sp for sp in self.spans if sp.start < end and start < sp.end)
        return self.spans[bisect.bisect_right(self.ends, start) : bisect.bisect_left(self.starts, end)]

    def covers(self, pos: int) -> bool:
        """Whether some span has span.start <= pos < span.end."""
        k = bisect.bisect_right(self.starts if self.ordered else self.starts_sorted, pos)
        return k > 0 and self.reach[k - 1] > pos


@dataclass(frozen=True)
class Marks:
    """The quote-mark scan of one article (``marks_of``): what every reader of quote marks uses.

    ``quoted``: each quoted stretch with its marks (a split or multi-paragraph
    quote gives one per part); ``inner``: the same inside the marks, plus the
    stretches in single curly marks (‘...’); ``titles``: the quoted stretches
    that are titles, trimmed; ``opens``: where the words of each stretch begin;
    ``marks``: the offsets of the paired marks, sorted.
    """

    quoted: tuple[Span, ...]
    inner: tuple[Span, ...]
    titles: tuple[Span, ...]
    opens: frozenset[int]
    marks: tuple[int, ...]
    raws: tuple[_Raw, ...] = field(default=(), repr=False)

    @functools.cached_property
    def index(self) -> SpanIndex:
        """The quoted stretches indexed for lookups: a sentence reads its own quotes, not the article's."""
        return SpanIndex(self.quoted)

    def in_quote(self, start: int, end: int) -> bool:
        """Whether [start, end) reaches into a quoted stretch."""
        return bool(self.index.overlapping(start, end))

    def inside(self, start: int, end: int) -> int:
        """How many characters of [start, end) are in quote marks."""
        return sum(max(0, min(end, q.end) - max(start, q.start)) for q in self.index.overlapping(start, end))

    def first_mark(self, start: int, end: int) -> int | None:
        """The offset of the first quote mark in [start, end), or None."""
        i = bisect.bisect_left(self.marks, start)
        return self.marks[i] if i < len(self.marks) and self.marks[i] < end else None

    def unquoted(self, text: str, start: int, end: int) -> str:
        """text[start:end] with its quoted stretches blanked out."""
        chunk = list(text[start:end])
        for q in self.index.overlapping(start, end):
            for i in range(max(start, q.start), min(end, q.end)):
                chunk[i - start] = " "
        return "".join(chunk)

    def stretches(self, start: int, end: int) -> list[Span]:
        """The inner stretches that lie within [start, end), in text order (they are sorted by start: a
        bisect, not a scan of the article's every quote for each sentence)."""
        k = bisect.bisect_left(self.inner, start, key=lambda sp: sp.start)
        out = []
        while k < len(self.inner) and self.inner[k].start <= end:
            if self.inner[k].end <= end:
                out.append(self.inner[k])
            k += 1
        return out


@dataclass(frozen=True)
class Speech:
    """What ``speech_of(article)`` returns: the quotes, every attribution, the quote marks."""

    quotes: tuple[Quoted, ...]
    attributions: tuple[Attribution, ...]
    marks: Marks

    @property
    def quoted(self) -> tuple[Span, ...]:
        """Every stretch in quote marks, marks included."""
        return self.marks.quoted

    @property
    def titles(self) -> tuple[Span, ...]:
        """The quoted stretches that are titles ("Annual Review")."""
        return self.marks.titles

    def in_quote(self, start: int, end: int) -> bool:
        return self.marks.in_quote(start, end)


# ---------------------------------------------------------------- vocabulary


@functools.cache
def _v() -> dict:
    return vocab.load("speech")


@functools.cache
def _set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _v()[key])


def reporting_verbs() -> frozenset[str]:
    """Verbs that report speech without quoting it ("announced", "warned"): speech.toml."""
    return _set("reporting_verbs")


def speaker_articles() -> frozenset[str]:
    """The articles ("the", "a", "an") that open a speaker's noun phrase."""
    return _set("articles")


@functools.cache
def _pronouns() -> dict[str, str]:
    """Pronoun -> the kind of speaker it refers back to."""
    return dict(_v()["pronouns"])


@functools.cache
def _speaker_nouns() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in ("group", "document", "body", "person"):
        for w in _v()["speaker_nouns"][kind]:
            out.setdefault(w, kind)
    return out


@functools.cache
def _verb_phrases() -> tuple[tuple[str, ...], ...]:
    """Speech and reporting verbs as word tuples, longest first."""
    words = set(_v()["speech_verbs"]) | set(_v()["reporting_verbs"])
    return tuple(sorted((tuple(w.split()) for w in words), key=vocab.longest_first))


@functools.cache
def _speech_set() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.split()) for w in _v()["speech_verbs"])


# ---------------------------------------------------------------- tokens

# the attribution parser's tokens: initials ("U.S."), words of any script with inner "'", "&", "." and "-"
# ("AT&T", "Zürich"), a plural possessive's apostrophe, and the punctuation that bounds a noun phrase
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w'’&.\-]*[^\W_])?(?:(?<=s)['’](?![^\W\d_]))?|[,;:!?()\[\]\"“”—–]|\.")
_ABBREV_TITLE = re.compile(r"^(?:[A-Z]|[A-Z][a-z]{1,3})$")  # "M", "Rep", "Sen", "Dr": a full stop may follow


class Tok(NamedTuple):
    """(A named tuple, not a frozen dataclass: tens of thousands are made per story, and a tuple is made
    several times faster.)"""

    text: str
    start: int
    end: int
    low: str  # lowercase, curly apostrophe made straight
    is_word: bool
    cap: bool


def _tok(t: str, start: int, end: int) -> Tok:
    return Tok(t, start, end, t.lower().replace("’", "'"), t[0].isalnum(), t[0].isupper())


def tokens(text: str, start: int, end: int) -> tuple[Tok, ...]:
    """Words and punctuation of text[start:end]; "Rep." and "M." keep their full stop.

    Not cached: the attribution parser reads each sentence's tokens once, and keeping them for the story
    held about 300 bytes per word (a quarter of the memory a long article takes)."""
    out: list[Tok] = []
    for m in _WORD.finditer(text, start, end):
        t = m.group()
        if (
            t == "."
            and out
            and out[-1].end == m.start()
            and _ABBREV_TITLE.match(out[-1].text)
            and (out[-1].low in abbreviations() or len(out[-1].text) == 1)
        ):
            prev = out.pop()
            out.append(_tok(text[prev.start : m.end()], prev.start, m.end()))
            continue
        out.append(_tok(t, m.start(), m.end()))
    return tuple(out)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").rstrip(".")


# checker.text's words, with words and numbers that touch kept as one ("MP3", "1950s", "21st")
SPOKEN_WORD_RE = re.compile(f"(?:{WORD_RE.pattern})+")


def quote_words(text: str, parts: tuple[tuple[int, int], ...]) -> list[tuple[str, int, int]]:
    """Normalised words of the quoted parts with their offsets (hyphens split words)."""
    return list(iter_quote_words(text, parts))


def iter_quote_words(text: str, parts: tuple[tuple[int, int], ...]) -> Iterator[tuple[str, int, int]]:
    """quote_words one at a time (for a whole article's words, not held as a list)."""
    for s, e in parts:
        for m in SPOKEN_WORD_RE.finditer(text, s, e):
            pos = m.start()
            for part in m.group().split("-"):
                if part:
                    yield part.lower().replace("’", "'"), pos, pos + len(part)
                pos += len(part) + 1


# ---------------------------------------------------------------- paragraphs and quote marks


def _paragraphs(article: Article) -> list[Span]:
    """The story's paragraphs: runs of sentences with no line break between them."""
    out: list[Span] = []
    text = article.text
    for s in article.sentences:
        if out and "\n" not in text[out[-1].end : s.start]:
            out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(Span(s.start, s.end))
    return out


OPEN_CURLY, CLOSE_CURLY = "“", "”"
_MARK_CHARS = '"“”'
_MARKS = re.compile(f"[{_MARK_CHARS}]")
_SINGLE_CHARS = "‘’'"
_ALL_MARKS = re.compile(f"[{_MARK_CHARS}{_SINGLE_CHARS}]")
_OPEN_BEFORE = set(" \t\r\n([{—–-/")
_CLOSE_AFTER = set(" \t\r\n.,;:!?)]}—–-")
_SINGLE_OPEN_BEFORE = _OPEN_BEFORE | set('"“')
_SINGLE_CLOSE_AFTER = _CLOSE_AFTER | set('"”')
_QUOTE_END_PUNCT = set(",.!?…")  # the punctuation a quote's words end with, inside its closing mark


def _mark_kind(text: str, i: int, lo: int, hi: int) -> str:
    ch = text[i]
    if ch == OPEN_CURLY:
        return "open"
    if ch == CLOSE_CURLY:
        return "close"
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    opening = (prev in _OPEN_BEFORE or i == lo) and not nxt.isspace()
    closing = (nxt in _CLOSE_AFTER or i + 1 >= hi) and not prev.isspace()
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "either"


@functools.cache
def _elision() -> re.Pattern:
    """What follows an apostrophe that elides the start of a word ("'n'", "'em", "'90s")."""
    words = "|".join(sorted((re.escape(w) for w in _v()["elisions"]), key=vocab.longest_first))
    return re.compile(rf"(?:\d\ds?|(?i:{words}))(?![^\W_])")


def _single_kind(text: str, i: int, lo: int, hi: int, skip: set[int]) -> str | None:
    """A single mark ('...' or ‘...’) that opens ("open"), closes ("close"), closes unless it is a plural's
    possessive ("weak": "the pirates' boats"), or is an apostrophe (None: "don't", "'90s", "rock 'n' roll")."""
    if i in skip:
        return None
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return None  # inside a word: "don't", "O'Brien"
    if (i == lo or prev in _SINGLE_OPEN_BEFORE) and not nxt.isspace() and nxt not in _SINGLE_CLOSE_AFTER:
        if ch == "’":
            return None  # a right mark where a word starts elides it ("’90s"): it opens nothing
        m = _elision().match(text, i + 1, hi)
        if m:
            if m.end() < hi and text[m.end()] in _SINGLE_CHARS:
                skip.add(m.end())  # the mark after "'n": an apostrophe too
            return None
        return None if ch == "’" else "open"
    if ch == "‘":
        return None
    if (i + 1 >= hi or nxt in _SINGLE_CLOSE_AFTER) and not prev.isspace():
        return "weak" if prev in "sSzZ" else "close"
    return None


def _para_marks(text: str, lo: int, hi: int, singles: bool) -> list[tuple[int, str, bool]]:
    """The quote marks of a paragraph: (offset, kind, single); apostrophes left out.

    A "weak" single close that another single close follows before any single mark opens is a
    possessive ("'We beat the Giants' defence,' she said"); one that a new quote follows closes.
    """
    out: list[tuple[int, str, bool]] = []
    skip: set[int] = set()
    for m in (_ALL_MARKS if singles else _MARKS).finditer(text, lo, hi):
        i = m.start()
        if text[i] in _SINGLE_CHARS:
            kind = _single_kind(text, i, lo, hi, skip)
            if kind is not None:
                out.append((i, kind, True))
        else:
            out.append((i, _mark_kind(text, i, lo, hi), False))
    if singles:
        nxt = None  # the kind of the next single mark
        for k in range(len(out) - 1, -1, -1):
            pos, kind, single = out[k]
            if not single:
                continue
            if kind == "weak":
                out[k] = (pos, "possessive" if nxt == "close" else "close", True)
            else:
                nxt = kind
    return out


@dataclass
class _Raw:
    parts: list[tuple[int, int]]  # inside the marks, untrimmed
    open: int  # offset of the first opening mark
    close: int  # offset of the last closing mark
    para: int  # index of the paragraph the quote opens in
    joined: tuple[int, int] | None = None  # (close of the first part, open of the second) when an attribution splits it
    mark: str = '"'  # the opening mark

    @property
    def single(self) -> bool:
        return self.mark in _SINGLE_CHARS


def _scan(text: str, paras: list[Span]) -> list[_Raw]:
    """Pair quote marks paragraph by paragraph; an unclosed quote may run into the next paragraph.

    Double marks and single ones ('...' or ‘...’, the British style) both open a quote; the other
    kind inside it is a quote within a quote, or, with no such inner quote open, the quote's own
    closing mark set wrong (“We will rebuild,' she said.). A single quote left open at the end of its
    paragraph, unless the next paragraph reopens it, was an apostrophe: the paragraph is paired again
    with its double marks alone (each paragraph is paired at most twice: linear).
    """
    out: list[_Raw] = []
    carry: _Raw | None = None  # a quote left open at the end of the previous paragraph
    for pi, para in enumerate(paras):
        marks = _para_marks(text, para.start, para.end, True)
        doubles = [m for m in marks if not m[2]]
        cur: _Raw | None = None
        straight_open = False
        if carry is not None:
            gap = text[paras[pi - 1].end : para.start]
            first = marks[0] if marks else None
            if (
                gap.strip() == ""
                and first
                and first[0] == para.start
                and first[1] in ("open", "either")
                and first[2] == carry.single
            ):
                cur = carry  # the usual convention: the next paragraph reopens the quote
                straight_open = text[first[0]] == '"'
                cur.parts.append((first[0] + 1, first[0] + 1))
                marks = marks[1:]
            elif (
                not carry.single
                and gap.strip() == ""
                and doubles
                and doubles[0][1] == "close"
                and len(doubles) % 2 == 1
                and (not marks[0][2] or marks[0][0] > doubles[0][0])
            ):
                cur = carry  # one sentence per paragraph: the quote closes later on
                cur.parts.append((para.start, para.start))
                straight_open = True
            if cur is None:
                _close_at_para_end(text, carry, out)  # not reopened: the quote ran to the end of its paragraph
            carry = None
        n_out = len(out)
        orphans: list[int] = []
        cur = _pair(text, marks, cur, straight_open, pi, out, orphans)
        if cur is not None and cur.single and not _reopened_single(text, paras, pi):
            del out[n_out:]  # an unclosed single mark was an apostrophe: pair the paragraph's double marks alone
            cur = _pair(text, doubles, None, False, pi, out, [])
        elif orphans:
            # a double mark closes a quote opened paragraphs before: the single quotes before it are quotes within it
            out[n_out:] = [r for r in out[n_out:] if not (r.single and r.close < orphans[-1])]
        if cur is not None:
            s, _ = cur.parts[-1]
            cur.parts[-1] = (s, para.end)
            tail = text[s : para.end]
            if re.search(r"[.!?…]['’]?$", tail.rstrip()) and not _INNER_ATTRIBUTION.search(tail):
                carry = cur  # a quote in progress: it may run on into the next paragraph
    if carry is not None:
        _close_at_para_end(text, carry, out)
    return out


def _reopened_single(text: str, paras: list[Span], pi: int) -> bool:
    """Whether the paragraph after paras[pi] opens with a single mark (a single quote running on)."""
    if pi + 1 >= len(paras):
        return False
    nxt = paras[pi + 1]
    tail = text[paras[pi].start : paras[pi].end].rstrip()
    return (
        text[nxt.start] in "‘'"
        and _single_kind(text, nxt.start, nxt.start, nxt.end, set()) == "open"
        and bool(re.search(r"[.!?…]$", tail))
    )


def _pair(
    text: str,
    marks: list[tuple[int, str, bool]],
    cur: _Raw | None,
    straight_open: bool,
    pi: int,
    out: list[_Raw],
    orphans: list[int],
):
    """Pair one paragraph's marks (``cur``: a quote carried in open); returns the quote left open, or None.
    ``orphans`` gets the double closing marks that close no quote of the paragraph."""
    depth = 1 if cur is not None else 0
    inner = 0  # quotes in the other kind of mark open inside the current one

    def close(pos: int) -> None:
        s, _ = cur.parts[-1]
        cur.parts[-1] = (s, pos)
        cur.close = pos
        out.append(cur)

    for pos, kind, single in marks:
        if depth == 0:
            if not single and kind == "close":
                orphans.append(pos)
            if single and kind != "open":
                continue
            if kind in ("open", "either"):
                cur = _Raw([(pos + 1, pos + 1)], pos, -1, pi, mark=text[pos])
                depth, inner, straight_open = 1, 0, text[pos] == '"'
            continue
        if cur.single:
            if single:
                if kind == "close":
                    close(pos)
                    cur, depth = None, 0
                continue  # a single mark that opens inside a single quote, or a possessive
            if kind == "open" or (kind == "either" and inner == 0):
                inner += 1
            elif inner > 0:
                inner -= 1
            elif kind == "close" and text[pos - 1] in _QUOTE_END_PUNCT:
                close(pos)  # '...,” she said: the closing mark set wrong
                cur, depth = None, 0
            continue
        if single:
            if kind == "open":
                inner += 1
            elif inner > 0:
                inner -= 1
            elif kind == "close" and text[pos - 1] in _QUOTE_END_PUNCT:
                close(pos)  # “...,' she said: the closing mark set wrong
                cur, depth = None, 0
            continue
        straight = text[pos] == '"'
        if straight and straight_open and depth == 1:
            kind = "close"  # straight marks cannot nest: the next one closes
        if kind == "open":
            depth += 1
        elif kind == "close" or (kind == "either" and depth >= 1):
            depth -= 1
            if depth == 0:
                close(pos)
                cur = None
    return cur if depth > 0 else None


def _close_at_para_end(text: str, raw: _Raw, out: list[_Raw]) -> None:
    """A quote left open that the next paragraph does not reopen: its words run to the end of its paragraph.

    Only a quote opened by a clear opening mark, whose paragraph ends a sentence, and only its first
    paragraph: a stray mark must not turn the rest of a story into a quote.
    """
    if len(raw.parts) != 1 or text[raw.open] not in '"“':
        return
    s, e = raw.parts[0]
    if e - s < 2 or e - s > 600 or _MARKS.search(text, s, e):
        return
    raw.close = e
    out.append(raw)  # in text order: it opened after every quote of its paragraph closed before it


# an unclosed quote with an attribution inside ("I'm sad that ..., she wrote in a letter") lost its closing mark
_INNER_ATTRIBUTION = re.compile(
    r"[,!?]['’]?\s+(?:he|she|they|it|I|we|[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?\s+(?:said|says|wrote|writes|told|added|asked|explained)\b"
)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ".…"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.…-—–"):
        e -= 1
    return s, e


# ---------------------------------------------------------------- names inside a noun phrase


def _is_title(word: str) -> bool:
    return word.lower().replace("’", "'") in _set("titles")


def _is_org(word: str) -> bool:
    return word.lower().rstrip(".") in _set("org_words") or word.lower() in _set("org_words")


@dataclass
class _Run:
    toks: list[Tok]
    name: list[Tok]
    titled: bool
    title_words: list[str]
    after_of: bool
    affiliation: bool = False  # "Acme receiver Jo Bloggs": the run before a role is a body

    @property
    def kind(self) -> str | None:
        words = self.name
        if not words:
            return None
        if self.affiliation:
            return "body"
        if words[-1].low.endswith("'s"):
            return None
        if all(w.low in calendar.full_names() for w in words):
            return None
        if any(_is_org(w.text) for w in words):
            return "body"
        if any(w.low in _set("name_joiners") for w in words):
            return "group"  # "Jo Bloggs and Sam Roe": two speakers, or a place pair
        if len(words) == 1 and len(words[0].text.rstrip(".")) < 2:
            return None
        if len(words) == 1 and _is_title(words[0].text):
            return None
        if len(words) == 1 and len(words[0].text) >= 2 and words[0].text.replace(".", "").replace("&", "").isupper():
            return "body"
        return "person"


@per_story
def _cap_names(text: str | None) -> frozenset[str]:
    """Capitalised words that also stand inside a sentence ("Kelly" in "said Kelly"): names, not adverbs."""
    if not text:
        return frozenset()
    return frozenset(m.group(1).lower() for m in re.finditer(r"[a-z,]\s+([A-Z][a-z]+ly)\b", text))


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _runs(toks: list[Tok], text: str | None = None) -> list[_Run]:
    """Runs of capitalised words in a noun phrase, split at their last title word."""
    out: list[_Run] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not (t.is_word and t.cap):
            i += 1
            continue
        j = i
        run = [t]
        while j + 1 < len(toks) and not _possessive(run[-1].text):
            n = toks[j + 1]
            if n.is_word and n.cap:
                run.append(n)
                j += 1
            elif (
                n.is_word
                and (n.low in entities.name_particles() or n.low in _set("name_joiners"))
                and j + 2 < len(toks)
                and toks[j + 2].cap
                and toks[j + 2].is_word
            ):
                run.extend([n, toks[j + 2]])
                j += 2
            else:
                break
        initial = i == 0 or not toks[i - 1].is_word
        while (
            run
            and not _is_title(run[0].text)
            and (
                run[0].low in _set("articles")
                or initial
                and (
                    run[0].low in stopwords() or run[0].low.endswith("ly") and len(run) > 1 and run[0].low not in _cap_names(text)
                )
            )
        ):
            run = run[1:]  # "Although Paris", "He", "The Ledger", "Ironically Jo": a capital for the sentence, not the name
        if not run:
            i = j + 1
            continue
        i = toks.index(run[0], i)
        before = toks[i - 1] if i > 0 else None
        after_of = bool(before and before.low in _set("preps_before_name"))
        titled = bool(before and _is_title(before.text))
        title_words = [before.low] if titled and before else []
        name = run
        k = max((n for n in range(len(run) - 1) if _is_title(run[n].text)), default=-1)
        if k >= 0:
            titled = True
            title_words += [w.low for w in run[: k + 1]]
            name = run[k + 1 :]
        # a leading generic noun ("Manufacturer Acme Motors") is not part of the name
        while len(name) > 1 and name[0].low in _speaker_nouns() and not _is_org(name[0].text):
            name = name[1:]
        # "chief executive of Acme Jo Bloggs": a title, "of", then the company and the person
        if (
            after_of
            and i >= 2
            and _is_title(toks[i - 2].text)
            and len(name) >= 3
            and text is not None
            and _lead_is_body(text, name)
        ):
            titled = True
            title_words.append(toks[i - 2].low)
            name = name[1:]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        affiliation = bool(nxt and nxt.is_word and not nxt.cap and _is_title(nxt.text) and not titled)
        out.append(_Run(run, name, titled, title_words, after_of, affiliation))
        i = j + 1
    return out


def _name_text(text: str, toks: list[Tok]) -> tuple[str, int, int]:
    s, e = toks[0].start, toks[-1].end
    name = text[s:e]
    if name.endswith(("'s", "’s")):
        name, e = name[:-2], e - 2
    return name, s, e


# ---------------------------------------------------------------- the article's people and bodies


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    kind: str  # person, official, body, document, group


class _Cast:
    """Who the article names, in order: for "he said" and "it said", and for bare surnames.

    Read off checker.entities' mentions (the one name finder): its bodies, its
    people (an official when their role is an office), a surname alone
    standing for the full name the article gives it, and quoted titles as
    documents. Names inside quote marks and possessives ("Palin's") are no
    antecedents.
    """

    def __init__(self, article: Article, quoted: list[Span], titles: list[Span] = ()):
        self.text = text = article.text
        self.sentences = article.sentences
        self.mentions = [_Mention(t.start, t.end, text[t.start : t.end], "document") for t in titles]
        self.surnames = {}
        self.bodies = set()
        self.speakers = []
        # a possessive ("Palin's connection") names no one who speaks: no antecedent for "he said"
        in_quotes = SpanIndex(quoted)
        found = [
            _untitled(m, text)
            for m in entities.find_mentions(article)
            if not in_quotes.covers(m.start) and not _possessive(text[m.start : m.end + 2])
        ]
        for m in found:
            if m.kind == "body":
                self.bodies.add(m.text.lower())
                self.bodies.update(_norm(w) for w in m.text.split())
                self.mentions.append(_Mention(m.start, m.end, m.text, "body"))
        people = [m for m in found if m.kind == "person"]
        for m in people:
            if len(m.text.split()) < 2:
                continue
            kind = "official" if m.role and any(w in _set("official_titles") for w in m.role.split()) else "person"
            sur = _norm(m.text.split()[-1])
            if sur not in self.surnames or len(m.text) > len(self.surnames[sur][0]):
                self.surnames[sur] = (m.text, kind)
        for m in found:
            if m.kind not in ("person", "other"):
                continue
            words = m.text.split()
            sur = _norm(words[-1])
            if sur in self.surnames and (len(words) == 1 or m.kind == "person"):
                full, kind = self.surnames[sur]
                self.mentions.append(_Mention(m.start, m.end, full if len(words) == 1 else m.text, kind))
        self.mentions.sort(key=lambda m: m.start)
        self._index()

    def _index(self) -> None:
        """Each kind's mentions in text order with their starts: `last` and `subject_before` bisect them
        instead of scanning every mention before a position (a long article's pronouns are many)."""
        self._of_kind: dict[str, tuple[list[int], list[tuple[int, _Mention]]]] = {}
        for i, m in enumerate(self.mentions):
            starts, ms = self._of_kind.setdefault(m.kind, ([], []))
            starts.append(m.start)
            ms.append((i, m))
        self._sentence_starts = [s.start for s in self.sentences]

    @staticmethod
    def _official(run: _Run) -> bool:
        return any(w.rstrip(".") in _set("official_titles") or w in _set("official_titles") for w in run.title_words)

    def spoke(self, sp: Speaker) -> None:
        """A named speaker of an attribution: "it said" refers back to such bodies first."""
        if sp.via == "named":
            self.speakers.append(_Mention(sp.start, sp.end, sp.name, sp.kind))

    def person(self, name_toks: list[Tok]) -> tuple[str, str] | None:
        """(full name, kind) for a surname the article gives a person."""
        return self.surnames.get(_norm(name_toks[-1].text))

    def last(self, pos: int, kinds: tuple[str, ...], speakers: bool = False) -> _Mention | None:
        """The last mention of one of the kinds that starts before pos (of the named speakers so far, or
        of every mention)."""
        if speakers:
            best = None
            for m in self.speakers:
                if m.start >= pos:
                    break
                if m.kind in kinds:
                    best = m
            return best
        found = []  # (place in self.mentions, mention): the latest of each kind
        for kind in kinds:
            starts, ms = self._of_kind.get(kind, ((), ()))
            k = bisect.bisect_left(starts, pos)
            if k:
                found.append(ms[k - 1])
        return max(found, key=lambda im: im[0])[1] if found else None

    def _first(self, lo: int, hi: int, kinds: tuple[str, ...]) -> _Mention | None:
        """The first mention of one of the kinds that starts in [lo, hi)."""
        found = []
        for kind in kinds:
            starts, ms = self._of_kind.get(kind, ((), ()))
            k = bisect.bisect_left(starts, lo)
            if k < len(starts) and starts[k] < hi:
                found.append(ms[k])
        return min(found, key=lambda im: im[0])[1] if found else None

    def subject_before(self, pos: int, kinds: tuple[str, ...]) -> _Mention | None:
        """The person "he" or "she" most likely refers to: the first person of its own sentence
        before it, else the first person of the nearest sentence before that names one."""
        n = bisect.bisect_right(self._sentence_starts, pos)  # the sentences that start by pos
        for i in range(min(n, 8)):
            sent = self.sentences[n - 1 - i]
            found = self._first(sent.start, pos if i == 0 else sent.end, kinds)
            if found is not None:
                return found
        return None


def _untitled(m: entities.Mention, text: str) -> entities.Mention:
    """A mention without the title words it opens with ("Curator Dana Whitlock" -> "Dana Whitlock")."""
    start = m.start
    words = m.text.split()
    while len(words) > 1 and _is_title(words[0]) and m.kind in ("person", "other"):
        start = text.index(words[1], start + len(words[0]))
        words = words[1:]
    return m if start == m.start else replace(m, start=start, text=text[start : m.end])


# ---------------------------------------------------------------- noun phrases around speech verbs


def _np_back(toks: list[Tok], k: int, limit: int = 12) -> list[Tok]:
    """The noun phrase that ends just before toks[k] (the verb)."""
    j = k - 1
    while j >= 0 and toks[j].low in _set("skip_before_verb"):
        j -= 1
    out: list[Tok] = []
    while j >= 0 and len(out) < limit:
        t = toks[j]
        if not t.is_word:
            break
        low = t.low
        if low in _set("name_joiners") and out and out[0].cap and j > 0 and toks[j - 1].cap and toks[j - 1].is_word:
            out.insert(0, t)
            j -= 1
            continue
        if low in _set("np_links") and out and j > 0 and toks[j - 1].is_word:
            out.insert(0, t)
            j -= 1
            continue
        if low in _set("np_back_stop") or _is_verb_word(low):
            break
        out.insert(0, t)
        j -= 1
    while out and out[0].low in _set("np_trim_front"):
        out.pop(0)
    if out and j >= 1 and toks[j].low in _set("np_preps"):
        # "a spokesman for the company said": the phrase runs on back to its head;
        # "a cousin who lives in the city told me": the city is not the speaker
        head = toks[j - 1]
        if head.is_word and (head.cap or head.low in _speaker_nouns() or _is_title(head.text)):
            return _np_back(toks, j, limit) + [toks[j]] + out
        return []
    return out


def _np_fwd(toks: list[Tok], k: int, limit: int = 9) -> list[Tok]:
    """The noun phrase that starts at toks[k] (after "said" or "according to")."""
    out: list[Tok] = []
    j = k
    while j < len(toks) and len(out) < limit:
        t = toks[j]
        if not t.is_word:
            break
        low = t.low
        if low in _set("name_joiners") and out and out[-1].cap and j + 1 < len(toks) and toks[j + 1].cap and toks[j + 1].is_word:
            out.append(t)
            j += 1
            continue
        if low in _set("np_fwd_stop") and low not in _set("np_links") or (_is_verb_word(low) and out):
            break
        out.append(t)
        j += 1
    while out and out[-1].low in _set("np_trim_back"):
        out.pop()
    return out


@functools.cache
def _verb_words() -> frozenset[str]:
    return frozenset(p[0] for p in _verb_phrases() if len(p) == 1)


def _is_verb_word(low: str) -> bool:
    return low in _verb_words()


@functools.cache
def _verbs_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in _verb_phrases():
        out[phrase[0]].append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def _verb_at(toks: list[Tok], k: int) -> tuple[str, int] | None:
    """(verb phrase, length in tokens) starting at toks[k]."""
    phrases = _verbs_by_first().get(toks[k].low)
    if not phrases:
        return None
    for phrase in phrases:
        n = len(phrase)
        if k + n <= len(toks) and all(toks[k + i].low == phrase[i] for i in range(1, n)):
            return " ".join(phrase), n
    return None


def _speaker_of_np(np: list[Tok], text: str, cast: _Cast, pos: int) -> Speaker | None:
    """The speaker a noun phrase names: a person, a body, a generic noun, or a pronoun resolved."""
    while np and np[0].low in _set("articles") and len(np) > 1 and np[0].cap and np[1].cap:
        np = np[1:]  # "The Ledger": the article's capital, not the name's
    if not np:
        return None
    if len(np) == 1 and np[0].low in _pronouns():
        return _resolve_pronoun(np[0], cast, pos)
    head = next((np[i - 1] for i in range(1, len(np)) if np[i].low in _set("np_preps")), np[-1])
    if not head.cap and head.low in _speaker_nouns():
        return _generic(np[: np.index(head) + 1], text)  # "Port officials", "a spokesman for the company"
    runs = [r for r in _runs(np, text) if r.kind]
    strong, single, bodies, groups = [], [], [], []
    for r in runs:
        if r.kind == "body":
            bodies.append(r)
        elif r.kind == "group":
            groups.append(r)
        elif len(r.name) >= 2 or r.titled or cast.person(r.name):
            strong.append(r)
        elif r.toks[0].low not in _set("sentence_starters"):
            single.append(r)
    pick = (
        next((r for r in strong if r.titled and not r.after_of), None)
        or next((r for r in strong if not r.after_of), None)
        or (strong[0] if strong else None)
    )
    if pick is not None:
        name_toks = pick.name
        known = cast.person(name_toks)
        if len(name_toks) >= 2 and known and known[0].split()[0] != name_toks[0].text and _lead_is_body(text, name_toks):
            name_toks = name_toks[1:]  # "Acme Bloggs": the company's man, known as "Jo Bloggs"
        name, s, e = _name_text(text, name_toks)
        kind = "official" if (_Cast._official(pick) or _np_official(np)) else "person"
        if len(name_toks) == 1 and known:
            return Speaker(known[0], s, e, "official" if known[1] == "official" or kind == "official" else "person")
        if len(name_toks) == 1 and name.lower() in cast.bodies:
            return Speaker(name, s, e, "body")
        if known and known[1] == "official":
            kind = "official"
        return Speaker(name, s, e, kind)
    if bodies:
        name, s, e = _name_text(text, bodies[0].name)
        return Speaker(name, s, e, "body")
    if groups:
        name, s, e = _name_text(text, groups[0].name)
        return Speaker(name, s, e, "group")
    for r in single:
        name, s, e = _name_text(text, r.name)
        if r.toks[0].low in _speaker_nouns():
            return _generic([r.toks[0]], text)  # "Officials said"
        return Speaker(name, s, e, "body" if name.lower() in cast.bodies else "name")
    return None


def _generic(np: list[Tok], text: str) -> Speaker | None:
    head = np[-1]
    kind = _speaker_nouns().get(head.low)
    if kind is None:
        return None
    low = head.low
    if kind == "person":
        kind = (
            "official"
            if low in _set("official_titles") or low.startswith("spokes") or low in _set("official_nouns")
            else "person"
        )
    start = np[0]
    for t in np:
        if t.low in _set("np_determiners") or t.cap or t.low in _speaker_nouns() or not t.low.isalpha():
            start = t
            break
    s = start.start
    return Speaker(text[s : head.end], s, head.end, kind)


def _np_official(np: list[Tok]) -> bool:
    return any(t.low.rstrip(".") in _set("official_titles") or t.low in _set("official_titles") for t in np)


def _lead_is_body(text: str, name_toks: list[Tok]) -> bool:
    """Whether the first word of a long name run is an organisation used elsewhere on its own."""
    first, second = name_toks[0].text, name_toks[1].text
    for m in re.finditer(rf"(?<![\w-]){re.escape(first)}(?![\w-])", text):
        if m.start() == name_toks[0].start:
            continue
        nxt = re.match(r"\s+([\w’'-]+)", text[m.end() : m.end() + 40])
        if not nxt or nxt.group(1) != second:
            return True
    return False


def _resolve_pronoun(tok: Tok, cast: _Cast, pos: int) -> Speaker | None:
    kind = _pronouns()[tok.low]
    if kind == "person":
        m = cast.subject_before(pos, PERSON_KINDS)
    elif kind == "body":
        m = cast.last(pos, ("body", "document"), speakers=True) or cast.last(pos, ("body", "document"))
    else:
        m = cast.last(pos, ("group", "body", "official"))
    if m is None:
        return None
    return Speaker(m.name, m.start, m.end, m.kind, "pronoun")


# ---------------------------------------------------------------- attributions


def _attributions(article: Article, quoted: list[Span], cast: _Cast, titles: list[Span] = ()) -> list[Attribution]:
    """Every speech or reporting verb outside quote marks, with its speaker and the words it reports."""
    text = article.text
    out: list[Attribution] = []
    in_quotes = SpanIndex(quoted)
    for sent in article.sentences:
        toks = tokens(text, sent.start, sent.end)
        near = SpanIndex(in_quotes.overlapping(sent.start, sent.end))  # the sentence's own quotes
        last_speaker: Speaker | None = None
        k = 0
        while k < len(toks):
            t = toks[k]
            hit = _verb_at(toks, k) if t.is_word and not (near.spans and near.covers(t.start)) else None
            if not hit:
                k += 1
                continue
            verb, n = hit
            vs, ve = t.start, toks[k + n - 1].end
            if verb in _set("not_initial_verbs") and k == 0:
                k += n
                continue
            if k > 0 and toks[k - 1].low in _set("not_after"):
                k += n
                continue  # "the said company", "so called"
            prev = toks[k - 1] if k > 0 else None
            speaker: Speaker | None = None
            side = "after"
            fwd = _np_fwd(toks, k + n) if verb == "according to" or verb in _set("inverting_verbs") else []
            fwd_speaker = (
                _speaker_of_np(fwd, text, cast, vs)
                if fwd and not (len(fwd) == 1 and fwd[0].low in _pronouns() and verb != "according to")
                else None
            )
            title = next((t for t in titles if prev is not None and not prev.is_word and 0 <= prev.start - t.end <= 1), None)
            inverted = verb == "according to" or (
                fwd_speaker is not None and (prev is None or (not prev.is_word and prev.text in ',;:—–"“”'))
            )
            if title is not None and not inverted:
                speaker = Speaker(
                    text[title.start : title.end], title.start, title.end, "document"
                )  # 'the "Annual Review" found that'
                region = _region(text, sent, toks, k, n, side, ve)
            elif inverted:
                np = fwd
                speaker = fwd_speaker
                end_np = np[-1].end if np else ve
                if prev is not None and (prev.text == "," or not prev.is_word):
                    # "The plan ..., said X." or "The plan ..., according to X."; mid-sentence it reports nothing
                    side = "before" if _TRAILING.match(text, end_np, sent.end) else "mid"
                elif verb == "according to":
                    side = "after"  # "according to X, the plan ..."
                region = _region(text, sent, toks, k, n, side, end_np)
            else:
                np = _np_back(toks, k)
                if not np and prev is not None and prev.low in _set("verb_coordinators"):
                    speaker = last_speaker  # "X said A but warned B"
                elif not np and prev is not None and prev.text == ",":
                    j = k - 2
                    while j >= 0 and toks[j].text != "," and k - j < 14:
                        j -= 1
                    if j > 0 and toks[j].text == ",":
                        # "X, the chief executive of Y, said" / "Y's lawyer, Jo Bloggs, said"
                        appos = _speaker_of_np(_np_back(toks, k - 1), text, cast, vs)
                        first = _speaker_of_np(_np_back(toks, j), text, cast, vs)
                        if appos is not None and appos.kind in PERSON_KINDS and toks[j + 1].cap:
                            speaker = appos
                        else:
                            speaker = first or appos
                else:
                    speaker = _speaker_of_np(np, text, cast, vs)
                    first_np = (
                        k - len(np) - sum(1 for t in toks[max(0, k - len(np) - 3) : k] if t.low in _set("skip_before_verb"))
                    )
                    lead = toks[first_np - 1] if first_np > 0 else None
                    if lead is not None and lead.text == "," and _TRAILING.match(text, ve, sent.end):
                        side = "before"  # "The bridge will reopen in May, Mayor Jo Bloggs said."
                region = _region(text, sent, toks, k - len(np) if side == "before" else k, n, side, ve)
            if speaker is not None:
                last_speaker = speaker
                cast.spoke(speaker)
            out.append(Attribution(verb, vs, ve, speaker, sent, side, region))
            k += n
    return out


# what may follow a trailing attribution before the sentence ends ("..., X said on Monday in a statement.")
_TRAILING = re.compile(
    r"(?:\s+(?:on|in|at|late|early|last|this|during|after|before|yesterday|today|tonight|earlier|later)\b[^,;:\"“”]{0,50})?\s*+[.!?]?[\"”’']?\s*$",
    re.IGNORECASE,
)


def _region(text: str, sent: Span, toks: list[Tok], k: int, n: int, side: str, np_end: int) -> Span:
    if side == "after":
        s = max(np_end, toks[k + n - 1].end)
        return Span(s, sent.end)
    # the reported words run from the sentence start to the comma before the attribution
    e = toks[k - 1].start if k > 0 else toks[k].start
    return Span(sent.start, e)


# ---------------------------------------------------------------- quotes and their speakers


def _join_split(text: str, raws: list[_Raw]) -> list[_Raw]:
    """ "This is," she said, "only the start" -> one quote in two parts."""
    out: list[_Raw] = []
    for r in raws:
        if out and out[-1].para == r.para and len(out[-1].parts) == 1 and len(r.parts) == 1:
            prev = out[-1]
            between = text[prev.close + 1 : r.open]
            inner_end = text[prev.parts[-1][0] : prev.parts[-1][1]].rstrip()
            if (
                len(between) < 90
                and re.fullmatch(r"\s*,?\s*[^.!?;\"“”]*?,\s*", _drop_abbreviation_stops(between))
                and (inner_end.endswith(",") or between.lstrip().startswith(","))
                and any(_verb_at(tks, i) for tks in [tokens(text, prev.close + 1, r.open)] for i in range(len(tks)))
            ):
                prev.parts.append(r.parts[0])
                prev.joined = (prev.close, r.open)
                prev.close = r.close
                continue
        out.append(r)
    return out


def _drop_abbreviation_stops(s: str) -> str:
    """The words between two parts of a quote with the full stops of title abbreviations dropped ("Dr. Roe")."""
    for abbr in _v()["split_quote_abbreviations"]:
        s = s.replace(abbr, abbr.rstrip("."))
    return s


def _is_title_quote(words: list[str]) -> bool:
    """A quote whose words are in title case names a work or a document: it is not a statement."""
    small = set(_v()["title_small_words"])
    big = [w for w in words if w.lower() not in small]
    if len(big) < 2:
        return False
    caps = sum(1 for w in big if w[0].isupper() or w[0].isdigit())
    return caps / len(big) >= 0.75


def _attrib_for_quote(text: str, raw: _Raw, attrs: list[Attribution], article: Article) -> Speaker | None:
    """The attribution right after the quote, else the last one before it in its sentence."""
    close_sent = sentence_of(article, raw.close)
    open_sent = sentence_of(article, raw.open)
    # a split quote: the attribution between its parts
    if raw.joined:
        a, b = raw.joined
        for at in attrs:
            if a < at.verb_start < b and at.speaker:
                return at.speaker
    # right after: '," X said' / '," said X' / '" according to X'
    for at in attrs:
        if (
            raw.close < at.verb_start <= close_sent.end
            and at.speaker
            and (at.speaker.start > raw.close or at.speaker.via == "pronoun")
        ):
            between = text[
                raw.close + 1 : min(at.verb_start, at.speaker.start if at.speaker.start > raw.close else at.verb_start)
            ]
            if len(between) <= 90 and not re.search(r"[.!?\"“”]", between) and _only_np(text, raw.close + 1, at.verb_start, at):
                return at.speaker
    # before, in the same sentence: 'X said: "' / 'X described it as "' / 'said X, was "'
    best = None
    for at in attrs:
        if open_sent.start <= at.verb_start < raw.open and at.speaker and not (at.speaker.start > raw.open):
            best = at
    if best is not None:
        return best.speaker
    return None


def _only_np(text: str, s: int, verb_start: int, at: Attribution) -> bool:
    """Between a closing mark and the verb there is only the speaker (or nothing)."""
    gap = text[s:verb_start]
    if not gap.strip(" ,\t"):
        return True
    if at.speaker and at.speaker.start >= s and at.speaker.end <= verb_start:
        rest = (text[s : at.speaker.start] + text[at.speaker.end : verb_start]).strip(" ,")
        return len(rest.split()) <= 8 and not re.search(r"\b(?:and|but|which|who|that)\b", rest)
    if at.speaker and at.speaker.via == "pronoun":
        return len(gap.split()) <= 2
    return False


_SINGLE = re.compile(r"(?<![\w’'])‘([^’\n]{3,300})’(?![\w’])")


@per_article
def marks_of(article: Article) -> Marks:
    """The article's quote marks, paired once (cached for the story): quoted stretches, titles, offsets."""
    text = article.text
    raws = _join_split(text, _scan(text, _paragraphs(article)))
    quoted = tuple(Span(max(0, ps - 1), min(len(text), pe + 1)) for r in raws for ps, pe in r.parts)
    titles = tuple(
        Span(*_trim(text, *r.parts[0]))
        for r in raws
        if len(r.parts) == 1 and _is_title_quote([w for w in re.findall(r"[\w’'-]+", text[r.parts[0][0] : r.parts[0][1]])])
    )
    inner = [Span(ps, pe) for r in raws for ps, pe in r.parts if pe > ps]
    inner += [Span(m.start(1), m.end(1)) for m in _SINGLE.finditer(text)]
    inner = sorted(set(inner), key=lambda sp: (sp.start, sp.end))
    opens = frozenset(sp.start + len(text[sp.start : sp.end]) - len(text[sp.start : sp.end].lstrip()) for sp in inner)
    marks = sorted(
        {
            i
            for r in raws
            for ps, pe in r.parts
            for i in (ps - 1, pe)
            if 0 <= i < len(text) and text[i] in _MARK_CHARS + _SINGLE_CHARS
        }
    )
    return Marks(quoted, tuple(inner), titles, opens, tuple(marks), tuple(raws))


@per_article
def speech_of(article: Article) -> Speech:
    """The article's quotes, its attributions and the quoted stretches (cached for the story)."""
    text = article.text
    paras = _paragraphs(article)
    marks = marks_of(article)
    raws, quoted, titles = marks.raws, list(marks.quoted), list(marks.titles)
    cast = _Cast(article, quoted, titles)
    attrs = _attributions(article, quoted, cast, titles)
    quotes: list[Quoted] = []
    prev_speaker: Speaker | None = None
    prev_para = -2
    prev_close = -1
    for r in raws:
        parts = tuple(p for p in (_trim(text, s, e) for s, e in r.parts) if p[1] > p[0])
        if not parts:
            continue
        words = quote_words(text, parts)
        if not words:
            continue
        if len(r.parts) == 1 and any(t.start == parts[0][0] for t in titles):
            continue
        speaker = _attrib_for_quote(text, r, attrs, article)
        if speaker is None:
            speaker = _continued(text, r, paras, prev_speaker, prev_para, prev_close, article, cast)
        start, end = parts[0][0], parts[-1][1]
        value = Quote(
            tuple(w for w, _, _ in words),
            speaker.name if speaker else None,
            speaker.start if speaker else None,
            speaker.end if speaker else None,
            speaker.kind if speaker else None,
            parts,
        )
        quotes.append(Quoted(start, end, sentence_of(article, start), value))
        prev_speaker = speaker  # a quote with no speaker breaks the chain of continuations
        prev_para, prev_close = _para_of(paras, r.close), r.close
    return Speech(tuple(quotes), tuple(attrs), marks)


def _para_of(paras: list[Span], pos: int) -> int:
    """The first paragraph (they are in text order and do not overlap) with start <= pos <= end, else -1."""
    k = bisect.bisect_right(paras, pos, key=lambda p: p.start) - 1
    while k > 0 and paras[k - 1].end >= pos:  # two paragraphs that touch: the first holds pos too
        k -= 1
    return k if k >= 0 and pos <= paras[k].end else -1


def _continued(
    text: str, r: _Raw, paras: list[Span], prev: Speaker | None, prev_para: int, prev_close: int, article: Article, cast: _Cast
) -> Speaker | None:
    """A quote with no attribution of its own continues the speaker before it, or follows a colon."""
    para = paras[r.para]
    # the paragraph before ends with a colon: "The judge had advice for anyone:"
    sent = sentence_of(article, r.open)
    before = text[sent.start : r.open].strip()
    if not before:
        prev_sent_end = text[: sent.start].rstrip()
        if prev_sent_end.endswith(":"):
            ps = sentence_of(article, len(prev_sent_end) - 1)
            toks = tokens(text, ps.start, ps.end)
            sp = _speaker_of_np(_np_fwd(toks, 0), text, cast, ps.start)
            if sp is not None:
                return sp
    if prev is None:
        return None
    opens_para = r.open == para.start
    same_para_after_prev = (
        _para_of(paras, prev_close) == r.para
        and not text[prev_close + 1 : r.open].count('"')
        and not text[prev_close + 1 : r.open].count("“")
    )
    if (opens_para and prev_para == r.para - 1) or same_para_after_prev:
        return Speaker(prev.name, prev.start, prev.end, prev.kind, "continuation")
    return None


def quote_claims(article: Article, rule_code: str) -> list[Claim]:
    """The article's quotes as claims of a rule: the quotes rule's own, and those paraphrase sets against."""
    return [make_claim(article, rule_code, q.start, q.end, q.value, sentence=q.sentence) for q in speech_of(article).quotes]
