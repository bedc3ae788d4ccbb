"""FC114 conditions: the condition of a person hurt in the story, as hospitals and police give it.

What it finds
    A condition claim: a phrase that grades a hurt person's condition
    ("in critical condition", "critically injured", "serious injuries", "in
    stable condition", "minor injuries"; rules/vocab/conditions.toml), and
    the person it is of: the last person named before it in its sentence, or
    for a sentence that opens with "he" or "she", the last person named in
    the sentence before. A clause may give two grades ("in critical
    condition but stable").

    For one person (checker/entities.py resolves the name across articles):
    accounts that share a grade agree; an account that shares no grade with
    any other article's, and is three ranks away from them ("critical"
    against "minor injuries", "treated and released"), is a discrepancy.
    Nearer grades ("critical" against "serious" or "stable") are not called:
    outlets use them loosely and a condition changes within a day.

Why it matters
    Whether a victim is fighting for life or was treated and released is
    what readers and families take from a story; two outlets far apart on it
    means one of them has an old or a wrong account.

Example
    A: Fire chief Dana Orr was in critical condition at Brask General on Sunday.
    B: Fire chief Dana Orr was treated and released from Brask General on Sunday.
    -> discrepancy

Limits, on purpose: a condition of no named person ("three people were in
critical condition") is not compared, and a condition only one article gives
is not reported (FC108 reports the statement).
"""

from __future__ import annotations

import functools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from checker import vocab
from checker.accounts import agreeing, odd_accounts, odd_finding
from checker.claims import make_claim
from checker.compare import make_finding
from checker.entities import find_mentions, names_match, title_word
from checker.model import Article, Claim, Finding
from checker.text import sentence_words
from checker.unionfind import UnionFind

CODE = "FC114"
NAME = "conditions"
REPORT_ALONE = False  # a condition only one article gives is a plain statement (FC108 reports it)
KINDS = ("agreement", "discrepancy")
PERSON_KINDS = ("person", "other")
PRONOUN_OPENERS = ("he", "she")


@dataclass(frozen=True, slots=True)
class Condition:
    person: str  # the name as written
    grades: frozenset[str]

    def to_json(self) -> dict[str, Any]:
        return {"person": self.person, "grades": sorted(self.grades)}


@functools.cache
def _v() -> dict[str, Any]:
    return vocab.load("conditions")


@functools.cache
def _phrase_re() -> re.Pattern[str]:
    phrases = sorted(((p, g) for g, t in _v()["grades"].items() for p in t["phrases"]), key=lambda x: -len(x[0]))
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p, _ in phrases) + r")\b", re.I)


@functools.cache
def _gate_words() -> frozenset[str]:
    """A word every phrase holds one of (its longest): a sentence without any is not scanned."""
    return frozenset(max(re.findall(r"[a-z]+", p.lower()), key=len) for t in _v()["grades"].values() for p in t["phrases"])


@functools.cache
def _grade_of() -> dict[str, str]:
    return {re.sub(r"[\s-]+", " ", p.lower()): g for g, t in _v()["grades"].items() for p in t["phrases"]}


def _rank(grade: str) -> int:
    return int(_v()["grades"][grade]["rank"])


JOIN_GAP = 12  # two grades this close are one account ("in critical condition but stable")


def _named(m) -> bool:
    """A person's name: a person mention, or an untyped one of two words or more ("Police Jo Roe")."""
    return m.kind == "person" or (m.kind == "other" and len(m.text.split()) >= 2)


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    out: list[Claim] = []
    people = None
    prev_sent = None
    keys = _gate_words()
    words = sentence_words(article)
    for sent in article.sentences:
        found = [] if keys.isdisjoint(words[sent]) else list(_phrase_re().finditer(text, sent.start, sent.end))
        if found:
            if people is None:
                people = [m for m in find_mentions(article) if m.kind in PERSON_KINDS and _named(m)]
            # accounts: runs of phrases with nothing but a few words between ("critical condition but stable")
            runs: list[list[re.Match[str]]] = []
            for m in found:
                if runs and m.start() - runs[-1][-1].end() <= JOIN_GAP:
                    runs[-1].append(m)
                else:
                    runs.append([m])
            lo = sent.start
            for run in runs:
                who = [m for m in people if lo <= m.start and m.end <= run[0].start()]
                opener = text[sent.start : sent.end].split(" ", 1)[0].lower()
                start = None
                if who:
                    bare = _bare(who[-1].text)
                    start = who[-1].start + who[-1].text.rfind(bare)  # the name, without a title run into it
                elif lo == sent.start and prev_sent is not None and opener in PRONOUN_OPENERS:
                    who = [m for m in people if prev_sent.start <= m.start and m.end <= prev_sent.end]
                    start = sent.start  # "He was in critical condition": the pronoun is the claim's subject
                if who and start is not None:
                    person = who[-1]
                    grades = frozenset(_grade_of()[re.sub(r"[\s-]+", " ", m.group().lower())] for m in run)
                    out.append(
                        make_claim(
                            article, CODE, start, run[-1].end(), Condition(person.text, grades), sentence=sent, head="condition"
                        )
                    )
                lo = run[-1].end()
        prev_sent = sent
    return out


def describe(claim: Claim) -> str:
    c: Condition = claim.value
    return f"{c.person}: " + " and ".join(sorted(c.grades, key=lambda g: -_rank(g)))


def _fits(a: Claim, b: Claim) -> bool:
    """Two accounts of one person's condition that may both be true: a grade in common, or grades too near to call."""
    ga, gb = a.value.grades, b.value.grades
    if ga & gb:
        return True
    return min(abs(_rank(x) - _rank(y)) for x in ga for y in gb) < _v()["min_gap"]


def _bare(name: str) -> str:
    """The name without a title word run into it: "Police Scott Roe" -> "Scott Roe"."""
    words = name.split()
    while len(words) > 2 and title_word(words[0]):
        words = words[1:]
    return " ".join(words)


def _same(a: Claim, b: Claim) -> bool:
    return bool(a.value.grades & b.value.grades)


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    module = sys.modules[__name__]
    index = story.entities
    # one person: names that the story's index (or the name matcher) takes for one ("Scott Roe", "Roe");
    # a title run into the name ("Police Scott Roe") is read without it
    people = UnionFind(len(claims))
    names = [_bare(c.value.person) for c in claims]
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if names_match(index, claims[i].article, names[i], claims[j].article, names[j]):
                people.union(i, j)
    by_person: dict[int, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for i, c in enumerate(claims):
        by_person[people.find(i)][c.article].append(c)
    findings: list[Finding] = []
    for _key, per_article in sorted(by_person.items()):
        odd = list(odd_accounts(story.ids, per_article, _fits))
        for x, picked in odd:
            findings.append(
                odd_finding(
                    module,
                    story,
                    x,
                    picked,
                    describe,
                    f"condition of {x.value.person}",
                    gives=True,
                    tail="Check the latest account of the condition.",
                )
            )
        if odd:
            continue
        group = agreeing(story.ids, per_article, _same)
        if group:
            said = "; ".join(f"{c.article}: {describe(c)} ({c.text!r})" for c in group)
            findings.append(
                make_finding(
                    module,
                    "agreement",
                    group,
                    f"{len(group)} articles agree: {said}.",
                    f"condition of {group[0].value.person}",
                    agree=tuple(c.article for c in group),
                )
            )
    return findings
