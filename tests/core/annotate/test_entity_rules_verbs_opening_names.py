"""A verb in -ed or -ing opening a sentence before a given name is no word of the name after it."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_verb_before_a_school_named_after_a_person_is_dropped() -> None:
    ents = found("He grew up in Boston .\nAttended Harriet Quillon High School , in Denver .")
    assert ("Harriet Quillon High School", "ORG") in ents


def test_a_firm_opening_with_such_a_word_keeps_it() -> None:
    ents = found("Fares fell in May .\nConsolidated Freightways Inc raised prices .")
    assert ("Consolidated Freightways Inc", "ORG") in ents
    ents = found("Fares fell in May .\nAdvanced Harbor Systems raised prices .")
    assert ("Advanced Harbor Systems", "ORG") in ents
