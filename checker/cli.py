"""factcheck's command line: the only module that prints.

Exit codes (decided in one place, `exit_code`):
  0  no discrepancy found (also: stdout was a pipe its reader closed, as with `| head`)
  1  at least one discrepancy found
  2  usage error or bad input (one line on stderr, no traceback)
  3  internal error: a bug, whatever the input (one line naming the article; FACTCHECK_DEBUG=1 adds
     the traceback)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from checker import __version__

EXIT_OK, EXIT_FOUND, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
DEBUG_ENV = "FACTCHECK_DEBUG"  # set (to anything but "" or "0"): an internal error shows its traceback
FORMATS = ("text", "json", "markdown", "github", "junit", "sarif", "html")

EPILOG = """\
exit codes:
  0  no discrepancy found (also with --exit-zero or --fail-on never)
  1  discrepancies found (or, with --fail-on unsupported, a claim only one source makes)
  2  usage error or bad input (missing path, a folder with no articles,
     binary, undecodable or empty file, not a regular file, over the size
     limit, a symlink leading outside the paths given; an -o target refused)
  3  internal error: a bug in factcheck, not in the articles (one line naming
     the article; set FACTCHECK_DEBUG=1 for the traceback, and please report it)
  a broken pipe on stdout (| head) ends quietly with 0

examples:
  factcheck seeds/                      compare the articles of one story
  factcheck stories/ --jobs 2           a folder of story folders, story by story
  factcheck a.txt b.txt --format json   machine-readable report (REPORT.md)
  factcheck seeds/ -o report.md --format markdown
  factcheck seeds/ -o html:report.html   a page: the articles side by side, findings on top
  factcheck claims seeds/000.txt        list what factcheck reads in one article
  factcheck rules                       the rule reference
  factcheck rule FC103                  one rule's reference (code or name)
