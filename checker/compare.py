"""Turn aligned groups and lone claims into findings an editor reads."""

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
        clashes = [sum(row) for row in differ]
        # the odd ones out differ from more articles than they agree with
        odd_idx = [i for i in range(n) if clashes[i] > (n - 1) / 2] if n > 2 else []
        if len(odd_idx) == n:  # all differ from all: no majority, no odd one out
            odd_idx = []
        odd = tuple(claims[i].article for i in odd_idx)
        agree = tuple(c.article for i, c in enumerate(claims) if i not in odd_idx) if odd_idx else ()
        says = "; ".join(f"{c.article} says {rule.describe(c)} ({c.text!r})" for c in claims)
        tail = f" The odd one out: {', '.join(odd)}." if odd else ""
        message = f"{says}.{tail}"
    return Finding(
        id=finding_id(rule.CODE, kind, claims),
        rule=rule.CODE,
        rule_name=rule.NAME,
        kind=kind,
        severity=SEVERITY[kind],
        topic=topic,
        message=message,
        claims=claims,
        agree=agree,
        differ=odd,
        why=group.why,
    )


def unsupported(claim: Claim, rule: Rule, others: list[str]) -> Finding:
    where = ", ".join(others) if len(others) <= 3 else f"{len(others)} other articles"
    message = f"Only {claim.article} states {rule.describe(claim)} ({claim.text!r}); {where} give no matching {rule.NAME} figure."
    return Finding(
        id=finding_id(rule.CODE, "unsupported", (claim,)),
        rule=rule.CODE,
        rule_name=rule.NAME,
        kind="unsupported",
        severity=SEVERITY["unsupported"],
        topic=topic_of((claim,), rule),
        message=message,
        claims=(claim,),
        agree=(claim.article,),
    )


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
    """A finding with its stable id and severity filled in: what story-level rules build."""
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
