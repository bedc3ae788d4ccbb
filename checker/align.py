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
from collections.abc import Container, Iterable
from typing import TYPE_CHECKING

from checker.model import Claim, ClaimGroup
from checker.unionfind import UnionFind, bucket_pairs

if TYPE_CHECKING:
    from checker.rule import Rule

W_CONTEXT = 0.45  # the words around each claim (a window of 10 words each side)
W_NEAR = 0.30  # the closest 4 words each side
W_HEAD = 0.25  # same counted noun, line item or person (the rule's affinity)
W_UNIQUE = 0.10  # that head is stated once in each article: likely the same fact
W_LINKED = 0.35  # the two sentences already agree on another fact (an equal sum): likely one event
W_SOLE = 0.10  # ... and each holds just this one claim of the rule
W_SAME = 0.15  # rules may set SAME_VALUE_BONUS: an identical sum is stronger evidence than an identical "2"
W_COMPATIBLE = 0.10
W_FAR_APART = -0.20  # two figures more than FAR_APART times apart
FAR_APART = 3.0
W_OTHER_NAMES = -0.30  # each figure sits next to names the other lacks ("13 miles east of X" / "4 miles west of Y")
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
        self._w: dict[str, float] = {}
        self._totals: dict[frozenset[str], float] = {}

    def weight(self, term: str) -> float:
        w = self._w.get(term)
        if w is None:
            w = self._w[term] = math.log(1 + self.n / (1 + self.df.get(term, 0)))
        return w

    def total(self, terms: frozenset[str]) -> float:
        """The summed weight of a term set (math.fsum: exact, whatever the set's order), kept for the set:
        a claim's terms are weighed again for every claim it is compared with."""
        w = self._totals.get(terms)
        if w is None:
            w = self._totals[terms] = math.fsum(self.weight(t) for t in terms)
        return w


def context_similarity(a: frozenset[str], b: frozenset[str], idf: Idf) -> float:
    """Weighted overlap of two term sets, 0..1 (shared weight over the smaller side's weight)."""
    if not a or not b:
        return 0.0
    # math.fsum: exact, so the result does not depend on set order (PYTHONHASHSEED)
    shared = math.fsum(idf.weight(t) for t in a & b)
    if not shared:
        return 0.0
    wa, wb = idf.total(a), idf.total(b)
    return shared / max(min(wa, wb), 1e-9) * 0.5 + shared / max(wa + wb - shared, 1e-9) * 0.5


