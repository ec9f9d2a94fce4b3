"""In a sports report a region after "in Town ," is the town's region, not a team."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


REPORT = (
    "The league season opened with Northvale beating Eastfield 3-1 in the cup final .\n"
    "The club was founded in Kingsford , Ontario in 1883 and won the league title twice .\n"
    "Its rivals from Westbury won 2-0 in the semifinal and the coach praised the goal .\n"
)


def test_the_region_of_a_town_after_a_preposition_is_a_place() -> None:
    ents = found(REPORT)
    assert ("Ontario", "LOC") in ents


def test_a_county_before_a_role_noun_is_still_a_team() -> None:
    text = REPORT + "At the Oval , Surrey captain Tom Quillon won the toss in the match .\n"
    assert ("Surrey", "ORG") in found(text)