"""


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as ruff and pytest do
        raise UsageError(f"{self.prog}: {message}")


def _check_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="factcheck",
        description="Compare news articles about one story: agreements, discrepancies and claims only one source makes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files (.txt, .md: one story together), story folders, or a folder of story folders (each checked on its own)",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="report format (default: text; json follows ../shared/REPORT.md; github: workflow annotations; junit: JUnit XML; sarif: SARIF 2.1.0; html: one self-contained page, the articles side by side)",
    )
    p.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="[FORMAT:]FILE",
        help="write the report to FILE (atomically) instead of stdout; FORMAT:FILE (repeatable) writes that "
        "format there too, while the terminal gets the text report",
    )
    p.add_argument("--rules", metavar="CODES", help="comma-separated rule codes or names to run (default: all)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when discrepancies are found")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the text report (default: auto, only on a terminal)",
    )
    p.add_argument("--no-export", action="store_true", help="do not write the Markdown copy to the configured reports folder")
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="check every story anew: neither read nor write the cache of story reports "
        "(default: ~/.cache/factcheck, or $FACTCHECK_CACHE_DIR; FACTCHECK_NO_CACHE=1 turns it off too)",
    )
    p.add_argument(
        "--show",
        choices=("discrepancies", "unsupported", "agreements", "all"),
        default="default",
        help="what the text report lists one by one (default: discrepancies, the claims only one source makes "
        "other than plain statements, and the claim-by-article table)",
    )
    p.add_argument("--statistics", action="store_true", help="print the count of findings per rule and kind, and nothing else")
    p.add_argument("-q", "--quiet", action="store_true", help="the summary and the findings only: no article list, no table")
    p.add_argument("-s", "--silent", action="store_true", help="print nothing at all: the exit code says it")
    p.add_argument(
        "--new",
        nargs="+",
        action="extend",
        metavar="FILE",
        help="report only findings that involve these new or changed articles; without a story path, each "
        "file is checked against the rest of the folder it lies in (as a pre-commit hook passes files)",
    )
    p.add_argument(
        "--changed-since",
        metavar="REF",
        help="as --new, for the articles git says changed since REF (a commit, branch or tag)",
    )
    p.add_argument(
        "--fail-on",
        choices=("discrepancy", "unsupported", "never"),
        help="what makes the exit code 1: a discrepancy (default), a discrepancy or a claim only one source makes, or nothing",
    )
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="the publication date of the articles that give none (their relative dates are read against it)",
    )
    p.add_argument(
        "--baseline",
        metavar="FILE",
        help="hide the findings recorded in FILE (by what they are, not where); entries no longer found are named as stale",
    )
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the discrepancies and claims only one source makes of this run in FILE, and exit 0",
    )
    p.add_argument(
        "--compare-to",
        metavar="OLD_REPORT",
        help="an earlier JSON report of the same stories: say which discrepancies were resolved, remain or are new",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="check N stories at a time in parallel processes (default: the cores); the output is the same",
    )
    _file_flags(p)
    p.add_argument(
        "--export",
        metavar="DIR",
        help="the folder of the Markdown copy of a story's text report (overrides markdown_dir); inside the project",
    )
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return p


def _file_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="read articles that a symlink in a story folder leads to outside the paths given (refused by default)",
    )
    p.add_argument(
        "--max-article-size",
        metavar="BYTES",
        help="refuse an article file larger than this (default 5MB, or max_article_bytes; suffixes k, M)",
    )


def _max_bytes(args, cfg) -> int | None:
    """The article size limit: --max-article-size, else max_article_bytes, else None (the default)."""
    raw = args.max_article_size
    if raw is None:
        return cfg.get("max_article_bytes")
    text = raw.strip().lower().removesuffix("b")
    scale = {"k": 1_000, "m": 1_000_000, "g": 1_000_000_000}.get(text[-1:], 1)
    digits = text[:-1] if scale > 1 else text
    if not digits.isdigit() or int(digits) < 1:
        raise UsageError(f"factcheck: --max-article-size {raw!r} is not a size (bytes, or with k or M: 5M)")
    return int(digits) * scale


def _claims_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="factcheck claims",
        description="List every claim factcheck extracts from each article, without comparing.",
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="article files or folders")
    p.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date to resolve relative dates against (overrides the dateline)"
    )
    p.add_argument("-f", "--format", choices=("text", "json"), default="text")
    p.add_argument("--rules", metavar="CODES", help="comma-separated rule codes or names (default: all)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    _file_flags(p)
    p.add_argument(
        "--text",
        action="store_true",
        help="print the article's text exactly as factcheck reads it (a .txt as decoded; a saved .html page's "
        "extracted text), the text that claims' start/end offsets index",
    )
    return p


def _config(paths: list[str] | None = None):
    """The settings ([tool.factcheck] or factcheck.toml) nearest the paths, or the current folder."""
    from checker import config

    try:
        return config.find(paths or [])
    except config.ConfigError as err:
        raise UsageError(f"factcheck: {err}") from None


def _configure_vocab() -> None:
    """Merge the newsroom's own words ([tool.factcheck] vocab, relative to its settings file) over the package's."""
    cfg = _config()
    name = cfg.get("vocab")
    if not name or cfg.root is None:
        return
    from checker import vocab

    try:
        vocab.configure(cfg.root / str(name))
    except vocab.VocabError as err:
        raise UsageError(f"factcheck: {err}") from None


def _write_stdout(out: str | bytes) -> None:
    """A rendering to stdout: a str through its text layer, the JSON report's UTF-8 bytes as they are."""
    if isinstance(out, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(out)
    else:
        sys.stdout.write(out)


def write_atomic(path: str, text: str | bytes, inputs=frozenset()) -> None:
    """Write via checker.files.write_atomic (temporary file, fsync, rename; never over an input, a device,
    a FIFO, a symlink or a read-only file); a refusal is a usage error (exit 2, one line)."""
    from checker import files

    try:
        files.write_atomic(path, text, inputs)
    except files.WriteError as err:
        raise UsageError(f"factcheck: {err}") from None


def _inputs(stories) -> frozenset[Path]:
    """The article files a run reads, resolved: no report may overwrite one."""
    return frozenset(Path(f).resolve() for s in stories for f in s.files)


def exit_code(reports, exit_zero: bool, unsupported: bool = False) -> int:
    """1 when any story's report (or row of counts) has a discrepancy, or with `unsupported` a claim only
    one source makes (--fail-on); 0 with --exit-zero or --fail-on never."""
    if exit_zero:
        return EXIT_OK
    kinds = ("discrepancy", "unsupported") if unsupported else ("discrepancy",)
    return EXIT_FOUND if any(r.counts.get(k, 0) for r in reports for k in kinds) else EXIT_OK


def _rule_codes(arg: str | None) -> list[str] | None:
    return [c.strip() for c in arg.split(",") if c.strip()] if arg else None


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def run_check(argv: list[str]) -> int:
    """The main command; an article given as `-` is read from stdin (kept in a private temporary folder,
    removed afterwards, so that worker processes read it as a file named stdin.txt)."""
    if "-" not in argv:
        return _run_check(argv)
    from checker.load import InputError

    folder = tempfile.mkdtemp(prefix="factcheck-")
    try:
        stdin = Path(folder) / "stdin.txt"
        _copy_stdin(stdin, _stdin_limit(argv))
        try:
            return _run_check([str(stdin) if a == "-" else a for a in argv], stdin=str(stdin))
        except InputError as err:  # named as the user named it, not by the private copy's path
            raise InputError(str(err).replace(str(stdin), "-")) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stdin_limit(argv: list[str]) -> int:
    """The size limit an article from stdin is held to (what the loader will say of it); a command line
    or settings the run will refuse anyway get the default here."""
    from checker.files import MAX_ARTICLE_BYTES

    try:
        args = _check_parser().parse_args(argv)
        return _max_bytes(args, _config(args.paths)) or MAX_ARTICLE_BYTES
    except (UsageError, SystemExit):
        return MAX_ARTICLE_BYTES


def _copy_stdin(into: Path, limit: int) -> None:
    """stdin into a file, a megabyte at a time, stopping one byte past the limit: an endless or huge stream
    is refused by the loader's size check without being read whole, into memory or onto the disk."""
    with open(into, "wb") as out:
        left = limit + 1
        while left > 0 and (chunk := sys.stdin.buffer.read(min(left, 1 << 20))):
            out.write(chunk)
            left -= len(chunk)


def _shown_stdin(report, stdin: str | None):
    """The report with the article read from stdin named "-", as it was given (not its private copy's
    temporary path, which would differ on every run)."""
    if stdin is None or all(a.path != stdin for a in report.articles):
        return report
    from dataclasses import replace

    return replace(report, articles=tuple(replace(a, path="-") if a.path == stdin else a for a in report.articles))


def _run_check(argv: list[str], stdin: str | None = None) -> int:
    from checker import baseline, corrections
    from checker.pipeline import select_rules
    from checker.stories import changed_since, check_stories, default_jobs, excluded, only_new, plan, with_new

    args = _check_parser().parse_args(argv)
    cfg = _config(args.paths or args.new)
    try:
        codes = _selected(args, cfg)
        select_rules(codes)
    except ValueError as err:
        raise UsageError(f"factcheck: {err}") from None
    fail_on = args.fail_on or cfg.get("fail-on") or "discrepancy"
    if args.no_cache:
        from checker import cache

        os.environ[cache.ENV_OFF] = "1"  # for the worker processes too
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"factcheck: --jobs must be at least 1, not {args.jobs}")
    new = list(args.new or [])
    if args.changed_since:
        new += changed_since(args.changed_since)
    if not args.paths and not args.new and not args.changed_since:
        raise UsageError("factcheck: give a story folder, article files, or --new FILE")
    max_bytes = _max_bytes(args, cfg)
    stories = plan(args.paths, args.follow_symlinks, max_bytes) if args.paths else []
    if args.new or args.changed_since:
        stories = with_new(stories, new) if new else []
        if max_bytes is not None:
            stories = [replace(st, max_bytes=max_bytes) for st in stories]
    _name_unread(args, stories)
    inputs = _inputs(stories)
    for path in [t.path for t in _targets(args) if t.path] + ([args.write_baseline] if args.write_baseline else []):
        from checker import files

        try:
            files.check_target(path, inputs)  # refused before any work, not after it
        except files.WriteError as err:
            raise UsageError(f"factcheck: {err}") from None
    if args.export:
        _export_folder(args.export, cfg)
    if cfg.get("exclude"):
        stories = excluded(stories, cfg.get("exclude"), cfg.root)
    if args.published:
        try:
            dt.date.fromisoformat(args.published)
        except ValueError:
            raise UsageError(f"factcheck: --published {args.published!r} is not a date (YYYY-MM-DD)") from None
        stories = [replace(st, published=args.published) for st in stories]
    results = check_stories(stories, tuple(codes) if codes else None, args.jobs or default_jobs())
    if stdin is not None:
        results = ((s, _shown_stdin(r, stdin)) for s, r in results)
    if args.new or args.changed_since:
        results = ((s, only_new(r, new)) for s, r in results)
    recorded: list = []
    if args.write_baseline:
        results = _recording(results, recorded)
    if cfg.get("severity"):
        results = _with_severity(results, cfg.get("severity"))
    base = baseline.load(args.baseline) if args.baseline else None
    if base is not None:
        results = ((s, base.apply(s.name, r)) for s, r in results)
    old = corrections.load(args.compare_to) if args.compare_to else None
    checked: list = []
    if old is not None:
        results = _keeping_discrepancies(results, checked)
    if not stories:  # --changed-since found no changed article: nothing to check
        if not args.silent:
            sys.stdout.write("No new or changed articles: nothing to check.\n")
        return EXIT_OK
    targets = _targets(args)
    # a Markdown copy beside a report read on screen, never beside a machine format or a file
    export = any(t.fmt == "text" and t.path is None for t in targets) and not args.statistics
    if args.silent:  # nothing reaches stdout: render only what goes to a file (the exit code needs no text)
        targets = [t for t in targets if t.path is not None]
    if len(stories) == 1:
        story, report = next(results)
        outs = [_render_one(args, t, report, story.name) for t in targets]
        if export:
            _export(args, story.name, report)
        found = [report]
    else:
        outs, found = _render_many(args, targets, results, export)
    if old is not None:
        outs = _with_comparison(targets, outs, corrections.compare(old, checked), args.compare_to)
    for i, t in enumerate(targets):
        out = outs[i]
        if base is not None and (t.fmt == "text" or i == 0):  # stale entries told once, or after each text report
            stale = _stale_lines(base, {st.name for st in stories}, t.fmt, args)  # text only: "" beside JSON's bytes
            out = out + stale if stale else out
        if t.path is not None:
            write_atomic(t.path, out, inputs)
        elif not args.silent:
            _write_stdout(out)
    if args.write_baseline:
        write_atomic(args.write_baseline, baseline.render(recorded), inputs)
        return EXIT_OK
    return exit_code(found, args.exit_zero or fail_on == "never", fail_on == "unsupported")


