"""The terminal report: what disagrees, in the first screen.

Order and weight, as an editor reads it:

1. the summary: how many articles, discrepancies, claims only one source
   makes and agreements;
2. each discrepancy in one line (what differs, who says what);
3. the discrepancies with their evidence: each claim quoted with its
   article, line and column, the odd one out marked;
4. the claims only one source makes, ranked by what an editor must source
   first (figures, then quotes, then names and other facts), one line each;
   plain statements (FC108) are counted, and listed only with ``--show
   unsupported`` or ``--show all``;
5. the claim-by-article table of the aligned facts; agreements appear there,
   one by one only with ``--show agreements`` or ``--show all``.

Every word that comes from an article or a file name reaches the terminal without its control
characters (ESC, CR, backspace, BEL, C1 and bidi controls shown as ``\x1b``-style escapes), and is
never read as rich markup or emoji codes: an article cannot recolour, move or hide the report.

Rendered with rich; colour is decided by the caller (only on a terminal),
and the width is the terminal's (``COLUMNS`` honoured) or, when piped, wide
enough that no finding is wrapped: a finding's line can be grepped.
"""

from __future__ import annotations

import io
from typing import NamedTuple

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.files import terminal_safe as _s
from checker.model import Article, Finding, Report
from checker.render import matrix, story_label
from checker.render.matrix import where

STYLE = {"discrepancy": "bold red", "unsupported": "yellow", "agreement": "green"}
SHOW = ("default", "discrepancies", "unsupported", "agreements", "all")
# what an editor must source first among the claims only one article makes: figures, quotes, then named facts
RANK = {
    "money": 0,
    "counts": 0,
    "dates": 1,
    "times": 1,
    "quotes": 2,
    "paraphrase": 2,
    "charges": 3,
    "causes": 3,
    "conditions": 3,
    "names": 4,
    "titles": 4,
    "places": 4,
    "actors": 4,
    "statements": 9,
}
PLAIN = "statements"  # a plain statement only one source makes: counted, listed on request
UNSUPPORTED_LINES = 40  # claims only one source makes listed by default, the rest counted
TABLE_ROWS = 25  # rows of the claim-by-article table by default
PIPED_WIDTH = 10_000  # no wrapping when piped


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 discrepancy", "2 discrepancies"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def rank(f: Finding) -> tuple[int, str, str]:
    """Where a claim only one source makes stands in the list an editor works down (JSON's `rank`)."""
    return (RANK.get(f.rule_name, 5), f.rule, f.topic)


def _one_line(text: str, limit: int = 70) -> str:
    t = _s(" ".join(text.split()))
    return t if len(t) <= limit else t[: limit - 1] + "…"


def _summary(report: Report) -> Text:
    found = [f for f in report.findings]
    n_disc = sum(f.kind == "discrepancy" for f in found)
    alone = [f for f in found if f.kind == "unsupported"]
    plain = sum(f.rule_name == PLAIN for f in alone)
    n_agree = sum(f.kind == "agreement" for f in found)
    t = Text()
    if len(report.articles) < 2:
        t.append(f"{plural(len(report.articles), 'article')}: nothing to compare yet", style="bold")
        t.append(" (a story needs a second article).")
        return t
    t.append(f"{plural(len(report.articles), 'article')}: ", style="bold")
    t.append(plural(n_disc, "discrepancy", "discrepancies"), style="bold red" if n_disc else "bold")
    t.append(f", {plural(len(alone), 'claim')} only one source makes")
    if plain:
        t.append(f" ({plain} of them {'a plain statement' if plain == 1 else 'plain statements'})")
    t.append(f", {plural(n_agree, 'agreement')}.")
    return t


def _glance(f: Finding) -> Text:
    line = Text("  ≠ ", style="red")
    line.append(f"{f.rule} {f.rule_name}", style="bold")
    line.append(f" {_s(f.topic)}: ", style="dim")
    says = "; ".join(f"{_s(c.article)} {_one_line(c.text, 40)!r}" for c in f.claims)
    line.append(says)
    if f.differ:
        line.append(f"  (odd one out: {_s(', '.join(f.differ))})", style="red")
    return line


