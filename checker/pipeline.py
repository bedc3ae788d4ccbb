"""check_articles: load, extract, align, compare, sort. The five calls, in order."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from types import ModuleType

from checker import caches, compare, reprints
from checker.align import Idf, align
from checker.load import load_articles
from checker.model import Article, Claim, Finding, Report
from checker.story import Story
from checker.text import content_terms

KINDS = ("agreement", "discrepancy", "unsupported")


def select_rules(codes: list[str] | None = None) -> list[ModuleType]:
    from rules import REGISTRY, get, rules

    if not codes:
        return list(rules().values())
    unknown = [c for c in codes if c not in REGISTRY and c not in REGISTRY.values()]
    if unknown:
        raise ValueError(f"unknown rule {', '.join(unknown)} (known: {', '.join(f'{c} {n}' for c, n in REGISTRY.items())})")
    wanted = {c for c, n in REGISTRY.items() if c in codes or n in codes}
    for c in list(wanted):  # a rule that builds on another's alignment brings it along (actors need money)
        wanted |= set(getattr(get(c), "NEEDS", ()))
    return [get(c) for c in REGISTRY if c in wanted]


def extract(articles: list[Article], rules: list[ModuleType]) -> dict[str, list[Claim]]:
    return {r.CODE: [c for a in articles for c in r.find_claims(a)] for r in rules}


def story_idf(articles: list[Article]) -> Idf:
    return Idf(frozenset(t for t, _, _ in content_terms(a.text, s.start, s.end)) for a in articles for s in a.sentences)


def with_year_hints(articles: list[Article]) -> list[Article]:
    """An article without a dateline borrows the story's most common year, for exchange rates only."""
    years = Counter(a.published.year for a in articles if a.published)
    if not years:
        return list(articles)
    year = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return [a if a.published else replace(a, year_hint=year) for a in articles]


def check_articles(articles: list[Article], rules: list[ModuleType] | None = None) -> Report:
    rules = rules if rules is not None else select_rules()
    articles = with_year_hints(articles)
    claims = extract(articles, rules)
    idf = story_idf(articles)
    story = Story(list(articles), idf)
    linked = story.linked
    findings: list[Finding] = []
    ids = [a.id for a in articles]
    for rule in rules:  # registry order: sums and counts first, so their agreements link sentences for dates
        if hasattr(rule, "check_story"):  # a rule that aligns its own facts (quotes, names, statements)
            made = rule.check_story(story, claims[rule.CODE])
            findings.extend(made)
            if getattr(rule, "LINKS_SENTENCES", False):  # a shared quote ties its sentences; a shared name does not
                _link(story, made)
            continue
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
        story.groups[rule.CODE] = groups
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
    copies = reprints.clusters(articles)
    report = make_report(articles, reprints.apply(fold_unsupported(drop_restated(findings)), copies), copies)
    caches.clear()  # story-scoped caches: see checker/caches.py
    return report


RESTATING = {"quotes", "paraphrase"}  # rules whose discrepancy is about what a whole clause says


def drop_restated(findings: list[Finding]) -> list[Finding]:
    """A lone statement that holds a claim another rule already flagged as a discrepancy is that finding's
    business: "B paraphrases X as saying more" is not also "only B reports this"."""
    flagged = [
        (c.article, c.start, c.end) for f in findings if f.kind == "discrepancy" and f.rule_name in RESTATING for c in f.claims
    ]
    out = []
    for f in findings:
        if f.kind == "unsupported" and f.rule_name == "statements":
            host = f.claims[0]
            if any(a == host.article and host.start <= s and e <= host.end for a, s, e in flagged):
                continue
        out.append(f)
    return out


def fold_unsupported(findings: list[Finding]) -> list[Finding]:
    """One finding per fact: lone figures inside a lone statement become part of that statement's finding.

    "Only B says X happened on May 3 at a cost of $7m" is one addition for an
    editor to source, not three; the figures' own spans stay in the finding's
    claims so a reader can see them.
    """
    statements = [f for f in findings if f.kind == "unsupported" and f.rule_name == "statements"]
    if not statements:
        return findings
    by_article: dict[str, list[Finding]] = {}
    for f in statements:
        by_article.setdefault(f.claims[0].article, []).append(f)
    absorbed: dict[str, list[Finding]] = {}
    out = []
    for f in findings:
        if f.kind == "unsupported" and f.rule_name != "statements" and len(f.claims) == 1:
            c = f.claims[0]
            host = next(
                (s for s in by_article.get(c.article, []) if s.claims[0].start <= c.start and c.end <= s.claims[0].end), None
            )
            if host is not None:
                absorbed.setdefault(host.id, []).append(f)
                continue
        out.append(f)
    result = []
    for f in out:
        extra = absorbed.get(f.id)
        if extra:
            claims = f.claims + tuple(e.claims[0] for e in sorted(extra, key=lambda e: e.claims[0].start))
            figures = ", ".join(f"{e.rule_name} {e.claims[0].text!r}" for e in extra)
            f = replace(f, claims=claims, message=f"{f.message} Its figures too: {figures}.")
        result.append(f)
    return result


def _link(story: Story, made: list[Finding]) -> None:
    """Findings of rules that align whole utterances (a quote and its twin or paraphrase) link their
    sentences, whatever the verdict: the sentences speak of one subject."""
    for f in made:
        if f.kind == "unsupported":
            continue
        for a in f.claims:
            for b in f.claims:
                if a.article != b.article:
                    story.linked.add((a.article, a.sentence, b.article, b.sentence))


def _alone_finding(rule: ModuleType, c: Claim, kind: str, message: str) -> Finding:
    return compare.make_finding(rule, kind, (c,), message, compare.topic_of((c,), rule), agree=(c.article,))


def make_report(articles: list[Article], findings: list[Finding], copies: list[tuple[str, ...]] = ()) -> Report:
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
            f = replace(f, id=f"{f.id}-{n + 1}")
        unique.append(f)
    counts = {k: sum(1 for f in unique if f.kind == k) for k in KINDS}
    return Report(tuple(articles), tuple(unique), counts, tuple(copies))


def check_paths(paths: list[str], rule_codes: list[str] | None = None) -> Report:
    return check_articles(load_articles(paths), select_rules(rule_codes))
