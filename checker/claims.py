"""Helpers rules use to build claims: the sentence around a span and its context terms."""

from __future__ import annotations

import bisect
from typing import Any

from checker.model import Article, Claim, Span
from checker.text import attached_names, canon, window_terms


def sentence_of(article: Article, pos: int) -> Span:
    """The story sentence holding offset `pos` (sentences are sorted and disjoint)."""
    starts = [s.start for s in article.sentences]
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and article.sentences[i].contains(pos):
        return article.sentences[i]
    return Span(pos, pos)


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