def context_candidates(
    term_sets: list[frozenset[str]], idf: Idf, at: float, groups: list[str] | None = None
) -> set[tuple[int, int]]:
    """The pairs (i < j) of term sets whose context_similarity may reach `at` (> 0); every other pair scores below.
    With `groups` (each set's article), only pairs of two groups: a long article's own pairs are never made.

    Both halves of context_similarity are at most shared / min(wa, wb), so a pair reaching `at` shares at
    least `at` of its lighter side's weight. A set's terms taken heaviest first until the rest weighs less
    than `at` of the whole (its prefix): a pair sharing no prefix term of its lighter side shares less than
    `at` of it. So each set's prefix terms are looked up in an index of every set's terms (prefix
    filtering), and the work grows with the rare words claims share, not with all pairs.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, terms in enumerate(term_sets):
        for t in terms:
            index[t].append(i)
    out: set[tuple[int, int]] = set()
    for i, terms in enumerate(term_sets):
        rest = math.fsum(idf.weight(t) for t in terms)  # not idf.total: weighed once, kept nowhere (memory)
        bar = at * rest * (1 - 1e-9)  # a margin for rounding: a longer prefix is only slower
        own = groups[i] if groups is not None else None
        for t in sorted(terms, key=lambda t: (-idf.weight(t), t)):
            if rest < bar:
                break
            rest -= idf.weight(t)
            out.update((min(i, j), max(i, j)) for j in index[t] if j != i and (groups is None or groups[j] != own))
    return out


def score_pair(
    a: Claim,
    b: Claim,
    rule: Rule,
    idf: Idf,
    linked: Container[tuple],
    unique: _UniquePairs | set,
    sole: _UniquePairs | set = frozenset(),
) -> tuple[float, str, str]:
    """(score, verdict, why) for two claims of one rule."""
    verdict = rule.compare(a, b)
    ctx = context_similarity(a.terms, b.terms, idf)
    near = context_similarity(a.near, b.near, idf)
    score = W_CONTEXT * ctx + W_NEAR * near
    why = [f"context {ctx:.2f}, nearest words {near:.2f}"]
    shared = sorted(a.terms & b.terms, key=lambda t: (-idf.weight(t), t))[:4]
    if shared:
        why.append("shared words: " + ", ".join(shared))
    affinity = rule.affinity(a, b)
    if affinity > 0:
        score += W_HEAD * affinity
        about = a.head or b.head
        why.append(f"both about '{about}'" if about else "the same thing")
        if (a, b) in unique:
            score += W_UNIQUE
            why.append("each article states it once")
    elif affinity < 0:
        score += W_HEAD * affinity
        why.append(f"about different things ('{a.head}', '{b.head}')")
    if a.names and b.names and not a.names & b.names:
        score += W_OTHER_NAMES
        why.append(f"next to different names ({', '.join(sorted(a.names))} / {', '.join(sorted(b.names))})")
    other_events = bool(a.head and b.head and a.head != b.head and affinity < 1)
    if (a.article, a.sentence, b.article, b.sentence) in linked and not other_events:
        # (two claims of two named, different things in tied sentences are two facts of one event)
        score += W_LINKED
        why.append("their sentences already agree on another fact")
        if (a, b) in sole:
            score += W_SOLE
    if verdict == "differ" and _ratio(a, b, rule) > FAR_APART:
        score += W_FAR_APART  # 9 points against 4,107: two different facts more often than one misreported
        why.append("values far apart")
    if verdict == "compatible" and not _close(a, b, rule):
        verdict = "far"  # "up to 100" admits 2, but two such figures are rarely one fact: align as if they differed
    if verdict == "same":
        score += W_SAME if rule.same_value_bonus is None else rule.same_value_bonus
    elif verdict == "compatible":
        score += W_COMPATIBLE
    return score, verdict, "; ".join(why)


def _ratio(a: Claim, b: Claim, rule: Rule) -> float:
    """How many times the larger central figure is the smaller (1 when unknown)."""
    x, y = rule.magnitude(a), rule.magnitude(b)
    if not x or not y or x <= 0 or y <= 0:
        return 1.0
    return max(x, y) / min(x, y)


def _close(a: Claim, b: Claim, rule: Rule) -> bool:
    """Whether two compatible values are also near each other (central figures within 25%)."""
    x, y = rule.magnitude(a), rule.magnitude(b)
    if x is None or y is None or x <= 0 or y <= 0:
        return True
    return min(x, y) / max(x, y) >= 0.75


class _UniquePairs:
    """`(a, b) in unique`: a lazily computed, cached only_one(a, b)."""

    def __init__(self, fn):
        self.fn, self.cache = fn, {}

    def __contains__(self, pair: tuple[Claim, Claim]) -> bool:
        key = (id(pair[0]), id(pair[1]))
        if key not in self.cache:
            self.cache[key] = self.fn(*pair)
        return self.cache[key]


def greedy_groups(pairs: list[tuple[float, int, int, str]], fits) -> tuple[list[dict], dict[int, int]]:
    """Groups from scored pairs taken best first: (groups, item -> group index).

    Each group is {"members": [...], "score": best pair's score, "why": its reason}.
    A pair of two free items opens a group; a free item joins its partner's
    group only if `fits(item, members)` allows (one item per article, and
    close enough to every member). Pairs must come sorted, best first.
    """
    group_of: dict[int, int] = {}
    groups: list[dict] = []
    for score, i, j, why in pairs:
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is None and gj is None:
            group_of[i] = group_of[j] = len(groups)
            groups.append({"members": [i, j], "score": score, "why": why})
        elif gi is not None and gj is None and fits(j, groups[gi]["members"]):
            groups[gi]["members"].append(j)
            group_of[j] = gi
        elif gj is not None and gi is None and fits(i, groups[gj]["members"]):
            groups[gj]["members"].append(i)
            group_of[i] = gj
    return groups, group_of


def same_fact(a: Claim, b: Claim, rule: Rule) -> bool:
    """Two claims of one article that state one fact twice (a summary line and the body): the same value
    of the same thing, by the rule's own tests."""
    return a.head == b.head and rule.comparable(a, b) and rule.affinity(a, b) > 0 and rule.compare(a, b) == "same"


def _add_repeats(claims: list[Claim], groups: list[dict], group_of: dict[int, int], rule: Rule) -> None:
    """A fact an article states twice is one fact: a lone claim that repeats a grouped claim of its own
    article (same value, same thing) joins that group, if it differs from no other member."""
    by_fact: dict[tuple[str, str | None], list[int]] = defaultdict(list)  # same_fact needs one article, one head
    for i in sorted(group_of):
        by_fact[(claims[i].article, claims[i].head)].append(i)
    for i, c in enumerate(claims):
        if i in group_of:
            continue
        for j in by_fact.get((c.article, c.head), ()):
            g = groups[group_of[j]]
            if same_fact(c, claims[j], rule) and all(rule.compare(c, claims[m]) != "differ" for m in g["members"]):
                g["members"].append(i)
                group_of[i] = group_of[j]
                break


def _merge_shared(claims: list[Claim], groups: list[dict], rule: Rule) -> list[dict]:
    """Groups that share a fact merge: two groups holding the same fact of one article (the same claim, or
    its repeat: a summary line and the body) are one fact, unless the merge would set two of one
    article's claims against each other."""
    sets = UnionFind(len(groups))
    find = sets.find

    by_fact: dict[tuple[str, str | None], list[tuple[int, int]]] = defaultdict(list)  # (article, head) -> (group, claim)
    for gi, g in enumerate(groups):
        for m in g["members"]:
            by_fact[(claims[m].article, claims[m].head)].append((gi, m))
    members = {gi: list(g["members"]) for gi, g in enumerate(groups)}  # root -> every member of its merged set
    for items in by_fact.values():
        for x in range(len(items)):
            for y in range(x + 1, len(items)):
                (g1, m1), (g2, m2) = items[x], items[y]
                r1, r2 = find(g1), find(g2)
                if g1 != g2 and r1 != r2 and same_fact(claims[m1], claims[m2], rule):
                    a = members[r1] + members[r2]  # the whole merged sets: no claim set against its own article's,
                    # and none set against another article's claim it could never be one fact with
                    if not any(
                        rule.compare(claims[i], claims[j]) == "differ"
                        and (claims[i].article == claims[j].article or not rule.comparable(claims[i], claims[j]))
                        for i in members[r1]
                        for j in members[r2]
                    ):
                        sets.union(g1, g2)
                        members[find(g1)] = a
    merged: dict[int, dict] = {}
    for gi, g in enumerate(groups):
        root = find(gi)
        if root not in merged:
            merged[root] = {"members": list(g["members"]), "score": g["score"], "why": g["why"]}
        else:
            merged[root]["members"] += [m for m in g["members"] if m not in merged[root]["members"]]
            merged[root]["score"] = max(merged[root]["score"], g["score"])
    return list(merged.values())


def align(claims: list[Claim], rule: Rule, idf: Idf, linked: Container[tuple]) -> tuple[list[ClaimGroup], list[Claim]]:
    """Groups of aligned claims, and the claims left alone (`linked`: evidence LINKS, when the rule needs it)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        keys = set(c.terms)
        if c.head:
            keys.add("head:" + c.head)
        for k in keys:
            index[k].append(i)
    comparable, affinity = rule.comparable, rule.affinity
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)

    # counts of an article's claims, each read once per (article, claim) and not once per pair: an article
    # of a thousand claims paired with one claim of another would read its thousand claims per pair
    heads: dict[tuple[str, str], int] = {}
    about: dict[tuple[str, int], int] = {}

    def n_heads(article: str, head: str) -> int:
        if (article, head) not in heads:
            heads[(article, head)] = sum(1 for x in by_article[article] if x.head == head)
        return heads[(article, head)]

    def n_about(article: str, c: Claim, first: bool) -> int:
        """How many claims of article have affinity with c (c as the second argument when first)."""
        key = (article, id(c), first)
        if key not in about:
            about[key] = sum(1 for x in by_article[article] if (affinity(x, c) if first else affinity(c, x)) > 0)
        return about[key]

    def only_one(a: Claim, b: Claim) -> bool:
        """a is the only claim of its article about what b is about (and vice versa)."""
        if a.head and a.head == b.head:
            if n_heads(a.article, a.head) == n_heads(b.article, a.head) == 1:
                return True
        return n_about(a.article, b, True) == 1 and n_about(b.article, a, False) == 1

    unique = _UniquePairs(only_one)
    per_sentence: dict[tuple, int] = defaultdict(int)
    for c in claims:
        per_sentence[(c.article, c.sentence)] += 1
    sole = _UniquePairs(lambda a, b: per_sentence[(a.article, a.sentence)] == 1 == per_sentence[(b.article, b.sentence)])
    pairs: list[tuple[float, int, int, str, str]] = []
    weak: dict[tuple[int, int], float] = {}  # scored, but below their bar
    for i, j in bucket_pairs(index.values(), 200):  # a word every claim shares tells nothing
        a, b = claims[i], claims[j]
        if a.article == b.article or not comparable(a, b):
            continue
        score, verdict, why = score_pair(a, b, rule, idf, linked, unique, sole)
        if score >= (DIFFER_AT if verdict in ("differ", "far") else AGREE_AT):
            pairs.append((score, i, j, verdict, why))
        else:
            weak[(i, j)] = score
    pairs.sort(key=lambda p: (-p[0], claims[p[1]].article, claims[p[1]].start, claims[p[2]].article, claims[p[2]].start))

    scored: dict[tuple[int, int], float] = {(i, j): score for score, i, j, _, _ in pairs}

    def fits(new: int, members: list[int]) -> bool:
        """A claim joins a group when it aligns with one member and looks like the same fact beside every other.

        "Beside every other" is the lower, agreement bar: a third article's
        figure that clearly matches one article and loosely the other joins as
        the odd one out, while one that only matches one member stays out.
        """
        if claims[new].article in {claims[m].article for m in members}:
            return False
        for m in members:
            key = (min(new, m), max(new, m))
            if key in scored:
                continue
            if weak.get(key, 0.0) < AGREE_AT:  # never scored (no shared word) or scored too low
                return False
        return True

    groups, group_of = greedy_groups([(score, i, j, why) for score, i, j, _, why in pairs], fits)
    _add_repeats(claims, groups, group_of, rule)
    groups = _merge_shared(claims, groups, rule)
    out = []
    for g in groups:
        members = sorted(g["members"], key=lambda m: (claims[m].article, claims[m].start))
        out.append(ClaimGroup(rule.CODE, tuple(claims[m] for m in members), g["score"], g["why"]))
    alone = [c for i, c in enumerate(claims) if i not in group_of]
    return out, alone
