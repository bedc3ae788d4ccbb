"""FC103 dates: days, weeks, months, years and periods, resolved against each dateline.

What it finds
    Dates and periods in the story's sentences, each resolved to a calendar
    interval (or a length) against the article's own publication date:
    calendar dates ("April 9", "July 2nd", "9 April 2024", "Dec. 9"), months
    and years in date context ("in October", "February 2024", "by 2030"),
    quarters ("the fourth quarter of 2024", "third-quarter", "Q3 2024"),
    ranges ("between 2011 and 2017", "2020 to 2022"), days and periods named
    relative to the dateline ("yesterday", "on Wednesday", "late Tuesday",
    "Sunday afternoon", "last Thursday", "earlier this week", "last month",
    "next year", "mid-April", "two days ago"), holidays ("on Thanksgiving",
    "Christmas Day 2019", "last Easter"), centuries ("the early 20th
    century"), years and decades in words ("in nineteen ninety-six", "the
    nineties", "the '90s") and periods ("8 years",
    "eight years", "an 8-year sentence", "over a five-year period", "within two
    months"). A word in front that says how the event relates to the date is
    its role: "from next year" is a start, "by 2030" a deadline, "between
    2011 and 2017" a range, "two weeks" a duration; anything else a point.
    Also: years and months that date a thing ("a 2010 raid", "the October
    slaying"), compounds ("June last year", "next year's first quarter",
    "the year-ago quarter", "fiscal 1988", "5 1/2 hours"), seasons and
    decades ("last summer", "the mid-1990s"), and dates counted from the date
    last mentioned ("the day before", "later that year").

Why it matters
    Two outlets rarely write a date the same way: one says "on Thursday",
    the other "earlier this week"; one "last month", the other "February 11".
    Only resolved against each article's dateline can they be compared, and
    then a "late Friday" that is March 7 against an "on Thursday" that is
    March 6 is a real discrepancy an editor must see. A commitment "from next
    year" is not a deadline "by 2030", and "eight years" in prison is "an
    8-year sentence".

Example
    A (published 2025-03-17, a Monday): The regulator approved the merger last week.
    B (published 2025-03-18, a Tuesday): The regulator approved the merger on March 12.
    -> agreement: last week is March 10-16, 2025, which holds March 12.

How a bare weekday is read: news writes of the past, so "on Tuesday" is the
latest Tuesday on or before the dateline (the dateline's own day included),
unless a future cue stands before it in its clause (a verb such as "will" or
"is expected", or a preposition that looks ahead: "by", "until", "through"),
which makes it the first such day on or after the dateline. "last Tuesday" is
the latest strictly before it, "next Tuesday" the first strictly after it. A
date without a year takes the year that puts it closest to the dateline. The
cue words, number words, roles and qualifiers are data in rules/vocab/dates.toml;
months and weekdays in checker/vocab/calendar.toml. Pure Python (datetime and
calendar), no dateparser: it gives no character offsets, costs 0.1 s to import
and 0.15 s more on its first parse, and on the forms news writes that this
finder cannot yet resolve it gives nothing or a wrong date (nothing for "June
last year", "the mid-1990s", "fiscal 1988", "early Sunday"; "1420 GMT" as the
year 1420), so it would add cost without adding a resolved date.

How a sentence is read: each pattern (a calendar date, a month, a year, a
quarter, a weekday, a relative day or period, a period) runs only when the
sentence holds its anchor word; the longest matches win, a weekday joins the
date after it ("Friday, Oct. 10"), two ends join into a range ("from Monday
to Wednesday"), and a bare month or year with no context word ("in", "since",
"of"...) is dropped unless it ends a range or follows a listed date.

A claim's head is what the date is for: for a period the noun of the
vocabulary's [heads] near it ("sentence" for "jailed for 8 years"; a period
of service is qualified by what was served: "a 15-year veteran of the
force" -> "force service"); for a date the event word of its clause
("grounded the fleet on Monday" -> ground), or the verb of the next clause
for a date that opens its sentence ("Last June, the board appointed ...").
``affinity`` counts the same head, or the same particular day, as a sign that
two claims are one fact; ``comparable`` keeps periods apart from days. A date
named less precisely holds the dates in it ("the March 2019 flood" and "on
March 14, 2019"; "in 2019" and "until May 2019"). Without a dateline a weekday
is compared as a weekday, "last night" may be any dated or undated day, and
two calendar days without their year ("November 19", "November 18") are two
days of one year.

The year of a month or day written without one is the one nearest the
dateline, except that a clause told in the past ("was fired in July" in a
March piece) does not put it ahead, and a future cue puts it ahead.
A weekday after a capitalised word is a day ("the governor Saturday vowed");
only a name of [not_date].weekday_names makes it part of a name ("Black
Friday"). "the day before", "the following year", "that month" count from
the date last mentioned a few sentences back, never from the dateline, and
like "three days later" may agree but never differ. A weekday or relative day
quoted from a letter after its own date ("a letter dated Oct. 2 ... 'Call
me Sunday'") counts from the letter's date ([letters]), ahead unless told
in the past.

TimeML: ``timeml`` gives each claim's TIMEX3 type, value, mod and the extent
without its role word, which ``factcheck claims --format json`` prints;
reference words ("now", "recently", "soon") are claims valued PRESENT_REF,
PAST_REF, FUTURE_REF that are listed and never compared (``checkable``).

A period written as an adjective ("a three-year lease", "a 6-year sentence")
is the length of that thing, not elapsed time: it is compared only with the
length of the same kind of thing, never with a stretch ("two renewals in nine
weeks"); a hedged bound ("in under a decade") holds a shorter period. The
particular day a point date names is one of its context words, so that two
articles naming one day in sentences that share nothing else are compared at
all; and one article that names an event's month and its day ("the June 2019
flood", "on June 14, 2019") states one date twice.

Periods of no stated length ("a few days", "for months", "in recent weeks",
"the past several months") are TIMEX3 durations with X ("PXD", "PXM"),
precision "vague"; recurring times ("every two weeks", "twice a year", "each
July", "on Mondays", "daily", "$50,000 a year") are TIMEX3 SETs, precision
"set", with their freq ("2X") and quant ("EVERY") where the words say them.
Neither is ever a discrepancy, nor reported when one source alone gives it
(``checkable``): a recurring time agrees only with the same one, a vague
period only with a vague period of its unit. "a year" alone is a
period only after a preposition or a verb of duration ("for a year", "lasted
an hour"); after a sum or a count it is a rate ("10 flights a day").
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from checker import caches, quantity, vocab
from checker import calendar as calendar_words  # month and weekday names; `calendar` is the standard library's
from checker.claims import make_claim
from checker.evidence import LINKS
from checker.model import Article, Claim, Span
from checker.text import WORD_RE, canon, irregular_form, sentence_words

CODE = "FC103"
NAME = "dates"
REPORT_ALONE = True
NEEDS = (LINKS,)  # two dates in sentences an agreeing sum or quote tied are likely one event
PROVIDES = (LINKS,)

YEAR_DAYS = 365.25
MONTH_DAYS = 30.4375
LENGTH_TOLERANCE = 0.01  # two lengths within 1% are one length ("ten years" and "P10Y")
APPROX_TOLERANCE = 0.25  # a hedged length ("about three months") is compatible within 25%
HEAD_WINDOW = 6  # words either side of a period looked at for its head ("jailed for 8 years")
CONTEXT_CHARS = 40  # how far back the words before a date are read (context words, hedges)
CUE_CHARS = 160  # how far back a clause is read for future cues


# ---------------------------------------------------------------- the value


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date or period.

    ``start``/``end`` bound the date the words name (inclusive); both are None
    for a pure period ("ten years") and for a relative date with no dateline to
    resolve it against. ``role`` says how the event relates to that interval
    (point, start, deadline, range, duration). ``timex`` is the TIMEX3 value
    ("2023-W21", "2024-Q4", "P6Y"; "XXXX-WXX-3" for an unresolved Wednesday).
    """

    start: dt.date | None
    end: dt.date | None
    timex: str
    precision: str
    role: str
    duration_days: float | None = None
    approx: bool = False
    opening: bool = False  # the date opens its sentence and its event was read in the next clause
    thing: str | None = None  # an attributive period ("a three-year lease"): the kind of thing it is the length of
    span: bool = False  # a period a preposition makes a stretch of time ("in nine weeks", "within a year")
    bound: str = ""  # "below" / "above": a period hedged as a bound ("under a decade", "more than six months")
    anaphoric: bool = False  # "six days earlier": a day counted from another date of the text, never a discrepancy
    freq: str = ""  # a recurring time (precision "set"): TIMEX3 freq, "2X" for "twice a week"
    quant: str = ""  # a recurring time: TIMEX3 quant where the words say it ("EVERY", "EACH")
    lead: bool = False  # the date of a wire lead line: the article's own date, listed, never compared

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "timex": self.timex,
            "precision": self.precision,
            "role": self.role,
        }
        if self.duration_days is not None:
            out["duration"] = self.timex if self.timex.startswith("P") else _duration_timex(self.duration_days)
        out.update({k: getattr(self, k) for k in ("freq", "quant") if getattr(self, k)})
        return out

    @property
    def resolved(self) -> bool:
        return self.start is not None

    @property
    def pure_duration(self) -> bool:
        return self.start is None and self.duration_days is not None


def _v(key: str) -> Any:
    return vocab.load("dates")[key]


def _num_str(x: float) -> str:
    return str(int(x)) if abs(x - round(x)) < 1e-9 else f"{x:g}"


def _duration_timex(days: float) -> str:
    """P6Y, P3M, P2W, P10D, PT14M: the largest unit the length is a whole number of."""
    for unit, letter in ((YEAR_DAYS, "Y"), (MONTH_DAYS, "M"), (7.0, "W"), (1.0, "D")):
        n = days / unit
        if n >= 1 and abs(n - round(n * 2) / 2) < 0.01:
            return f"P{_num_str(round(n * 2) / 2)}{letter}"
    hours = days * 24
    if hours >= 1 and abs(hours - round(hours)) < 0.01:
        return f"PT{round(hours)}H"
    return f"PT{_num_str(round(days * 1440, 1))}M"


# ---------------------------------------------------------------- vocabulary as patterns


def _alt(words: Any) -> str:
    """A case-insensitive alternation of words, longest first, any whitespace inside."""
    ws = sorted({w.lower() for w in words}, key=vocab.longest_first)
    return "(?i:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ws) + ")"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _months() -> tuple[dict[int, str], dict[str, int]]:
    """Month number -> full name, and every name or abbreviation -> number (checker.calendar)."""
    return calendar_words.month_names(), calendar_words.months()


@functools.cache
def _weekdays() -> dict[str, int]:
    """Full weekday name -> weekday number, Monday first (checker.calendar)."""
    return {name: n for n, name in calendar_words.weekday_names().items()}


@functools.cache
def _pod_words() -> dict[str, str]:
    """TIMEX3 part of day -> how the report names it: the first word listed for it in [part_of_day]."""
    out: dict[str, str] = {}
    for word, code in _v("part_of_day").items():
        out.setdefault(code, word)
    return out


@functools.cache
def _words() -> dict[str, Any]:
    """Derived word tables: role classes, qualifiers, number words."""
    roles = _v("roles")
    role_class = {}
    for cls in ("point", "deadline", "start"):  # later classes win ("from" is a start)
        for w in roles[cls]:
            role_class[_norm(w)] = cls
    # number words (checker.quantity), "a"/"an" before a multiplier ("a dozen"), and the rule's own phrases
    articles = {_norm(k): float(v) for k, v in _v("article_numbers").items()}
    nums = {**quantity.number_words(), **articles, **{_norm(k): float(v) for k, v in _v("numbers").items()}}
    for art in (k for k, v in articles.items() if v == 1):
        nums.update({f"{art} {m}": v for m, v in quantity.multipliers().items()})
    rp = _v("relative_periods")
    rn = _v("relative_names")
    fut = _v("future")
    return {
        "role_class": role_class,
        "range_open": {_norm(w) for w in roles["range_open"]},
        "range_join": {_norm(w) for w in roles["range_join"]},
        "numbers": nums,
        "article_numbers": set(articles),
        "ordinals": {_norm(k): int(v) for k, v in _v("ordinals").items()},
        "units": {k: tuple(v) for k, v in _v("units").items()},
        "unit_plurals": dict(_v("unit_plurals")),
        "offsets": {_norm(k): int(v) for k, v in rp["offsets"].items()},
        "rolling": {_norm(w) for w in rp["rolling"]},
        "rolling_with_the": {_norm(w) for w in rp["rolling_with_the"]},
        "counted_ahead": {_norm(w) for w in rp["counted_ahead"]},
        "rolling_units": {_norm(w) for w in rp["rolling_units"]},
        "earlier": {_norm(w) for w in rp["earlier"]},
        "later": {_norm(w) for w in rp["later"]},
        "names_before": {_norm(w) for w in rn["before"]},
        "names_after": {_norm(w) for w in rn["after"]},
        "names_this": {_norm(w) for w in rn["this"]},
        "ago_year": {_norm(w) for w in _v("ago")["year_words"]},
        "period_preps": {_norm(w) for w in _v("roles")["period_prepositions"]},
        "article_preps": {_norm(w) for w in _v("roles")["article_period_prepositions"]} | set(quantity.hedge_table()),
        "future_preps": {_norm(w) for w in fut["prepositions"]},
        "rel_days": {_norm(k): int(v) for k, v in _v("relative_days").items()},
        "rel_day_parts": {_norm(k): v for k, v in _v("relative_day_parts").items()},
        "pod": {_norm(k): v for k, v in _v("part_of_day").items()},
        "pod_before": {_norm(k): v for k, v in _v("part_of_day_before").items()},
        "part_of_month": {_norm(k): tuple(v) for k, v in _v("part_of_month").items()},
        "part_of_year": {_norm(k): tuple(v) for k, v in _v("part_of_year").items()},
        "heads": {k.lower(): v for k, v in _v("heads").items()},
        "event_heads": {canon(w) for w in [*_v("event_heads")["words"], *_v("event_forms").values()]},
        "event_forms": {k.lower(): v for k, v in _v("event_forms").items()},
        "fatal_causes": {canon(w) for w in _v("fatal")["causes"]},
        "fatal_before": {_norm(w) for w in _v("fatal")["before"]},
        "fatal_after": tuple(_norm(w).split() for w in _v("fatal")["after"]),
        "fatal_head": canon(_v("fatal")["head"]),
        "said_verbs": {_norm(w) for w in _v("said_on")["verbs"]},
        "said_skip": {_norm(w) for w in _v("said_on")["skip"]},
        "said_head": _v("said_on")["head"],
        "clause_openers": {_norm(w) for w in _v("event_heads")["clause_words"]},
        "anaphora": {_norm(k): int(v) for k, v in _v("anaphora")["words"].items()},
        "anaphora_units": set(_v("anaphora")["units"]),
        "related_heads": {frozenset(canon(w) for w in p) for p in _v("related_heads")["pairs"]},
        "not_after_year": tuple(_norm(w) for w in _v("not_date")["after_year"]),
        "list_join": {_norm(w) for w in _v("not_date")["list_join"]},
        "idioms": {_norm(w) for w in _v("not_period")["idioms"]},
        "modal_months": {_norm(w) for w in _v("not_date")["modal_months"]},
        "span_preps": {_norm(w) for w in _v("attributive")["span_prepositions"]},
        "np_stop": {_norm(w) for w in _v("attributive")["noun_phrase_stop"]},
        "past_tense": {_norm(w) for w in fut["past_tense"]},
        "determiners": {_norm(w) for w in fut["determiners"]},
        "ahead_words": {_norm(w) for w in fut["ahead_words"]},
        "dated_plurals": {_norm(w) for w in fut["dated_plurals"]},
    }


def _word_re(words: Any) -> re.Pattern[str]:
    """Any of `words` as whole words (a word starting with a letter needs a boundary before it)."""
    parts = []
    for w in sorted({_norm(w) for w in words}, key=vocab.longest_first):
        body = r"\s+".join(re.escape(p) for p in w.split())
        parts.append((r"(?<![\w])" if w[0].isalnum() else "") + body + (r"(?![\w])" if w[-1].isalnum() else ""))
    return re.compile("|".join(parts), re.I)