def _selected(args, cfg) -> list[str] | None:
    """The rule codes to run: --rules, else the settings' select; less the settings' ignore (any case)."""
    from checker.config import rule_codes

    chosen = rule_codes(_rule_codes(args.rules) or []) if args.rules else rule_codes(cfg.get("select") or [])
    ignored = set(rule_codes(cfg.get("ignore") or [])) if not args.rules else set()
    if ignored:
        from rules import REGISTRY

        chosen = [c for c in (chosen or list(REGISTRY)) if c not in ignored]
        if not chosen:
            raise ValueError("every rule is ignored ([tool.factcheck] ignore)")
    return chosen or None


def _name_unread(args, stories) -> None:
    """The files in the story folders that are not articles, named in one line on stderr (never skipped
    silently); not with --quiet or --silent."""
    unread = [f for s in stories for f in s.unread]
    if not unread or args.quiet or args.silent:
        return
    from checker.files import shown, terminal_safe

    listed = ", ".join(terminal_safe(shown(f)) for f in unread[:3])
    more = f" and {len(unread) - 3} more" if len(unread) > 3 else ""
    print(f"factcheck: not read, not articles (.txt, .md, .html): {listed}{more}", file=sys.stderr)


def _with_severity(results, table: dict):
    """Findings with the severity the settings give their rule."""
    from checker.config import rule_codes
    from checker.pipeline import make_report

    by_code = dict(zip(rule_codes(list(table)), table.values(), strict=True))
    for story, report in results:
        found = [replace(f, severity=by_code.get(f.rule, f.severity)) for f in report.findings]
        yield story, make_report(list(report.articles), found, list(report.reprints))


