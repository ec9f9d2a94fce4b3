"""A stage direction between two of a speaker's quotations ("She laughs.", "Pause.") keeps
the speaker (invented sentences)."""

from __future__ import annotations

from tuireader.core.annotate.pipeline import annotate


def _names(text: str) -> list[str | None]:
    return [q.speaker_name for q in annotate(text).quotes if q.direct]


def test_a_pronouns_short_aside_between_quotations_keeps_the_speaker() -> None:
    text = (
        '"This is the phone bank," Dana Quillby said into the phone.\n\n'
        "She laughs.\n\n"
        '"Good night then."'
    )
    assert _names(text) == ["Dana Quillby", "Dana Quillby"]


def test_a_verbless_aside_keeps_the_speaker_of_the_quotation_before() -> None:
    text = (
        '"This is the phone bank," Dana Quillby said into the phone.\n\n'
        '"Good night then."\n\n'
        "Pause.\n\n"
        '"Call us back!"'
    )
    assert _names(text) == ["Dana Quillby"] * 3


def test_a_long_paragraph_between_quotations_is_no_aside() -> None:
    text = (
        '"This is the phone bank," Dana Quillby said into the phone.\n\n'
        "The phones rang all evening across the small office on the hill.\n\n"
        '"Good night then."'
    )
    assert _names(text) == ["Dana Quillby", None]
