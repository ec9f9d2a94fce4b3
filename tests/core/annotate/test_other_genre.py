"""Encyclopedic-text rules added for issue 17 (ner17c): everyday capitalised words and
names that only other-genre text writes this way."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_formats_written_in_capitals_are_no_names() -> None:
    ents = found("The Velvet Owls released a CD and an EP , then sold the DVD from their SUV .")
    assert [t for t, _ in ents] == ["Velvet Owls"]
    assert found("A bonus CD came with the album in Leeds .") == [("Leeds", "LOC")]


def test_a_number_or_short_ordinal_opens_a_military_unit() -> None:
    assert ("65 Fighter Wing", "ORG") in found("In 1952 it joined the 65 Fighter Wing at Dover .")
    assert ("3 Air Division", "ORG") in found("The group was assigned to the 3 Air Division .")
    assert ("62d Ohio Regiment", "ORG") in found("He served in the 62d Ohio Regiment for a year .")
    assert ("Air Force", "ORG") in found("He wrote 12 books on the Air Force and its history .")


def test_a_hall_of_fame_is_one_organisation() -> None:
    assert ("Ruritania Curling Hall of Fame", "ORG") in found(
        "In 1980 she was elected to the Ruritania Curling Hall of Fame ."
    )


def test_a_given_name_opening_a_sentence_is_kept_once_the_full_name_is_known() -> None:
    ents = found("Ben Tarrow won in Leeds . Ben opened a lead early and kept it .")
    assert ents.count(("Ben", "PERSON")) == 1
    assert found("The race began . Ben opened a lead early .") == []
    assert found("Ben Tarrow won . Will they race again ?") == [("Ben Tarrow", "PERSON")]


def test_airports_and_air_bases_are_organisations() -> None:
    ents = found("The wing moved from Zorvik Air Base to Velmora International Airport in 1957 .")
    assert ("Zorvik Air Base", "ORG") in ents
    assert ("Velmora International Airport", "ORG") in ents


def test_a_possessive_before_a_lone_head_word_is_one_name() -> None:
    assert found("The train stopped at Tarrow 's Mill , a flag stop .") == [
        ("Tarrow 's Mill", "LOC")
    ]
    assert ("Velder 's Brigade", "ORG") in found("The regiment joined Velder 's Brigade in May .")
    assert found("Germany 's Labour Party won .") == [
        ("Germany", "LOC"),
        ("Labour Party", "ORG"),
    ]


def test_ponds_fields_and_ovals_are_places() -> None:
    ents = found("The line ran past Velder Pond to Tarrow Playfield and Kessel Oval .")
    assert ("Velder Pond", "LOC") in ents
    assert ("Tarrow Playfield", "LOC") in ents
    assert ("Kessel Oval", "LOC") in ents


def test_a_quoted_nickname_stays_inside_the_persons_name() -> None:
    text = (
        'William " Redtail " Tarrow ( born 1912 ) was a player . Later , Tarrow coached in Leeds .'
    )
    ents = found(text)
    assert ents[0] == ('William " Redtail " Tarrow', "PERSON")
    assert ("Tarrow", "PERSON") in ents
    assert ('John "Red" Velder', "PERSON") in found('John "Red" Velder played for Leeds .')


def test_a_lone_word_is_kept_when_the_document_names_it_with_evidence() -> None:
    ents = found("The Quenbrook team won in May .\nLater that year Quenbrook lost twice .")
    assert ents == [("Quenbrook", "ORG"), ("Quenbrook", "ORG")]


def test_what_only_organisations_do_makes_a_name_an_organisation() -> None:
    ents = found(
        "Tarnvale was founded in 1921 by two brothers from Milan .\n"
        "In 1972 Tarnvale introduced a folding bicycle ."
    )
    assert ents == [("Tarnvale", "ORG"), ("Milan", "LOC"), ("Tarnvale", "ORG")]
    assert found("In 1990 Glass Otter released their second album .") == [("Glass Otter", "ORG")]
    assert found("Brevik Marlow went bankrupt in 2001 .") == [("Brevik Marlow", "ORG")]
    assert found("Brevik Marlow won a prize in 2001 .") == [("Brevik Marlow", "PERSON")]


def test_a_year_between_a_preposition_and_a_name_breaks_the_cue() -> None:
    assert found("In 1988 Pelmark merged with a rival maker of ovens .") == [("Pelmark", "ORG")]
    assert found("The ovens were made in Pelmark for years .") == [("Pelmark", "LOC")]


def test_a_band_or_label_noun_types_the_one_word_name_after_it() -> None:
    ents = found("The song mentions the band Quorvex , whose members met in Leeds .")
    assert ents == [("Quorvex", "ORG"), ("Leeds", "LOC")]
    assert ("Plumtree", "ORG") in found("In 2004 she signed with the label Plumtree in Bristol .")


def test_words_that_spell_the_acronym_after_them_are_one_name() -> None:
    ents = found("She led the Ruritanians Against Dam Building ( RADB ) for years .")
    assert ents == [("Ruritanians Against Dam Building", "ORG"), ("RADB", "ORG")]
    assert found("He moved to the United Kingdom ( UK ) in 1990 .") == [
        ("United Kingdom", "LOC"),
        ("UK", "LOC"),
    ]


def test_a_club_prefix_makes_a_city_name_a_club() -> None:
    assert ("FC Oslo", "ORG") in found("He left for FC Oslo in 2007 on a free transfer .")
