"""Entity rules of issue 17: a given name that is also a town's, before a surname in "s",
names a person, not a town's team (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_town_given_name_and_a_surname_in_s_is_a_person() -> None:
    ents = found("The firm hired Lincoln Davies as chief executive.")
    assert ents == [("Lincoln Davies", "PERSON")]


def test_a_town_given_name_and_a_patronymic_surname_is_a_person() -> None:
    assert ("Madison Stevens", "PERSON") in found("Madison Stevens said she would sell it.")


def test_a_town_and_a_plural_noun_is_still_a_team() -> None:
    ents = found("The Camden Bears beat the Riverton Hawks.")
    assert ents == [("Camden Bears", "ORG"), ("Riverton Hawks", "ORG")]
