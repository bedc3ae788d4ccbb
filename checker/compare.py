"""Turn aligned groups and lone claims into findings an editor reads: the one place findings are built.

Every rule builds its findings with these: ``make_finding`` (stable id and
severity), ``topic_of`` (what is compared), ``odd_ones_out`` (who differs
from the majority), ``the_others`` ("b, c" or "5 other articles"),
``article_list`` ("a, b and c") and ``shorten`` (a long text cut at a word).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import TYPE_CHECKING

from checker.model import Claim, ClaimGroup, Finding
from checker.text import surface

if TYPE_CHECKING:
    from checker.rule import Named, Rule

SEVERITY = {"agreement": "info", "discrepancy": "error", "unsupported": "warning"}


def finding_id(rule: str, kind: str, claims: tuple[Claim, ...]) -> str:
    """Stable id from the rule, the kind, the articles and the spans' text (never run order)."""
    key = "\x1f".join([rule, kind, *sorted(f"{c.article}\x1e{c.text}" for c in claims)])
    return f"{rule}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def _quote(c: Claim) -> str:
    return f"{c.article} says {c.text!r}"


def topic_of(claims: tuple[Claim, ...], rule: Named) -> str:
    """A few words naming what is compared: the shared head, else the shared context words."""
    heads = Counter(c.head for c in claims if c.head)
    shared = frozenset.intersection(*(c.terms for c in claims)) if len(claims) > 1 else claims[0].terms
    words = sorted(shared, key=lambda t: (-len(t), t))[:3]
    head = heads.most_common(1)[0][0] if heads else None
    parts = [head] if head else []
    parts += [w for w in words if w != head][: 3 - len(parts)]
    return " ".join(surface(p) for p in parts) if parts else rule.NAME


def odd_ones_out(differ: list[list[bool]]) -> list[int]:
    """Indexes of the members that differ from more members than they agree with (three or more only).

    No odd one out with two members, nor when every member differs from every
    other (no majority to stand against).
    """
    n = len(differ)
    if n <= 2:
        return []
    clashes = [sum(row) for row in differ]
    odd = [i for i in range(n) if clashes[i] > (n - 1) / 2]
    return [] if len(odd) == n else odd


def the_others(ids: list[str], article: str) -> str:
    """The other articles of a story by id, or their number when more than three: "b, c", "5 other articles"."""
    others = [a for a in ids if a != article]
    return ", ".join(others) if len(others) <= 3 else f"{len(others)} other articles"


def article_list(items: tuple[str, ...] | list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def shorten(text: str, words: int | None = None, chars: int | None = None) -> str:
    """Whitespace folded, cut after `words` words or at a word before `chars` characters, with " ..." when cut."""
    ws = text.split()
    if words is not None and len(ws) > words:
        return " ".join(ws[:words]) + " ..."
    t = " ".join(ws)
    if chars is not None and len(t) > chars:
        cut = t[: chars - 4].rsplit(" ", 1)[0] if " " in t[: chars - 4] else t[: chars - 4]
        return cut + " ..."
    return t


def compare_group(group: ClaimGroup, rule: Rule) -> Finding:
    claims = group.claims
    n = len(claims)
    differ = [[rule.compare(claims[i], claims[j]) == "differ" for j in range(n)] for i in range(n)]
    topic = topic_of(claims, rule)
    if not any(any(row) for row in differ):
        kind = "agreement"
        values = "; ".join(f"{c.article}: {rule.describe(c)} ({c.text!r})" for c in claims)
        message = f"{n} articles agree: {values}."
        agree, odd = tuple(c.article for c in claims), ()
    else:
        kind = "discrepancy"
        odd_idx = odd_ones_out(differ)
        odd = tuple(claims[i].article for i in odd_idx)
        agree = tuple(c.article for i, c in enumerate(claims) if i not in odd_idx) if odd_idx else ()
        says = "; ".join(f"{c.article} says {rule.describe(c)} ({c.text!r})" for c in claims)
        tail = f" The odd one out: {', '.join(odd)}." if odd else ""
        message = f"{says}.{tail}"
    return make_finding(rule, kind, claims, message, topic, agree=agree, differ=odd, why=group.why)


def unsupported(claim: Claim, rule: Rule, ids: list[str], repeats: list[Claim] = ()) -> Finding:
    """Only one article states the claim (`repeats`: where it states it again); `ids` are the story's articles."""
    where = the_others(ids, claim.article)
    again = f", and again ({', '.join(repr(r.text) for r in repeats)})" if repeats else ""
    give = "gives" if len(ids) == 2 else "give"
    message = f"Only {claim.article} states {rule.describe(claim)} ({claim.text!r}{again}); {where} {give} no matching {rule.NAME} figure."
    claims = (claim, *repeats)
    return make_finding(rule, "unsupported", claims, message, topic_of((claim,), rule), agree=(claim.article,))


def make_finding(
    rule: Named,
    kind: str,
    claims: tuple[Claim, ...],
    message: str,
    topic: str,
    *,
    agree: tuple[str, ...] = (),
    differ: tuple[str, ...] = (),
    why: str = "",
) -> Finding:
    """A finding with its stable id and severity filled in: how every finding is made."""
    return Finding(
        id=finding_id(rule.CODE, kind, claims),
        rule=rule.CODE,
        rule_name=rule.NAME,
        kind=kind,  # type: ignore[arg-type]
        severity=SEVERITY[kind],  # type: ignore[arg-type]
        topic=topic,
        message=message,
        claims=claims,
        agree=agree,
        differ=differ,
        why=why,
    )
