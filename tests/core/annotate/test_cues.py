"""Cue vocabulary: the grouped alternation matches what the plain one matches."""

from __future__ import annotations

import random
import re

from tuireader.core.annotate.quotes.cues import (
    NAME,
    NAMING_CUE,
    NAMING_CUE_FIRSTS,
    SPEECH_CUE,
    SPEECH_CUE_FIRSTS,
    SPEECH_VERBS,
    _alternation,
    cue_word,
)


def test_grouped_alternation_matches_like_the_plain_one() -> None:
    words = ["say", "says", "said", "s", "told", "to", "t", "Said", "a.b", "a"]
    unique = sorted(set(words), key=len, reverse=True)
    plain = re.compile("(?:" + "|".join(map(re.escape, unique)) + ")")
    grouped = re.compile("(?:" + _alternation(words) + ")")
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice("sayidtoS.b ") for _ in range(rng.randint(0, 12)))
        for pos in range(len(text) + 1):
            p, g = plain.match(text, pos), grouped.match(text, pos)
            assert (p and p.span()) == (g and g.span()), (text, pos)


def test_grouped_alternation_prefers_the_longest_word() -> None:
    cue = re.compile(r"(?:" + _alternation(sorted(SPEECH_VERBS)) + r")")
    assert cue.match("saying so").group() == "saying"
    assert cue.match("says so").group() == "says"
    firsts = re.sub(r"\(\?:[^)]*\)", "", _alternation(["says", "said", "told"]))
    assert sorted(firsts.split("|")) == ["s", "t"]  # one branch per first letter


def test_verbs_ending_in_one_consonant_double_it_before_ed_and_ing() -> None:
    cue = re.compile(r"(?:" + _alternation(sorted(SPEECH_VERBS)) + r")\b")
    for form in ("admitted", "admitting", "rebutted", "begged", "snapped", "pleaded"):
        assert cue.match(form) is not None, form
    assert "admited" not in SPEECH_VERBS


def test_every_cue_starts_with_one_of_its_first_letters() -> None:
    phrases = [
        "according to",
        "went on",
        "goes on to say",
        "going on",
        "shot back",
        "fired back",
        "hit back",
        "shoots back",
        "fires back",
        "pointed out",
        "points out",
        "chimed in",
        "chimes in",
        "spoke up",
        "was quoted as saying",
        "were quoted as saying",
        "is quoted as saying",
    ]
    for cue, firsts, words in (
        (SPEECH_CUE, SPEECH_CUE_FIRSTS, sorted(SPEECH_VERBS) + phrases),
        (NAMING_CUE, NAMING_CUE_FIRSTS, ["called", "referred to", "refers to", "refer to"]),
    ):
        for word in words:
            assert re.fullmatch(cue, word), word
            assert word[0] in firsts, word


def test_cue_word_matches_like_the_look_behind() -> None:
    cue = SPEECH_CUE + "|" + NAMING_CUE
    plain = re.compile(r"(?<![\w-])(?P<cue>" + cue + r")\b")
    fast = re.compile(cue_word(cue, SPEECH_CUE_FIRSTS + NAMING_CUE_FIRSTS))
    text = (
        "Quillon said, re-said and unsaid it; Jonsby told-off the Harbor Trust (which "
        "pointed out, then shot back) -said _said 9said called him, referred to it.\nsaid"
    )
    rng = random.Random(5)
    for _ in range(300):
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        p, f = plain.search(text, start, end), fast.search(text, start, end)
        assert (p and (p.span(), p.span("cue"))) == (f and (f.span(), f.span("cue")))
    assert [m.group("cue") for m in fast.finditer(text)] == [
        "said",
        "told",
        "pointed out",
        "shot back",
        "called",
        "referred to",
        "said",
    ]


def test_name_matches_like_it_did_without_its_first_letter_look_ahead() -> None:
    guard = "(?=[A-Z\\u00c0-\\u00de])"
    assert NAME.startswith(guard)
    text = (
        "Sen. Jane Quillon met the Harbor Trust's Ms. Ofelia Jonsby on Monday; "
        "\u00c9lodie van Brakel, the Former Gov. Tam O'Rourke-Lee and \u00d7Quillon said "
        "no. The Jonsby plan, His Excellency Dr. K. Ruel"
    )
    for flags in (0, re.IGNORECASE):
        fast = re.compile(NAME, flags)
        plain = re.compile(NAME[len(guard) :], flags)
        for pos in range(len(text) + 1):
            f, p = fast.match(text, pos), plain.match(text, pos)
            assert (f and f.span()) == (p and p.span()), (flags, pos)
