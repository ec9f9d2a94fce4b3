"""Merging the names of one entity across the corpus, and the cases never merged."""

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.annotate.spans import Entity
from tuireader.core.investigate.merge import merge_map
from tuireader.core.investigate.rows import defines_acronym, entity_row

PERSON, ORG = 0, 1


def names(*pairs):
    return {index: pair for index, pair in enumerate(pairs, start=1)}


def test_a_surname_joins_the_one_full_name_ending_with_it():
    table = names((PERSON, "Jane Doe"), (PERSON, "Doe"))
    assert merge_map(table, []) == {2: 1}


def test_a_surname_shared_by_two_people_joins_neither():
    table = names((PERSON, "Jane Doe"), (PERSON, "John Doe"), (PERSON, "Doe"))
    assert merge_map(table, []) == {}


def test_two_full_names_are_never_merged():
    table = names((PERSON, "Jane Doe"), (PERSON, "Jane A. Doe"), (PERSON, "J. Doe"))
    assert merge_map(table, []) == {}


def test_a_surname_does_not_join_an_organisation():
    table = names((ORG, "Doe Industries"), (PERSON, "Doe"))
    assert merge_map(table, []) == {}


def test_an_acronym_joins_the_expansion_an_article_defines():
    table = names((ORG, "Department of Example Affairs"), (ORG, "DEA"))
    assert merge_map(table, [(2, 1)]) == {2: 1}


def test_an_acronym_defined_two_ways_joins_neither():
    table = names(
        (ORG, "Department of Example Affairs"),
        (ORG, "DEA"),
        (ORG, "Drug Enforcement Administration"),
    )
    assert merge_map(table, [(2, 1), (2, 3)]) == {}


def test_an_acronym_never_defined_stays_apart():
    table = names((ORG, "Department of Example Affairs"), (ORG, "DEA"))
    assert merge_map(table, []) == {}


def test_an_article_defining_an_acronym_in_brackets_is_recorded():
    text = "The Department of Example Affairs (DEA) said so. DEA agents came."
    start = text.index("Department")
    entities = [
        Entity(
            start,
            start + len("Department of Example Affairs"),
            "ORG",
            "Department of Example Affairs",
        ),
        Entity(text.index("DEA agents"), text.index("DEA agents") + 3, "ORG", "DEA"),
    ]
    row = entity_row(text, Annotations(entities, []))
    assert row.acronyms == {("DEA", "Department of Example Affairs")}
    assert row.entities[ORG, "DEA"] == 1


def test_acronym_letters_must_match_the_initials():
    assert defines_acronym("Department of Example Affairs", "DEA")
    assert defines_acronym("Office of the Director of National Intelligence", "ODNI")
    assert not defines_acronym("Department of Example Affairs", "USA")


def test_a_name_in_capitals_joins_the_name_as_usually_written():
    table = names((2, "Japan"), (2, "JAPAN"), (0, "JAPAN"))
    assert merge_map(table, []) == {2: 1}


def test_case_variants_join_the_form_written_in_most_articles():
    table = names((2, "UK"), (2, "Uk"), (2, "Acme"), (2, "ACME"))
    # "UK" in 40 articles, a stray "Uk" in 2: the acronym keeps its capitals
    assert merge_map(table, [], {1: 40, 2: 2, 3: 9, 4: 1}) == {2: 1, 4: 3}


def test_headline_capitals_do_not_win_by_a_small_majority():
    table = names((3, "German"), (3, "GERMAN"))
    assert merge_map(table, [], {1: 80, 2: 200}) == {2: 1}


def test_a_surname_in_capitals_reaches_the_full_name():
    table = names((PERSON, "Jane Doe"), (PERSON, "Doe"), (PERSON, "DOE"))
    assert merge_map(table, [], {2: 5, 3: 1}) == {2: 1, 3: 1}
