"""A hockey club's "HC" ends its name, as "FC" ends a football club's."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_hc_after_a_town_names_one_club() -> None:
    assert found("The final was played at the home rink of the Northvale HC .") == [
        ("Northvale HC", "ORG")
    ]
    ents = found("Quillon signed for Harbor Falls HC in May .")
    assert ("Harbor Falls HC", "ORG") in ents
