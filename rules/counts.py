"""FC102 counts: how many of what, percentages, tallies and ages.

What it finds
    A figure with the noun it counts ("1,200 jobs", "about 2,500 residents",
    "more than 40 counties", "twelve jurors", "the four other aircraft"),
    percentages ("7%", "12 percent", "31 per cent"), tallies ("a 5-2 vote"),
    ages ("Smith, 54,", "a 35-year-old man") and magnitudes. Parts that add up
    ("51 passengers and three crew") are one count of 54 people. The counted
    noun is kept, so "jobs" meets "positions" but never "residents".

Why it matters
    Counts of the dead, the evacuated, the jailed and the voting are what
    readers remember; a hedge ("at least 9") must not read as a conflict with
    the figure it bounds ("14"), and a different figure must.

Example
    A: The fire forced about 2,500 residents to flee.
    B: Some 2,500 people were evacuated.
    -> agreement
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from checker import calendar, quantity, vocab
from checker.claims import make_claim
from checker.evidence import LINKS
from checker.model import Article, Claim
from checker.text import canon, letter_words

CODE = "FC102"
NAME = "counts"
REPORT_ALONE = True
PROVIDES = (LINKS,)  # an agreeing count ties its sentences


@dataclass(frozen=True, slots=True)
class Count:
    n: float
    noun: str  # the counted noun as written ("residents"), "%" for a percentage, "age", "tally"
    hedge: str = "exact"
    unit: float = 0.0
    high: float | None = None  # upper end of a range, or the second figure of a tally
    nouns: frozenset[str] = frozenset()  # canonical words of the counted phrase
    parts: tuple[float, ...] = ()  # figures that were summed

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"count": quantity.json_number(self.n), "noun": self.noun}
        if self.hedge != "exact":
            out["hedge"] = self.hedge
        if self.high is not None:
            out["high" if self.noun != "tally" else "against"] = quantity.json_number(self.high)
        if self.parts:
            out["parts"] = [quantity.json_number(p) for p in self.parts]
        return out


@functools.cache
def _v() -> dict:
    return vocab.load("counts")


@functools.cache
def _regexes() -> dict[str, re.Pattern[str]]:
    fig = quantity.FIGURE_RE
    numw = quantity.number_word_re()
    hedge = quantity.hedge_re()
    word = r"[A-Z]+-?\d+[A-Za-z]*|[A-Za-z][A-Za-z'’\-]*"
    return {
        "percent": re.compile(
            rf"(?:(?P<hedge>{hedge})\s+)?(?P<num>{fig})\s?(?:%|(?:per\s?cent|percent|pct)\b)(?:\s+(?:to|and|-)\s+(?P<high>{fig})\s?(?:%|per\s?cent|percent))?",
            re.I,
        ),
        "tally": re.compile(rf"\b(?P<a>\d{{1,3}})[-–](?P<b>\d{{1,3}})\s+(?P<noun>{'|'.join(_v()['tally_nouns'])})\b", re.I),
        "age_comma": re.compile(r"(?P<name>\b[A-Z][a-z'’\-]+),\s(?P<num>\d{1,3}),\s"),
        "age_hyphen": re.compile(rf"\b(?P<num>\d{{1,3}}|{numw})-year-old\b", re.I),
        "magnitude": re.compile(r"\bmagnitude[-\s](?P<num>\d(?:\.\d)?)\b|\b(?P<num2>\d\.\d)[-\s]magnitude\b", re.I),
        "count": re.compile(
            rf"(?:(?P<hedge>{hedge})\s+)?(?:(?P<between>between)\s+)?"
            rf"(?P<num>(?<![\w$€£¥.,\-/:])(?:{fig})(?![\w%:/]|[.,]\d)|\b{numw}\b)"
            rf"(?:\s+(?:and|to|-)\s+(?P<high>{fig})(?![\w%]))?"
            rf"(?P<rest>(?:[\s-]+(?:{word})){{1,4}})",
            re.I,
        ),
    }


def _noun_phrase(rest: str, plural: bool) -> tuple[str, frozenset[str], int] | None:
    """(counted noun, canonical words, length of the phrase in `rest`) of the words after a figure."""
    skip = set(_v()["skip_adjectives"])
    stop = _not_counted()
    irregular = set(_v()["plural_nouns"])
    words = list(re.finditer(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", rest))
    i = 0
    while i < len(words) and words[i].group().lower() in skip:
        i += 1
    phrase = []
    for m in words[i : i + 2]:
        w = m.group()
        lw = w.lower()
        if lw in stop or lw in skip:
            break
        if w[0].isupper() and not re.search(r"\d", w):  # "12 Elm St.": an address, not a count
            return None
        is_plural = lw in irregular or (lw.endswith("s") and not lw.endswith("ss"))
        if phrase and not is_plural:
            break  # a second word is taken only when it is the plural head ("air tankers")
        phrase.append(m)
        if is_plural or not plural:
            break
    if not phrase:
        return None
    noun = phrase[-1].group()
    lw = noun.lower()
    if plural and not (lw in irregular or (lw.endswith("s") and not lw.endswith("ss"))):
        return None  # "999 call", "60 mph": a figure before a singular noun is a label or a unit
    # the counted thing: its head, and a modifier only when it names a model ("A-320 jets"),
    # not a kind ("pirate boats" do not count pirates)
    nouns = {canon(noun)} | {canon(p.group()) for p in phrase[:-1] if re.search(r"\d|^[A-Z]", p.group())}
    return noun, frozenset(nouns), phrase[-1].end()


@functools.cache
def _not_counted() -> frozenset[str]:
    """Words that are no counted noun: the rule's list, scale words and suffixes, and "dozens", "millions"."""
    figures = [*quantity.scales(), *quantity.suffixes()]
    plurals = [w + "s" for w in [*quantity.multipliers(), *quantity.scales()]]
    return frozenset(_v()["not_counted"]) | frozenset(figures) | frozenset(plurals)