def _keeping_discrepancies(results, into: list):
    """Pass the stories' reports on, keeping each story's discrepancies for --compare-to."""
    for story, report in results:
        into.append((story.name, [f for f in report.findings if f.kind == "discrepancy"]))
        yield story, report


def _with_comparison(targets, outs: list, result: dict, path: str) -> list:
    """The comparison with the old report: a section after a text report, a "comparison" key in JSON."""
    import json

    from checker import corrections
    from checker.render.json import encode

    out = []
    for t, text in zip(targets, outs, strict=True):
        if t.fmt == "text":
            text += corrections.render_text(result, path)
        elif t.fmt == "json":
            doc = json.loads(text)
            doc["comparison"] = {"to": path, **result}
            text = encode(doc, newline=True)
        out.append(text)
    return out


def _recording(results, into: list):
    """Pass the stories' reports on, keeping their discrepancies and one-source claims for a baseline."""
    for story, report in results:
        into.extend((story.name, f) for f in report.findings if f.kind != "agreement")
        yield story, report


def _stale_lines(base, stories: set[str], fmt: str, args) -> str:
    """Baseline entries no finding matched: named after a text report, on stderr beside a machine format
    (whose schema has no place for them), as ruff names an unused suppression."""
    from checker.render import story_label

    stale = base.stale(stories)
    if not stale:
        return ""
    lines = [
        f"stale baseline entry {e['key']}: {e['rule']} {e['kind']} in {story_label(e['story'])} "
        f"({'; '.join(f'{a} {t!r}' for a, t in e['claims'])}) is no longer found"
        for e in stale
    ]
    hint = f"{len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} no longer found: rewrite it with --write-baseline"
    if fmt == "text" and not args.statistics:
        return "\n" + "\n".join(lines) + f"\n{hint}\n"
    if not args.silent:
        print("\n".join(f"factcheck: {x}" for x in [*lines, hint]), file=sys.stderr)
    return ""


