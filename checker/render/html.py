"""The HTML report: one self-contained page to look at a story's articles side by side.

At the top are the summary and the findings: discrepancies first, then the claims only one article
makes, then the agreements. Below them the articles stand side by side, with every claim of the
report highlighted by its kind (money, dates, quotes...). Clicking a finding scrolls each article to
its claim and marks it. Clicking a highlighted claim marks the findings it takes part in.

The page needs no network. Its styles and script are inline, and a Content-Security-Policy forbids
loading anything else. Every word that comes from an article or a file name is escaped, so a
crafted article cannot add markup or script to the page. The output is deterministic: the same
reports give the same bytes.

A shelf of stories gives one page with a section per story. Each section is rendered as its report
arrives (``story_section``), so memory is bounded by the largest story.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from checker import __version__
from checker.model import Article, Claim, Finding, Report
from checker.render import story_label
from checker.render.json import ranks
from checker.render.matrix import where
from checker.render.text import plural

SECTIONS = (("discrepancy", "Discrepancies"), ("unsupported", "Claims only one article makes"), ("agreement", "Agreements"))
# a highlight colour per kind of fact; a kind not listed gets the neutral one
COLOURS = {
    "money": "#ffe08a",
    "counts": "#ffd0a8",
    "dates": "#b9e4ff",
    "times": "#c9d8ff",
    "quotes": "#e3c9ff",
    "paraphrase": "#f0d4f5",
    "names": "#c8f0c8",
    "titles": "#d9f2b3",
    "actors": "#b8ecd9",
    "places": "#f8c8c8",
    "causes": "#f5e0c0",
    "charges": "#ffc0d8",
    "conditions": "#d8e8e0",
}
NEUTRAL = "#eeeeee"

_STYLE = """
:root{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fafafa}
body{margin:0;padding:0 1rem 2rem}
header{padding:.8rem 0 .4rem}
h1{font-size:1.35rem;margin:0 0 .2rem}
h2{font-size:1.05rem;margin:.8rem 0 .3rem}
.story{border-top:1px solid #ccc;margin-top:.6rem}
.summary{margin:.2rem 0 .5rem}
.summary b.d{color:#b00020}
.findings{max-height:38vh;overflow:auto;border:1px solid #ddd;background:#fff;padding:0 .6rem .4rem}
.findings ol{margin:0;padding-left:1.6rem}
.findings li{margin:.1rem 0}
button.finding{all:unset;cursor:pointer;display:block;padding:.15rem .3rem;border-radius:3px}
button.finding:hover,button.finding:focus-visible{background:#eef3ff;outline:1px solid #8aa4ff}
button.finding.on{background:#dfe7ff;outline:2px solid #3b5bdb}
.discrepancy code{color:#b00020}
.unsupported code{color:#8a5a00}
.agreement code{color:#1b6e20}
code{font:600 .85em ui-monospace,Menlo,Consolas,monospace}
details>summary{cursor:pointer;font-weight:600;margin:.5rem 0 .2rem}
.legend{margin:.5rem 0;font-size:.85rem}
.legend mark{padding:0 .3rem;margin-right:.3rem}
.articles{display:grid;gap:.8rem;margin-top:.6rem}
article{background:#fff;border:1px solid #ddd;display:flex;flex-direction:column;min-width:0}
article h3{font-size:.95rem;margin:0;padding:.4rem .6rem;border-bottom:1px solid #eee}
article .meta{font-size:.8rem;color:#555;padding:0 .6rem .3rem;border-bottom:1px solid #eee}
.text{position:relative;height:52vh;overflow:auto;padding:.5rem .6rem;white-space:pre-wrap;overflow-wrap:anywhere}
mark{border-radius:2px;padding:0 1px;color:inherit;cursor:pointer}
mark.k-statements{background:none !important;border-bottom:1px dotted #888;border-radius:0}
mark.hit{outline:3px solid #3b5bdb;background:#fff176 !important}
.empty{color:#555;font-style:italic}
"""

_SCRIPT = """
(function(){
  "use strict";
  function clear(root){
    root.querySelectorAll("mark.hit").forEach(function(m){m.classList.remove("hit");});
    root.querySelectorAll("button.finding.on").forEach(function(b){b.classList.remove("on");});
  }
  function reveal(el){
    var col = el.closest(".text");
    if(!col) return;
    col.scrollTop = Math.max(0, el.offsetTop - col.clientHeight / 3);
  }
  function show(button){
    var story = button.closest(".story");
    clear(story);
    button.classList.add("on");
    button.dataset.claims.split(" ").forEach(function(id){
      var marks = story.querySelectorAll('mark[data-c~="' + id + '"]');
      marks.forEach(function(m){m.classList.add("hit");});
      if(marks.length) reveal(marks[0]);
    });
    var row = story.querySelector(".articles").getBoundingClientRect();
    if(row.top > window.innerHeight || row.bottom < 0) story.querySelector(".articles").scrollIntoView({block:"start"});
  }
  function findingsOf(mark){
    var story = mark.closest(".story");
    clear(story);
    var ids = mark.dataset.c.split(" ");
    var first = null;
    story.querySelectorAll("button.finding").forEach(function(b){
      var mine = b.dataset.claims.split(" ");
      if(ids.some(function(id){return mine.indexOf(id) >= 0;})){
        b.classList.add("on");
        var open = b.closest("details"); if(open) open.open = true;
        if(!first) first = b;
      }
    });
    ids.forEach(function(id){
      story.querySelectorAll('mark[data-c~="' + id + '"]').forEach(function(m){m.classList.add("hit");});
    });
    if(first){
      var box = first.closest(".findings");
      box.scrollTop = Math.max(0, first.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  }
  document.addEventListener("click", function(e){
    var b = e.target.closest("button.finding");
    if(b){ show(b); return; }
    var m = e.target.closest("mark[data-c]");
    if(m) findingsOf(m);
  });
})();
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _claim_key(c: Claim) -> tuple[str, int, int, str]:
    return (c.article, c.start, c.end, c.rule)


def _kinds(report: Report) -> dict[str, str]:
    """Rule code -> the rule's name (the kind of fact), as the findings carry them."""
    return {f.rule: f.rule_name for f in report.findings}


def _claim_ids(report: Report, prefix: str) -> dict[tuple[str, int, int, str], str]:
    """A stable id for each distinct claim of the report: in article order, then by offset."""
    order = {a.id: i for i, a in enumerate(report.articles)}
    keys = sorted(
        {_claim_key(c) for f in report.findings for c in f.claims}, key=lambda k: (order.get(k[0], 0), k[1], k[2], k[3])
    )
    return {k: f"{prefix}c{i}" for i, k in enumerate(keys)}


def _marked(text: str, claims: list[tuple[int, int, str, str]]) -> str:
    """The article's text, escaped, with each claim's words in <mark> elements.

    Claims may overlap (a date inside a quote), so the text is cut at every claim boundary. Each piece
    that a claim covers becomes one <mark> that lists every claim covering it (``data-c``), coloured
    by the innermost (shortest) claim's kind."""
    cuts = sorted({0, len(text), *(p for s, e, _, _ in claims for p in (s, e))})
    out = []
    by_start = sorted(claims)
    active: list[tuple[int, int, str, str]] = []
    k = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        while k < len(by_start) and by_start[k][0] <= a:
            active.append(by_start[k])
            k += 1
        active = [c for c in active if c[1] > a]
        piece = _e(text[a:b])
        covering = [c for c in active if c[0] <= a and c[1] >= b]
        if not covering:
            out.append(piece)
            continue
        inner = min(covering, key=lambda c: (c[1] - c[0], c[3]))
        ids = " ".join(sorted({c[3] for c in covering}))
        out.append(f'<mark class="k-{_e(inner[2])}" data-c="{ids}" title="{_e(inner[2])}">{piece}</mark>')
    return "".join(out)


def _finding(f: Finding, ids: dict[tuple[str, int, int, str], str], articles: dict[str, Article]) -> str:
    claims = " ".join(dict.fromkeys(ids[_claim_key(c)] for c in f.claims))
    where_ = "; ".join(f"{where(articles, c)}: “{c.text}”" for c in f.claims)
    return (
        f'<li class="{f.kind}"><button type="button" class="finding" data-claims="{claims}" title="{_e(where_)}">'
        f"<code>{_e(f.rule)} {_e(f.rule_name)}</code> {_e(f.message)}</button></li>"
    )


def _summary(report: Report) -> str:
    c = report.counts
    n = len(report.articles)
    if n < 2:
        return f'<p class="summary">{plural(n, "article")}: nothing to compare yet (a story needs a second article).</p>'
    disc = c.get("discrepancy", 0)
    return (
        f'<p class="summary">{plural(n, "article")} · <b class="d">{plural(disc, "discrepancy", "discrepancies")}</b> · '
        f"{plural(c.get('unsupported', 0), 'claim')} only one article makes · {plural(c.get('agreement', 0), 'agreement')}</p>"
    )


def story_section(name: str, report: Report, index: int = 0) -> str:
    """One story: its summary, findings and articles, as a <section> of the page."""
    prefix = f"s{index}"
    ids = _claim_ids(report, prefix)
    articles = {a.id: a for a in report.articles}
    placed = ranks(report)
    parts = [f'<section class="story" id="{prefix}">', f"<h2>{_e(name) if name else 'Story'}</h2>", _summary(report)]
    parts.append('<div class="findings">')
    for kind, title in SECTIONS:
        found = sorted((f for f in report.findings if f.kind == kind), key=lambda f: placed.get(f.id, 0))
        items = "".join(_finding(f, ids, articles) for f in found)
        if kind == "discrepancy":
            parts.append(f"<h2>{title} ({len(found)})</h2>")
            parts.append(f"<ol>{items}</ol>" if found else '<p class="empty">None found.</p>')
        elif found:
            parts.append(f"<details><summary>{title} ({len(found)})</summary><ol>{items}</ol></details>")
    parts.append("</div>")
    kinds = sorted({f.rule_name for f in report.findings})
    if kinds:
        parts.append('<p class="legend">' + "".join(f'<mark class="k-{_e(k)}">{_e(k)}</mark>' for k in kinds) + "</p>")
    kind_of = _kinds(report)
    by_article: dict[str, list[tuple[int, int, str, str]]] = {a.id: [] for a in report.articles}
    for key, cid in ids.items():
        if key[0] in by_article:
            by_article[key[0]].append((key[1], key[2], kind_of.get(key[3], key[3]), cid))
    columns = max(1, min(len(report.articles), 4))
    parts.append(f'<div class="articles" style="grid-template-columns:repeat({columns},minmax(18rem,1fr))">')
    for i, a in enumerate(report.articles):
        meta = " · ".join(x for x in (a.path, a.published.isoformat() if a.published else "", a.byline or "") if x)
        parts.append(
            f'<article id="{prefix}a{i}" data-article="{_e(a.id)}"><h3>{_e(a.title or a.id)}</h3>'
            f'<div class="meta">{_e(meta)}</div><div class="text">{_marked(a.text, by_article[a.id])}</div></article>'
        )
    parts.append("</div></section>")
    return "\n".join(parts)


def _palette(kinds: Iterable[str]) -> str:
    return "".join(f"mark.k-{k}{{background:{COLOURS.get(k, NEUTRAL)}}}" for k in kinds)


def render_stories(rows, sections: list[str]) -> str:
    """The page: a heading, a line per story when there are several (rows: checker.render.text.StoryRow),
    and the stories' sections (each from ``story_section``)."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f'<meta name="generator" content="factcheck {_e(__version__)}">',
        "<title>factcheck report</title>",
        f"<style>{_STYLE}mark[class^=k-]{{background:{NEUTRAL}}}{_palette(COLOURS)}</style>",
        "</head><body>",
        "<header><h1>factcheck report</h1>",
    ]
    if len(rows) > 1:
        totals = {k: sum(r.counts.get(k, 0) for r in rows) for k in ("discrepancy", "unsupported", "agreement")}
        head.append(
            f'<p class="summary">{plural(len(rows), "story", "stories")} · <b class="d">'
            f"{plural(totals['discrepancy'], 'discrepancy', 'discrepancies')}</b> · "
            f"{plural(totals['unsupported'], 'claim')} only one article makes · {plural(totals['agreement'], 'agreement')}</p>"
        )
        head.append("<nav><ol>")
        for i, r in enumerate(rows):
            d = r.counts.get("discrepancy", 0)
            head.append(f'<li><a href="#s{i}">{_e(story_label(r.name))}</a>: {plural(d, "discrepancy", "discrepancies")}</li>')
        head.append("</ol></nav>")
    head.append("</header>")
    return "\n".join([*head, *sections, f"<script>{_SCRIPT}</script>", "</body></html>", ""])


def render(report: Report, name: str = "") -> str:
    """One story's page."""
    return render_stories([], [story_section(name, report)])
