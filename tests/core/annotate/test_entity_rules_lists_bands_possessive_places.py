"""Entity rules of issue 17: crop lists, performers' groups, works in apposition and
possessive place names (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_list_of_capitalised_crops_names_no_people() -> None:
    ents = found("Wheat, Barley and Oats rose on the Tollan exchange.")
    assert not [e for e in ents if e[1] == "PERSON"]


def test_a_list_of_crops_with_spaced_commas_names_no_people() -> None:
    assert found("The main crops grown are Ragi , Rice , Groundnuts , Wheat and Pulses .") == []


def test_people_named_in_full_stay_people_in_a_list() -> None:
    ents = found("Jane Smith, Tom Jones and Al Brown met. Smith, Jones and Brown agreed.")
    assert ("Smith", "PERSON") in ents
    assert ("Brown", "PERSON") in ents


def test_a_band_named_like_a_person_is_a_group() -> None:
    ents = found("Tomas Jonsby joined the band Velvet Quarry in 1990.")
    assert ("Velvet Quarry", "ORG") in ents
    assert ("Tomas Jonsby", "PERSON") in ents


def test_a_title_set_off_after_a_works_noun_is_a_work() -> None:
    ents = found("The band's second album, Grey Lanterns, sold well in Tollan.")
    assert ("Grey Lanterns", "MISC") in ents


def test_a_possessive_before_a_land_feature_is_one_place() -> None:
    ents = found("She grew up near Jonsby's Landing and sailed to Quillon's Point.")
    assert ("Jonsby's Landing", "LOC") in ents
    assert ("Quillon's Point", "LOC") in ents


def test_a_possessive_before_mills_with_a_spaced_mark_is_one_place() -> None:
    assert ("Harbo 's Mills", "LOC") in found("Milepost 4 : Harbo 's Mills - a short spur .")


def test_a_band_after_a_genre_word_is_a_group() -> None:
    text = "It is the first album of the German metal band Velvet Quarry , released in 2006 ."
    assert ("Velvet Quarry", "ORG") in found(text)


def test_the_members_named_after_a_duo_are_people() -> None:
    ents = found("The duo Tomas Jonsby and Ada Quill recorded it in Tollan.")
    assert ("Tomas Jonsby", "PERSON") in ents
    assert ("Ada Quill", "PERSON") in ents
