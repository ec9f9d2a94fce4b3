"""Encyclopedic-text rules: defining sentences, a capital "The" inside a sentence, and no
"the" before a person."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_defined_place_is_a_place_and_settles_its_later_mentions() -> None:
    text = "Zlatnik is a small village in Lincolnshire . Both Hevdour and Zlatnik have churches ."
    ents = found(text)
    assert ents[0] == ("Zlatnik", "LOC")
    assert ("Zlatnik", "PERSON") not in ents


def test_a_defined_company_band_or_work_gets_its_class() -> None:
    assert found("Korvanti is a Danish chain of hypermarkets .")[0] == ("Korvanti", "ORG")
    assert found("Glass Otter is an alternative rock band from Leeds .")[0] == (
        "Glass Otter",
        "ORG",
    )
    assert found("The Velvet Owls are a band from Leeds .")[0] == ("Velvet Owls", "ORG")
    assert found("The Zorblax JH21 was a racing car for the 1986 season .")[0] == (
        "Zorblax JH21",
        "MISC",
    )


def test_pronouns_and_everyday_words_are_not_defined() -> None:
    assert found("He is a singer from Leeds .") == [("Leeds", "LOC")]
    assert found("Money is a problem in the village .") == []


def test_a_capital_the_inside_a_sentence_opens_the_name() -> None:
    assert ("The Velvet Owls", "ORG") in found("He toured with the band The Velvet Owls in 2004 .")
    assert ("The Hague", "LOC") in found("The talks were held in The Hague on Monday .")


def test_a_person_does_not_take_the() -> None:
    ents = found("The engineer of the West Jorsey train saw the Velden Chronicle reporter .")
    assert all(label != "PERSON" for _, label in ents)
    assert ("Marta Olsen", "PERSON") in found("It was the Marta Olsen case all over again .")


def test_a_quoted_title_keeps_its_small_words() -> None:
    text = 'They released a holiday song called " Santa Through the Back Door " in 2007 .'
    assert found(text) == [("Santa Through the Back Door", "MISC")]
    assert found('"We are going to win in Ohio," he said .') == [("Ohio", "LOC")]


def test_a_spelled_ordinal_opens_a_unit_name() -> None:
    assert ("Eighth Air Force", "ORG") in found("The wing joined the Eighth Air Force in 1943 .")


def test_places_with_extended_latin_capitals_and_place_nouns() -> None:
    assert ("Łęczyca", "LOC") in found("She was born near Łęczyca in 1819 .")
    assert ("Skirvington", "LOC") in found("It lies two miles north of Skirvington .")
    assert ("Brelwick", "LOC") in found("It includes the hamlet of Brelwick .")


def test_a_compass_word_opens_a_name() -> None:
    ents = found("Races in Western Australia were broadcast , and the Western Force played .")
    assert ("Western Australia", "LOC") in ents and ("Western Force", "ORG") in ents
    assert ("Western", "MISC") in found("Western diplomats said the talks failed .")


def test_a_quoted_title_may_hold_a_colon_or_end_in_a_question_mark() -> None:
    text = 'Tracks include " Phase 1 : Fortification " and " Was it a Dream ? " on the album .'
    assert found(text) == [("Phase 1 : Fortification", "MISC"), ("Was it a Dream ?", "MISC")]