def _percent_subject(text: str, sent_start: int, start: int, end: int, sent_end: int) -> str | None:
    """What a percentage is of: the nearest subject word before it (8 words), else just after (3)."""
    subjects = _percent_subjects()
    before = letter_words(text[max(sent_start, start - 70) : start])
    for w in reversed(before[-8:]):
        if canon(w) in subjects:
            return w
    after = letter_words(text[end : min(sent_end, end + 30)])
    for w in after[:3]:
        if canon(w) in subjects:
            return w
    return None


@functools.cache
def _percent_subjects() -> frozenset[str]:
    return frozenset(canon(w) for w in _v()["percent_subjects"])


def _value_of(num: str) -> tuple[float, float] | None:
    if num[0].isdigit():
        return quantity.parse_figure(num)
    v = quantity.parse_words(num)
    return (v, 0.0) if v is not None else None


@functools.cache
def _hint_re() -> re.Pattern[str]:
    """A sentence without a digit or a number word holds no count: skip the full patterns."""
    words = "|".join(w for w, v in [*quantity.number_words().items(), *quantity.scales().items()] if v >= 2)
    return re.compile(rf"\d|\b(?:{words})", re.I)


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    rx = _regexes()
    hint = _hint_re()
    labels = set(_v()["label_words"])
    months = calendar.months()
    persons = {canon(w) for w in _v()["person_nouns"]}
    scales = quantity.scales()
    out: list[Claim] = []
    for sent in article.sentences:
        if not hint.search(text, sent.start, sent.end):
            continue
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        def add(s: int, e: int, value: Count, head: str | None, subject: tuple[str, ...] = ()) -> None:
            taken.append((s, e))
            role = "baseline" if quantity.is_baseline(text, s, e, sent.end) else ""
            out.append(make_claim(article, CODE, s, e, value, sentence=sent, head=head, subject=subject, role=role))

        for m in rx["percent"].finditer(text, sent.start, sent.end):
            n, unit = quantity.parse_figure(m.group("num"))
            high = float(m.group("high")) if m.group("high") else None
            subject = _percent_subject(text, sent.start, m.start(), m.end(), sent.end)
            add(
                m.start(),
                m.end(),
                Count(n, "%", quantity.hedge_class(m.group("hedge")) if not high else "range", unit, high, frozenset({"%"})),
                subject,
            )
        for m in rx["tally"].finditer(text, sent.start, sent.end):
            if free(m.start(), m.end()):
                add(
                    m.start(),
                    m.end(),
                    Count(float(m.group("a")), "tally", "exact", 0.0, float(m.group("b")), frozenset({canon(m.group("noun"))})),
                    "tally",
                )
        for m in rx["age_comma"].finditer(text, sent.start, sent.end):
            if m.group("name").lower() in months:
                continue
            s, e = m.start("num"), m.end("num")
            add(s, e, Count(float(m.group("num")), "age", nouns=frozenset({"age"})), "age", (m.group("name").lower(),))
        for m in rx["age_hyphen"].finditer(text, sent.start, sent.end):
            val = _value_of(m.group("num"))
            if val and free(m.start(), m.end()):
                who = re.match(r"\s+([A-Z][a-z'’\-]+)", text[m.end() : sent.end])
                subject = (who.group(1).lower(),) if who else ()
                add(m.start(), m.end(), Count(val[0], "age", nouns=frozenset({"age"})), "age", subject)
        for m in rx["magnitude"].finditer(text, sent.start, sent.end):
            num = m.group("num") or m.group("num2")
            if free(m.start(), m.end()):
                n, unit = quantity.parse_figure(num)
                add(m.start(), m.end(), Count(n, "magnitude", "exact", unit, None, frozenset({"magnitude"})), "magnitude")
        pending: list[tuple[int, int, Count, str]] = []
        pos = sent.start
        while (m := rx["count"].search(text, pos, sent.end)) is not None:
            pos = m.end("num")
            s = m.start()
            num = m.group("num")
            if not free(m.start("num"), m.end("num")):
                continue
            if not num[0].isdigit() and num.split()[0].split("-")[0].lower() in scales:
                continue  # "million" left over from a sum the money rule reads
            if re.match(r"s?\s+of\b", text[m.end("num") : m.end("num") + 5]) and not num[0].isdigit():
                continue  # "dozens of", "dozen of": no figure
            val = _value_of(num)
            if val is None or val[0] < 2 and not num[0].isdigit():
                continue
            value, unit = val
            before = text[max(sent.start, s - 14) : s]
            prev = re.findall(r"[A-Za-z]+\.?", before)
            prev_word = prev[-1].rstrip(".").lower() if prev else ""
            if prev_word in labels or prev_word in months or re.search(r"[$€£¥#]\s?$", before):
                continue
            if (
                prev
                and prev[-1][0].isupper()
                and s > sent.start + len(prev[-1]) + 1
                and not m.group("hedge")
                and prev_word not in quantity.hedge_table()
            ):
                continue  # "Route 9", "Gate 31": a label after a proper name
            if 1900 <= value <= 2099 and num.isdigit() and not m.group("hedge"):
                continue  # a year
            high = None
            if m.group("high"):
                hv = quantity.parse_figure(m.group("high"))[0]
                if hv > value:
                    high = hv
            np = _noun_phrase(m.group("rest"), value != 1)
            if np is None:
                continue
            noun, nouns, length = np
            end = m.start("rest") + length
            hedge = "range" if high else quantity.hedge_class(m.group("hedge"))
            start = m.start() if m.group("hedge") or m.group("between") else m.start("num")
            pending.append((start, end, Count(value, noun, hedge, unit, high, nouns), noun))
            pos = end
        # parts that add up: "51 passengers and three crew"
        i = 0
        while i < len(pending):
            s, e, c, noun = pending[i]
            if i + 1 < len(pending):
                s2, e2, c2, noun2 = pending[i + 1]
                if (
                    re.fullmatch(r"\s*(?:and|plus|,)\s*", text[e:s2])
                    and c.nouns & persons
                    and c2.nouns & persons
                    and c.hedge == c2.hedge == "exact"
                ):
                    total = Count(
                        c.n + c2.n, f"{noun} and {noun2}", "exact", 0.0, None, c.nouns | c2.nouns | {"people"}, (c.n, c2.n)
                    )
                    add(s, e2, total, "people")
                    i += 2
                    continue
            add(s, e, c, noun)
            i += 1
    return out


