"""Reported speech: the cue test read off one scan agrees with a search per span."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.quotes.indirect import _ANY_CUE_RE, IndirectFinder
from tuireader.core.annotate.quotes.resolve import NameResolver

TEXTS = [
    "Ann Lee said that the plan works. Bob Roe denied it, stating that it fails.",
    "Acme said; unsaid words.saidx. According to Lee, it rains. said",
    "It rains, according to Lee. Lee saidthat no. He says_ so, tells",
]


@pytest.mark.parametrize("text", TEXTS)
def test_has_cue_agrees_with_a_search_of_the_span(text: str) -> None:
    finder = IndirectFinder(text, NameResolver(text, [], []), [])
    spans = [m.span() for m in _ANY_CUE_RE.finditer(text)]
    cues = [start for start, _ in spans]
    for s in range(len(text)):
        for e in range(s, len(text) + 1):
            expected = _ANY_CUE_RE.search(text, s, e) is not None
            assert finder._has_cue(spans, cues, s, e) == expected, (s, e, text[s:e])