class _Target(NamedTuple):
    """Where one rendering of the report goes: its format, its file (None: stdout), colour and width."""

    fmt: str
    path: str | None
    color: bool
    width: int | None


def _targets(args) -> list[_Target]:
    """The renderings a run writes. `-o FILE` takes the --format (stdout then gets nothing); `-o FORMAT:FILE`
    (repeatable) writes that format there while the terminal gets the text report (or --format)."""
    fmt = args.format or "text"
    out: list[_Target] = []
    plain = False
    for spec in args.output or []:
        head, sep, rest = spec.partition(":")
        if sep and head in FORMATS and rest:
            out.append(_Target(head, rest, False, None))
        else:
            out.append(_Target(fmt, spec, False, None))
            plain = True
    if not plain:
        out.insert(0, _Target(fmt, None, _use_color(args.color, sys.stdout), _width(sys.stdout)))
    return out


def _render_one(args, t: _Target, report, name: str = "") -> str | bytes:
    """One story's report in the target's format (the JSON report as its UTF-8 bytes: render.json.encode)."""
    from checker.render import json as rjson
    from checker.render import markdown as rmd
    from checker.render import text as rtext

    if t.fmt == "json":
        return rjson.render_bytes(report)
    if t.fmt == "markdown":
        return rmd.render(report)
    if t.fmt == "github":
        from checker.render import github

        return github.render(report)
    if t.fmt == "junit":
        from checker.render import junit

        return junit.render_stories([(name, report)])
    if t.fmt == "sarif":
        from checker.render import sarif

        return sarif.render([sarif.results(name, report)])
    if t.fmt == "html":
        from checker.render import html

        return html.render(report, name)
    if args.statistics:
        return statistics([report])
    return rtext.render(report, color=t.color, width=t.width, show=args.show, brief=args.quiet)


