"""Entity rules of issue 17 seen on British political copy (invented sentences): a body named
"X on Y" that owns a named person, a party before a member's title, a given name and a surname
like a place's head before "MP", and an honorific used as a figure of speech."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_body_named_with_on_before_its_speaker_is_one_organisation() -> None:
    ents = found("Many groups protested, and Action on Debt's Tom Baker said the deal was poor.")
    assert ents == [("Action on Debt", "ORG"), ("Tom Baker", "PERSON")]


def test_a_body_named_with_on_opening_a_sentence() -> None:
    ents = found('The cuts hurt. Fight on Hunger\'s Mary Jones said: "It is wrong."')
    assert ents == [("Fight on Hunger", "ORG"), ("Mary Jones", "PERSON")]


def test_a_place_owning_a_body_is_no_part_of_its_name() -> None:
    ents = found("The head of Ruritania's Central Bank said so.")
    assert ents == [("Ruritania", "LOC"), ("Central Bank", "ORG")]


def test_a_party_before_mp_is_the_party() -> None:
    ents = found("The vote was close. Labour MP Jane Doe said the bill would fail.")
    assert ents == [("Labour", "ORG"), ("Jane Doe", "PERSON")]


def test_a_party_before_leader_alone_is_the_party() -> None:
    assert found("He then accused the Labour Leader of behaving badly.") == [("Labour", "ORG")]


def test_labour_minister_stays_a_portfolio() -> None:
    assert found("He met the Labour Minister on Monday.") == []


def test_a_party_before_a_trailing_title_is_the_party() -> None:
    ents = found("He then accused the Green Party Chairman of behaving badly.")
    assert ents == [("Green Party", "ORG")]


def test_a_given_name_and_place_like_surname_before_mp_is_a_person() -> None:
    ents = found("The row grew. Former welfare minister Tom Field MP said the premier should go.")
    assert ents == [("Tom Field", "PERSON")]


def test_the_seat_before_mp_stays_a_place() -> None:
    assert found("The row grew, said the Harbour Field MP.") == [("Harbour Field", "LOC")]


def test_an_honorific_as_a_figure_of_speech_names_no_one() -> None:
    assert found("I am not going to be the Mr Grumpy of books, he said.") == []


def test_a_title_after_a_work_noun_is_the_work() -> None:
    assert found("His new book The Long Grey Road is out next week.") == [
        ("The Long Grey Road", "MISC")
    ]


def test_a_place_named_album_is_the_album() -> None:
    ents = found("Jan Roe released the album Ruritania, and her album Ruritania sold well.")
    assert ("Ruritania", "MISC") in ents and ("Ruritania", "LOC") not in ents


def test_a_verb_like_work_noun_after_a_subject_types_nothing() -> None:
    assert found("Figures show Britain lags behind.") == [("Britain", "LOC")]


def test_new_before_a_party_names_the_party_in_an_era() -> None:
    assert found("He was a key figure in New Labour as the head of policy.") == [
        ("New Labour", "ORG")
    ]


def test_new_before_a_party_opening_a_sentence_when_named_so_elsewhere() -> None:
    ents = found("New Labour had promised a lot. Critics said New Labour failed.")
    assert ents == [("New Labour", "ORG"), ("New Labour", "ORG")]
