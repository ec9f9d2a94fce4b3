"""A place and a number in the plural name a team: "Northvale 67s", "Harbor Falls 76ers"."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_town_and_a_plural_number_are_one_team() -> None:
    assert ("Boston 67s", "ORG") in found("Jane Quillon helped found the Boston 67s in 1967 .")
    assert ("Denver 76ers", "ORG") in found("Tom Jonsby signed with the Denver 76ers on Monday .")


def test_a_decade_or_a_count_after_a_place_is_no_team() -> None:
    ents = found("Boston in the 1960s had 40 bridges ; Denver 40 tunnels .")
    assert ("Boston", "LOC") in ents
    assert ("Denver", "LOC") in ents
