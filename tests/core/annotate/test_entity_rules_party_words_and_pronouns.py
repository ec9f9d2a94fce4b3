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


def test_a_name_that_says_it_would_act_is_a_firm() -> None:
    assert ("Redwater", "ORG") in found("Redwater said it would cut 200 jobs at its Tollan plant.")


def test_a_name_that_says_it_expects_to_act_is_a_firm() -> None:
    assert found("Harbo said on Monday it expects to sell the unit.") == [("Harbo", "ORG")]


def test_a_surname_of_a_named_person_stays_a_person_before_said_it() -> None:
    ents = found("Tomas Jonsby scored twice. Jonsby said it would help the club.")
    assert ents == [("Tomas Jonsby", "PERSON"), ("Jonsby", "PERSON")]


def test_a_creed_before_caucus_is_the_party() -> None:
    assert ("Liberal", "ORG") in found("Quillon sat with the Liberal caucus in Tollan.")


def test_a_creed_before_party_opening_a_sentence_is_the_party() -> None:
    assert found("The Conservative party won in Tollan.") == [
        ("Conservative", "ORG"),
        ("Tollan", "LOC"),
    ]


def test_a_creed_before_an_office_stays_an_adjective() -> None:
    assert found("The Liberal prime minister spoke.") == [("Liberal", "MISC")]


def test_a_listed_surname_that_says_it_would_is_no_firm() -> None:
    ents = found("Smith said it would take time to rebuild the team.")
    assert not [e for e in ents if e[1] == "ORG"]


def test_a_ministry_portfolio_is_no_party() -> None:
    ents = found("Tomas Jonsby was named Secretary of Labor in 1990.")
    assert not [e for e in ents if e[0] == "Labor"]


def test_a_portfolio_pair_before_ministry_is_no_party() -> None:
    assert found("He heads the Labour and Employment ministry.") == []


def test_a_party_possessive_after_of_is_the_party() -> None:
    assert ("Labour", "ORG") in found("It was the cornerstone of Labour's plan for Tollan.")
