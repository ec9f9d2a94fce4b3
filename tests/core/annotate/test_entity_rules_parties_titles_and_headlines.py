"""Entity rules for issue 17 (ner38): precision on web news, wire and encyclopedic text."""

from __future__ import annotations

from tuireader.core.annotate.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_tory_is_misc_and_the_tories_are_the_party() -> None:
    # CoNLL: a word derived from a party ("Tory MP", like "Republican") is MISC; the party
    # itself ("the Tories", like "Labour") is an organisation; the same in every position
    ents = found("A Tory spokesman said the Tories were united behind Quillon .")
    assert ("Tory", "MISC") in ents
    assert ("Tories", "ORG") in ents
    assert ("Tory", "MISC") in found("The Jonsby plan split the Tory benches on Monday .")
    headline = "TORY REBELS DEFY JONSBY OVER TAX .\n\nLONDON 1996-08-30\n\nThe vote was close ."
    assert ("TORY", "MISC") in found(headline)


def test_acronyms_of_common_nouns_are_no_organisations() -> None:
    ents = found("Veterans with PTSD met LGBT activists and Senator Quillon on Monday .")
    assert ents == [("Quillon", "PERSON")]
    assert ("PCP", "ORG") not in found("The drug PCP was found in the car of Jonsby Harbor .")
    assert found("She earned an MBA and then joined Harbor Trust .") == [("Harbor Trust", "ORG")]


def test_a_chief_executive_is_a_title_between_a_firm_and_a_person() -> None:
    ents = found("Senator Quillon grilled Harbor Trust CEO John Jonsby on Tuesday .")
    assert ("Harbor Trust", "ORG") in ents
    assert ("John Jonsby", "PERSON") in ents
    assert found("The CEO said profits rose .") == []


def test_a_name_of_two_words_glued_before_a_title_is_the_employer() -> None:
    ents = found("They grilled Ellis Norvane Chairman John Jonsby on Tuesday .")
    assert ("Ellis Norvane", "ORG") in ents
    assert ("John Jonsby", "PERSON") in ents


def test_a_legal_form_before_and_ends_the_first_firm() -> None:
    ents = found("Corporations including Quillon Inc and Harvest Inc backed the plan .")
    assert ents == [("Quillon Inc", "ORG"), ("Harvest Inc", "ORG")]
    # everyday words around "and" before an organisation head stay one name
    assert found("The Ways and Means Committee met on Monday .") == [
        ("Ways and Means Committee", "ORG")
    ]


def test_a_show_is_a_programme_not_a_person() -> None:
    text = 'On Tuesday \'s episode of " The Jim Quillon Morning Show , " she said she was tired .'
    assert ("Jim Quillon Morning Show", "MISC") in found(text)
    assert ("The Laura Jonsby Show", "MISC") in found("She said it on The Laura Jonsby Show .")


def test_a_headline_verb_cuts_a_run_of_capitals() -> None:
    ents = found("Factcheck : Jane Quillon Is Right , Prices Rose in Harbor City this year .")
    assert ("Jane Quillon", "PERSON") in ents
    assert not any("Right" in name for name, _ in ents)
    ents = found("We read that Senator Jonsby Says Harbor Trust Lied , the aide said .")
    assert ("Jonsby", "PERSON") in ents
    assert ("Harbor Trust Lied", "ORG") not in ents


def test_del_is_a_delegates_title_before_a_name_and_delaware_alone() -> None:
    ents = found('" We will win , " said Del. Mara Quillon of Harbor County .')
    assert ("Mara Quillon", "PERSON") in ents
    assert ("Del.", "LOC") in found("The plant in Dover , Del. , closed on Monday .")


def test_a_name_ending_in_a_peoples_plural_is_misc() -> None:
    assert ("Shia Arabs", "MISC") in found(
        "Most of the settlers who reached Quillon were Shia Arabs ."
    )
    # a known place's team keeps its reading
    ents = found("The Harbor Rangers beat the Denton Indians 5-3 on Friday .")
    assert ("Denton Indians", "MISC") not in ents
    # a body's members are no people's name
    ents = found("Oversight Committee Republicans seethed after the vote .")
    assert ("Committee Republicans", "MISC") not in ents


