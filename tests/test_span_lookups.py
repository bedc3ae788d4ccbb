"""The position lookups of the speech and entity layers give what a scan of every item gives (issue 12).

A long article holds thousands of sentences, quotes and names, and these lookups run once per sentence,
pronoun or quote: each used to scan the whole article, which made the article's time grow with the square
of its length. They now bisect sorted lists. Each test here sets the bisecting lookup against the plain
scan it replaced, on arbitrary layouts (sorted, touching, nested and empty spans, ties of start).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import speech
from checker.model import Span

KINDS = ("person", "official", "body", "document", "group")

positions = st.integers(min_value=0, max_value=60)


@st.composite
def sorted_spans(draw, min_size: int = 0) -> list[Span]:
    pairs = draw(st.lists(st.tuples(positions, st.integers(min_value=0, max_value=12)), min_size=min_size, max_size=25))
    return sorted({Span(s, s + n) for s, n in pairs}, key=lambda sp: (sp.start, sp.end))


@st.composite
def paragraphs(draw) -> list[Span]:
    """Paragraphs in text order that never overlap (they may touch)."""
    out, pos = [], draw(st.integers(min_value=0, max_value=3))
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        n = draw(st.integers(min_value=0, max_value=8))
        out.append(Span(pos, pos + n))
        pos += n + draw(st.integers(min_value=0, max_value=2))
    return out


def _cast(mentions: list[tuple[int, str]], sentences: list[Span]) -> speech._Cast:
    """A cast with these mentions (start, kind) and sentences, as _Cast.__init__ leaves one."""
    cast = object.__new__(speech._Cast)
    cast.sentences = sentences
    cast.mentions = sorted(
        (speech._Mention(s, s + 3, f"m{k}", kind) for k, (s, kind) in enumerate(mentions)), key=lambda m: m.start
    )
    cast.speakers = []
    cast._index()
    return cast


def _last_scan(cast: speech._Cast, pos: int, kinds: tuple[str, ...]):
    best = None
    for m in cast.mentions:
        if m.start >= pos:
            break
        if m.kind in kinds:
            best = m
    return best


def _subject_scan(cast: speech._Cast, pos: int, kinds: tuple[str, ...]):
    sents = [s for s in cast.sentences if s.start <= pos]
    for i, sent in enumerate(reversed(sents)):
        hi = pos if i == 0 else sent.end
        found = [m for m in cast.mentions if sent.start <= m.start < hi and m.kind in kinds]
        if found:
            return found[0]
        if i > 6:
            break
    return None


mentions = st.lists(st.tuples(positions, st.sampled_from(KINDS)), max_size=30)
kind_sets = st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True).map(tuple)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(mentions, paragraphs(), positions, kind_sets)
def test_cast_lookups_are_the_scans(ms, sentences, pos, kinds):
    cast = _cast(ms, sentences)
    assert cast.last(pos, kinds) is _last_scan(cast, pos, kinds)
    assert cast.subject_before(pos, kinds) is _subject_scan(cast, pos, kinds)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(paragraphs(), positions)
def test_paragraph_of_a_position_is_the_first_that_holds_it(paras, pos):
    scan = next((i for i, p in enumerate(paras) if p.start <= pos <= p.end), -1)
    assert speech._para_of(paras, pos) == scan


@settings(max_examples=400, deadline=None, derandomize=True)
@given(sorted_spans(), positions, positions)
def test_quoted_stretches_within_a_range(inner, a, b):
    start, end = min(a, b), max(a, b)
    marks = speech.Marks((), tuple(inner), (), frozenset(), ())
    assert marks.stretches(start, end) == [sp for sp in inner if start <= sp.start and sp.end <= end]


def test_a_pronoun_finds_the_person_of_a_sentence_before():
    """On text: "she" is the person a sentence before names, across a sentence that names nobody (the
    lookup behind it bisects)."""
    from checker.load import parse_article

    article = parse_article(
        "a",
        "a.txt",
        "Mill to close\n\nPublished: 2031-05-04\n\nMill owner Mara Velt met the workers on Monday. The talks ran late.\n\n"
        'She said: "We have no buyer."\n',
    )
    quotes = speech.speech_of(article).quotes
    assert [(q.value.speaker, q.value.speaker_kind) for q in quotes] == [("Mara Velt", "person")]


def _pairs_by_set(buckets, cap):
    """bucket_pairs as it was: every pair given remembered in a set."""
    seen, out = set(), []
    for members in buckets:
        if len(members) > cap:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair not in seen:
                    seen.add(pair)
                    out.append(pair)
    return out


bucket_lists = st.lists(st.lists(st.integers(min_value=0, max_value=15), max_size=8).map(sorted), max_size=10)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(bucket_lists, st.integers(min_value=1, max_value=8))
def test_bucket_pairs_give_each_pair_once_in_the_order_of_a_scan(buckets, cap):
    """Either way of remembering the pairs given (few buckets per item, or many) gives the scan's pairs."""
    from checker.unionfind import bucket_pairs

    assert list(bucket_pairs(buckets, cap)) == _pairs_by_set(buckets, cap)
