"""The Markdown report: discrepancies first, then unsupported claims, then agreements."""

from __future__ import annotations

import re

from checker.files import terminal_safe
from checker.model import Article, Finding, Report
from checker.render import matrix, story_label
from checker.render.matrix import where
from checker.render.text import plural

SECTIONS = (("discrepancy", "Discrepancies"), ("unsupported", "Claims only one article makes"), ("agreement", "Agreements"))


# characters that Markdown (CommonMark and GitHub's) would read as markup in an article's words:
# emphasis, code, links and images, HTML, tables, strikethrough, entities, escapes
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")


def _md(text: str) -> str:
    """An article's words as Markdown that renders them as written: markup characters escaped, line
    ends (any kind) folded to spaces, control characters shown as escapes (``\\x1b``), so a quote never
    becomes a link, a heading or HTML, nor moves the terminal of whoever cats the file."""
    return _SPECIAL.sub(r"\\\1", terminal_safe(" ".join(text.split())))


def _claim_lines(f: Finding, articles: dict[str, Article]) -> list[str]:
    out = []
    for c in f.claims:
        mark = " **(odd one out)**" if c.article in f.differ else ""
        out.append(f"  - {_md(where(articles, c))}{mark}: “{_md(c.text)}”")
    return out


def render(report: Report) -> str:
    articles = {a.id: a for a in report.articles}
    c = report.counts
    lines = ["# factcheck report", ""]
    if len(report.articles) < 2:
        lines += [f"{plural(len(report.articles), 'article')}: nothing to compare yet (a story needs a second article).", ""]
    lines += [
        "| articles | discrepancies | claims only one source makes | agreements |",
        "|---|---|---|---|",
        f"| {len(report.articles)} | {c.get('discrepancy', 0)} | {c.get('unsupported', 0)} | {c.get('agreement', 0)} |",
        "",
    ]
    lines.append("| article | headline | published | byline |")
    lines.append("|---|---|---|---|")
    for a in report.articles:
        lines.append(f"| {_md(a.id)} | {_md(a.title or '—')} | {a.published or '—'} | {_md(a.byline or '—')} |")
    c = report.counts
    lines += [
        "",
        f"**{plural(c.get('discrepancy', 0), 'discrepancy', 'discrepancies')}, "
        f"{plural(c.get('unsupported', 0), 'claim')} only one source makes, {plural(c.get('agreement', 0), 'agreement')}.**",
        "",
    ]
    for kind, title in SECTIONS:
        group = [f for f in report.findings if f.kind == kind]
        if not group:
            continue
        lines += [f"## {title} ({len(group)})", ""]
        for f in group:
            lines.append(f"- **{f.rule} {f.rule_name}** · {_md(f.topic)} · {f.id}  ")
            lines.append(f"  {_md(f.message)}")
            lines += _claim_lines(f, articles)
        lines.append("")
    table = matrix.rows(report)
    if table:
        lines += [
            "## Claim by article",
            "",
            "Each row one fact, each column one article; “—”: the article is silent; “≠”: the odd one out.",
            "",
        ]
        lines.append("| | fact | " + " | ".join(_md(a.id) for a in report.articles) + " |")
        lines.append("|---|---|" + "---|" * len(report.articles))
        for kind, label, cells in table:
            mark = "≠" if kind == "discrepancy" else "="
            lines.append(f"| {mark} | {_md(label)} | " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    if report.reprints:
        lines += (
            ["## Reprints", ""]
            + [f"- {', '.join(_md(a) for a in g)}: near-copies of one story, counted as one source." for g in report.reprints]
            + [""]
        )
    return "\n".join(lines).rstrip() + "\n"


def story_section(name: str, report: Report) -> str:
    """One story's report under its own heading, as a section of a report on several stories."""
    body = render(report).split("\n", 1)[1]  # without its own title
    return f"\n## {_md(story_label(name))}\n" + "\n".join("#" + x if x.startswith("#") else x for x in body.split("\n"))


def render_stories(rows, sections: list[str]) -> str:
    """Several stories: a table of them (rows: checker.render.text.StoryRow), then their sections."""
    lines = ["# factcheck report", "", "| story | articles | discrepancies | claims only one article makes | agreements |"]
    lines.append("|---|---|---|---|---|")
    for r in rows:
        c = r.counts
        lines.append(
            f"| {_md(story_label(r.name))} | {r.articles} | {c.get('discrepancy', 0)} | {c.get('unsupported', 0)} | {c.get('agreement', 0)} |"
        )
    return "\n".join(lines) + "\n" + "".join(sections)
