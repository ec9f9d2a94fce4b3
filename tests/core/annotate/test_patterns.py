"""Regex sources built for speed match what the plain patterns match."""

from __future__ import annotations

import re

import pytest

from tuireader.core.annotate.patterns import any_word, find_words

WORDS = ["said", "says", "saying", "told", "a", "according to", "half-time", "Said"]
TEXTS = [
    "She said so; he says, saying it twice: told.",
    "unsaid, says123, saidx _said said_ a an a-b (a)",
    "according to him, According to her, accordingly half-time half-timer",
    "said",
    "a",
    "Told told\ntold\u00e9 said\u00e9 \u00e9said",
]


@pytest.mark.parametrize("text", TEXTS)
def test_any_word_matches_like_the_plain_alternation(text: str) -> None:
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, WORDS)) + r")\b")
    fast = re.compile(any_word(WORDS))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(len(text)):  # a search from inside the text sees what lies before
        for end in range(start, len(text) + 1, 3):
            p, f = plain.search(text, start, end), fast.search(text, start, end)
            assert (p and p.span()) == (f and f.span())


def test_any_word_refuses_what_is_no_word() -> None:
    with pytest.raises(ValueError):
        any_word(["-dash"])


def test_find_words_finds_what_finditer_finds() -> None:
    import random

    rng = random.Random(7)
    alphabet = "Dd oe.-'’_\nxé"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        words = ["".join(rng.choice("Doe.x-") for _ in range(rng.randint(1, 4))) for _ in range(3)]
        words = list(dict.fromkeys(words))
        pattern = r"(?<![\w'’.-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])"
        expected = [(m.start(), m.group()) for m in re.finditer(pattern, text)]
        assert find_words(text, words, "'’.-", "-") == expected, (text, words)
