"""FC103 dates: holidays, centuries, years in words and decade words, resolved against their own datelines."""

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
    # ---- holidays: a fixed day, an nth weekday, an offset from Easter; the nearest one, or the one named
    ("on Thanksgiving", "2024-12-02", "2024-11-28", "2024-11-28", "2024-11-28", "point"),
    ("Thanksgiving Day", "2025-11-20", "2025-11-27", "2025-11-27", "2025-11-27", "point"),
    ("this Thanksgiving", "2025-09-10", "2025-11-27", "2025-11-27", "2025-11-27", "point"),
    ("last Thanksgiving", "2025-09-10", "2024-11-28", "2024-11-28", "2024-11-28", "point"),
    ("on Christmas Day", "2024-12-27", "2024-12-25", "2024-12-25", "2024-12-25", "point"),
    ("Christmas Eve", "2025-01-03", "2024-12-24", "2024-12-24", "2024-12-24", "point"),
    ("on Christmas", "2025-12-20", "2025-12-25", "2025-12-25", "2025-12-25", "point"),
    ("Christmas 2023", "2025-06-01", "2023-12-25", "2023-12-25", "2023-12-25", "point"),
    ("on Christmas Day 2019", "2025-06-01", "2019-12-25", "2019-12-25", "2019-12-25", "point"),
    ("last Christmas", "2025-06-01", "2024-12-25", "2024-12-25", "2024-12-25", "point"),
    ("next Christmas", "2025-06-01", "2025-12-25", "2025-12-25", "2025-12-25", "point"),
    ("last Christmas", "2025-12-25", "2024-12-25", "2024-12-25", "2024-12-25", "point"),  # strictly before
    ("by Christmas", "2025-10-01", "2025-12-25", "2025-12-25", "2025-12-25", "deadline"),
    ("since Christmas", "2025-02-10", "2024-12-25", "2024-12-25", "2024-12-25", "start"),
    ("on Christmas morning", "2024-12-27", "2024-12-25", "2024-12-25", "2024-12-25TMO", "point"),
    ("New Year's Day", "2025-01-03", "2025-01-01", "2025-01-01", "2025-01-01", "point"),
    ("on New Year's Eve", "2025-01-02", "2024-12-31", "2024-12-31", "2024-12-31", "point"),
    ("New Year’s Eve", "2024-12-20", "2024-12-31", "2024-12-31", "2024-12-31", "point"),  # a curly apostrophe
    ("on Halloween", "2024-11-02", "2024-10-31", "2024-10-31", "2024-10-31", "point"),
    ("Valentine's Day", "2025-02-20", "2025-02-14", "2025-02-14", "2025-02-14", "point"),
    ("Boxing Day", "2024-12-30", "2024-12-26", "2024-12-26", "2024-12-26", "point"),
    ("on Easter", "2024-04-03", "2024-03-31", "2024-03-31", "2024-03-31", "point"),
    ("Easter Sunday", "2025-04-22", "2025-04-20", "2025-04-20", "2025-04-20", "point"),
    ("on Good Friday", "2024-04-02", "2024-03-29", "2024-03-29", "2024-03-29", "point"),
    ("Easter Monday", "2025-04-25", "2025-04-21", "2025-04-21", "2025-04-21", "point"),
    ("Easter week", "2025-04-25", "2025-04-14", "2025-04-20", "2025-W16", "point"),
    ("during Easter week", "2024-04-05", "2024-03-25", "2024-03-31", "2024-W13", "point"),
    ("next Easter", "2025-06-01", "2026-04-05", "2026-04-05", "2026-04-05", "point"),
    ("Easter 2019", "2025-06-01", "2019-04-21", "2019-04-21", "2019-04-21", "point"),
    ("Election Day", "2024-11-07", "2024-11-05", "2024-11-05", "2024-11-05", "point"),
    ("Election Day 2020", "2024-11-07", "2020-11-03", "2020-11-03", "2020-11-03", "point"),
    ("until Election Day", "2026-09-01", "2026-11-03", "2026-11-03", "2026-11-03", "deadline"),
    ("on Memorial Day", "2025-05-28", "2025-05-26", "2025-05-26", "2025-05-26", "point"),
    ("Labor Day", "2024-09-04", "2024-09-02", "2024-09-02", "2024-09-02", "point"),
    ("Independence Day", "2025-07-07", "2025-07-04", "2025-07-04", "2025-07-04", "point"),
    ("Mother's Day", "2025-05-13", "2025-05-11", "2025-05-11", "2025-05-11", "point"),
    ("Father's Day", "2024-06-18", "2024-06-16", "2024-06-16", "2024-06-16", "point"),
    ("Veterans Day", "2025-11-12", "2025-11-11", "2025-11-11", "2025-11-11", "point"),
    ("MLK Day", "2025-01-22", "2025-01-20", "2025-01-20", "2025-01-20", "point"),
    ("Presidents Day", "2024-02-21", "2024-02-19", "2024-02-19", "2024-02-19", "point"),
    ("Christmas Day", None, None, None, "XXXX-12-25", "point"),  # no dateline: a fixed day keeps its month and day
    ("on Thanksgiving", None, None, None, None, None),  # ... a movable one says no day
    ("Christmas shopping", "2024-12-02", None, None, None, None),  # a noun modifier
    ("Black Friday", "2024-12-02", None, None, None, None),
    ("Cyber Monday night", "2024-12-02", None, None, None, None),
    ("Super Tuesday", "2024-03-08", None, None, None, None),
    # ---- centuries (TIMEX3 "19": the 1900s); a part of one approximate: early 00-39, mid 30-69, late 60-99
    ("the 20th century", "2025-03-14", "1900-01-01", "1999-12-31", "19", "point"),
    ("the 21st century", "2025-03-14", "2000-01-01", "2099-12-31", "20", "point"),
    ("in the nineteenth century", "2025-03-14", "1800-01-01", "1899-12-31", "18", "point"),
    ("the early 20th century", "2025-03-14", "1900-01-01", "1939-12-31", "19", "point"),
    ("the late 19th century", "2025-03-14", "1860-01-01", "1899-12-31", "18", "point"),
    ("since the mid-19th century", "2025-03-14", "1830-01-01", "1869-12-31", "18", "start"),
    ("the turn of the century", "2025-03-14", None, None, None, None),
    # ---- years in words
    ("nineteen ninety-six", "2025-03-14", "1996-01-01", "1996-12-31", "1996", "point"),
    ("in nineteen eighty-four", "2025-03-14", "1984-01-01", "1984-12-31", "1984", "point"),
    ("two thousand and eight", "2025-03-14", "2008-01-01", "2008-12-31", "2008", "point"),
    ("in twenty twenty-four", "2025-03-14", "2024-01-01", "2024-12-31", "2024", "point"),
    ("in nineteen sixty", "2025-03-14", "1960-01-01", "1960-12-31", "1960", "point"),
    ("since nineteen oh five", "2025-03-14", "1905-01-01", "1905-12-31", "1905", "start"),
    ("twenty five", "2025-03-14", None, None, None, None),  # a count
    # ---- decades in words (the 1900s; "the nineteen twenties" says its century)
    ("the nineties", "2025-03-14", "1990-01-01", "1999-12-31", "199", "point"),
    ("the eighties", "2025-03-14", "1980-01-01", "1989-12-31", "198", "point"),
    ("the 'eighties", "2025-03-14", "1980-01-01", "1989-12-31", "198", "point"),
    ("the '90s", "2025-03-14", "1990-01-01", "1999-12-31", "199", "point"),
    ("the 90s", "2025-03-14", "1990-01-01", "1999-12-31", "199", "point"),
    ("the early nineties", "2025-03-14", "1990-01-01", "1993-12-31", "199", "point"),
    ("in the seventies", "2025-03-14", "1970-01-01", "1979-12-31", "197", "point"),
    ("in the sixties", "2025-03-14", "1960-01-01", "1969-12-31", "196", "point"),
    ("the nineteen fifties", "2025-03-14", "1950-01-01", "1959-12-31", "195", "point"),
    ("the nineteen twenties", "2025-03-14", "1920-01-01", "1929-12-31", "192", "point"),
    ("the twenties", "2025-03-14", None, None, None, None),  # which century is not said
    ("in his sixties", "2025-03-14", None, None, None, None),  # an age
]


