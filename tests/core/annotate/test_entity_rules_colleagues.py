"""Entity rules of issue 17: "fellow" before a class noun makes the name after it a
colleague (a person), not a firm (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_fellow_broadcaster_is_a_person() -> None:
    ents = found("He was praised by his friend and fellow broadcaster Tomas Quillby.")
    assert ents == [("Tomas Quillby", "PERSON")]


def test_a_broadcaster_without_fellow_stays_a_firm() -> None:
    ents = found("The show was bought by broadcaster Harbor Vision.")
    assert ents == [("Harbor Vision", "ORG")]


def test_a_chairman_who_says_he_stays_a_person_near_a_company() -> None:
    ents = found("Jane Quillby, chairman of Roe Corp, said he would stay. The company grew.")
    assert ("Jane Quillby", "PERSON") in ents