def _render_many(args, targets: list[_Target], results, export: bool):
    """Several stories: one report with a section per story (JSON: the stories' reports in a list), in
    each target's format. Each story's sections are rendered as its report arrives and the report let go,
    so memory is bounded by the largest story, not by the number of stories. Returns the outputs (one per
    target) and each story's counts."""
    from checker.render import json as rjson
    from checker.render import markdown as rmd
    from checker.render import text as rtext

    rows: list = []
    sections: list[list] = [[] for _ in targets]
    for story, report in results:
        rows.append(rtext.StoryRow.of(story.name, report))
        for t, into in zip(targets, sections, strict=True):
            if t.fmt == "github":
                from checker.render import github

                into.append(github.render(report))
            elif t.fmt == "junit":
                from checker.render import junit

                into.append(junit.render_stories([(story.name, report)]))
            elif t.fmt == "sarif":
                from checker.render import sarif

                into.append(sarif.results(story.name, report))
            elif t.fmt == "html":
                from checker.render import html

                into.append(html.story_section(story.name, report, len(rows) - 1))
            elif t.fmt == "json":
                into.append(rjson.story_section(story.name, report))
            elif t.fmt == "markdown":
                into.append(rmd.story_section(story.name, report))
            elif args.statistics:
                into.append(_Findings(report.findings))
            else:
                into.append(
                    rtext.story_section(story.name, report, color=t.color, width=t.width, show=args.show, brief=args.quiet)
                )
        if export:
            _export(args, story.name, report)
    outs = []
    for t, parts in zip(targets, sections, strict=True):
        if t.fmt == "github":
            outs.append("".join(parts))
        elif t.fmt == "junit":
            outs.append(_join_junit(parts))
        elif t.fmt == "sarif":
            from checker.render import sarif

            outs.append(sarif.render(parts))
        elif t.fmt == "html":
            from checker.render import html

            outs.append(html.render_stories(rows, parts))
        elif t.fmt == "json":
            outs.append(rjson.render_stories(rows, parts))
        elif t.fmt == "markdown":
            outs.append(rmd.render_stories(rows, parts))
        elif args.statistics:
            outs.append(statistics(parts))
        else:
            outs.append(rtext.render_stories(rows, parts, color=t.color, width=t.width))
    return outs, rows


def _join_junit(docs: list[str]) -> str:
    """The stories' JUnit documents as one: their test suites under one <testsuites>."""
    head, tail = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="factcheck">\n', "</testsuites>\n"
    body = "".join(d[len(head) : -len(tail)] for d in docs if d.startswith(head) and d.endswith(tail))
    return head + body + tail


class _Findings(NamedTuple):
    findings: tuple


def _width(stream) -> int | None:
    """The terminal's width (COLUMNS honoured); None when piped: no wrapping, so a finding's line greps."""
    cols = os.environ.get("COLUMNS", "")
    if cols.isdigit() and int(cols) > 0:
        return int(cols)
    if hasattr(stream, "isatty") and stream.isatty():
        return shutil.get_terminal_size().columns
    return None


def statistics(reports) -> str:
    """Findings per rule and kind over the reports, as ruff's --statistics: one line each, most first."""
    counts: dict[tuple[str, str, str], int] = {}
    for f in (f for r in reports for f in r.findings):
        key = (f.rule, f.rule_name, f.kind)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "".join(f"{n:5d}  {code} {name:<11} {kind}\n" for (code, name, kind), n in rows)


def _export_folder(folder: str, cfg) -> Path:
    """The Markdown copies' folder: inside the project (the settings' folder, or the current one), not the
    project folder itself; a usage error (one line) otherwise. --export is relative to the current folder."""
    from checker import config

    try:
        return config.inside_project(folder, Path.cwd(), "--export")
    except config.ConfigError as err:
        raise UsageError(f"factcheck: {err}") from None


def _export(args, name: str, report) -> None:
    """Keep a Markdown copy of a story folder's report where --export or [tool.factcheck] markdown_dir says.

    Only for a folder inside the project (run from its root), so `factcheck seeds/`
    keeps reports/seeds.md true while checking a folder elsewhere writes nothing here.
    """
    if args.no_export or not name or not Path(name).is_dir():
        return
    if args.export:
        folder = _export_folder(args.export, None)
    else:
        cfg = _config([name])
        if not cfg.get("markdown_dir") or cfg.root is None:
            return
        folder = cfg.root / cfg.get("markdown_dir")  # checked inside the project when the settings were read
    if not Path(folder).is_dir() or args.rules:
        return
    from checker.render import markdown as rmd

    story = Path(name).resolve()
    if not story.is_relative_to(Path.cwd().resolve()):
        return  # only the project's own story folders: checking ../elsewhere leaves no trace here
    # "stories/a/fire" and "stories/b/fire" are two stories: the folder's path names the copy
    name = "__".join(story.relative_to(Path.cwd().resolve()).parts)
    write_atomic(str(Path(folder) / f"{name}.md"), rmd.render(report))


