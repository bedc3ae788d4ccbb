"""check_articles: one story through the rules, in the order their evidence requires.

For each rule of the run order (``checker.rule.run_order``): extract its
claims from every article, then either align them (claim rules:
``check_claims``, through checker/align.py and checker/compare.py) or hand them
to the rule's ``check_story``; record what the findings show as evidence for
the rules after it. Then one finding per fact (lone figures fold into a lone
clause, a clause a restating rule flagged is not reported twice), near-copies
counted once (checker/reprints.py), and a sorted report of the asked rules.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from checker import caches, compare, reprints
from checker.align import Idf, align, same_fact
from checker.evidence import LINKS, Evidence
from checker.load import load_articles
from checker.model import Article, Claim, Finding, Report
from checker.rule import Rule, RuleError, run_order
from checker.story import Story
from checker.text import content_terms

KINDS = ("agreement", "discrepancy", "unsupported")


def select_rules(codes: list[str] | None = None) -> list[Rule]:
    """The rules asked for by code or name (all when none), in registry order; ValueError for an unknown one.

    Only the asked rules are reported; ``check_articles`` runs the rules they
    need along with them (``checker.rule.run_order``).
    """
    from rules import REGISTRY, rules

    every = list(rules().values())
    if not codes:
        return every
    unknown = [c for c in codes if c not in REGISTRY and c not in REGISTRY.values()]
    if unknown:
        raise ValueError(f"unknown rule {', '.join(unknown)} (known: {', '.join(f'{c} {n}' for c, n in REGISTRY.items())})")
    return [r for r in every if r.code in codes or r.name in codes]


def story_idf(articles: list[Article]) -> Idf:
    return Idf(frozenset(t for t, _, _ in content_terms(a.text, s.start, s.end)) for a in articles for s in a.sentences)


def with_year_hints(articles: list[Article]) -> list[Article]:
    """An article without a dateline borrows the story's most common year, for exchange rates only."""
    years = Counter(a.published.year for a in articles if a.published)
    if not years:
        return list(articles)
    year = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return [a if a.published else replace(a, year_hint=year) for a in articles]


def check_articles(articles: list[Article], rules: list[Rule] | None = None) -> Report:
    """The report on one story: the asked rules' findings (every rule's when none are asked)."""
    from rules import rules as registered

    asked = rules if rules is not None else select_rules()
    plan = run_order(asked, list(registered().values()))
    articles = with_year_hints(articles)
    caches.clear()  # a story starts from empty caches, whatever was read before it in the process
    try:
        story = Story(list(articles), story_idf(articles))
        evidence = Evidence()
        findings: list[Finding] = []
        for rule in plan:
            claims = [c for a in articles for c in rule.find_claims(a)]
            view = evidence.for_rule(rule)
            if rule.aligns_own_facts:
                made, groups = list(rule.check_story(story, claims, view)), []
            else:
                made, groups = check_claims(rule, claims, story, view)
            _check_kinds(rule, made)
            evidence.record(rule, made, groups)
            findings.extend(made)
        by_code = {r.code: r for r in plan}
        findings = fold_unsupported(drop_nested(drop_restated(findings, by_code), by_code), by_code)
        copies = reprints.clusters(articles)
        findings = reprints.apply(findings, copies, lambda f: by_code[f.rule].report_alone)
        wanted = {r.code for r in asked}
        return make_report(articles, [f for f in findings if f.rule in wanted], copies)
    finally:
        caches.clear()  # story-scoped caches: see checker/caches.py


