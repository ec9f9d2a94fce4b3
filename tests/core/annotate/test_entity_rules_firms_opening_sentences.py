"""A firm's name opening a sentence before a reporting verb (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_name_of_everyday_words_before_said_is_kept() -> None:
    text = "Silver Peak Resources said on Monday it would sell two mines."
    assert found(text) == [("Silver Peak Resources", "ORG")]


def test_an_unknown_word_opening_a_sentence_before_said_is_a_name() -> None:
    assert [e[0] for e in found("Markets were calm. Redwater said it expected a loss.")] == [
        "Redwater"
    ]


def test_said_its_and_reported_a_loss_make_a_firm() -> None:
    assert found("Brackwell said on Monday that its shares would be listed.") == [
        ("Brackwell", "ORG")
    ]
    assert found("Prices fell. Markovale reported a net loss of 3 million crowns.") == [
        ("Markovale", "ORG")
    ]


def test_a_plural_noun_before_said_is_no_name() -> None:
    assert found("Brokers said prices would fall.") == []
