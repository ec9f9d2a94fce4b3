"""Cue vocabulary: the grouped alternation matches what the plain one matches."""

from __future__ import annotations

import random
import re

from tuireader.core.annotate.quotes.cues import SPEECH_VERBS, _alternation


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
