"""Quote extraction (FC104) and paraphrase checks (FC105) on invented sentences.

The case files (tests/cases/quotes.toml, paraphrase.toml) cover verdicts
between two articles; these tests pin down what the extraction reads: the
quote's span and words, its speaker and where the speaker is written, and
the story-level findings the case format cannot express (three articles,
scare quotes, paraphrases that must give nothing).
"""

from __future__ import annotations

import pytest

from checker.load import parse_article
from checker.pipeline import check_articles, select_rules
from checker.speech import speech_of
from rules import paraphrase, quotes


def art(body: str, aid: str = "a") -> object:
    return parse_article(aid, f"{aid}.txt", f"Test story {aid}\n\nMarch 14, 2025\n\n{body}\n")


def found(body: str) -> list:
    a = art(body)
    claims = quotes.find_claims(a)
    for c in claims:
        assert a.text[c.start : c.end] == c.text
    return claims


def one(body: str):
    claims = found(body)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def quote_and_speaker(body: str) -> tuple[str, str | None, str | None]:
    """(quote text, speaker name, speaker as written) of the only quote in body."""
    a = art(body)
    claims = quotes.find_claims(a)
    assert len(claims) == 1, [c.text for c in claims]
    c = claims[0]
    assert a.text[c.start : c.end] == c.text
    q = c.value
    written = a.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
    return c.text, q.speaker, written


# ---------------------------------------------------------------- marks and spans


def test_straight_quote_span_is_the_words_inside_the_marks():
    text, who, _ = quote_and_speaker('"The bridge will reopen in May," Mayor Ilse Varga said.')
    assert text == "The bridge will reopen in May"
    assert who == "Ilse Varga"


def test_curly_quote_span_and_words():
    c = one("Mayor Ilse Varga said: “The bridge will reopen in May.”")
    assert c.text == "The bridge will reopen in May"
    assert c.value.words == ("the", "bridge", "will", "reopen", "in", "may")


def test_partial_quote_inside_a_sentence():
    text, who, _ = quote_and_speaker('Varga said the council was "determined to finish on time" despite the storms.')
    assert text == "determined to finish on time"
    assert who == "Varga"


def test_split_quote_is_one_claim_without_the_attribution_in_its_words():
    a = art('"This is," Councillor Maren Pell said, "only the start of the cleanup."')
    (c,) = quotes.find_claims(a)
    assert c.text == 'This is," Councillor Maren Pell said, "only the start of the cleanup'
    assert c.value.words == ("this", "is", "only", "the", "start", "of", "the", "cleanup")
    assert c.value.speaker == "Maren Pell"
    assert len(c.value.parts) == 2
    assert [a.text[s:e] for s, e in c.value.parts] == ["This is", "only the start of the cleanup"]


def test_multi_paragraph_quote_runs_into_the_next_quote_paragraph():
    body = (
        'Curator Dana Whitlock spoke outside.\n\n"We lost the east wing in an hour.\n\n"The archive is gone too," Whitlock said.'
    )
    a = art(body)
    (c,) = quotes.find_claims(a)
    assert c.text.startswith("We lost the east wing in an hour.")
    assert c.text.endswith("The archive is gone too")
    assert c.value.words[-6:] == ("hour", "the", "archive", "is", "gone", "too")  # both paragraphs, no attribution
    assert c.value.speaker == "Dana Whitlock"


def test_nested_quote_marks_stay_inside_the_outer_quote():
    text, who, _ = quote_and_speaker("“We will build the “Harbour Loop” cycle lane next year,” the council said.")
    assert text == "We will build the “Harbour Loop” cycle lane next year"
    assert who == "the council"


def test_title_in_quotes_is_no_quote():
    assert found('The council published its study, "Coastal Erosion And Flood Risk Review", on Thursday.') == []


def test_apostrophes_and_inch_marks_are_no_quotes():
    assert found("The Harlows' barn and the Dennings' sheds were flattened.") == []
    assert found("The goalkeeper stands 6' 4\" tall.") == []


def test_unclosed_quote_gives_no_claim():
    assert found('"We will rebuild the chapel, she wrote in a note to the parish.') == []


def test_furniture_yields_no_quote():
    assert found('The ferry resumed on Tuesday.\n\nRelated: "We are back on schedule," says the operator') == []