def _detail(console: Console, f: Finding, articles: dict[str, Article]) -> None:
    head = Text()
    head.append(f"{f.rule} ", style="bold")
    head.append(f"{f.rule_name} ", style="cyan")
    head.append(_s(f"{f.topic}"), style="dim")
    console.print(head)
    console.print(Text("  " + _s(f.message)))
    for c in f.claims:
        line = Text("    ")
        line.append(f"{_s(where(articles, c))} ", style="dim")
        line.append(f"“{_s(c.text)}”", style="bold" if c.article in f.differ else "")
        if c.article in f.differ:
            line.append("  ← odd one out", style="red")
        console.print(line)


def _alone_line(f: Finding, articles: dict[str, Article]) -> Text:
    c = f.claims[0]
    line = Text("  ○ ", style="yellow")
    line.append(f"{f.rule} {f.rule_name} ", style="bold")
    line.append(f"{_s(where(articles, c))} ", style="dim")
    line.append(repr(_one_line(c.text)))
    return line


def _console(buf: io.StringIO, color: bool, width: int | None) -> Console:
    """A console into `buf`: colour only when asked, no wrapping when piped, and never markup or emoji
    read from an article's words or a file name."""
    return Console(
        file=buf,
        force_terminal=color,
        no_color=not color,
        width=width or PIPED_WIDTH,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
    )


def render(report: Report, *, color: bool = False, width: int | None = None, show: str = "default", brief: bool = False) -> str:
    """The text report; `width` None: unwrapped. `brief` (-q): the summary and the findings only."""
    buf = io.StringIO()
    console = _console(buf, color, width)
    articles = {a.id: a for a in report.articles}
    disc = [f for f in report.findings if f.kind == "discrepancy"]
    alone = sorted((f for f in report.findings if f.kind == "unsupported"), key=rank)
    agree = [f for f in report.findings if f.kind == "agreement"]
    everything = show == "all"

    console.print(_summary(report))
    for a in () if brief else report.articles:
        meta = _s(", ".join(x for x in (str(a.published) if a.published else None, a.byline) if x))
        console.print(
            Text(f"  {_s(a.id)}  {_one_line(a.title or '(no headline)', 60)}" + (f"  [{meta}]" if meta else ""), style="dim")
        )
    console.print()
    if disc:
        console.print(Text(f"Where the articles disagree ({len(disc)})", style=STYLE["discrepancy"] + " underline"))
        for f in disc:
            console.print(_glance(f))
        console.print()
        console.print(Text("The evidence", style="bold underline"))
        for f in disc:
            _detail(console, f, articles)
        console.print()
    if show in ("default", "unsupported", "all") and alone:
        listed = alone if show != "default" else [f for f in alone if f.rule_name != PLAIN]
        hidden = len(alone) - len(listed)
        console.print(
            Text(f"Claims only one source makes ({len(alone)}), what to source first", style=STYLE["unsupported"] + " underline")
        )
        if show == "default":
            for f in listed[:UNSUPPORTED_LINES]:
                console.print(_alone_line(f, articles))
            more = len(listed) - UNSUPPORTED_LINES
            if more > 0:
                console.print(Text(f"  … {plural(more, 'more claim')} (--show unsupported)", style="dim"))
        else:
            for f in listed:
                _detail(console, f, articles)
        if hidden:
            console.print(
                Text(f"  and {plural(hidden, 'plain statement')} only one source makes (--show unsupported)", style="dim")
            )
        console.print()
    if show in ("agreements", "all") and agree:
        console.print(Text(f"Agreements ({len(agree)})", style=STYLE["agreement"] + " underline"))
        for f in agree:
            _detail(console, f, articles)
        console.print()
    if show in ("default", "agreements", "all") and not brief:
        _table(console, report, limit=None if show != "default" else TABLE_ROWS, width=width)
    for g in report.reprints:
        console.print(Text(f"Reprints: {_s(', '.join(g))} are near-copies of one story, counted as one source.", style="yellow"))
    if not everything and not brief and show == "default" and (agree or alone):
        console.print(Text("See every finding with --show all.", style="dim"))
    return buf.getvalue()


