"""Speaker attribution: the sentence's subject found past its opening words, a connective
and the time or place after it ("Earlier this week,", "But on Monday,"), for cues whose
subject is the sentence's (participles, "and said"); invented sentences."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    "opener", ["Earlier this week,", "Later on Sunday,", "But on Monday,", "Still, in Dover,"]
)
def test_a_time_after_a_connective_leads_in_to_the_subject(opener: str) -> None:
    text = (
        f"Tom Renwick spoke first. {opener} Jane Quillon shared her worry with an audience "
        "at the harbor, saying \u201cI do not know which Renwick will show up.\u201d"
    )
    assert [q.speaker_name for q in _direct(text)] == ["Jane Quillon"]


def test_a_title_in_the_predicate_does_not_stop_the_search() -> None:
    text = (
        "Later on Sunday, Jane Quillon shared a syllabus for a class called \u201cTides\u201d "
        "on her Facebook page, writing \u201cAllow me to do the research for the reporter.\u201d"
    )
    assert [q.speaker_name for q in _direct(text)] == ["Jane Quillon"]