# ---------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    "body, name, written",
    [
        ('"The dam is safe," said site engineer Bartholomew Sze.', "Bartholomew Sze", "Bartholomew Sze"),
        ('"The dam is safe," Bartholomew Sze says.', "Bartholomew Sze", "Bartholomew Sze"),
        ('Prosecutor Hana Veldt told the court: "He planned every step."', "Hana Veldt", "Hana Veldt"),
        ('Hana Veldt told reporters: "He planned every step."', "Hana Veldt", "Hana Veldt"),
        ('The plan was "a reckless gamble with public money", according to auditor Ines Marlow.', "Ines Marlow", "Ines Marlow"),
        (
            'Ines Marlow, the chief executive of Corbel Water, said: "Bills will not rise this year."',
            "Ines Marlow",
            "Ines Marlow",
        ),
        ('Owen Pratt, defending, told the court: "My client regrets every day of it."', "Owen Pratt", "Owen Pratt"),
        ('Union leader Kasia Dorn described the cuts as "a slow dismantling of the service".', "Kasia Dorn", "Kasia Dorn"),
        ('Fire Chief Alwyn Rees put it plainly: "Leave your homes tonight."', "Alwyn Rees", "Alwyn Rees"),
        ('"We expect the line to reopen by noon," Northfield Rail said.', "Northfield Rail", "Northfield Rail"),
        ('"Fares will be frozen for a year," the company said.', "the company", "the company"),
        ('"The cause has not yet been found," the audit states.', "the audit", "the audit"),
        ('"We are reviewing every contract," a spokeswoman for the trust said.', "a spokeswoman", "a spokeswoman"),
        (
            'The timing, said analyst Rhea Colvin of Tarn Partners, was "unfortunate for everyone involved".',
            "Rhea Colvin",
            "Rhea Colvin",
        ),
    ],
)
def test_attribution_forms(body, name, written):
    _, who, where = quote_and_speaker(body)
    assert who == name
    assert where == written


def test_he_said_refers_back_to_the_last_person_named():
    a = art('Head coach Aron Feld spoke after the defeat.\n\n"We were second to every ball," he said.')
    (c,) = quotes.find_claims(a)
    assert c.value.speaker == "Aron Feld"
    assert a.text[c.value.speaker_start : c.value.speaker_end] == "Aron Feld"


def test_he_said_prefers_the_subject_of_the_sentence_before():
    body = (
        "Jonas Wilde, 41, was sentenced by Judge Mara Quint on Friday.\n\n"
        "Wilde, who had denied the charges, addressed the court for the first time.\n\n"
        '"I am sorry for what I did," he said.'
    )
    (c,) = quotes.find_claims(art(body))
    assert c.value.speaker == "Jonas Wilde"


def test_bare_surname_takes_the_full_name_from_earlier_in_the_article():
    body = 'Battalion Chief Marta Ilves briefed crews at dawn.\n\n"We held the line overnight," Ilves said.'
    a = art(body)
    (c,) = quotes.find_claims(a)
    assert c.value.speaker == "Marta Ilves"
    assert a.text[c.value.speaker_start : c.value.speaker_end] == "Ilves"
    assert c.value.speaker_kind == "official"


def test_it_said_refers_back_to_the_body_that_spoke_last():
    body = 'Corbel Water Company said bills would stay flat.\n\n"No customer will pay more this year," it said.'
    (c,) = quotes.find_claims(art(body))
    assert c.value.speaker == "Corbel Water Company"
    assert c.value.speaker_kind == "body"


def test_a_quote_paragraph_without_attribution_continues_the_speaker_before():
    body = '"The river rose a metre in an hour," said warden Ossian Brecht.\n\n"Nobody here has seen anything like it."'
    claims = found(body)
    assert [c.value.speaker for c in claims] == ["Ossian Brecht", "Ossian Brecht"]


def test_a_second_quote_after_the_attribution_keeps_the_speaker():
    body = '"We hope to reopen on Friday if the pumps hold," Brecht said. "That depends on the rain."'
    claims = found(body)
    assert [c.text for c in claims] == ["We hope to reopen on Friday if the pumps hold", "That depends on the rain"]
    assert {c.value.speaker for c in claims} == {"Brecht"}


def test_a_quote_after_a_colon_sentence_belongs_to_its_subject():
    body = 'The judge had a warning for the defendant:\n\n"Do not come before this court again."'
    (c,) = quotes.find_claims(art(body))
    assert c.value.speaker == "The judge"


