"""Speaker attribution: a short quoted title or nickname inside the speaker's own phrase
("said "Harbor Hour" host Jane Doe", "Jane Doe, the "Harbor Queen," said", 'Doe's "Save the
Port" campaign') does not stop the search for the speaker (invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _speakers(text: str) -> list[str | None]:
    return [q.speaker_name for q in annotate(text).quotes if q.direct and "sailor" in q.text]


@pytest.mark.parametrize(
    "attribution",
    [
        'said "Harbor Hour" host Jane Quillon.',
        '"Harbor Hour" host Jane Quillon said.',
        'Jane Quillon, the "Harbor Queen," said.',
        'Jane Quillon, the "Harbor Queen," said on Monday, a week after the fire.',
        'Jane Quillon\u2019s "Save the Port" campaign said.',
    ],
)
def test_a_title_inside_the_attribution_after_the_quotation(attribution: str) -> None:
    text = f'Tom Renwick spoke first. "The plan is a disaster for every sailor," {attribution}'
    assert _speakers(text) == ["Jane Quillon"]


def test_a_title_between_owner_and_noun_before_the_cue() -> None:
    text = (
        "Tom Renwick spoke first. Jane Quillon\u2019s \u201cSave the Port\u201d campaign called "
        "the plan \u201ca disaster for every sailor.\u201d"
    )
    assert _speakers(text) == ["Jane Quillon"]


def test_a_title_inside_a_description_keeps_the_description() -> None:
    text = (
        '"The harbor is dying," "Harbor Hour" host Jane Quillon said on Monday. Tom Renwick '
        'disagreed. "The plan is a disaster for every sailor," the "Harbor Hour" host said.'
    )
    (q,) = [q for q in annotate(text).quotes if q.direct and "sailor" in q.text]
    assert q.speaker is not None and q.speaker.text == 'the "Harbor Hour" host'
    assert q.speaker_name == "Jane Quillon"
