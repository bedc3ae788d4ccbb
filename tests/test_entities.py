"""checker/entities.py: names found in articles, name variants, and the story's entities.

Every sentence and name here is invented.
"""

from __future__ import annotations

import time

import pytest

from checker.entities import (
    EntityIndex,
    find_mentions,
    given_names_match,
    rank_start,
    rank_title,
    ranks_differ,
    roles_conflict,
    same_name,
    spelled_differently,
    title_like,
    unique_role,
)
from checker.load import parse_article


def article(aid: str, body: str):
    return parse_article(aid, f"{aid}.txt", f"Headline for {aid}\n\nMay 29, 2023\n\n{body}\n")


# ---------------------------------------------------------------- same_name

SAME = [
    ("Jian Ming Rao", "Jianming Rao"),  # joined given names
    ("Helena K. Marsh", "Helena Marsh"),  # a middle initial
    ("Judge Helena Marsh", "Helena Marsh"),  # a title
    ("HHJ Helena Marsh", "Judge Helena K. Marsh"),
    ("Marsh", "Helena Marsh"),  # a surname alone
    ("Bill Castellan-Reed", "William Castellan-Reed"),  # a nickname
    ("Liz Varga", "Elizabeth Varga"),
    ("Mohammad Rahimi", "Mohammed Rahimi"),  # a transliteration
    ("Olga Tereshkova", "Olga Tereshkowa"),  # a close spelling of the surname
    ("NRSA", "National Rail Safety Agency"),  # an acronym
    ("Department of Coastal Works", "DCW"),  # "of" left out of the initials
    ("Orvane", "Orvane Air"),  # a company without its head word
    ("Brightwater Homes Ltd", "Brightwater Homes"),  # a legal suffix
    ("the Ports and Harbours Commission", "Ports & Harbours Commission"),
    ("Dr Anya Brennick", "Anya Brennick"),  # an honorific
    ("Conrad Ashby Jr.", "Conrad Ashby"),  # a name suffix
    ("Li Wenjun", "Wenjun Li"),  # family name first
    ("Carrick Broadcasting Television", "CBTV"),  # an acronym taking two letters of one word
]

DIFFERENT = [
    ("John Smith", "Mary Smith"),  # two people with one surname
    ("Securities Commission", "Science Commission"),  # bodies sharing a head word
    ("Daniel Okafor", "Danielle Okafor"),
    ("Christina Vale", "Christine Vale"),
    ("John Harlow", "John Harlowe-Smith"),
    ("Carrick Police", "Carrick"),  # a town is no short form of its police
    ("Carrick Crown Court", "Carrick Police"),
    ("NRSA", "NRSB"),
    ("NRSA", "National Road Safety Board"),
    ("Anna Ling", "Tom Ling"),
    ("Halden Creek", "Creek"),  # a place's head word is no surname
    ("Jane Roe", "Jane Doe"),
    ("Tom Roe", "Tim Roe"),
    ("Velmora Foods", "Velmora Bank"),
    ("Ruth Callow", "Ruth"),  # a given name alone is not the person (context-free)
]


@pytest.mark.parametrize("a,b", SAME)
def test_same_name(a, b):
    assert same_name(a, b), f"{a!r} and {b!r} should be one name"
    assert same_name(b, a), "same_name is symmetric"


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_not_same_name(a, b):
    assert not same_name(a, b), f"{a!r} and {b!r} should not be one name"
    assert not same_name(b, a)


def test_spelled_differently():
    assert spelled_differently("Gregor Miliote", "Gregor Milliote")
    assert spelled_differently("Jian Ming Rao", "Jianming Rao")
    assert not spelled_differently("Bill Castellan-Reed", "William Castellan-Reed")
    assert not spelled_differently("Helena K. Marsh", "Helena Marsh")


# ---------------------------------------------------------------- find_mentions


