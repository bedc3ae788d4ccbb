"""Base forms of words, as alignment sees them: words of one family meet, look-alikes stay apart."""

import pytest

from checker.text import canon, content_terms, stem


def terms(text: str) -> set[str]:
    return {t for t, _, _ in content_terms(text, 0, len(text))}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The council agreed to the deal.", "The council agrees to the deal."),
        ("The segments aired on Monday.", "The segment airs on Monday."),
        ("Residents fled the flooded towns.", "Residents flee the flooded town."),
        ("Lightning struck the towers.", "Lightning strikes the tower."),
        ("The witness lied in court.", "The witness was lying in court."),
        ("Several passengers died in the crash.", "Several passengers dies in the crash."),
    ],
)
def test_forms_of_one_word_meet(a, b):
    assert terms(a) == terms(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("agreed", "agrees"),
        ("segments", "segment"),
        ("aired", "air"),
        ("said", "say"),
        ("told", "tell"),
        ("fled", "flee"),
        ("struck", "strike"),
        ("planned", "plan"),
        ("planes", "plane"),
        ("fires", "fire"),
        ("lying", "lied"),
    ],
)
def test_same_base(a, b):
    assert canon(a) == canon(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("firing", "fire"),  # the noun ("the firing of the coach") is its own word
        ("Nile", "nil"),
        ("plan", "plane"),
        ("plans", "planes"),
        ("planning", "planes"),
        ("felt", "feel"),  # "felt" is a noun in its own right (and a surname)
    ],
)
def test_look_alikes_stay_apart(a, b):
    assert canon(a) != canon(b)


def test_collisions_in_text():
    plan = terms("The city unveiled a plan for the airport.")
    plane = terms("The city unveiled a plane for the airport.")
    assert canon("plan") in plan and canon("plan") not in plane
    assert canon("plane") in plane and canon("plane") not in plan
    assert canon("fire") not in terms("The firing of the coach surprised fans.")
    assert canon("nil") not in terms("Boats sailed up the Nile.")


@pytest.mark.parametrize("word", ["news", "series", "species", "gas", "bus", "us", "this", "his"])
def test_words_ending_in_s_keep_it(word):
    assert stem(word) == word


def test_possessive_and_case():
    assert stem("Airline's") == stem("airline") == stem("airlines")


def test_words_the_dictionary_does_not_list():
    assert stem("turboprops") == stem("turboprop")  # an unlisted plural still loses its ending
    assert stem("F-16s") == stem("F-16")
    assert stem("Okonkwo") == "okonkwo"  # an unlisted name is kept whole
    assert stem("2019") == "2019"


def test_irregular_table_comes_first():
    assert stem("taken") == stem("took") == stem("take")
    assert stem("rose") == stem("rise")


def test_lemma_table_is_sorted_by_word():
    from checker.text import _lemma_table

    keys, lines = _lemma_table()
    assert len(keys) > 50000 and keys == sorted(keys)  # the lookup bisects it
    assert all(line.count(",") >= 2 for line in lines)
