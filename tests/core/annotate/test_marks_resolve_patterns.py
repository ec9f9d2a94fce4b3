"""Quotation patterns written to open with a character match as their plain forms."""

from __future__ import annotations

import random
import re

from tuireader.core.annotate.quotes import marks, resolve

PLAIN_INCH = re.compile(r"(?<=\d['\u2019])(\d{1,2})[\"\u201d]")
PLAIN_UNNAMED = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=[.!?][\"\u201d\u2019]\s)|(?<=\n))(?:A|An|One|Another)\s+"
    r"(?:[\w'\u2019-]+\s+){0,4}?" + resolve._UNNAMED_NOUN + r"(?:,?\s+(?:for|to|with|at|from|in|of|"
    r"close\s+to)\s+(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s*)+)?",
    re.M,
)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_inch_pattern_matches_like_the_plain_one() -> None:
    rng = random.Random(11)
    for _ in range(800):
        text = "".join(
            rng.choice(["1", "22", "'", "\u2019", '"', "\u201d", " ", "x"]) for _ in range(9)
        )
        assert _found(marks._INCH_RE, text) == _found(PLAIN_INCH, text), text
    assert marks.mask_inches("He is 6\u20192\u201d tall") == "He is 6\u20192  tall"


def test_unnamed_pattern_matches_like_the_plain_one() -> None:
    rng = random.Random(13)
    pieces = ["A ", "An ", "One ", "Another ", "senior ", "aide", "s", ", ", "for ", "the ", "Doe "]
    pieces += [". ", '." ', "\n", ": ", "x", "O", "AAn "]
    for _ in range(800):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert _found(resolve._UNNAMED_RE, text) == _found(PLAIN_UNNAMED, text), text
    text = 'A senior aide for the Doe Campaign said so. "Yes." Another official agreed.\nOne aide'
    assert len(_found(PLAIN_UNNAMED, text)) == 3
    assert _found(resolve._UNNAMED_RE, text) == _found(PLAIN_UNNAMED, text)
