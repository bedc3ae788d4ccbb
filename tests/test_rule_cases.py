"""Every case of every rule's case file: sentences in, verdict and spans out."""

from __future__ import annotations

import pytest
from casefile import load_cases, run_case

from checker.pipeline import select_rules
from rules import REGISTRY, get

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    arts, spans, report = run_case(case)
    a, a_spans = arts[0], spans[0]
    assert a_spans, "a case must mark the expected claim in `a` with [[...]]"
    mark = a_spans[0]
    if case.expect == "no-claim":
        rule = select_rules([case.rule])[0]
        hits = [c for c in rule.find_claims(a) if c.start < mark[1] and mark[0] < c.end]
        assert not hits, f"expected no {case.rule} claim on {a.text[mark[0] : mark[1]]!r}, got {[c.text for c in hits]}"
        return

    def covers(f, art_id, span):
        return any(c.article == art_id and (c.start, c.end) == span for c in f.claims)

    if case.expect == "no-discrepancy":
        wrong = [
            f
            for f in report.findings
            if f.kind == "discrepancy"
            and f.rule == case.rule
            and any(c.article == "a" and c.start < mark[1] and mark[0] < c.end for c in f.claims)
        ]
        assert not wrong, (
            f"expected no {case.rule} discrepancy on {a.text[mark[0] : mark[1]]!r}, got {[f.message for f in wrong]}"
        )
        return

    if case.expect == "no-claim-unsupported":
        wrong = [
            f
            for f in report.findings
            if f.kind == "unsupported" and any(c.article == "a" and c.start < mark[1] and mark[0] < c.end for c in f.claims)
        ]
        assert not wrong, f"expected no unsupported finding on {a.text[mark[0] : mark[1]]!r}, got {[f.message for f in wrong]}"
        return

    if case.expect == "unsupported":
        ok = [f for f in report.findings if f.kind == "unsupported" and covers(f, "a", mark)]
        got = [(f.kind, [c.text for c in f.claims]) for f in report.findings]
        assert ok, f"expected an unsupported finding on {a.text[mark[0] : mark[1]]!r}; got {got}"
        return
    b_mark = spans[1][0]
    ok = [f for f in report.findings if f.kind == case.expect and covers(f, "a", mark) and covers(f, "b", b_mark)]
    got = [(f.kind, [c.text for c in f.claims]) for f in report.findings]
    assert ok, (
        f"expected {case.expect} between {a.text[mark[0] : mark[1]]!r} and {arts[1].text[b_mark[0] : b_mark[1]]!r}; got {got}"
    )
    wrong = "discrepancy" if case.expect == "agreement" else "agreement"
    assert not [f for f in report.findings if f.kind == wrong and covers(f, "a", mark)]
    if case.value is not None:
        claim = next(c for c in ok[0].claims if c.article == "a")
        value = claim.value.to_json()
        for k, v in case.value.items():
            assert value.get(k) == v, f"value[{k!r}] = {value.get(k)!r}, expected {v!r}"


def test_every_rule_has_cases():
    """As in LanguageTool: a registered rule without a case of each verdict it gives, and a no-claim case, fails."""
    for code in REGISTRY:
        rule = get(code)
        need = ({"agreement", "discrepancy"} & set(rule.kinds)) | {"no-claim"}
        kinds = {c.expect for c in CASES if c.rule == code}
        assert need <= kinds, f"{code} lacks cases of {need - kinds}"
        assert sum(c.rule == code for c in CASES) >= 15, f"{code} has fewer than 15 cases"