def test_mention_spans_and_kinds():
    a = article(
        "a",
        "Meanwhile, Velmora Foods chief executive Priya Ellery said the plant in Harlow Creek would close. "
        "The National Rail Safety Agency (NRSA) said on Monday that Judge Helena K. Marsh had ruled. "
        "Ellery, 52, added that Denver-based analysts agreed.",
    )
    ms = find_mentions(a)
    for m in ms:
        assert a.text[m.start : m.end] == m.text
        assert m.article == "a"
        assert any(s.start <= m.start and m.end <= s.end for s in a.sentences)
    by_text = {m.text: m for m in ms}
    assert "Meanwhile" not in by_text and "Monday" not in by_text
    assert by_text["Priya Ellery"].kind == "person"
    assert by_text["Priya Ellery"].role == "chief executive"
    assert a.text[by_text["Priya Ellery"].body.start : by_text["Priya Ellery"].body.end] == "Velmora Foods"
    assert by_text["Velmora Foods"].kind == "body"
    assert by_text["Harlow Creek"].kind == "place"
    assert by_text["National Rail Safety Agency"].kind == "body"
    assert by_text["NRSA"].alias == "National Rail Safety Agency"
    assert by_text["Helena K. Marsh"].role == "judge" and by_text["Helena K. Marsh"].prefix == "Judge"
    assert by_text["Denver"].kind == "place"
    assert "Ellery" in by_text


def test_mentions_skip_quoted_titles_and_quote_openings():
    a = article("a", 'The board released its report, "Silt and Dredging in the Outer Harbour", on Monday. She said: "Leave now."')
    texts = {m.text for m in find_mentions(a)}
    assert not texts & {"Silt", "Dredging", "Outer Harbour", "Leave"}


def test_mentions_cut_at_titles_inside_a_name():
    a = article("a", "Halden County Sheriff Tom Roe and Detective Inspector Ruth Callow of Carrick Police spoke.")
    by_text = {m.text: m for m in find_mentions(a)}
    assert by_text["Tom Roe"].role == "sheriff"
    assert by_text["Halden County"].kind == "place"
    assert by_text["Ruth Callow"].role == "detective"
    assert by_text["Ruth Callow"].prefix == "Detective Inspector"
    assert by_text["Carrick Police"].kind == "body"


def test_mentions_appositive_roles():
    a = article("a", "Simon Hale, prosecuting, told the jury. Gail Pruett, the former chief executive of Velmora Foods, agreed.")
    by_text = {m.text: m for m in find_mentions(a)}
    assert by_text["Simon Hale"].role == "prosecutor"
    assert by_text["Gail Pruett"].role == "chief executive" and by_text["Gail Pruett"].former


def test_furniture_gives_no_mentions():
    a = parse_article(
        "a", "a.txt", "Headline\n\nMay 29, 2023\n\nJudge Helena Marsh sat.\n\nAbout the author\n\nPaul Okonkwo is a writer.\n"
    )
    assert "Paul Okonkwo" not in {m.text for m in find_mentions(a)}


# ---------------------------------------------------------------- EntityIndex


@pytest.fixture
def two():
    a = article(
        "a",
        "Judge Helena K. Marsh jailed Conrad Ashby on Friday. "
        "The National Rail Safety Agency published its findings. "
        "Orvane chief executive William Castellan-Reed said the Securities Commission would review it. "
        "John Smith, a passenger, said he was relieved.",
    )
    b = article(
        "b",
        "HHJ Helena Marsh told Mr Ashby he had shown no remorse. "
        "The NRSA blamed a cracked rail. "
        "Orvane Air CEO Bill Castellan-Reed said the Science Commission would not comment. "
        "Mary Smith, a passenger, said she was shaken. Marsh adjourned.",
    )
    return a, b, EntityIndex([a, b])


def ent(index, aid, text):
    m = next(m for m in index.mentions if m.article == aid and m.text == text)
    return index.entity_of(m)


def test_index_clusters_variants(two):
    _, _, idx = two
    judge = ent(idx, "a", "Helena K. Marsh")
    assert judge == ent(idx, "b", "Helena Marsh") == ent(idx, "b", "Marsh")
    assert idx.entities[judge].kind == "person"
    assert idx.entities[judge].label == "Helena Marsh"
    assert idx.entities[judge].articles == frozenset({"a", "b"})
    assert idx.entities[judge].roles == {"a": {"judge"}, "b": {"judge"}}
    assert ent(idx, "a", "Conrad Ashby") == ent(idx, "b", "Ashby")
    assert ent(idx, "a", "National Rail Safety Agency") == ent(idx, "b", "NRSA")
    ceo = ent(idx, "a", "William Castellan-Reed")
    assert ceo == ent(idx, "b", "Bill Castellan-Reed")
    assert idx.entities[ceo].label == "William Castellan-Reed"
    assert ent(idx, "a", "Orvane") == ent(idx, "b", "Orvane Air")


