"""The TimeML corpus (tests/timex_corpus.toml): each temporal expression in its sentence, read against its
own publication date, has the TIMEX3 type, value, mod and extent `factcheck claims --format json` prints."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from checker.load import parse_article
from rules import rules as registered

CORPUS = tomllib.loads((Path(__file__).parent / "timex_corpus.toml").read_text(encoding="utf-8"))
MARK = re.compile(r"\[\[(.+?)\]\]")


def _article(entry: dict) -> tuple[str, tuple[int, int]]:
    """The article text of an entry and the offsets of its marked words (marks removed)."""
    head = "Headline\n" + (f"Published: {entry['published']}\n" if entry.get("published") else "") + "\n"
    m = MARK.search(entry["text"])
    assert m, f"no [[mark]] in {entry['text']!r}"
    body = MARK.sub(lambda x: x.group(1), entry["text"])
    start = len(head) + m.start()
    return head + body + "\n", (start, start + len(m.group(1)))


def timexes(text: str) -> list[tuple[dict, object]]:
    """Every TimeML view of the article's claims, with the claim's value."""
    a = parse_article("a", "a.txt", text)
    out = []
    for rule in registered().values():
        for c in rule.find_claims(a):
            t = rule.timeml(c)
            if t:
                assert text[c.start : c.end] == c.text
                out.append((t, c.value))
    return out


@pytest.mark.parametrize("entry", CORPUS["expr"], ids=[f"{e['text'][:50]}@{e.get('published')}" for e in CORPUS["expr"]])
def test_expression(entry):
    text, span = _article(entry)
    found = timexes(text)
    at = [(t, v) for t, v in found if (t["start"], t["end"]) == span]
    assert at, f"no TIMEX3 over {text[span[0] : span[1]]!r}; got {[(text[t['start'] : t['end']], t['value']) for t, _ in found]}"
    t, v = at[0]
    assert (t["type"], t["value"]) == (entry["type"], entry["value"])
    assert t.get("mod") == entry.get("mod")
    if "zone" in entry:
        assert t.get("zone") == entry["zone"]
    if "start" in entry:
        assert (v.start, v.end) == (dt.date.fromisoformat(entry["start"]), dt.date.fromisoformat(entry["end"]))


@pytest.mark.parametrize("entry", CORPUS["none"], ids=[e["text"][:50] for e in CORPUS["none"]])
def test_no_expression(entry):
    text, (s, e) = _article(entry)
    kinds = entry.get("types", ["DATE", "TIME", "DURATION", "SET"])  # of which type no expression may be there
    over = [text[t["start"] : t["end"]] for t, _ in timexes(text) if t["start"] < e and s < t["end"] and t["type"] in kinds]
    assert not over, f"{text[s:e]!r} is inside {over}"


def test_the_corpus_is_large_enough():
    assert len(CORPUS["expr"]) >= 60
