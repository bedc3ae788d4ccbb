"""check_articles: load, extract, align, compare, sort. The five calls, in order."""
from __future__ import annotations

from types import ModuleType

from checker import compare
from checker.align import Idf, align
from checker.load import load_articles
from checker.model import Article, Claim, Finding, Report, Span
from checker.text import content_terms

KINDS = ("agreement", "discrepancy", "unsupported")


def select_rules(codes: list[str] | None = None) -> list[ModuleType]:
    from rules import REGISTRY, get, rules

    if not codes:
        return list(rules().values())
    unknown = [c for c in codes if c not in REGISTRY and c not in REGISTRY.values()]
    if unknown:
        raise ValueError(f"unknown rule {', '.join(unknown)} (known: {', '.join(f'{c} {n}' for c, n in REGISTRY.items())})")
    return [get(c) for c, n in REGISTRY.items() if c in codes or n in codes]


def extract(articles: list[Article], rules: list[ModuleType]) -> dict[str, list[Claim]]:
    return {r.CODE: [c for a in articles for c in r.find_claims(a)] for r in rules}


def story_idf(articles: list[Article]) -> Idf:
    return Idf(
        frozenset(t for t, _, _ in content_terms(a.text, s.start, s.end)) for a in articles for s in a.sentences
    )


def check_articles(articles: list[Article], rules: list[ModuleType] | None = None) -> Report:
    rules = rules if rules is not None else select_rules()
    claims = extract(articles, rules)
    idf = story_idf(articles)
    linked: set[tuple[str, Span, str, Span]] = set()
    findings: list[Finding] = []
    ids = [a.id for a in articles]
    for rule in rules:  # registry order: sums and counts first, so their agreements link sentences for dates
        check_alone = getattr(rule, "check_alone", None)
        pool: list[Claim] = []
        for c in claims[rule.CODE]:
            res = check_alone(c) if check_alone else None
            if res:
                kind, message = res
                findings.append(_alone_finding(rule, c, kind, message))
            else:
                pool.append(c)
        groups, alone = align(pool, rule, idf, linked)
        for g in groups:
            f = compare.compare_group(g, rule)
            findings.append(f)
            if f.kind == "agreement":
                for a in g.claims:
                    for b in g.claims:
                        if a is not b:
                            linked.add((a.article, a.sentence, b.article, b.sentence))
        if getattr(rule, "REPORT_ALONE", True):
            seen: set[tuple[str, str, object]] = set()
            for c in alone:
                key = (c.article, c.text, c.sentence)
                if key in seen:
                    continue
                seen.add(key)
                findings.append(compare.unsupported(c, rule, [i for i in ids if i != c.article]))
    return make_report(articles, findings)


def _alone_finding(rule: ModuleType, c: Claim, kind: str, message: str) -> Finding:
    return Finding(
        id=compare.finding_id(rule.CODE, kind, (c,)),
        rule=rule.CODE,
        rule_name=rule.NAME,
        kind=kind,  # type: ignore[arg-type]
        severity=compare.SEVERITY[kind],  # type: ignore[arg-type]
        topic=compare.topic_of((c,), rule),
        message=message,
        claims=(c,),
        agree=(c.article,),
    )


def make_report(articles: list[Article], findings: list[Finding]) -> Report:
    order = {a.id: i for i, a in enumerate(articles)}
    findings = sorted(
        findings,
        key=lambda f: (f.topic, f.rule, order.get(f.claims[0].article, 0), f.claims[0].start, f.id),
    )
    # ids must be unique: a repeated span text in one article gets a suffix, in report order
    seen: dict[str, int] = {}
    unique = []
    for f in findings:
        n = seen.get(f.id, 0)
        seen[f.id] = n + 1
        if n:
            from dataclasses import replace

            f = replace(f, id=f"{f.id}-{n + 1}")
        unique.append(f)
    counts = {k: sum(1 for f in unique if f.kind == k) for k in KINDS}
    return Report(tuple(articles), tuple(unique), counts)


def check_paths(paths: list[str], rule_codes: list[str] | None = None) -> Report:
    return check_articles(load_articles(paths), select_rules(rule_codes))
