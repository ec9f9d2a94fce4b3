"""Entity rules of issue 17: a name between a place's preposition and ", <region>." is a
town, though its words are a given name and a surname (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_county_seat_named_like_a_person_before_a_state_is_a_town() -> None:
    ents = found("The courthouse stands in the county seat of Wendell Quill, Illinois.")
    assert ("Wendell Quill", "LOC") in ents


def test_a_person_written_to_before_a_state_stays_a_person() -> None:
    assert ("Tomas Paxby", "PERSON") in found("He wrote to Tomas Paxby, Ohio.")


def test_a_politician_with_a_state_and_party_stays_a_person() -> None:
    assert ("Tomas Paxby", "PERSON") in found(
        "It was signed in Tollan by Tomas Paxby, Ohio Republican."
    )
