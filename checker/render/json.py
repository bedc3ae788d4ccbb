"""The JSON report: ../shared/REPORT.md, exactly (schema factcheck.report/1)."""

from __future__ import annotations

import json
from typing import Any

import orjson

from checker import __version__
from checker.model import Article, Claim, Finding, Report

SCHEMA = "factcheck.report/1"


def value_json(value: Any) -> Any:
    if value is None:
        return None
    to_json = getattr(value, "to_json", None)
    return to_json() if to_json else value


def claim_json(c: Claim) -> dict[str, Any]:
    return {"article": c.article, "start": c.start, "end": c.end, "text": c.text, "value": value_json(c.value)}


def article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": a.path,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "byline": a.byline,
    }


def finding_json(f: Finding, rank: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": f.id,
        "rule": f.rule,
        "rule_name": f.rule_name,
        "kind": f.kind,
        "severity": f.severity,
        "topic": f.topic,
        "message": f.message,
        "claims": [claim_json(c) for c in f.claims],
    }
    # additions to the contract (REPORT.md: add fields, never change them)
    if f.agree:
        out["agree"] = list(f.agree)
    if f.differ:
        out["differ"] = list(f.differ)
    if f.why:
        out["why"] = f.why
    if rank is not None:
        out["rank"] = rank  # where the text report puts it in an editor's order (1: look at it first)
    return out


def ranks(report: Report) -> dict[str, int]:
    """finding id -> its place in an editor's order: discrepancies, then the claims only one source makes
    by what to source first (checker/render/text.py's ranking), then agreements."""
    from checker.render.text import rank

    kind_order = {"discrepancy": 0, "unsupported": 1, "agreement": 2}
    order = sorted(
        range(len(report.findings)),
        key=lambda i: (
            kind_order[report.findings[i].kind],
            rank(report.findings[i]) if report.findings[i].kind == "unsupported" else (),
            i,
        ),
    )
    return {report.findings[i].id: k + 1 for k, i in enumerate(order)}


def report_json(report: Report) -> dict[str, Any]:
    placed = ranks(report)
    return {
        "schema": SCHEMA,
        "tool": {"name": "factcheck", "version": __version__},
        "articles": [article_json(a) for a in report.articles],
        "findings": [finding_json(f, placed.get(f.id)) for f in report.findings],
        "counts": dict(report.counts),
        # an addition to the contract: groups of near-copy articles, counted as one source
        "reprints": [list(g) for g in report.reprints],
    }


def encode(doc: Any, newline: bool = False) -> bytes:
    """``json.dumps(doc, ensure_ascii=False, indent=2)`` in UTF-8, byte for byte, by orjson: the standard
    library encodes with indentation in pure Python, about 20x slower, and a report of many stories is
    mostly this. Bytes, written as they are: the report of a 1 MB article is 30 MB of JSON, and decoded to
    a str (two bytes a character once the text holds a curly quote), then encoded again to be written,
    it took three times that."""
    try:
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | (orjson.OPT_APPEND_NEWLINE if newline else 0))
    except TypeError:  # what orjson does not encode (an integer beyond 64 bits): the standard library's text
        return (json.dumps(doc, ensure_ascii=False, indent=2) + ("\n" if newline else "")).encode("utf-8")


def dumps(doc: Any) -> str:
    """``encode`` as a str."""
    return encode(doc).decode("utf-8")


def render_bytes(report: Report) -> bytes:
    """The report as the file or stream gets it (UTF-8, a final newline)."""
    return encode(report_json(report), newline=True)


def render(report: Report) -> str:
    return render_bytes(report).decode("utf-8")


STORIES_SCHEMA = "factcheck.stories/1"


def story_section(name: str, report: Report) -> bytes:
    """One story's report (factcheck.report/1 with its "story" name), as an element of the stories' list,
    already indented as one (UTF-8: see ``encode``)."""
    return b"    " + encode({"story": name, **report_json(report)}).replace(b"\n", b"\n    ")


def render_stories(rows, sections: list[bytes]) -> bytes:
    """Several stories: their reports in a list (each rendered by ``story_section``) and the counts summed
    over them (rows: checker.render.text.StoryRow)."""
    totals = {k: sum(r.counts.get(k, 0) for r in rows) for k in ("agreement", "discrepancy", "unsupported")}
    head = {"schema": STORIES_SCHEMA, "tool": {"name": "factcheck", "version": __version__}}
    lines = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    counts = json.dumps(totals, indent=2).replace("\n", "\n  ")
    return b"".join(
        [f'{lines},\n  "stories": [\n'.encode(), b",\n".join(sections), f'\n  ],\n  "counts": {counts}\n}}\n'.encode()]
    )
