"""Text fields that index a text without whoosh's token objects (text and annotation fields).

whoosh indexes a text by passing a Token object through a chain of generator filters for each
word, then gathering the positions of each term: about 15 us a word in pure Python, most of
the cost of indexing a body (and of ``exact:``, which indexes every word once more). For the
two analyzers of ``analysis`` (``news_analyzer``, ``name_analyzer``) ``FastText.index`` gives
the same terms, positions and weights from one regex scan and a cache of what each distinct
word becomes; any other use (a query, a list of words) goes the usual way. ``AnnotationText``
does the same for the annotation fields (``annotation_analyzer``): the words of each mention,
the next mention ``MENTION_GAP`` positions further.

The class is pickled into the index's schema: it keeps its module path and name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import STOP_WORDS, RegexTokenizer
from whoosh.fields import TEXT
from whoosh.formats import Positions
from whoosh.support.charset import accent_map

from tuireader.core.search.annotation_fields import (
    MENTION_GAP,
    WORD_RE,
    cached_annotate,
    mentions,
)
from tuireader.core.search.whoosh.analysis import (
    annotation_analyzer,
    name_analyzer,
    news_analyzer,
    stem,
)
from tuireader.core.search.whoosh.positions import VarintPositions, encode_places

NEWS = "news"  # words, lower case, accents folded, stop words (and 1-letter words) gone, stems
NAMES = "names"  # words, lower case, accents folded
# RegexTokenizer's words (its pattern, without the capturing group: findall gives words)
_WORDS = re.compile(RegexTokenizer().expression.pattern.replace("(\\.", "(?:\\."))
_STOP_MIN = 2  # StopFilter's default: shorter words are stopped too


def _encoded(places: list[int]) -> bytes:
    """``VarintPositions.encode``."""
    if len(places) == 1:
        return _encoded_one(places[0])
    return encode_places(places)


@functools.lru_cache(maxsize=100_000)
def _encoded_one(place: int) -> bytes:
    """Most words of an article occur once in it."""
    return encode_places([place])


@functools.lru_cache(maxsize=300_000)
def _folded(word: str) -> str:
    word = word.lower()
    return word if word.isascii() else word.translate(accent_map)


_NEWS_TERMS: dict[str, str | None] = {}  # folded word -> term (a dict: faster than lru_cache)
_NEWS_TERMS_MOST = 300_000


def _news_term(folded: str) -> str | None:
    """What ``news_analyzer`` makes of a folded word; None for a stop word."""
    if len(folded) < _STOP_MIN or folded in STOP_WORDS:
        return None
    return stem(folded)


def _words(text: str) -> list[str]:
    """The words of ``text``, lower case, accents folded (an ASCII text: lowered at once)."""
    if text.isascii():
        return _WORDS.findall(text.lower())
    return [_folded(word) for word in _WORDS.findall(text)]


def _varint(format_):
    """A field's ``Positions`` as ``VarintPositions`` (positions in a few bytes a word)."""
    if type(format_) is Positions:
        return VarintPositions(field_boost=format_.field_boost)
    return format_


def _postings(field: TEXT, positions: dict[str, list[int]]):
    """``field.index``'s tuples: term, frequency, weight, encoded positions."""
    encode = _encoded if type(field.format) is VarintPositions else field.format.encode
    boost = field.format.field_boost
    for term, places in positions.items():
        yield term.encode("utf-8"), len(places), float(len(places)) * boost, encode(places)


class FastText(TEXT):
    """A TEXT field of ``news_analyzer`` (``kind`` NEWS) or ``name_analyzer`` (NAMES)."""

    def __init__(self, kind: str = NEWS, **kwargs: Any) -> None:
        analyzer = news_analyzer() if kind == NEWS else name_analyzer()
        super().__init__(analyzer=analyzer, **kwargs)
        self.format = _varint(self.format)
        self.kind = kind

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if (
            not isinstance(value, str)
            or kwargs
            or getattr(self, "kind", None)
            not in (
                NEWS,
                NAMES,
            )
        ):
            yield from super().index(value, **kwargs)
            return
        positions: dict[str, list[int]] = {}
        words = _words(value)
        if self.kind == NAMES:
            for position, term in enumerate(words):
                found = positions.get(term)
                if found is None:
                    positions[term] = [position]
                else:
                    found.append(position)
        else:
            # StopFilter's numbering: the first word kept keeps its place, the next ones
            # follow it one by one (stop words leave no gaps)
            terms = _NEWS_TERMS
            if len(terms) > _NEWS_TERMS_MOST:
                terms.clear()
            position = -1
            for at, word in enumerate(words):
                term = terms.get(word, "")
                if term == "":
                    term = terms[word] = _news_term(word)
                if term is None:
                    continue
                position = at if position < 0 else position + 1
                found = positions.get(term)
                if found is None:
                    positions[term] = [position]
                else:
                    found.append(position)
        yield from _postings(self, positions)


class AnnotationText(TEXT):
    """An annotation field (``person``, ``quote`` …) of the entity backend ``spec``."""

    def __init__(self, name: str = "entity", spec: str = "embedded", **kwargs: Any) -> None:
        super().__init__(analyzer=annotation_analyzer(name, spec), **kwargs)
        self.format = _varint(self.format)
        self.name = name
        self.spec = spec

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        """``value``: the article's text, or the field's mentions (a list) found already."""
        if kwargs or not hasattr(self, "spec") or not isinstance(value, (str, list, tuple)):
            yield from super().index(value, **kwargs)
            return
        if isinstance(value, str):
            value = mentions(cached_annotate(value, self.spec), self.name)
        stemmed = self.name == "quote"
        positions: dict[str, list[int]] = {}
        position = 0
        for mention in value:
            words = WORD_RE.findall(mention)
            for at, word in enumerate(words, position):
                term = _folded(word)
                if stemmed:
                    term = stem(term)
                found = positions.get(term)
                if found is None:
                    positions[term] = [at]
                else:
                    found.append(at)
            if words:
                position += len(words) - 1 + MENTION_GAP
        yield from _postings(self, positions)
