"""The terminal report: grouped by kind (discrepancies first), each claim quoted with its source.

Rendered with rich; colour is decided by the caller (only on a TTY), so the
same function gives plain text when piped.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.model import Finding, Report
from checker.render import matrix

STYLE = {"discrepancy": "bold red", "unsupported": "yellow", "agreement": "green"}
TITLE = {"discrepancy": "Discrepancies", "unsupported": "Claims only one article makes", "agreement": "Agreements"}
ORDER = ("discrepancy", "unsupported", "agreement")


def _finding(console: Console, f: Finding) -> None:
    head = Text()
    head.append(f"{f.rule} ", style="bold")
    head.append(f"{f.rule_name} ", style="cyan")
    head.append(f"{f.topic}", style="dim")
    console.print(head)
    console.print(Text("  " + f.message))
    for c in f.claims:
        line = Text("    ")
        line.append(f"{c.article}:{c.start}-{c.end} ", style="dim")
        line.append(f"“{c.text}”", style="bold" if c.article in f.differ else "")
        if c.article in f.differ:
            line.append("  ← odd one out", style="red")
        console.print(line)


def render(report: Report, *, color: bool = False, width: int = 100) -> str:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=False)
    for a in report.articles:
        meta = ", ".join(x for x in (str(a.published) if a.published else None, a.byline) if x)
        console.print(Text(f"{a.id}  {a.title or '(no headline)'}" + (f"  [{meta}]" if meta else ""), style="dim"))
    console.print()
    for kind in ORDER:
        group = [f for f in report.findings if f.kind == kind]
        if not group:
            continue
        console.print(Text(f"{TITLE[kind]} ({len(group)})", style=STYLE[kind] + " underline"))
        for f in group:
            _finding(console, f)
        console.print()
    table = matrix.rows(report)
    if table:
        grid = Table(title="Claim by article", title_justify="left", show_lines=False, expand=False)
        grid.add_column("", no_wrap=True)
        grid.add_column("fact", overflow="fold", max_width=28)
        for a in report.articles:
            grid.add_column(a.id, overflow="fold")
        for kind, label, cells in table:
            style = STYLE[kind]
            grid.add_row(
                Text("≠" if kind == "discrepancy" else "=", style=style),
                label,
                *[Text(c, style="red" if c.startswith(matrix.ODD) else "") for c in cells],
            )
        console.print(grid)
        console.print()
    for g in report.reprints:
        console.print(Text(f"Reprints: {', '.join(g)} are near-copies of one story, counted as one source.", style="yellow"))
    c = report.counts
    summary = f"Found {c.get('discrepancy', 0)} discrepancies, {c.get('unsupported', 0)} unsupported claims, {c.get('agreement', 0)} agreements."
    console.print(Text(summary, style="bold"))
    return buf.getvalue()
