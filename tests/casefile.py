"""Load rule case files (tests/cases/*.toml) and run one case through the pipeline.

A case gives one or two sentences with the expected claim spans marked
``[[like this]]`` and the verdict, which holds for EVERY marked span:

- "agreement" / "discrepancy": `a` and `b` mark as many spans each; the i-th
  span of `a` and the i-th of `b` are the claims of exactly one finding of
  the rule and that kind (LanguageTool: one match at the marker), and no
  finding of the rule gives either the opposite verdict; `value`, when
  given, is checked on each marked claim of `a`;
- "unsupported": each marked span (of `a`, and of `b` if it marks any) is the
  claim of exactly one finding of the rule reporting it as one source's alone;
- "no-claim": no claim of the rule may overlap a marked span;
- "no-claim-unsupported": the rule may read the text but must not report it
  as an addition (opinion, the writer's voice, questions);
- "no-discrepancy": a near miss: no finding of the rule may call a marked
  span a discrepancy.

Verdicts are read off the findings of the case's rule only (``f.rule``): the
pipeline may run the rules it builds on (actors needs money) and report them
too. As in Vale's suite, a case without `expect` or with a duplicate name is
an error, not a pass.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from checker.load import parse_article
from checker.model import Article, Report

CASES_DIR = Path(__file__).parent / "cases"
EXPECTS = {"agreement", "discrepancy", "unsupported", "no-claim", "no-claim-unsupported", "no-discrepancy"}
MARK = re.compile(r"\[\[(.+?)\]\]", re.S)
DEFAULT_PUBLISHED = "2025-03-14"


@dataclass
class Case:
    file: str
    rule: str
    name: str
    expect: str
    a: str
    b: str | None
    a_published: str
    b_published: str
    value: dict | None
    about: str

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


def load_cases() -> list[Case]:
    out: list[Case] = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        rule = doc["rule"]
        names: set[str] = set()
        for raw in doc.get("case", []):
            name = raw.get("name")
            if not name or name in names:
                raise ValueError(f"{path.name}: case without a name or duplicate name {name!r}")
            names.add(name)
            if raw.get("expect") not in EXPECTS:
                raise ValueError(f"{path.name}::{name}: expect must be one of {sorted(EXPECTS)}")
            if raw["expect"] in ("agreement", "discrepancy") and not raw.get("b"):
                raise ValueError(f"{path.name}::{name}: a pair verdict needs `b`")
            out.append(
                Case(
                    path.name,
                    rule,
                    name,
                    raw["expect"],
                    raw["a"],
                    raw.get("b"),
                    raw.get("a_published", raw.get("published", DEFAULT_PUBLISHED)),
                    raw.get("b_published", raw.get("published", DEFAULT_PUBLISHED)),
                    raw.get("value"),
                    raw.get("about", ""),
                )
            )
    return out


def make_article(aid: str, marked: str, published: str) -> tuple[Article, list[tuple[int, int]]]:
    """An article whose body is `marked` without its markers, and the marked spans' offsets."""
    header = f"Test story {aid}\n\n{dt.date.fromisoformat(published):%B %-d, %Y}\n\n"
    body, spans, pos, last = [], [], len(header), 0
    for m in MARK.finditer(marked):
        chunk = marked[last : m.start()]
        body.append(chunk)
        pos += len(chunk)
        spans.append((pos, pos + len(m.group(1))))
        body.append(m.group(1))
        pos += len(m.group(1))
        last = m.end()
    body.append(marked[last:])
    text = header + "".join(body) + "\n"
    return parse_article(aid, f"{aid}.txt", text), spans


def run_case(case: Case) -> tuple[list[Article], list[list[tuple[int, int]]], Report]:
    from checker.pipeline import check_articles, select_rules

    a, sa = make_article("a", case.a, case.a_published)
    arts, spans = [a], [sa]
    if case.b:
        b, sb = make_article("b", case.b, case.b_published)
        arts.append(b)
        spans.append(sb)
    else:  # a lone article still needs a second, silent one to be compared with
        b, _ = make_article("b", "Nothing further was reported.", case.a_published)
        arts.append(b)
        spans.append([])
    return arts, spans, check_articles(arts, select_rules([case.rule]))


def check_case(case: Case) -> None:
    """Run a case and assert its verdict on every marked span (AssertionError says what differs)."""
    from rules import get

    arts, spans, report = run_case(case)
    assert spans[0], "a case must mark the expected claim in `a` with [[...]]"
    marked = [(art, span) for art, ss in zip(arts, spans) for span in ss]
    findings = [f for f in report.findings if f.rule == case.rule]
    got = [(f.kind, [(c.article, c.text) for c in f.claims]) for f in findings]

    def text(art: Article, span: tuple[int, int]) -> str:
        return art.text[span[0] : span[1]]

    def covers(f, art: Article, span: tuple[int, int]) -> bool:
        return any(c.article == art.id and (c.start, c.end) == span for c in f.claims)

    def overlaps(f, art: Article, span: tuple[int, int]) -> bool:
        return any(c.article == art.id and c.start < span[1] and span[0] < c.end for c in f.claims)

    if case.expect == "no-claim":
        rule = get(case.rule)
        for art, span in marked:
            hits = [c.text for c in rule.find_claims(art) if c.start < span[1] and span[0] < c.end]
            assert not hits, f"expected no {case.rule} claim on {text(art, span)!r}, got {hits}"
        return
    if case.expect in ("no-discrepancy", "no-claim-unsupported"):
        kind = "discrepancy" if case.expect == "no-discrepancy" else "unsupported"
        for art, span in marked:
            wrong = [f.message for f in findings if f.kind == kind and overlaps(f, art, span)]
            assert not wrong, f"expected no {case.rule} {kind} finding on {text(art, span)!r}, got {wrong}"
        return
    if case.expect == "unsupported":
        for art, span in marked:
            ok = [f for f in findings if f.kind == "unsupported" and covers(f, art, span)]
            assert len(ok) == 1, f"expected one unsupported finding on {text(art, span)!r}, got {len(ok)}: {got}"
        return
    a, b = arts
    assert len(spans[0]) == len(spans[1]), "a pair verdict marks as many spans in `b` as in `a`, in the same order"
    opposite = "discrepancy" if case.expect == "agreement" else "agreement"
    for sa, sb in zip(spans[0], spans[1]):
        pair = f"{text(a, sa)!r} and {text(b, sb)!r}"
        on_a = [f for f in findings if f.kind == case.expect and covers(f, a, sa)]
        on_b = [f for f in findings if f.kind == case.expect and covers(f, b, sb)]
        assert len(on_a) == 1 and on_b == on_a, f"expected one {case.expect} between {pair}; got {got}"
        wrong = [f.message for f in findings if f.kind == opposite and (covers(f, a, sa) or covers(f, b, sb))]
        assert not wrong, f"{pair} also give a {opposite}: {wrong}"
        if case.value is not None:
            claim = next(c for c in on_a[0].claims if c.article == a.id and (c.start, c.end) == sa)
            value = claim.value.to_json()
            for k, v in case.value.items():
                assert value.get(k) == v, f"value[{k!r}] of {text(a, sa)!r} = {value.get(k)!r}, expected {v!r}"
