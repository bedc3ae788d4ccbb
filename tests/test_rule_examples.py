"""Every rule's docstring Example does what it says, through the real pipeline.

A rule's docstring is its user reference (`factcheck rules`, docs/rules.md),
and its Example section is written so that this test can run it:

    Example
        A: The fire forced about 2,500 residents to flee.
        B (published 2025-03-18): Some 2,500 people were evacuated.
        -> agreement

- ``A:`` and ``B:`` give each article's text verbatim (no outer quote marks;
  quote marks are part of the text); a line indented further continues it.
  ``(published YYYY-MM-DD ...)`` sets the dateline (default 2025-03-14).
- ``->`` gives the verdict before an optional ``: explanation``: one or more
  kinds (agreement, discrepancy, unsupported), each about the rule itself or
  about the rule whose code follows it in brackets ("agreement on the sum
  (FC101), discrepancy on the actor (FC109)").
- Several A/B/-> groups may follow one another.

The articles are built as the case files build them (tests/casefile.py) and
checked with every rule, as `factcheck a.txt b.txt` would: for each stated
verdict exactly one finding of that rule and kind holds claims of both
articles (of A for "unsupported"), and no finding of that rule calls the two
articles' claims the opposite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from casefile import DEFAULT_PUBLISHED, make_article

from checker.pipeline import check_articles
from rules import REGISTRY, get

KINDS = ("agreement", "discrepancy", "unsupported")
OPPOSITE = {"agreement": "discrepancy", "discrepancy": "agreement"}
_ARTICLE = re.compile(r"^(?P<who>[AB])(?:\s*\((?P<note>[^)]*)\))?:\s*(?P<text>.*)$")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VERDICT = re.compile(r"\b(agreement|discrepancy|unsupported)\b(?:[^,;(]*\((FC\d{3})\))?")


@dataclass
class Example:
    rule: str
    texts: dict[str, str] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)
    expect: list[tuple[str, str]] = field(default_factory=list)  # (kind, rule code)


def example_section(doc: str) -> list[str]:
    """The lines under a line reading "Example" (or "Examples"), to the first blank line."""
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.strip() in ("Example", "Examples"):
            out = []
            for rest in lines[i + 1 :]:
                if not rest.strip():
                    break
                out.append(rest)
            return out
    return []


def parse_examples(code: str, doc: str) -> list[Example]:
    lines = example_section(doc)
    if not lines:
        raise ValueError(f"{code}: the docstring has no Example section")
    out: list[Example] = []
    current: Example | None = None
    last: str | None = None  # "A", "B" or "->": what an indented line continues
    indent = None
    for raw in lines:
        line = raw.strip()
        depth = len(raw) - len(raw.lstrip())
        m = _ARTICLE.match(line)
        if m and (indent is None or depth <= indent):
            who = m.group("who")
            if who == "A":
                current = Example(code)
                out.append(current)
            if current is None or who in current.texts:
                raise ValueError(f"{code}: Example line {line!r} is out of order (A, B, then ->)")
            current.texts[who] = m.group("text")
            note = m.group("note") or ""
            date = _DATE.search(note)
            current.published[who] = date.group() if date else DEFAULT_PUBLISHED
            last, indent = who, depth
        elif line.startswith("->") and current is not None:
            head = line[2:].split(":", 1)[0]
            found = [(kind, rule or code) for kind, rule in _VERDICT.findall(head)]
            if not found:
                raise ValueError(f"{code}: no verdict in {line!r}")
            current.expect.extend(found)
            last = "->"
        elif last in ("A", "B") and current is not None and indent is not None and depth > indent:
            current.texts[last] += " " + line
        elif last == "->":
            continue  # the explanation runs on
        else:
            raise ValueError(f"{code}: cannot read Example line {line!r}")
    for ex in out:
        if set(ex.texts) != {"A", "B"} or not ex.expect:
            raise ValueError(f"{code}: an Example needs A:, B: and a -> verdict, got {ex}")
    return out


def rule_doc(code: str) -> str:
    """The rule's docstring, as the contract keeps it."""
    return get(code).doc


EXAMPLES = [(code, ex) for code in REGISTRY for ex in parse_examples(code, rule_doc(code))]


@pytest.mark.parametrize("code,example", EXAMPLES, ids=[f"{get(c).NAME}-{i}" for i, (c, _) in enumerate(EXAMPLES)])
def test_example_gives_its_verdict(code, example):
    a, _ = make_article("a", example.texts["A"], example.published["A"])
    b, _ = make_article("b", example.texts["B"], example.published["B"])
    report = check_articles([a, b])
    got = [(f.rule, f.kind, [(c.article, c.text) for c in f.claims]) for f in report.findings]

    def arts(f):
        return {c.article for c in f.claims}

    for kind, rule in example.expect:
        wanted = {"a"} if kind == "unsupported" else {"a", "b"}
        hits = [f for f in report.findings if f.rule == rule and f.kind == kind and wanted <= arts(f)]
        assert len(hits) == 1, f"{code} Example: expected one {rule} {kind} over {sorted(wanted)}; got {got}"
        if kind in OPPOSITE:
            contra = [f for f in report.findings if f.rule == rule and f.kind == OPPOSITE[kind] and {"a", "b"} <= arts(f)]
            assert not contra, f"{code} Example: {rule} also gives {OPPOSITE[kind]}: {[f.message for f in contra]}"


def test_every_rule_has_a_runnable_example():
    """A rule without an Example, or with one this test cannot read, fails (as in LanguageTool)."""
    assert {code for code, _ in EXAMPLES} == set(REGISTRY)


def test_example_parser_reads_the_documented_format():
    doc = """X.

    Example
        A (published 2025-03-17, a Monday): "We may," Jo Roe said,
           "open it."
        B: Roe said it would open.
        -> discrepancy on the words, agreement on the name (FC106): the rest
           runs on
    """
    (ex,) = parse_examples("FC105", doc)
    assert ex.texts == {"A": '"We may," Jo Roe said, "open it."', "B": "Roe said it would open."}
    assert ex.published == {"A": "2025-03-17", "B": DEFAULT_PUBLISHED}
    assert ex.expect == [("discrepancy", "FC105"), ("agreement", "FC106")]
    with pytest.raises(ValueError):
        parse_examples("FC105", "X.\n\nExample\n    A: only one side\n    -> agreement\n")
    with pytest.raises(ValueError):
        parse_examples("FC105", "X.\n\nNo example here.\n")
