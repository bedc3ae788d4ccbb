"""Near-copies of one wire story count as one source."""

from __future__ import annotations

from checker.load import parse_article
from checker.pipeline import check_articles
from checker.reprints import clusters

WIRE = """Harbour crane collapses

June 3, 2025

A crane collapsed at the Portvale container terminal on Monday, injuring three dock workers, the port authority said.
The terminal was closed for the rest of the day while inspectors examined the site.
Dock operator Meridale Freight said the crane had passed a safety inspection in March.
The Portvale Port Authority said repairs would cost about $2 million.
"""
REPRINT = WIRE.replace("Harbour crane collapses", "Crane collapse injures three at Portvale").replace(
    "the port authority said.", "the port authority said on Monday."
)
RIVAL = """Three hurt as crane falls at Portvale

June 3, 2025

Three dock workers were injured on Monday when a crane fell at the Portvale container terminal.
The terminal reopened the next morning.
"""


def _articles():
    return [
        parse_article("wire", "wire.txt", WIRE),
        parse_article("reprint", "reprint.txt", REPRINT),
        parse_article("rival", "rival.txt", RIVAL),
    ]


def test_near_copies_cluster_and_rivals_do_not():
    assert clusters(_articles()) == [("wire", "reprint")]


def test_fact_only_copies_share_is_one_source():
    report = check_articles(_articles())
    assert report.reprints == (("wire", "reprint"),)
    cost = [f for f in report.findings if any(c.text == "about $2 million" for c in f.claims)]
    assert cost and all(f.kind == "unsupported" for f in cost), [(f.kind, f.message) for f in cost]
    assert "count as one source" in cost[0].message


def test_fact_a_rival_confirms_stays_an_agreement():
    report = check_articles(_articles())
    injured = [f for f in report.findings if f.rule == "FC102" and f.kind == "agreement"]
    assert injured and {c.article for c in injured[0].claims} >= {"wire", "rival"}


def test_distinct_articles_are_not_copies():
    arts = _articles()
    assert clusters([arts[0], arts[2]]) == []
