"""FC103 dates: expressions resolved against their own datelines, claims found in sentences, values compared."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from checker.load import parse_article
from rules import dates
from rules.dates import DateValue, resolve

D = dt.date.fromisoformat

# (expression, publication date, start, end, timex, role); None for an open or unresolved bound
VALUES = [
    # ---- relative to the dateline
    ("last week", "2023-05-29", "2023-05-22", "2023-05-28", "2023-W21", "point"),
    # ---- a month of a relative year
    ("June last year", "2025-03-14", "2024-06-01", "2024-06-30", "2024-06", "point"),
    ("in March next year", "2025-03-14", "2026-03-01", "2026-03-31", "2026-03", "point"),
    # ---- seasons (northern hemisphere): the latest ended, the dateline's year's, the next to begin
    ("last summer", "2025-03-14", "2024-06-01", "2024-08-31", "2024-SU", "point"),
    ("this fall", "2025-03-14", "2025-09-01", "2025-11-30", "2025-FA", "point"),
    ("next spring", "2025-03-14", "2026-03-01", "2026-05-31", "2026-SP", "point"),
    ("last winter", "2025-07-10", "2024-12-01", "2025-02-28", "2024-WI", "point"),
    ("this winter", "2025-03-14", "2024-12-01", "2025-02-28", "2024-WI", "point"),
    # ---- decades (TIMEX3 "199": the 1990s), a part of one approximate
    ("in the 1990s", "2025-03-14", "1990-01-01", "1999-12-31", "199", "point"),
    ("the mid-1990s", "2025-03-14", "1993-01-01", "1996-12-31", "199", "point"),
    ("the late 1980s", "2025-03-14", "1986-01-01", "1989-12-31", "198", "point"),
    ("on Wednesday", "2025-06-13", "2025-06-11", "2025-06-11", "2025-06-11", "point"),
    ("earlier this week", "2025-06-12", "2025-06-09", "2025-06-11", "2025-W24", "point"),
    ("last month", "2025-06-12", "2025-05-01", "2025-05-31", "2025-05", "point"),
    ("late Tuesday", "2025-06-13", "2025-06-10", "2025-06-10", "2025-06-10TNI", "point"),
    ("on Monday", "2025-06-12", "2025-06-09", "2025-06-09", "2025-06-09", "point"),
    ("Sunday afternoon", "2025-08-05", "2025-08-03", "2025-08-03", "2025-08-03TAF", "point"),
    ("yesterday", "2025-10-23", "2025-10-22", "2025-10-22", "2025-10-22", "point"),
    ("next year", "2025-10-23", "2026-01-01", "2026-12-31", "2026", "point"),
    ("last Thursday", "2025-03-17", "2025-03-13", "2025-03-13", "2025-03-13", "point"),
    ("in February", "2025-03-14", "2025-02-01", "2025-02-28", "2025-02", "point"),
    ("from this year", "2023-05-29", "2023-01-01", "2023-12-31", "2023", "start"),
    ("Yesterday evening", "2025-08-05", "2025-08-04", "2025-08-04", "2025-08-04TEV", "point"),
    ("on Monday night", "2025-08-05", "2025-08-04", "2025-08-04", "2025-08-04TNI", "point"),
    ("late Monday", "2025-08-05", "2025-08-04", "2025-08-04", "2025-08-04TNI", "point"),
    ("last night", "2025-08-05", "2025-08-04", "2025-08-04", "2025-08-04TNI", "point"),
    ("today", "2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29", "point"),
    ("tomorrow afternoon", "2025-08-05", "2025-08-06", "2025-08-06", "2025-08-06TAF", "point"),
    ("on Friday", "2025-06-12", "2025-06-06", "2025-06-06", "2025-06-06", "point"),
    ("on Thursday", "2025-03-13", "2025-03-13", "2025-03-13", "2025-03-13", "point"),  # the dateline's own day
    ("by Wednesday", "2025-08-05", "2025-08-06", "2025-08-06", "2025-08-06", "deadline"),  # looks ahead
    ("through Thursday", "2025-08-05", "2025-08-07", "2025-08-07", "2025-08-07", "deadline"),
    ("next Tuesday", "2025-06-10", "2025-06-17", "2025-06-17", "2025-06-17", "point"),
    ("this week", "2025-06-12", "2025-06-09", "2025-06-15", "2025-W24", "point"),
    ("next week", "2025-12-29", "2026-01-05", "2026-01-11", "2026-W02", "point"),
    ("last week", "2026-01-02", "2025-12-22", "2025-12-28", "2025-W52", "point"),
    ("later this month", "2025-06-12", "2025-06-13", "2025-06-30", "2025-06", "point"),
    ("earlier this year", "2025-03-01", "2025-01-01", "2025-02-28", "2025", "point"),
    ("last year", "2025-01-15", "2024-01-01", "2024-12-31", "2024", "point"),
    ("a year earlier", "2025-10-23", "2024-01-01", "2024-12-31", "2024", "point"),
    ("two days ago", "2025-03-01", "2025-02-27", "2025-02-27", "2025-02-27", "point"),
    ("three weeks ago", "2025-10-23", "2025-09-29", "2025-10-05", "2025-W40", "point"),
    ("over the weekend", "2025-06-10", "2025-06-07", "2025-06-08", "2025-W23-WE", "point"),
    ("last quarter", "2025-05-02", "2025-01-01", "2025-03-31", "2025-Q1", "point"),
    ("third-quarter", "2025-10-23", "2025-07-01", "2025-09-30", "2025-Q3", "point"),
    ("the fourth quarter", "2025-02-10", "2024-10-01", "2024-12-31", "2024-Q4", "point"),  # the one just ended
    ("mid-April", "2025-03-20", "2025-04-11", "2025-04-20", "2025-04", "point"),
    ("early May", "2024-05-29", "2024-05-01", "2024-05-10", "2024-05", "point"),
    ("late June", "2024-07-02", "2024-06-21", "2024-06-30", "2024-06", "point"),
    ("June 1st", "2023-05-29", "2023-06-01", "2023-06-01", "2023-06-01", "point"),
    ("Dec. 30", "2025-01-03", "2024-12-30", "2024-12-30", "2024-12-30", "point"),  # the year that puts it nearest
    ("Sept. 27", "2025-10-23", "2025-09-27", "2025-09-27", "2025-09-27", "point"),
    ("since January", "2025-03-14", "2025-01-01", "2025-01-31", "2025-01", "start"),
    ("by the end of the year", "2025-08-05", "2025-12-01", "2025-12-31", "2025", "deadline"),
    ("from Monday to Wednesday", "2025-06-13", "2025-06-09", "2025-06-11", "2025-06-09/2025-06-11", "range"),
    ("the past five years", "2025-03-01", "2020-03-01", "2025-03-01", "P5Y", "range"),
    # ---- absolute
    ("May 29, 2023", None, "2023-05-29", "2023-05-29", "2023-05-29", "point"),
    ("23 May 2023", None, "2023-05-23", "2023-05-23", "2023-05-23", "point"),
    ("on 5th of August 2021", None, "2021-08-05", "2021-08-05", "2021-08-05", "point"),
    ("May 22-28", "2023-06-01", "2023-05-22", "2023-05-28", "2023-05-22/2023-05-28", "range"),
    ("February 2024", None, "2024-02-01", "2024-02-29", "2024-02", "point"),
    ("in 2021", None, "2021-01-01", "2021-12-31", "2021", "point"),
    ("since 2021", None, "2021-01-01", "2021-12-31", "2021", "start"),
    ("by 2025", "2023-05-29", "2025-01-01", "2025-12-31", "2025", "deadline"),
    ("by the end of 2025", None, "2025-12-01", "2025-12-31", "2025", "deadline"),
    ("mid-2024", None, "2024-05-01", "2024-08-31", "2024", "point"),
    ("the fourth quarter of 2024", None, "2024-10-01", "2024-12-31", "2024-Q4", "point"),
    ("Q3 2024", None, "2024-07-01", "2024-09-30", "2024-Q3", "point"),
    ("the first half of 2024", None, "2024-01-01", "2024-06-30", "2024", "point"),
    ("2023 to 2025", None, "2023-01-01", "2025-12-31", "2023/2025", "range"),
    ("between 2016 and 2022", None, "2016-01-01", "2022-12-31", "2016/2022", "range"),
    ("from 2016 to 2022", None, "2016-01-01", "2022-12-31", "2016/2022", "range"),
    ("2019-21", None, "2019-01-01", "2021-12-31", "2019/2021", "range"),
    ("Tuesday, Aug. 5, 2025", None, "2025-08-05", "2025-08-05", "2025-08-05", "point"),
    # ---- periods
    ("three years", None, None, None, "P3Y", "duration"),
    ("10 years", None, None, None, "P10Y", "duration"),
    ("ten years", None, None, None, "P10Y", "duration"),
    ("a 10-year sentence", None, None, None, "P10Y", "duration"),
    ("over a six-year period", None, None, None, "P6Y", "duration"),
    ("within three months", None, None, None, "P3M", "deadline"),
    ("six months", None, None, None, "P6M", "duration"),
    ("two and a half years", None, None, None, "P2.5Y", "duration"),
    ("twenty-five years", None, None, None, "P25Y", "duration"),
    ("a dozen years", None, None, None, "P12Y", "duration"),
    ("14 minutes", None, None, None, "PT14M", "duration"),
    ("a 24-hour strike", None, None, None, "PT24H", "duration"),
    ("a fortnight", None, None, None, None, None),  # "a" counts as one only after a preposition
    ("for a fortnight", None, None, None, "P14D", "duration"),
    # ---- no dateline: relative dates stay unresolved
    ("on Wednesday", None, None, None, "XXXX-WXX-3", "point"),
    ("June 1", None, None, None, "XXXX-06-01", "point"),
    ("in March", None, None, None, "XXXX-03", "point"),
]


def check_resolve(expr, published, start, end, timex, role) -> DateValue | None:
    """One row of a value table (this file's, the holidays' and the sets'): `expr` resolved against its own
    dateline has these bounds, TIMEX3 value and role, or (timex None) does not resolve. The value, for more."""
    v = resolve(expr, D(published) if published else None)
    if timex is None:
        assert v is None, f"{expr!r} should not resolve, got {v}"
        return None
    assert v is not None, f"{expr!r} did not resolve"
    assert (v.start, v.end) == ((D(start) if start else None), (D(end) if end else None))
    assert v.timex == timex
    assert v.role == role
    return v


@pytest.mark.parametrize(("expr", "published", "start", "end", "timex", "role"), VALUES, ids=[f"{v[0]}@{v[1]}" for v in VALUES])
def test_resolve(expr, published, start, end, timex, role):
    check_resolve(expr, published, start, end, timex, role)


def test_future_flag_moves_a_weekday_forward():
    fri = D("2025-06-13")
    assert resolve("on Wednesday", fri).start == D("2025-06-11")
    assert resolve("on Wednesday", fri, future=True).start == D("2025-06-18")
    assert resolve("in February", D("2025-03-14"), future=True).start == D("2026-02-01")


def test_durations_have_lengths_and_json():
    v = resolve("over a six-year period", None)
    assert v.duration_days == pytest.approx(6 * 365.25)
    assert v.precision == "duration"
    assert v.to_json() == {
        "start": None,
        "end": None,
        "timex": "P6Y",
        "precision": "duration",
        "role": "duration",
        "duration": "P6Y",
    }
    r = resolve("between 2016 and 2022", None)
    assert r.to_json()["duration"] == "P6Y"
    w = resolve("last week", D("2023-05-29"))
    assert w.to_json() == {"start": "2023-05-22", "end": "2023-05-28", "timex": "2023-W21", "precision": "week", "role": "point"}


def test_values_are_frozen():
    v = resolve("May 23", D("2023-05-29"))
    assert isinstance(v, DateValue)
    with pytest.raises(AttributeError):
        v.start = None  # type: ignore[misc]


# ---------------------------------------------------------------- claims in articles


def article(body: str, dateline: str | None = "May 29, 2023"):
    head = f"Headline\n\n{dateline}\n\n" if dateline else "Headline\n\n"
    return parse_article("a", "a.txt", head + body + "\n")


def claims_of(body: str, dateline: str | None = "May 29, 2023"):
    a = article(body, dateline)
    cs = dates.find_claims(a)
    for c in cs:
        assert a.text[c.start : c.end] == c.text
        assert c.rule == "FC103" and c.role == c.value.role
    return cs


def test_spans_match_text():
    cs = claims_of("The regulator approved the merger last week. The rules take effect on June 1st, officials said.")
    assert [c.text for c in cs] == ["last week", "on June 1st"]
    assert cs[0].value.timex == "2023-W21"
    assert cs[1].value.start == D("2023-06-01")


def test_spans_with_roles_and_ranges():
    cs = claims_of(
        "The district will invest in the sector from this year. The goal is a hub by 2025. "
        "The plan covers 2023 to 2025. He stole the money between 2016 and 2022."
    )
    assert [(c.text, c.role) for c in cs] == [
        ("from this year", "start"),
        ("by 2025", "deadline"),
        ("2023 to 2025", "range"),
        ("between 2016 and 2022", "range"),
    ]


def test_periods_and_heads():
    cs = claims_of(
        "The banker was imprisoned for 10 years on Thursday. He must repay the sum within three months.", "14 March 2025"
    )
    texts = {c.text: c for c in cs}
    assert set(texts) == {"10 years", "on Thursday", "within three months"}
    assert texts["10 years"].head == "sentence"
    assert texts["within three months"].head == "repay"
    assert texts["on Thursday"].head == "sentence"  # the event a date is for: the verb of its clause
    assert texts["on Thursday"].value.start == D("2025-03-13")
    c = claims_of("The court imposed a 10-year sentence.")[0]
    assert (c.text, c.value.timex) == ("10-year", "P10Y")


def test_may_the_verb_is_no_month():
    assert claims_of("Prices may rise further, analysts said. May rates rise again? Nobody knows.") == []
    assert [c.text for c in claims_of("Prices may rise in May, analysts said.")] == ["in May"]


@pytest.mark.parametrize(
    "body",
    [
        "Tom Baxter, 54, was arrested at his home.",
        "The victim, a 20-year-old student, was treated in hospital.",
        "He was 20 years old when he joined the firm.",
        "About 2,000 people attended the rally on Route 9.",
        "The B-52 crew made a 999 call at 09:40.",
        "The Sunday Times first reported the deal.",
        "Black Friday sales rose 12%.",
        "The charity helped families in 2000 homes.",
        "Sales rose for a third straight year.",
    ],
)
def test_no_claim(body):
    assert claims_of(body) == []


def test_weekday_future_rule():
    # dated Wednesday May 29, 2024
    cs = claims_of(
        "The board met on Thursday. The company will report results on Thursday. "
        "Crews hope to reopen the road by Friday. The airline said on Monday it will resume flights.",
        "Wednesday, May 29, 2024",
    )
    got = [(c.text, c.value.start) for c in cs]
    assert got == [
        ("on Thursday", D("2024-05-23")),
        ("on Thursday", D("2024-05-30")),
        ("by Friday", D("2024-05-31")),
        ("on Monday", D("2024-05-27")),
    ]


def test_past_cue_outweighs_a_forward_preposition():
    c = claims_of("Crews had cleared the blocked road by Tuesday morning.", "Tuesday, August 5, 2025")[0]
    assert c.text == "by Tuesday morning" and c.value.start == D("2025-08-05")


def test_no_dateline_leaves_relative_dates_unresolved():
    cs = claims_of("The segment aired on May 23. The rules start on Wednesday.", None)
    assert [(c.text, c.value.timex, c.value.start) for c in cs] == [
        ("on May 23", "XXXX-05-23", None),
        ("on Wednesday", "XXXX-WXX-3", None),
    ]


# ---------------------------------------------------------------- compare and describe


def claim(expr: str, published: str | None, role_text: str | None = None):
    text = role_text or expr
    cs = claims_of(f"It happened {text}, officials said.", published and f"{D(published):%B %-d, %Y}")
    assert len(cs) == 1, [c.text for c in cs]
    return dataclasses.replace(cs[0], article=f"a{next(_ARTICLE_IDS)}")  # each its own article (one article restates)


_ARTICLE_IDS = itertools.count()


@pytest.mark.parametrize(
    ("a", "pa", "b", "pb", "verdict"),
    [
        ("last week", "2023-05-29", "on May 23", "2023-05-30", "compatible"),
        ("last month", "2025-06-12", "on May 18", "2025-06-13", "compatible"),
        ("next year", "2025-10-23", "in 2026", "2025-10-23", "same"),
        ("on Wednesday", "2025-06-13", "earlier this week", "2025-06-12", "compatible"),
        ("late Tuesday", "2025-06-13", "on Monday", "2025-06-12", "differ"),
        ("on Thursday", "2025-03-14", "last Thursday", "2025-03-17", "same"),
        ("on Monday night", "2025-08-05", "late Monday", "2025-08-05", "same"),
        ("from this year", "2023-05-29", "by 2025", "2023-05-29", "differ"),
        ("by 2025", "2023-05-29", "by the end of 2025", "2023-05-29", "compatible"),
        ("between 2016 and 2022", "2025-03-14", "over a six-year period", "2025-03-14", "same"),
        ("for 10 years", "2025-03-14", "for ten years", "2025-03-14", "same"),
        ("within three months", "2025-03-14", "within six months", "2025-03-17", "differ"),
        ("in 2021", "2025-03-14", "in 2022", "2025-03-14", "differ"),
        ("June 1", "2023-05-29", "on June 1st", None, "same"),  # one article without a dateline
        ("on Wednesday", None, "Wednesday", None, "same"),
        ("on Wednesday", None, "on Thursday", None, "differ"),
    ],
)
def test_compare(a, pa, b, pb, verdict):
    ca, cb = claim(a, pa), claim(b, pb)
    assert dates.compare(ca, cb) == verdict
    assert dates.compare(cb, ca) == verdict


def test_comparable_keeps_periods_apart_from_days():
    assert not dates.comparable(claim("for 10 years", "2025-03-14"), claim("on Thursday", "2025-03-14"))
    assert dates.comparable(claim("between 2016 and 2022", "2025-03-14"), claim("over a six-year period", "2025-03-14"))


@pytest.mark.parametrize(
    ("expr", "published", "text"),
    [
        ("last week", "2023-05-29", "May 22–28, 2023"),
        ("on June 1st", "2023-05-29", "June 1, 2023"),
        ("from this year", "2023-05-29", "from 2023"),
        ("by 2025", "2023-05-29", "by 2025"),
        ("over a six-year period", "2025-03-14", "6 years"),
        ("within three months", "2025-03-14", "within 3 months"),
        ("in the fourth quarter of 2024", "2025-03-14", "Q4 2024"),
        ("mid-April", "2025-04-20", "mid-April 2025"),
        ("on May 23", None, "May 23 (year not given)"),
    ],
)
def test_describe(expr, published, text):
    assert dates.describe(claim(expr, published)) == text


# ---------------------------------------------------------------- precision, days with no dateline


@pytest.mark.parametrize(
    ("a", "pa", "b", "pb", "verdict"),
    [
        ("in March 2019", "2025-03-14", "on March 14, 2019", "2025-03-14", "compatible"),  # a month holds its days
        ("in 2019", "2025-03-14", "in March 2019", "2025-03-14", "compatible"),  # a year its months
        ("in 2019", "2025-03-14", "until March 2019", "2025-03-14", "compatible"),  # and the month a deadline names
        ("in 2019", "2025-03-14", "from March 2019", "2025-03-14", "compatible"),
        ("in 2020", "2025-03-14", "until March 2019", "2025-03-14", "differ"),  # a later year is past the deadline
        ("in March 2019", "2025-03-14", "on April 2, 2019", "2025-03-14", "differ"),
        ("last night", None, "Thursday night", None, "compatible"),  # neither dated: may be one night
        ("last May", None, "on May 29", None, "compatible"),  # a month without its year holds its days
        ("last May", None, "on June 3", None, "differ"),
        ("on November 19", None, "on November 18", None, "differ"),  # two days of one unnamed year
        ("last night", None, "Friday night", "2025-06-14", "compatible"),
        ("two weeks ago", "2025-06-25", "about three weeks ago", "2025-06-24", "differ"),
    ],
)
def test_compare_across_precisions(a, pa, b, pb, verdict):
    ca, cb = claim(a, pa), claim(b, pb)
    assert dates.compare(ca, cb) == verdict
    assert dates.compare(cb, ca) == verdict


def test_comparable_days_with_no_dateline():
    undated_night = claim("last night", None)
    # a calendar day without its year against another: one year, two days, so a discrepancy can be said
    assert dates.comparable(claim("on November 19", None), claim("on November 18", None))
    # two weekdays of unknown weeks, or a weekday and "yesterday": nothing to hold them apart
    assert not dates.comparable(claim("on Saturday", None), claim("on Sunday", None))
    assert dates.comparable(undated_night, claim("Thursday night", None))
    # "last night" with no dateline beside a dated day may be that day; beside a dated month it says nothing
    assert dates.comparable(undated_night, claim("Friday night", "2025-06-14"))
    assert not dates.comparable(undated_night, claim("last month", "2025-06-14"))
    # an undated weekday says nothing of a week
    assert not dates.comparable(claim("Friday afternoon", None), claim("three weeks ago", "2025-06-24"))
    assert dates.comparable(claim("Friday afternoon", None), claim("on Friday", "2025-06-25"))


def test_undated_weekday_beside_the_same_weekday_is_likely_one_day():
    undated = claim("Friday afternoon", None)
    assert dates.affinity(undated, claim("on Friday", "2025-06-25")) == 1.0
    # a dated day named by its date is not the same sign: many days are Fridays
    assert dates.affinity(undated, claim("on June 24, 2005", "2025-06-25")) == 0.0


def test_a_date_that_opens_its_sentence_takes_the_next_clauses_event():
    cs = claims_of("Last June, the council appointed an inspector. Then, on May 4, the ferry sank.")
    assert [(c.text, c.head) for c in cs] == [("Last June", "appoint"), ("on May 4", "sink")]
    # a date that ends a clause keeps its own clause's event, not the reporting verb after it
    cs = claims_of("The mayor died at his home in Ashby, Thursday, the local paper reported.")
    assert [c.head for c in cs] == [None]


def test_weekday_with_a_part_of_day_after_a_capitalised_word():
    cs = claims_of("A woman was killed in Ashby Friday night, police said.")
    assert [c.text for c in cs] == ["Friday night"]
    assert claims_of("She writes for the Ashby Sunday Times.") == []


def test_a_period_of_service_is_qualified_by_what_was_served():
    cs = claims_of(
        "Dalton was a 15-year veteran of the county's fire brigade. "
        "He had worked for the Marlow Council for 15 years. "
        "She had been a member of its harbour unit for the past five years. "
        "He served 12 years."
    )
    assert [(c.text, c.head) for c in cs] == [
        ("15-year", "brigade service"),
        ("15 years", "council service"),
        ("for the past five years", "unit service"),
        ("12 years", "service"),
    ]
    brigade, council, unit, bare = cs
    assert dates.comparable(brigade, unit)  # one family of heads
    assert dates.affinity(brigade, unit) == -1.0  # two bodies, two lengths: two periods
    assert dates.affinity(brigade, council) == 0.5  # one length: likely the one service
    assert dates.affinity(bare, brigade) == 0.0  # a differing length never pushes towards a discrepancy
    assert dates.affinity(bare, claims_of("He served 14 years.")[0]) == 0.0
    assert dates.affinity(bare, claims_of("He served 12 years.")[0]) == 1.0


def test_one_article_restates_a_date_less_precisely():
    """ "the March 2005 rampage" and "escaped on March 11, 2005" in one report: one date, stated twice."""
    coarse, fine = claims_of("The Dunmore rampage of March 2005 shocked the city. Ferrant escaped on March 11, 2005.")
    assert (coarse.text, fine.text) == ("March 2005", "on March 11, 2005")
    assert dates.compare(coarse, fine) == "same" and dates.affinity(coarse, fine) > 0
    other = dataclasses.replace(fine, article="b")  # across articles the month only holds the day
    assert dates.compare(coarse, other) == "compatible"
    later = claims_of("The Dunmore rampage of March 2005 shocked the city. Ferrant escaped on April 2, 2005.")
    assert dates.compare(*later) == "differ"  # near miss: a day outside the month is no restatement
    year = claims_of("He was hired in 2005. He was hired again on March 11, 2006.")
    assert dates.compare(*year) == "differ"


def test_a_day_is_keyed_by_the_day_it_names():
    """The context term that lets two sentences naming one day meet: the day, its part, or its calendar day."""
    undated = [claim(e, None) for e in ("Thursday night", "last night", "on May 29", "May 29th", "in May", "for two weeks")]
    keys = [dates._day_key(c.value, c.text) for c in undated]
    assert keys == ["night", "night", "may 29", "may 29", None, None]
    dated = [claim(e, "2025-03-14") for e in ("on Thursday", "on March 13", "Thursday afternoon", "by Thursday")]
    keys = [dates._day_key(c.value, c.text) for c in dated]
    assert keys[0] == keys[1] == "march 13, 2025" and keys[2] != keys[0] and keys[3] is None


def test_reference_words_are_claims_never_aligned_nor_reported():
    from checker.pipeline import check_articles

    a = article("The mill is now closed and will soon be sold, its owner said.")
    b = dataclasses.replace(article("The mill is now closed and will soon be sold, its owner said."), id="b")
    refs = [(c.text, c.value.timex) for c in dates.find_claims(a)]
    assert refs == [("now", "PRESENT_REF"), ("soon", "FUTURE_REF")]
    assert not [f for f in check_articles([a, b]).findings if f.rule == "FC103"]


def test_a_wire_leads_date_is_listed_never_compared():
    a = parse_article("a", "a.txt", "Storm\n\nPORTVILLE, August 7 (Agency) -- Two people died on Monday.\n")
    lead, monday = dates.find_claims(a)
    assert (lead.text, lead.value.timex, dates.checkable(lead)) == ("August 7", "XXXX-08-07", False)
    assert (monday.text, dates.checkable(monday)) == ("on Monday", True)
