"""What rules use to build claims: the one sentence and paragraph index of an article, and make_claim.

Sentences come from the loader (story sentences only, furniture left out);
a paragraph is a run of those sentences with no line break between them.
Both are looked up by offset through one index per article, built once per
story.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from checker import caches
from checker.model import Article, Claim, Span
from checker.text import attached_names, canon, window_terms


@dataclass(frozen=True, slots=True)
class Layout:
    """An article's sentences and paragraphs, with their start offsets for bisection."""

    sentences: tuple[Span, ...]
    sentence_starts: tuple[int, ...]
    paragraphs: tuple[Span, ...]
    paragraph_starts: tuple[int, ...]


@caches.per_article
def layout(article: Article) -> Layout:
    """The article's sentence and paragraph index (cached for the story)."""
    text = article.text
    paras: list[Span] = []
    for s in article.sentences:
        if paras and "\n" not in text[paras[-1].end : s.start]:
            paras[-1] = Span(paras[-1].start, s.end)
        else:
            paras.append(s)
    return Layout(
        article.sentences,
        tuple(s.start for s in article.sentences),
        tuple(paras),
        tuple(p.start for p in paras),
    )


def _at(spans: tuple[Span, ...], starts: tuple[int, ...], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and spans[i].contains(pos) else -1


def sentence_index(article: Article, pos: int) -> int:
    """The index in article.sentences of the sentence holding `pos`, or -1."""
    lay = layout(article)
    return _at(lay.sentences, lay.sentence_starts, pos)


def sentence_of(article: Article, pos: int) -> Span:
    """The story sentence holding offset `pos` (an empty span at `pos` outside every sentence)."""
    i = sentence_index(article, pos)
    return article.sentences[i] if i >= 0 else Span(pos, pos)


def paragraph_index(article: Article, pos: int) -> int:
    """The index of the paragraph holding `pos` in layout(article).paragraphs, or -1."""
    lay = layout(article)
    return _at(lay.paragraphs, lay.paragraph_starts, pos)


def paragraph_of(article: Article, pos: int) -> Span:
    """The paragraph (run of story sentences without a line break) holding `pos`, or an empty span."""
    i = paragraph_index(article, pos)
    return layout(article).paragraphs[i] if i >= 0 else Span(pos, pos)


def make_claim(
    article: Article,
    rule: str,
    start: int,
    end: int,
    value: Any,
    *,
    sentence: Span | None = None,
    head: str | None = None,
    role: str = "",
    subject: tuple[str, ...] = (),
    width: int = 10,
    near: int = 4,
) -> Claim:
    """A claim on article.text[start:end], with the context alignment needs.

    `head` is given as a plain word ("jobs") and canonicalised here through
    the synonym vocabulary, so rules never deal with synonym groups.
    """
    sent = sentence or sentence_of(article, start)
    terms, near_terms = window_terms(article.text, sent, start, end, (width, near))
    return Claim(
        rule=rule,
        article=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        value=value,
        sentence=sent,
        terms=terms,
        near=near_terms,
        names=attached_names(article.text, end, sent.end),
        head=canon(head) if head else None,
        role=role,
        subject=subject,
    )
