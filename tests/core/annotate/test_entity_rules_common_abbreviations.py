"""Abbreviations of offices ("MPP", "MLA") and plural currencies are common nouns, no names."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_provincial_member_is_no_organisation() -> None:
    ents = found("Jane Quillon served as the MPP for Harbor Falls until 1967 .")
    assert ("Jane Quillon", "PERSON") in ents
    assert [e for e in ents if "MPP" in e[0]] == []
    assert found("Three MLAs voted against the bill .") == []


def test_a_plural_currency_is_no_place() -> None:
    assert found("Its value ( in Euros ) rose by a tenth .") == []