def test_a_party_letter_before_a_place_in_brackets_is_no_part_of_it() -> None:
    ents = found("Her niece , Marcia Quillon ( D-Harbor Falls ) , spoke .")
    assert ("Harbor Falls", "LOC") in ents
    ents = found("Senator Jonsby (R-North Dakota) disagreed .")
    assert ("North Dakota", "LOC") in ents


def test_a_role_word_between_a_title_and_a_name_is_no_part_of_the_name() -> None:
    ents = found("He mocked former Miss Galaxy Alicia Quillon on Monday .")
    assert ents == [("Alicia Quillon", "PERSON")]
    assert found("He met President Jane Mary Quillon on Monday .") == [
        ("Jane Mary Quillon", "PERSON")
    ]


def test_the_employer_before_a_title_stays_an_organisation_after_the_typer() -> None:
    ents = found("The plan has the backing of Carolina NWU-PLU President Doris Quillon .")
    assert ("Carolina NWU-PLU", "ORG") in ents
    assert ("Doris Quillon", "PERSON") in ents


def test_the_typer_makes_no_person_of_a_name_ending_in_an_acronym() -> None:
    ents = found("It oversaw the centers The Q.R.C. said it would act on Monday .")
    assert ("The Q.R.C.", "PERSON") not in ents
    assert ("Q.R.C.", "PERSON") not in ents


def test_calendar_words_joined_by_a_hyphen_name_nothing() -> None:
    assert found("Shares fell to their weakest level since mid-July on Thursday .") == []
    assert found("Sales in the April-June quarter rose .") == []
    assert ("pro-Quillon", "MISC") in found("He met pro-Quillon leaders on Monday .")


def test_a_legal_form_before_of_and_a_known_place_ends_the_firm() -> None:
    ents = found("Jonsby Motor Corp of Canada opened a plant on Friday .")
    assert ents == [("Jonsby Motor Corp", "ORG"), ("Canada", "LOC")]
    ents = found("It was built for the Harbor Oil Company of Ohio in 1920 .")
    assert ("Harbor Oil Company", "ORG") in ents
    # an organisation head that takes "of" still does
    assert found("The Bank of England met on Monday .") == [("Bank of England", "ORG")]


def test_a_persons_name_in_a_headline_takes_no_organisation_head_after_it() -> None:
    text = (
        "Quillon Power Plan Heads To Court Again.\n\n"
        "The plan of President Jane Quillon faces judges on Monday."
    )
    ents = found(text)
    assert ("Quillon Power", "ORG") not in ents
    assert ("Quillon", "PERSON") in ents


def test_two_towns_names_side_by_side_ending_in_a_surname_are_a_person() -> None:
    text = "The chief judge , Burbank Thornton , has stepped aside . Thornton is the nominee ."
    assert found(text) == [("Burbank Thornton", "PERSON"), ("Thornton", "PERSON")]
    # a place after a comma stays a place
    assert found("He flew to Dallas , Texas on Monday .") == [("Dallas", "LOC"), ("Texas", "LOC")]


def test_newspaper_heads_end_an_organisation() -> None:
    ents = found("He was quoted by the Harbor Chronicle and told the Jonsby Inquirer so .")
    assert ents == [("Harbor Chronicle", "ORG"), ("Jonsby Inquirer", "ORG")]
    assert found("He told the Harbor Observer on Monday .") == [("Harbor Observer", "ORG")]


def test_names_spelled_like_headline_verbs_stay_whole() -> None:
    assert found("The columnist Dora Will wrote on Monday .") == [("Dora Will", "PERSON")]


def test_a_plural_of_an_everyday_noun_ending_a_name_is_no_person() -> None:
    ents = found("The 2007 Rowan Creek Falcons football team won the title .")
    assert ents == [("Rowan Creek Falcons", "ORG")]
    # surnames in the plural's form stay people
    assert ("Jim Waters", "PERSON") in found("He met Tom Sellers and Jim Waters on Monday .")
