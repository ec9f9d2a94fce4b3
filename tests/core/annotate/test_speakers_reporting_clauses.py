"""Speaker attribution: reporting-clause shapes fixed on branch spk38 (invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


def test_a_phrase_opening_with_a_lower_case_verb_is_no_speaker_of_a_sentence_final_cue() -> None:
    text = (
        "Harbor Factcheck rated 30% of Quillon claims as \u201cfalse\u201d or "
        "\u201cpants on fire,\u201d compared to 9% of Jonsby claims."
    )
    quotes = _direct(text)
    assert quotes
    for q in quotes:
        assert q.speaker is None or "compared" not in q.speaker.text, q


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tom Renwick toured the port.\n\n"
            'Pat Quillon is "the only choice for the port," as Renwick noted on Monday.',
            "Tom Renwick",
        ),
        (
            "Tom Renwick and Pat Quillon met in Dover.\n\n"
            'Still, the race is "a dead heat right now," as Quillon said on Monday.',
            "Pat Quillon",
        ),
    ],
)
def test_an_as_clause_closing_the_sentence_names_the_speaker(text: str, name: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == name


def test_the_owner_of_a_claim_says_the_quotation_ending_its_that_clause() -> None:
    text = (
        "Harbor Factcheck seized on Tom Renwick\u2019s claim that there have been "
        "\u201cthousands of shootings\u201d in Dover this year."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


def test_a_sentence_reporting_a_that_clause_after_a_closed_quote_is_no_attribution() -> None:
    text = (
        "The race felt calm.\n\n"
        "\u201cIt is not new in Dover,\u201d said Tom Renwick at the time, adding that "
        "\u201cwe have been electing mayors for a long time.\u201d Political analyst "
        "Pat Quillon agreed that the shift was a matter of geography."
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Tom Renwick", "Tom Renwick"]


@pytest.mark.parametrize(
    "text",
    [
        'Bemoaning the "phony system," Pat Quillon accused the host of bias.',
        'After saying the fund was "so short of money it could not pay rent," '
        "Pat Quillon left the meeting.",
    ],
)
def test_a_quotation_in_an_opening_participle_clause_is_the_main_subjects(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Pat Quillon"


def test_a_short_title_in_an_opening_participle_clause_stays_no_quotation() -> None:
    text = (
        "Speaking to \u201cHarbor This Morning\u201d on Monday, Pat Quillon refrained "
        "from attacking her rivals."
    )
    assert _direct(text) == []


def test_a_cue_and_clause_running_on_to_the_next_quotation_do_not_attribute_the_first() -> None:
    text = (
        "Dover Mayor Ann Pellow said Friday that the video should be released but said "
        '"the question is the timing." Gov. Tom Renwick said it would be "improper" for him '
        "to speak on it."
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Ann Pellow", "Tom Renwick"]


def test_a_plural_cue_word_after_of_is_a_noun_not_the_verb_of_a_subject() -> None:
    text = (
        "Tom Renwick spoke first.\n\nRenwick defended his series of early-morning tweets "
        "in which he called a former mayor \u201cdisgusting\u201d on Friday."
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.speaker_name == "Tom Renwick"


def test_former_may_open_the_subject_that_a_later_participle_cue_hangs_on() -> None:
    text = (
        "The hearing ran long.\n\nFormer Gov. Ann Pellow clashed with Tom Renwick during the "
        "hearing, chiding him, \u201cWhat difference does it make now?\u201d when questioned."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Ann Pellow"


def test_a_name_after_from_leads_the_participle_cue_that_follows_it() -> None:
    text = (
        "Ledger Roundup.\n\nFrom Jane Quillon writing at the Harbor Ledger:\n\n"
        '"Rising to the top from the middle of the pack requires extreme cunning."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Quillon"


def test_a_named_subject_of_a_naming_cue_in_the_reported_clause_owns_the_quoted_words() -> None:
    text = "Tom Renwick said Ann Pellow called the plan \u201ca total disaster for the port.\u201d"
    (q,) = _direct(text)
    assert q.speaker_name == "Ann Pellow"


def test_the_subject_of_told_still_speaks_a_that_clause_without_a_naming_cue() -> None:
    text = 'Pat Quillon told a local paper that Ann Pellow "does not get it at all."'
    (q,) = _direct(text)
    assert q.speaker_name == "Pat Quillon"


def test_according_to_closing_the_sentence_names_the_source_of_a_quotation_inside_it() -> None:
    text = (
        "Teachers marched on Monday.\n\nMore than 100,000 people took part in a nationwide "
        "\u201cwalk-in for good schools\u201d at more than 2,000 schools, according to "
        "Harbor Trust."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Harbor Trust"


def test_according_to_after_a_reported_clause_leaves_the_words_to_its_speaker() -> None:
    text = (
        "Ann Pellow won.\n\nOn Monday, Tom Renwick said he was \u201chappy to see\u201d that "
        "Pellow was voted in, according to The Harbor Ledger."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


@pytest.mark.parametrize("adverb", ["Conversely", "Additionally", "Likewise"])
def test_a_sentence_adverb_and_its_comma_are_skipped_to_the_subject(adverb: str) -> None:
    text = (
        "Harbor Factcheck is busy.\n\n"
        f"{adverb}, Harbor Factcheck rated 22% of Jonsby claims as \u201centirely true\u201d "
        "compared to 11% of Quillon claims."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Harbor Factcheck"


def test_a_modifier_with_a_slash_may_precede_an_inverted_speaker() -> None:
    text = (
        "The veto was debated.\n\n"
        "\u201cThe rationales do not hold weight. They are wrong,\u201d said 9/11 widow Ann Pellow."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Ann Pellow"


def test_a_relative_clause_after_an_apposition_and_a_time_speaks_for_the_name() -> None:
    text = (
        "The deal passed.\n\nIt was pushed by Tom Renwick, the majority leader, who in 2010 "
        'said the party\u2019s most important goal was to make Pellow a "one-term mayor."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


def test_a_cue_with_a_clause_of_its_own_after_a_closed_quote_reports_something_else() -> None:
    text = (
        "Quillon was weak in the polls.\n\nBut Sen. Ann Pellow refused to entertain the "
        "possibility, responding that she is \u201cnot going to go into what my campaign is "
        "doing.\u201d And Sen. Tom Renwick, another vulnerable incumbent, said he would wait."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Ann Pellow"


def test_the_person_in_footage_speaks_the_words_of_a_participle_cue() -> None:
    text = (
        "Tom Renwick debated Ann Pellow.\n\nThe spot concludes with footage of Renwick saying "
        "during the debate, \u201cThat makes me smart,\u201d when Pellow blasted him."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


def test_here_is_a_name_and_a_colon_introduces_that_persons_words() -> None:
    text = (
        "The party changed over time.\n\nHere\u2019s Tom Renwick in December 1992: "
        "\u201cOur new direction must rest on the new realities of global competition.\u201d"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


def test_an_unnamed_person_in_a_place_after_a_quote_speaks_unnamed() -> None:
    text = (
        "Tom Renwick paid no tax.\n\n"
        "\u201cYou work hard. So why did Renwick not pay?\u201d a narrator in the Pellow ad asks."
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "a narrator in the Pellow ad"
    assert q.speaker_name is None