def run_claims(argv: list[str]) -> int:
    import json

    from checker.load import article_text, discover, load_one
    from checker.pipeline import select_rules
    from checker.render.json import article_json, value_json

    args = _claims_parser().parse_args(argv)
    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            raise UsageError(f"factcheck claims: --published {args.published!r} is not a date (YYYY-MM-DD)") from None
    try:
        rules = select_rules(_rule_codes(args.rules))
    except ValueError as err:
        raise UsageError(f"factcheck claims: {err}") from None
    if args.text:
        found = discover(args.paths, minimum=1, follow_symlinks=args.follow_symlinks)
        if len(found) != 1:
            raise UsageError(f"factcheck claims: --text takes one article file, got {len(found)}")
        text = article_text(found[0], _max_bytes(args, _config(args.paths)))
        if args.output:
            write_atomic(args.output, text, frozenset({found[0].resolve()}))
        elif sys.stdout.isatty():  # exact when piped (offsets index it); no control characters on a screen
            from checker.files import terminal_safe

            sys.stdout.write(terminal_safe(text))
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode("utf-8", "surrogatepass"))
        return EXIT_OK
    rows = []
    max_bytes = _max_bytes(args, _config(args.paths))
    paths = discover(args.paths, minimum=1, follow_symlinks=args.follow_symlinks)
    inputs = frozenset(p.resolve() for p in paths)
    if args.output:
        from checker import files

        try:
            files.check_target(args.output, inputs)
        except files.WriteError as err:
            raise UsageError(f"factcheck claims: {err}") from None
    for path in paths:
        article = load_one(path, max_bytes)
        if published:
            article = replace(article, published=published)
        try:
            claims = sorted((c for r in rules for c in r.find_claims(article)), key=lambda c: (c.start, c.rule))
        except Exception as err:  # a bug, not bad input: exit 3 naming the article
            import traceback

            from checker.stories import InternalError

            raise InternalError(str(path), _one_line(err), traceback.format_exc()) from err
        names = {r.code: r for r in rules}
        rows.append((article, claims, names))
    if args.format == "json":
        doc = {
            "schema": "factcheck.claims/1",
            "tool": {"name": "factcheck", "version": __version__},
            "articles": [
                {
                    **article_json(a),
                    "claims": [
                        {
                            "rule": c.rule,
                            "rule_name": names[c.rule].name,
                            "start": c.start,
                            "end": c.end,
                            "text": c.text,
                            "value": value_json(c.value),
                            "role": c.role or None,
                            "head": c.head,
                            **({"timex": t} if (t := names[c.rule].timeml(c)) else {}),
                        }
                        for c in claims
                    ],
                }
                for a, claims, names in rows
            ],
        }
        out = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        lines = []
        for a, claims, names in rows:
            lines.append(f"{a.path}  (published {a.published or 'unknown'})")
            for c in claims:
                desc = names[c.rule].describe(c)
                t = names[c.rule].timeml(c)
                tx = f"  [TIMEX3 {t['type']} {t['value']}{' ' + t['mod'] if t.get('mod') else ''}]" if t else ""
                lines.append(f"  {c.start:>6}-{c.end:<6} {c.rule} {names[c.rule].name:<8} {c.text!r}  ->  {desc}{tx}")
            if not claims:
                lines.append("  (no claims)")
        from checker.files import terminal_safe

        out = terminal_safe("\n".join(lines) + "\n")  # an article's control characters never reach the terminal
    if args.output:
        write_atomic(args.output, out, inputs)
    else:
        sys.stdout.write(out)
    return EXIT_OK


