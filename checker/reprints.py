"""Reprints: articles that are near-copies of one wire story count as one source.

Two articles are near-copies when most of the shorter one's word 5-grams
(shingles, the standard near-duplicate test) also occur in the other. A fact
that only near-copies share is one source, not two confirmations: such an
agreement becomes an unsupported finding, and every other finding that cites
them says which articles are copies of one another.
"""

from __future__ import annotations

import math
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
    """Groups of two or more articles that are near-copies, in article order.

    The same pairs as comparing every pair, found near-linearly: articles with the same shingles are
    one group at once (an exact hash); for the others, the pairs to test come from an inverted index of
    shingles probed with each article's prefix filter (its rarest shingles: a pair sharing at least
    COPY_SHARE of the shorter one's shingles must share one of the shorter one's rarest
    ``len - ceil(COPY_SHARE * len) + 1``), and a pair already in one group is not tested again.
    """
    sets = [shingles(a) for a in articles]
    uf = UnionFind(len(articles))
    big = [i for i, s in enumerate(sets) if len(s) >= MIN_SHINGLES]
    # exact copies: one representative each
    first: dict[frozenset, int] = {}
    reps = []
    for i in big:
        key = frozenset(sets[i])
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i
            reps.append(i)
    postings: dict[tuple[str, ...], list[int]] = {}
    for i in reps:
        for sh in sets[i]:
            postings.setdefault(sh, []).append(i)
    for i in reps:
        size = len(sets[i])
        prefix = size - math.ceil(COPY_SHARE * size - 1e-9) + 2  # one more than needed: float ratios
        rarest = sorted(sets[i], key=lambda sh: (len(postings[sh]), sh))[:prefix]
        tested: set[int] = set()
        for sh in rarest:
            for j in postings[sh]:
                if j == i or j in tested:
                    continue
                tested.add(j)
                # the pair is the shorter one's to test (ties: the earlier article's)
                if (len(sets[j]), j) < (size, i) or uf.find(i) == uf.find(j):
                    continue
                if len(sets[i] & sets[j]) / size >= COPY_SHARE:
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
