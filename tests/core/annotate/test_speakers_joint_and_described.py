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
