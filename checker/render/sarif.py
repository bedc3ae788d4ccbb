"""SARIF 2.1.0 (``--format sarif``), as code-scanning interfaces read it: one run of the factcheck tool, its
rules (code, name, the reference's title line) and a result per discrepancy and per claim only one source
makes, located at each odd claim's lines and columns (every claim when there is no odd one), with the
baseline key as a partial fingerprint so that a finding keeps its identity across commits.

Agreements are not results. Columns count Unicode code points (``columnKind``), as the offsets do.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from checker import __version__
from checker.baseline import entry
from checker.model import Report
from checker.render.matrix import line_col

LEVEL = {"discrepancy": "error", "unsupported": "warning"}


def _uri(path: str) -> str:
    """The article's path from the current folder (the repository's root in CI), as a relative URI."""
    return Path(os.path.relpath(Path(path).resolve())).as_posix()


def _what_it_finds(doc: str) -> str:
    """The reference's "What it finds" paragraph, as one line."""
    first = doc.partition("\n")[2].strip().split("\n\n")[0]
    head, _, body = first.partition("\n")
    return " ".join((body if head.strip().lower() == "what it finds" else first).split())


def _rules() -> list[dict]:
    out = []
    for r in _rule_list():
        title = r.doc.partition("\n")[0].strip()
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": title},
                "fullDescription": {"text": _what_it_finds(r.doc)},
                "help": {"text": f"factcheck rule {r.code}"},
                "defaultConfiguration": {"level": "error"},
            }
        )
    return out


def results(name: str, report: Report) -> list[dict]:
    """The SARIF results of one story: computed as its report arrives, so a shelf's articles are never all held."""
    index = {r.code: i for i, r in enumerate(_rule_list())}
    articles = {a.id: a for a in report.articles}
    out = []
    for f in report.findings:
        if f.kind not in LEVEL:
            continue
        claims = [c for c in f.claims if c.article in f.differ] or list(f.claims)
        locations = []
        for c in claims:
            a = articles[c.article]
            line, col = line_col(a.text, c.start)
            end_line, end_col = line_col(a.text, c.end)
            region = {
                "startLine": line,
                "startColumn": col,
                "endLine": end_line,
                "endColumn": end_col,
                "charOffset": c.start,
                "charLength": c.end - c.start,
                "snippet": {"text": c.text},
            }
            locations.append({"physicalLocation": {"artifactLocation": {"uri": _uri(a.path)}, "region": region}})
        out.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "kind": "fail",
                "level": LEVEL[f.kind],
                "message": {"text": f.message},
                "locations": locations,
                "partialFingerprints": {"factcheckFinding/v1": entry(name, f)["key"]},
                "properties": {"story": name, "findingKind": f.kind, "topic": f.topic},
            }
        )
    return out


def _rule_list() -> list:
    from rules import rules

    return list(rules().values())


def render(parts: list[list[dict]]) -> str:
    """The SARIF log: one run, the rule table, the stories' results in order."""
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": _rules()}},
                "columnKind": "unicodeCodePoints",
                "results": [r for part in parts for r in part],
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
