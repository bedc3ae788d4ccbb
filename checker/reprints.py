"""Reprints: articles that are near-copies of one wire story count as one source.

Two articles are near-copies when most of the shorter one's word 5-grams
(shingles, the standard near-duplicate test) also occur in the other. A fact
that only near-copies share is one source, not two confirmations: such an
agreement becomes an unsupported finding, and every other finding that cites
them says which articles are copies of one another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from checker.compare import finding_id
from checker.model import Article, Finding
from checker.text import WORD_RE
from checker.unionfind import UnionFind

SHINGLE = 5
COPY_SHARE = 0.6  # share of the shorter article's shingles found in the other
MIN_SHINGLES = 40  # a note of a few lines inside a long story is a quotation of it, not a reprint


def shingles(article: Article) -> set[tuple[str, ...]]:
    words = [w.lower() for s in article.sentences for w in WORD_RE.findall(article.text, s.start, s.end)]
    return {tuple(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 0))}


def clusters(articles: list[Article]) -> list[tuple[str, ...]]:
    """Groups of two or more articles that are near-copies, in article order."""
    sets = [shingles(a) for a in articles]
    uf = UnionFind(len(articles))

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            small = min(len(sets[i]), len(sets[j]))
            if small >= MIN_SHINGLES and len(sets[i] & sets[j]) / small >= COPY_SHARE:
                uf.union(i, j)
    groups: dict[int, list[str]] = {}
    for i, a in enumerate(articles):
        groups.setdefault(uf.find(i), []).append(a.id)
    return [tuple(g) for g in groups.values() if len(g) > 1]


def apply(findings: list[Finding], copies: list[tuple[str, ...]], reports_alone: Callable[[Finding], bool]) -> list[Finding]:
    """Count near-copies once: an agreement among copies only is one source's claim.

    ``reports_alone(finding)`` says whether the finding's rule reports one
    source's claims at all (REPORT_ALONE); where it does not, the agreement
    keeps its kind and only gets the note.
    """
    if not copies:
        return findings
    cluster_of = {aid: c for c in copies for aid in c}
    out = []
    for f in findings:
        arts = {c.article for c in f.claims}
        involved = {cluster_of[a] for a in arts if a in cluster_of}
        if not involved:
            out.append(f)
            continue
        note = " ".join(f"{', '.join(c)} are near-copies of one story and count as one source." for c in sorted(involved))
        if reports_alone(f) and f.kind == "agreement" and len(involved) == 1 and arts <= set(next(iter(involved))):
            f = replace(
                f,
                id=finding_id(f.rule, "unsupported", f.claims),
                kind="unsupported",
                severity="warning",
                message=f"{f.message} {note}",
            )
        else:
            f = replace(f, message=f"{f.message} {note}")
        out.append(f)
    return out
