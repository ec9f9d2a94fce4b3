"""Entity rules for issue 17 (ner37): general patterns of encyclopedic and news text."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_dotted_company_form_ends_an_organisation() -> None:
    assert found("He sold it to Zorvantis S.A. in 1990 .") == [("Zorvantis S.A.", "ORG")]
    assert found("Zorvantis N.V. belongs to the group .") == [("Zorvantis N.V.", "ORG")]
    assert found("The stake in Quorvel S.p.A. was sold .") == [("Quorvel S.p.A.", "ORG")]
