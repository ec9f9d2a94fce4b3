"""Speaker attribution: joint subjects, a passive cue after "and", relative clauses naming a
body and role descriptions (branch spk42; invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Jane Quillon and Tom Jonsby have slammed the plan as "
            "\u201ca disgrace to the port.\u201d",
            "Jane Quillon and Tom Jonsby",
        ),
        (
            "Jane Quillon and Tom Jonsby spoke on Monday. Later, Quillon and Jonsby said: "
            "\u201cWe will fight it.\u201d",
            "Jane Quillon and Tom Jonsby",
        ),
        (
            "HARBOR VOTERS WANT CHANGE - Jane Quillon and Tom Jonsby: \u201cWe found that "
            "voters want a change.\u201d",
            "Jane Quillon and Tom Jonsby",
        ),
        (
            "\u201cWe will fight it,\u201d Jane Quillon and Tom Jonsby said.",
            "Jane Quillon and Tom Jonsby",
        ),
    ],
)
def test_two_people_joined_as_the_subject_speak_jointly(text: str, name: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == name


@pytest.mark.parametrize(
    "text",
    [
        "Mark Renwick met with Jane Quillon and Tom Jonsby said: \u201cWe will fight it.\u201d",
        "Mark Renwick, Jane Quillon and Tom Jonsby said: \u201cWe will fight it.\u201d",
    ],
)
def test_a_name_after_a_preposition_or_a_list_of_three_is_not_made_a_pair(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Jonsby"


@pytest.mark.parametrize(
    "text",
    [
        "The plan was praised by Jane Quillon and criticized by Tom Jonsby as "
        "\u201creckless and foolish.\u201d",
        "The plan was praised by Jane Quillon, but criticized by Tom Jonsby as "
        "\u201creckless and foolish.\u201d",
    ],
)
def test_a_passive_cue_joined_by_and_has_its_own_agent(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Jonsby"


def test_an_active_cue_after_and_keeps_its_subject() -> None:
    text = "Jane Quillon praised the plan and criticized Tom Jonsby as \u201creckless.\u201d"
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


def test_a_relative_clause_naming_a_body_leaves_the_person_the_speaker() -> None:
    text = (
        "Tom Jonsby, who is a pastor at the Harbor Street Church, said "
        "\u201cWe will pray for them.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Jonsby"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Jonsby, who is a pastor at the Harbor Street Church of Dover, Ohio, said the plan "
        "was \u201creckless.\u201d",
        "Tom Jonsby spoke on Monday.\n\nJonsby, who is a pastor at the Harbor Street Church of "
        "Dover, Ohio, slammed the Sea Scouts for promoting \u201creckless sailing\u201d among "
        "its members.",
    ],
)
def test_a_relative_clause_ending_in_a_body_and_its_place_leaves_the_person(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Jonsby"


def test_a_role_at_a_place_is_the_holder_placed_there() -> None:
    text = (
        "Sen. Tom Jonsby (R-Dover) and Sen. Jane Quillon (D-Harbor) spoke on Monday. "
        "Mark Renwick also spoke.\n\n\u201cWe need it,\u201d the Harbor senator said."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


def test_a_role_description_is_the_person_described_by_its_modifier() -> None:
    text = (
        "Popular Harbor preacher Tom Jonsby spoke on Monday. Mark Renwick also spoke.\n\n"
        "\u201cWe need it,\u201d the Harbor leader said."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Jonsby"


def test_a_role_described_by_its_modifier_for_no_one_is_the_person_last_named() -> None:
    text = (
        "Mark Renwick spoke on Monday. He met Tom Jonsby.\n\n"
        "\u201cWe need it,\u201d the Harbor leader said."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Mark Renwick"


@pytest.mark.parametrize(
    "text",
    [
        "Supporters of Jane Quillon jeered a protester, with Quillon reportedly yelling: "
        "\u201cGet him out of here!\u201d",
        "Supporters of Jane Quillon jeered a protester, with Quillon shouting: "
        "\u201cGet him out of here!\u201d",
    ],
)
def test_the_subject_of_an_absolute_with_clause_speaks(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Jane Quillon unveiled the plan on Monday. It was described by her as "
            "\u201ca good start.\u201d",
            "Jane Quillon",
        ),
        (
            "Jane Quillon unveiled the plan on Monday. It was praised by Tom Jonsby and "
            "slammed by her as \u201ca bad start.\u201d",
            "Jane Quillon",
        ),
        (
            "Jane Quillon and Tom Jonsby unveiled the plan. It was described by them as "
            "\u201ca good start.\u201d",
            "Jane Quillon and Tom Jonsby",
        ),
    ],
)
def test_a_pronoun_agent_of_a_passive_cue_is_resolved(text: str, name: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == name


def test_a_naming_cue_in_a_clause_after_and_has_its_own_subject() -> None:
    text = (
        "The Harbor Ledger notes that Jane Quillon tweeted that Mark Renwick should fire Tom "
        "Jonsby, and Renwick later called Jonsby \u201cvery weak on ports.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Mark Renwick"


def test_a_day_after_and_is_no_subject() -> None:
    text = "Jane Quillon said the plan was dead, and Tuesday called it \u201cvery weak.\u201d"
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


def test_two_people_as_the_agent_of_a_passive_cue_speak_jointly() -> None:
    text = "The plan was slammed by Jane Quillon and Tom Jonsby as \u201ca disgrace.\u201d"
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon and Tom Jonsby"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "\u201cWe are ready,\u201d the Office of Port Safety and the Department of Harbor "
            "Works said.",
            "Office of Port Safety and Department of Harbor Works",
        ),
        (
            "The plan was slammed by Jane Quillon and Harbor Trust as \u201ca disgrace.\u201d",
            "Jane Quillon and Harbor Trust",
        ),
    ],
)
def test_two_bodies_as_the_subject_speak_jointly_as_a_joint_statement_does(
    text: str, name: str
) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == name