@pytest.mark.parametrize(("expr", "published", "start", "end", "timex", "role"), VALUES, ids=[f"{v[0]}@{v[1]}" for v in VALUES])
def test_resolve(expr, published, start, end, timex, role):
    check_resolve(expr, published, start, end, timex, role)


def test_precisions():
    P = D("2025-03-14")
    assert resolve("on Christmas Day", P).precision == "day"
    assert resolve("Easter week", P).precision == "week"
    assert resolve("the 20th century", P).precision == "century"
    assert resolve("the early 20th century", P).approx
    assert resolve("the nineties", P).precision == "decade"
    assert resolve("nineteen ninety-six", P).precision == "year"


def test_easter_dates():
    # the anonymous Gregorian algorithm against known Easter Sundays
    known = {2000: "2000-04-23", 2008: "2008-03-23", 2011: "2011-04-24", 2019: "2019-04-21", 2038: "2038-04-25"}
    for y, d in known.items():
        assert dates._easter(y) == D(d)


def test_a_holiday_ahead_in_a_future_clause():
    # dated 2025-01-10: "Christmas" alone is the one just past, "will ... on Christmas Day" the next one
    assert resolve("on Christmas Day", D("2025-01-10")).start == D("2024-12-25")
    assert resolve("on Christmas Day", D("2025-01-10"), future=True).start == D("2025-12-25")


