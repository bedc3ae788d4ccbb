"""Hostile input through the whole pipeline (issue 12, reliability 1): never a traceback.

Every example is a story of two articles written to files and checked as the CLI checks a story
(``checker.stories.check_story``), then rendered as JSON and text. It either reports, with every claim
span true to its article (``article.text[start:end] == claim.text``), or refuses the input with
InputError (the CLI's exit 2). Anything else is a bug.

The strategies build articles from arbitrary Unicode, random bytes (through the loader), huge and tiny
numbers, dates at the ends of the calendar, nested and unbalanced quotes of every kind, long lines and
words (up to a few thousand characters: the 100 kB inputs are the linear-time tests'), NUL bytes, mixed
line endings, BOMs and NFD text. All names, places and figures are invented.

The regression cases at the end are the five causes of the crashes found on generated articles: years
out of range after relative-date arithmetic ("21 centuries ago", "the next 999 years"), a dateline of
year 1 or 9999 with "last week" or "the next quarter", and figures that overflow a float ("$" and 300
nines, "10^400"). The last tests check what the CLI does with an error nobody expected: its own exit
code (3), one line naming the article, and a traceback only when FACTCHECK_DEBUG asks for one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.load import InputError
from checker.render import json as rjson
from checker.render import text as rtext
from checker.stories import StoryInput, check_story

ROOT = Path(__file__).resolve().parent.parent

SCALE = float(os.environ.get("HOSTILE_SCALE", "1"))  # a quick local run: HOSTILE_SCALE=0.1


def _n(examples: int) -> int:
    return max(1, round(examples * SCALE))


SETTINGS = {"deadline": None, "derandomize": True, "suppress_health_check": list(HealthCheck), "database": None}

DATELINES = [
    "Published: 0001-01-01",
    "Published: 0001-01-02",
    "Published: 9999-12-31",
    "Published: 9999-12-01",
    "Published: 2031-02-28",
    "By Tamsin Orlo, Varnholt Courier, 12 March 2029",
    "",
]

SENTENCES = [
    "The council of Brellin said last week that the plan was dead.",
    "Revenue will rise in the next quarter, the Osterwick firm said.",
    "A year from now the Fennick bridge will open, Mayor Kell said.",
    "The fort at Quellan was built 21 centuries ago, officials said on Monday.",
    "The lease runs for the next 999 years.",
    "The next 999 decades will tell, said Ana Pruitt.",
    "Ten years ago, in 1 BC, the city fell.",
    "On December 31, 9999, and on January 1, 0001, nothing happened.",
    "Q4 9999 results and Q1 0001 results were filed.",
    "The Kell board met on December 31, 9999. The next day it closed, and the following week it reopened.",
    "The Kell board met on January 1, 1. The day before it had closed; two days earlier it opened.",
    "The deal closed yesterday and tomorrow it starts, Varro said.",
    "Next Tuesday the vote is due; this weekend the polls close.",
    "Earlier this month, and later this year, the board met.",
    "In the 99th century and the 0th century, and in the 9990s.",
    "It happened 99999999999999999999 years ago, he said.",
    "It will happen in 99999999999999999999 days.",
    "At 25:99 on 31 February 9999 it ended.",
    "Some 1,204 people were evacuated from Harrowgate, police said.",
    "The town spent $4.5 million on roads, up from $3.2 million.",
    "About 40% of the 3,000 residents of Pellham voted.",
    "Four people were killed and 12 injured, the agency said.",
    "Sales rose 7 percent to 9,000 units in 2030.",
    '"We will not stop," said Dana Morrow, the union leader.',
    "“It is over,” she said. ‘Not yet,’ he replied.",
    "The bridge is 3.2 kilometres long and weighs 900 tonnes.",
]

HUGE = [
    "$" + "9" * 300,
    "$" + "9" * 300 + " billion",
    "10^400",
    "1e400",
    "9" * 400 + " people",
    "9" * 400 + "%",
    "9" * 400 + " km",
    "€" + "9" * 310 + " trillion",
    "0." + "0" * 300 + "1",
    "$0." + "0" * 400 + "1",
    "1" + "0" * 400 + " euros",
    "9" * 309 + " years ago",
    "the next " + "9" * 400 + " years",
    " ".join(["trillion"] * 40) + " dollars",
    "nine hundred " + " ".join(["quadrillion"] * 30) + " people",
]

QUOTES = ['"', "“", "”", "‘", "’", "«", "»", "„", "'"]

hostile_piece = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HUGE).map(lambda h: f"The Tarnby office said {h} were counted."),
    st.lists(st.sampled_from(QUOTES), min_size=1, max_size=40).map("".join),
    st.tuples(st.lists(st.sampled_from(QUOTES), max_size=8), st.sampled_from(SENTENCES)).map(
        lambda t: "".join(t[0]) + t[1] + "".join(reversed(t[0]))
    ),
    st.integers(1, 1500).map(lambda n: "x" * n),
    st.integers(1, 2000).map(lambda n: "9" * n),
    st.integers(1, 120).map(lambda n: "Mr. " * n),
    st.integers(1, 15).map(lambda n: "May 3, " * n),
    st.sampled_from(["\x00", "\ufeff", "\r\n", "\r", "\n", "\n\n", "\u2028", "\t", " "]),
    st.text(max_size=200),
    st.integers(1, 40).map(lambda n: " ".join(SENTENCES[i % len(SENTENCES)] for i in range(n))),  # a long line
)


def _article(dateline: str, pieces: list[str], nfd: bool, ending: str, bom: bool) -> str:
    body = " ".join(pieces)
    text = f"The Orlov Gazette reports\n{dateline}\n\n{body}\n".replace("\n", ending)
    if nfd:
        text = unicodedata.normalize("NFD", text)
    return ("\ufeff" if bom else "") + text


article_text = st.builds(
    _article,
    st.sampled_from(DATELINES),
    st.lists(hostile_piece, min_size=1, max_size=8),
    st.booleans(),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)


def _check(a: bytes, b: bytes) -> None:
    """The two articles through the whole pipeline: a report true to its articles, or InputError."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_bytes(a)
        (folder / "b.txt").write_bytes(b)
        story = StoryInput(str(folder), (str(folder / "a.txt"), str(folder / "b.txt")))
        try:
            report = check_story(story)
        except InputError:
            return
        texts = {art.id: art.text for art in report.articles}
        for finding in report.findings:
            for c in finding.claims:
                assert texts[c.article][c.start : c.end] == c.text, (c.rule, c.start, c.end, c.text)
        json.loads(rjson.render(report))
        rtext.render(report, width=100)


