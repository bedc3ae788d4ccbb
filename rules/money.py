"""FC101 money: sums of money, however they are written.

What it finds
    Sums in digits, words and abbreviations, with a currency symbol, ISO code
    or word: "$4.5 million", "4.5 million dollars", "$2.4bn", "£6.5m",
    "€70 million", "USD 5 million", "CNY 300m", "three hundred million yuan",
    "35 cents per share"; the hedge in front ("about", "no less than", "up to")
    and ranges ("$2.5bn to $2.7bn", "between X and Y") are part of the value.
    A conversion in brackets ("CNY 300m ($42m)") is checked against a cited
    table of yearly average exchange rates (rules/vocab/money.toml).

Why it matters
    A sum is the fact readers quote back. Two outlets that write the same
    sum two ways must agree; a transposed digit ($148m against $184m) must not
    slip through.

Example
    A: The province will put no less than three hundred million yuan into the port.
    B: The province pledged CNY 300m for the port.
    -> agreement (same sum, a floor hedge)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from checker import caches, quantity, vocab
from checker.claims import make_claim
from checker.evidence import LINKS
from checker.model import Article, Claim
from checker.text import canon, letter_words

CODE = "FC101"
NAME = "money"
REPORT_ALONE = True
PROVIDES = (LINKS,)  # an agreeing sum ties its sentences: dates and statements there speak of one event
SAME_VALUE_BONUS = 0.30  # two articles of one story giving one exact sum rarely do so by chance
CONVERSION_TOLERANCE = 0.05  # a stated conversion within 5% of the year's average rate is consistent


@dataclass(frozen=True, slots=True)
class Money:
    amount: float
    currency: str
    hedge: str = "exact"
    unit: float = 0.0  # rounding unit of the written figure, in currency units
    high: float | None = None  # upper end of a range
    per: str | None = None  # "share" in "$0.64 per share"
    year: int | None = None  # the article's year, for exchange rates
    conversion_of: tuple[float, str] | None = None  # (amount, currency) this sum converts
    scale: float = 1.0  # the multiplier written with the figure ("million" -> 1e6)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"amount": quantity.json_number(self.amount), "currency": self.currency}
        if self.hedge != "exact":
            out["hedge"] = self.hedge
        if self.high is not None:
            out["high"] = quantity.json_number(self.high)
        if self.per:
            out["per"] = self.per
        if self.conversion_of:
            out["converts"] = {"amount": quantity.json_number(self.conversion_of[0]), "currency": self.conversion_of[1]}
        return out


# ---------------------------------------------------------------- finding sums


@functools.cache
def _vocab() -> dict:
    return vocab.load("money")


@functools.cache
def _amount_re() -> re.Pattern[str]:
    v = _vocab()
    syms = sorted(v["symbols"], key=vocab.longest_first)
    sym = "|".join(re.escape(s) for s in syms if not s.isalpha())
    codes = "|".join(sorted(set(v["codes"]) | {s for s in v["symbols"] if s.isalpha()}, key=vocab.longest_first))
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(v["words"], key=vocab.longest_first))
    # a multiplier written after a figure: a scale of a thousand or more ("$5 million"), or a suffix ("$5m")
    mults = [w for w, v in quantity.scales().items() if v >= 1000] + list(quantity.suffixes())
    scales = "|".join(sorted(mults, key=vocab.longest_first))
    not_per = "|".join(re.escape(w) for w in _vocab()["not_per_after"])
    fig = quantity.FIGURE_RE
    numw = quantity.number_word_re()
    hedge = quantity.hedge_re()
    per = "|".join(_vocab()["per_units"])
    return re.compile(
        rf"(?:(?P<hedge>{hedge})\s+)?"
        rf"(?:"
        rf"(?P<sym>{sym})\s?(?P<num1>{fig})(?:\s?(?:-|–|to)\s?(?P<hi1>{fig}))?(?:\s?(?P<mult1>{scales})\b)?"
        rf"|(?P<code>\b(?:{codes}))\s?(?P<num2>{fig})(?:\s?(?P<mult2>{scales})\b)?"
        rf"|(?P<num3>\b(?:{fig})|\b{numw})(?:[\s-]?(?P<mult3>{scales}))?\s+(?P<word>(?:{words}))\b"
        rf")"
        rf"(?:\s+(?:per|a|an|each)\s+(?P<per>{per})\b(?!\s+(?:{not_per})\b))?",
        re.I,
    )


@functools.cache
def _hint_re() -> re.Pattern[str]:
    """A cheap test a sentence must pass before the full pattern runs: a digit, a symbol or a currency word."""
    v = _vocab()
    syms = "".join(re.escape(s) for s in v["symbols"] if len(s) == 1)
    words = "|".join(re.escape(w.split()[-1]) for w in v["words"])
    return re.compile(rf"[{syms}]|\d|\b(?:{words})\b", re.I)


_RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—|and)\s*$", re.I)


def _parse(m: re.Match[str], year: int | None) -> Money | None:
    v = _vocab()
    g = m.groupdict()
    num = g["num1"] or g["num2"] or g["num3"]
    mult = (g["mult1"] or g["mult2"] or g["mult3"] or "").lower()
    if g["sym"]:
        currency = v["symbols"][g["sym"]] if g["sym"] in v["symbols"] else v["symbols"].get(g["sym"].upper(), "USD")
    elif g["code"]:
        code = g["code"].upper()
        if g["code"] != code:  # codes are written in capitals; "won" or "usd" in prose is not a code
            return None
        currency = v["aliases"].get(code, v["symbols"].get(code, code))
    else:
        currency = v["words"][re.sub(r"\s+", " ", g["word"].lower())]
    if num[0].isdigit():
        value, unit = quantity.parse_figure(num)
    else:
        parsed = quantity.parse_words(num)
        if parsed is None:
            return None
        value, unit = parsed, 0.0
    scale = _scale(mult)
    value, unit = value * scale, unit * scale
    if not quantity.finite(value, unit):
        return None  # "$" and 300 nines, or a scale on top of a huge figure: beyond a float, no amount
    if currency.endswith(("-cent", "-pence")):
        currency = "USD" if currency.endswith("-cent") else "GBP"
        value, unit, scale = value / 100, unit / 100, scale / 100
    per = (g["per"] or "").lower() or None
    high = None
    if g.get("hi1"):  # "$140-150 million": one symbol and one scale for both ends
        hv = quantity.parse_figure(g["hi1"])[0] * scale
        if not quantity.finite(hv):
            return None
        if hv > value:
            return Money(value, currency, "range", unit, hv, per, year, None, scale)
    return Money(value, currency, quantity.hedge_class(g["hedge"]), unit, high, per, year, None, scale)


def _weight_before(text: str, sent_start: int, start: int) -> bool:
    before = letter_words(text[max(sent_start, start - 25) : start])[-2:]
    return any(w.lower() in _vocab()["weight_cues"] for w in before)


def _scale(mult: str) -> float:
    return (quantity.scale_of(mult) or 1.0) if mult else 1.0


def _line_item(text: str, sent_start: int, start: int, end: int, sent_end: int) -> str | None:
    """The nearest line-item word ("revenue", "fine") before the sum, else just after it."""
    items = _line_items()
    before = letter_words(text[max(sent_start, start - 80) : start])
    for w in reversed(before[-8:]):
        if canon(w) in items:
            return w.lower()
    after = letter_words(text[end : min(sent_end, end + 40)])
    for w in after[:4]:
        if canon(w) in items:
            return w.lower()
    return None


@functools.cache
def _line_items() -> frozenset[str]:
    return frozenset(canon(w) for w in _vocab()["line_items"])


_CACHE: dict[int, tuple[Article, list[Claim]]] = {}  # the actors rule reads the same sums again
caches.register(_CACHE.clear)


def find_claims(article: Article) -> list[Claim]:
    hit = _CACHE.get(id(article))
    if hit is not None and hit[0] is article:
        return list(hit[1])
    out = _find(article)
    if len(_CACHE) >= 64:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(article)] = (article, out)
    return list(out)


def _find(article: Article) -> list[Claim]:
    text = article.text
    year = article.published.year if article.published else article.year_hint
    out: list[Claim] = []
    rx = _amount_re()
    hint = _hint_re()
    for sent in article.sentences:
        if not hint.search(text, sent.start, sent.end):
            continue
        found: list[tuple[int, int, Money]] = []
        for m in rx.finditer(text, sent.start, sent.end):
            money = _parse(m, year)
            if money is None or money.amount <= 0:
                continue
            if m.group("word") and m.group("word").lower().startswith("pound") and _weight_before(text, sent.start, m.start()):
                continue  # "weighing 38 pounds"
            found.append((m.start(), m.end(), money))
        found = _merge_ranges(text, found)
        found = _mark_conversions(text, found)
        for s, e, money in found:
            if not quantity.finite(money.amount, money.high, money.conversion_of[0] if money.conversion_of else None):
                continue  # a merged range or a conversion beyond a float's range: no amount to compare
            if money.conversion_of and money.conversion_of[1] == money.currency:
                continue  # "$US1 million ($1.52 million)": the paper's own dollar, a rate no table gives
            head = _line_item(text, sent.start, s, e, sent.end)
            role = "conversion" if money.conversion_of else "baseline" if quantity.is_baseline(text, s, e, sent.end) else ""
            out.append(make_claim(article, CODE, s, e, money, sentence=sent, head=head or None, role=role))
    return out


def _merge_ranges(text: str, found: list[tuple[int, int, Money]]) -> list[tuple[int, int, Money]]:
    """ "$2.5 billion to $2.7 billion" and "between $2.5bn and $2.70bn" become one range."""
    out: list[tuple[int, int, Money]] = []
    i = 0
    while i < len(found):
        s, e, a = found[i]
        if i + 1 < len(found):
            s2, e2, b = found[i + 1]
            gap = text[e:s2]
            between = re.search(r"\bbetween\s+$", text[max(0, s - 10) : s], re.I)
            if (
                _RANGE_JOIN.match(gap)
                and len(gap) <= 6
                and a.currency == b.currency
                and b.amount > a.amount
                and (between or not gap.strip().lower() == "and")
            ):
                lo_amount, lo_unit = a.amount, a.unit
                if a.scale == 1 and b.scale > 1:  # "$2.5 to $2.7 billion": the scale is written once
                    lo_amount, lo_unit = a.amount * b.scale, a.unit * b.scale
                start = s - len(between.group()) if between else s
                rng = Money(lo_amount, a.currency, "range", min(lo_unit, b.unit), b.amount, a.per or b.per, a.year, None, b.scale)
                out.append((start, e2, rng))
                i += 2
                continue
        out.append((s, e, a))
        i += 1
    return out


def _mark_conversions(text: str, found: list[tuple[int, int, Money]]) -> list[tuple[int, int, Money]]:
    """A sum in brackets straight after a sum converts it: into another currency, or into another dollar
    ("$US1 million ($1.52 million)" in a paper whose "$" is its own)."""
    out = list(found)
    for i in range(len(out) - 1):
        s, e, a = out[i]
        s2, e2, b = out[i + 1]
        if (a.currency != b.currency or a.amount != b.amount) and re.fullmatch(
            rf"\s*[(\[]\s*(?:{quantity.hedge_re('approx')})?\s*", text[e:s2], re.I
        ):
            out[i + 1] = (
                s2,
                e2,
                Money(b.amount, b.currency, b.hedge, b.unit, b.high, b.per, b.year, (a.amount, a.currency), b.scale),
            )
    return out


# ---------------------------------------------------------------- comparing


def rate(currency: str, year: int | None) -> float | None:
    """Units of `currency` per US dollar in `year` (nearest year in the table)."""
    if currency == "USD":
        return 1.0
    table = _vocab()["rates_per_usd"].get(currency)
    if not table:
        return None
    years = sorted(int(y) for y in table)
    y = min(years, key=lambda k: abs(k - (year or years[-1])))
    return float(table[str(y)])


def _interval_usd(m: Money, year: int | None) -> quantity.Interval | None:
    r = rate(m.currency, year)
    if r is None:
        return None
    iv = quantity.interval(m.amount, m.unit, m.hedge if m.hedge != "range" else "exact", m.high)
    return quantity.Interval(iv.lo / r, iv.hi / r)


def compare_values(a: Money, b: Money) -> str:
    if (a.per or None) != (b.per or None):
        return "differ"
    if a.currency == b.currency:
        if (a.amount, a.hedge, a.high) == (b.amount, b.hedge, b.high) or (
            a.high is None and b.high is None and quantity.same_figure(a.amount, b.amount, a.hedge, b.hedge)
        ):
            return "same"
        ia = quantity.interval(a.amount, a.unit, a.hedge if a.hedge != "range" else "exact", a.high)
        ib = quantity.interval(b.amount, b.unit, b.hedge if b.hedge != "range" else "exact", b.high)
        return "compatible" if ia.intersects(ib) else "differ"
    # one year's rates for both sides: either article's year will do, so the verdict cannot depend on which is `a`
    for year in sorted({y for y in (a.year, b.year) if y}) or [None]:
        ia, ib = _interval_usd(a, year), _interval_usd(b, year)
        if ia is None or ib is None:
            return "differ"
        widen = 1 + CONVERSION_TOLERANCE  # each side's interval widened by the same share: a symmetric test
        if ia.lo <= ib.hi * widen and ib.lo <= ia.hi * widen:
            return "compatible"
    return "differ"


def compare(a: Claim, b: Claim) -> str:
    return compare_values(a.value, b.value)


def check_conversion(m: Money) -> tuple[bool, float] | None:
    """(consistent, expected amount) for a bracketed conversion, or None if no rate is known."""
    if not m.conversion_of:
        return None
    amount, currency = m.conversion_of
    ra, rb = rate(currency, m.year), rate(m.currency, m.year)
    if ra is None or rb is None:
        return None
    expected = amount / ra * rb
    lo, hi = quantity.interval(m.amount, m.unit, m.hedge).lo, quantity.interval(m.amount, m.unit, m.hedge).hi
    ok = lo / (1 + CONVERSION_TOLERANCE) <= expected <= hi * (1 + CONVERSION_TOLERANCE)
    return ok, expected


def describe_value(m: Money) -> str:
    cur = m.currency
    if m.high is not None:
        return f"{cur} {quantity.fmt_amount(m.amount)} to {quantity.fmt_amount(m.high)}"
    per = f" per {m.per}" if m.per else ""
    hedge = quantity.hedge_word(m.hedge)
    return f"{hedge + ' ' if hedge else ''}{cur} {quantity.fmt_amount(m.amount)}{per}"


def describe(claim: Claim) -> str:
    return describe_value(claim.value)


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two sums can be about the same thing: same unit basis and no clashing line items."""
    if (a.value.per or None) != (b.value.per or None):
        return False
    return not (a.value.conversion_of or b.value.conversion_of or a.role != b.role)


