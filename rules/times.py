"""FC110 times: clock times of day and game clocks, each an interval of minutes on its own clock.

What it finds
    Times of day as news writes them: "3:33 a.m.", "11am", "4.30am", "10:00 am",
    24-hour times with a zone or "hours" ("17:06 hours", "06:00 BST",
    "0800 GMT", "between 07:28 and 08:06 UTC"), "noon" and "midnight" after a
    preposition ("around noon", "just before midnight"), each with the words in
    front that say how the event relates to it ("about 3 p.m.", "shortly after
    3 p.m.", "just before 5:30 p.m.", "by 6 a.m."), its zone, and a conversion
    in brackets ("10:00 am (0800 GMT)", "9:40 p.m. Friday (1:40 a.m. ET
    Saturday)"), which gives the time on both clocks. Apart from them, game
    clocks: the time left in a period ("with 7:41 left in the first half",
    "7 minutes 41 seconds to go"), a value of their own never compared with a
    time of day.

Why it matters
    When an event happened is a fact outlets copy from police, agencies and
    each other, and round it as they go: "about 3 p.m." and "about 3:10 p.m."
    agree, "7:01 p.m." fits "about 7 p.m.", "just before 5:30 p.m." and
    "around 5:30 p.m." are one time. A hedge makes an interval, so only times
    that cannot overlap differ; "2045 GMT" against "20:49 GMT" for one event
    is a discrepancy, two times of two events are two moments.

Example
    A: The bomb went off at the bank just before 5:30 p.m., deputies said.
    B: The bomb went off at the bank around 5:30 p.m., deputies said.
    -> agreement

How times are compared: each claim holds its reading on each clock it names
(GMT and UTC are one clock; a time that names no zone, or says it is local,
is on the unzoned clock). Two claims on a shared clock compare there: the same
interval is the same time, overlapping intervals are compatible, disjoint
ones differ. A zoned time and an unzoned one may agree (an agency's "11am
IST" and another outlet's "around 11 a.m.") but never differ: without the
offset in the text nothing says the two clocks are one; two different zones
are not compared at all. A time opened on one side ("by 6 a.m.", "after 10
a.m.") can fit or not be compared, never differ. Two different times are a
discrepancy only for the same event word of their clauses ([heads] in
rules/vocab/times.toml) and within an hour of each other (a game clock:
within half a minute, in the same period); anything further apart is two
moments. The interval widths, hedges, zones and event words are data in
rules/vocab/times.toml. An agreement ties its two sentences as one event
(LINKS), which dates and statements read; the rule runs before them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from checker import calendar, quantity, vocab
from checker.claims import make_claim
from checker.evidence import LINKS
from checker.model import Article, Claim, Span
from checker.text import canon, content_terms, irregular_form
from rules import dates

CODE = "FC110"
NAME = "times"
REPORT_ALONE = True
PROVIDES = (LINKS,)  # an agreeing time ties its two sentences as one event (dates and statements read it)

DAY = 1440  # minutes in a day: clock times compare on a circle
MAX_GAP = 60  # minutes: two times of one event further apart than this are two moments, never a discrepancy
MAX_GAP_GAME = 30  # seconds, for a game clock
LEAD_CHARS = 40  # how far back the words in front of a time are read
FIT_AFFINITY = 0.5  # two times that fit each other: a weak sign of one moment
HEAD_LEFT = 8  # content words before a time looked at for its event word
HEAD_RIGHT = 4  # and after it


# ---------------------------------------------------------------- the value


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time of day or a game clock.

    ``readings`` are (clock, low, high) for each clock the words give: minutes
    after midnight for a time of day (low may be negative or high past 1440:
    the interval wraps), seconds left for a game clock. ``clock`` is the
    canonical zone ("UTC", "ET"), "" when unzoned. ``open`` marks a time that
    bounds the event on one side only ("by 6 a.m."); ``exact`` a time given to
    the minute that is no round quarter hour ("9:27 a.m."). ``period`` is the
    game period of a game clock ((1, "half")), when given.
    """

    kind: str  # "clock" | "remaining"
    readings: tuple[tuple[str, float, float], ...]
    stated: tuple[tuple[str, int], ...]  # (clock, minute or second as written)
    open: bool = False
    exact: bool = False
    period: tuple[int, str] | None = None
    day: str = ""  # TIMEX3 value of the day written beside it ("9 a.m. EST Tuesday"), "" when none
    extent: tuple[int, int] = (0, 0)  # offsets of the time itself, without its lead words (TimeML's extent)
    lead: str = ""  # the class of the lead words nearest the time ("approx", "just_before"), "" for none

    def to_json(self) -> dict[str, Any]:
        if self.kind == "remaining":
            _, lo, hi = self.readings[0]
            out: dict[str, Any] = {"kind": "remaining", "left": _fmt_secs(self.stated[0][1])}
            if lo != hi:
                out["from"], out["to"] = _fmt_secs(lo), _fmt_secs(hi)
            if self.period:
                out["period"] = f"{self.period[0]} {self.period[1]}"
            return out
        clock, minute = self.stated[0]
        out = {"kind": "clock", "time": _fmt_min(minute), "zone": clock}
        _, lo, hi = next(r for r in self.readings if r[0] == clock)
        if lo != hi:
            out["from"], out["to"] = _fmt_min(lo), _fmt_min(hi)
        others = {c: _fmt_min(m) for c, m in self.stated[1:]}
        if others:
            out["also"] = others
        if self.day:
            out["day"] = self.day
        return out


