"""Once a unit is named by its ordinal, "the" and the ordinal alone name it too."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_the_ordinal_alone_names_the_unit_named_before() -> None:
    text = (
        "The 41st Signal Brigade was formed at Harbor Falls in 1951 .\n"
        "The 41st moved to Jonsby Field in 1960 , and the 41st brigade was disbanded in 1975 ."
    )
    ents = found(text)
    assert ("41st Signal Brigade", "ORG") in ents
    assert ("41st", "ORG") in ents
    assert ("41st brigade", "ORG") in ents


def test_a_date_by_its_ordinal_is_no_unit() -> None:
    text = "The 41st Signal Brigade was formed at Harbor Falls .\nIt left on the 41st of nothing ."
    assert ("41st", "ORG") not in found(text)
    assert found("The 12th was a Monday , and the 12th fell on a weekday .") == []
