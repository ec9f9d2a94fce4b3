"""A paragraph's opening name that the document names in full elsewhere, and a name set
off by an apposition about a firm (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_surname_opening_a_paragraph_after_the_full_name_is_the_person() -> None:
    text = "Quillon Harbo , 35 , denied the charge .\n\nHarbo , 35 , was freed on bail ."
    assert found(text) == [("Quillon Harbo", "PERSON"), ("Harbo", "PERSON")]


def test_a_name_set_off_by_a_firms_apposition_is_an_organisation() -> None:
    text = "Profits fell.\n\nCofarel , the first foreign company to list in Tollan , said so ."
    assert ("Cofarel", "ORG") in found(text)


def test_a_name_before_daily_or_newspaper_is_the_publication() -> None:
    assert found("Rzeczy Jonsby daily said on Saturday.") == [("Rzeczy Jonsby", "ORG")]
    assert found("But Le Tollan newspaper said so.") == [("Le Tollan", "ORG")]


def test_a_person_doing_something_daily_stays_a_person() -> None:
    assert found("Jane Doe daily walks her dog.") == [("Jane Doe", "PERSON")]