def _fmt_min(m: float) -> str:
    m = int(round(m)) % DAY
    return f"{m // 60:02d}:{m % 60:02d}"


def _fmt_secs(s: float) -> str:
    s = int(round(s))
    return f"{s // 60}:{s % 60:02d}"


# ---------------------------------------------------------------- vocabulary as patterns


def _v(key: str) -> Any:
    return vocab.load("times")[key]


def _alt(words: Any) -> str:
    """A case-insensitive alternation of words, longest first, any whitespace inside."""
    ws = sorted({w.lower() for w in words}, key=vocab.longest_first)
    return "(?i:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ws) + ")"


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


@functools.cache
def _zones() -> dict[str, str]:
    return {_norm(k): v for k, v in _v("zones").items()}


@functools.cache
def _leads() -> dict[str, str]:
    """Lead phrase -> its class (at, approx, just_before, ...); a phrase in two classes keeps the later one."""
    out: dict[str, str] = {}
    for cls, words in _v("leads").items():
        if cls in ("range_open", "range_join"):
            continue
        for w in words:
            out[_norm(w)] = cls
    return out


def _zone_alt() -> str:
    """The zones as one alternation: an abbreviation only in capitals ("ET", not "et"), a name in any case."""
    keys = sorted(_zones(), key=vocab.longest_first)
    parts = [
        re.escape(k.upper()) if len(k) <= 4 and " " not in k else "(?i:" + r"\s+".join(map(re.escape, k.split())) + ")"
        for k in keys
    ]
    return "(?:" + "|".join(parts) + ")"


@functools.cache
def _pat() -> dict[str, re.Pattern[str]]:
    zones = _zone_alt()
    hours = _alt(_v("hour_words"))
    named = _alt(_v("named"))
    game = _v("game")
    leads = _v("leads")
    num = quantity.number_word_re(with_scales=False)
    left = _alt(game["remaining"])
    mins, secs = _alt(game["minute_words"]), _alt(game["second_words"])
    ords, periods = _alt(game["ordinals"]), _alt(game["periods"])
    weekdays = _alt(calendar.weekdays())
    zone = rf"(?:\s*(?P<zone>{zones})(?!\w)(?:\s*\({zones}\))?)?"
    clock = (
        r"(?<![\w:.,])(?:"
        # 12-hour: 3 p.m., 11am, 4.30am, 10:00 am
        r"(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?(?P<ap>[aApP])\.?\s?[mM](?!\w)\.?"
        # 24-hour with a colon: 07:28, 17:06 hours
        r"|(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)(?![\w:])"
        # four figures, only with a zone or a zoned conversion after them: 0800 GMT, 1353 (1023 GMT)
        rf"|(?P<hmil>[01]\d|2[0-3])(?P<mmil>[0-5]\d)(?=\s*{zones}(?!\w)|\s*\(\s*\d{{4}}\s*{zones}(?!\w))"
        rf"|(?P<named>\b(?i:{named})\b)"
        r")"
        rf"(?:\s+(?P<hours>(?i:{hours}))\b)?" + zone
    )
    remaining = (
        r"(?<![\w:.,])(?:(?P<mm>\d{1,2}):(?P<ss>[0-5]\d)"
        rf"|(?P<mw>\d{{1,2}}|{num})\s+{mins}(?:,?\s+(?:and\s+)?(?P<sw>\d{{1,2}}|{num})\s+{secs})?"
        rf"|(?P<so>\d{{1,2}}|{num})\s+{secs})"
        rf"\s+(?P<left>{left})\b"
        rf"(?:\s+in\s+(?:the\s+)?(?P<ord>{ords})\s+(?P<per>{periods})\b)?"
    )
    lead_words = [w for cls, ws in leads.items() if cls != "range_join" for w in ws]
    return {
        "clock": re.compile(clock),
        "remaining": re.compile(remaining, re.I),
        "game_hint": re.compile(rf"\d:\d|\b(?:{mins}|{secs})\b", re.I),
        "lead": re.compile(rf"\b(?P<w>{_alt(lead_words)})\s+$", re.I),
        "with": re.compile(r"\bwith\s+$", re.I),
        "join": re.compile(rf"\s*(?:{_alt(leads['range_join'])})\s*$", re.I),
        "joined": re.compile(rf"(?:^|\s)(?:{_alt(leads['range_join'])})\s+$", re.I),
        "bracket_open": re.compile(rf"\s*(?:{weekdays}\.?\s*)?\(\s*", re.I),
        "bracket_close": re.compile(rf"(?:\s+{weekdays}\.?)?\s*\)", re.I),
        "day_after": re.compile(rf"\s+(?:on\s+)?(?:{weekdays}|(?i:today|tonight|tomorrow|yesterday))\b"),
        "day_gap": re.compile(r"\s*,?\s*(?:(?:on|at)\s+)?", re.I),
    }


