"""FC109 actors: who pays, invests or receives a sum that two articles agree on.

What it finds
    For each sum that checker/align.py lines up across articles (FC101), the
    body or person the sentence names as acting with it: the first name
    before the sum in its sentence (else the first after it). If two
    articles agree on the sum but name different actors, and neither names
    the other's actor in its sentence, that is a discrepancy on the actor,
    reported beside the agreement on the sum under the same topic
    (REPORT.md: one finding per fact).

Why it matters
    "The county will spend 50m" and "the town gets 50m" agree on the
    figure and disagree on who pays; an editor checking only figures misses it.

Example
    A: Harlow Council will invest $4 million in the library.
    B: The Ferrow Trust is putting $4 million into the library.
    -> agreement on the sum (FC101), discrepancy on the actor (FC109)

Limits, on purpose: pronouns ("it", "he") and common nouns ("the company")
give no actor, a place written as a modifier ("a Denver-based firm") is not
one, and people are not compared as actors (next to a sum a person is as often
the one paid as the payer); when in doubt, no finding.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from typing import Any

from checker import vocab
from checker.claims import make_claim
from checker.compare import make_finding
from checker.entities import find_mentions
from checker.evidence import groups_of
from checker.model import Article, Claim, Finding

CODE = "FC109"
NAME = "actors"
REPORT_ALONE = False
NEEDS = (groups_of("money"),)  # actors are read off the sums the money rule aligned
KINDS = ("discrepancy",)
ACTOR_KINDS = ("person", "body", "place", "other")  # "other": a bare name the index could not type


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str
    money_start: int  # the sum this actor acts with

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind}


@functools.cache
def _heads() -> frozenset[str]:
    from checker.text import canon

    return frozenset(canon(w) for w in vocab.load("actors")["money_heads"])


def _actor_for(article: Article, money: Claim, mentions) -> Any | None:
    """The first person, body or place named before the sum in its sentence, else the first after it."""
    text = article.text
    inside = [
        m
        for m in mentions
        if m.kind in ACTOR_KINDS
        and money.sentence.start <= m.start
        and m.end <= money.sentence.end
        and (m.kind != "other" or money.sentence.start < m.start)  # an untyped capital opening a sentence may be any word
        and not _modifier(text, m)
    ]
    inside = [m for m in inside if _can_act(m)]
    before = [m for m in inside if m.end <= money.start]
    if before:
        return before[0]
    after = [m for m in inside if m.start >= money.end]
    return after[0] if after else None


def _can_act(m) -> bool:
    """Bodies and places pay, invest and receive in news copy; a person next to a sum is too often the one
    paid (a player's contract, a defendant's theft) to call a different person a different actor, and an
    untyped plural name ("the Rangers") is a team more often than a payer."""
    if m.kind == "person":
        return False
    if m.kind == "other" and (len(m.text) < 4 or m.text.endswith("s")):
        return False
    return True


def _modifier(text: str, m) -> bool:
    """'Denver-based', 'Denver's': the name qualifies another noun, it does not act."""
    return bool(re.match(r"-based\b|['’]s\s+(?:own\s+)?[a-z]", text[m.end : m.end + 12]))


def _actor_claim(article: Article, money: Claim) -> Claim | None:
    """The actor of one sum, as a claim on the actor's name."""
    m = _actor_for(article, money, find_mentions(article))
    if m is None:
        return None
    return make_claim(article, CODE, m.start, m.end, Actor(m.text, m.kind, money.start), sentence=money.sentence)


def describe(claim: Claim) -> str:
    return claim.value.name


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    """For each sum money aligned and the articles agree on, whether they name different actors."""
    module = sys.modules[__name__]
    index = story.entities
    findings: list[Finding] = []
    for group in evidence.groups("money"):
        if group.kind != "agreement":
            continue  # the sum itself differs: that is the money rule's finding
        if not any(c.head in _heads() for c in group.claims):
            continue  # a price or a revenue: no payer to compare
        actors = [(m, _actor_claim(story.article(m.article), m)) for m in group.claims]
        named = [(m, a) for m, a in actors if a is not None]
        for i, (ma, a) in enumerate(named):
            for mb, b in named[i + 1 :]:
                # each sentence naming the other's actor too: the two only order the same names differently
                if _same_actor(index, a, b) or (_names_in(story, b, ma) and _names_in(story, a, mb)):
                    continue
                msg = (
                    f"{a.article} and {b.article} agree on the sum ({ma.text!r} / {mb.text!r}) but not on who acts with it: "
                    f"{a.article} names {a.text!r}, {b.article} names {b.text!r}."
                )
                findings.append(make_finding(module, "discrepancy", (a, b), msg, group.topic))
                break
            else:
                continue
            break
    return findings


def _same_actor(index, a: Claim, b: Claim) -> bool:
    ea, eb = index.entity_at(a.article, a.start, a.end), index.entity_at(b.article, b.start, b.end)
    if ea is not None and ea == eb:
        return True
    x, y = a.text.lower(), b.text.lower()
    if x in y or y in x:  # "the Carlton" and "the Carlton Hotel"
        return True
    return index.same(a.article, a.text, b.article, b.text)


def _names_in(story, actor: Claim, money: Claim) -> bool:
    """Whether the money's sentence (in another article) names this actor at all."""
    index = story.entities
    eid = index.entity_at(actor.article, actor.start, actor.end)
    for m in find_mentions(story.article(money.article)):
        if money.sentence.start <= m.start and m.end <= money.sentence.end:
            other = index.entity_at(money.article, m.start, m.end)
            if (eid is not None and other == eid) or index.same(actor.article, actor.text, money.article, m.text):
                return True
    return False