# ---------------------------------------------------------------- claims in articles


def claims_of(body: str, dateline: str | None = "March 14, 2025"):
    head = f"Headline\n\n{dateline}\n\n" if dateline else "Headline\n\n"
    a = parse_article("a", "a.txt", head + body + "\n")
    cs = dates.find_claims(a)
    for c in cs:
        assert a.text[c.start : c.end] == c.text
    return cs


def test_holiday_spans():
    cs = claims_of("The Orlin bakery closed on Christmas Eve and reopened after New Year's Day.", "January 9, 2025")
    assert [(c.text, c.role, c.value.timex) for c in cs] == [
        ("on Christmas Eve", "point", "2024-12-24"),
        ("after New Year's Day", "start", "2025-01-01"),
    ]
    cs = claims_of("Volunteers hid the eggs in Pellow Park on Easter Sunday.", "April 22, 2025")
    assert [(c.text, c.value.timex) for c in cs] == [("on Easter Sunday", "2025-04-20")]


def test_bare_holiday_needs_a_role_word():
    assert [c.text for c in claims_of("The Varne family flew home for Christmas.", "January 9, 2025")] == ["Christmas"]
    assert [c.text for c in claims_of("The Varne family returned over Thanksgiving.", "December 2, 2024")] == [
        "over Thanksgiving"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Christmas shopping rose 4% at the Varnley mall.",
        "The town lit a Christmas tree outside the Orlin library.",
        "Children painted Easter eggs at the Pellow school.",
        "The Thanksgiving dinner at the Brask hall was cancelled.",
        "Black Friday sales rose 12% at Varnley stores.",
        "The Varnley store opened early on black Friday night.",
        "Queues formed for Cyber Monday deals.",
        "Shops in Orlin stay closed on Good Friday each year.",
        "Traffic was heavy over the Labor Day weekend in Brask.",
        "She booked a trip to Easter Island.",
        "The Brask choir sings every Christmas.",
        "Dr Pell, a surgeon in his sixties, retired.",
        "The Varne sisters, both in their seventies, live in Orlin.",
        "Temperatures in Brask stayed in the sixties.",
        "The Orlin club sold nineteen ninety-six tickets.",
        "Scouts counted twenty twenty-two badges at the Orlin camp.",
        "The band were big in the twenties.",
        "The Brask pier dates from the turn of the century.",
    ],
)
def test_no_claim(body):
    # a recurring time ("each year") or a reference word ("now") may be read: neither is a date to check
    assert [c.text for c in claims_of(body) if dates.checkable(c)] == []


def test_centuries_years_and_decades_in_sentences():
    cs = claims_of("The Orlin mill was built in the early 20th century and closed in nineteen ninety-six.")
    assert [(c.text, c.value.timex) for c in cs] == [("in the early 20th century", "19"), ("in nineteen ninety-six", "1996")]
    cs = claims_of("Dr Pell, now in his sixties, opened the Brask clinic in the nineties.")
    assert [(c.text, c.value.timex) for c in cs] == [("in the nineties", "199"), ("now", "PRESENT_REF")]
    cs = claims_of("The Varne theatre has stood since the 'thirties.")
    assert [(c.text, c.value.start) for c in cs] == [("since the 'thirties", D("1930-01-01"))]


def test_a_year_in_words_needs_a_role_or_context():
    assert claims_of("Nineteen ninety-six was a good year for the Orlin club.") == []
    assert [c.text for c in claims_of("The Orlin club was founded in nineteen eighty-four.")] == ["in nineteen eighty-four"]