def compare_values(a: Count, b: Count) -> str:
    if a.noun == "tally" or b.noun == "tally":
        return "same" if (a.n, a.high) == (b.n, b.high) else "differ"
    if (a.n, a.hedge, a.high) == (b.n, b.hedge, b.high) or (
        a.high is None and b.high is None and quantity.same_figure(a.n, b.n, a.hedge, b.hedge)
    ):
        return "same"
    ia = quantity.interval(a.n, a.unit, "exact" if a.hedge == "range" else a.hedge, a.high)
    ib = quantity.interval(b.n, b.unit, "exact" if b.hedge == "range" else b.hedge, b.high)
    return "compatible" if ia.intersects(ib) else "differ"


def compare(a: Claim, b: Claim) -> str:
    return compare_values(a.value, b.value)


def _hedge_word(cls: str) -> str:
    """How the report words a hedge before a count ("fewer than", not "less than")."""
    word = _v()["hedge_words"].get(cls) or quantity.hedge_word(cls)
    return f"{word} " if word else ""


def describe(claim: Claim) -> str:
    c: Count = claim.value
    n = quantity.fmt_amount(c.n)
    if c.noun == "tally":
        return f"{n}-{quantity.fmt_amount(c.high or 0)}"
    if c.noun == "%":
        return f"{_hedge_word(c.hedge)}{n}%" if c.high is None else f"{n}-{quantity.fmt_amount(c.high)}%"
    if c.noun == "age":
        return f"aged {n}"
    if c.high is not None:
        return f"{n} to {quantity.fmt_amount(c.high)} {c.noun}"
    parts = f" ({' + '.join(quantity.fmt_amount(p) for p in c.parts)})" if c.parts else ""
    return f"{_hedge_word(c.hedge)}{n} {c.noun}{parts}"


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two counts count the same kind of thing (the counted nouns meet)."""
    va, vb = a.value, b.value
    if a.role != b.role:
        return False
    special = {"%", "age", "tally", "magnitude"}
    if va.noun in special or vb.noun in special:
        if va.noun != vb.noun:
            return False
        if va.noun == "tally":
            return bool(va.nouns & vb.nouns)  # a vote with a vote, a win with a win
        if va.noun == "age" and a.subject and b.subject:
            return bool(set(a.subject) & set(b.subject))
        return True
    return a.head == b.head or bool(va.nouns & vb.nouns)


def affinity(a: Claim, b: Claim) -> float:
    """1 when the two count the same thing: one counted noun, or one person's age."""
    va, vb = a.value, b.value
    if va.noun == "age" and vb.noun == "age":
        return 1.0 if a.subject and b.subject and set(a.subject) & set(b.subject) else 0.0
    if a.head and a.head == b.head:
        return 1.0
    return 1.0 if va.nouns & vb.nouns - {"%"} else 0.0


def magnitude(claim: Claim) -> float | None:
    c: Count = claim.value
    return (c.n + c.high) / 2 if c.high and c.noun != "tally" else c.n
