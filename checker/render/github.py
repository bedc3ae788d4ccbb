"""GitHub Actions workflow annotations (``--format github``): one line per claim to look at, which the
Actions log shows as an error or a warning on that line of the article, as ruff's github format does.

A discrepancy annotates its odd claims out (every claim when there is no odd one) as an error; a claim
only one source makes is a warning; agreements are not annotated. Line and column come from the claim's
offsets in the file as decoded; messages are escaped as the workflow-command syntax asks, and an
article's control characters (an ANSI escape) are shown as escapes, since the Actions log is a terminal.
"""

from __future__ import annotations

from checker.files import terminal_safe
from checker.model import Report
from checker.render.matrix import line_col


def _escape(text: str, prop: bool = False) -> str:
    out = terminal_safe(" ".join(text.split())).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return out.replace(":", "%3A").replace(",", "%2C") if prop else out


def render(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    lines = []
    for f in sorted(report.findings, key=lambda f: f.kind != "discrepancy"):  # errors first, else report order
        if f.kind == "agreement":
            continue
        level = "error" if f.kind == "discrepancy" else "warning"
        claims = [c for c in f.claims if c.article in f.differ] or list(f.claims)
        for c in claims:
            a = articles[c.article]
            line, col = line_col(a.text, c.start)
            end_line, end_col = line_col(a.text, c.end)
            props = f"file={_escape(a.path, True)},line={line},col={col},endLine={end_line},endColumn={end_col}"
            title = _escape(f"{f.rule} {f.rule_name}: {f.kind}", True)
            lines.append(f"::{level} {props},title={title}::{_escape(f.message)}")
    return "".join(x + "\n" for x in lines)
