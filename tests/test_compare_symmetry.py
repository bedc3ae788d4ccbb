"""compare(a, b) == compare(b, a) for every rule, over real extracted claims.

Which article comes first is an accident of file names; a verdict that
depends on it makes one story's report change when a folder is renamed.
The property is checked exhaustively over every pair of same-rule claims
extracted from the case files (both sides of every case), the seeds and the
shared case folders, so it needs no generator library and fails with the two
texts that disagree. The other pair hooks alignment reads (`comparable`,
`affinity`) are held to the same property.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from casefile import load_cases, make_article

from checker.load import load_articles
from rules import REGISTRY, get, money

ROOT = Path(__file__).resolve().parents[1]
SHARED_CASES = ROOT.parent / "shared" / "cases"
PAIR_HOOKS = ("compare", "comparable", "affinity")


def _articles():
    out = []
    for i, case in enumerate(load_cases()):
        out.append(make_article(f"case{i}a", case.a, case.a_published)[0])
        if case.b:
            out.append(make_article(f"case{i}b", case.b, case.b_published)[0])
    out += load_articles([str(ROOT / "seeds")])
    for folder in sorted(p for p in SHARED_CASES.glob("*") if p.is_dir()):
        out += load_articles([str(folder)])
    return out


ARTICLES = _articles()


CLAIM_RULES = [c for c in REGISTRY if not get(c).aligns_own_facts]  # story rules compare inside check_story


@pytest.mark.parametrize("code", CLAIM_RULES, ids=[get(c).name for c in CLAIM_RULES])
def test_compare_is_symmetric(code):
    rule = get(code)
    claims = [c for a in ARTICLES for c in rule.find_claims(a)]
    assert len(claims) >= 10, f"{code}: too few claims to test ({len(claims)})"
    wrong = []
    for name in PAIR_HOOKS:
        hook = getattr(rule, name)
        for a, b in itertools.combinations(claims, 2):
            ab, ba = hook(a, b), hook(b, a)
            if ab != ba:
                wrong.append(f"{name}: {a.text!r} ({a.article}) vs {b.text!r} ({b.article}): {ab} one way, {ba} the other")
    assert not wrong, f"{code}: {len(wrong)} asymmetric pairs, e.g.\n" + "\n".join(wrong[:5])


def _sum(text: str, published: str = "2025-03-14"):
    art, _ = make_article("x", text, published)
    (claim,) = money.find_claims(art)
    return claim


def _euros(usd_millions: float, year: int) -> str:
    """The euro figure for a dollar sum at the year's average rate in rules/vocab/money.toml."""
    return f"€{usd_millions * money.rate('EUR', year):.1f} million"


@pytest.mark.parametrize(
    "usd_a,usd_b,verdict",
    [(100, 108, "differ"), (100, 103, "compatible"), (100, 97, "compatible"), (100, 93, "differ")],
)
def test_sum_against_a_converted_sum_reads_alike_both_ways(usd_a, usd_b, verdict):
    """$100m against the euro equivalent of $108m is 8% off, beyond the 5% a conversion may be off."""
    a = _sum(f"The port will cost ${usd_a} million.")
    b = _sum(f"The port will cost {_euros(usd_b, 2025)}.")
    assert (money.compare(a, b), money.compare(b, a)) == (verdict, verdict)


def test_sums_of_articles_dated_in_different_years_read_alike_both_ways():
    """The euro lost a fifth against the dollar between these years: the verdict must not depend on which
    article, and so which year's rate, comes first."""
    for published_a, published_b in (("2014-06-01", "2022-06-01"), ("2022-06-01", "2014-06-01")):
        year_b = int(published_b[:4])
        a = _sum("The port will cost $100 million.", published_a)
        b = _sum(f"The port will cost {_euros(100, year_b)}.", published_b)
        assert money.compare(a, b) == money.compare(b, a) == "compatible"
