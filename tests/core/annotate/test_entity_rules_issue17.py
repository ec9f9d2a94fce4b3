"""Entity rules for issue 17 (ner30): general patterns of encyclopedic and news text."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_an_acronym_spelled_across_in_joins_the_whole_name() -> None:
    ents = found("The Council for Trade and Cooperation in Asia ( CTCA ) met on Monday .")
    assert ("Council for Trade and Cooperation in Asia", "ORG") in ents
    assert ("Asia", "LOC") not in ents
    # a place after "in" that the letters do not cover stays a place
    ents = found("The Northvale Rowing Club ( NRC ) in Lisbon met on Monday .")
    assert ("Lisbon", "LOC") in ents


def test_a_capitalised_plural_noun_after_the_names_a_team() -> None:
    assert found("He played for the Pirates in 1924 .") == [("Pirates", "ORG")]
    assert found("He pitched for the Giants in 1930 .") == [("Giants", "ORG")]
    # an everyday plural is no team, nor one followed by "of" ("the Battles of ...")
    assert found("He spoke to the Members on Monday .") == []
    assert ("Battles", "ORG") not in found("He wrote on the Battles of the war in 1990 .")