@functools.cache
def _range_words() -> tuple[frozenset[str], frozenset[str]]:
    leads = _v("leads")
    return frozenset(_norm(w) for w in leads["range_open"]), frozenset(_norm(w) for w in leads["range_join"])


@functools.cache
def _widths() -> dict[str, tuple[float, float]]:
    return {k: (float(v[0]), float(v[1])) for k, v in _v("widths").items()}


@functools.cache
def _events() -> frozenset[str]:
    return frozenset(canon(w) for w in _v("heads")["events"])


@functools.cache
def _reporting() -> frozenset[str]:
    return frozenset(canon(w) for w in _v("heads")["reporting"])


@functools.cache
def _named_minutes() -> dict[str, int]:
    return {_norm(k): int(v) for k, v in _v("named").items()}


@functools.cache
def _game_ordinals() -> dict[str, int]:
    return {_norm(k): int(v) for k, v in _v("game")["ordinals"].items()}


def _number(s: str) -> int | None:
    s = _norm(s)
    if s.isdigit():
        n = int(s)
        return n if quantity.finite(n) else None  # more digits than a float holds: no clock
    v = quantity.parse_words(s)
    return int(v) if v is not None and quantity.finite(v) and v == int(v) else None


# ---------------------------------------------------------------- reading a sentence


@dataclass
class _Atom:
    start: int
    end: int
    clock: str  # the zone, "" when unzoned
    minute: int  # minutes after midnight
    round_hour: bool  # written without its minutes ("7 p.m.") or named ("noon")
    named: bool


def _atoms(text: str, s: int, e: int) -> list[_Atom]:
    """Every clock time in text[s:e], with its zone; a bare 24-hour time needs a zone, "hours" or a lead word."""
    P = _pat()
    out: list[_Atom] = []
    zones = _zones()
    for m in P["clock"].finditer(text, s, e):
        g = m.groupdict()
        zone = zones.get(_norm(g["zone"])) if g["zone"] else ""
        if g["h12"]:
            h, mi = int(g["h12"]), int(g["m12"] or 0)
            h = h % 12 + (12 if g["ap"].lower() == "p" else 0)
            minute, rnd, named = h * 60 + mi, g["m12"] is None, False
        elif g["h24"]:
            if not g["zone"] and not g["hours"] and not (g["h24"][0] == "0" and _introduced(text, s, m.start())):
                continue  # "7:41", "14:05": a game clock or a score as often as a time
            minute, rnd, named = int(g["h24"]) * 60 + int(g["m24"]), False, False
        elif g["hmil"]:
            minute, rnd, named = int(g["hmil"]) * 60 + int(g["mmil"]), False, False
        else:
            if not _introduced(text, s, m.start()) and not P["day_after"].match(text, m.end(), e):
                continue  # "midnight rules": no time without a preposition in front or a day after it
            minute, rnd, named = _named_minutes()[_norm(g["named"])], True, True
        out.append(_Atom(m.start(), m.end(), zone or "", minute, rnd, named))
    return out


