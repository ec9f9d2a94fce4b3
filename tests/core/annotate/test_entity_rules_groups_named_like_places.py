"""Entity rules of issue 17: a name with a place's last word that plays, tours or records
is a group, not a place (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_harbour_that_played_is_a_band() -> None:
    ents = found("Velvet Harbor played three nights in Tollan last year.")
    assert ("Velvet Harbor", "ORG") in ents


def test_a_canyon_that_performed_is_a_band() -> None:
    assert found("Glass Canyon performed at the festival.") == [("Glass Canyon", "ORG")]


def test_a_park_that_played_host_is_a_place() -> None:
    assert found("Quillon Park played host to the concert.") == [("Quillon Park", "LOC")]


def test_a_city_that_recorded_snow_is_a_place() -> None:
    assert found("Tollan City recorded 3 inches of snow.") == [("Tollan City", "LOC")]
