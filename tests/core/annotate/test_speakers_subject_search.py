"""Speaker attribution: the subject of a reporting clause (said, told, wrote...) found past
what sits between it and its verb (invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Renwick spoke first. Jane Quillon \u201cbristled\u201d and said, \u201cWe will not "
        "go back to the harbor,\u201d the Dover Herald reported.",
        "When asked about the harbor, Jane Quillon \u201cbristled\u201d and said, \u201cNo "
        "comment,\u201d the Dover Herald reported.",
        "Tom Renwick spoke first. Jane Quillon \u201cbristled\u201d at the plan and told "
        "reporters, \u201cWe will not go back to the harbor.\u201d",
    ],
)
def test_a_short_quotation_after_the_subject_does_not_hide_it(text: str) -> None:
    quotes = [q for q in _direct(text) if "bristled" not in q.text]
    assert [q.speaker_name for q in quotes] == ["Jane Quillon"]


def test_a_short_quotation_in_a_reported_clause_is_the_outlets_word() -> None:
    text = (
        "Tom Renwick spoke first. Jane Quillon \u201cbristled\u201d and said, \u201cWe will not "
        "go back to the harbor,\u201d the Dover Herald reported."
    )
    (q,) = [q for q in _direct(text) if "bristled" in q.text]
    assert q.speaker_name == "Dover Herald"


def test_a_quoted_noun_after_a_possessive_belongs_to_the_subject() -> None:
    text = (
        "Tom Renwick\u2019s \u201cexcesses\u201d are tiresome, Jane Quillon said on Monday, "
        "noting the senator \u201cnever listens to the harbor.\u201d"
    )
    assert [q.speaker_name for q in _direct(text)] == ["Jane Quillon", "Jane Quillon"]


def test_a_relative_clause_ending_in_a_name_is_not_the_subject() -> None:
    text = (
        "\u201cWe need a fair fight,\u201d Tom Renwick, a committeeman from Dover, told the "
        "Ledger.\n\nThe influential delegate and harbor activist, who backs Quillon, warned of "
        "a \u201cferocious\u201d battle ahead."
    )
    (q,) = [q for q in _direct(text) if "ferocious" in q.text]
    assert q.speaker is not None and q.speaker.text.startswith("The influential delegate")
    assert q.speaker_name != "Quillon"


def test_a_relative_clause_in_parentheses_keeps_its_own_name() -> None:
    text = (
        "Few historians doubt it (Jane Quillon, who coined the word, once said, \u201cIt "
        "happened so many times before the harbor fire\u201d)."
    )
    assert [q.speaker_name for q in _direct(text)] == ["Jane Quillon"]