def test_index_keeps_near_misses_apart(two):
    _, _, idx = two
    assert ent(idx, "a", "John Smith") != ent(idx, "b", "Mary Smith")
    assert ent(idx, "a", "Securities Commission") != ent(idx, "b", "Science Commission")


def test_index_resolve_and_same(two):
    a, _, idx = two
    judge = ent(idx, "a", "Helena K. Marsh")
    assert idx.resolve("b", "Judge Marsh") == judge
    assert idx.resolve("a", "Marsh") == judge
    assert idx.resolve("a", "the NRSA") == ent(idx, "a", "National Rail Safety Agency")
    assert idx.resolve("a", "the agency") == ent(idx, "a", "National Rail Safety Agency")
    assert idx.resolve("a", "the company") is None
    assert idx.resolve("a", "Smith") == ent(idx, "a", "John Smith")
    assert idx.same("a", "chief executive William Castellan-Reed", "b", "Bill Castellan-Reed")
    assert not idx.same("a", "John Smith", "b", "Mary Smith")
    assert idx.entity_at("a", a.text.index("Helena"), a.text.index("Helena") + 6) == judge
    assert idx.entity_at("a", 0, 3) is None


def test_surname_alone_is_ambiguous_between_two_people():
    a = article("a", "John Smith and Mary Smith both spoke. Smith said the vote was close.")
    b = article("b", "Smith said the vote had been close.")
    idx = EntityIndex([a, b])
    john, mary = ent(idx, "a", "John Smith"), ent(idx, "a", "Mary Smith")
    assert john != mary
    alone = ent(idx, "b", "Smith")
    assert alone not in (john, mary)


def test_roles():
    assert roles_conflict("prosecutor", "detective")
    assert roles_conflict("chief executive", "chief financial officer")
    assert not roles_conflict("judge", "judge")
    assert not roles_conflict("chief executive", "chair")
    assert not roles_conflict("chief financial officer", "finance director")
    assert not roles_conflict("spokesperson", "director")
    assert unique_role("chief executive") and unique_role("sheriff")
    assert not unique_role("detective")


def test_title_like():
    assert title_like("Silt and Dredging in the Outer Harbour")
    assert title_like("Greener Carrick 2030")
    assert not title_like("We will rebuild the harbour wall before winter")
    assert not title_like("Leave")