def test_unattributed_quote_has_no_speaker():
    c = one('Notices on the gate read "no entry after dark by order of the parish" in red.')
    assert c.value.speaker is None


def test_value_to_json():
    c = one('"The dam is safe," said plant manager Bartholomew Sze.')
    j = c.value.to_json()
    assert j["words"] == "the dam is safe"
    assert j["speaker"] == "Bartholomew Sze"
    assert j["speaker_kind"] == "official"


# ---------------------------------------------------------------- the story


def run(*bodies: str, rules=(quotes,)):
    arts = [art(b, aid) for b, aid in zip(bodies, "abcd")]
    return check_articles(arts, select_rules([r.NAME for r in rules]))


def kinds(report, rule="FC104") -> list[str]:
    return sorted(f.kind for f in report.findings if f.rule == rule)


def test_scare_quotes_are_never_reported_alone():
    report = run('The minister called the plan "ambitious" on Monday.', "The plan was announced on Monday.")
    assert kinds(report) == []


def test_three_articles_name_the_odd_one_out_of_a_changed_quote():
    report = run(
        '"You showed not a trace of regret for the families," Judge Petra Lind said.',
        'Judge Petra Lind said: "You showed not a trace of regret for the families."',
        '"You showed not a hint of regret for the families," Judge Lind said.',
    )
    (f,) = [f for f in report.findings if f.kind == "discrepancy"]
    assert f.differ == ("c",)
    assert set(f.agree) == {"a", "b"}
    assert "'not a trace of regret'" in f.message and "'not a hint of regret'" in f.message


def test_three_articles_speaker_discrepancy_names_the_odd_speaker():
    report = run(
        '"Keep away from the cliffs until the ground settles," said harbour master Elin Rask.',
        'Harbour master Elin Rask said: "Keep away from the cliffs until the ground settles."',
        'Inspector Colm Dara put it plainly: "Keep away from the cliffs until the ground settles."',
    )
    spk = [f for f in report.findings if f.kind == "discrepancy"]
    assert len(spk) == 1
    f = spk[0]
    assert sorted(c.text for c in f.claims) == ["Colm Dara", "Elin Rask", "Elin Rask"]
    assert f.differ == ("c",)
    assert [f.kind for f in report.findings if f.kind == "agreement"] == ["agreement"]  # the words agree


def test_name_variant_of_one_speaker_is_no_speaker_discrepancy():
    report = run(
        '"Nobody here has seen water rise that fast," said lock keeper Thomas Eberle.',
        'Lock keeper Tom Eberle said: "Nobody here has seen water rise that fast."',
    )
    assert kinds(report) == ["agreement"]


def test_generic_speaker_is_no_speaker_discrepancy():
    report = run(
        '"If there were more I could give you, I would," said Judge Anselm Roth.',
        '"If there were more I could give you, I would," the judge said.',
    )
    assert kinds(report) == ["agreement"]


def test_quote_carried_without_marks_elsewhere_is_not_alone():
    report = run(
        '"The harbour will be dredged before the regatta," harbour master Elin Rask said.',
        "Elin Rask said the harbour will be dredged before the regatta.",
    )
    assert "unsupported" not in kinds(report)


def test_similar_subject_in_other_words_is_no_changed_quote():
    report = run(
        '"We expect the new terminal to open to passengers in the spring," director Sol Hemming said.',
        '"The terminal should be handling its first flights by April," director Sol Hemming said.',
    )
    assert kinds(report) == ["unsupported", "unsupported"]


# ---------------------------------------------------------------- paraphrase


def test_paraphrase_claim_span_and_value():
    a = art("Chief executive Joanna Brisk said that hospital orders had fully recovered.")
    (c,) = paraphrase.find_claims(a)
    assert c.text == "hospital orders had fully recovered"
    assert c.value.speaker == "Joanna Brisk"
    assert c.value.verb == "said"
    assert c.value.to_json()["words"] == "hospital orders had fully recovered"


def test_paraphrase_after_told_skips_the_listener():
    (c,) = paraphrase.find_claims(art("Mayor Ilse Varga told reporters the bridge would reopen in May."))
    assert c.text == "the bridge would reopen in May"


