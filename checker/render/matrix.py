"""The claim-by-article matrix shared by the text and Markdown reports.

A row per aligned fact (agreements and discrepancies), a column per article,
each cell the words that article uses ("—" where it is silent), the odd one
out marked, so an editor sees at a glance who says what.
"""

from __future__ import annotations

from checker.model import Article, Claim, Report

SILENT = "—"
ODD = "≠ "
CELL = 40


def _cell(texts: list[str]) -> str:
    t = " / ".join(" ".join(x.split()) for x in texts)
    return t if len(t) <= CELL else t[: CELL - 1] + "…"


def rows(report: Report) -> list[tuple[str, str, list[str]]]:
    """(kind, label, cells) for each aligned fact, discrepancies first."""
    out = []
    for kind in ("discrepancy", "agreement"):
        for f in report.findings:
            if f.kind != kind or len({c.article for c in f.claims}) < 2:
                continue
            cells = []
            for a in report.articles:
                texts = [c.text for c in f.claims if c.article == a.id]
                cell = _cell(texts) if texts else SILENT
                if texts and a.id in f.differ:
                    cell = ODD + cell
                cells.append(cell)
            out.append((kind, f"{f.rule} {f.topic}", cells))
    return out


def where(articles: dict[str, Article], c: Claim) -> str:
    """ "latimes.com:12:5": article, line and column of a claim (1-based, in the file as decoded)."""
    a = articles.get(c.article)
    if a is None:
        return f"{c.article}:{c.start}"
    line = a.text.count("\n", 0, c.start) + 1
    col = c.start - (a.text.rfind("\n", 0, c.start) + 1) + 1
    return f"{c.article}:{line}:{col}"