FACT_WIDTH = 28  # the table's fact column
CELL_WIDTH = 14  # the narrowest article column worth showing


def _table(console: Console, report: Report, limit: int | None, width: int | None) -> None:
    """The claim-by-article table, as many article columns as the width holds (the rest said)."""
    table = matrix.rows(report)
    if not table:
        return
    shown = table if limit is None else table[:limit]
    fits = len(report.articles) if width is None else max(1, (width - FACT_WIDTH - 10) // (CELL_WIDTH + 3))
    cols = list(range(min(fits, len(report.articles))))
    grid = Table(title="Claim by article", title_justify="left", show_lines=False, expand=False)
    grid.add_column("", no_wrap=True)
    grid.add_column("fact", overflow="fold", max_width=FACT_WIDTH)
    for k in cols:
        aid = _s(report.articles[k].id)
        grid.add_column(Text(aid), overflow="fold", min_width=min(CELL_WIDTH, len(aid)))
    for kind, label, cells in shown:
        grid.add_row(
            Text("≠" if kind == "discrepancy" else "=", style=STYLE[kind]),
            Text(_s(label)),
            *[Text(_s(cells[k]), style="red" if cells[k].startswith(matrix.ODD) else "") for k in cols],
        )
    console.print(grid)
    if len(cols) < len(report.articles):
        rest = len(report.articles) - len(cols)
        console.print(
            Text(f"  {plural(rest, 'more article')} not shown here: widen the terminal, or read --format markdown", style="dim")
        )
    if len(shown) < len(table):
        console.print(Text(f"  … {plural(len(table) - len(shown), 'more row')} (--show agreements)", style="dim"))
    console.print()


def story_section(
    name: str, report: Report, *, color: bool = False, width: int | None = None, show: str = "default", brief: bool = False
) -> str:
    """One story's report under its name, as a section of a report on several stories."""
    rule = "─" * 3
    return f"\n{rule} {_s(story_label(name))} {rule}\n" + render(report, color=color, width=width, show=show, brief=brief)


def render_stories(rows: list[StoryRow], sections: list[str], *, color: bool = False, width: int | None = None) -> str:
    """Several stories: a line per story first (what disagrees, in the first screen), then each story's
    section (``story_section``). Only the rows' counts and the rendered sections are held, never the
    stories' reports: memory is bounded by the largest story."""
    buf = io.StringIO()
    console = _console(buf, color, width)
    total = {k: sum(r.counts.get(k, 0) for r in rows) for k in ("discrepancy", "unsupported", "agreement")}
    with_disc = sum(1 for r in rows if r.counts.get("discrepancy", 0))
    head = Text(f"{plural(len(rows), 'story', 'stories')}: ", style="bold")
    head.append(
        plural(total["discrepancy"], "discrepancy", "discrepancies"), style="bold red" if total["discrepancy"] else "bold"
    )
    head.append(f" in {plural(with_disc, 'story', 'stories')}")
    head.append(f", {plural(total['unsupported'], 'claim')} only one source makes, {plural(total['agreement'], 'agreement')}.")
    console.print(head)
    for r in rows:
        n = r.counts.get("discrepancy", 0)
        line = Text("  ≠ " if n else "    ", style="red")
        line.append(f"{_s(story_label(r.name))}  ", style="bold" if n else "")
        if r.articles < 2:
            line.append(f"{plural(r.articles, 'article')}, nothing to compare yet", style="dim")
        else:
            line.append(
                f"{plural(r.articles, 'article')}, {plural(n, 'discrepancy', 'discrepancies')}, "
                f"{r.counts.get('unsupported', 0)} only one source, {plural(r.counts.get('agreement', 0), 'agreement')}",
                style="" if n else "dim",
            )
        console.print(line)
    return buf.getvalue() + "".join(sections)


class StoryRow(NamedTuple):
    """What a report on several stories keeps of each: its name, how many articles, its counts."""

    name: str
    articles: int
    counts: dict[str, int]

    @classmethod
    def of(cls, name: str, report: Report) -> StoryRow:
        return cls(name, len(report.articles), dict(report.counts))
