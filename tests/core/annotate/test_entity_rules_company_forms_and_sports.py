"""Entity rules for issue 17 (ner37): general patterns of encyclopedic and news text."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_dotted_company_form_ends_an_organisation() -> None:
    assert found("He sold it to Zorvantis S.A. in 1990 .") == [("Zorvantis S.A.", "ORG")]
    assert found("Zorvantis N.V. belongs to the group .") == [("Zorvantis N.V.", "ORG")]
    assert found("The stake in Quorvel S.p.A. was sold .") == [("Quorvel S.p.A.", "ORG")]


def test_a_club_after_a_competition_and_for_is_a_name_of_its_own() -> None:
    ents = found("He played in the Ruritanian Super League for FC Northvale .")
    assert ("FC Northvale", "ORG") in ents
    assert ("Ruritanian Super League", "ORG") in ents or ("Super League", "ORG") in ents
    ents = found("He spent ten seasons in the Western Hockey League for the St. Louis Owls .")
    assert ("Western Hockey League", "ORG") in ents
    # an organisation named "for" a cause stays whole
    assert found("The League for Clean Rivers met on Monday .") == [
        ("League for Clean Rivers", "ORG")
    ]


def test_a_class_year_before_a_person_is_no_part_of_the_name() -> None:
    ents = found("Two Hawks , Senior Kory Lindqvast and Juniors Eriq Dozman , were named .")
    assert ("Kory Lindqvast", "PERSON") in ents
    assert ("Eriq Dozman", "PERSON") in ents
    assert found("They praised Sophomore Anna Novak on Monday .") == [("Anna Novak", "PERSON")]
    # a given name "Junior" and a name opening with the word stay whole
    assert found("Junior Seau played on Sunday .") == [("Junior Seau", "PERSON")]
    assert ("Junior Chamber International", "ORG") in found(
        "The Junior Chamber International met on Monday ."
    )


def test_a_name_after_a_place_noun_and_of_is_a_place() -> None:
    assert found("It was built on the petition of the villagers of Brynvach .") == [
        ("Brynvach", "LOC")
    ]
    assert found("The army arrived in the prairie of Zalcapuro .") == [("Zalcapuro", "LOC")]
    # a name of two words too
    assert found("It is part of the municipality of Verlitz Hallo .") == [("Verlitz Hallo", "LOC")]


def test_a_season_before_a_year_names_no_place() -> None:
    assert found("As of Spring 2007 , the band was touring .") == []
    assert found("They met in Summer 2015 in Oslo .") == [("Oslo", "LOC")]


def test_a_letter_before_a_common_noun_is_no_name() -> None:
    assert found("Doctors performed an immediate C-section on her .") == []
    assert found("He wore a T-shirt on Monday .") == []


def test_an_everyday_word_after_in_is_no_place() -> None:
    assert found("He began a career in Marketing after school .") == []
    assert found("He lives in Marlow with his wife .") == [("Marlow", "LOC")]


def test_event_and_document_heads_name_misc() -> None:
    assert found("It was dissolved after the Varnish Plebiscites of 1920 .") == [
        ("Varnish Plebiscites", "MISC")
    ]
    assert found("During the Great Depression many left .") == [("Great Depression", "MISC")]
    assert ("Northvale Pact", "MISC") in found("The talks led to the Northvale Pact in 1990 .")


def test_a_year_after_euro_names_the_championship() -> None:
    assert found("He missed Euro 96 with an injury .") == [("Euro 96", "MISC")]
    assert ("Euro 2016", "MISC") in found("Fans travelled to Euro 2016 in June .")


def test_a_dateline_in_a_sports_report_names_places() -> None:
    text = (
        "GOLF - JONES LEADS AT DENVER OPEN .\n"
        "DENVER , Colorado 1996-08-29\n"
        "Tom Jones fired a 64 to lead on Thursday . Denver beat Chelsea 2-1 in the match .\n"
    )
    ents = found(text)
    assert ("DENVER", "LOC") in ents
    assert ("Colorado", "LOC") in ents
    assert ("Denver", "ORG") in ents  # the team, in the report itself


def test_the_town_of_a_venue_in_a_sports_report_is_a_place() -> None:
    text = (
        "CRICKET - ENGLAND TOUR .\n"
        "June 5 First test ( at Northvale Park , Leeds ) . "
        "Leeds beat Chelsea 2-1 in the match and won the cup ."
    )
    ents = found(text)
    assert ("Leeds", "LOC") in ents
    assert ("Leeds", "ORG") in ents  # the team


def test_broker_before_a_name_of_two_words_may_be_a_person() -> None:
    assert found("The market fell , said broker Tarik Venzoli .") == [("Tarik Venzoli", "PERSON")]
    assert found("Shares rose , said broker Northvale Securities .") == [
        ("Northvale Securities", "ORG")
    ]


def test_a_cricket_scorecard_names_players() -> None:
    text = (
        "CRICKET - NORTHVALE v EASTFIELD SCORES .\n"
        "J. Doe c Brannigan b Olowaski 13\n"
        "K. Roe lbw b Olowaski 8\n"
        "Bowling : Olowaski 10-0-41-2 , Venkataram 9-0-49-1\n"
        "Northvale won by 3 runs .\n"
    )
    ents = found(text)
    assert ("Olowaski", "PERSON") in ents
    assert ("Venkataram", "PERSON") in ents
    assert ("Olowaski", "ORG") not in ents
