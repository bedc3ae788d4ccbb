"""Accounts of one fact across articles: which article's account fits none of the others'.

Story rules whose facts are accounts of one thing (a charge, a cause, a
person's condition) rather than figures to align: the rule gathers, per thing,
each article's claims, and says when two claims may both be true (``fits``).
An article is the odd one out when a claim of it fits no claim of any other
article while the others' accounts fit each other: one story told by all but
one. Two articles that disagree are each other's odd one out; the pair is
reported once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from checker.compare import article_list, make_finding
from checker.model import Claim, Finding

Fits = Callable[[Claim, Claim], bool]


def odd_accounts(ids: list[str], per_article: dict[str, list[Claim]], fits: Fits) -> Iterable[tuple[Claim, tuple[Claim, ...]]]:
    """(the odd claim, one claim of every other article), for each account no other article's fits."""
    arts = [a for a in ids if a in per_article]
    seen: set[frozenset[Claim]] = set()
    for odd in arts:
        others = [a for a in arts if a != odd]
        if not others:
            continue
        consistent = all(
            any(fits(y, z) for z in per_article[b]) for a in others for y in per_article[a] for b in others if b != a
        )
        if not consistent:
            continue  # the others do not tell one story either: nothing to set the odd one against
        for x in per_article[odd]:
            if any(fits(x, y) for a in others for y in per_article[a]):
                continue
            picked = tuple(per_article[a][0] for a in others)
            key = frozenset((x, *picked))
            if key not in seen:
                seen.add(key)
                yield x, picked


def agreeing(ids: list[str], per_article: dict[str, list[Claim]], fits: Fits) -> tuple[Claim, ...] | None:
    """One claim of each article, every two of them fitting each other, when at least two articles agree so."""
    arts = [a for a in ids if a in per_article]
    if len(arts) < 2:
        return None
    chosen: list[Claim] = []
    for a in arts:
        pick = next((c for c in per_article[a] if all(fits(c, d) for d in chosen)), None)
        if pick is None:
            return None
        chosen.append(pick)
    return tuple(chosen)


def odd_finding(rule, story, x: Claim, picked: tuple[Claim, ...], describe, topic: str, *, gives: bool, tail: str) -> Finding:
    """The discrepancy of an odd account, one message for every rule of accounts:
    "x says A ('...') where b and c say otherwise: b: B ('...'); .... <tail>" (`gives`: "x gives A where b gives: ...")."""
    others = [y.article for y in picked]
    one, many = ("gives", "give") if gives else ("says", "say")
    said = (one if len(others) == 1 else many) + ("" if gives else " otherwise")
    theirs = "; ".join(f"{y.article}: {describe(y)} ({y.text!r})" for y in picked)
    msg = f"{x.article} {one} {describe(x)} ({x.text!r}) where {article_list(others)} {said}: {theirs}. {tail}"
    group = tuple(sorted((x, *picked), key=lambda c: (story.order[c.article], c.start)))
    several = len(others) > 1
    return make_finding(
        rule, "discrepancy", group, msg, topic, agree=tuple(others) if several else (), differ=(x.article,) if several else ()
    )
