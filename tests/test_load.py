"""The loader: headline, dateline, byline and furniture, with offsets into the file as decoded."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.load import parse_article, parse_dateline


@pytest.mark.parametrize(
    "line,expected",
    [
        ("May 29, 2023", dt.date(2023, 5, 29)),
        ("Published 2025-03-03", dt.date(2025, 3, 3)),
        ("Mon 3 Mar 2025 14:05 GMT", dt.date(2025, 3, 3)),
        ("Updated: Aug. 5, 2025, 7:12 a.m.", dt.date(2025, 8, 5)),
        ("Updated: 14 March 2025, 4:20pm", dt.date(2025, 3, 14)),
        ("September 14, 2013", dt.date(2013, 9, 14)),
        ("The council met on May 29, 2023 to vote on the budget", None),
        ("Headline about a May day", None),
    ],
)
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


ARTICLE = """We use cookies to improve your experience. Accept all

Harbour plan approved

Updated: 3 June 2024, 9:15am

By Lena Ortiz | Staff writer

PORTVALE, June 3 (Coastline) - The harbour board approved a $12 million plan on Monday.

Related: Ferry fares to rise in autumn

Share this article: Facebook | X | Email

About the author
Lena Ortiz covers the harbour for 9 years.
"""


def test_header_and_furniture():
    a = parse_article("a", "a.txt", ARTICLE)
    assert a.title == "Harbour plan approved"
    assert a.published == dt.date(2024, 6, 3)
    assert a.byline == "Lena Ortiz"
    story = [a.text[s.start : s.end] for s in a.sentences]
    assert story == ["The harbour board approved a $12 million plan on Monday."]  # wire dateline, furniture and bio left out


def test_markdown_header():
    a = parse_article("m", "m.md", "# Big story\n\n*Published 2024-02-01*\n\n**By** Jane Roe\n\nThe board met on Monday.\n")
    assert (a.title, a.published, a.byline) == ("Big story", dt.date(2024, 2, 1), "Jane Roe")


def test_offsets_are_into_the_text_as_decoded():
    text = "\ufeffHeadline\r\n\r\nMay 1, 2024\r\n\r\nThe mayor resigned. Two aides left.\r\n"
    a = parse_article("b", "b.txt", text)
    assert [text[s.start : s.end] for s in a.sentences] == ["The mayor resigned.", "Two aides left."]


@pytest.mark.parametrize(
    "lead",
    ["PORTVILLE, August 7 (Agency) -- ", "PORTVILLE, Aug. 7 (Agency) - ", "PORTVILLE (Agency) — ", "Sept 9 (Wire) - "],
)
def test_a_wire_dateline_is_cut_and_the_lead_is_story_text(lead):
    text = f"Storm hits\n\n{lead}Two people died on Monday, police said.\n"
    a = parse_article("a", "a.txt", text)
    assert [text[s.start : s.end] for s in a.sentences] == ["Two people died on Monday, police said."]


def test_a_story_line_that_names_a_newsletter_is_no_furniture():
    text = "Sales fall\n\nThe firm said in its newsletter that sales fell in May.\n\nSign up for our free newsletter.\n"
    a = parse_article("a", "a.txt", text)
    assert [text[s.start : s.end] for s in a.sentences] == ["The firm said in its newsletter that sales fell in May."]
    assert [text[f.start : f.end] for f in a.furniture] == ["Sign up for our free newsletter."]
