"""Every case of every rule's case file: sentences in, verdict on every marked span out."""

from __future__ import annotations

import pytest
from casefile import CASES_DIR, Case, check_case, load_cases

from rules import REGISTRY, get

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    check_case(case)


def test_every_rule_has_cases():
    """As in LanguageTool: a registered rule without a case of each verdict it gives, and a no-claim case, fails."""
    for code in REGISTRY:
        rule = get(code)
        need = ({"agreement", "discrepancy"} & set(rule.kinds)) | {"no-claim"}
        kinds = {c.expect for c in CASES if c.rule == code}
        assert need <= kinds, f"{code} lacks cases of {need - kinds}"
        assert sum(c.rule == code for c in CASES) >= 15, f"{code} has fewer than 15 cases"
    assert {p.stem for p in CASES_DIR.glob("*.toml")} == {get(c).NAME for c in REGISTRY}


def case(expect: str, a: str, b: str | None = None, rule: str = "FC101") -> Case:
    return Case("harness", rule, "probe", expect, a, b, "2025-03-14", "2025-03-14", None, "")


# The harness itself: a case whose verdict is wrong on any one of its marks must fail.


def test_harness_checks_every_marked_span_of_a_pair():
    ok = case("agreement", "The pier cost [[$2 million]].", "The pier cost [[$2 million]].")
    check_case(ok)
    second_wrong = case(
        "agreement",
        "The pier cost [[$2 million]] and the road [[$5 million]].",
        "The pier cost [[$2 million]] and the road [[$9 million]].",
    )
    with pytest.raises(AssertionError, match=r"'\$5 million' and '\$9 million'"):
        check_case(second_wrong)


def test_harness_wants_the_marks_of_a_pair_to_match():
    with pytest.raises(AssertionError, match="as many spans"):
        check_case(case("agreement", "The pier cost [[$2 million]].", "The pier cost $2 million."))


def test_harness_wants_the_marked_span_exactly():
    with pytest.raises(AssertionError):
        check_case(case("agreement", "The pier cost [[$2]] million.", "The pier cost [[$2 million]]."))


def test_harness_checks_every_mark_of_a_lone_claim():
    check_case(case("unsupported", "Repairs to the old pier cost [[$2 million]]."))
    with pytest.raises(AssertionError, match="'owners'"):
        check_case(case("unsupported", "Repairs to the old pier cost [[$2 million]], its [[owners]] said."))
    with pytest.raises(AssertionError, match=r"'\$2 million'"):
        check_case(case("no-claim", "The pier is [[40 years]] old and cost [[$2 million]]."))


def test_harness_reads_only_the_case_rule():
    """The verdict is about the case's rule: the money agreement actors builds on is no actors agreement."""
    a, b = (
        "Harlow Council will invest [[$4 million]] in the library.",
        "Harlow Council is putting [[$4 million]] into the library.",
    )
    check_case(case("agreement", a, b, rule="FC101"))
    with pytest.raises(AssertionError, match="expected one agreement"):
        check_case(case("agreement", a, b, rule="FC109"))
