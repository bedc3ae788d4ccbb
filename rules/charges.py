"""FC112 charges: what a person is charged with, convicted of or acquitted of.

What it finds
    A charge claim: a stage phrase ("charged with", "charged in", "indicted
    on", "accused of", "convicted of", "pleaded guilty to", "acquitted of";
    rules/vocab/charges.toml) and the offences listed after it in its clause
    ("charged with vehicular manslaughter, leaving the scene and criminally
    negligent homicide"). Each offence has a grade in its family ("murder",
    a lesser homicide such as manslaughter or negligent homicide, or "*":
    "the killing", "her death", which fits any) and may have a qualifier
    ("first-degree"). Offences are compared only within one stage: being
    charged with murder and convicted of manslaughter is one case's history.

    A discrepancy: one article's charge fits none of the charges every other
    article gives for that family and stage, while those others agree with
    each other: "charged with murder" against three outlets that list
    manslaughter and negligent homicide, or "first-degree" against
    "second-degree" murder. An article that lists more charges than another
    is no discrepancy (an outlet may name only some), and neither is a charge
    one article alone gives.

Why it matters
    A lead that says "charged with murder" when the charge is manslaughter
    overstates what the authorities allege about a named person: a
    correction and a legal risk.

Example
    A: The driver who struck the cyclist is charged with murder, police said.
    B: The driver was charged with vehicular manslaughter and leaving the scene, police said.
    -> discrepancy

Limits, on purpose: two articles published days apart are not compared (a
charge may have been changed between them), a charge sentence naming a person
no other article's charge sentence names is not compared (two defendants may
face two charges), and homicide is the only family read so far.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from checker import vocab
from checker.accounts import odd_accounts, odd_finding
from checker.claims import make_claim
from checker.entities import find_mentions
from checker.model import Article, Claim, Finding
from checker.text import sentence_words

CODE = "FC112"
NAME = "charges"
REPORT_ALONE = False  # a charge only one article gives is a plain statement (FC108 reports it)
KINDS = ("discrepancy",)


@dataclass(frozen=True, slots=True)
class Offence:
    words: str  # as written: "vehicular manslaughter"
    family: str  # "homicide"
    grade: str  # "murder", "lesser", "*"
    qualifier: str = ""  # "first"


@dataclass(frozen=True, slots=True)
class Charge:
    stage: str  # "charge", "conviction", "acquittal"
    offences: tuple[Offence, ...]

    def to_json(self) -> dict[str, Any]:
        return {"stage": self.stage, "offences": [o.words for o in self.offences]}


@functools.cache
def _v() -> dict[str, Any]:
    return vocab.load("charges")


@functools.cache
def _stage_re() -> re.Pattern[str]:
    phrases = sorted(((p, s) for s, ps in _v()["stages"].items() for p in ps), key=lambda x: -len(x[0]))
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p, _ in phrases) + r")\b", re.I)


@functools.cache
def _stage_of() -> dict[str, str]:
    return {p.lower(): s for s, ps in _v()["stages"].items() for p in ps}


@functools.cache
def _offence_re() -> re.Pattern[str]:
    words = sorted(_v()["offences"], key=vocab.longest_first)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in words) + r")\b", re.I)


@functools.cache
def _offence_keys() -> frozenset[str]:
    """The last word of every offence ("murder", "homicide"): a sentence holding none names no offence."""
    return frozenset(re.split(r"[\s-]+", w.lower())[-1] for w in _v()["offences"])


@functools.cache
def _family_of() -> dict[str, str]:
    return {grade: fam for fam, grades in _v()["families"].items() for grade in grades}


@functools.cache
def _stops_re() -> re.Pattern[str]:
    stops = _v()["list"]["stops"]
    return re.compile(r"[.;:!?]\s|\s--\s|\s[—–]\s|\b(?:" + "|".join(re.escape(w) for w in stops) + r")\b", re.I)


def _offence(words: str) -> Offence | None:
    key = re.sub(r"[\s-]+", " ", words.lower())
    table = {re.sub(r"[\s-]+", " ", k.lower()): v for k, v in _v()["offences"].items()}
    value = table.get(key)
    if value is None:
        return None
    grade, _, qualifier = value.partition("/")
    family = _family_of().get(grade)
    return Offence(words, family, grade, qualifier) if family else None


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    out: list[Claim] = []
    limit = _v()["list"]["max_chars"]
    keys = _offence_keys()
    words = sentence_words(article)
    for sent in article.sentences:
        if keys.isdisjoint(words[sent]):
            continue  # no offence named: no charge to read
        for m in _stage_re().finditer(text, sent.start, sent.end):
            hi = min(sent.end, m.end() + limit)
            stop = _stops_re().search(text, m.end(), hi)
            hi = stop.start() if stop else hi
            offences = [(o.start(), o.end(), _offence(o.group())) for o in _offence_re().finditer(text, m.end(), hi)]
            offences = [x for x in offences if x[2] is not None]
            graded = [x for x in offences if x[2].grade != "*"]  # type: ignore[union-attr]
            offences = graded or offences  # "murder in the death of": the death is the victim's, not a charge
            if not offences or not _listed(text, m.end(), offences[0][0]):
                continue
            stage = _stage_of()[re.sub(r"\s+", " ", m.group().lower())]
            value = Charge(stage, tuple(o for _, _, o in offences))  # type: ignore[misc]
            out.append(make_claim(article, CODE, m.start(), offences[-1][1], value, sentence=sent, head=stage))
    return out


def _listed(text: str, start: int, first: int) -> bool:
    """The first offence follows the stage phrase closely: only fillers ("her", "two counts of") or another
    offence of the list (a word the vocabulary does not grade: "DWI and") stand between."""
    between = re.findall(r"[A-Za-z']+", text[start:first])
    fillers = set(_v()["list"]["fillers"])
    return len([w for w in between if w.lower() not in fillers]) <= 6


def describe(claim: Claim) -> str:
    return ", ".join(o.words for o in claim.value.offences)


def _fits(x: Offence, y: Offence) -> bool:
    """One offence may be the other: the same grade with no clashing qualifier, or one of them any ("*")."""
    if x.family != y.family:
        return True  # not the same family: says nothing
    if "*" in (x.grade, y.grade):
        return True
    return x.grade == y.grade and (not x.qualifier or not y.qualifier or x.qualifier == y.qualifier)


def _graded(c: Claim, family: str) -> list[Offence]:
    return [o for o in c.value.offences if o.family == family and o.grade != "*"]


def _agree(a: Claim, b: Claim, family: str) -> bool:
    """Some offence of one may be some offence of the other (an outlet may list only some charges)."""
    return any(_fits(x, y) for x in _graded(a, family) for y in _graded(b, family))


def _days_apart(story, a: str, b: str) -> int:
    pa, pb = story.article(a).published, story.article(b).published
    return abs((pa - pb).days) if pa and pb else 0


def _people(story, c: Claim) -> frozenset:
    """The people a charge sentence names (entity ids), to keep two defendants' charges apart."""
    index = story.entities
    out = set()
    for m in find_mentions(story.article(c.article)):
        if m.kind in ("person", "other") and c.sentence.start <= m.start and m.end <= c.sentence.end:
            eid = index.entity_at(c.article, m.start, m.end)
            out.add(eid if eid is not None else m.text)
    return frozenset(out)


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    module = sys.modules[__name__]
    by_key: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        for fam in sorted({o.family for o in c.value.offences}):
            if _graded(c, fam):
                by_key[(fam, c.value.stage)][c.article].append(c)
    findings: list[Finding] = []
    far = _v()["max_days_apart"]
    for (fam, _stage), per_article in sorted(by_key.items()):
        for x, picked in odd_accounts(story.ids, per_article, lambda a, b, fam=fam: _agree(a, b, fam)):
            if any(_days_apart(story, x.article, y.article) >= far for y in picked):
                continue
            px = _people(story, x)
            if px and all(_people(story, y) for y in picked) and not any(px & _people(story, y) for y in picked):
                continue  # another defendant, maybe: the others name only other people
            findings.append(
                odd_finding(
                    module, story, x, picked, describe, f"charge of {fam}", gives=False, tail="Check which charge was filed."
                )
            )
    return findings