def test_paraphrase_with_trailing_attribution():
    (c,) = paraphrase.find_claims(art("The bridge will reopen in May, Mayor Ilse Varga said."))
    assert c.text == "The bridge will reopen in May"
    assert c.value.speaker == "Ilse Varga"


def test_paraphrase_clause_ends_at_a_relative_clause():
    (c,) = paraphrase.find_claims(art("Officials said the road would reopen on Friday, which surprised drivers."))
    assert c.text == "the road would reopen on Friday"


def test_paraphrase_on_another_subject_of_the_same_speaker_gives_nothing():
    report = run(
        '"We may have to close the outdoor pool in August if the pump fails," leisure manager Kofi Adair said.',
        "Leisure manager Kofi Adair said the new gym would open in the autumn with extended hours.",
        rules=(paraphrase,),
    )
    assert kinds(report, "FC105") == []


def test_paraphrase_sharing_words_not_meaning_gives_nothing():
    report = run(
        '"The harbour wall might need repairs if the winter is rough," engineer Ilse Marten said.',
        "Engineer Ilse Marten said the harbour festival will return in the summer with a record number of stalls.",
        rules=(paraphrase,),
    )
    assert kinds(report, "FC105") == []


def test_paraphrase_without_a_quote_gives_nothing():
    report = run(
        "Mayor Ilse Varga said the bridge would fully reopen in May.", "The bridge closed in March.", rules=(paraphrase,)
    )
    assert kinds(report, "FC105") == []


def test_paraphrase_of_another_speaker_gives_nothing():
    report = run(
        '"The leak may have come from the north tank," site manager Cyril Okafor said.',
        "Union official Dara Quill confirmed the leak came from the north tank.",
        rules=(paraphrase,),
    )
    assert kinds(report, "FC105") == []


def test_speech_of_gives_quotes_and_attributions():
    a = art('"The dam is safe," said engineer Bartholomew Sze. Sze said repairs would end in May.')
    speech = speech_of(a)
    assert [a.text[q.start : q.end] for q in speech.quotes] == ["The dam is safe"]
    assert any(a.verb == "said" and a.speaker and a.speaker.name == "Bartholomew Sze" for a in speech.attributions)


# ---------------------------------------------------------------- words of any script


def test_accented_words_are_whole_words_in_quotes_and_terms():
    from checker.text import content_terms, words

    c = one('"Zürich will host the talks with Société Générale," Mayor Ilse Varga said.')
    assert "zürich" in c.value.words
    assert ("société", "générale") == c.value.words[c.value.words.index("société") :][:2]
    text = "Société Générale opened an office in Zürich."
    assert [w for w, _, _ in words(text)][:2] == ["Société", "Générale"]
    assert "Zürich" in [w for w, _, _ in words(text)]
    terms = [text[s:e] for _, s, e in content_terms(text, 0, len(text))]
    assert {"Société", "Générale", "Zürich"} <= set(terms)


def test_accented_speaker_name_is_whole():
    _, who, written = quote_and_speaker('"We will appeal," said Renée Müller, the mayor of Zürich.')
    assert who == "Renée Müller"
    assert written == "Renée Müller"


# ---------------------------------------------------------------- quotes as news writes them


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    body = (
        '"It was a hard winter," warden Ilse Maro said.\n\n"We will keep the north gate shut until spring.\n\nThe park reopens.'
    )
    claims = found(body)
    assert [c.text for c in claims] == ["It was a hard winter", "We will keep the north gate shut until spring"]
    assert claims[1].value.speaker == "Ilse Maro"  # a quote paragraph with no attribution continues the speaker


def test_unclosed_quote_in_the_last_paragraph():
    c = one('Warden Ilse Maro spoke at the gate.\n\n"We will keep the north gate shut until spring.')
    assert c.text == "We will keep the north gate shut until spring"


def test_a_stray_mark_inside_a_word_opens_no_quote():
    assert found('The 12" pipe burst.\n\nCrews came at noon.') == []


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "we hoped the ferry we've chartered would run and i'm glad",
            "we hoped that the ferry that we have chartered would run and i am glad",
        ),
        ("this is the endgame for the board", "this is the end game for the board"),
        ("nobody meant any offence to the crew", "nobody meant any offense to the crew"),
        ("she has checked herself into elm house clinic today", "she has checked herself into the elm house clinic today"),
    ],
)
def test_relate_ignores_that_contractions_and_spellings(a, b):
    rel = quotes.relate(tuple(a.split()), tuple(b.split()))
    assert rel is not None and rel.kind == "same"