def test_index_is_fast_on_a_long_story():
    names = [
        f"{g} {s}"
        for g in ("Anna", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo")
        for s in ("Varn", "Ossel", "Pratt", "Quill", "Rhee", "Sallow")
    ]
    body = " ".join(
        f"{n} met officials of the {s.split()[1]} Harbour Authority on Monday. {n.split()[1]} said little."
        for n, s in zip(names * 6, names[::-1] * 6)
    )
    arts = [article(f"x{i}", body) for i in range(3)]
    t0 = time.perf_counter()
    idx = EntityIndex(arts)
    assert time.perf_counter() - t0 < 5.0
    assert len(idx.mentions) > 600
    varn = ent(idx, "x0", "Anna Varn")
    assert idx.entities[varn].articles == frozenset({"x0", "x1", "x2"})
    assert ent(idx, "x0", "Anna Varn") != ent(idx, "x0", "Bruno Varn")


# ---------------------------------------------------------------- the names rule on a story


def names_report(*bodies: str):
    from checker.pipeline import check_articles, select_rules

    arts = [article(chr(ord("a") + i), b) for i, b in enumerate(bodies)]
    return check_articles(arts, select_rules(["names"]))


def test_names_rule_reports_people_and_bodies_not_places_or_single_words():
    r = names_report(
        "Flooding hit Harlow Creek. Orvane said the Ports and Harbours Commission and Gail Pruett, the harbour master, met.",
        "Orvane said flooding hit Harlow Creek, where Gail Pruett met the Ports and Harbours Commission.",
    )
    topics = {f.topic for f in r.findings}
    assert topics == {"Gail Pruett", "Ports and Harbours Commission"}
    assert all(f.kind == "agreement" for f in r.findings)
    for f in r.findings:
        assert len(f.claims) == 2 and {c.article for c in f.claims} == {"a", "b"}


def test_names_rule_never_reports_a_name_as_one_source_alone():
    r = names_report("Judge Helena Marsh sat with Dr Anya Brennick.", "Nothing further was reported.")
    assert r.counts["unsupported"] == 0 and not r.findings


def test_names_rule_keeps_the_report_short():
    from rules import names

    people = [
        f"{g} {s}"
        for g, s in zip(
            ("Anna", "Bruno", "Carla", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karin"),
            ("Varn", "Ossel", "Pratt", "Quill", "Rhee", "Sallow", "Tamm", "Ulver", "Wex", "Yarrow"),
        )
    ]
    body = " ".join(f"Detective {p} spoke." for p in people)
    r = names_report(body, body)
    assert len(r.findings) == names.MAX_FINDINGS


def test_names_rule_role_conflict_and_office_conflict_messages():
    r = names_report(
        "Velmora Foods chief executive Priya Ellery said prosecutor Dana Whitlock had called.",
        "Velmora Foods chief executive Marcus Dunmore said Detective Dana Whitlock had called.",
    )
    kinds = sorted((f.kind, f.topic) for f in r.findings)
    assert ("discrepancy", "Dana Whitlock") in kinds
    assert ("discrepancy", "chief executive of Velmora Foods") in kinds
    office = next(f for f in r.findings if f.topic == "chief executive of Velmora Foods")
    assert "Priya Ellery" in office.message and "Marcus Dunmore" in office.message


# ---------------------------------------------------------------- ranks of one office


@pytest.mark.parametrize(
    "a, b",
    [
        ("assistant district attorney", "district attorney"),
        ("deputy associate director", "associate director"),
        ("associate director", "director"),
        ("Deputy Mayor", "mayor"),
        ("vice chair", "chair"),
    ],
)
def test_ranks_differ(a, b):
    assert ranks_differ(a, b) and ranks_differ(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("district attorney", "district attorney"),
        ("former district attorney", "district attorney"),
        ("executive vice president", "vice president"),  # "executive" is no rank
        ("deputy", "assistant"),  # rank words alone name no office
        ("director", "editor"),
        ("deputy public defender", "public defender"),  # many hold the office
    ],
)
def test_ranks_do_not_differ(a, b):
    assert not ranks_differ(a, b)


def test_rank_start_and_title():
    text = "Assistant Coach Dara Velt spoke."
    assert rank_start(text, text.index("Coach")) == 0
    text = "Harlow Coach Dara Velt spoke."
    assert rank_start(text, text.index("Coach")) == text.index("Coach")
    assert rank_title("the former Deputy Director") == "deputy director"


def test_given_names_match():
    assert given_names_match("Rob Tarrow", "Robert Tarrow")
    assert not given_names_match("Rob Tarrow", "Nick Tarrow")


def test_copula_role_and_capitalised_relation():
    a = article("a", "Tovin Reyes was deputy director of the Harlow Survey Office. Son Ji-woo scored twice.")
    ms = {m.text: m for m in find_mentions(a)}
    assert ms["Tovin Reyes"].role == "deputy director" and ms["Tovin Reyes"].former
    assert "Son Ji-woo" in ms and ms["Son Ji-woo"].role is None
    b = article("b", "Tovin Reyes was a witness at the hearing.")
    assert all(m.role is None for m in find_mentions(b))


def test_initialism_without_definition_is_a_body():
    idx = EntityIndex(
        [
            article("a", "She can still break the Varden Coast League scoring mark."),
            article("b", "She is on pace to take the VCL scoring mark."),
        ]
    )
    (e,) = [e for e in idx.entities if len(e.articles) == 2]
    assert e.kind == "body"
