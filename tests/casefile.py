"""Load rule case files (tests/cases/*.toml) and run one case through the pipeline.

A case gives one or two sentences with the expected claim span marked
``[[like this]]`` and the verdict: "agreement", "discrepancy", "unsupported"
(the marked claim in `a` is reported as one source's alone), "no-claim" (no
claim of the rule may overlap the marked text of `a`) or "no-claim-unsupported"
(the rule may read the text but must not report it as an addition: opinion,
the writer's voice, questions) or "no-discrepancy" (a near miss: no finding of
the rule may call the marked text of `a` a discrepancy). As in Vale's suite, a
case without `expect` or with a duplicate name is an error, not a pass.
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
