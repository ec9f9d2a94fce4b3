"""A description after a quotation ("..., the nominee said") and an office at a state ("the
Florida senator") stand for the right person (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.pipeline import annotate


def _names(text: str) -> list[str | None]:
    return [q.speaker_name for q in annotate(text).quotes if q.direct]


def test_a_description_after_a_quotation_is_the_topic_not_the_last_name_written() -> None:
    text = (
        'Jack Quillon said Friday that Jane Fennick "should have phoned" him.\n\n'
        '"I waited all day by the phone," the nominee said at a rally.'
    )
    assert _names(text) == ["Jack Quillon", "Jack Quillon"]


def test_an_office_at_a_state_is_not_a_holder_of_another_state() -> None:
    text = (
        '"We need a revolution," Bernard Quill, the senator from Vermont, said.\n\n'
        "Marco Fennick, who is third in many polls, spoke on defense.\n\n"
        'The Florida senator told reporters he feels good, and "we will see what it '
        'brings."'
    )
    assert _names(text) == ["Bernard Quill", "Marco Fennick"]
    text = (
        "Sen. Marco Fennick (R-Fla.) spoke. Sen. Bernard Quill (I-Vt.) spoke too.\n\n"
        '"We will win," the Florida senator said.'
    )
    assert _names(text) == ["Marco Fennick"]