def test_relate_a_pronoun_is_a_change():
    rel = quotes.relate(
        tuple("the coach asked us to wait for the bus".split()), tuple("the coach asked to wait for the bus".split())
    )
    assert rel is not None and rel.kind == "changed"


def test_relate_rewording_needs_the_same_speaker():
    a = tuple("if there was anything longer i could give you i would".split())
    b = tuple("if i could give you longer i would".split())
    assert quotes.relate(a, b) is None
    assert quotes.relate(a, b, same_speaker=True).kind == "changed"


def test_relate_marks_a_hedge_outside_the_shorter_quote():
    rel = quotes.relate(tuple("but i think we will win the appeal".split()), tuple("we will win the appeal".split()))
    assert rel.kind == "same" and rel.hedge == ("a", "before")
    rel = quotes.relate(tuple("we will win the appeal".split()), tuple("we will win the appeal i think".split()))
    assert rel.hedge == ("b", "after")
    assert quotes.relate(tuple("and we will win the appeal".split()), tuple("we will win the appeal".split())).hedge is None


def test_hostile_quote_marks_and_periods_are_fast():
    import time

    body = ('"' + "word. " * 50 + "\n\n") * 400  # every paragraph opens a quote and none closes
    t = time.perf_counter()
    found(body)
    assert time.perf_counter() - t < 3


def test_one_speaker_discrepancy_per_speaker_pair_not_per_quote():
    report = run(
        'Spokesman Oren Valk said: "We are sorry for the delay." He added: "The new timetable starts in June."',
        'Spokesman Oren Dalby said: "We are sorry for the delay." Dalby added: "The new timetable starts in June."',
    )
    spk = [f for f in report.findings if f.kind == "discrepancy"]
    assert len(spk) == 1, [f.message for f in spk]
    assert sorted(c.text for c in spk[0].claims) == ["Dalby", "Oren Dalby", "Oren Valk"]
    assert "sorry for the delay" in spk[0].message and "timetable starts in June" in spk[0].message
    assert kinds(report).count("agreement") == 2  # the words agree, quote by quote


def test_two_speaker_pairs_give_two_speaker_discrepancies():
    report = run(
        'Warden Ada Holm said: "The north gate stays shut." Coach Ivo Brand said: "We train indoors until March."',
        'Warden Ada Tarn said: "The north gate stays shut." Coach Ivo Marsh said: "We train indoors until March."',
    )
    assert len([f for f in report.findings if f.kind == "discrepancy"]) == 2


def test_single_marked_quote_span_and_speaker():
    text, who, written = quote_and_speaker("‘We will dredge the channel in May,’ said harbour master Wenna Tredinnick.")
    assert (text, who, written) == ("We will dredge the channel in May", "Wenna Tredinnick", "Wenna Tredinnick")


def test_single_marked_quote_across_paragraphs():
    c = one("‘We lost the east wing in under an hour.\n\n‘The archive is gone too,’ curator Ines Marl said.")
    assert c.value.parts and len(c.value.parts) == 2
    assert c.value.speaker == "Ines Marl"


def test_a_stray_opening_apostrophe_does_not_swallow_the_double_quotes_after_it():
    # "'Twixt" is no elision the vocabulary knows: the mark opens a single quote that never closes
    c = one('It was \'twixt the two storms, and "we stayed indoors," farmer Oona Pell said.')
    assert c.text == "we stayed indoors"


def test_a_possessive_plural_then_a_new_quote_closes_at_the_possessive_mark():
    claims = found("'We beat the Harriers' was all coach Ivo Brand said. Later: 'It was a fair result,' he added.")
    assert [c.text for c in claims] == ["We beat the Harriers", "It was a fair result"]


@pytest.mark.parametrize(
    "body",
    [
        "don't " * 10000,
        "' " * 10000,
        "'a " * 10000,
        "‘a " * 10000,
        "the pirates' boats " * 5000,
        "'a' " * 3000,
        '"' + "'a " * 10000,
        ("'word. " * 50 + "\n\n") * 400,
    ],
)
def test_hostile_single_marks_and_apostrophes_are_fast(body):
    import time

    from checker.speech import marks_of

    a = art(body)
    t = time.perf_counter()
    marks_of(a)
    assert time.perf_counter() - t < 1.5
