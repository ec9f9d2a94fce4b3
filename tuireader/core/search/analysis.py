"""Text analysis for the index: words, lower case, accents folded, stop words, English stems.

The analyzer is pickled into the index's schema, so the filter classes here must keep their
module path and names; if they ever cannot be loaded, the index is detected as unreadable and
rebuilt. whoosh's own CharsetFilter and StemFilter are correct but slow (a dict-based translate
of every token, and a pure-Python LFU cache); these do the same work for a fraction of the cost.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from pickle import dumps

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token
from whoosh.formats import Positions
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint


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
    """The analyzer for titles and bodies (queries; indexing takes ``index_terms``)."""
    return (
        RegexTokenizer() | LowercaseFilter() | FoldAccentsFilter() | StopFilter() | StemmingFilter()
    )


_STOP_WORDS = StopFilter().stops
_STOP_MIN = StopFilter().min
# Word as written -> its indexed term ("" for a stop word). Bounded: cleared when full.
_TERMS: dict[str, str] = {}
_TERMS_MAX = 500_000


def _term_of(word: str) -> str:
    term = word.lower()
    if not term.isascii():
        term = term.translate(accent_map)
    term = "" if len(term) < _STOP_MIN or term in _STOP_WORDS else stem(term)
    if len(_TERMS) >= _TERMS_MAX:
        _TERMS.clear()
    _TERMS[word] = term
    return term


def index_terms(text: str) -> dict[str, list[int]]:
    """The terms ``news_analyzer`` indexes for ``text``, each with its positions.

    The same words, terms and positions (stop words dropped and the positions after them
    renumbered, as whoosh's StopFilter does), computed without a chain of token generators
    and with each distinct word analysed once: about twice as fast, which matters because
    bodies are most of the indexing work.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    position = -1
    known = _TERMS.get
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        term = known(word)
        if term is None:
            term = _term_of(word)
        if term:
            position = index if position < 0 else position + 1
            positions[term].append(position)
    return positions


class NewsPositions(Positions):
    """whoosh's Positions format (the same postings), filled by ``index_terms``."""

    def word_values(self, value, analyzer, **kwargs):
        if kwargs.get("mode", "index") != "index" or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, positions in index_terms(value).items():
            deltas = []
            base = 0
            for position in positions:
                deltas.append(position - base)
                base = position
            yield term, len(positions), len(positions) * boost, (
                pack_uint(len(deltas)) + dumps(deltas, 2)
            )


def name_analyzer():
    """For short fields such as the source: words, lower case, accents folded, no stemming."""
    return RegexTokenizer() | LowercaseFilter() | FoldAccentsFilter()
