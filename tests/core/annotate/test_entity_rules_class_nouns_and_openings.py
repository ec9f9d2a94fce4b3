"""Entity rules of issue 17 seen on wire and BBC copy (invented sentences): an organisation's
class noun before an unknown name, a firm named like a person before its analyst, and an
organisation's head word opening a sentence ("Bank of ...")."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_news_agency_named_before_said_is_an_organisation() -> None:
    ents = found("Strikes spread last week, the official news agency Zorbag said last night.")
    assert ents == [("Zorbag", "ORG")]


def test_a_statistics_institute_is_an_organisation() -> None:
    assert found("Output rose, the national statistics institute Oltrex said.") == [
        ("Oltrex", "ORG")
    ]


def test_a_watchdog_that_told_reporters_is_an_organisation() -> None:
    ents = found("The financial watchdog Veltrax told reporters the case was closed.")
    assert ents == [("Veltrax", "ORG")]


def test_a_firm_named_like_a_person_before_its_analyst() -> None:
    ents = found('"There is no reason to change," Harlan Wexby analyst Craig Dorne said.')
    assert ents == [("Harlan Wexby", "ORG"), ("Craig Dorne", "PERSON")]


def test_a_firm_before_a_described_analyst() -> None:
    ents = found("Prices fell, according to Harlan Wexby livestock analyst Tom Ferris.")
    assert ents == [("Harlan Wexby", "ORG"), ("Tom Ferris", "PERSON")]


def test_a_bank_of_a_place_opening_a_sentence_is_one_organisation() -> None:
    assert found("Shares rose. Bank of Ruritania said it would act.") == [
        ("Bank of Ruritania", "ORG")
    ]


def test_a_ministry_of_something_opening_a_sentence() -> None:
    ents = found("The case went to court. Ministry of Defence lawyers argued the area was outside.")
    assert ents == [("Ministry of Defence", "ORG")]
