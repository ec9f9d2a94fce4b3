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


def test_she_after_a_sentence_led_by_she_is_not_the_man_of_unknown_sex_named_in_it() -> None:
    text = (
        "Senator Kelly Quillby said she reserves the right to reconsider. It is not as if "
        "she has not backed a candidate before - she was a booster of nominee Mitt "
        'Fennick.\n\n"I was at every event," she said.'
    )
    assert _names(text)[-1] == "Kelly Quillby"