def affinity(a: Claim, b: Claim) -> float:
    """1 for one line item ("revenue" and "sales"), a penalty for two different ones, else 0.

    Line items are read off nearby words, so a clash ("cost" against "damaged")
    weighs against aligning rather than forbidding it.
    """
    if a.head and b.head:
        return 1.0 if a.head == b.head else -0.6
    return 0.0


def check_alone(claim: Claim) -> tuple[str, str] | None:
    """A sum that can be checked on its own: a bracketed conversion against the year's rate."""
    m: Money = claim.value
    res = check_conversion(m)
    if res is None:
        return None
    ok, expected = res
    amount, currency = m.conversion_of  # type: ignore[misc]
    year = m.year or "latest"
    verdict = "consistent with" if ok else "not consistent with"
    msg = (
        f"{claim.article} converts {currency} {quantity.fmt_amount(amount)} to {describe_value(m)} ({claim.text!r}): "
        f"{verdict} the {year} average rate, which gives {m.currency} {quantity.fmt_amount(round(expected, -3) if expected > 1e4 else expected)}."
    )
    return ("agreement" if ok else "discrepancy"), msg


def magnitude(claim: Claim) -> float | None:
    """The central figure, in US dollars, for judging how near two compatible sums are."""
    m: Money = claim.value
    r = rate(m.currency, m.year)
    centre = (m.amount + m.high) / 2 if m.high else m.amount
    return centre / r if r else None