def _ends_with_re(words: Any) -> re.Pattern[str]:
    """Text that ends with one of `words` (then whitespace or a hyphen)."""
    body = "|".join(
        r"\s+".join(re.escape(p) for p in w.split()) for w in sorted({_norm(w) for w in words}, key=vocab.longest_first)
    )
    return re.compile(r"(?:^|(?<![\w]))(?:" + body + r")[\s\-]*$", re.I)


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The atom patterns, built once from the vocabulary (order breaks ties between equal spans)."""
    W = _words()
    full, names = _months()
    month_alts = []
    for k in sorted(names, key=vocab.longest_first):
        cap = k.capitalize()
        month_alts.append(cap if full[names[k]] == k else re.escape(cap) + r"\.?")
    MONTH = "(?:" + "|".join(month_alts) + r")(?![A-Za-z])"
    MONTH_FULL = "(?:" + "|".join(n.capitalize() for n in sorted(full.values(), key=vocab.longest_first)) + r")(?![A-Za-z])"
    WEEKDAY = "(?:" + "|".join(k.capitalize() for k in _weekdays()) + ")"
    roles = _v("roles")
    rp = _v("relative_periods")
    ROLE = _alt([*roles["start"], *roles["deadline"], *roles["point"], *roles["range_open"]])
    QUAL = _alt([*W["part_of_month"], *W["part_of_year"]])
    QSEP = r"(?:\s*-\s*|\s+)"
    YEAR = r"(?<![\d$£€¥.,/])(?:19|20)\d\d(?![\d]|[.,]\d)"
    DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
    PRE = rf"(?<![\w'’\-])(?:(?P<role>{ROLE})\s+)?"
    PREQ = PRE + rf"(?:(?P<qual>{QUAL}){QSEP})?"
    NAME_DX = _alt([*W["names_before"], *W["names_after"], *W["names_this"]])
    POD = _alt(W["pod"])
    PDB = _alt(W["pod_before"])
    RELDAY = _alt(W["rel_days"])
    RPU = _alt(_v("relative_periods")["units"])
    RPDX = _alt([*W["offsets"], *W["rolling"]])
    EL = _alt([*W["earlier"], *W["later"]])
    ORD = _alt(W["ordinals"])
    nums = W["numbers"]
    NUM = (  # digits, a run of number words ("twenty-five", "two dozen"), or one of the rule's phrases ("half a")
        r"(?:(?<![\d.,/])\d{1,3}(?:\.\d+)?(?![\d]|[.,]\d|/\d)|"
        + "(?i:"
        + quantity.number_word_re(with_scales=False)
        + r")(?![\w])|"
        + _alt(nums)
        + r"(?![\w]))"
    )
    unit_forms = [*W["units"], *(u + "s" for u in W["units"]), *W["unit_plurals"]]
    UNITS = "(?:" + "|".join(sorted(unit_forms, key=vocab.longest_first)) + ")"  # lowercase only: "Five Year Plan" is a name
    DPREP = _alt([*W["period_preps"], *W["article_preps"]])
    PN = _alt(_v("roles")["period_nouns"])
    AGO = _alt([*_v("ago")["words"], *_v("ago")["year_words"]])
    COUNTED = _alt([*rp["counted_back"], *rp["counted_ahead"]])
    QKIND = _alt(_v("quarters")["kinds"])
    E = r"(?![\w])"
    MORE = _alt(_v("durations")["more"])  # "20 more years"
    specs = [
        (
            "mdy",
            PRE
            + rf"(?P<mon>{MONTH})\s*(?P<d>{DAY})(?:(?:\s*[-–]\s*|\s+(?i:to|through)\s+)(?P<d2>{DAY}))?(?!\d|[.,:]\d)(?:,?\s+(?P<y>{YEAR}))?{E}",
        ),
        (
            "dmy",
            PRE
            + rf"(?:(?i:the)\s+)?(?<![\d$£€.,])(?P<d>{DAY})(?:(?:\s*[-–]\s*|\s+(?i:to|and|until|through)\s+)(?P<d2>{DAY}))?\s+(?:(?i:of)\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?{E}",
        ),
        ("my", PREQ + rf"(?P<mon>{MONTH})(?:,?\s+|\s+(?i:of)\s+)(?P<y>{YEAR}){E}"),
        (
            "yr",
            PRE
            + rf"(?P<y1>{YEAR})\s*(?P<join>(?i:to|through|thru|until|till|and)|[-–—/])\s*(?P<y2>(?:19|20)?\d\d)(?![\w]|[.,]\d)",
        ),
        (
            "q",
            PRE + rf"(?:(?:(?i:the)\s+)?(?P<ord>{ORD})(?:\s+|-)(?:{QKIND}[\s\-]+)?(?i:quarter)"
            rf"(?:\s+(?i:of|in)\s+(?:(?i:fiscal)\s+)?(?P<y>{YEAR}))?|Q(?P<qn>[1-4])(?:\s+(?P<y2>{YEAR})|\s*['’](?P<yy>\d\d))?|H(?P<h>[12])\s+(?P<y3>{YEAR})){E}",
        ),
        ("wd", PRE + rf"(?:(?P<dx>{NAME_DX})\s+)?(?:(?P<pd>{PDB})\s+(?:(?i:on)\s+)?)?(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{POD}))?{E}"),
        ("rd", PRE + rf"(?:(?P<pd>{PDB})\s+)?(?P<rd>{RELDAY})(?:\s+(?P<pod>{POD}))?{E}"),
        (
            "rp",
            PREQ
            + rf"(?:(?P<el>{EL})\s+(?:(?i:this|in\s+the)\s+)(?P<u1>{RPU})|(?:(?P<art>(?i:the))\s+)?(?P<dx>{RPDX})\s+(?P<u2>{RPU})"
            rf"|(?P<the>(?i:the))\s+(?P<u3>{RPU}))(?![\w\-])(?!\s+(?i:of)\b)",
        ),
        ("m", PREQ + rf"(?:(?P<dx>{NAME_DX})\s+)?(?P<mon>{MONTH_FULL}){E}"),
        ("dec", PRE + r"(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))[\s\-]+)?(?P<dec>(?:19|20)\d0)['’]?s(?![\w'’])"),
        ("y", PREQ + rf"(?:(?P<fy>(?i:fiscal|financial\s+year))\s+)?(?P<y>{YEAR}){E}"),
        ("yago", PRE + rf"(?:(?i:the)\s+)?(?i:year[\s\-]+(?:ago|earlier))\s+(?P<u>(?i:quarter|month)){E}"),
        ("ago", rf"(?<![\w'’\-])(?P<n>{NUM})[\s\-]+(?P<u>{UNITS})\s+(?P<ago>{AGO}){E}"),
        (
            "pastn",
            rf"(?<![\w'’\-])(?:(?P<dprep>{DPREP})\s+)?(?:(?P<art>(?i:the))\s+)?(?P<dx>{COUNTED})\s+(?P<n>{NUM})\s+(?P<u>{UNITS})(?![\w\-])",
        ),
        (
            "dur",
            rf"(?<![\w'’\-])(?:(?P<dprep>{DPREP})\s+)?(?:(?P<art>(?i:a|an|the))\s+)?(?P<n>{NUM})(?P<half0>\s+(?i:and\s+a\s+half)|\s*½|\s+1/2)?(?:\s+(?P<more>{MORE}))?(?:(?P<hy>\s*-\s*)|\s+)(?P<u>{UNITS})"
            rf"(?P<half>\s+(?i:and\s+a\s+half))?(?:-long)?(?:\s+(?P<pn>{PN}))?(?![\w\-])",
        ),
        *_named_specs(PRE, NAME_DX, YEAR, POD),
    ]
    specs += _set_specs(NUM, UNITS, WEEKDAY, MONTH_FULL, DPREP, COUNTED)  # vague periods and recurring times
    return tuple((k, re.compile(p)) for k, p in specs)


@functools.cache
def _aux() -> dict[str, Any]:
    """Helper patterns: context words, hedges, cues (the sentence trigger is _anchors)."""
    nd = _v("not_date")
    fut = _v("future")
    return {
        "month_ctx": _ends_with_re(nd["month_context_before"]),
        "year_ctx": _ends_with_re(nd["year_context_before"]),
        "hedge": _ends_with_re(quantity.hedge_table()),
        "not_period_before": _ends_with_re(_v("not_period")["before"]),
        "not_period_after": re.compile(r"^[\s\-]*(?:" + _word_re(_v("not_period")["after"]).pattern + ")", re.I),
        "cue_verbs": _word_re(fut["verbs"]),
        "cue_end": _ends_with_re(fut["verbs"]),
        "cue_past": _word_re(fut["past"]),
        "clause_word": _word_re(fut["clause_words"]),
        "clause_breaks": tuple(fut["clause_breaks"]),
        "window": int(fut["window"]),
        "head_words": re.compile(r"[A-Za-z]+(?:['’]s(?![A-Za-z]))?"),  # "the sheriff's office": one word
        "date_clause": re.compile(r"\s*+,?\s*(?:" + _word_re(_v("event_heads")["date_clause_words"]).pattern + ")", re.I),
        "anaphora": re.compile(
            r"\s+(" + _word_re(_v("anaphora")["words"]).pattern + r")(?![\w\-])(?!\s+(?i:than|on|in|this|that)\b)", re.I
        ),
        "event_clause": re.compile(
            r"[,;:()\"“”—–]|"
            + _word_re(set(_v("event_heads")["clause_words"]) - set(_v("event_heads")["prepositional"])).pattern
            + "".join(
                "|(?:" + _word_re([w]).pattern + r")(?!\s+(?:" + _word_re(after).pattern + r"))"
                for w, after in sorted(_v("event_heads")["prepositional"].items())
            ),
            re.I,
        ),
    }


# ---------------------------------------------------------------- calendar arithmetic


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _shift_date_months(d: dt.date, k: int) -> dt.date:
    y, m = _shift_month(d.year, d.month, k)
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _week_timex(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter_bounds(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# ---------------------------------------------------------------- atoms


class _Atom:
    """One date phrase found in a sentence, before and after resolution."""

    __slots__ = ("start", "end", "kind", "m", "role", "weak", "value", "future", "past", "g")

    def __init__(self, start: int, end: int, kind: str, m: re.Match[str] | None, role: str | None, weak: bool = False):
        self.start, self.end, self.kind, self.m, self.role, self.weak = start, end, kind, m, role, weak
        self.value: DateValue | None = None
        self.future = False
        self.past = False  # the clause is told in the past: a month or day without a year is not ahead
        self.g: dict[str, Any] = m.groupdict() if m else {}


def _role_word(m: re.Match[str]) -> str | None:
    r = m.groupdict().get("role")
    return _norm(r) if r else None


def _role_class(word: str | None) -> str:
    if not word:
        return "point"
    return _words()["role_class"].get(word, "point")


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


_PREV_WORD = re.compile(r"([A-Za-z][\w'’\-]*)[^\w]*$")
_NEXT_CAPITAL = re.compile(r"\s+([A-Z][a-z]+)")


def _prev_word(text: str, lo: int, pos: int) -> str:
    m = _PREV_WORD.search(text[max(lo, pos - CONTEXT_CHARS) : pos])
    return m.group(1) if m else ""


def _at_sentence_start(text: str, lo: int, pos: int) -> bool:
    return not text[lo:pos].strip(" \t\"'“‘(")


def _make_atom(kind: str, m: re.Match[str], text: str, lo: int) -> _Atom | None:
    """An atom from a pattern match, with the guards against names, numbers and ages."""
    g = m.groupdict()
    aux = _aux()
    W = _words()
    role = _role_word(m)
    start, end = m.start(), m.end()
    before = text[max(lo, start - CONTEXT_CHARS) : start]
    after = text[end : end + 24]
    weak = False
    if kind in _NAMED_KINDS or (kind == "wd" and _weekday_of_a_name(text, lo, start)):
        return _named_atom(kind, m, text, lo) if kind in _NAMED_KINDS else None
    if kind == "wd":
        # "Black Friday" is a name (_weekday_of_a_name, above); after any other capitalised word a weekday is
        # a day ("Bill Clinton Saturday vowed", "Earlier Friday"); a capitalised word after it makes it a
        # name ("Sunday Times") unless a part of the day follows ("Friday night")
        if not g.get("pod"):
            nxt = _NEXT_CAPITAL.match(after)
            if nxt and nxt.group(1).lower() not in _months()[1]:
                return None
    elif kind == "rd":
        if not role and not g.get("pd") and text[start].isupper():
            pw = _prev_word(text, lo, start)
            if _is_cap(pw) and not _at_sentence_start(text, lo, start) and _norm(pw) not in W["role_class"]:
                return None  # "Courier Today": a title, not a day ("in Ashby last night" is a day)
    elif kind == "m":
        if not (role or g.get("qual") or g.get("dx")):
            weak = not aux["month_ctx"].search(before) and not _attributive_date(text, lo, start, end)
        nxt = _NEXT_CAPITAL.match(after)
        if nxt and nxt.group(1).lower() not in _months()[1]:
            weak = True  # "June Smith"
        if g["mon"].lower() in W["modal_months"] and not (
            role or g.get("qual") or g.get("dx") or aux["month_ctx"].search(before)
        ):
            weak = True  # modal "May" at a sentence start; a date only as a range's end ("between March and May")
    elif kind in ("y", "yr"):
        tail = _norm(after)
        if any(tail.startswith(w) and (len(tail) == len(w) or not tail[len(w)].isalnum()) for w in W["not_after_year"]):
            return None
        if kind == "y" and not (role or g.get("qual")):
            weak = not aux["year_ctx"].search(before) and not _attributive_date(text, lo, start, end)
        if kind == "y" and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            weak = True  # "(2024)" after a title is part of the name
        if kind == "yr":
            y1 = int(g["y1"])
            y2s = g["y2"]
            y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
            j = _norm(g["join"])
            if y2 <= y1 or y2 - y1 > 100 or (j == "and" and role != "between") or (j == "/" and y2 - y1 != 1):
                return None
    elif kind == "rp":
        if g.get("the") and not g.get("qual") and _norm(g["u3"]) != "weekend":
            return None  # "the year" alone is no date
    elif kind in ("dur", "ago", "pastn"):
        n = _number(g["n"])
        if n is None or n <= 0:
            return None
        if kind == "ago":
            if _norm(g["ago"]) in W["ago_year"] and W["units"].get(_unit_key(g["u"]), (0, ""))[1] != "Y":
                return None
        if kind == "dur":
            dprep = _norm(g["dprep"]) if g.get("dprep") else None
            pn = g.get("pn") if g.get("hy") else None
            if _norm(g["n"]) in W["article_numbers"] and dprep not in W["article_preps"] and not pn:
                if not _after_duration_verb(text, lo, m.start("n")):
                    return None  # "twice a year", "a day" ("lasted an hour" is a period)
            if not dprep and _norm(text[m.start("n") : m.end("u")]) in W["idioms"]:
                return None  # "I'd one day like to"
            if aux["not_period_after"].match(after) or aux["not_period_before"].search(
                text[max(lo, m.start("n") - CONTEXT_CHARS) : m.start("n")]
            ):
                return None  # "20 years old", "every two weeks"
            # the span: the period words, with a preposition that carries a role and the noun of "a six-year period"
            if pn:
                end = m.end("pn")
            else:
                end = m.end("half") if g.get("half") else m.end("u")
                tail_long = re.match(r"-long", text[end : end + 5])
                if tail_long:
                    end += 5
            if dprep in W["period_preps"] and (dprep != "over" or pn or g.get("art")):
                start = m.start("dprep")
            elif pn and g.get("art"):
                start = m.start("art")
            else:
                start = m.start("n")
    elif kind in _SET_KINDS:
        return _make_set_atom(kind, m, text, lo)
    if kind == "rd" and role and _role_class(role) == "point":
        start, role = m.start("pd") if g.get("pd") else m.start("rd"), None  # "at last night's meeting": "at" is the meeting's
    return _Atom(start, end, kind, m, role, weak)


_LOWER_WORD = re.compile(r"[ \t]+([a-z][a-z\-]*)")


def _attributive_date(text: str, lo: int, start: int, end: int) -> bool:
    """ "a 2010 commando raid", "his 2007 campaign", "the October slaying": a bare year or month between a
    determiner and a lowercase noun dates that thing. A plural noun must be an event word ("the 2008
    elections"): "the 2000 marchers" is a count."""
    if _norm(_prev_word(text, lo, start)) not in _words()["determiners"] or not re.search(
        r"\w[ \t]+$", text[max(lo, start - 3) : start]
    ):
        return False
    m = _LOWER_WORD.match(text, end)
    if not m:
        return False
    noun = m.group(1)
    if noun in _words()["not_after_year"] or noun in _words()["determiners"] or noun in _words()["role_class"]:
        return False
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun in _words()["dated_plurals"]
    return True


def _number(s: str | None) -> float | None:
    if not s:
        return None
    w = _norm(s)
    if w[0].isdigit():
        try:
            n = float(w)
        except ValueError:
            return None
        return n if quantity.finite(n) else None  # 400 nines: no number of years
    nums = _words()["numbers"]
    if w in nums:
        return nums[w]
    n = quantity.parse_words(w)  # "twenty-five", "two dozen"
    return n if quantity.finite(n) else None


def _unit_key(u: str) -> str:
    W = _words()
    u = u.lower()
    if u in W["units"]:
        return u
    if u in W["unit_plurals"]:
        return W["unit_plurals"][u]
    return u[:-1] if u.endswith("s") and u[:-1] in W["units"] else u


def _clause_before(text: str, lo: int, atom: _Atom) -> str:
    """The last few words of the date's own clause before it (cut at a clause break or clause word)."""
    aux = _aux()
    chunk = text[max(lo, atom.start - CUE_CHARS) : atom.start]
    cut = max(chunk.rfind(c) for c in aux["clause_breaks"])
    chunk = chunk[cut + 1 :]
    last = None
    for last in aux["clause_word"].finditer(chunk):
        pass
    if last is not None:
        chunk = chunk[last.end() :]
    return " ".join(chunk.split()[-aux["window"] :])


def _past(text: str, lo: int, atom: _Atom) -> bool:
    """Whether the date's clause is told in the past ("was fired in July", "predicted in June"): a past
    auxiliary of [future].past_tense, or a verb in -ed (or irregular past) that no determiner makes an
    adjective ("the expanded program" is no past tense). Read only for a month or day without its year."""
    clause = _clause_before(text, lo, atom)
    if _aux()["cue_verbs"].search(clause):
        return False
    words = clause.split()
    W = _words()
    for i in range(len(words) - 1, -1, -1):  # the nearest cue decides: "ordered him held pending his next hearing"
        lw = words[i].lower().strip(",.;:\"'“”‘’()")
        if lw in W["ahead_words"]:
            return False
        if lw in W["past_tense"]:
            return True
        if (len(lw) > 4 and lw.endswith("ed") or irregular_form(lw)) and not (i and words[i - 1].lower() in W["determiners"]):
            return True
    return False


def _future(text: str, lo: int, atom: _Atom) -> bool:
    """Whether the clause before the date points ahead (see the module doc)."""
    aux = _aux()
    W = _words()
    g = atom.g
    if g.get("dx"):
        dx = _norm(g["dx"])
        if dx in W["names_after"]:
            return True
        if dx in W["names_before"]:
            return False
    if aux["cue_end"].search(text, max(lo, atom.start - CONTEXT_CHARS), atom.start):
        return True  # "as early as May": a cue right before the date, whatever clause word it holds
    clause = _clause_before(text, lo, atom)
    if aux["cue_verbs"].search(clause):
        return True
    if aux["cue_past"].search(clause):
        return False
    return atom.role in W["future_preps"]


# ---------------------------------------------------------------- resolution of one atom


def _value(atom: _Atom, P: dt.date | None) -> DateValue | None:
    """The atom's value, or None: a date the calendar cannot hold is no claim.

    The resolvers count from the dateline; "21 centuries ago", "the next 999 years" or "last week" in an
    article dated 0001-01-01 lands outside the years 1 to 9999 that datetime holds, and its arithmetic
    raises ValueError ("year -80 is out of range") or OverflowError ("date value out of range"). Only
    those two, only here, where a value is made from a dateline and a written offset: silence rather
    than a crash, and rather than a clamped date the article never meant."""
    k = atom.kind
    fn = _RESOLVERS[k]
    try:
        return fn(atom, P, _role_class(atom.role))
    except (ValueError, OverflowError):
        return None


def _mk(start, end, timex, precision, role, dur=None, approx=False) -> DateValue:
    return DateValue(start, end, timex, precision, role, dur, approx)


def _pick_year(mon: int, d: int, P: dt.date, future: bool) -> int | None:
    cands = []
    for y in (P.year - 1, P.year, P.year + 1):
        try:
            cands.append(dt.date(y, mon, d))
        except ValueError:
            pass
    if not cands:
        return None
    if future:
        ahead = [c for c in cands if c >= P]
        if ahead:
            return min(ahead).year
    return min(cands, key=lambda c: (abs((c - P).days), c > P)).year


def _r_day(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    mon = _months()[1].get(g["mon"].rstrip(".").lower())
    d = int(re.match(r"\d+", g["d"]).group())
    d2 = int(re.match(r"\d+", g["d2"]).group()) if g.get("d2") else None
    if not mon or not 1 <= d <= 31:
        return None
    if g.get("y"):
        y = int(g["y"])
    elif P is None:
        if d > calendar.monthrange(2000, mon)[1]:
            return None
        return _mk(None, None, f"XXXX-{mon:02d}-{d:02d}", "day", role)
    else:
        y = _pick_year(mon, d, P, atom.future)
        if y is None:
            return None
        if atom.past and y == P.year and (dt.date(y, mon, min(d, calendar.monthrange(y, mon)[1])) - P).days > PAST_AHEAD_DAYS:
            y -= 1  # "was fired on Aug. 3" in a March piece: last August
    try:
        s = dt.date(y, mon, d)
        e = dt.date(y, mon, d2) if d2 and d2 > d else s
    except ValueError:
        return None
    if e != s:
        return _mk(
            s, e, f"{s.isoformat()}/{e.isoformat()}", "range", "deadline" if role == "deadline" else "range", float((e - s).days)
        )
    return _mk(s, s, s.isoformat(), "day", role)


def _pick_month_year(mon: int, P: dt.date, dx: str | None, future: bool) -> int:
    W = _words()
    if dx in W["names_before"]:
        return P.year if mon < P.month else P.year - 1
    if dx in W["names_after"]:
        return P.year if mon > P.month else P.year + 1
    if dx in W["names_this"]:
        return P.year
    if future:
        return P.year if mon >= P.month else P.year + 1
    best = min(((P.year + dy, mon - P.month + 12 * dy) for dy in (-1, 0, 1)), key=lambda c: (abs(c[1]), c[1] > 0))
    return best[0]


def _month_value(y: int, mon: int, qual: str | None, role: str) -> DateValue:
    s, e = dt.date(y, mon, 1), _month_end(y, mon)
    timex = f"{y}-{mon:02d}"
    if qual and qual in _words()["part_of_month"]:
        a, b = _words()["part_of_month"][qual]
        s = dt.date(y, mon, min(a, e.day))
        e = dt.date(y, mon, min(b, e.day))
        return _mk(s, e, timex, "part-of-month", role, approx=True)
    return _mk(s, e, timex, "month", role)


def _r_month(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    mon = _months()[1].get(g["mon"].rstrip(".").lower())
    qual = _norm(g["qual"]) if g.get("qual") else None
    if g.get("y"):
        return _month_value(int(g["y"]), mon, qual, role)
    if P is None:
        return _mk(None, None, f"XXXX-{mon:02d}", "month", role)
    dx = _norm(g["dx"]) if g.get("dx") else None
    y = _pick_month_year(mon, P, dx, atom.future)
    if atom.past and not dx and (y, mon) > (P.year, P.month):
        y -= 1  # "was fired in July" in a March piece: last July
    return _month_value(y, mon, qual, role)


def _year_value(y: int, qual: str | None, role: str, approx: bool = False) -> DateValue:
    if qual and qual in _words()["part_of_year"]:
        a, b = _words()["part_of_year"][qual]
        return _mk(dt.date(y, a, 1), _month_end(y, b), str(y), "part-of-year", role, approx=True)
    return _mk(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y), "year", role, approx=approx)


def _r_decade(atom: _Atom, P, role) -> DateValue | None:
    """ "the 1990s" (TIMEX3 "199"), "the mid-1990s" (its middle years, approximate)."""
    g = atom.g
    y0 = int(g["dec"])
    part = _norm(g["part"]) if g.get("part") else None
    a, b = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part or "", (0, 9))
    return _mk(dt.date(y0 + a, 1, 1), dt.date(y0 + b, 12, 31), str(y0)[:3], "decade", role, approx=part is not None)


def _r_year(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    if g.get("fy"):  # "fiscal 1988": a year whose bounds the text does not give (TIMEX3 "FY1988")
        return dataclasses.replace(_year_value(int(g["y"]), None, role, approx=True), timex=f"FY{g['y']}")
    return _year_value(int(g["y"]), _norm(g["qual"]) if g.get("qual") else None, role)


def _r_year_ago(atom: _Atom, P, role) -> DateValue | None:
    """ "the year-ago quarter" in an earnings story: the quarter (month) just ended, a year before."""
    if P is None:
        return None
    if atom.g["u"].lower() == "quarter":
        q = (P.month - 1) // 3 or 4  # the quarter before the dateline's
        y = (P.year if q < 4 or P.month > 3 else P.year - 1) - 1
        s, e = _quarter_bounds(y, q)
        return _mk(s, e, f"{y}-Q{q}", "quarter", role)
    y, mon = _shift_month(P.year, P.month, -13)
    return _month_value(y, mon, None, role)


def _r_year_range(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    y1 = int(g["y1"])
    y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y1 // 100) * 100 + int(g["y2"])
    return _mk(dt.date(y1, 1, 1), dt.date(y2, 12, 31), f"{y1}/{y2}", "range", "range", (y2 - y1) * YEAR_DAYS)


def _r_quarter(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    if g.get("h"):
        y, h = int(g["y3"]), int(g["h"])
        return _mk(dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), f"{y}-H{h}", "half", role)
    q = int(g["qn"]) if g.get("qn") else _words()["ordinals"].get(_norm(g["ord"]))
    if not q:
        return None
    ys = g.get("y") or g.get("y2")
    if ys:
        y = int(ys)
    elif g.get("yy"):
        y = 2000 + int(g["yy"])
    elif P is None:
        return _mk(None, None, f"XXXX-Q{q}", "quarter", role)
    else:
        qs, _ = _quarter_bounds(P.year, q)
        y = P.year if qs <= P or atom.future else P.year - 1
    s, e = _quarter_bounds(y, q)
    return _mk(s, e, f"{y}-Q{q}", "quarter", role)


def _with_pod(d: dt.date, pod: str | None, role: str) -> DateValue:
    if pod:
        return _mk(d, d, f"{d.isoformat()}T{pod}", "part-of-day", role)
    return _mk(d, d, d.isoformat(), "day", role)


def _pod_of(g: dict[str, Any], default: str | None = None) -> str | None:
    W = _words()
    if g.get("pod"):
        return W["pod"].get(_norm(g["pod"]))
    if g.get("pd"):
        return W["pod_before"].get(_norm(g["pd"]))
    return default


def _r_weekday(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    W = _words()
    wd = _weekdays()[g["wd"].lower()]
    pod = _pod_of(g)
    if P is None:
        return _mk(None, None, f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""), "part-of-day" if pod else "day", role)
    dx = _norm(g["dx"]) if g.get("dx") else None
    back = (P.weekday() - wd) % 7  # days since the latest such day (0: the dateline's own day)
    ahead = (wd - P.weekday()) % 7
    if dx in W["names_before"]:
        d = P - _days(back or 7)
    elif dx in W["names_after"]:
        d = P + _days(ahead or 7)
    elif dx in W["names_this"]:
        d = _monday(P) + _days(wd)
    elif atom.future:
        d = P + _days(ahead)
    else:
        d = P - _days(back)
    return _with_pod(d, pod, role)


def _r_relday(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    W = _words()
    phrase = _norm(g["rd"])
    off = W["rel_days"][phrase]
    pod = _pod_of(g, W["rel_day_parts"].get(phrase))
    if P is None:
        ref = "PRESENT_REF" if off == 0 else ("PAST_REF" if off < 0 else "FUTURE_REF")
        return _mk(None, None, ref, "part-of-day" if pod else "day", role)
    return _with_pod(P + _days(off), pod, role)


def _r_relperiod(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    W = _words()
    unit = _norm(g.get("u1") or g.get("u2") or g.get("u3"))
    qual = _norm(g["qual"]) if g.get("qual") else None
    el = _norm(g["el"]) if g.get("el") else None
    dx = _norm(g["dx"]) if g.get("dx") else None
    rolling = dx in W["rolling"] or (bool(g.get("art")) and dx in W["rolling_with_the"]) or unit in W["rolling_units"]
    if g.get("the") or el:
        k = 0
    else:
        k = W["offsets"].get(dx, -1 if rolling else 0)
    seasons = _v("relative_periods")["seasons"]
    if unit in seasons and (g.get("the") or el):
        return None  # "the summer", "earlier this summer": which one, or how much of it, is not said
    if P is None:
        ref = "PRESENT_REF" if k == 0 and not rolling else ("PAST_REF" if k < 0 or rolling else "FUTURE_REF")
        return _mk(None, None, ref, unit if unit not in seasons else "season", role)
    if unit in seasons:
        first, n, code = seasons[unit]
        return _season(P, int(first), int(n), code, k, role)
    if unit == "weekend":
        mon = _monday(P)
        if dx in W["offsets"] and not rolling:
            sat = mon + _days(5 + 7 * k)
        else:  # "the weekend", "this past weekend": the latest one (or the next, looking ahead)
            sat = mon + _days(5) if (P.weekday() >= 5 or atom.future) else mon - _days(2)
        return _mk(sat, sat + _days(1), f"{_week_timex(sat)}-WE", "weekend", role)
    if rolling:
        length = {"week": 7, "month": MONTH_DAYS, "quarter": 3 * MONTH_DAYS, "year": YEAR_DAYS, "decade": 10 * YEAR_DAYS}[unit]
        if unit != "week":
            n = round(length / MONTH_DAYS)
            other = _shift_date_months(P, n if k > 0 else -n)
        else:
            other = P + _days(7 if k > 0 else -7)
        s, e = (P, other) if k > 0 else (other, P)
        return _mk(s, e, _duration_timex(length), "range", role if role != "point" else "range", length, approx=True)
    if unit == "week":
        mon = _monday(P) + _days(7 * k)
        s, e = mon, mon + _days(6)
        if el in W["earlier"]:
            e = max(s, P - _days(1))
        elif el in W["later"]:
            s = min(e, P + _days(1))
        return _mk(s, e, _week_timex(mon), "week", role)
    if unit == "month":
        y, m = _shift_month(P.year, P.month, k)
        v = _month_value(y, m, qual, role)
        if el in W["earlier"]:
            return _mk(v.start, max(v.start, P - _days(1)), v.timex, "month", role)
        if el in W["later"]:
            return _mk(min(v.end, P + _days(1)), v.end, v.timex, "month", role)
        return v
    if unit == "quarter":
        q0 = (P.month - 1) // 3 + 1
        y, m = _shift_month(P.year, 3 * q0 - 2, 3 * k)
        q = (m - 1) // 3 + 1
        s, e = _quarter_bounds(y, q)
        if el in W["earlier"]:
            e = max(s, P - _days(1))
        elif el in W["later"]:
            s = min(e, P + _days(1))
        return _mk(s, e, f"{y}-Q{q}", "quarter", role)
    # year
    v = _year_value(P.year + k, qual, role)
    if el in W["earlier"]:
        return _mk(v.start, max(v.start, P - _days(1)), v.timex, "year", role)
    if el in W["later"]:
        return _mk(min(v.end, P + _days(1)), v.end, v.timex, "year", role)
    return v


def _season(P: dt.date, first: int, n: int, code: str, k: int, role: str) -> DateValue:
    """A season k from the dateline's: -1 the latest ended before it, 0 the one of its year (a winter: the
    one it is in, or the one that ends its year), 1 the next to begin after it."""

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        ey, em = _shift_month(y, first, n - 1)
        return dt.date(y, first, 1), _month_end(ey, em)

    y = P.year if not (first == 12 and P.month <= 2) else P.year - 1  # January's winter began in December
    s, e = bounds(y)
    if k == 0 and first + n - 1 > 12 and s > P:
        ps, pe = bounds(y - 1)  # "this winter" said in March: the winter just past, when it is the nearer
        if (P - pe).days < (s - P).days:
            s, e, y = ps, pe, y - 1
    if k < 0:
        while e >= P:
            y -= 1
            s, e = bounds(y)
    elif k > 0:
        while s <= P:
            y += 1
            s, e = bounds(y)
    return _mk(s, e, f"{y}-{code}", "season", role)


def _r_ago(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    n = _number(g["n"])
    unit = _unit_key(g["u"])
    if P is None:
        return _mk(None, None, "PAST_REF", unit, role)
    days, letter, _ = _words()["units"][unit]
    if letter == "Y":
        return _year_value(P.year - round(n * days / YEAR_DAYS), None, role, approx=True)
    if letter == "M":
        y, m = _shift_month(P.year, P.month, -round(n * days / MONTH_DAYS))
        return _mk(dt.date(y, m, 1), _month_end(y, m), f"{y}-{m:02d}", "month", role, approx=True)
    if days >= 7:
        mon = _monday(P - _days(round(n * days)))
        return _mk(mon, mon + _days(6), _week_timex(mon), "week", role, approx=True)
    d = P - _days(int(n * days))
    return _mk(d, d, d.isoformat(), "day", role, approx=days < 1)


def _length(n: float, unit: str) -> tuple[float, str]:
    days, letter, mult = _words()["units"][unit]
    count = n * mult
    if letter.startswith("T"):
        return n * days, f"PT{_num_str(count)}{letter[1:]}"
    return n * days, f"P{_num_str(count)}{letter}"


def _r_duration(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    n = _number(g["n"]) + (0.5 if g.get("half") or g.get("half0") else 0)
    unit = _unit_key(g["u"])
    if unit not in _words()["units"]:
        return None
    days, timex = _length(n, unit)
    dprep = _norm(g["dprep"]) if g.get("dprep") else None
    r = "deadline" if dprep == "within" else "duration"
    return _mk(None, None, timex, "duration", r, days)


def _r_pastn(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    W = _words()
    n = _number(g["n"])
    unit = _unit_key(g["u"])
    if unit not in W["units"]:
        return None
    days, timex = _length(n, unit)
    if P is None:
        return _mk(None, None, timex, "duration", "duration", days)
    ahead = _norm(g["dx"]) in W["counted_ahead"]
    if W["units"][unit][1] in ("M", "Y"):
        months = round(days / MONTH_DAYS)
        other = _shift_date_months(P, months if ahead else -months)
    else:
        other = P + _days(round(days) if ahead else -round(days))
    s, e = (P, other) if ahead else (other, P)
    return _mk(s, e, timex, "range", "range", days, approx=True)


# ---------------------------------------------------------------- vague periods and recurring times


_SET_KINDS = frozenset({"setq", "setwd", "setfq", "setadv", "rate", "vague", "vaguebare", "vaguedx"})
_NO_DIFFER = ("set", "vague")  # precisions of values that are never a discrepancy (see _compare_vague_or_set)


@functools.cache
def _sv() -> dict[str, Any]:
    """Derived tables of vague periods ("for months", "a few days") and recurring times ("every week")."""
    du, st = _v("durations"), _v("sets")
    W = _words()
    letters = {**{u: v[1] for u, v in W["units"].items()}, **du["vague_letters"]}
    names = {}
    for u, (_, letter, mult) in W["units"].items():
        if mult == 1 and letter not in names:
            names[letter] = u
    names.update({letter: u for u, letter in du["vague_letters"].items() if letter not in names})
    scales = _alt(st["rate_scales"])
    count = r"(?P<c>\d[\d,.]*|(?i:" + quantity.number_word_re(with_scales=False) + r"))"
    rate_before = re.compile(
        rf"(?:(?P<money>[$£€¥]\s?\d[\d,.]*(?:\s*{scales}(?![\w]))?|(?<![\w.,])\d[\d,.]*\s?%)|(?<![\w.,$£€¥]){count}(?P<w>(?:\s+[A-Za-z][\w\-]*){{1,2}}))\s*$"
    )
    after = [*_v("ago")["words"], *_v("ago")["year_words"], *_v("anaphora")["words"]]
    return {
        "verbs": {_norm(w) for w in du["verbs"]},
        "quantifiers_prep": {_norm(w) for w in du["quantifiers_with_preposition"]},
        "recent": {_norm(w) for w in du["recent"]},
        "letters": letters,
        "unit_names": names,
        "quant": {_norm(k): v for k, v in st["quantifiers"].items()},
        "counts": {_norm(k): float(v) for k, v in st["counts"].items()},
        "adverbs": {k.lower(): v for k, v in st["adverbs"].items()},
        "times": {_norm(k): int(v) for k, v in st["times"].items()},
        "rate_before": rate_before,
        "rate_not_after": {_norm(w) for w in st["rate_not_after"]},
        "not_after": re.compile(r"^[\s\-]*(?:" + _word_re(after).pattern + ")", re.I),
        "seasons": {k: v[2] for k, v in _v("relative_periods")["seasons"].items()},
    }


def _set_specs(NUM: str, UNITS: str, WEEKDAY: str, MONTH_FULL: str, DPREP: str, COUNTED: str) -> list[tuple[str, str]]:
    """The patterns of vague periods and recurring times (appended to _patterns' specs)."""
    du, st = _v("durations"), _v("sets")
    W = _words()
    B, E = r"(?<![\w'’\-])", r"(?![\w\-])"
    plurals = sorted({*(u + "s" for u in W["units"]), *W["unit_plurals"]}, key=vocab.longest_first)
    PL = "(?:" + "|".join(plurals) + ")"  # lowercase only, as UNITS
    UNIT1 = "(?:" + "|".join(sorted(W["units"], key=vocab.longest_first)) + ")"
    VQ = _alt([*du["quantifiers"], *du["quantifiers_with_preposition"], *du["recent"]])
    CNT = "(?:" + NUM + "|" + _alt(st["counts"]) + r"(?![\w]))"
    SEASON = _alt(_v("relative_periods")["seasons"])
    ADV = _alt(st["adverbs"])
    return [
        (
            "setq",
            B + rf"(?P<q>{_alt(st['quantifiers'])})\s+(?:(?P<n>{CNT})\s+)?"
            rf"(?:(?P<u>{UNITS})|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH_FULL})|(?P<sea>{SEASON}))" + E,
        ),
        ("setwd", B + rf"(?:(?i:on)\s+)?(?P<wd>{WEEKDAY})s(?![\w'’])"),
        (
            "setfq",
            B + rf"(?:(?P<fq>{_alt(st['times'])})|(?P<fn>{NUM})\s+{_alt([st['times_word']])})\s+"
            rf"(?:(?P<per>{_alt(st['per'])})\s+(?:(?P<n>{CNT})\s+)?(?P<u>{UNITS})|(?P<adv>{ADV}))" + E,
        ),
        ("setadv", B + rf"(?P<adv>{ADV})" + E),
        ("rate", B + rf"(?P<per>{_alt(st['rate_words'])})\s+(?P<u>{UNIT1})" + E),
        (
            "vague",
            B + rf"(?:(?P<dprep>{DPREP})\s+)?(?:(?P<art>(?i:the))\s+)?(?:(?P<dx>{COUNTED})\s+)?(?P<vq>{VQ})\s+(?P<u>{PL})" + E,
        ),
        ("vaguebare", B + rf"(?P<dprep>{_alt(du['bare_prepositions'])})\s+(?P<u>{PL})" + E),
        ("vaguedx", B + rf"(?:(?P<dprep>{DPREP})\s+)?(?P<art>(?i:the))\s+(?P<dx>{_alt(du['counted_plural'])})\s+(?P<u>{PL})" + E),
    ]


def _after_duration_verb(text: str, lo: int, pos: int) -> bool:
    """ "lasted an hour", "took a month": an article period right after a verb of duration is a period."""
    return _norm(_prev_word(text, lo, pos)) in _sv()["verbs"]


def _make_set_atom(kind: str, m: re.Match[str], text: str, lo: int) -> _Atom | None:
    """An atom of a vague period or a recurring time, with its guards ("the Daily Mail", "$10 a month")."""
    g = m.groupdict()
    S = _sv()
    aux = _aux()
    start, end = m.start(), m.end()
    after = text[end : end + 24]
    before = text[max(lo, start - CONTEXT_CHARS) : start]
    if kind in ("setadv", "setwd") and text[m.start("adv" if kind == "setadv" else "wd")].isupper():
        # "the Daily Mail", "Publishers Weekly", "Mondays Child": a capital on either side makes a name
        at = m.start("adv" if kind == "setadv" else "wd")
        pw = _prev_word(text, lo, at)
        if kind == "setadv" and _is_cap(pw) and not _at_sentence_start(text, lo, at):
            return None
        if _NEXT_CAPITAL.match(after):
            return None
    if kind in ("vague", "vaguebare", "vaguedx", "rate"):
        if S["not_after"].match(after) or aux["not_period_after"].match(after):
            return None  # "a few days ago", "several years old": a date or an age, not a period
    if kind in ("vague", "vaguedx"):
        if aux["not_period_before"].search(before):
            return None  # "every few days", "aged several months"
        if g.get("vq") and _norm(g["vq"]) in S["quantifiers_prep"] and not (g.get("dprep") or g.get("dx")):
            return None  # "some days are better": no period
        W = _words()
        if g.get("dprep") and _norm(g["dprep"]) in W["period_preps"]:
            start = m.start("dprep")
        else:
            start = m.start("art") if g.get("art") else m.start("dx") if g.get("dx") else m.start("vq")
    if kind == "rate":
        rb = S["rate_before"].search(before)
        if rb is None:
            return None  # "a year" with no sum or count before it is no rate
        if not rb.group("money"):
            c, words = rb.group("c"), _norm(rb.group("w")).split()
            if re.fullmatch(r"(?:19|20)\d\d", c) or any(w in _words()["np_stop"] for w in words):
                return None  # "in 2019 a year ...", "two of the ... a day"
            if words[-1] in S["rate_not_after"]:
                return None  # "50 miles an hour": a speed
    return _Atom(start, end, kind, m, None)


def _r_set(atom: _Atom) -> DateValue | None:
    """A recurring time (TIMEX3 SET): "every two weeks" P2W, "each July" XXXX-07, "twice a week" P1W freq 2X."""
    g = atom.g
    S = _sv()
    W = _words()
    quant = S["quant"].get(_norm(g.get("q") or g.get("per") or ""), "")
    freq = ""
    if g.get("fq"):
        freq = f"{S['times'][_norm(g['fq'])]}X"
    elif g.get("fn"):
        k = _number(g["fn"])
        if not k or k != int(k):
            return None
        freq = f"{int(k)}X"
    if g.get("adv"):
        timex = S["adverbs"][g["adv"].lower()]
    elif g.get("wd"):
        timex = f"XXXX-WXX-{_weekdays()[g['wd'].lower()] + 1}"
    elif g.get("mon"):
        timex = f"XXXX-{_months()[1][g['mon'].lower()]:02d}"
    elif g.get("sea"):
        timex = f"XXXX-{S['seasons'][_norm(g['sea'])]}"
    else:
        n = S["counts"].get(_norm(g["n"])) or _number(g["n"]) if g.get("n") else 1.0
        unit = _unit_key(g["u"])
        if not n or n <= 0 or unit not in W["units"]:
            return None
        timex = _length(n, unit)[1]
    return DateValue(None, None, timex, "set", "set", freq=freq, quant=quant)


def _r_vague(atom: _Atom) -> DateValue | None:
    """A period of no stated length: "a few days" PXD, "for months" PXM; "in recent weeks", "the past
    several months" end at the dateline (role range), but where they start is not said, so both bounds
    stay None (a value is resolved only with both: see DateValue)."""
    g = atom.g
    S = _sv()
    unit = _unit_key(g["u"])
    if unit not in _words()["units"]:
        return None
    letter = S["letters"][unit]
    timex = f"PTX{letter[1:]}" if letter.startswith("T") else f"PX{letter}"
    if g.get("dx") or (g.get("vq") and _norm(g["vq"]) in S["recent"]):
        role = "range"
    elif g.get("dprep") and _norm(g["dprep"]) == "within":
        role = "deadline"
    else:
        role = "duration"
    return DateValue(None, None, timex, "vague", role)


def _compare_vague_or_set(va: DateValue, vb: DateValue) -> str:
    """A vague period or a recurring time is never a discrepancy: a recurring time is "same" as one of
    its value and freq, anything else at most "compatible" (and ``comparable`` keeps most apart)."""
    if va.precision == vb.precision == "set" and (va.timex, va.freq) == (vb.timex, vb.freq):
        return "same"
    return "compatible"


def _comparable_vague_or_set(va: DateValue, vb: DateValue) -> bool:
    """A recurring time lines up only with the same recurring time; a vague period with a vague period of its unit."""
    if va.precision != vb.precision:
        return False
    if va.precision == "set":
        return (va.timex, va.freq) == (vb.timex, vb.freq)
    return va.timex == vb.timex


_SET_TIMEX = re.compile(r"PT?(\d+(?:\.\d+)?)([A-Z]+)")


def _describe_vague_or_set(v: DateValue) -> str:
    """ "every 2 weeks", "2 times every week", "every Monday", "months (length not given)"."""
    S = _sv()
    m = _SET_TIMEX.fullmatch(v.timex)
    if v.precision == "vague":
        letter = v.timex[2:] if v.timex.startswith("PX") else "T" + v.timex[3:]
        base = f"{S['unit_names'].get(letter, letter)}s (length not given)"
        return {"range": "recent ", "deadline": "within "}.get(v.role, "") + base
    if m:
        n, letter = m.group(1), m.group(2)
        unit = S["unit_names"].get(("T" + letter) if v.timex.startswith("PT") else letter, letter)
        base = f"every {unit}" if n == "1" else f"every {n} {unit}s"
    elif _WEEKDAY_TIMEX.fullmatch(v.timex):
        base = "every " + next(k for k, n in _weekdays().items() if n == int(v.timex[-1]) - 1).capitalize()
    elif _MONTH_TIMEX.fullmatch(v.timex):
        base = "every " + _months()[0][int(v.timex[-2:])].capitalize()
    else:
        code = v.timex.split("-")[-1]
        base = "every " + next((k for k, c in S["seasons"].items() if c == code), v.timex)
    return f"{v.freq[:-1]} times {base}" if v.freq else base


_RESOLVERS = {
    "mdy": _r_day,
    "dmy": _r_day,
    "my": _r_month,
    "m": _r_month,
    "y": _r_year,
    "yago": _r_year_ago,
    "yr": _r_year_range,
    "q": _r_quarter,
    "wd": _r_weekday,
    "rd": _r_relday,
    "rp": _r_relperiod,
    "ago": _r_ago,
    "dur": _r_duration,
    "dec": _r_decade,
    "pastn": _r_pastn,
    **{k: (lambda atom, P, role: _r_set(atom)) for k in ("setq", "setwd", "setfq", "setadv", "rate")},
    **{k: (lambda atom, P, role: _r_vague(atom)) for k in ("vague", "vaguebare", "vaguedx")},
    "hol": lambda a, P, role: _r_holiday(a, P, role),
    "cen": lambda a, P, role: _r_century(a, P, role),
    "spy": lambda a, P, role: _r_spelt_year(a, P, role),
    "decw": lambda a, P, role: _r_decade_word(a, P, role),
}

_LETTERS = re.compile(r"[a-z]+")
_WORDS = re.compile(r"[A-Za-z]+")
# the anchors that are no word: a year in digits, "Q3" / "H1", a decade in digits ("the '90s")
_DIGIT_ANCHORS = re.compile(r"(?P<year>(?<!\d)(?:19|20)\d\d(?!\d))|(?P<q>(?<![A-Za-z])[QH][1-4](?![\w]))|(?P<named>[3-9]0['’]?s)")


@functools.cache
def _anchor_words() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """Each word that can wake a pattern -> (the other words it needs beside it, the anchor it gives): month
    and weekday names as written (capitalised: "may" is a verb), and in any case units and their plurals,
    seasons, the last word of a relative day ("night"), the adverbs of recurring times, and holidays,
    centuries, years and decades in words. A name of several words is keyed by its longest word and needs
    the others too ("Good Friday": "Friday" and "good"), so that a common word alone wakes nothing."""
    W = _words()
    N = _named()
    out: dict[str, list[tuple[frozenset[str], str]]] = {}

    def add(group: str, names: Any, cap: bool = False) -> None:
        for name in names:
            parts = _LETTERS.findall(_norm(name))
            if not parts:
                continue
            key = max(parts, key=len)
            entry = (frozenset(p for p in parts if p != key), group)
            out.setdefault(key.capitalize() if cap else key, []).append(entry)

    add("mon", _months()[1], cap=True)
    add("wd", [*_weekdays(), *(w + "s" for w in _weekdays())], cap=True)  # "on Mondays"
    seasons = set(_v("relative_periods")["seasons"])
    units = {*W["units"], *W["unit_plurals"], *_v("relative_periods")["units"], "quarter"} - seasons
    add("unit", [*units, *(u + "s" for u in units)])
    add("season", seasons)
    add("rd", [phrase.split()[-1] for phrase in W["rel_days"]])
    add("set", _v("sets")["adverbs"])
    add("named", [*_v("holidays"), *N["hundreds"], *N["thousands"], *N["decade_words"], *N["decade_with_century"]])
    add("named", ["century", "centuries"])
    return {w: tuple(dict.fromkeys(es)) for w, es in out.items()}


def _anchors(text: str, lo: int, hi: int) -> set[str]:
    """The anchors text[lo:hi] holds: a lookup of its words and one small pattern for digits, so that a
    sentence with no date word runs no pattern at all (most sentences hold none). An anchor may wake a
    pattern that then finds nothing; it never fails to wake one that would match."""
    table = _anchor_words()
    words = set(_WORDS.findall(text, lo, hi))
    lower = {w.lower() for w in words}
    found: set[str] = set()
    for w in words | lower:
        for others, group in table.get(w, ()):
            if others <= lower:
                found.add(group)
    found.update(m.lastgroup for m in _DIGIT_ANCHORS.finditer(text, lo, hi))  # type: ignore[misc]
    return found


# the anchor words a pattern cannot match without (see _anchors)
_NEEDS = {
    "mdy": {"mon"},
    "dmy": {"mon"},
    "my": {"mon"},
    "m": {"mon"},
    "y": {"year"},
    "yago": {"unit"},
    "yr": {"year"},
    "dec": {"year"},
    "q": {"unit", "q"},
    "wd": {"wd"},
    "rd": {"rd"},
    "rp": {"unit", "season"},  # a season ("fall", "spring": often a verb) wakes only the relative period
    "ago": {"unit"},
    "dur": {"unit"},
    "pastn": {"unit"},
    "setq": {"unit", "wd", "mon", "season"},
    "setwd": {"wd"},
    "setfq": {"unit", "set"},
    "setadv": {"set"},
    "rate": {"unit"},
    "vague": {"unit"},
    "vaguebare": {"unit"},
    "vaguedx": {"unit"},
    "hol": {"named"},
    "cen": {"named"},
    "spy": {"named"},
    "decw": {"named"},
}

_YEARLESS = {"mdy", "dmy", "m", "hol"}  # the atoms whose year the clause's tense may decide
PAST_AHEAD_DAYS = 7  # a past clause's month or day is not put more than this ahead of the dateline

_RANGEABLE = {"mdy", "dmy", "my", "m", "y", "q", "wd", "hol"}


# ---------------------------------------------------------------- scanning a sentence


def _scan(text: str, lo: int, hi: int, P: dt.date | None, strict: bool = True, future: bool = False) -> list[_Atom]:
    """The date atoms of text[lo:hi], resolved, merged into ranges, weak ones dropped."""
    anchors = _anchors(text, lo, hi)
    if not anchors:
        return []
    cands: list[_Atom] = []
    for order, (kind, rx) in enumerate(_patterns()):
        if anchors.isdisjoint(_NEEDS[kind]):
            continue
        for m in rx.finditer(text, lo, hi):
            a = _make_atom(kind, m, text, lo)
            if a is not None and a.end > a.start:
                cands.append((a, order))  # type: ignore[arg-type]
    cands.sort(key=lambda t: (-(t[0].end - t[0].start), t[1], t[0].start))  # type: ignore[index]
    taken: list[_Atom] = []
    # the atoms taken never overlap, so sorted by start their ends are sorted too: a candidate overlaps one
    # of them only if it overlaps the last one starting before its end (a bisect, not a scan of all taken)
    starts: list[int] = []
    ends: list[int] = []
    for a, _ in cands:  # type: ignore[misc]
        k = bisect.bisect_left(starts, a.end)
        if k == 0 or ends[k - 1] <= a.start:
            starts.insert(k, a.start)
            ends.insert(k, a.end)
            taken.append(a)
    taken.sort(key=lambda a: a.start)
    for a in taken:
        a.future = future or _future(text, lo, a)
        if not a.future and P is not None and a.kind in _YEARLESS and not a.g.get("y"):
            a.past = _past(text, lo, a)
        a.value = _value(a, P)
    taken = [a for a in taken if a.value is not None]
    merged = _compose(text, taken)
    return [a for a in merged if not (strict and a.weak)]


def _compose(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join a weekday to the date after it ("Friday, Oct. 10") and two ends into a range."""
    W = _words()
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None:
            gap = text[a.end : b.start]
            if a.kind == "wd" and b.kind in ("mdy", "dmy") and not b.role and re.fullmatch(r",?\s*", gap):
                c = _Atom(a.start, b.end, b.kind, None, a.role)
                c.value = DateValue(
                    b.value.start, b.value.end, b.value.timex, b.value.precision, a.value.role, b.value.duration_days
                )
                out.append(c)
                i += 2
                continue
            both = _compound(text, a, b, gap) or _month_of_year(a, b, gap) or _quarter_of_year(text, a, b, gap)
            if both is not None:
                out.append(both)
                i += 2
                continue
            r = _range(text, a, b, gap, W)
            if r is not None:
                out.append(r)
                i += 2
                continue
        if (
            a.weak
            and out
            and not out[-1].weak
            and out[-1].kind == a.kind
            and _norm(text[out[-1].end : a.start]) in W["list_join"]
        ):
            a.weak = False  # "in 2017 and 2020", "in May and June"
        out.append(a)
        i += 1
    return out


def _quarter_of_year(text: str, a: _Atom, b: _Atom, gap: str) -> _Atom | None:
    """ "next year's first quarter", "the 1988 second quarter": the quarter of the year named before it."""
    va, vb = a.value, b.value
    if a.kind not in ("y", "rp") or b.kind != "q" or va is None or vb is None or va.precision != "year" or not va.start:
        return None
    if b.role or any(b.g.get(k) for k in ("y", "y2", "yy", "y3", "h")) or not re.fullmatch(r"['’]s\s+|\s+", gap):
        return None
    q = int(vb.timex[-1]) if vb.timex[-2:-1] == "Q" else None
    if q is None:
        return None
    y = va.start.year
    s, e = _quarter_bounds(y, q)
    the = re.search(r"(?<![\w])(?i:the)\s+$", text[max(0, a.start - 5) : a.start]) if a.kind == "y" else None
    c = _Atom(a.start - (len(the.group()) if the else 0), b.end, "q", None, a.role)  # "the 1988 second quarter"
    c.value = _mk(s, e, f"{y}-Q{q}", "quarter", va.role)
    return c


def _month_of_year(a: _Atom, b: _Atom, gap: str) -> _Atom | None:
    """ "June last year", "March next year": the month of the year the relative words name."""
    va, vb = a.value, b.value
    if a.kind != "m" or b.kind != "rp" or va is None or vb is None or not re.fullmatch(r"\s+(?:of\s+)?", gap):
        return None
    if vb.precision != "year" or vb.start is None or not re.fullmatch(r"XXXX-\d\d|\d{4}-\d\d", va.timex):
        return None
    mon = int(va.timex[-2:])
    c = _Atom(a.start, b.end, "m", a.m, a.role)
    c.g = a.g
    c.value = _month_value(vb.start.year, mon, None, va.role)
    return c


_TIMEX_PERIOD = re.compile(r"P(?P<date>(?:\d+(?:\.\d+)?[YMWD])*)(?:T(?P<time>(?:\d+(?:\.\d+)?[HMS])+))?")


def _compound(text: str, a: _Atom, b: _Atom, gap: str) -> _Atom | None:
    """Two periods of falling units written as one: "2 hours 30 minutes", "7 minutes and 41 seconds"."""
    va, vb = a.value, b.value
    if a.kind != "dur" or b.kind != "dur" or va is None or vb is None or b.role:
        return None
    if not re.fullmatch(r",?\s*(?:and\s+)?", gap) or not (va.duration_days and vb.duration_days):
        return None
    if vb.duration_days >= va.duration_days:
        return None  # "two days, three days": a list, not one period
    ma, mb = _TIMEX_PERIOD.fullmatch(va.timex), _TIMEX_PERIOD.fullmatch(vb.timex)
    if ma is None or mb is None:
        return None
    date, time = (ma["date"] or "") + (mb["date"] or ""), (ma["time"] or "") + (mb["time"] or "")
    timex = "P" + date + ("T" + time if time else "")
    c = _Atom(a.start, b.end, "dur", a.m, a.role)
    c.g = a.g
    c.value = dataclasses.replace(va, timex=timex, duration_days=va.duration_days + vb.duration_days)
    return c


def _range(text: str, a: _Atom, b: _Atom, gap: str, W: dict[str, Any]) -> _Atom | None:
    if a.kind not in _RANGEABLE or b.kind not in _RANGEABLE:
        return None
    join = _norm(gap)
    if not join and b.role in W["range_join"]:
        join = b.role
    elif b.role:
        return None
    if join not in W["range_join"]:
        return None
    if a.role in W["range_open"]:
        if (a.role == "between") != (join == "and"):
            return None
    elif a.role or join == "and" or a.kind != b.kind:
        return None
    va, vb = a.value, b.value
    r = _Atom(a.start, b.end, "range", None, a.role)
    if va.start is None or vb.start is None:
        r.value = _mk(None, None, f"{va.timex}/{vb.timex}", "range", "range")
        return r
    if vb.end < va.start:
        return None
    gran = {"year": YEAR_DAYS, "month": MONTH_DAYS, "quarter": 3 * MONTH_DAYS}.get(va.precision)
    if gran and va.precision == vb.precision:
        steps = {
            "year": vb.start.year - va.start.year,
            "month": (vb.start.year - va.start.year) * 12 + vb.start.month - va.start.month,
            "quarter": ((vb.start.year - va.start.year) * 12 + vb.start.month - va.start.month) / 3,
        }[va.precision]
        dur = steps * gran
    else:
        dur = float((vb.start - va.start).days)
    r.value = _mk(va.start, vb.end, f"{va.timex}/{vb.timex}", "range", "range", dur, va.approx or vb.approx)
    return r


# ---------------------------------------------------------------- the rule's interface


def resolve(expr: str, published: dt.date | None, *, future: bool = False) -> DateValue | None:
    """Resolve one date expression ("last week", "July 2nd", "by the end of 2030") against a dateline.

    `future` forces the forward reading of a weekday or a month named without
    its year; a preposition that looks ahead ("by Wednesday") sets it anyway.
    """
    atoms = _scan(expr, 0, len(expr), published, strict=False, future=future)
    if not atoms:
        return None
    return max(atoms, key=lambda a: a.end - a.start).value


def find_claims(article: Article) -> list[Claim]:
    text = article.text
    P = article.published
    out: list[Claim] = []
    for sent in article.sentences:
        for a in _scan(text, sent.start, sent.end, P):
            v = a.value
            if v.pure_duration or a.kind == "dur":
                head = _head(text, sent, a.start, a.end)
                if a.kind == "dur":
                    thing = _attributive(text, sent, a, head)
                    if thing and thing not in _service()["heads"]:  # years served are also years elapsed
                        v = dataclasses.replace(v, thing=thing)
                        head = head if _head_family(head) == thing else thing
                    elif _after_span_prep(text, sent, a):
                        v = dataclasses.replace(v, span=True)
            elif a.kind == "pastn":  # "for the past five years": a period first, else the event it dates
                head = _head(text, sent, a.start, a.end) or _event_head(text, sent, a.start, a.end)[0]
            else:
                head, opening = _event_head(text, sent, a.start, a.end)
                if opening and head:
                    v = dataclasses.replace(v, opening=True)
            hedge = _aux()["hedge"].search(text[max(sent.start, a.start - CONTEXT_CHARS) : a.start])
            approx = v.approx or bool(hedge)
            if approx != v.approx:
                v = dataclasses.replace(v, approx=approx)
            if hedge is not None and v.pure_duration:
                bound = _BOUNDS.get(quantity.hedge_class(_norm(hedge.group().strip(" -"))), "")
                if bound:
                    v = dataclasses.replace(v, bound=bound)
            claim = make_claim(article, CODE, a.start, a.end, v, sentence=sent, head=head, role=v.role)
            key = _day_key(v, text[a.start : a.end])
            if key:
                claim = dataclasses.replace(claim, terms=claim.terms | {key})
            out.append(claim)
    out = _letter_dates(article, _anaphoric(article, out))
    out += _named_from_last(article, out)
    return _lead_date(article) + out + _references(article, out)


@functools.cache
def _letter_cue() -> re.Pattern[str]:
    L = _v("letters")
    return re.compile(
        r"(?<![\w])(?:"
        + _word_re(L["nouns"]).pattern
        + r")\W+(?:[\w'’\-]+\W+){0,3}?(?:"
        + _word_re(L["cues"]).pattern
        + r")(?:\s+on)?[\s,]*$",
        re.I,
    )


def _letter_dates(article: Article, claims: list[Claim]) -> list[Claim]:
    """ "In a letter dated Oct. 7, she wrote: 'Call me Sunday.'": a weekday or relative day in the quoted words
    after a letter's own date counts from that date ([letters]), ahead unless its clause is told in the
    past. Marked anaphoric: its base is read, not given, so it may agree, never differ."""
    if not any(c.value.precision in _DAYS and c.value.resolved for c in claims):
        return claims
    from checker.speech import speech_of

    text = article.text
    cue = _letter_cue()
    reach = int(_v("letters")["reach"])
    quoted = None
    replaced: dict[tuple[int, int], Claim] = {}
    for c in claims:
        v = c.value
        if v.precision not in _DAYS or not v.resolved or not cue.search(text, c.sentence.start, c.start):
            continue
        if quoted is None:
            quoted = speech_of(article).quoted
        D = v.start
        for q in quoted:
            if not c.end <= q.start <= c.end + reach:
                continue
            ahead = {(a.start, a.end): a for a in _scan(text, q.start, q.end, D, future=True)}
            for a in _scan(text, q.start, q.end, D):
                if a.kind not in ("wd", "rd"):
                    continue
                b = a if _past(text, q.start, a) else ahead.get((a.start, a.end), a)
                old = next((x for x in claims if (x.start, x.end) == (b.start, b.end)), None)
                if old is not None and b.value is not None:
                    replaced[(b.start, b.end)] = dataclasses.replace(old, value=dataclasses.replace(b.value, anaphoric=True))
    return [replaced.get((c.start, c.end), c) for c in claims] if replaced else claims


def _lead_date(article: Article) -> list[Claim]:
    """The date of a wire lead ("PORTVILLE, August 7 (Agency) --"): the article's own date, listed with its
    TIMEX3 value but never compared (``checkable``): two wires' datelines are two publications, not two
    accounts of one fact."""
    if article.lead is None:
        return []
    out = []
    for a in _scan(article.text, article.lead.start, article.lead.end, article.published, strict=False):
        if a.value.precision in _DAYS:
            v = dataclasses.replace(a.value, lead=True)
            out.append(make_claim(article, CODE, a.start, a.end, v, sentence=article.lead, head=None, role="point"))
    return out


def _anaphoric(article: Article, claims: list[Claim]) -> list[Claim]:
    """ "was freed three days later": a count of days with "earlier"/"later" and no "than" is a day counted
    from the day the text is speaking of, the one day named in its sentence (a day of saying aside:
    "police said on <weekday>" is not the event), else in the sentence before, else in the sentence after
    (a lead: "A clerk sacked two days earlier ..." and then the attack named by its weekday). Two different days in the
    sentence read, or none: the period stays a period. The day so found is marked anaphoric: it may
    agree with another article's day, never differ from it."""
    if article.published is None:
        return claims
    W = _words()
    text = article.text
    index = {sent: k for k, sent in enumerate(article.sentences)}
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(index.get(c.sentence, -2), []).append(c)
    out = []
    for c in claims:
        v = c.value
        m = _aux()["anaphora"].match(text, c.end) if v.pure_duration and v.role == "duration" else None
        if m is None or v.approx or v.bound or v.thing or not re.fullmatch(r"P\d+[A-Z]", v.timex):
            out.append(c)
            continue
        if v.timex[-1] not in W["anaphora_units"]:
            out.append(c)
            continue
        sign = W["anaphora"][_norm(m.group(1))]
        base = None
        at = index.get(c.sentence, -2)
        for k in (at, at - 1, at + 1) if at >= 0 else ():
            days = {
                x.value.start
                for x in by_sentence.get(k, ())
                if x is not c
                and x.value.resolved
                and x.value.role == "point"
                and x.value.precision in _DAYS
                and not x.value.anaphoric
                and x.head != W["said_head"]
            }
            if days:
                base = days.pop() if len(days) == 1 else None
                break
        if base is None:
            out.append(c)
            continue
        try:
            d = base + _days(sign * round(v.duration_days or 0))
        except OverflowError:  # "two days earlier" than January 1 of the year 1: beyond the calendar, no day
            out.append(c)
            continue
        nv = dataclasses.replace(_mk(d, d, d.isoformat(), "day", "point"), anaphoric=True)
        head = _event_head(text, c.sentence, c.start, m.end())[0]
        nc = make_claim(article, CODE, c.start, m.end(), nv, sentence=c.sentence, head=head, role="point")
        key = _day_key(nv, text[c.start : m.end()])
        out.append(dataclasses.replace(nc, terms=nc.terms | {key}) if key else nc)
    return out


@functools.cache
def _last_date_phrases() -> tuple[re.Pattern[str], dict[str, tuple[str, int]], frozenset[str]]:
    table = {_norm(k): (u, int(n)) for k, (u, n) in _v("anaphora")["phrases"].items()}
    rx = re.compile(r"(?<![\w\-])(?:" + _word_re(table).pattern + r")(?![\w\-])", re.I)
    return rx, table, frozenset(_words()["clause_openers"] | _words()["said_verbs"])


_BASE_PRECISION = {  # what the date last mentioned must name for each unit counted from it
    "D": frozenset({"day", "part-of-day"}),
    "W": frozenset({"day", "part-of-day", "week"}),
    "M": frozenset({"day", "part-of-day", "week", "month", "part-of-month"}),
    "Y": frozenset({"day", "part-of-day", "week", "month", "part-of-month", "quarter", "year", "part-of-year", "season"}),
}


def _named_from_last(article: Article, claims: list[Claim]) -> list[Claim]:
    """ "the day before", "the following year", "later that month": a date counted from the date last
    mentioned (within [anaphora].lookback sentences before; a day of saying aside), not from the dateline.
    Marked anaphoric, as the counted days of `_anaphoric` are: it may agree, never differ. No date before
    it: no claim (the dateline is not what "that year" means)."""
    rx, table, clause_words = _last_date_phrases()
    text = article.text
    index = {sent: k for k, sent in enumerate(article.sentences)}
    lookback = int(_v("anaphora")["lookback"])
    said = _words()["said_head"]
    bases = sorted(
        (c for c in claims if c.value.resolved and c.value.role == "point" and c.head != said),
        key=lambda c: c.start,
    )
    keys = _key_words(tuple(table))
    sent_words = sentence_words(article)
    out: list[Claim] = []
    for sent in article.sentences:
        if keys.isdisjoint(sent_words[sent]):
            continue
        at = index[sent]
        for m in rx.finditer(text, sent.start, sent.end):
            words = _norm(m.group())
            if any(c.start < m.end() and m.start() < c.end for c in claims):
                continue
            if words.endswith(("before", "after")):
                nxt = re.match(r"\s*([A-Za-z]+)", text[m.end() : sent.end])
                if nxt and _norm(nxt.group(1)) not in clause_words:
                    continue  # "the day after the vote": counted from the vote
            unit, k = table[words]
            base = next(
                (
                    c
                    for c in reversed(bases)
                    if c.start < m.start()
                    and at - lookback <= index.get(c.sentence, -99) <= at
                    and c.value.precision in _BASE_PRECISION[unit]
                ),
                None,
            )
            if base is None:
                continue
            v = _counted_from(base.value, unit, k)
            if v is None:
                continue
            head = _event_head(text, sent, m.start(), m.end())[0]
            out.append(make_claim(article, CODE, m.start(), m.end(), v, sentence=sent, head=head, role="point"))
            bisect.insort(bases, out[-1], key=lambda c: c.start)  # "The following year ..., and later that year"
    return out


def _counted_from(b: DateValue, unit: str, k: int) -> DateValue | None:
    """The day, week, month or year `k` units from the one the date `b` lies in (None beyond the calendar:
    "the next day" after December 31, 9999 is no date)."""
    try:
        return _counted_from_date(b, unit, k)
    except (ValueError, OverflowError):
        return None


def _counted_from_date(b: DateValue, unit: str, k: int) -> DateValue | None:
    d = b.start
    assert d is not None
    if unit == "D":
        x = d + _days(k)
        v = _mk(x, x, x.isoformat(), "day", "point")
    elif unit == "W":
        mon = _monday(d) + _days(7 * k)
        v = _mk(mon, mon + _days(6), _week_timex(mon), "week", "point")
    elif unit == "M":
        y, mo = _shift_month(d.year, d.month, k)
        v = _mk(dt.date(y, mo, 1), _month_end(y, mo), f"{y}-{mo:02d}", "month", "point")
    else:
        y = d.year + k
        if not dt.MINYEAR <= y <= dt.MAXYEAR:
            return None
        v = _mk(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y), "year", "point")
    return dataclasses.replace(v, anaphoric=True)


def _day_key(v: DateValue, words: str) -> str | None:
    """The particular day a point date names, as a context term ("june 14, 2025", "june 14", "night").

    Two articles of one story that name one particular day most often name it
    for one event, even in sentences that share no other word ("left the house
    on June 14" / "the dog was found on June 14th"): the day itself is then
    the word they share, so that alignment looks at the pair at all. The key
    is the whole value (a part of the day included), so that only equal days
    meet this way; a day with no dateline to date it is keyed by its part of
    the day ("Friday night" / "last night"), its weekday, or its calendar day.
    """
    if v.role != "point" or v.precision not in _DAYS or v.pure_duration:
        return None
    pod = v.timex.split("T")[1] if "T" in v.timex and v.timex not in _REFS else ""
    if not pod and not v.resolved and v.precision == "part-of-day":  # "last night": its part of the day is in its words
        W = _words()
        phrase = _norm_text(words)
        pod = W["rel_day_parts"].get(phrase) or W["pod"].get(phrase.rsplit(" ", 1)[-1], "")
    if v.resolved:
        return describe_value(v).lower()
    if pod:
        return _pod_words().get(pod)
    m = _MONTH_DAY_TIMEX.fullmatch(v.timex)
    if m:
        return _describe_unresolved(v, "").split(" (")[0].lower()
    m = _WEEKDAY_TIMEX.fullmatch(v.timex)
    if m:
        return next(k for k, n in _weekdays().items() if n == int(m.group(1)) - 1)
    return None


_BOUNDS = {"above": "above", "floor": "above", "below": "below", "ceiling": "below"}
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _after_span_prep(text: str, sent: Span, a: _Atom) -> bool:
    """A period after a preposition that makes it a stretch of elapsed time ("in nine weeks",
    "in under a decade"), hedges skipped."""
    W = _words()
    if a.g.get("dprep") and _norm(a.g["dprep"]) in W["span_preps"]:
        return True
    lo = a.m.start() if a.m is not None else a.start
    before = text[max(sent.start, lo - CONTEXT_CHARS) : lo]
    hedge = _aux()["hedge"].search(before)
    if hedge:
        before = before[: hedge.start()]
    elif a.g.get("dprep") and _aux()["hedge"].match(a.g["dprep"]) is None:
        return False
    m = _LAST_WORD.search(before)
    return bool(m) and m.group(1).lower() in W["span_preps"]


_NP_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’\-]*)")
ATTRIBUTIVE_WORDS = 4  # the noun phrase after an attributive period read for what it is the length of


def _attributive(text: str, sent: Span, a: _Atom, head: str | None) -> str | None:
    """What an attributive period is the length of: "a three-year lease renewal" -> lease.

    A period written as an adjective (hyphened, "three-year", or "-long") before
    a noun is the length of that thing, not a stretch of elapsed time. The
    thing is the vocabulary head of the noun phrase after it (so "a 15-year
    veteran" is a period of service, "a 10-year sentence" a sentence), else
    its last noun. None when the words are no attributive period.
    """
    g = a.g
    if g.get("pn") or not (g.get("hy") or text[a.end - 5 : a.end] == "-long"):
        return None
    W = _words()
    words: list[str] = []
    pos = a.end
    for _ in range(ATTRIBUTIVE_WORDS):
        m = _NP_WORD.match(text, pos, sent.end)
        if not m or m.group(1).lower() in W["np_stop"]:
            break
        words.append(m.group(1).lower())
        pos = m.end()
    if not words:
        return None
    for w in words:
        h = W["heads"].get(w)
        if h:
            return h
    return canon(words[-1])


def _head(text: str, sent: Span, start: int, end: int) -> str | None:
    """The nearest head word of the vocabulary within a few words of the period.

    A period of service ("a 15-year veteran of the force", "had worked for the
    council for 15 years") is qualified by what was served: "force service",
    so that one person's years in two bodies are not one period.
    """
    heads = _words()["heads"]
    rx = _aux()["head_words"]
    before = list(rx.finditer(text, sent.start, start))[-HEAD_WINDOW:]
    after = list(rx.finditer(text, end, sent.end))[:HEAD_WINDOW]
    for i in range(HEAD_WINDOW):
        for m, limit in ((before[-1 - i] if i < len(before) else None, start), (after[i] if i < len(after) else None, sent.end)):
            w = re.sub(r"['’]s$", "", m.group().lower()) if m else None
            if w and w in heads:
                h = heads[w]
                if h in _service()["heads"]:
                    served = _served(text, m.end(), limit)
                    return f"{served} {h}" if served else h
                return h
    return None


@functools.cache
def _service() -> dict[str, Any]:
    sv = _v("service")
    return {
        "heads": frozenset(sv["heads"]),
        "preps": frozenset(_norm(w) for w in sv["object_prepositions"]),
        "skip": frozenset(_norm(w) for w in sv["object_skip"]),
        "stop": frozenset(_norm(w) for w in [*sv["object_prepositions"], *_v("event_heads")["clause_words"]]),
    }


_SERVED_WORD = re.compile(r"[A-Za-z][\w'’\-]*|[^\w\s]")
SERVED_WORDS = 5  # the noun phrase after "of"/"with"/"for" read for what was served


def _served(text: str, pos: int, limit: int) -> str | None:
    """What a service word is of: the last word of the noun phrase after its preposition ("of its harbour unit" -> unit)."""
    sv = _service()
    words = [m.group() for m in _SERVED_WORD.finditer(text, pos, min(limit, pos + 80))]
    if not words or _norm(words[0]) not in sv["preps"]:
        return None
    last = None
    for w in words[1 : 1 + SERVED_WORDS]:
        lw = _norm(w)
        if not w[0].isalpha() or lw in sv["stop"] or _number(lw) is not None:
            break
        if lw not in sv["skip"]:
            last = lw
    return canon(last) if last else None


def _head_family(head: str | None) -> str | None:
    """ "force service" -> "service": the head without what was served."""
    if not head:
        return None
    last = head.rsplit(" ", 1)[-1]
    return last if last in _service()["heads"] else head


EVENT_LEFT = 16  # words looked at before a date for its event, within its clause
EVENT_RIGHT = 5  # and after it
OPENING_WORDS = 1  # a date after at most this many words ("Then, on May 4, ...") opens its sentence
LONG_SENTENCE = 1000  # a sentence longer than this is a run-on line (news sentences run to ~400 characters)
CLAUSE_CHARS = 300  # ... of which a date's event is read this far either side (EVENT_LEFT words and more)


_BREAKS: dict[tuple[str, Span], tuple[list[int], list[int]]] = {}  # the last long sentence's clause breaks


def _clause_breaks(text: str, sent: Span, rx: re.Pattern[str]) -> tuple[list[int], list[int]]:
    """(starts, ends) of the clause breaks of a long sentence, found once for all its dates."""
    key = (text, sent)  # the text itself: its hash is computed once, and an id may be reused
    if key not in _BREAKS:
        _BREAKS.clear()
        found = list(rx.finditer(text, sent.start, sent.end))
        _BREAKS[key] = ([m.start() for m in found], [m.end() for m in found])
    return _BREAKS[key]


caches.register(_BREAKS.clear)  # a story's text is not kept after it


def _event_head(text: str, sent: Span, start: int, end: int) -> tuple[str | None, bool]:
    """The event a date is for: the nearest event word in its clause, left first ("grounded ... on Monday").

    And whether the date opens its sentence, its event read in the next clause
    ("Last June, the council appointed ..."): then only a verb is its event.
    """
    W = _words()
    rx = _aux()["event_clause"]
    if sent.end - sent.start <= LONG_SENTENCE:
        left = text[sent.start : start]
        cut = max((m.end() for m in rx.finditer(left)), default=0)
        right = text[end : sent.end]
        breaks = None
    else:
        # a run-on "sentence" (a 100 kB line): its clause breaks are found once, and each date reads only
        # CLAUSE_CHARS either side, not the whole line (which made a line of dates quadratic)
        lo = max(sent.start, start - CLAUSE_CHARS)
        left = text[lo:start]
        right = text[end : min(sent.end, end + CLAUSE_CHARS)]
        breaks = _clause_breaks(text, sent, rx)
        k = bisect.bisect_right(breaks[1], start) - 1  # the last break that ends by the date
        cut = max(0, breaks[1][k] - lo) if k >= 0 else 0
    lead = 0
    if (
        (breaks is None or start - sent.start <= CLAUSE_CHARS)
        and len(WORD_RE.findall(left)) <= OPENING_WORDS
        and not WORD_RE.search(left, cut)
    ):
        # "Last June, the council voted ...", "Then, on May 4, it sank": a date that opens its sentence is the next clause's
        comma = re.match(r"\s*,", right)
        lead = comma.end() if comma else 0
    if breaks is None:
        stop = next((m.start() for m in rx.finditer(right, lead)), len(right))
    else:
        k = bisect.bisect_left(breaks[0], end + lead)  # the first break after the date (and its comma)
        stop = min(breaks[0][k] - end, len(right)) if k < len(breaks[0]) else len(right)
    if _said_on(left):
        return W["said_head"], False
    before = [m.group().lower() for m in WORD_RE.finditer(left, cut) if not m.group()[0].isdigit()][-EVENT_LEFT:]
    after = [m.group().lower() for m in WORD_RE.finditer(right, lead, stop)][:EVENT_RIGHT]
    near = [*reversed(before), *after]
    line = [*before, *after]  # the words in text order, to read a head's neighbours
    opening = lead > 0
    for verbs_only in (True,) if opening else (True, False):  # "admitted fraud at a hearing in February": the verb
        for k, w in enumerate(near):
            if w in W["event_forms"]:
                h = canon(W["event_forms"][w])
            elif verbs_only and not w.endswith("ed") and not irregular_form(w):
                continue
            else:
                h = canon(w)
            if h in W["event_heads"] and len(w) > 2:
                at = len(before) - 1 - k if k < len(before) else k
                return (W["fatal_head"] if _fatal(h, line, at) else h), opening
    when = _aux()["date_clause"].match(right)
    if when:  # "jubilant last week when the miner (ASX: CVN) announced a find": the clause says what happened then
        for m in list(WORD_RE.finditer(right, when.end()))[:EVENT_LEFT]:
            w = m.group().lower()
            h = canon(W["event_forms"][w]) if w in W["event_forms"] else canon(w)
            if h in W["event_heads"] and len(w) > 2:
                return h, opening
    return None, opening


SAID_WORDS = 4  # words looked back from a date for a verb of saying ("told reporters in a statement Friday")


def _said_on(left: str) -> bool:
    """The date is the day something was said: a verb of saying just before it ("police said Friday")."""
    W = _words()
    for m in reversed(list(WORD_RE.finditer(left[-60:]))[-SAID_WORDS:]):
        w = m.group().lower()
        if w in W["said_verbs"]:
            return True
        if w not in W["said_skip"]:
            return False
    return False


def _fatal(head: str, line: list[str], at: int) -> bool:
    """A harm that killed: "fatally shot", "shot dead", "stabbed to death" (the words around line[at])."""
    W = _words()
    if head not in W["fatal_causes"]:
        return False
    if at > 0 and line[at - 1] in W["fatal_before"]:
        return True
    return any(line[at + 1 : at + 1 + len(words)] == words for words in W["fatal_after"])


def _related(a: str | None, b: str | None) -> bool:
    """Two heads of one event seen from two sides: a cause and the death it caused."""
    return bool(a and b and a != b and frozenset((a, b)) in _words()["related_heads"])


def comparable(a: Claim, b: Claim) -> bool:
    """Periods line up with periods (or ranges), dates with dates; relative dates with no dateline with their kind."""
    va, vb = a.value, b.value
    if va.precision in _NO_DIFFER or vb.precision in _NO_DIFFER:
        return _comparable_vague_or_set(va, vb)
    if va.precision == REF or vb.precision == REF or va.lead or vb.lead:
        return False
    if (va.anaphoric or vb.anaphoric) and compare_values(va, vb) == "differ":
        return False  # a day counted from another ("six days earlier") may agree, never differ: its base may be misread
    if va.pure_duration and vb.pure_duration and a.head and b.head and _head_family(a.head) != _head_family(b.head):
        return False  # a prison term is not a time to pay
    if va.thing or vb.thing:
        # "a three-year lease" is a lease's length: only the length of the same kind of thing,
        # stated as such ("a 6-year sentence") or by its head ("jailed for six years"), never an elapsed span
        if va.thing and vb.thing:
            return va.thing == vb.thing
        att, other, oc = (va, vb, b) if va.thing else (vb, va, a)
        return other.pure_duration and not other.span and other.role == "duration" and _head_family(oc.head) == att.thing
    if va.pure_duration or vb.pure_duration:
        return va.duration_days is not None and vb.duration_days is not None
    if va.resolved != vb.resolved:
        unres, res = (va, vb) if not va.resolved else (vb, va)
        span = (res.end - res.start).days + 1  # type: ignore[operator]
        if _relative_day(unres):
            return span == 1  # "last night" with no dateline beside a dated day: it may be that day
        if _WEEKDAY_TIMEX.fullmatch(unres.timex):
            return span < 7  # a weekday of no known week says nothing of a week, a month or a year
        return unres.timex.startswith("XXXX-") and "/" not in unres.timex  # a month or day without its year
    if not va.resolved and not vb.resolved and compare_values(va, vb, a.text, b.text) == "differ":
        # two relative dates with no dateline to date them ("on Wednesday", "yesterday"): they may be one day
        # or two; without a dateline nothing can be said, so they are never a discrepancy. Two calendar days
        # without their year ("on November 19", "on November 18") are two days of one year all the same.
        return bool(_MONTH_DAY_TIMEX.fullmatch(va.timex) and _MONTH_DAY_TIMEX.fullmatch(vb.timex))
    return True


SAME_DAY = 1.0  # affinity of two dates naming one day (one event word, or one of them names none)
SAME_DAY_OTHER = 0.5  # ... and for two different event words
_WEEKDAY_TIMEX = re.compile(r"XXXX-WXX-(\d)(?:T\w+)?")
_MONTH_DAY_TIMEX = re.compile(r"XXXX-(\d\d)-(\d\d)")
_MONTH_TIMEX = re.compile(r"XXXX-(\d\d)")
_REFS = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
_DAYS = ("day", "part-of-day")


def _relative_day(v: DateValue) -> bool:
    """ "yesterday", "last night", "today" with no dateline to date them."""
    return not v.resolved and v.timex in _REFS and v.precision in _DAYS


def _names_day(text: str) -> bool:
    """The words name a day by its weekday or relative to the dateline ("Friday", "last night"), not by its date."""
    anchors = _anchors(text, 0, len(text))
    return bool(anchors & {"wd", "rd"}) and "mon" not in anchors


def _one_day_unresolved(v: DateValue) -> bool:
    """A day with no dateline to date it: a weekday, a relative day, or a calendar day without its year."""
    return not v.resolved and bool(_relative_day(v) or _WEEKDAY_TIMEX.fullmatch(v.timex) or _MONTH_DAY_TIMEX.fullmatch(v.timex))


def affinity(a: Claim, b: Claim) -> float:
    """How strongly two claims look like one fact apart from their words (align.py's W_HEAD).

    The same period head ("sentence"), or the same calendar day: two articles
    of one story that name one particular day most often name it for one event.
    Weeks, months and years are too common to count. Two different dates for
    two different events ("the quarter ended March 30" against "posted results
    yesterday") are no contradiction: -1 keeps them apart. A head never keeps
    apart two dates that agree, since event words are read loosely.
    """
    va, vb = a.value, b.value
    family = _head_family(a.head)
    if family and family in _service()["heads"] and family == _head_family(b.head):
        # years of service: a sign of one fact when they agree, never a push towards a discrepancy
        # (two people of one story are often veterans of one force); in two named bodies ("force",
        # "unit") two periods unless they agree, with one body unnamed likely the one service
        if compare_values(va, vb, a.text, b.text) == "differ":
            named = " " in a.head and " " in b.head  # type: ignore[operator]
            return -1.0 if named and a.head != b.head else 0.0
        return 1.0 if a.head == b.head else 0.5
    verdict = compare_values(va, vb, a.text, b.text)
    if verdict == "compatible" and _restates(a, b):
        return 1.0  # one article's month and its day of one event: a restatement (see compare)
    if a.head and a.head == b.head:
        if verdict == "differ" and (va.opening or vb.opening) and not (va.precision in _DAYS and vb.precision in _DAYS):
            # "In July, a thief stole ..." / "In May, thieves stole ...": a chronicle of like events, one
            # verb for two of them; a month or a year read so is no sign of one event that differs
            return 0.0
        return 1.0
    said = _words()["said_head"]
    if (a.head == said) != (b.head == said) and verdict != "differ":
        return 0.0  # the day something was said and the day of an event: no sign of one fact
    if _related(a.head, b.head):
        return 0.5 if verdict in ("same", "compatible") else 0.0  # one event seen from two sides; never a push apart
    days = _DAYS
    if va.precision in days and vb.precision in days and verdict == "same":
        # one day for one event; for events named two ways (or one not named) less sure than one head's day
        return SAME_DAY_OTHER if a.head and b.head and a.head != b.head else SAME_DAY
    if va.precision in days and vb.precision in days and verdict == "compatible" and va.resolved != vb.resolved:
        # a weekday or "last night" with no dateline beside the dated day it fits: likely that day
        und, res = (va, b) if not va.resolved else (vb, a)
        if (_relative_day(und) or _WEEKDAY_TIMEX.fullmatch(und.timex)) and _names_day(res.text):
            return (
                SAME_DAY_OTHER if a.head and b.head and a.head != b.head else SAME_DAY
            )  # ... when the dated one was also named by its weekday or as "yesterday"
    if verdict == "compatible" and _one_day_unresolved(va) and _one_day_unresolved(vb):
        return 1.0  # "Thursday night" and "last night", neither dated: may be one night
    if a.head and b.head and verdict == "differ":
        return -1.0
    return 0.0


def compare(a: Claim, b: Claim) -> str:
    verdict = compare_values(a.value, b.value, a.text, b.text)
    if verdict == "compatible" and _restates(a, b):
        return "same"
    return verdict


def _restates(a: Claim, b: Claim) -> bool:
    """One article naming one event's date twice, once less precisely: "the June 2019 flood" and "burst its
    banks on June 14, 2019" in one report are one date, so the month holds the day as its restatement.

    Only within one article, for two point dates of which one is a whole month or year holding the
    other, of one event head or none named; across articles the month only holds the day ("compatible").
    """
    if a.article != b.article or (a.head and b.head and a.head != b.head):
        return False
    va, vb = a.value, b.value
    if va.role != "point" or vb.role != "point" or va.approx or vb.approx or va.pure_duration or vb.pure_duration:
        return False
    coarse, fine = (va, vb) if _span_days(va) > _span_days(vb) else (vb, va)
    if coarse.precision not in ("month", "year") or fine.precision not in ("month", *_DAYS):
        return False
    if coarse.resolved and fine.resolved:
        return coarse.start <= fine.start and fine.end <= coarse.end  # type: ignore[operator]
    m, d = _MONTH_TIMEX.fullmatch(coarse.timex), _MONTH_DAY_TIMEX.fullmatch(fine.timex)
    return bool(m and d and m.group(1) == d.group(1))  # "in June" and "on June 14", neither dated


def _span_days(v: DateValue) -> int:
    if v.resolved:
        return (v.end - v.start).days + 1  # type: ignore[operator]
    return 31 if _MONTH_TIMEX.fullmatch(v.timex) else 1


def compare_values(va: DateValue, vb: DateValue, ta: str = "", tb: str = "") -> str:
    """same | compatible | differ for two date values (texts for relative dates without a dateline)."""
    if va.precision in _NO_DIFFER or vb.precision in _NO_DIFFER:
        return _compare_vague_or_set(va, vb)
    roles = {va.role, vb.role}
    if roles == {"start", "deadline"}:
        return "differ"  # an ongoing commitment is not a deadline
    if va.pure_duration or vb.pure_duration:
        if va.duration_days is None or vb.duration_days is None:
            return "differ"
        return _compare_lengths(va, vb)
    if not va.resolved and not vb.resolved:
        return _compare_unresolved(va, vb, ta, tb)
    if not va.resolved or not vb.resolved:
        u, r = (va, vb) if not va.resolved else (vb, va)
        return _compare_partial(u, r)
    return _compare_intervals(va, vb)


def _range_unit(v: DateValue) -> float:
    first = v.timex.split("/")[0]
    return {4: YEAR_DAYS, 7: MONTH_DAYS}.get(len(first), 1.0) if "/" in v.timex else 0.0


def _compare_lengths(va: DateValue, vb: DateValue) -> str:
    la, lb = va.duration_days, vb.duration_days
    assert la is not None and lb is not None
    if abs(la - lb) <= LENGTH_TOLERANCE * max(la, lb) + 1e-9:
        return "same"
    # a range counted inclusively: 2016 to 2022 is also "seven years"
    for v, x, y in ((va, la, lb), (vb, lb, la)):
        unit = _range_unit(v) if v.resolved else 0.0
        if unit and abs(x + unit - y) <= LENGTH_TOLERANCE * max(x + unit, y) + 1e-9:
            return "compatible"
    if (va.approx or vb.approx) and abs(la - lb) <= APPROX_TOLERANCE * max(la, lb):
        return "compatible"
    for v, x, y in ((va, la, lb), (vb, lb, la)):
        if (v.bound == "below" and y < x) or (v.bound == "above" and y > x):
            return "compatible"  # "in under a decade" holds "in eight years"
    return "differ"


def _compare_intervals(va: DateValue, vb: DateValue) -> str:
    a0, a1, b0, b1 = va.start, va.end, vb.start, vb.end
    assert a0 and a1 and b0 and b1
    if (a0, a1) == (b0, b1):
        if va.role == vb.role or {va.role, vb.role} <= {"point", "range"}:
            return "same"
        return "compatible"
    # a deadline holds anything that ends by it; a start anything that begins after it
    # ("until March 2019" and "in 2019": the year named less precisely holds the month, so no conflict)
    for x, y in ((va, vb), (vb, va)):
        holds = y.start <= x.start and x.end <= y.end  # type: ignore[operator]
        if x.role == "deadline" and y.role in ("point", "range"):
            return "compatible" if y.end <= x.end or holds else "differ"  # type: ignore[operator]
        if x.role == "start" and y.role in ("point", "range"):
            return "compatible" if y.start >= x.start or holds else "differ"  # type: ignore[operator]
    if (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1):
        return "compatible"
    if a0 <= b1 and b0 <= a1:
        return "compatible" if (va.approx or vb.approx) else "differ"
    return "differ"


def _norm_text(t: str) -> str:
    W = _words()
    words = _norm(t).split()
    while words and (words[0] in W["role_class"] or words[0] in W["range_open"]):
        words = words[1:]
    return " ".join(_num_str(_number(w)) if _number(w) is not None and not w.isdigit() else w for w in words)


def _compare_unresolved(va: DateValue, vb: DateValue, ta: str, tb: str) -> str:
    for x, y in ((va, vb), (vb, va)):
        if _relative_day(x) and _WEEKDAY_TIMEX.fullmatch(y.timex):
            return "compatible"  # "last night" may be "Thursday night": with no dateline, nothing says not
        mx, my = _MONTH_TIMEX.fullmatch(x.timex), _MONTH_DAY_TIMEX.fullmatch(y.timex)
        if mx and my:
            return "compatible" if mx.group(1) == my.group(1) else "differ"  # "last May" holds "May 29"
    if va.timex.startswith("XXXX") and vb.timex.startswith("XXXX"):
        wa, wb = va.timex.split("T")[0], vb.timex.split("T")[0]
        return "same" if wa == wb else "differ"
    return "same" if _norm_text(ta) == _norm_text(tb) else "differ"


def _compare_partial(u: DateValue, r: DateValue) -> str:
    """A date without its year (no dateline) against a resolved one: try the years around it."""
    assert r.start and r.end
    t = u.timex
    m = re.fullmatch(r"XXXX-WXX-(\d)(?:T\w+)?", t)
    if m:
        wd = int(m.group(1)) - 1
        span = (r.end - r.start).days + 1
        if span >= 7:
            return "compatible"
        return "compatible" if any((r.start + _days(i)).weekday() == wd for i in range(span)) else "differ"
    if not _timex_as_text(t, 2000):
        return "compatible"  # "last week" with no dateline cannot be held against a date
    best = "differ"
    for y in range(r.start.year - 1, r.end.year + 2):
        v = _in_year(t, y)
        if v is None or not v.resolved:
            continue
        verdict = _compare_intervals(DateValue(v.start, v.end, v.timex, v.precision, u.role), r)
        if verdict == "same":
            return "same"
        if verdict == "compatible":
            best = "compatible"
    return best


@caches.per_story  # asked for every pair of a yearless date and a dated one: a long story repeats few of them
def _in_year(t: str, y: int) -> DateValue | None:
    """A yearless timex ("XXXX-05-29") read in year y."""
    return resolve(_timex_as_text(t, y), None)


def _timex_as_text(t: str, y: int) -> str:
    full = _months()[0]
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", t)
    if m:
        return f"{full[int(m.group(1))].capitalize()} {int(m.group(2))}, {y}"
    m = re.fullmatch(r"XXXX-(\d\d)", t)
    if m:
        return f"{full[int(m.group(1))].capitalize()} {y}"
    m = re.fullmatch(r"XXXX-Q(\d)", t)
    if m:
        return f"Q{m.group(1)} {y}"
    return ""


# ---------------------------------------------------------------- describing a value


def _fmt_day(d: dt.date, year: bool = True) -> str:
    name = _months()[0][d.month].capitalize()
    return f"{name} {d.day}, {d.year}" if year else f"{name} {d.day}"


def _fmt_interval(s: dt.date, e: dt.date) -> str:
    full = _months()[0]
    if s == e:
        return _fmt_day(s)
    if s.day == 1 and e == _month_end(e.year, e.month):
        if s.month == 1 and e.month == 12:
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        if s.year == e.year:
            if s.month == e.month:
                return f"{full[s.month].capitalize()} {s.year}"
            return f"{full[s.month].capitalize()}–{full[e.month].capitalize()} {s.year}"
        return f"{full[s.month].capitalize()} {s.year} – {full[e.month].capitalize()} {e.year}"
    if s.year == e.year and s.month == e.month:
        return f"{full[s.month].capitalize()} {s.day}–{e.day}, {s.year}"
    if s.year == e.year:
        return f"{_fmt_day(s, False)} – {_fmt_day(e)}"
    return f"{_fmt_day(s)} – {_fmt_day(e)}"


def _fmt_length(days: float, timex: str | None = None) -> str:
    t = timex if timex and re.fullmatch(r"PT?[\d.]+[YMWDH]", timex) else _duration_timex(days)
    m = re.fullmatch(r"PT?([\d.]+)([YMWDH])", t)
    if not m:
        return t
    n, letter = m.group(1), m.group(2)
    word = {"Y": "year", "M": "month" if not t.startswith("PT") else "minute", "W": "week", "D": "day", "H": "hour"}[letter]
    return f"{n} {word}{'' if n == '1' else 's'}"


def _fmt_part(s: dt.date, e: dt.date, precision: str) -> str:
    """ "mid-April 2025", "late 2021", "the end of 2025": the qualifier of the vocabulary that gives the interval."""
    W = _words()
    month = _months()[0][s.month].capitalize()
    if precision == "part-of-month":
        for q, (a, b) in W["part_of_month"].items():
            if s.day == a and e.day == min(b, calendar.monthrange(e.year, e.month)[1]):
                return f"{q}{'-' if q == 'mid' else ' '}{month} {s.year}"
    else:
        for q, (a, b) in W["part_of_year"].items():
            if s.month == a and e.month == b:
                return f"{q}{'-' if q == 'mid' else ' '}{s.year}"
    return _fmt_interval(s, e)


def describe_value(v: DateValue) -> str:
    if v.pure_duration:
        s = _fmt_length(v.duration_days, v.timex)  # type: ignore[arg-type]
        if v.bound:
            s = {"below": "less than ", "above": "more than "}[v.bound] + s
        elif v.approx:
            s = "about " + s
        return "within " + s if v.role == "deadline" else s
    if not v.resolved:
        return v.timex
    assert v.start and v.end
    if v.precision in ("part-of-month", "part-of-year"):
        base = _fmt_part(v.start, v.end, v.precision)
    elif v.precision == "quarter":
        base = f"Q{v.timex[-1]} {v.start.year}"
    elif v.precision == "half":
        base = f"H{v.timex[-1]} {v.start.year}"
    else:
        base = _fmt_interval(v.start, v.end)
    if v.precision == "part-of-day" and "T" in v.timex:
        base += f", {_pod_words().get(v.timex.split('T')[1], '')}".rstrip(", ")
    if v.precision == "range" and v.duration_days is not None and v.timex.startswith("P"):
        base = f"the {_fmt_length(v.duration_days)} to {_fmt_day(v.end)}" if v.end else base
    if v.role == "start":
        return "from " + base
    if v.role == "deadline":
        return "by " + base
    return base


def describe(claim: Claim) -> str:
    """The value as an editor reads it: "March 10–16, 2025", "from 2026", "by 2030", "6 years"."""
    v: DateValue = claim.value
    if v.precision in _NO_DIFFER:
        return _describe_vague_or_set(v)
    if v.precision == REF:
        return f"{v.timex} (a reference word, never compared)"
    if not v.resolved and not v.pure_duration:
        base = _describe_unresolved(v, claim.text)
        return {"start": "from ", "deadline": "by "}.get(v.role, "") + base
    return describe_value(v)


def _describe_unresolved(v: DateValue, text: str) -> str:
    """A date the dateline could not pin down: the words as given, marked so ("April 9 (year not given)")."""
    t = v.timex
    full = _months()[0]
    m = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?", t)
    if m:
        name = full[int(m.group(1))].capitalize()
        return f"{name} {int(m.group(2))} (year not given)" if m.group(2) else f"{name} (year not given)"
    m = re.fullmatch(r"XXXX-WXX-(\d)(?:T(\w+))?", t)
    if m:
        day = next(k for k, n in _weekdays().items() if n == int(m.group(1)) - 1).capitalize()
        pod = _pod_words().get(m.group(2) or "", "")
        return f"{day}{' ' + pod if pod else ''} (no dateline to date it)"
    return f"{_norm_text(text)} (no dateline to date it)"


def magnitude(claim: Claim) -> float | None:
    """A period's length in days, for judging how far apart two periods are (points have none)."""
    v: DateValue = claim.value
    return v.duration_days if v.pure_duration else None


# ---------------------------------------------------------------- TimeML: reference words and the TIMEX3 view


def days_in(article: Article, sent: Span) -> list[tuple[int, int, str]]:
    """The single days a sentence names, as (start, end, TIMEX3 value) of the day's own words: what
    another rule reads beside a time of day ("9 a.m. Tuesday"); a weekday without a dateline is
    "XXXX-WXX-2"."""
    out = []
    for a in _scan(article.text, sent.start, sent.end, article.published):
        v = a.value
        if v.precision in _DAYS and not v.pure_duration:
            s = a.start
            m = _timeml_role().match(article.text, s, a.end)
            out.append((m.end() if m and m.end() < a.end else s, a.end, v.timex.split("T")[0]))
    return out


REF = "ref"  # the precision of a reference word's value: "now" (PRESENT_REF), "recently", "soon"


@functools.cache
def _key_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """One word of each phrase (its longest): a sentence without any of them holds none of the phrases,
    so the phrases' pattern runs only on the sentences whose word set (checker.text.sentence_words) has one."""
    return frozenset(max(re.findall(r"[a-z]+", _norm(p)), key=len) for p in phrases)


@functools.cache
def _reference_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """The reference words of [reference] as one pattern, and each word's TIMEX3 value."""
    table = {_norm(w): value for value, words in _v("reference").items() for w in words}
    # "shortly after 3 p.m.", "soon after the vote", "as soon as", "as recently as 2019": a modifier of another
    # time or a conjunction, not a time of its own
    rx = re.compile(
        r"(?<![\w\-])(?:" + _word_re(table).pattern + r")(?![\w\-])(?!\s+(?:after|before|afterwards?|as|than)\b)", re.I
    )
    return rx, table


def _references(article: Article, dates: list[Claim]) -> list[Claim]:
    """ "now", "currently", "recently", "soon": claims valued PRESENT_REF / PAST_REF / FUTURE_REF, listed by
    `factcheck claims` and never compared (``checkable``); words inside a date of the text are that date's."""
    rx, table = _reference_words()
    keys = _key_words(tuple(table))
    text = article.text
    words = sentence_words(article)
    out: list[Claim] = []
    for sent in article.sentences:
        if keys.isdisjoint(words[sent]):
            continue
        for m in rx.finditer(text, sent.start, sent.end):
            if any(c.start < m.end() and m.start() < c.end for c in dates):
                continue
            v = DateValue(None, None, table[_norm(m.group())], REF, "point")
            out.append(make_claim(article, CODE, m.start(), m.end(), v, sentence=sent, head=None, role="point"))
    return out


def checkable(claim: Claim) -> bool:
    """A reference word ("now", "soon"), a wire lead's date (the article's own), a vague period ("for
    months") and a recurring time ("daily") are no fact to source on their own: never reported alone.
    The first two are never comparable either, so they are only listed."""
    v: DateValue = claim.value
    return v.precision not in (REF, *_NO_DIFFER) and not v.lead


@functools.cache
def _timeml_role() -> re.Pattern[str]:
    return re.compile(r"(?:" + _word_re(_v("timeml")["role_words"]).pattern + r")\s+", re.I)


def _timex_type(v: DateValue) -> str:
    if v.precision == "set":
        return "SET"
    if v.pure_duration or (v.timex.startswith("P") and v.precision != REF) or "/" in v.timex:
        return "DURATION"
    if "T" in v.timex and not v.timex.endswith("_REF"):
        return "TIME"
    return "DATE"


def _timex_mod(v: DateValue) -> str | None:
    """TIMEX3 mod: a hedged value is APPROX; a part of a month, year or decade its START / MID / END."""
    if v.bound:
        return {"below": "LESS_THAN", "above": "MORE_THAN"}[v.bound]
    if v.timex.startswith("FY"):
        return None  # a fiscal year is approximate only in its bounds, which the text does not give
    if (v.precision.startswith("part-of") or (v.precision == "decade" and v.approx)) and v.start and v.end:
        whole = _whole(v)
        if whole is not None:
            if v.start == whole[0]:
                return "START"
            if v.end == whole[1]:
                return "END"
            return "MID"
    return "APPROX" if v.approx else None


def _whole(v: DateValue) -> tuple[dt.date, dt.date] | None:
    """The whole month or year a part of one ("early May", "late 2024") lies in."""
    if not v.start:
        return None
    if v.precision == "part-of-month":
        return dt.date(v.start.year, v.start.month, 1), _month_end(v.start.year, v.start.month)
    if v.precision == "part-of-year":
        return dt.date(v.start.year, 1, 1), dt.date(v.start.year, 12, 31)
    if v.precision == "decade":
        y0 = v.start.year // 10 * 10
        return dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31)
    return None


def timeml(claim: Claim) -> dict[str, Any]:
    """The claim as TimeML reads it: TIMEX3 type (DATE, TIME, DURATION, SET), value, mod, and the offsets of
    the expression without its role word ("on Friday" -> "Friday"). A range ("from Monday to Wednesday")
    is a DURATION with its two ends as beginPoint / endPoint values."""
    v: DateValue = claim.value
    start = claim.start
    m = _timeml_role().match(claim.text) if v.precision != REF else None  # "in the past" is one reference
    if m and m.end() < len(claim.text):
        start += m.end()
    out: dict[str, Any] = {"type": _timex_type(v), "value": v.timex, "start": start, "end": claim.end}
    if "/" in v.timex:
        begin, end = v.timex.split("/", 1)
        span = v.duration_days if v.duration_days is not None else ((v.end - v.start).days + 1 if v.start and v.end else None)
        out["value"] = _duration_timex(span) if span is not None else "PX"
        out["beginPoint"], out["endPoint"] = begin, end
    elif out["type"] == "DURATION" and not v.timex.startswith("P") and v.duration_days is not None:
        out["value"] = _duration_timex(v.duration_days)
    mod = _timex_mod(v)
    if mod:
        out["mod"] = mod
    for key in ("freq", "quant"):  # a recurring time's TIMEX3 frequency ("2X") and quantifier ("EVERY")
        if getattr(v, key, ""):
            out[key] = getattr(v, key)
    return out


# ---------------------------------------------------------------- holidays, centuries, years and decades in words
#
# "on Thanksgiving", "Christmas Day 2019", "last Easter", "Easter week"; "the 20th century", "the early
# nineteenth century"; "in nineteen ninety-six", "two thousand and eight"; "the nineties", "the '90s",
# "the nineteen sixties". The holiday table and every word are data ([holidays], [holiday_guards],
# [century_ordinals], [spelt_years], [decade_words] in rules/vocab/dates.toml); Easter is computed.

_NAMED_KINDS = ("hol", "cen", "spy", "decw")
# the parts of a century, in years from its start (approximate, and generous so that a year near a
# border is no discrepancy: they overlap, as the parts of a decade do): early 00-39, mid 30-69, late 60-99
_CENTURY_PARTS = {"early": (0, 39), "mid": (30, 69), "late": (60, 99)}
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}  # as _r_decade reads "the mid-1990s"


def _name_key(s: str) -> str:
    """A holiday name as a key: lowercase, without apostrophes and periods, single spaces."""
    return _norm(re.sub(r"['’.]", "", s))


def _name_re(name: str) -> str:
    """A capitalised name as a pattern: its first letter as written, the rest in any case, an apostrophe
    or period optional ("New Year's Day", "New Years day", "St Valentine's Day")."""
    out = []
    for ch in name[1:]:
        if ch in "'’":
            out.append("['’]?")
        elif ch == ".":
            out.append(r"\.?")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return re.escape(name[0]) + "(?i:" + "".join(out) + ")"


@functools.cache
def _named() -> dict[str, Any]:
    """The tables of this section, read once."""
    hg = _v("holiday_guards")
    sy = _v("spelt_years")
    dw = _v("decade_words")
    nums = {w: int(v) for w, v in quantity.number_words().items() if v == int(v) and 1 <= v <= 90 and w.isalpha()}
    holidays = {_name_key(k): dict(v) for k, v in _v("holidays").items()}
    return {
        "holidays": holidays,
        "HOL": r"(?<![\w'’\-])(?:"
        + "|".join(_name_re(k) for k in sorted(_v("holidays"), key=vocab.longest_first))
        + r")(?![\w'’\-])",
        "bare_before": {_norm(w) for w in hg["bare_before"]},
        "bare_next": {_norm(w) for w in hg["bare_next"]},
        "period_after": {_norm(w) for w in hg["period_after"]},
        "recurring": {_norm(w) for w in hg["recurring"]},
        "not_weekday": _ends_with_re(_v("not_date")["weekday_names"]),
        "century_ordinals": {_norm(k): int(v) for k, v in _v("century_ordinals").items()},
        "century_not_after": _ends_with_re(_v("century_guards")["not_after"]),
        "hundreds": {_norm(k): int(v) for k, v in sy["hundreds"].items()},
        "thousands": {_norm(k): int(v) for k, v in sy["thousands"].items()},
        "zero": {_norm(w) for w in sy["zero"]},
        "nums": nums,
        "units": {w for w, v in nums.items() if v < 10},
        "teens": {w for w, v in nums.items() if 10 <= v < 20},
        "tens": {w for w, v in nums.items() if v >= 20 and v % 10 == 0},
        "decade_words": {_norm(k): int(v) for k, v in dw["words"].items()},
        "decade_with_century": {_norm(k): int(v) for k, v in dw["with_century"].items()},
        "measure": _word_re(dw["measure_before"]),
    }


def _named_specs(PRE: str, NAME_DX: str, YEAR: str, POD: str) -> list[tuple[str, str]]:
    """The patterns of this section, appended to _patterns()."""
    N = _named()
    E = r"(?![\w'’\-])"
    units, teens, tens = _alt(N["units"]), _alt(N["teens"]), _alt(N["tens"])
    n99 = rf"(?:{tens}(?:[\s\-]+{units})?|{teens}|{units})(?![\w])"
    cord = _alt(N["century_ordinals"])
    part = r"(?:(?P<part>(?i:early|mid|late))[\s\-]+)?"
    return [
        (
            "hol",
            PRE
            + rf"(?:(?P<dx>{NAME_DX})\s+)?(?P<hol>{N['HOL']})(?:(?:,?\s+|\s+(?i:of)\s+)(?P<y>{YEAR}))?(?:\s+(?P<pod>{POD}))?{E}",
        ),
        ("cen", PRE + rf"(?i:the)\s+{part}(?P<cen>(?P<cd>[12]?\d)(?i:st|nd|rd|th)|{cord})\s+(?i:century){E}"),
        (
            "spy",
            PRE + rf"(?:(?P<hh>{_alt(N['hundreds'])})\s+(?:(?P<oh>{_alt(N['zero'])})[\s\-]+(?P<u0>{units})|(?P<rest>{n99}))"
            rf"|(?P<th>{_alt(N['thousands'])})\s+(?P<rest2>{n99})){E}",
        ),
        (
            "decw",
            PRE + rf"(?i:the)\s+{part}(?:(?P<cw>{_alt(N['hundreds'])})\s+)?"
            rf"(?P<dw>['’]?{_alt([*N['decade_words'], *N['decade_with_century']])}|['’]?(?P<dd>[3-9]0)['’]?s){E}",
        ),
    ]


def _weekday_of_a_name(text: str, lo: int, start: int) -> bool:
    """ "Black Friday", "Cyber Monday", "Super Tuesday": a weekday after a word that makes it a name."""
    return bool(_named()["not_weekday"].search(text[max(lo, start - CONTEXT_CHARS) : start]))


_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'’\-]*)")


def _next_word_free(text: str, end: int) -> bool:
    """Whether the word after a bare holiday or a year in words leaves it a date: none, punctuation, or a
    function word ("on Christmas and ..."); a noun after it makes it a modifier ("for Christmas dinner")."""
    m = _NEXT_WORD.match(text, end)
    if not m or not m.group(1)[0].islower():
        return True
    return _norm(m.group(1)) in _named()["bare_next"]


def _named_atom(kind: str, m: re.Match[str], text: str, lo: int) -> _Atom | None:
    """An atom of this section's patterns, with its guards (prefer silence)."""
    g = m.groupdict()
    N = _named()
    W = _words()
    role = _role_word(m)
    start, end = m.start(), m.end()
    before = text[max(lo, start - CONTEXT_CHARS) : start]
    weak = False
    if kind == "hol":
        spec = N["holidays"].get(_name_key(g["hol"]))
        if spec is None:
            return None
        nxt = _NEXT_CAPITAL.match(text, end)
        if nxt and nxt.group(1).lower() not in _months()[1]:
            return None  # "Easter Island", "the Thanksgiving Day Parade": a name
        nw = _NEXT_WORD.match(text, end)
        if nw and _norm(nw.group(1)) in N["period_after"]:
            return None  # "the Labor Day weekend", "the Christmas holidays": not the day itself
        if (nw and _norm(nw.group(1)) in N["recurring"]) or _norm(_prev_word(text, lo, start)) in N["recurring"]:
            return None  # "every Christmas", "on Good Friday each year": a day that recurs, not one day
        if spec.get("bare") and not g.get("y"):
            said_before = role or _norm(_prev_word(text, lo, start))
            if not g.get("dx") and said_before not in N["bare_before"]:
                return None  # "Christmas shopping", "the Thanksgiving dinner": a noun modifier
            if not g.get("pod") and not _next_word_free(text, end):
                return None  # "for Christmas dinner", "last Christmas party"
    elif kind == "cen":
        if N["century_not_after"].search(before):
            return None  # "the turn of the 20th century": left alone
    elif kind == "spy":
        pw = _norm(_prev_word(text, lo, start))
        if pw in W["numbers"] or _number(pw) is not None and not pw.isdigit():
            return None  # "sixty two thousand and eight": a count
        tail = _norm(text[end : end + 24])
        if any(tail.startswith(w) and (len(tail) == len(w) or not tail[len(w)].isalnum()) for w in W["not_after_year"]):
            return None
        if not _next_word_free(text, end):
            return None  # "twenty twenty-four hours"
        weak = not (role or _aux()["year_ctx"].search(before))
    elif kind == "decw":
        if N["measure"].search(text[lo:start]):
            return None  # "temperatures in the sixties", "a high in the 90s": a measure
    return _Atom(start, end, kind, m, role, weak)


def _easter(y: int) -> dt.date:
    """Easter Sunday of year y (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _holiday_day(spec: dict[str, Any], y: int) -> dt.date | None:
    """The day a holiday of the table falls on in year y."""
    if "fixed" in spec:
        mon, d = spec["fixed"]
        return dt.date(y, int(mon), int(d))
    if "easter" in spec:
        return _easter(y) + _days(int(spec["easter"]))
    if "nth" in spec:
        mon, wd, n = (int(x) for x in spec["nth"])
        if n > 0:
            first = dt.date(y, mon, 1)
            d = first + _days((wd - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = _month_end(y, mon)
            d = last - _days((last.weekday() - wd) % 7 + 7 * (-n - 1))
        return d + _days(int(spec.get("plus", 0)))
    return None


def _r_holiday(atom: _Atom, P, role) -> DateValue | None:
    g = atom.g
    W = _words()
    spec = _named()["holidays"].get(_name_key(g["hol"]))
    if spec is None:
        return None
    dx = _norm(g["dx"]) if g.get("dx") else None
    if g.get("y"):
        d = _holiday_day(spec, int(g["y"]))
    elif P is None:
        if "fixed" in spec and not spec.get("week"):
            mon, day = spec["fixed"]
            return _mk(None, None, f"XXXX-{int(mon):02d}-{int(day):02d}", "day", role)
        return None  # a movable feast with no year and no dateline: which day is not said
    else:
        cands = [c for c in (_holiday_day(spec, y) for y in (P.year - 1, P.year, P.year + 1)) if c]
        if dx in W["names_before"]:
            past = [c for c in cands if c < P]
            d = max(past) if past else None
        elif dx in W["names_after"]:
            ahead = [c for c in cands if c > P]
            d = min(ahead) if ahead else None
        elif dx in W["names_this"]:
            d = _holiday_day(spec, P.year)
        elif atom.future and any(c >= P for c in cands):
            d = min(c for c in cands if c >= P)
        elif atom.past and any(c <= P + _days(PAST_AHEAD_DAYS) for c in cands):
            d = max(c for c in cands if c <= P + _days(PAST_AHEAD_DAYS))  # "flooded on Thanksgiving": the last one
        else:
            d = min(cands, key=lambda c: (abs((c - P).days), c > P)) if cands else None
    if d is None:
        return None
    if spec.get("week"):
        mon = _monday(d)
        return _mk(mon, mon + _days(6), _week_timex(mon), "week", role)
    return _with_pod(d, _pod_of(g), role)


def _r_century(atom: _Atom, P, role) -> DateValue | None:
    """ "the 20th century": 1900-1999 as news counts it (TIMEX3 "19"); "the early 20th century" a part, approximate."""
    g = atom.g
    n = int(g["cd"]) if g.get("cd") else _named()["century_ordinals"].get(_norm(g["cen"]))
    if not n or not 1 <= n <= 30:
        return None
    y0 = (n - 1) * 100
    part = _norm(g["part"]) if g.get("part") else None
    a, b = _CENTURY_PARTS.get(part or "", (0, 99))
    if y0 + a < 1:
        return None
    return _mk(dt.date(y0 + a, 1, 1), dt.date(y0 + b, 12, 31), f"{n - 1:02d}", "century", role, approx=part is not None)


def _words_number(s: str) -> int | None:
    """1..99 from number words ("ninety-six", "sixty", "twelve")."""
    nums = _named()["nums"]
    parts = re.split(r"[\s\-]+", _norm(s))
    vals = [nums.get(p) for p in parts]
    if None in vals:
        return None
    if len(vals) == 2 and not (vals[0] >= 20 and vals[0] % 10 == 0 and vals[1] < 10):
        return None
    return sum(vals)  # type: ignore[arg-type]


def _r_spelt_year(atom: _Atom, P, role) -> DateValue | None:
    """ "nineteen ninety-six" (1996), "nineteen oh five" (1905), "two thousand and eight" (2008)."""
    g = atom.g
    N = _named()
    if g.get("hh"):
        hundreds = N["hundreds"][_norm(g["hh"])]
        if g.get("oh"):
            rest = _words_number(g["u0"])
        else:
            rest = _words_number(g["rest"])
            if rest is not None and rest < 10:
                return None  # "twenty five" is a count
        if rest is None:
            return None
        y = hundreds * 100 + rest
    else:
        rest = _words_number(g["rest2"])
        if rest is None:
            return None
        y = N["thousands"][_norm(g["th"])] + rest
    return _year_value(y, None, role)


def _r_decade_word(atom: _Atom, P, role) -> DateValue | None:
    """ "the nineties" (the 1990s, TIMEX3 "199"), "the '80s", "the nineteen sixties", "the early seventies"."""
    g = atom.g
    N = _named()
    cw = _norm(g["cw"]) if g.get("cw") else None
    if g.get("dd"):
        if cw:
            return None
        tens = int(g["dd"]) // 10
    else:
        w = _norm(g["dw"].lstrip("'’"))
        tens = N["decade_words"].get(w)
        if tens is None:
            if not cw:
                return None  # "the twenties": which century is not said
            tens = N["decade_with_century"].get(w)
        if tens is None:
            return None
    y0 = (N["hundreds"][cw] if cw else 19) * 100 + tens * 10
    part = _norm(g["part"]) if g.get("part") else None
    a, b = _DECADE_PARTS.get(part or "", (0, 9))
    return _mk(dt.date(y0 + a, 1, 1), dt.date(y0 + b, 12, 31), str(y0)[:3], "decade", role, approx=part is not None)
