"""The engine's text layer: the sentence and paragraph index, and letter words in any script."""

from __future__ import annotations

from checker.claims import paragraph_of, sentence_of
from checker.load import parse_article
from checker.text import letter_words

BODY = (
    "Storm hits Varnholm\n\nMay 2, 2025\n\nThe river rose. Crews worked all night.\nThen the rain stopped.\n\nRoads reopened.\n"
)


def test_sentence_and_paragraph_by_offset():
    a = parse_article("a", "a.txt", BODY)
    pos = a.text.index("Crews")
    assert a.text[sentence_of(a, pos).start : sentence_of(a, pos).end] == "Crews worked all night."
    para = paragraph_of(a, pos)
    assert a.text[para.start : para.end] == "The river rose. Crews worked all night."
    later = paragraph_of(a, a.text.index("Roads"))
    assert a.text[later.start : later.end] == "Roads reopened."
    headline = a.text.index("Varnholm")  # not a story sentence
    assert sentence_of(a, headline).start == sentence_of(a, headline).end == headline


def test_letter_words_keep_any_script_whole():
    assert letter_words("Zürich's 3 banks and Société Générale") == ["Zürich", "s", "banks", "and", "Société", "Générale"]