def _introduced(text: str, floor: int, pos: int) -> bool:
    """A lead word ("at", "around") or a range's joining word ("and", "to") stands just before `pos`."""
    return bool(_lead(text, floor, pos)[0]) or bool(_pat()["joined"].search(text, max(floor, pos - 12), pos))


def _lead(text: str, floor: int, pos: int) -> tuple[list[str], int]:
    """The lead phrases just before `pos` (nearest last), and where they start."""
    P = _pat()["lead"]
    found: list[str] = []
    start = pos
    for _ in range(3):
        lo = max(floor, start - LEAD_CHARS)
        m = P.search(text, lo, start)
        if not m:
            break
        found.insert(0, _norm(m.group("w")))
        start = m.start("w")
    return found, start


def _shape(leads: list[str], atom: _Atom) -> tuple[float, float, bool]:
    """(minutes before, minutes after, open) of the interval the lead words make around a time."""
    W = _widths()
    cls_of = _leads()
    classes = [cls_of.get(w, "at") for w in leads]
    is_open = any(c in ("before", "after") for c in classes)
    shape = next((c for c in reversed(classes) if c != "at"), "at")
    if shape == "approx":
        if atom.round_hour or atom.minute % 60 == 0:
            shape = "approx_hour"
        elif atom.minute % 30 == 0:
            shape = "approx_half"
    before, after = W[shape]
    if shape == "at" and atom.round_hour and not atom.named:
        before, after = W["unhedged_hour"]
    return before, after, is_open


def _lead_class(leads: list[str]) -> str:
    cls_of = _leads()
    return next((c for c in (cls_of.get(w, "at") for w in reversed(leads)) if c != "at"), "")


