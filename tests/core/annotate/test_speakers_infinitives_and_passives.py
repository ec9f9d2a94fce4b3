"""Speaker attribution: purpose infinitives, messages for someone and passives with a
by-agent (branch spk41; invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Quillon had a simple message for Tom Renwick: \u201cStop the plan now.\u201d",
        "Jane Quillon had a few words for Tom Renwick: \u201cStop the plan now.\u201d",
    ],
)
def test_the_one_a_message_is_for_is_not_its_speaker(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


@pytest.mark.parametrize(
    "text",
    [
        "Jane Quillon took to Twitter to call the plan \u201ca disaster.\u201d",
        "Tom Renwick backed the plan, but Jane Quillon took to Twitter to call it "
        "\u201ca disaster for the port.\u201d",
        "Tom Renwick said Jane Quillon was quick to call it \u201ca disaster for the port.\u201d",
    ],
)
def test_an_infinitive_of_purpose_or_manner_reports_its_subjects_words(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


def test_an_infinitive_of_intent_reports_no_words() -> None:
    text = "Tom Renwick said Jane Quillon wants to call the plan \u201ca fresh start.\u201d"
    for q in _direct(text):
        assert q.speaker_name != "Jane Quillon", q


@pytest.mark.parametrize(
    "text",
    [
        "Tom Renwick unveiled it on Monday. The plan was criticized by Jane Quillon as "
        "\u201ca disaster for the port.\u201d",
        "Tom Renwick unveiled it on Monday. The plan was described by Jane Quillon on Monday "
        "as \u201ca disaster for the port.\u201d",
        "Tom Renwick unveiled the plan.\n\n"
        "\u201cA disaster for the port,\u201d was how it was described by Jane Quillon.",
    ],
)
def test_the_agent_of_a_passive_cue_is_the_speaker(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Renwick unveiled it on Monday. The plan was slammed by Jane Quillon as "
        "\u201ca disaster for the port.\u201d",
        "Tom Renwick unveiled it on Monday. The plan was dubbed by Jane Quillon "
        "\u201ca disaster for the port.\u201d",
    ],
)
def test_a_cue_doubling_its_last_consonant_is_a_cue(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"
