"""Speaker attribution: reporting-clause shapes fixed on branch spk39 (invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


def test_a_role_at_a_place_is_the_person_the_article_gave_that_role() -> None:
    text = (
        "Pat Quillon, the Dover front-runner, leads the race.\n\n"
        "Tom Renwick spoke on Monday. The Dover front-runner said the vote was \u201crigged.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Pat Quillon"


def test_a_lead_in_ending_in_a_quoted_title_is_skipped_to_find_the_speaker() -> None:
    text = (
        "Pat Quillon spoke in Dover.\n\n"
        "On Tuesday\u2019s episode of \u201cThe Harbor Hour,\u201d the former mayor said she "
        "wanted to speak \u201cdirectly to sailors.\u201d"
    )
    quotes = [q for q in _direct(text) if "sailors" in q.text]
    assert [q.speaker_name for q in quotes] == ["Pat Quillon"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Harbor Trust will brand you a liar and Dover Radio will accuse you of "
            "a \u201cfreak out.\u201d",
            "Dover Radio",
        ),
        (
            "Tom Renwick praised the deal, but Pat Quillon will call it \u201ca freak show.\u201d",
            "Pat Quillon",
        ),
    ],
)
def test_a_naming_verb_after_will_is_the_cue_of_its_own_subject(text: str, speaker: str) -> None:
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None


def test_a_title_after_an_episode_of_is_no_quotation() -> None:
    text = (
        "Pat Quillon spoke in Dover.\n\n"
        "On Tuesday\u2019s episode of \u201cThe Harbor Hour,\u201d Quillon said she wanted "
        "to speak \u201cdirectly to sailors.\u201d"
    )
    assert [q.text for q in _direct(text)] == ["\u201cdirectly to sailors.\u201d"]