def check_claims(rule: Rule, claims: list[Claim], story: Story, evidence: Evidence) -> tuple[list[Finding], list[Finding]]:
    """A claim rule's findings: (every finding, the findings of its aligned groups).

    Claims checkable on their own are reported as such; the rest are aligned
    across articles, each group compared, and each claim left alone reported
    as one source's when the rule reports those.
    """
    findings: list[Finding] = []
    pool: list[Claim] = []
    for c in claims:
        res = rule.check_alone(c)
        if res:
            kind, message = res
            findings.append(compare.make_finding(rule, kind, (c,), message, compare.topic_of((c,), rule), agree=(c.article,)))
        else:
            pool.append(c)
    linked = evidence.links() if LINKS in rule.needs else frozenset()
    groups, alone = align(pool, rule, story.idf, linked)
    made = [compare.compare_group(g, rule) for g in groups]
    findings.extend(made)
    if rule.report_alone:
        # one finding per fact: an article that states its lone fact twice is reported once, with both mentions
        # (the first kept fact of its article with the same words in the same sentence, or the same fact:
        # looked up by words and by head, since same_fact needs one head, not by a scan of all kept)
        kept: list[list[Claim]] = []
        by_words: dict[tuple, int] = {}
        by_head: dict[tuple, list[int]] = defaultdict(list)
        for c in alone:
            if not rule.checkable(c):
                continue  # no fact to source on its own ("now", "daily", "for months")
            same = by_words.get((c.article, c.text, c.sentence))
            for k in by_head.get((c.article, c.head), ()):
                if same is not None and k > same:
                    break
                if same_fact(kept[k][0], c, rule):
                    same = k
                    break
            if same is not None:
                kept[same].append(c)
            else:
                by_words.setdefault((c.article, c.text, c.sentence), len(kept))
                by_head[(c.article, c.head)].append(len(kept))
                kept.append([c])
        findings.extend(compare.unsupported(k[0], rule, story.ids, k[1:]) for k in kept)
    return findings, made


def _check_kinds(rule: Rule, findings: list[Finding]) -> None:
    """The contract: a rule gives only the kinds it declares, and one source's claim only if it reports those."""
    for f in findings:
        if f.kind not in rule.kinds or (f.kind == "unsupported" and not rule.report_alone):
            raise RuleError(f"rule {rule.code} ({rule.name}) gave a {f.kind} finding its KINDS/REPORT_ALONE do not allow")


def drop_restated(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """A lone clause that a restating rule already flagged as a discrepancy is that finding's business:
    "B paraphrases X as saying more" is not also "only B reports this"."""
    flagged = [
        (c.article, c.start, c.end) for f in findings if f.kind == "discrepancy" and rules[f.rule].restates for c in f.claims
    ]
    out = []
    for f in findings:
        if f.kind == "unsupported" and rules[f.rule].clause_additions:
            host = f.claims[0]
            if any(a == host.article and host.start <= s and e <= host.end for a, s, e in flagged):
                continue
        out.append(f)
    return out


def drop_nested(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """A lone claim inside another rule's claim is part of that fact: "7 minutes" of "with 7 minutes 41
    seconds to go" is the times rule's game clock, not a duration only one article gives.

    Clause rules (CLAUSE_ADDITIONS) claim whole clauses; figures inside those are folded, not dropped
    (``fold_unsupported``).
    """
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for f in findings:
        if rules[f.rule].clause_additions:
            continue
        for c in f.claims:
            spans.setdefault(c.article, []).append((c.start, c.end, f.rule))
    out = []
    for f in findings:
        if f.kind == "unsupported" and len(f.claims) == 1 and not rules[f.rule].clause_additions:
            c = f.claims[0]
            if any(
                rule != f.rule and s <= c.start and c.end <= e and (e - s) > (c.end - c.start)
                for s, e, rule in spans.get(c.article, ())
            ):
                continue
        out.append(f)
    return out


def fold_unsupported(findings: list[Finding], rules: dict[str, Rule]) -> list[Finding]:
    """One finding per fact: lone figures inside a lone clause become part of that clause's finding.

    "Only B says X happened on May 3 at a cost of $7m" is one addition for an
    editor to source, not three; the figures' own spans stay in the finding's
    claims so a reader can see them.
    """
    clauses = [f for f in findings if f.kind == "unsupported" and rules[f.rule].clause_additions]
    if not clauses:
        return findings
    by_article: dict[str, list[Finding]] = {}
    for f in clauses:
        by_article.setdefault(f.claims[0].article, []).append(f)
    absorbed: dict[str, list[Finding]] = {}
    out = []
    for f in findings:
        if f.kind == "unsupported" and not rules[f.rule].clause_additions and len(f.claims) == 1:
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
