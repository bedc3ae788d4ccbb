"""The Markdown report: discrepancies first, then unsupported claims, then agreements."""

from __future__ import annotations

from checker.model import Finding, Report
from checker.render import matrix

SECTIONS = (("discrepancy", "Discrepancies"), ("unsupported", "Claims only one article makes"), ("agreement", "Agreements"))


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _claim_lines(f: Finding) -> list[str]:
    out = []
    for c in f.claims:
        mark = " **(odd one out)**" if c.article in f.differ else ""
        out.append(f"  - `{c.article}` [{c.start}:{c.end}]{mark}: “{_md(c.text)}”")
    return out


def render(report: Report) -> str:
    lines = ["# factcheck report", ""]
    lines.append("| article | headline | published | byline |")
    lines.append("|---|---|---|---|")
    for a in report.articles:
        lines.append(f"| `{a.id}` | {_md(a.title or '—')} | {a.published or '—'} | {_md(a.byline or '—')} |")
    c = report.counts
    lines += [
        "",
        f"**{c.get('discrepancy', 0)} discrepancies, {c.get('unsupported', 0)} unsupported claims, {c.get('agreement', 0)} agreements.**",
        "",
    ]
    for kind, title in SECTIONS:
        group = [f for f in report.findings if f.kind == kind]
        if not group:
            continue
        lines += [f"## {title} ({len(group)})", ""]
        for f in group:
            lines.append(f"- **{f.rule} {f.rule_name}** · {_md(f.topic)} · `{f.id}`  ")
            lines.append(f"  {_md(f.message)}")
            lines += _claim_lines(f)
        lines.append("")
    table = matrix.rows(report)
    if table:
        lines += [
            "## Claim by article",
            "",
            "Each row one fact, each column one article; “—”: the article is silent; “≠”: the odd one out.",
            "",
        ]
        lines.append("| | fact | " + " | ".join(f"`{a.id}`" for a in report.articles) + " |")
        lines.append("|---|---|" + "---|" * len(report.articles))
        for kind, label, cells in table:
            mark = "≠" if kind == "discrepancy" else "="
            lines.append(f"| {mark} | {_md(label)} | " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    if report.reprints:
        lines += (
            ["## Reprints", ""]
            + [f"- {', '.join(f'`{a}`' for a in g)}: near-copies of one story, counted as one source." for g in report.reprints]
            + [""]
        )
    return "\n".join(lines).rstrip() + "\n"
