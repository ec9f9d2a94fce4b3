"""Candidate-name patterns: written to open with capitals, they match as the plain forms."""

from __future__ import annotations

import re

import pytest

from tuireader.core.annotate.entities import tokens

TEXTS = [
    "Jane Doe met the Bank of England in São Paulo; O'Neill's U.S. Corp. and AT&T left.",
    "x-Ray, .Net, 'Tis, -Dash, ex-Milan pro-Western anti-American co-Op Jean-Pierre",
    "Łódź\nŚwiat İzmir aÉcole 3Com _Under Procter & Gamble van der Berg",
]


@pytest.mark.parametrize("text", TEXTS)
def test_run_matches_like_the_plain_pattern(text: str) -> None:
    plain = re.compile(
        rf"(?<![\w'’.])(?<!\S-){tokens._CAP}(?: (?:(?:{tokens._JOIN}) )?{tokens._CAP})*"
    )
    for start in range(len(text)):
        got = [m.span() for m in tokens.RUN.finditer(text, start)]
        assert got == [m.span() for m in plain.finditer(text, start)]


@pytest.mark.parametrize("text", TEXTS)
def test_dash_cap_matches_like_the_plain_pattern(text: str) -> None:
    plain = re.compile(rf"(?<=[a-z])-[{tokens.UPPER}][\w-]*\w")
    assert [m.span() for m in tokens.DASH_CAP.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    assert tokens.prefixed("ex-Milan and pro-Western") == [(0, 8), (13, 24)]


ASCII_TEXTS = [
    "Jane Doe met the Bank of England in Sao Paulo; O'Neill's U.S. Corp. and AT&T left.",
    "x-Ray, .Net, 'Tis, -Dash, ex-Milan\x1c-Kelp \t-Reed co-Op Jean-Pierre van der Berg _Under",
    "A\x1d-Bay B\x1f-Cove\nMount Olm of the Hills y Pico 3Com",
]


@pytest.mark.parametrize("text", ASCII_TEXTS)
def test_run_ascii_matches_like_run_on_ascii_text(text: str) -> None:
    for start in range(len(text)):
        got = [m.span() for m in tokens.RUN_ASCII.finditer(text, start)]
        assert got == [m.span() for m in tokens.RUN.finditer(text, start)]


def test_line_loop_prechecks_agree_with_the_full_tests() -> None:
    """``analyse`` skips ``is_caps_line`` for a line with a lower-case letter among its first
    twelve characters and ``opens_sentence`` after a word character and a space."""
    import random

    from tuireader.core.annotate.entities.tokens import HAS_LOWER, is_caps_line, opens_sentence

    rng = random.Random(19)
    pieces = ["A", "BC", "d", "é", "É", " ", ".", "\t", "9", "-", "x" * 11, "QQQQ"]
    for _ in range(3000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if HAS_LOWER.search(line, 0, 12) is not None:
            assert not is_caps_line(line), line
        for rs in range(2, len(line)):
            if line[rs - 1] == " " and line[rs - 2].isalnum():
                assert not opens_sentence(line, rs), line
