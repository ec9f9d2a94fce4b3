"""A performer's "DJ" or "MC" is part of the stage name: one person, not an acronym's firm."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_dj_and_mc_open_a_persons_stage_name() -> None:
    ents = found("The party had sets by DJ QUILLON , DJ Jonsby and MC Harbo .")
    assert ("DJ QUILLON", "PERSON") in ents
    assert ("DJ Jonsby", "PERSON") in ents
    assert ("MC Harbo", "PERSON") in ents


def test_a_firm_after_such_letters_stays_a_firm() -> None:
    assert ("MC Harbo Group", "ORG") in found("Shares of MC Harbo Group rose on Monday .")
