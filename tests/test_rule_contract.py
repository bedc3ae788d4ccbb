"""The rule contract (checker/rule.py): modules checked as they load, the run order derived from evidence."""

from __future__ import annotations

import types

import pytest

from checker.evidence import LINKS, Evidence, UndeclaredEvidence, groups_of
from checker.pipeline import check_paths, select_rules
from checker.rule import RuleError, load, run_order
from rules import REGISTRY, rules

DOC = """FC901 sample: a rule written for this test.

Example
    A: "x"
"""


def module(**names) -> types.ModuleType:
    m = types.ModuleType("rules.sample", DOC)
    m.CODE, m.NAME = "FC901", "sample"
    for k, v in names.items():
        setattr(m, k, v)
    return m


def claims(article):
    return []


def same(a, b):
    return "same"


def test_every_registered_rule_meets_the_contract():
    loaded = rules()
    assert list(loaded) == list(REGISTRY)
    for code, rule in loaded.items():
        assert rule.code == code and rule.name == REGISTRY[code]
        assert rule.aligns_own_facts or rule.compare is not None


def test_a_claim_rule_needs_find_claims_and_compare():
    with pytest.raises(RuleError, match=r"FC901.*compare"):
        load(module(find_claims=claims))
    with pytest.raises(RuleError, match=r"FC901.*find_claims"):
        load(module(compare=same))
    rule = load(module(find_claims=claims, compare=same))
    assert rule.report_alone and rule.provides == (groups_of("sample"),) and not rule.needs


def test_a_misspelt_hook_is_named():
    with pytest.raises(RuleError, match=r"'check_stroy'.*did you mean 'check_story'"):
        load(module(find_claims=claims, compare=same, check_stroy=lambda s, c, e: []))
    with pytest.raises(RuleError, match=r"'REPORT_ALLONE'.*'REPORT_ALONE'"):
        load(module(find_claims=claims, compare=same, REPORT_ALLONE=False))


def test_wrong_arity_types_and_evidence_are_errors():
    with pytest.raises(RuleError, match=r"compare takes 2"):
        load(module(find_claims=claims, compare=lambda a: "same"))
    with pytest.raises(RuleError, match=r"REPORT_ALONE must be bool"):
        load(module(find_claims=claims, compare=same, REPORT_ALONE="no"))
    with pytest.raises(RuleError, match=r"unknown evidence"):
        load(module(find_claims=claims, compare=same, NEEDS=("sentences",)))
    with pytest.raises(RuleError, match=r"story rule"):
        load(module(find_claims=claims, compare=same, check_story=lambda s, c, e: []))


def test_run_order_brings_providers_and_puts_them_first():
    known = list(rules().values())
    order = [r.name for r in run_order(select_rules(["dates"]), known)]
    assert order[-1] == "dates" and {"money", "counts", "quotes", "paraphrase"} <= set(order)
    order = [r.name for r in run_order(select_rules(["statements"]), known)]
    assert order[-1] == "statements" and order.index("dates") < order.index("statements")
    assert [r.name for r in run_order(select_rules(["actors"]), known)] == ["money", "actors"]
    assert [r.name for r in run_order(select_rules(["money"]), known)] == ["money"]


def test_two_rules_waiting_on_each_other_are_an_error():
    a = load(module(find_claims=claims, compare=same, NEEDS=(LINKS,), PROVIDES=(LINKS,)))
    b = module(find_claims=claims, compare=same, NEEDS=(LINKS,), PROVIDES=(LINKS,))
    b.CODE, b.NAME = "FC902", "other"
    b = load(b)
    with pytest.raises(RuleError, match=r"cycle"):
        run_order([a], [a, b])
    with pytest.raises(RuleError, match=r"no rule provides"):
        run_order([load(module(find_claims=claims, compare=same, NEEDS=(groups_of("nothing"),)))], [])


def test_evidence_answers_only_what_a_rule_declares():
    money, actors = rules()["FC101"], rules()["FC109"]
    ev = Evidence()
    ev.record(money, [], [])
    assert ev.for_rule(actors).groups("money") == ()
    with pytest.raises(UndeclaredEvidence, match=r"FC109.*links"):
        ev.for_rule(actors).has_link("a", None)
    with pytest.raises(UndeclaredEvidence):
        ev.for_rule(actors).record(money, [])


def test_one_rule_alone_gives_the_findings_it_gives_in_the_full_run(tmp_path):
    """`--rules dates` runs what dates need: its findings are the full run's, but for those a lone statement
    holds or another rule's claim contains."""
    full = check_paths(["seeds"])
    alone = check_paths(["seeds"], ["dates"])
    assert {f.rule for f in alone.findings} == {"FC103"}
    full_ids = {f.id for f in full.findings if f.rule == "FC103"}
    alone_ids = {f.id for f in alone.findings}
    assert full_ids <= alone_ids
    folded = {(c.article, c.start) for f in full.findings if f.rule == "FC108" for c in f.claims[1:]}
    # a lone date inside another rule's claim (a document's title "(2023 to 2025)") is that claim's part
    nested = [(c.article, c.start, c.end) for f in full.findings if f.rule not in ("FC103", "FC108") for c in f.claims]
    for f in alone.findings:
        if f.id not in full_ids:
            c = f.claims[0]
            inside = any(a == c.article and s <= c.start and c.end <= e for a, s, e in nested)
            assert f.kind == "unsupported" and ((c.article, c.start) in folded or inside)