def _clock_claims(article: Article, sent: Span) -> list[tuple[int, int, TimeValue]]:
    text = article.text
    atoms = _atoms(text, sent.start, sent.end)
    P = _pat()
    opens, joins = _range_words()
    out: list[tuple[int, int, TimeValue]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        leads, lead_start = _lead(text, sent.start, a.start)
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        # a conversion in brackets: 10:00 am (0800 GMT)
        if (
            nxt
            and nxt.clock
            and nxt.clock != a.clock
            and P["bracket_open"].fullmatch(text, a.end, nxt.start)
            and (close := P["bracket_close"].match(text, nxt.end, sent.end))
        ):
            before, after, is_open = _shape(leads, a)
            nb, na, _ = _shape(leads, nxt)
            readings = ((a.clock, a.minute - before, a.minute + after), (nxt.clock, nxt.minute - nb, nxt.minute + na))
            exact = not a.round_hour and a.minute % 15 != 0
            v = TimeValue("clock", readings, ((a.clock, a.minute), (nxt.clock, nxt.minute)), is_open, exact)
            v = replace(v, extent=(a.start, a.end), lead=_lead_class(leads))
            out.append((lead_start if leads else a.start, close.end(), v))
            i += 2
            continue
        # a range: between 07:28 and 08:06 UTC, from 9 a.m. to noon
        if nxt and leads and leads[-1] in opens and P["join"].fullmatch(text, a.end, nxt.start):
            clock = a.clock or nxt.clock
            if not a.clock or a.clock == nxt.clock:
                lo, hi = a.minute, nxt.minute
                if hi < lo:
                    hi += DAY
                v = TimeValue("clock", ((clock, lo, hi),), ((clock, lo),), False, False, extent=(a.start, nxt.end))
                out.append((lead_start, nxt.end, v))
                i += 2
                continue
        before, after, is_open = _shape(leads, a)
        exact = not a.round_hour and a.minute % 15 != 0
        v = TimeValue("clock", ((a.clock, a.minute - before, a.minute + after),), ((a.clock, a.minute),), is_open, exact)
        v = replace(v, extent=(a.start, a.end), lead=_lead_class(leads))
        out.append((lead_start if leads else a.start, a.end, v))
        i += 1
    return out


def _game_claims(article: Article, sent: Span) -> list[tuple[int, int, TimeValue]]:
    text = article.text
    out = []
    if not _pat()["game_hint"].search(text, sent.start, sent.end):
        return out  # a game clock is written with a colon or "minutes"/"seconds": skip the full pattern
    for m in _pat()["remaining"].finditer(text, sent.start, sent.end):
        g = m.groupdict()
        if g["mm"]:
            secs = int(g["mm"]) * 60 + int(g["ss"])
            lo = hi = secs
        elif g["mw"]:
            mins = _number(g["mw"])
            if mins is None:
                continue
            if g["sw"]:
                s = _number(g["sw"])
                if s is None or s >= 60:
                    continue
                secs = mins * 60 + s
                lo = hi = secs
            elif g["per"]:
                secs, lo, hi = mins * 60, mins * 60 - 30, mins * 60 + 59  # "with 7 minutes left in the half"
            else:
                continue  # "with two minutes left": as often a deadline as a game clock
        else:
            s = _number(g["so"])
            if s is None:
                continue
            secs = lo = hi = s
        period = None
        if g["per"]:
            period = (_game_ordinals()[_norm(g["ord"])], _norm(g["per"]))
        start = m.start()
        w = _pat()["with"].search(text, max(sent.start, start - 6), start)
        if w:
            start = w.start()
        v = TimeValue("remaining", (("", float(lo), float(hi)),), (("", secs),), False, lo == hi, period)
        out.append((start, m.end(), v))
    return out


def find_claims(article: Article) -> list[Claim]:
    out: list[Claim] = []
    for sent in article.sentences:
        found = _game_claims(article, sent)
        taken = [(s, e) for s, e, _ in found]
        for s, e, v in _clock_claims(article, sent):
            if not any(s < te and ts < e for ts, te in taken):
                found.append((s, e, v))
        days = dates.days_in(article, sent) if found else []
        for s, e, v in sorted(found, key=lambda x: x[0]):
            day = _day_beside(article.text, s, e, days) if v.kind == "clock" else ""
            if day:
                v = replace(v, day=day)
            head = _event_head(article.text, sent, s, e)
            out.append(make_claim(article, CODE, s, e, v, sentence=sent, head=head))
    return out


def _day_beside(text: str, start: int, end: int, days: list[tuple[int, int, str]]) -> str:
    """The TIMEX3 value of the day written right beside a time: after it ("9 a.m. EST Tuesday", "noon on
    Thursday", "15:00 GMT Saturday") or before it ("Tuesday at 9 a.m.", "Monday, 10:35 a.m.")."""
    gap = _pat()["day_gap"]
    for s, e, value in days:
        if (s >= end and gap.fullmatch(text, end, s)) or (e <= start and gap.fullmatch(text, e, start)):
            return value
    return ""


def _event_head(text: str, sent: Span, start: int, end: int) -> str | None:
    """The event a time is for: the nearest verb of its sentence ("struck at 9:27 a.m."), else the
    nearest event word of [heads] ("the blast just before 5:30 p.m."), looking left first."""
    events = _events()
    terms = content_terms(text, sent.start, sent.end)
    before = [(t, text[s:e]) for t, s, e in terms if e <= start][-HEAD_LEFT:]
    after = [(t, text[s:e]) for t, s, e in terms if s >= end][:HEAD_RIGHT]
    near = []
    for i in range(max(len(before), len(after))):
        near += [x for x in (before[-1 - i] if i < len(before) else None, after[i] if i < len(after) else None) if x]
    reporting = _reporting()
    for t, w in near:
        lw = w.lower()
        if len(lw) > 3 and (lw.endswith("ed") or irregular_form(lw)) and t not in reporting:
            return t
    return next((t for t, _ in near if t in events), None)


# ---------------------------------------------------------------- comparing


def _interval_verdict(a: tuple[float, float], b: tuple[float, float], wrap: bool) -> tuple[str, float]:
    """(same | compatible | differ, the gap between the intervals) for two intervals, on a circle when `wrap`."""
    if a == b:
        return "same", 0.0
    best = None
    for shift in (-DAY, 0, DAY) if wrap else (0,):
        lo, hi = b[0] + shift, b[1] + shift
        gap = max(lo - a[1], a[0] - hi, 0.0)
        best = gap if best is None else min(best, gap)
    assert best is not None
    return ("compatible" if best == 0 else "differ"), best


def _verdict(a: TimeValue, b: TimeValue) -> tuple[str | None, float]:
    """(verdict, gap); verdict None when the two cannot be compared (two clocks with no offset between them)."""
    if a.kind != b.kind:
        return None, 0.0
    wrap = a.kind == "clock"
    ra = {c: (lo, hi) for c, lo, hi in a.readings}
    rb = {c: (lo, hi) for c, lo, hi in b.readings}
    shared = sorted(set(ra) & set(rb))
    if shared:
        results = [_interval_verdict(ra[c], rb[c], wrap) for c in shared]
        for want in ("same", "compatible"):
            hit = [r for r in results if r[0] == want]
            if hit:
                return hit[0]
        return "differ", min(g for _, g in results)
    # a zoned time against an unzoned one: they may agree, never differ
    if "" in ra or "" in rb:
        un, zoned = (ra, rb) if "" in ra else (rb, ra)
        for c in sorted(zoned):
            v, g = _interval_verdict(un[""], zoned[c], wrap)
            if v != "differ":
                return "compatible", 0.0
    return None, 0.0


def compare(a: Claim, b: Claim) -> str:
    v, _ = _verdict(a.value, b.value)
    return v or "differ"


def comparable(a: Claim, b: Claim) -> bool:
    """Only times that can be one moment: same kind, a clock in common, and a difference small enough to be a slip."""
    va, vb = a.value, b.value
    if va.kind != vb.kind:
        return False
    if va.period and vb.period and va.period != vb.period:
        return False
    verdict, gap = _verdict(va, vb)
    if verdict is None:
        return False
    if verdict == "differ":
        if va.open or vb.open:
            return False  # "by 6 a.m." bounds the event, it does not date it
        if gap > (MAX_GAP_GAME if va.kind == "remaining" else MAX_GAP):
            return False
        if va.kind == "clock" and not (a.head and a.head == b.head):
            return False  # two different times for two event words are two moments
    return True


def affinity(a: Claim, b: Claim) -> float:
    """How surely two times are one moment apart from their words (align.py's W_HEAD).

    The same event word, or the same minute given exactly ("9:27 a.m."), is a
    strong sign; two times that fit each other are a weaker one (a story names
    few moments, and a time of day is a particular one). Two different times
    for two different event words are two moments: -1 keeps them apart.
    """
    verdict, _ = _verdict(a.value, b.value)
    if a.head and a.head == b.head:
        return 1.0
    if verdict == "same" and a.value.exact and b.value.exact:
        return 1.0
    if verdict in ("same", "compatible"):
        return FIT_AFFINITY
    if a.head and b.head and verdict == "differ":
        return -1.0
    return 0.0


def describe(claim: Claim) -> str:
    v: TimeValue = claim.value
    if v.kind == "remaining":
        _, lo, hi = v.readings[0]
        base = f"{_fmt_secs(v.stated[0][1])} left" if lo == hi else f"{_fmt_secs(lo)}-{_fmt_secs(hi)} left"
        return base + (f" in period {v.period[0]} ({v.period[1]})" if v.period else "")
    parts = []
    for (clock, lo, hi), (_, minute) in zip(v.readings, v.stated):
        t = _fmt_min(minute) if lo == hi else f"{_fmt_min(lo)}-{_fmt_min(hi)}"
        parts.append(f"{t} {clock}".strip() if clock else t)
    return " = ".join(parts)


# ---------------------------------------------------------------- TimeML


@functools.cache
def _timeml_mods() -> dict[str, str]:
    return dict(_v("timeml")["mods"].items())


def timeml(claim: Claim) -> dict[str, Any] | None:
    """A time of day as TimeML reads it: TIMEX3 type TIME, value the day written beside it (else
    "XXXX-XX-XX", as TimeML writes a day the text does not give) and the minute ("2025-06-10T09:00"),
    the zone as written ("zone": "ET"), mod from the lead words ("about" APPROX, "just before" BEFORE),
    offsets of the time without its lead words. A game clock is no time of day: none."""
    v: TimeValue = claim.value
    if v.kind != "clock":
        return None
    clock, minute = v.stated[0]
    start, end = v.extent if v.extent != (0, 0) else (claim.start, claim.end)
    out: dict[str, Any] = {"type": "TIME", "value": f"{v.day or 'XXXX-XX-XX'}T{_fmt_min(minute)}", "start": start, "end": end}
    if clock:
        out["zone"] = clock
    mod = _timeml_mods().get(v.lead)
    if mod:
        out["mod"] = mod
    return out
