"""Speakers from the syntax around a quotation (invented sentences): a reporting clause whose
verb is not a listed cue, the agent of a passive naming verb, the owner of a quoted remark."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _speakers(text: str) -> list[str | None]:
    return [q.speaker_name for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The hearing opened late. Dana Whitfield chaired it.\n\n"
            '"You promised us answers and we have waited for a year," Whitfield started.',
            "Dana Whitfield",
        ),
        (
            "The rally drew a big crowd.\n\n"
            '"It is about time we had a teacher running this town," exhorted the mayor\'s '
            "introducer, singer Dana Whitfield.",
            "Dana Whitfield",
        ),
        (
            "Loans fell in the spring.\n\n"
            '"We expect the rest of the year to be much quieter for the bank," Tom Morrison '
            "detailed.",
            "Tom Morrison",
        ),
    ],
)
def test_a_reporting_clause_closing_the_sentence_names_the_speaker_whatever_its_verb(
    text: str, speaker: str
) -> None:
    # a quotation closed by a comma, then a name and a past-tense verb ending the sentence
    # (or the verb and then the name): the clause reports the quotation
    assert _speakers(text) == [speaker]


def test_an_unlisted_verb_takes_only_a_quotation_of_its_own_sentence() -> None:
    text = (
        "Loans fell in the spring.\n\n"
        '"We expect the rest of the year to be much quieter for the bank," Tom Morrison '
        "detailed. Dana Whitfield laughed.\n\n"
        'Her best-known novel is "The Long Road Home," Dana Whitfield published.'
    )
    # the second clause is a sentence of its own; a short title is no quotation
    assert _speakers(text) == ["Tom Morrison"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The inquiry has dragged on for years, often labeled a "witch hunt" by Tom '
            "Morrison, the county's chief executive.",
            "Tom Morrison",
        ),
        (
            'Dana Whitfield spoke first. The levy was branded a "disgraceful waste of money" '
            "by Tom Morrison on Monday.",
            "Tom Morrison",
        ),
        (
            "Whitfield has been careful in public. Still, she handled the files in a way "
            '"extremely careless" - as described by Finance Director Tom Morrison - and many '
            "voters agree.",
            "Tom Morrison",
        ),
    ],
)
def test_the_agent_of_a_passive_naming_verb_said_the_words(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Unions have fought the levy for years. It is the steady pull of Tom Morrison's "
            '"if you like your plan, you can keep it" promise: they want to keep their plans.',
            "Tom Morrison",
        ),
        (
            'Voters still remember Dana Whitfield\'s infamous "half the town" remark from the '
            "spring.",
            "Dana Whitfield",
        ),
    ],
)
def test_the_owner_of_a_quoted_remark_said_it(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]
    # a product line is no remark
    line = 'Tom Morrison runs the shop. Harbor Foods\' "Fresh" line sold out in a week.'
    assert all(q.speaker_name is None for q in annotate(line).quotes)


def test_an_owned_quotation_gives_its_speaker_to_no_other_quotation() -> None:
    text = (
        "In the slump, Tom Morrison worried that the safety net was becoming "
        '"a hammock that lulls able people to lives of idleness." Jobless numbers had risen '
        'anyway. Dana Whitfield\'s "half the town" comment was nearly as dismissive.'
    )
    assert _speakers(text) == ["Tom Morrison", "Dana Whitfield"]


def test_a_passive_agent_described_before_the_name_is_the_name() -> None:
    text = (
        'Fletcher was described as a "consummate professional" by his friend and fellow '
        "broadcaster Tom Morrison."
    )
    assert _speakers(text) == ["Tom Morrison"]
    # a capitalised word the recognizer missed is the subject there, not the first person
    missed = (
        "Tom Morrison was stepping down but would keep working for the parent firm, "
        'Vandelk said in a statement. "An inquiry has been going on for two years and he '
        'thought it unwise to stay on," the statement said.'
    )
    assert _speakers(missed)[-1] != "Tom Morrison"


def test_a_role_may_open_the_apposition_naming_the_speaker() -> None:
    text = (
        '"It is about time we had a teacher running this town," said the mayor\'s '
        "introducer, singer Dana Whitfield."
    )
    assert _speakers(text) == ["Dana Whitfield"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tom Morrison provided a written statement in response to the questions.\n\n"
            '"After reviewing the files this year, the secretary believes the mistake was '
            'his own," the statement said.',
            "Tom Morrison",
        ),
        (
            '"We have talked to her a few times," Harbor News said in a statement.\n\n'
            '"In those talks we heard her concerns about the show," the statement said.',
            "Harbor News",
        ),
    ],
)
def test_the_statement_said_is_whoever_gave_or_spoke_in_the_statement(
    text: str, speaker: str
) -> None:
    assert _speakers(text)[-1] == speaker


def test_the_statement_belongs_to_the_subject_of_the_verb_that_gave_it() -> None:
    text = (
        "Dana Whitfield left her post in May, and the Ledger said Tom Morrison provided a "
        "written statement about it.\n\n"
        '"The secretary believes the mistake was his own and nobody else\'s," the '
        "statement said."
    )
    assert _speakers(text) == ["Tom Morrison"]
    # a capitalised word the recognizer missed is the subject there, not the first person
    missed = (
        "Tom Morrison was stepping down but would keep working for the parent firm, "
        'Vandelk said in a statement. "An inquiry has been going on for two years and he '
        'thought it unwise to stay on," the statement said.'
    )
    assert _speakers(missed)[-1] != "Tom Morrison"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Morrison says the mayor is trying to distract from the lack of a plan to fix roads "
        'in the U.S. He says drivers need no more "long lectures that are devoid of action."',
        "Tom Morrison runs a big company, Harbor Tools Inc. He said the year had been "
        '"very hard for everyone in the trade."',
    ],
)
def test_a_pronoun_after_an_abbreviations_stop_opens_a_sentence_and_speaks(text: str) -> None:
    assert _speakers(text) == ["Tom Morrison"]


def test_the_company_is_the_one_the_passage_is_about_not_an_outlet_named_once() -> None:
    text = (
        "Vandel Motors said on Monday that its talks with the union had failed. A spokesman "
        "for Vandel Motors told Reuters that the company would build the new truck "
        "elsewhere.\n\n"
        '"We sincerely regret this outcome, but the blame rests with the union," the company '
        "said."
    )
    assert _speakers(text) == ["Vandel Motors"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "But the chairman of the working party, Ambassador Tom Morrison of Iceland, warned "
            'that there was "still a lot of work to be done".',
            "Tom Morrison",
        ),
        (
            "But the head of the panel, Judge Dana Whitfield of Ohio, said the ruling was "
            '"final and binding on all of the parties".',
            "Dana Whitfield",
        ),
    ],
)
def test_a_place_closing_the_apposition_is_not_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_country_that_spoke_is_no_antecedent_for_he() -> None:
    text = (
        "Tom Morrison, the party leader, spoke at the rally. Mr Morrison pointed out that the "
        "Netherlands, Portugal and the Czech Republic, which all have troops operating in the "
        'southern sector, have announced their imminent withdrawal "regardless of the '
        'situation on the ground".\n\n'
        'He accused Mr Whitfield\'s government of "being less than straightforward" over its '
        "plans."
    )
    assert _speakers(text)[-1] == "Tom Morrison"


def test_he_responds_is_the_one_just_written_to() -> None:
    text = (
        'Tom Whitfield praised the piece. "Remind me, didn\'t we use that word first?" Jake '
        'Morrison writes to Whitfield. He responds, "Yes, but happy to let them have it."'
    )
    assert _speakers(text) == ["Jake Morrison", "Tom Whitfield"]
