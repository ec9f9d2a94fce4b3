"""Speakers from the syntax around a quotation (invented sentences): a reporting clause whose
verb is not a listed cue, the agent of a passive naming verb, the owner of a quoted remark,
the giver of a statement, the company a passage is about, an apposition's place, a pronoun
after an abbreviation, a country that spoke, the one who replies."""

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
            "The hall was full by noon.\n\n"
            '"Nobody in this room has worked harder for the harbour than she has," exhorted '
            "the mayor's host, singer Dana Whitfield.",
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
            'The audit has run for two winters, often labeled a "fishing trip" by Tom '
            "Morrison, the county's chief executive.",
            "Tom Morrison",
        ),
        (
            'Dana Whitfield spoke first. The ferry plan was branded a "costly folly for the '
            'islands" by Tom Morrison on Monday.',
            "Tom Morrison",
        ),
        (
            "Whitfield has been careful in public. Still, she kept the ledgers in a way "
            '"far too loose for a bank" - as described by Finance Director Tom Morrison - and '
            "many voters agree.",
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
            "The towns have waited for years. It is the long shadow of Tom Morrison's "
            '"every pier will be rebuilt by spring" promise: they want their piers.',
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
        "In the slump, Tom Morrison worried that the harbour fund was turning into "
        '"a cushion that keeps idle boats afloat for ever." Harbour jobs were lost anyway. '
        'Dana Whitfield\'s "half the town" comment was nearly as blunt.'
    )
    assert _speakers(text) == ["Tom Morrison", "Dana Whitfield"]


def test_a_passive_agent_described_before_the_name_is_the_name() -> None:
    text = (
        'The old skipper was described as a "tireless friend of the coast" by his neighbour '
        "and fellow sailor Tom Morrison."
    )
    assert _speakers(text) == ["Tom Morrison"]


def test_a_role_may_open_the_apposition_naming_the_speaker() -> None:
    text = (
        '"Nobody in this room has worked harder for the harbour than she has," said the '
        "mayor's host, singer Dana Whitfield."
    )
    assert _speakers(text) == ["Dana Whitfield"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tom Morrison provided a written statement in response to the questions.\n\n"
            '"Having looked again at the ferry contracts, the minister accepts that the '
            'delays were his fault," the statement said.',
            "Tom Morrison",
        ),
        (
            '"We have met the builders twice this winter," Harbor News said in a statement.\n\n'
            '"In those meetings they promised to finish the pier by June," the statement said.',
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
        '"The minister accepts that the delays were his fault and nobody else\'s," the '
        "statement said."
    )
    assert _speakers(text) == ["Tom Morrison"]
    # a capitalised word the recognizer missed is the subject there, not the first person
    missed = (
        "Tom Morrison will leave the board but stay on as an adviser to the parent firm, "
        'Vandelk said in a statement. "A review of the accounts has taken a year and he '
        'thought it better to step aside," the statement said.'
    )
    assert _speakers(missed)[-1] != "Tom Morrison"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Morrison says the council keeps changing the subject from the state of the roads "
        'in the U.S. He says drivers want "fewer speeches and more asphalt on the streets."',
        "Tom Morrison runs a big company, Harbor Tools Inc. He said the year had been "
        '"very hard for everyone in the trade."',
    ],
)
def test_a_pronoun_after_an_abbreviations_stop_opens_a_sentence_and_speaks(text: str) -> None:
    assert _speakers(text) == ["Tom Morrison"]


def test_the_company_is_the_one_the_passage_is_about_not_an_outlet_named_once() -> None:
    text = (
        "Vandel Motors said on Monday that its talks with the union had failed. A spokesman "
        "for Vandel Motors told Reuters that the company would make the new van at another "
        "plant.\n\n"
        '"We are sorry it came to this, and we still hope to keep the plant busy," the '
        "company said."
    )
    assert _speakers(text) == ["Vandel Motors"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "But the head of the trade panel, Ambassador Tom Morrison of Iceland, warned that "
            'the talks still had "many hard weeks ahead of them".',
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
        "Tom Morrison, the party leader, spoke at the rally. Mr Morrison pointed out that "
        "Norway, Chile and the Irish Republic, which all send ships to the northern fishing "
        'grounds, have promised to leave "whatever the quota talks decide".\n\n'
        'He accused Mr Whitfield\'s ministry of "hiding the real numbers" from the public.'
    )
    assert _speakers(text)[-1] == "Tom Morrison"


def test_he_responds_is_the_one_just_written_to() -> None:
    text = (
        'Tom Whitfield praised the report. "Was the bridge idea not ours to begin with?" Jake '
        'Morrison writes to Whitfield. He responds, "It was, but let them take the credit."'
    )
    assert _speakers(text) == ["Jake Morrison", "Tom Whitfield"]
