"""The other end of a route from or to a place is a place, wherever the text names it."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_surname_like_town_at_the_end_of_a_route_is_a_place_in_every_mention() -> None:
    text = (
        "The line was extended to Fenwick in 1898 .\n"
        "Two trains ran daily from Fenwick to Boston and back .\n"
        "The last train returned to Fenwick at nine ."
    )
    ents = found(text)
    assert ents.count(("Fenwick", "LOC")) == 3
    assert ("Fenwick", "PERSON") not in ents


def test_a_route_between_people_or_in_a_match_report_changes_nothing() -> None:
    ents = found("The letter went from Harriet Jonsby to Tom Quillon in May .")
    assert ("Harriet Jonsby", "PERSON") in ents
    assert ("Tom Quillon", "PERSON") in ents
