"""The data that flows between factcheck's stages: frozen dataclasses, no logic.

Offsets are Python string indices into the article's text exactly as decoded
from its file (nothing normalised in place), so that
``article.text[claim.start:claim.end] == claim.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Kind = Literal["agreement", "discrepancy", "unsupported"]
Severity = Literal["info", "warning", "error"]
Verdict = Literal["same", "compatible", "differ"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its text and what the loader read off its page.

    ``sentences`` cover the story only: headline, dateline, byline and page
    furniture (share lines, comment prompts, author bios) lie outside them, so
    rules that read sentences never see furniture.
    """

    id: str
    path: str
    text: str
    title: str | None
    published: dt.date | None
    byline: str | None
    sentences: tuple[Span, ...]
    furniture: tuple[Span, ...] = ()
    # the story's year when this article has no dateline (for exchange rates); never reported
    year_hint: int | None = None
    # a wire lead's dateline before the story text ("PORTVILLE, August 7 (Agency) --"): outside the sentences
    lead: Span | None = None


class Value(Protocol):
    """A rule's normalised value: frozen, comparable, JSON-able."""

    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact an article states, with the context alignment needs.

    ``head`` is what the value is about (the counted noun, the money's line
    item, a date's event noun), canonicalised through the synonym vocabulary;
    ``terms`` are the canonical content words around the claim (``near``: the
    closest few);
    ``role`` is a rule-specific role (for dates: point, start, deadline).
    """

    rule: str
    article: str
    start: int
    end: int
    text: str
    value: Any
    sentence: Span
    terms: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # the name the figure is attached to ("5 miles east of [Ashby]")
    head: str | None = None
    role: str = ""
    subject: tuple[str, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims from different articles that speak of the same fact (one per article)."""

    rule: str
    claims: tuple[Claim, ...]
    score: float
    why: str


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    rule: str
    rule_name: str
    kind: Kind
    severity: Severity
    topic: str
    message: str
    claims: tuple[Claim, ...]
    agree: tuple[str, ...] = ()
    differ: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    articles: tuple[Article, ...]
    findings: tuple[Finding, ...]
    counts: dict[str, int] = field(default_factory=dict)
    reprints: tuple[tuple[str, ...], ...] = ()  # groups of near-copy articles, counted as one source
