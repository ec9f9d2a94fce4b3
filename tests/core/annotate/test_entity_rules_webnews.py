"""Entity precision on web news (issue 17, entweb30): headlines, page furniture, glued spans."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_a_repeated_title_case_headline_glues_no_words_into_a_name() -> None:
    head = "Brisket Praises Pickle Amid Budget Fight"
    text = f"{head}\n\n{head}.\nTom Brisket praised Ann Pickle on Monday in Columbus."
    ents = found(text)
    assert ents.count(("Brisket", "PERSON")) == 2
    assert ents.count(("Pickle", "PERSON")) == 2
    assert not any(" Amid" in name or "Praises" in name for name, _ in ents)


def test_a_title_case_line_of_everyday_words_inside_the_text_is_a_headline() -> None:
    text = (
        "The mayor spoke on Monday.\n"
        "Mayor Jane Doe Wants Voters To Back New Stadium Plan\n"
        "Jane Doe, the mayor of Springfield, said the plan was sound."
    )
    assert found(text) == [("Jane Doe", "PERSON"), ("Jane Doe", "PERSON"), ("Springfield", "LOC")]


def test_a_title_case_list_of_names_is_still_read_by_capitals() -> None:
    text = "The squad was named on Monday.\nTom Brisket , Ann Pickle , Jane Doe\nIt plays Friday."
    names = {name for name, label in found(text) if label == "PERSON"}
    assert {"Tom Brisket", "Ann Pickle", "Jane Doe"} <= names


def test_two_or_three_capitals_are_an_acronym_not_a_small_town_or_a_given_name() -> None:
    # "FEC" and "TLC" are also names of small places in the gazetteer; "NEA" a given name
    assert found("Spending rose, according to FEC filings released on Friday.") == [("FEC", "ORG")]
    assert found("The star of the TLC show spoke.") == [("TLC", "ORG")]
    ents = found('"We will see," NEA President Jane Doe said on Monday.')
    assert ("NEA", "PERSON") not in ents and ("Jane Doe", "PERSON") in ents
    # a country written in capitals stays a place
    assert ("UK", "LOC") in found("Exports to the UK fell in May.")


def test_a_share_bar_run_into_the_text_is_no_part_of_a_name() -> None:
    text = "Jane Doe Facebook Twitter Email Tom Brisket said the vote was close."
    assert found(text) == [("Jane Doe", "PERSON"), ("Tom Brisket", "PERSON")]
    text = "The Springfield Gazette Facebook Twitter Jane Doe reported the news."
    assert found(text) == [("Springfield Gazette", "ORG"), ("Jane Doe", "PERSON")]
    assert found("The mayor resigned.\nFacebook Twitter Email\nThe council met.") == []
    # one such word alone is the firm
    assert ("Twitter", "ORG") in found("Jane Doe wrote on Twitter that she would run.")


def test_a_plural_company_head_alone_names_no_company() -> None:
    ents = found("Shares of Bloop Holdings (Holdings) fell 3 percent.")
    assert ents == [("Bloop Holdings", "ORG")]
    assert found("The deal was led by Partners on Monday.") == []


def test_a_us_state_postal_code_is_a_place() -> None:
    assert found("The group mocked a nutty VT socialist.") == [("VT", "LOC")]
    assert found("Three NH towns voted first.") == [("NH", "LOC")]
    assert ("Vt.", "LOC") in found("The rally in Springfield, Vt., drew a crowd.")
    # codes that are also words or common acronyms are left alone
    assert ("OR", "LOC") not in found("Vote YES OR NO on the measure.")
    # an ordinal before a state names one of its regiments
    assert ("62d NY", "ORG") in found("The brigade included the 62d NY and two batteries.")


def test_a_name_ending_in_a_plain_noun_is_a_site_or_firm_not_a_person() -> None:
    assert found("According to Liberty Headlines, the memo was leaked.") == [
        ("Liberty Headlines", "ORG")
    ]
    ents = found("As the site Eastern Journalism noted, the aide denied it.")
    assert ents == [("Eastern Journalism", "ORG")]
    # a given name, an initial: still a person
    assert ("Thomas D. Green", "PERSON") in found("Mr. Thomas D. Green of Ottawa won.")
    assert ("Jane Doe", "PERSON") in found("Jane Doe said so on Monday.")


def test_a_stretch_of_capitals_inside_a_line_is_read_like_a_headline() -> None:
    text = (
        "The mayor spoke. [Jane Doe, Gazette] BEER NUTRITION LABELS ARE CHANGING Liquid "
        "calories count, says Tom Brisket."
    )
    assert found(text) == [("Jane Doe", "PERSON"), ("Tom Brisket", "PERSON")]
    text = "Read it here. VOTERS IN OHIO ASK IF THE RACE IS OVER Turnout fell in Ohio."
    assert found(text) == [("OHIO", "LOC"), ("Ohio", "LOC")]
    # a name in capitals after a Title Case word is read as before
    assert ("NEW YORK TIMES", "ORG") in found("The NEW YORK TIMES reported it first.")


def test_a_named_persons_surname_in_the_plural_is_the_family() -> None:
    text = "Tom Brisket won the race. The Briskets are sensitive about the trip, aides said."
    assert ("Briskets", "PERSON") in found(text)
    # a people's name in the plural stays MISC
    text = "Jane American won. Many Americans voted for her."
    assert ("Americans", "MISC") in found(text)


def test_more_state_abbreviations_of_datelines_are_places() -> None:
    text = "Turnout Is Low In Three Towns\n\nSPRINGFIELD, N.H. (AP) — Turnout was low."
    assert ("N.H.", "LOC") in found(text)
    assert ("Del.", "LOC") in found("The mayor of Dover, Del., spoke on Monday.")


def test_a_job_word_before_a_name_is_no_part_of_it() -> None:
    assert found("Pollster Ann Pickle is happy with the sample.") == [("Ann Pickle", "PERSON")]
    ents = found("Springfield Alderman Tom B. Brisket voted no.")
    assert ents == [("Springfield", "LOC"), ("Tom B. Brisket", "PERSON")]


def test_a_no_break_space_inside_a_name_joins_it_like_a_space() -> None:
    ents = extract_entities("FBI Director Tom\xa0Brisket said so on Monday.")
    assert [(e.text, e.label, e.start, e.end) for e in ents] == [
        ("FBI", "ORG", 0, 3),
        ("Tom\xa0Brisket", "PERSON", 13, 24),
    ]


def test_a_plural_title_opens_no_place_and_stays_out_of_the_name() -> None:
    text = "Two incumbents face trouble: Sens. Tom Brisket (R-Ill.) and Ann Pickle."
    assert found(text) == [("Tom Brisket", "PERSON"), ("Ann Pickle", "PERSON")]
    text = "Underdog conservative Assemblywoman Jane Doe won."
    assert found(text) == [("Jane Doe", "PERSON")]


def test_an_archive_field_name_repeated_like_a_speaker_label_is_no_person() -> None:
    text = (
        "Brisket wins again\n\nBYLINE: Jane Doe\n\nBYLINE: Jane Doe.\n"
        "Tom Brisket won the vote on Monday.\nBRISKET: We won.\nPICKLE: You did.\n"
        "BRISKET: Thanks.\nPICKLE: Sure."
    )
    ents = found(text)
    assert not any(name == "BYLINE" for name, _ in ents)
    assert ents.count(("PICKLE", "PERSON")) == 2  # a transcript's speakers still are
