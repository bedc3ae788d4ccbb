"""FC113 causes: what caused an event (a death, a fire, a crash), or that its cause is not known.

What it finds
    A cause claim: a phrase that gives a cause and the words after it
    ("died of pneumonia", "the fire was caused by faulty wiring",
    "blamed on a gas leak"), or one that says the cause is not known ("the
    cause of her death has not been released", "is not sure what
    caused the cut"); rules/vocab/causes.toml. Each is of an event: a death,
    a fire, a crash, an explosion, an outage, read from its sentence.

    A discrepancy: for one event, an article whose cause fits none of what
    every other article says, those others agreeing: "died of heart
    failure" against "the cause of his death was not known", or "died of
    pneumonia" against "died of a heart attack" (causes with no word in
    common). A cause said with a hedge ("may have been caused by") never
    meets one not known, and causes that share a word ("liver disease",
    "chronic liver disease") agree.

Why it matters
    One outlet stating a cause that another says is not yet known is a fact
    reported ahead of its source, the kind of line a correction is made of.

Example
    A: The singer died of pneumonia at her home on Monday, her family said.
    B: The singer died at her home on Monday; the cause of her death has not been released.
    -> discrepancy

Limits, on purpose: a cause only one article gives is not reported (FC108
reports the statement), an inquiry under way ("an investigation into the cause
has begun") says nothing either way, and articles published days apart are
not compared (a cause may have been found between them).
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
from checker.model import Article, Claim, Finding, Span
from checker.text import canon

CODE = "FC113"
NAME = "causes"
REPORT_ALONE = False  # a cause only one article gives is a plain statement (FC108 reports it)
KINDS = ("discrepancy",)
UNKNOWN = ""  # the cause of a claim that says it is not known


@dataclass(frozen=True, slots=True)
class Cause:
    event: str  # "death", "fire", ...
    words: str  # the cause as written ("pneumonia"); "" when not known
    hedged: bool = False  # "may have been caused by", "probably"

    @property
    def known(self) -> bool:
        return bool(self.words)

    def to_json(self) -> dict[str, Any]:
        return {"event": self.event, "cause": self.words or None, "hedged": self.hedged}


@functools.cache
def _v() -> dict[str, Any]:
    return vocab.load("causes")


def _alt(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=vocab.longest_first))


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = _v()
    return {
        "death": re.compile(rf"\b(?:{_alt(v['known']['death'])})\s+", re.I),
        "any": re.compile(rf"\b(?:{_alt(v['known']['any'])})\s+", re.I),
        "after_cause": re.compile(
            rf"\bcauses?\b(?P<mid>[^.;!?]{{0,{v['unknown']['max_between']}}}?)\b(?:{_alt(v['unknown']['after_cause'])})\b", re.I
        ),
        "before_caused": re.compile(rf"\b(?:{_alt(v['unknown']['before_caused'])})\b(?P<mid>[^.;,!?]{{0,30}})", re.I),
        "hedge": re.compile(rf"\b(?:{_alt(v['cause']['hedges'])})\b", re.I),
    }


@functools.cache
def _event_words() -> dict[str, str]:
    return {w.lower(): ev for ev, words in _v()["events"].items() for w in words}


_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


def _event_in(text: str, lo: int, hi: int) -> str | None:
    """The first event word of text[lo:hi]."""
    ev = _event_words()
    for m in _WORD.finditer(text, lo, hi):
        e = ev.get(m.group().lower())
        if e:
            return e
    return None


def _cause_words(text: str, pos: int, hi: int) -> tuple[str, int]:
    """The words of a cause from pos ("a heart attack at home" -> "heart attack"), and where they end."""
    v = _v()
    lead, stops, limit = set(v["cause"]["lead"]), set(v["cause"]["stops"]), v["cause"]["max_words"]
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(text, pos, hi):
        w = m.group().lower()
        if not words and w in lead:
            continue
        if w in stops or len(words) >= limit or re.search(r"[,;:()]", text[(words[-1].end() if words else pos) : m.start()]):
            break
        words.append(m)
    if not words:
        return "", pos
    return text[words[0].start() : words[-1].end()], words[-1].end()


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    P = _patterns()
    out: list[Claim] = []
    for sent in article.sentences:
        low = text[sent.start : sent.end].lower()
        if "caus" not in low and "died" not in low and "dies " not in low and "blamed" not in low and "death" not in low:
            continue
        taken: list[tuple[int, int]] = []
        for key in ("death", "any"):
            for m in P[key].finditer(text, sent.start, sent.end):
                words, end = _cause_words(text, m.end(), sent.end)
                if not words:
                    continue
                event = (
                    "death" if key == "death" else _event_in(text, sent.start, m.start()) or _event_in(text, m.end(), sent.end)
                )
                if event is None:
                    continue
                hedged = bool(P["hedge"].search(text, max(sent.start, m.start() - 40), m.start()))
                start = _phrase_start(text, sent, m.start())
                taken.append((start, end))
                out.append(make_claim(article, CODE, start, end, Cause(event, words, hedged), sentence=sent, head=event))
        for key in ("after_cause", "before_caused"):
            for m in P[key].finditer(text, sent.start, sent.end):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                event = _event_in(text, m.start("mid"), m.end("mid")) or _event_in(text, sent.start, sent.end)
                if event is None:
                    continue
                start = m.start()
                out.append(make_claim(article, CODE, start, m.end(), Cause(event, UNKNOWN), sentence=sent, head=event))
    return out


def _phrase_start(text: str, sent: Span, pos: int) -> int:
    """ "died of ...": the claim opens at the verb's subject when it is a name just before ("Felt died of")."""
    m = re.search(r"([A-Z][\w'’\-]*)\s+$", text[max(sent.start, pos - 40) : pos])
    return pos - len(m.group(0)) if m else pos


def describe(claim: Claim) -> str:
    c: Cause = claim.value
    if not c.known:
        return f"the cause of the {c.event} is not known"
    return f"{c.event} caused by {c.words}" + (" (hedged)" if c.hedged else "")


@functools.cache
def _content(words: str) -> frozenset[str]:
    empty = {canon(w) for w in _v()["cause"]["empty"]}
    return frozenset(canon(w.lower()) for w in _WORD.findall(words)) - empty


def _fits(a: Cause, b: Cause) -> bool:
    """Two accounts of one cause may both be true."""
    if not a.known or not b.known:
        return not (a.known or b.known) or (a.hedged or b.hedged)  # known against not known: only when hedged
    ca, cb = _content(a.words), _content(b.words)
    return not ca or not cb or bool(ca & cb)


def _days_apart(story, a: str, b: str) -> int:
    pa, pb = story.article(a).published, story.article(b).published
    return abs((pa - pb).days) if pa and pb else 0


def check_story(story, claims: list[Claim], evidence) -> list[Finding]:
    module = sys.modules[__name__]
    by_event: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.value.known and not _content(c.value.words):
            continue  # "died from his wounds", "natural causes": nothing to compare
        by_event[c.value.event][c.article].append(c)
    findings: list[Finding] = []
    far = _v()["max_days_apart"]
    for event, per_article in sorted(by_event.items()):
        for x, picked in odd_accounts(story.ids, per_article, lambda a, b: _fits(a.value, b.value)):
            if any(_days_apart(story, x.article, y.article) >= far for y in picked):
                continue
            findings.append(
                odd_finding(
                    module,
                    story,
                    x,
                    picked,
                    describe,
                    f"cause of the {event}",
                    gives=False,
                    tail="Check what the source said of the cause.",
                )
            )
    return findings
