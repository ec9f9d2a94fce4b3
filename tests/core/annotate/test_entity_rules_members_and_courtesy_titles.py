"""Members of parliaments, parties before names and courtesy titles (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def _spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_member_of_parliament_is_a_title_before_the_name() -> None:
    assert ("Dana Quillby", "PERSON") in _spans("He met MP Dana Quillby on Monday.")
    assert ("Tom Jonsby", "PERSON") in _spans("Green MSP Tom Jonsby said it was wrong.")


def test_a_month_after_a_titled_given_name_is_a_surname() -> None:
    assert ("Christine May", "PERSON") in _spans("Labour MSP Christine May had said so.")
    assert ("Christine May", "PERSON") in _spans("Senator Christine May had said so.")


def test_a_courtesy_title_keeps_an_everyday_surname_after_the_full_name() -> None:
    text = "Michael Mates spoke on Friday. Mr Mates added that it was wrong."
    assert _spans(text) == [("Michael Mates", "PERSON"), ("Mates", "PERSON")]


def test_a_party_named_in_two_words_before_a_person_is_apart_from_the_person() -> None:
    assert _spans("But Lib Dem Norman Jonsby accused ministers.") == [
        ("Lib Dem", "ORG"),
        ("Norman Jonsby", "PERSON"),
    ]
    assert _spans("He met Lib Dem MP Lembit Jonsby on Monday.") == [
        ("Lib Dem", "ORG"),
        ("Lembit Jonsby", "PERSON"),
    ]


def test_a_firms_arm_named_after_a_continent_stays_one_firm() -> None:
    assert _spans("Chase Manhattan Asia Ltd said it would lend more.") == [
        ("Chase Manhattan Asia Ltd", "ORG")
    ]
