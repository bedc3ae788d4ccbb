"""Line up claims of different articles that speak of the same fact.

How two claims are scored (the report quotes the reasons):

- they must be of one rule, from different articles, and the rule's
  ``comparable(a, b)`` must accept them (same counted noun, same line item);
- **context**: weighted overlap of the canonical words around each claim,
  a word weighing less the more sentences of the story use it (idf), so
  "segment" and "aired" count for more than "said";
- **head**: the same counted noun or line item;
- **linked sentences**: another fact of the two sentences already agrees
  (their sums match), so the sentences are about one event;
- **value**: the same or a compatible value.

Candidates come from an inverted index on head and context words, never
from all pairs, so the cost grows with the claims that share words. Pairs
are then taken best first, one claim per article in a group: with three
articles, two that agree and one that differs form one group.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from types import ModuleType

from checker.model import Claim, ClaimGroup, Span

W_CONTEXT = 0.45  # the words around each claim (a window of 10 words each side)
W_NEAR = 0.30  # the closest 4 words each side
W_HEAD = 0.25  # same counted noun, line item or person (the rule's affinity)
W_UNIQUE = 0.10  # that head is stated once in each article: likely the same fact
W_LINKED = 0.25
W_SAME = 0.15  # rules may set SAME_VALUE_BONUS: an identical sum is stronger evidence than an identical "2"
W_COMPATIBLE = 0.10
AGREE_AT = 0.30  # a pair with compatible values aligns from this score
DIFFER_AT = 0.42  # a pair with different values must be this close to be one fact


class Idf:
    """Inverse sentence frequency of canonical terms over the story's sentences."""

    def __init__(self, sentence_terms: Iterable[frozenset[str]]):
        df: dict[str, int] = defaultdict(int)
        n = 0
        for terms in sentence_terms:
            n += 1
            for t in terms:
                df[t] += 1
        self.n = max(n, 1)
        self.df = df

    def weight(self, term: str) -> float:
        return math.log(1 + self.n / (1 + self.df.get(term, 0)))


def context_similarity(a: frozenset[str], b: frozenset[str], idf: Idf) -> float:
    """Weighted overlap of two term sets, 0..1 (shared weight over the smaller side's weight)."""
    if not a or not b:
        return 0.0
    shared = sum(idf.weight(t) for t in a & b)
    if not shared:
        return 0.0
    wa = sum(idf.weight(t) for t in a)
    wb = sum(idf.weight(t) for t in b)
    return shared / max(min(wa, wb), 1e-9) * 0.5 + shared / max(wa + wb - shared, 1e-9) * 0.5


def default_affinity(a: Claim, b: Claim) -> float:
    return 1.0 if a.head and a.head == b.head else 0.0


def score_pair(
    a: Claim, b: Claim, rule: ModuleType, idf: Idf, linked: set[tuple[str, Span, str, Span]], unique: set[tuple[str, str]]
) -> tuple[float, str, str]:
    """(score, verdict, why) for two claims of one rule."""
    verdict = rule.compare(a, b)
    ctx = context_similarity(a.terms, b.terms, idf)
    near = context_similarity(a.near, b.near, idf)
    score = W_CONTEXT * ctx + W_NEAR * near
    why = [f"context {ctx:.2f}, nearest words {near:.2f}"]
    shared = sorted(a.terms & b.terms, key=idf.weight, reverse=True)[:4]
    if shared:
        why.append("shared words: " + ", ".join(shared))
    affinity = getattr(rule, "affinity", default_affinity)(a, b)
    if affinity:
        score += W_HEAD * affinity
        why.append(f"both about '{a.head or b.head}'")
        if a.head and (a.article, a.head) in unique and (b.article, b.head) in unique:
            score += W_UNIQUE
    if (a.article, a.sentence, b.article, b.sentence) in linked:
        score += W_LINKED
        why.append("their sentences already agree on another fact")
    if verdict == "same":
        score += getattr(rule, "SAME_VALUE_BONUS", W_SAME)
    elif verdict == "compatible":
        score += W_COMPATIBLE
    return score, verdict, "; ".join(why)


def align(claims: list[Claim], rule: ModuleType, idf: Idf, linked: set[tuple[str, Span, str, Span]]) -> tuple[list[ClaimGroup], list[Claim]]:
    """Groups of aligned claims, and the claims left alone."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        keys = set(c.terms)
        if c.head:
            keys.add("head:" + c.head)
        for k in keys:
            index[k].append(i)
    comparable = getattr(rule, "comparable", lambda a, b: True)
    head_counts: dict[tuple[str, str], int] = defaultdict(int)
    for c in claims:
        if c.head:
            head_counts[(c.article, c.head)] += 1
    unique = {k for k, n in head_counts.items() if n == 1}
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[float, int, int, str, str]] = []
    for key, members in index.items():
        if len(members) > 200:  # a word every claim shares tells nothing; skip its quadratic bucket
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in seen or claims[i].article == claims[j].article:
                    continue
                seen.add((i, j))
                a, b = claims[i], claims[j]
                if not comparable(a, b):
                    continue
                score, verdict, why = score_pair(a, b, rule, idf, linked, unique)
                if score >= (DIFFER_AT if verdict == "differ" else AGREE_AT):
                    pairs.append((score, i, j, verdict, why))
    pairs.sort(key=lambda p: (-p[0], claims[p[1]].article, claims[p[1]].start, claims[p[2]].article, claims[p[2]].start))
    group_of: dict[int, int] = {}
    groups: list[dict] = []
    for score, i, j, verdict, why in pairs:
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is None and gj is None:
            group_of[i] = group_of[j] = len(groups)
            groups.append({"members": [i, j], "score": score, "why": why})
        elif gi is not None and gj is None:
            g = groups[gi]
            if claims[j].article not in {claims[m].article for m in g["members"]}:
                g["members"].append(j)
                group_of[j] = gi
        elif gj is not None and gi is None:
            g = groups[gj]
            if claims[i].article not in {claims[m].article for m in g["members"]}:
                g["members"].append(i)
                group_of[i] = gj
    out = []
    for g in groups:
        members = sorted(g["members"], key=lambda m: (claims[m].article, claims[m].start))
        out.append(ClaimGroup(rule.CODE, tuple(claims[m] for m in members), g["score"], g["why"]))
    alone = [c for i, c in enumerate(claims) if i not in group_of]
    return out, alone
