"""Entity rules of issue 17: a party's name used as an adjective, and names whose kind the
pronoun after them gives away (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_party_before_a_role_noun_is_the_party() -> None:
    assert ("Labour", "ORG") in found("The Labour peer said the plan for Tollan was wrong.")


def test_a_party_alone_mid_sentence_is_the_party() -> None:
    ents = found("The Quillon Alliance came third behind Labour and the Greens.")
    assert ("Labour", "ORG") in ents


def test_a_sentence_opening_labour_cost_is_no_party() -> None:
    assert found("Labor costs rose sharply in Tollan.") == [("Tollan", "LOC")]
