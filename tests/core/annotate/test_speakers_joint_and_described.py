"""Speaker attribution: joint sources, a subject with its appositive and descriptions that
name no one (branch spk43; invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    "text",
    [
        "The port will close. \u201cWe cannot keep it open,\u201d according to Mara Quillon"
        " and Tobin Jonsby.",
        "According to Mara Quillon and Tobin Jonsby, \u201cwe cannot keep it open.\u201d",
    ],
)
def test_according_to_two_people_gives_both(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillon and Tobin Jonsby"


@pytest.mark.parametrize(
    "text",
    [
        "Mara Quillon and her husband, Tobin Jonsby, said: \u201cWe cannot keep it open.\u201d",
        "\u201cWe cannot keep it open,\u201d Mara Quillon and her husband, Tobin Jonsby, said.",
    ],
)
def test_a_subject_and_the_partner_in_apposition_speak_together(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillon and Tobin Jonsby"


def test_a_partner_after_a_preposition_speaks_alone() -> None:
    text = (
        "The mayor met Mara Quillon and her husband, Tobin Jonsby, who said:"
        " \u201cWe cannot keep it open.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tobin Jonsby"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Republican Tom Renwick spoke first. Democratic rival Jane Quillon answered him."
            " \u201cWe will win,\u201d the Republican nominee said.",
            "Tom Renwick",
        ),
        (
            "Tom Renwick spoke first. Democratic rival Jane Quillon answered him."
            " \u201cWe will win,\u201d the Republican nominee said.",
            None,
        ),
        (
            "Tom Renwick spoke first. Jane Quillon (D-Ohio) answered him."
            " \u201cWe will win,\u201d the Republican candidate said.",
            None,
        ),
    ],
)
def test_a_party_description_passes_over_a_person_of_another_party(
    text: str, name: str | None
) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == name


def test_a_party_description_keeps_the_nearest_person_of_no_known_party() -> None:
    text = (
        "Tom Renwick spoke first. Jane Quillon answered him."
        " \u201cWe will win,\u201d the Republican candidate said."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


@pytest.mark.parametrize("verb", ["slammed", "described"])
def test_the_subject_of_a_relative_clause_without_that_speaks(verb: str) -> None:
    text = (
        "Jane Quillon spoke first. The council changed the rules in a way Quillon"
        f" {verb} as \u201ca farce and a disgrace.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


def test_a_party_word_inside_a_quotation_gives_no_one_a_party() -> None:
    text = (
        "Tory leader Tom Renwick has dismissed the plan as \u201ca raid on savers\u201d.\n\n"
        "The plan was not about the country, but \u201call about the Labour party,\u201d the"
        " Tory leader said. \u201cWe will win,\u201d the Tory leader added."
    )
    assert [q.speaker_name for q in _direct(text)] == ["Tom Renwick"] * 3


def test_a_party_adjective_after_a_lead_in_is_not_the_speaker() -> None:
    text = (
        "Lord Quillon spoke on Monday. During the debate, the Labour peer and former"
        " minister said: \u201cThe harbour should stay open.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker.text == "the Labour peer"
    assert q.speaker_name == "Quillon"


@pytest.mark.parametrize(
    "text",
    [
        "Jane Quillon, the Democratic nominee, spoke first. Tom Renwick followed."
        " \u201cWe will win,\u201d the Democratic nominee said.",
        "Jane Quillon spoke first, as the Democratic nominee. She was followed by Tom Renwick."
        " \u201cWe will win,\u201d said the Democratic nominee.",
    ],
)
def test_a_party_description_finds_the_person_given_that_party_after_the_name(
    text: str,
) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


def test_the_speaking_description_gives_no_party_to_the_name_before_it() -> None:
    text = (
        "Jane Quillon spoke. In an interview with hosts Tom Renwick and Mara Jonsby, the"
        " Democratic presidential candidate stated that it was \u201ca farce.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"