def rule_reference() -> str:
    """The rule reference, from each rule module's docstring (docs/rules.md is this text)."""
    from rules import rules

    lines = [
        "# factcheck rules",
        "",
        "Generated from the rule modules' docstrings by `factcheck rules`; a test keeps this file in step.",
        "",
    ]
    for rule in rules().values():
        title, _, body = rule.doc.partition("\n")
        lines += [f"## {title.strip()}", "", f"Case file: `tests/cases/{rule.name}.toml`", "", body.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def run_rules(argv: list[str]) -> int:
    p = _Parser(prog="factcheck rules", description="Print the rule reference (what each rule finds, why, an example).")
    p.parse_args(argv)
    sys.stdout.write(rule_reference())
    return EXIT_OK


def run_rule(argv: list[str]) -> int:
    """`factcheck rule FC101` (or a name, any case): that rule's reference, as ruff's `ruff rule`."""
    from rules import rules

    p = _Parser(prog="factcheck rule", description="Print one rule's reference (what it finds, why, an example).")
    p.add_argument("rule", metavar="CODE", help="a rule code or name (FC103, dates; any case)")
    args = p.parse_args(argv)
    want = args.rule.strip().lower()
    rule = next((r for r in rules().values() if want in (r.code.lower(), r.name.lower())), None)
    if rule is None:
        known = ", ".join(f"{r.code} {r.name}" for r in rules().values())
        raise UsageError(f"factcheck rule: unknown rule {args.rule!r} (known: {known})")
    title, _, body = rule.doc.partition("\n")
    sys.stdout.write(f"# {title.strip()}\n\nCase file: tests/cases/{rule.name}.toml\n\n{body.strip()}\n")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """The command line; the exit code (see the module doc). A broken pipe on stdout (| head) ends quietly
    with 0, as grep and ruff do; a closed stdout (>&-) prints nothing and keeps the exit code."""
    from checker.caches import tune_gc

    tune_gc()
    code = _main(argv)
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # the reader went away while the last of the report was buffered
        _quiet_stdout()
        return EXIT_OK if code in (EXIT_OK, EXIT_FOUND) else code
    return code


def _main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:  # started with stdout closed (>&-): nothing can be printed; the exit code says it
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    if argv == ["--version"]:  # answered before the pipeline's modules are imported: CI asks it often
        try:
            print(f"factcheck {__version__}")
        except OSError:  # a broken pipe: the reader went away
            _quiet_stdout()
        return EXIT_OK
    from checker.files import terminal_safe
    from checker.load import InputError
    from checker.stories import InternalError

    try:
        _configure_vocab()
        if argv and argv[0] == "claims":
            return run_claims(argv[1:])
        if argv and argv[0] == "rules":
            return run_rules(argv[1:])
        if argv and argv[0] == "rule":
            return run_rule(argv[1:])
        return run_check(argv)
    except (UsageError, InputError) as err:
        msg = str(err)
        if not msg.startswith("factcheck"):
            msg = f"factcheck: {msg}"
        _err(terminal_safe(msg.splitlines()[0]) if msg else "factcheck: error")
        return EXIT_ERROR
    except BrokenPipeError:  # the reader went away (| head): end quietly, as grep and ruff do
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except InternalError as err:
        return _internal_error(err.where, err.what, err.trace)
    except OSError as err:
        _err(terminal_safe(f"factcheck: {err.filename or ''}: {err.strerror or err}".replace(": :", ":")))
        return EXIT_ERROR
    except Exception as err:  # a bug outside a story's check (rendering, a baseline): still no traceback
        import traceback

        return _internal_error(None, _one_line(err), traceback.format_exc())


def _one_line(err: BaseException) -> str:
    """ "OverflowError: date value out of range": the exception's type and the first line of its message."""
    return f"{type(err).__name__}: {err}".splitlines()[0] if str(err) else type(err).__name__


def _internal_error(where: str | None, what: str, trace: str) -> int:
    """An error nobody expected: exit 3 (never 1, "discrepancies found", nor 2, "bad input"), one line on
    stderr naming the article or story when it is known; the traceback only with FACTCHECK_DEBUG=1."""
    debug = os.environ.get(DEBUG_ENV, "") not in ("", "0")
    if debug:
        sys.stderr.write(trace if trace.endswith("\n") else trace + "\n")
    place = f" while checking {where}" if where else ""
    hint = "please report this with the article" + ("" if debug else f"; {DEBUG_ENV}=1 shows the traceback")
    print(f"factcheck: internal error{place}: {what} ({hint})", file=sys.stderr)
    return EXIT_INTERNAL


def _err(line: str) -> None:
    try:
        print(line, file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # stderr closed too
        pass


def _quiet_stdout() -> None:
    """stdout onto /dev/null, so that the interpreter's flush at exit raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass


if __name__ == "__main__":
    sys.exit(main())
