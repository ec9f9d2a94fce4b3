"""The apposition pattern's possessive runs match what backtracking runs matched."""

from __future__ import annotations

import random
import re

from tuireader.core.annotate.quotes.attribution import _APPOSITION_IN


def test_possessive_apposition_matches_like_the_backtracking_one() -> None:
    backtracking = _APPOSITION_IN.replace("{1,250}+)", "{1,250})")
    assert backtracking != _APPOSITION_IN
    tail = r",?\s*(?:said)?$"
    fast = re.compile(r"Quillon(?P<sp>" + _APPOSITION_IN + r")" + tail)
    slow = re.compile(r"Quillon(?P<sp>" + backtracking + r")" + tail)
    rng = random.Random(7)
    for _ in range(3000):
        body = "".join(
            rng.choice([",", " ", ";", "x", '"', "\u00b7", "\u201c", "\n"]) for _ in range(12)
        )
        text = "Quillon" + body + rng.choice(["", " said", ", said"])
        f, s = fast.match(text), slow.match(text)
        assert (f and f.span("sp")) == (s and s.span("sp")), text
    m = fast.match("Quillon, the Harbor Trust's head, said")
    assert m is not None and m.group("sp") == ", the Harbor Trust's head"