def _utf8(s: str) -> bytes:
    return s.encode("utf-8", "surrogatepass")


@settings(max_examples=_n(500), **SETTINGS)
@given(article_text, article_text)
@example(
    "Headline\nPublished: 2031-03-04\n\nThe fort was built 21 centuries ago, officials said.\n",
    "Headline\nPublished: 2031-03-05\n\nThe fort was built 20 centuries ago, officials said.\n",
)
def test_hostile_articles(a: str, b: str) -> None:
    _check(_utf8(a), _utf8(b))


@settings(max_examples=_n(800), **SETTINGS)
@given(st.text(min_size=1, max_size=3000), st.text(min_size=1, max_size=3000))
def test_arbitrary_unicode(a: str, b: str) -> None:
    _check(_utf8(a), _utf8(b))


@settings(max_examples=_n(400), **SETTINGS)
@given(st.binary(min_size=0, max_size=3000), article_text)
def test_random_bytes(a: bytes, b: str) -> None:
    _check(a, _utf8(b))


@settings(max_examples=_n(400), **SETTINGS)
@given(
    st.sampled_from(DATELINES[:4]),
    st.sampled_from(HUGE + SENTENCES),
    st.sampled_from(HUGE + SENTENCES),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_calendar_and_figure_ends(dateline: str, one: str, two: str, ending: str) -> None:
    a = _article(dateline, [one, "The Kestrel board said it."], False, ending, False)
    b = _article(dateline, [two, one.replace("9", "8")], False, ending, False)
    _check(_utf8(a), _utf8(b))


# ---------------------------------------------------------------- the five crash causes, as regressions

REGRESSIONS = {
    "centuries ago (year below 1)": ("Published: 2031-03-04", "The fort at Quellan was built 21 centuries ago, officials said."),
    "dateline of year 1, last week": ("Published: 0001-01-01", "The Brellin council said last week that the plan was dead."),
    "dateline of year 9999, next quarter": (
        "Published: 9999-12-31",
        "Revenue will rise in the next quarter, the Osterwick firm said.",
    ),
    "the next 999 years": ("Published: 9999-12-01", "The Fennick lease runs for the next 999 years, the firm said."),
    "a year from now at 9999": ("Published: 9999-12-31", "A year from now the Fennick bridge will open, Mayor Kell said."),
    "the next day after 9999-12-31": (
        "Published: 9999-12-31",
        "The Kell board met on December 31. The next day it closed, the Osterwick firm said.",
    ),
    "300 nines of dollars": ("Published: 2031-03-04", "The Tarnby office spent $" + "9" * 300 + " on roads, Kell said."),
    "300 nines of people": ("Published: 2031-03-04", "Some " + "9" * 400 + " people were evacuated from Harrowgate."),
    "10^400": ("Published: 2031-03-04", "The Tarnby office said 10^400 users and 1e400 visits were counted."),
    "a huge percentage": ("Published: 2031-03-04", "Turnout rose " + "9" * 400 + "% in Pellham, officials said."),
}


@pytest.mark.parametrize("case", list(REGRESSIONS), ids=list(REGRESSIONS))
def test_crash_regressions(case: str) -> None:
    dateline, sentence = REGRESSIONS[case]
    a = f"The Orlov Gazette\n{dateline}\n\n{sentence}\n"
    other = sentence.replace("21", "20").replace("999", "998").replace("9" * 300, "8" * 300)
    b = f"The Varnholt Courier\n{dateline}\n\n{other} The board said so.\n"
    _check(a.encode(), b.encode())
    _check(a.encode(), a.replace("Orlov", "Ostrava").encode())


def test_out_of_calendar_dates_are_no_claims() -> None:
    """A relative date whose value falls outside the calendar (year 1 to 9999) is no date claim at all."""
    from checker.load import parse_article
    from rules import dates

    art = parse_article("a", "a.txt", "The Orlov Gazette\nPublished: 0001-01-01\n\nThe board said last week it would close.\n")
    assert [c.text for c in dates.find_claims(art)] == []
    art = parse_article("a", "a.txt", "The Orlov Gazette\nPublished: 2031-03-04\n\nThe fort was built 21 centuries ago.\n")
    assert [c.text for c in dates.find_claims(art)] == []


def test_overflowing_figures_are_no_claims() -> None:
    """A figure too large for a float is no money or count claim; a near miss of normal size still is."""
    from checker.load import parse_article
    from rules import counts, money

    huge = "The Tarnby office spent $" + "9" * 400 + " and " + "9" * 400 + " people came."
    art = parse_article("a", "a.txt", f"The Orlov Gazette\nPublished: 2031-03-04\n\n{huge}\n")
    assert money.find_claims(art) == []
    assert counts.find_claims(art) == []
    art = parse_article(
        "a", "a.txt", "The Orlov Gazette\nPublished: 2031-03-04\n\nThe office spent $4.5 million; 900 people came.\n"
    )
    assert [c.text for c in money.find_claims(art)] == ["$4.5 million"]
    assert any(c.text.startswith("900") for c in counts.find_claims(art))


# ---------------------------------------------------------------- an internal error through the CLI

_CRASH = """
import sys
import rules
def boom(article):
    raise OverflowError("simulated overflow in a rule")
for r in rules.rules().values():
    if r.name == "dates":
        object.__setattr__(r, "find_claims", boom)  # a frozen Rule: the hook swapped for this process only
from checker.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _story(tmp: Path) -> Path:
    folder = tmp / "story"
    folder.mkdir()
    (folder / "a.txt").write_text("The Orlov Gazette\nPublished: 2031-03-04\n\nThe board met on Monday, Kell said.\n")
    (folder / "b.txt").write_text("The Varnholt Courier\nPublished: 2031-03-05\n\nThe board met on Tuesday, Kell said.\n")
    return folder


def _run(tmp: Path, *args: str, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DEBUG"}
    if debug:
        env["FACTCHECK_DEBUG"] = "1"
    return subprocess.run([sys.executable, "-c", _CRASH, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_internal_error_exit_code_and_one_line(tmp_path: Path, jobs: str) -> None:
    folder = _story(tmp_path)
    shelf = tmp_path
    (tmp_path / "other").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "other" / name).write_text((folder / name).read_text())
    target = str(folder) if jobs == "1" else str(shelf)
    proc = _run(tmp_path, target, "--no-export", "--jobs", jobs)
    assert proc.returncode == 3, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("factcheck: internal error while checking ")
    assert "a.txt" in lines[0]
    assert "OverflowError: simulated overflow in a rule" in lines[0]
    assert "please report" in lines[0]
    assert "Traceback" not in proc.stderr


def test_internal_error_debug_shows_traceback(tmp_path: Path) -> None:
    folder = _story(tmp_path)
    proc = _run(tmp_path, str(folder), "--no-export", debug=True)
    assert proc.returncode == 3
    assert "Traceback" in proc.stderr
    assert "simulated overflow in a rule" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("factcheck: internal error")


def test_internal_error_in_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """main() itself: a ValueError raised by a bug is no "bad input" (exit 2) but an internal error (3)."""
    from checker import cli

    def broken(*args, **kwargs):
        raise ValueError("year -80 is out of range")

    monkeypatch.setattr("checker.pipeline.check_articles", broken)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    folder = _story(tmp_path)
    assert cli.main([str(folder), "--no-export"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ValueError: year -80 is out of range" in err[0], err
    assert str(folder) in err[0]


def test_bad_input_still_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checker import cli

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00\x01binary")
    (folder / "b.txt").write_text("The Orlov Gazette\n\nThe board met, Kell said.\n")
    assert cli.main([str(folder), "--no-export"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "binary" in err[0]


def test_internal_error_in_claims_names_the_article(tmp_path: Path) -> None:
    folder = _story(tmp_path)
    proc = _run(tmp_path, "claims", str(folder / "b.txt"))
    assert proc.returncode == 3, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"factcheck: internal error while checking {folder / 'b.txt'}: ")
