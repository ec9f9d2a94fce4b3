"""A body named before an office holder's title, and where a named person works (invented
sentences)."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def _spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_body_opening_a_sentence_before_a_title_keeps_its_first_word() -> None:
    assert _spans("City Council Speaker Dana Quillby took the floor.") == [
        ("City Council", "ORG"),
        ("Dana Quillby", "PERSON"),
    ]
    assert _spans("State Senate President Tom Jonsby said no.") == [
        ("State Senate", "ORG"),
        ("Tom Jonsby", "PERSON"),
    ]
    assert ("City Council", "ORG") in _spans("City Council members voted on Monday.")


def test_a_participle_opening_the_sentence_is_no_part_of_the_body() -> None:
    spans = _spans("Decorated Navy Capt. Tom Jonsby spoke first.")
    assert ("Tom Jonsby", "PERSON") in spans
    assert not any(text.startswith("Decorated") for text, _ in spans)


def test_an_unknown_word_after_a_persons_name_and_of_is_where_they_work() -> None:
    assert _spans("The guests included Dana Quillby of Zorblax.") == [
        ("Dana Quillby", "PERSON"),
        ("Zorblax", "ORG"),
    ]
    assert ("Zorblax", "ORG") in _spans("Tom Jonsby of Zorblax said the deal was done.")


def test_a_known_place_or_a_titles_words_after_of_are_not_a_firm() -> None:
    assert ("Ohio", "LOC") in _spans("Senator Tom Jonsby of Ohio spoke.")
    # a film's title of everyday words is no person's name and workplace
    assert ("Nothing", "ORG") not in _spans("She starred in Nora Half of Nothing last year.")


def test_a_club_named_after_its_town_is_the_town_in_a_list_of_places_or_after_in() -> None:
    spans = _spans("The tour visits Leeds, Liverpool, Sheffield and York.")
    assert ("Liverpool", "LOC") in spans
    assert ("Liverpool", "LOC") in _spans("She grew up in Liverpool.")
    assert ("Liverpool", "ORG") in _spans("He joined Liverpool in 2004.")


def test_a_courtesy_title_makes_a_person_of_a_surname_that_is_a_town() -> None:
    assert _spans("He spoke to Mr Preston on Monday.") == [("Preston", "PERSON")]
    assert _spans("Mrs Chester said she was pleased.") == [("Chester", "PERSON")]
    assert _spans("She called Ms Lincoln later.") == [("Lincoln", "PERSON")]


def test_a_stock_ticker_after_a_firms_name_is_no_entity() -> None:
    assert _spans("It received an offer from Zorblax Inc <ZBX>.") == [("Zorblax Inc", "ORG")]
    # a unit named in angle brackets after a plain word is a name
    assert ("ZSMS", "ORG") in _spans("It employs 70 people in its <ZSMS> unit.")


def test_a_time_zone_after_a_time_is_no_entity() -> None:
    assert _spans("Trading closes at 1515 CST (2115 GMT).") == []
    assert _spans("Flights leave at 0100 PST and land at 0600.") == []


def test_a_list_of_surnames_makes_people_of_its_towns_and_unknown_words() -> None:
    spans = _spans("Subs: Turner, Quillby, Lambert, Maloney, Wallace, Fletcher.")
    assert [label for _, label in spans] == ["PERSON"] * 6
    spans = _spans("Visits included Leeds, Leicester, Liverpool, Sheffield and York.")
    assert all(label == "LOC" for _, label in spans)


def test_a_town_before_a_clubs_role_and_a_name_is_the_club() -> None:
    assert ("Leeds", "ORG") in _spans("Leeds manager Kevin Quillby said so.")
    assert ("Munster", "ORG") in _spans("He was led by Munster lock Paul Jonsby.")
    # a country's or a US state's side is the place, as in wire copy
    assert ("England", "LOC") in _spans("England coach Andy Quillby said so.")
    assert ("Texas", "LOC") in _spans("Texas manager Jon Quillby said so.")


def test_a_bare_capital_before_a_surname_is_an_initial() -> None:
    spans = _spans("Forwards: R Quillby (Harbor), H Jonsby (Dover), J Fennick (Bath).")
    assert [(text, label) for text, label in spans if label == "PERSON"] == [
        ("R Quillby", "PERSON"),
        ("H Jonsby", "PERSON"),
        ("J Fennick", "PERSON"),
    ]
    assert ("H Jonsby", "PERSON") in _spans("He picked H Jonsby at scrum-half.")
    # a compass point before a region is no initial
    spans = _spans("Referee: M Quillby (S Yorkshire).")
    assert ("M Quillby", "PERSON") in spans
    assert ("S Yorkshire", "PERSON") not in spans
