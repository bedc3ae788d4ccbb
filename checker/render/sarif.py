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
    from rules import rules

    out = []
    for r in rules().values():
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


def render_stories(reports: list[tuple[str, Report]]) -> str:
    driver_rules = _rules()
    index = {r["id"]: i for i, r in enumerate(driver_rules)}
    results = []
    for name, report in reports:
        articles = {a.id: a for a in report.articles}
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
            results.append(
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
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": driver_rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
