"""FC103 dates: periods of no stated length (TIMEX3 "PXM") and recurring times (TIMEX3 SET), resolved and read in sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from test_dates_values import check_resolve

from checker.load import parse_article
from rules import dates
from rules.dates import resolve

D = dt.date.fromisoformat

# (expression, publication date, start, end, timex, role); None for an open or unresolved bound
VALUES = [
    # ---- exact periods with an article, after a preposition or a verb of duration
    ("for a month", "2025-03-14", None, None, "P1M", "duration"),
    ("lasted an hour", "2025-03-14", None, None, "PT1H", "duration"),
    ("took a month", "2025-03-14", None, None, "P1M", "duration"),
    ("spent a year", None, None, None, "P1Y", "duration"),
    ("waited a week", None, None, None, "P1W", "duration"),
    ("within an hour", "2025-03-14", None, None, "PT1H", "deadline"),
    ("for a minute and a half", None, None, None, "PT1.5M", "duration"),
    ("took a minute and a half", None, None, None, "PT1.5M", "duration"),
    ("in an hour and a half", None, None, None, "PT1.5H", "duration"),
    ("lasted an hour and a half", None, None, None, "PT1.5H", "duration"),
    ("20 more years", None, None, None, "P20Y", "duration"),
    ("two additional years", None, None, None, "P2Y", "duration"),
    ("three extra days", None, None, None, "P3D", "duration"),
    ("a month", "2025-03-14", None, None, None, None),  # a bare article period is no period (it may be a rate)
    ("an hour", None, None, None, None, None),
    # ---- vague periods: length not given (X), never a discrepancy
    ("a few days", "2025-03-14", None, None, "PXD", "duration"),
    ("several weeks", "2025-03-14", None, None, "PXW", "duration"),
    ("for several weeks", None, None, None, "PXW", "duration"),
    ("a number of years", None, None, None, "PXY", "duration"),
    ("for months", "2025-03-14", None, None, "PXM", "duration"),
    ("for years", None, None, None, "PXY", "duration"),
    ("for decades", None, None, None, "PXDE", "duration"),
    ("for hours", None, None, None, "PTXH", "duration"),
    ("for many years", None, None, None, "PXY", "duration"),
    ("within weeks", None, None, None, "PXW", "deadline"),
    ("within a few months", None, None, None, "PXM", "deadline"),
    ("recent weeks", "2025-03-14", None, None, "PXW", "range"),
    ("in recent months", "2025-03-14", None, None, "PXM", "range"),
    ("the past several months", "2025-03-14", None, None, "PXM", "range"),
    ("the last few years", "2025-03-14", None, None, "PXY", "range"),
    ("the next few weeks", "2025-03-14", None, None, "PXW", "range"),
    ("in the coming weeks", "2025-03-14", None, None, "PXW", "range"),
    ("the past few days", "2025-03-14", None, None, "PXD", "range"),
    ("the last days of", None, None, None, None, None),  # "the last days of the mill": no period
    ("a few days ago", "2025-03-14", None, None, None, None),  # a day of no known date: nothing
    ("some days", None, None, None, None, None),  # "some days are better": no period without a preposition
    ("several years old", None, None, None, None, None),  # an age
    # ---- recurring times (TIMEX3 SET)
    ("every week", "2025-03-14", None, None, "P1W", "set"),
    ("every two weeks", "2025-03-14", None, None, "P2W", "set"),
    ("every other week", None, None, None, "P2W", "set"),
    ("every day", None, None, None, "P1D", "set"),
    ("every year", None, None, None, "P1Y", "set"),
    ("each year", None, None, None, "P1Y", "set"),
    ("every hour", None, None, None, "PT1H", "set"),
    ("each July", "2025-03-14", None, None, "XXXX-07", "set"),
    ("every Monday", "2025-03-14", None, None, "XXXX-WXX-1", "set"),
    ("on Mondays", "2025-03-14", None, None, "XXXX-WXX-1", "set"),
    ("on Fridays", None, None, None, "XXXX-WXX-5", "set"),
    ("every summer", "2025-03-14", None, None, "XXXX-SU", "set"),
    ("daily", None, None, None, "P1D", "set"),
    ("weekly", None, None, None, "P1W", "set"),
    ("monthly", None, None, None, "P1M", "set"),
    ("quarterly", None, None, None, "P3M", "set"),
    ("annually", None, None, None, "P1Y", "set"),
    ("yearly", None, None, None, "P1Y", "set"),
    ("twice a week", "2025-03-14", None, None, "P1W", "set"),
    ("three times a year", None, None, None, "P1Y", "set"),
    ("once a month", None, None, None, "P1M", "set"),
    ("twice weekly", None, None, None, "P1W", "set"),
    ("once every two weeks", None, None, None, "P2W", "set"),
    ("10 times a day", None, None, None, "P1D", "set"),
    ("$50,000 a year", "2025-03-14", None, None, "P1Y", "set"),
    ("£5 million a year", None, None, None, "P1Y", "set"),
    ("10 flights a day", None, None, None, "P1D", "set"),
    ("40 cases per week", None, None, None, "P1W", "set"),
    ("rose 3% a year", None, None, None, "P1Y", "set"),
    ("50 miles an hour", None, None, None, None, None),  # a speed
    ("everyday", None, None, None, None, None),
]

# (expression, freq, quant) of recurring times
SETS = [
    ("every week", "", "EVERY"),
    ("each July", "", "EACH"),
    ("each year", "", "EACH"),
    ("every Monday", "", "EVERY"),
    ("on Mondays", "", ""),
    ("daily", "", ""),
    ("twice a week", "2X", ""),
    ("three times a year", "3X", ""),
    ("once a month", "1X", ""),
    ("once every two weeks", "1X", "EVERY"),
    ("10 times a day", "10X", ""),
    ("$50,000 a year", "", ""),
]


@pytest.mark.parametrize(("expr", "published", "start", "end", "timex", "role"), VALUES, ids=[f"{v[0]}@{v[1]}" for v in VALUES])
def test_resolve(expr, published, start, end, timex, role):
    v = check_resolve(expr, published, start, end, timex, role)
    if v is None:
        return
    if role == "set":
        assert (v.precision, v.duration_days) == ("set", None)
    elif "X" in timex:
        assert (v.precision, v.duration_days) == ("vague", None)
    else:
        assert v.precision == "duration" and v.duration_days


@pytest.mark.parametrize(("expr", "freq", "quant"), SETS, ids=[s[0] for s in SETS])
def test_set_freq_and_quant(expr, freq, quant):
    v = resolve(expr, D("2025-03-14"))
    assert (v.freq, v.quant) == (freq, quant)
    assert v.to_json().get("freq", "") == freq and v.to_json().get("quant", "") == quant


def test_vague_and_set_never_differ():
    vague, exact = resolve("for months", None), resolve("six months", None)
    assert dates.compare_values(vague, exact) != "differ"
    assert dates.compare_values(resolve("a few days", None), resolve("several weeks", None)) != "differ"
    for a, b in [
        ("every week", "every two weeks"),
        ("twice a week", "weekly"),
        ("each July", "each June"),
        ("daily", "six days"),
    ]:
        assert dates.compare_values(resolve(a, None), resolve(b, None)) != "differ", (a, b)
    assert dates.compare_values(resolve("weekly", None), resolve("every week", None)) == "same"
    assert dates.compare_values(resolve("twice a week", None), resolve("two times a week", None)) == "same"
    # vague "range" and "deadline" roles are no start/deadline pair either
    assert dates.compare_values(resolve("within weeks", None), resolve("since 2020", None)) != "differ"


# ---------------------------------------------------------------- claims in articles


def claims_of(body: str, dateline: str | None = "March 14, 2025"):
    head = f"Headline\n\n{dateline}\n\n" if dateline else "Headline\n\n"
    a = parse_article("a", "a.txt", head + body + "\n")
    cs = dates.find_claims(a)
    for c in cs:
        assert a.text[c.start : c.end] == c.text
        assert c.rule == "FC103" and c.role == c.value.role
    return a, cs


def test_twice_a_year_is_a_set_not_a_period():
    _, cs = claims_of("The Brask board meets twice a year and inspects the depot every Monday.")
    assert [(c.text, c.value.timex, c.value.freq) for c in cs] == [
        ("twice a year", "P1Y", "2X"),
        ("every Monday", "XXXX-WXX-1", ""),
    ]
    assert all(c.value.precision == "set" for c in cs)


def test_a_rate_after_a_sum_or_a_count():
    _, cs = claims_of("Tolvane pays its staff $50,000 a year and runs 10 flights a day from Ostry.")
    assert [(c.text, c.value.timex) for c in cs] == [("a year", "P1Y"), ("a day", "P1D")]
    _, cs = claims_of("The van was doing 50 miles an hour when it hit the Ostry bridge. A day like that is rare.")
    assert cs == []


def test_a_newspaper_name_is_no_recurring_time():
    _, cs = claims_of("The Daily Courant first reported the Ostry fire. The Tolvane Weekly followed it.")
    assert cs == []
    _, cs = claims_of("Daily checks found no fault, and the monthly report said so. Everyday costs rose.")
    assert [(c.text, c.value.timex) for c in cs] == [("Daily", "P1D"), ("monthly", "P1M")]


def test_article_periods_after_a_duration_verb():
    _, cs = claims_of("The Ostry hearing lasted an hour and a half. Repairs took a month.")
    assert [(c.text, c.value.timex) for c in cs] == [("an hour and a half", "PT1.5H"), ("a month", "P1M")]
    _, cs = claims_of("Tolvane charges $10 a month for the Ostry app.")
    assert [(c.text, c.value.precision) for c in cs] == [("a month", "set")]


def test_vague_periods_in_sentences():
    a, cs = claims_of(
        "Talks in Ostry dragged on for months. Prices have risen in recent weeks. "
        "Over the past several months the Tolvane mill cut a few jobs. The Brask site will reopen within weeks."
    )
    got = [(c.text, c.value.timex, c.value.role, c.value.precision) for c in cs]
    assert got == [
        ("for months", "PXM", "duration", "vague"),
        ("recent weeks", "PXW", "range", "vague"),
        ("Over the past several months", "PXM", "range", "vague"),  # "over" kept, as in "over a six-year period"
        ("within weeks", "PXW", "deadline", "vague"),
    ]
    assert all(c.value.duration_days is None and not c.value.resolved for c in cs)


def test_describe_sets_and_vague_periods():
    _, cs = claims_of("The Ostry ferry sails twice a week, every two weeks in winter, for months on end.")
    assert [dates.describe(c) for c in cs] == ["2 times every week", "every 2 weeks", "months (length not given)"]
