"""Issue 10's acceptance: `factcheck claims FILE --format json` on an article of our own that holds every
form of the issue lists each with its TIMEX3 type, value, mod and extent (tests/data/timeml_article.txt,
published Friday 2025-10-17). Run through the installed command line, as a temporal tool's user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLE = Path(__file__).parent / "data" / "timeml_article.txt"

# (the TIMEX3 extent's words, type, value, mod, freq), in the order of the text
EXPECTED = [
    ("October 17", "DATE", "2025-10-17", "", ""),
    ("today", "DATE", "2025-10-17", "", ""),
    ("Saturday", "DATE", "2025-10-11", "", ""),
    ("Friday", "DATE", "2025-10-17", "", ""),
    ("Wednesday", "DATE", "2025-10-15", "", ""),
    ("Thursday", "DATE", "2025-10-16", "", ""),
    ("2010", "DATE", "2010", "", ""),
    ("2007", "DATE", "2007", "", ""),
    ("June", "DATE", "2025-06", "", ""),
    ("October", "DATE", "2025-10", "", ""),
    ("1988", "DATE", "1988", "", ""),
    ("1990", "DATE", "1990", "", ""),
    ("1994", "DATE", "1994", "", ""),
    ("1990", "DATE", "1990", "", ""),
    ("1991", "DATE", "1991", "", ""),
    ("July", "DATE", "2025-07", "", ""),
    ("Dec. 15", "DATE", "2025-12-15", "", ""),
    ("June", "DATE", "2025-06", "", ""),
    ("May", "DATE", "2026-05", "", ""),
    ("September", "DATE", "2026-09", "", ""),
    ("June last year", "DATE", "2024-06", "", ""),
    ("the year-ago quarter", "DATE", "2024-Q3", "", ""),
    ("the 1988 second quarter", "DATE", "1988-Q2", "", ""),
    ("next year's first quarter", "DATE", "2026-Q1", "", ""),
    ("fiscal 1988", "DATE", "FY1988", "", ""),
    ("later this year", "DATE", "2025", "", ""),
    ("5 1/2 hours", "DURATION", "PT5.5H", "", ""),
    ("2 1/2 years", "DURATION", "P2.5Y", "", ""),
    ("9 a.m. EST", "TIME", "2025-10-14T09:00", "", ""),
    ("Tuesday", "DATE", "2025-10-14", "", ""),
    ("noon", "TIME", "2025-10-23T12:00", "", ""),
    ("Thursday", "DATE", "2025-10-23", "", ""),
    ("10:35 a.m.", "TIME", "XXXX-XX-XXT10:35", "", ""),
    ("15:00 GMT", "TIME", "2025-10-11T15:00", "", ""),
    ("Saturday", "DATE", "2025-10-11", "", ""),
    ("1353 local", "TIME", "XXXX-XX-XXT13:53", "APPROX", ""),
    ("midnight", "TIME", "XXXX-XX-XXT00:00", "BEFORE", ""),
    ("Monday night", "TIME", "2025-10-13TNI", "", ""),
    ("early Sunday", "TIME", "2025-10-12TMO", "", ""),
    ("3:33 a.m.", "TIME", "XXXX-XX-XXT03:33", "", ""),
    ("3:30 a.m.", "TIME", "XXXX-XX-XXT03:30", "AFTER", ""),
    ("2045 GMT", "TIME", "XXXX-XX-XXT20:45", "", ""),
    ("20:49 GMT", "TIME", "XXXX-XX-XXT20:49", "", ""),
    ("last summer", "DATE", "2025-SU", "", ""),
    ("this fall", "DATE", "2025-FA", "", ""),
    ("the 1990s", "DATE", "199", "", ""),
    ("the mid-1990s", "DATE", "199", "MID", ""),
    ("now", "DATE", "PRESENT_REF", "", ""),
    ("Currently", "DATE", "PRESENT_REF", "", ""),
    ("recently", "DATE", "PAST_REF", "", ""),
    ("soon", "DATE", "FUTURE_REF", "", ""),
    ("Feb. 3, 2019", "DATE", "2019-02-03", "", ""),
    ("the day before", "DATE", "2019-02-02", "", ""),
    ("the following year", "DATE", "2020", "", ""),
    ("later that year", "DATE", "2020", "", ""),
    ("May 4, 2012", "DATE", "2012-05-04", "", ""),
    ("Later that month", "DATE", "2012-05", "", ""),
    ("That year", "DATE", "2012", "", ""),
    ("Monday, Oct. 13", "DATE", "2025-10-13", "", ""),
    ("Oct. 2", "DATE", "2025-10-02", "", ""),
    ("Sunday", "DATE", "2025-10-05", "", ""),  # "Call me Sunday" in a letter dated Oct. 2
    ("Thanksgiving Day", "DATE", "2024-11-28", "", ""),
    ("Election Day", "DATE", "2025-11-04", "", ""),
    ("Easter week", "DATE", "2025-W16", "", ""),
    ("the 20th century", "DATE", "19", "", ""),
    ("nineteen ninety-six", "DATE", "1996", "", ""),
    ("the nineties", "DATE", "199", "", ""),
    ("an hour", "DURATION", "PT1H", "", ""),
    ("a month", "DURATION", "P1M", "", ""),
    ("a minute and a half", "DURATION", "PT1.5M", "", ""),
    ("20 more years", "DURATION", "P20Y", "", ""),
    ("the past several months", "DURATION", "PXM", "", ""),
    ("a few days", "DURATION", "PXD", "", ""),
    ("recent weeks", "DURATION", "PXW", "", ""),
    ("every week", "SET", "P1W", "", ""),
    ("each July", "SET", "XXXX-07", "", ""),
    ("daily", "SET", "P1D", "", ""),
    ("annually", "SET", "P1Y", "", ""),
    ("twice a week", "SET", "P1W", "", "2X"),
]


def test_every_form_has_its_timex3_type_value_and_extent():
    proc = subprocess.run(
        [sys.executable, "-m", "checker.cli", "claims", str(ARTICLE), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    text = ARTICLE.read_text(encoding="utf-8")
    claims = json.loads(proc.stdout)["articles"][0]["claims"]
    got = []
    for c in claims:
        assert text[c["start"] : c["end"]] == c["text"]
        t = c.get("timex")
        if t:
            assert c["start"] <= t["start"] < t["end"] <= c["end"], "the extent lies inside the claim's span"
            got.append((text[t["start"] : t["end"]], t["type"], t["value"], t.get("mod", ""), t.get("freq", "")))
    assert got == EXPECTED
