"""A given name and a surname that is also a place's head word ("Park", "Field") name a
person when the person speaks (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_speaker_named_park_is_a_person() -> None:
    assert found("Jane Park said the plan would fail.") == [("Jane Park", "PERSON")]
    assert found("The vote was close, said Tom Field.") == [("Tom Field", "PERSON")]


def test_an_adverb_opening_the_sentence_is_no_part_of_the_name() -> None:
    assert found("Yesterday Jane Park said no.") == [("Jane Park", "PERSON")]


def test_a_park_named_after_someone_stays_a_place() -> None:
    assert found("They walked in Albert Park on Sunday.") == [("Albert Park", "LOC")]
