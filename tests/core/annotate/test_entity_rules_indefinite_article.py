"""A phrase of capitalised everyday words after "a" or "an" heads a common noun phrase: no name,
unless it modifies a noun after it."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_capitalised_common_nouns_after_a_are_no_name() -> None:
    assert found("The camp at Harbor Falls includes a Craft Museum opened in 2004 .") == [
        ("Harbor Falls", "LOC")
    ]
    assert found("Jonsby College also has a Research Centre which advises firms .") == [
        ("Jonsby College", "ORG")
    ]
    assert found("As a Signal Brigade , it ran the radio posts .") == []


def test_a_name_that_modifies_a_noun_after_a_stays_a_name() -> None:
    ents = found("A Harbor Trust spokesman met an Amnesty International delegation .")
    assert ("Harbor Trust", "ORG") in ents
    assert ("Amnesty International", "ORG") in ents
    assert ("Quillon Hall of Fame", "ORG") in found(
        "There is a Quillon Hall of Fame and a museum ."
    )
