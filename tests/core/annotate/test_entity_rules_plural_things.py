"""A phrase ending in the plural of an everyday noun names a team, a firm or a kind of thing:
the learned typer does not make it a person."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_plural_of_an_everyday_noun_is_no_person() -> None:
    assert found("Jonsby Cables has plants in four states .") == [("Jonsby Cables", "ORG")]
    assert ("Orvel Kettles", "PERSON") not in found("Orvel Kettles won the award .")


def test_a_surname_ending_in_s_stays_a_person() -> None:
    assert ("Tom Roberts", "PERSON") in found("Tom Roberts has won the race , Jonsby said .")
