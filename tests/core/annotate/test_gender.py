"""Pronoun gender agreement: "he" and "she" go to a name of a fitting sex (invented text)."""

from __future__ import annotations

from tuireader.core.annotate import gender
from tuireader.core.annotate.entities import extract_entities
from tuireader.core.annotate.quotes import extract_quotes


def speaker_names(text: str) -> list[str | None]:
    return [q.speaker_name for q in extract_quotes(text, extract_entities(text))]


def test_given_names_and_courtesy_titles_have_a_sex() -> None:
    assert gender.of_name("Jane Doe") == "f"
    assert gender.of_name("John Doe") == "m"
    assert gender.of_name("Doe", before="Mrs. ") == "f"
    assert gender.of_name("Zorblax Doe") is None  # unknown: agrees with either pronoun
    assert gender.of_name("J. Doe") is None


def test_he_skips_the_nearer_woman_and_she_the_nearer_man() -> None:
    text = (
        "Jane Doe spoke at length with John Smith on Monday about the budget.\n\n"
        '"We will not give up on this," he said.'
    )
    assert speaker_names(text) == ["John Smith"]
    text = (
        "John Smith spoke at length with Jane Doe on Monday about the budget.\n\n"
        '"We will not give up on this," she said.'
    )
    assert speaker_names(text) == ["Jane Doe"]


def test_a_name_of_unknown_sex_still_takes_the_pronoun() -> None:
    text = 'Morwen Tally met the board on Monday.\n\n"We will win this," she said.'
    assert speaker_names(text) == ["Morwen Tally"]
