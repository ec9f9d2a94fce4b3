"""Text analysis for the index: words, lower case, accents folded, stop words, English stems.

The analyzer is pickled into the index's schema, so the filter classes here must keep their
module path and names; if they ever cannot be loaded, the index is detected as unreadable and
rebuilt. whoosh's own CharsetFilter and StemFilter are correct but slow (a dict-based translate
of every token, and a pure-Python LFU cache); these do the same work for a fraction of the cost.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.charset import accent_map


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """English (Porter2) stem, cached: news vocabulary repeats a lot."""
    return porter2_stem(word)


class FoldAccentsFilter(Filter):
    """Fold accented letters to ASCII; ASCII tokens pass untouched."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if not token.text.isascii():
                token.text = token.text.translate(accent_map)
            yield token


class StemmingFilter(Filter):
    """Replace each (not stopped) token by its cached English stem."""

    is_morph = True

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


_WORD = re.compile(RegexTokenizer().expression.pattern)


def find_terms(text: str, terms) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` that index as one of ``terms`` (for highlighting).

    The same steps as ``news_analyzer`` (words, lower case, folded accents, stems), without its
    token objects: several times faster on long articles.
    """
    wanted = set(terms)
    if not wanted:
        return []
    spans = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if not word.isascii():
            word = word.translate(accent_map)
        if word in wanted or stem(word) in wanted:
            spans.append(match.span())
    return spans


def news_analyzer():
    """The analyzer for titles and bodies."""
    return (
        RegexTokenizer() | LowercaseFilter() | FoldAccentsFilter() | StopFilter() | StemmingFilter()
    )


def name_analyzer():
    """For short fields such as the source: words, lower case, accents folded, no stemming."""
    return RegexTokenizer() | LowercaseFilter() | FoldAccentsFilter()
