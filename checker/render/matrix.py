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


def _cell(texts: list[str], differing: frozenset[str] = frozenset()) -> str:
    """The words an article uses, cut to CELL characters around the first word the others do not use
    (so the differing words stay visible in a long claim)."""
    t = " / ".join(" ".join(x.split()) for x in texts)
    if len(t) <= CELL:
        return t
    low = t.lower()
    at = min((i for w in differing if (i := low.find(w)) >= 0), default=0)
    if at + len(next((w for w in differing if low.find(w) == at), "")) <= CELL - 1:
        return t[: CELL - 1] + "…"
    start = max(0, at - CELL // 3)
    piece = t[start : start + CELL - 2]
    return "…" + piece + ("…" if start + CELL - 2 < len(t) else "")


def _differing(texts: list[list[str]]) -> frozenset[str]:
    """The words (lower-cased) of a row's cells that not every speaking article uses."""
    bags = [set(" ".join(x).lower().split()) for x in texts if x]
    if len(bags) < 2:
        return frozenset()
    return frozenset(set.union(*bags) - set.intersection(*bags))


def rows(report: Report) -> list[tuple[str, str, list[str]]]:
    """(kind, label, cells) for each aligned fact, discrepancies first."""
    out = []
    for kind in ("discrepancy", "agreement"):
        for f in report.findings:
            if f.kind != kind or len({c.article for c in f.claims}) < 2:
                continue
            cells = []
            per = [[c.text for c in f.claims if c.article == a.id] for a in report.articles]
            differing = _differing(per) if kind == "discrepancy" else frozenset()
            for a, texts in zip(report.articles, per):
                cell = _cell(texts, differing) if texts else SILENT
                if texts and a.id in f.differ:
                    cell = ODD + cell
                cells.append(cell)
            out.append((kind, f"{f.rule} {f.topic}", cells))
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset of the text as decoded."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def where(articles: dict[str, Article], c: Claim) -> str:
    """ "latimes.com:12:5": article, line and column of a claim (1-based, in the file as decoded)."""
    a = articles.get(c.article)
    if a is None:
        return f"{c.article}:{c.start}"
    line, col = line_col(a.text, c.start)
    return f"{c.article}:{line}:{col}"
