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
from whoosh.lang.porter2 import exceptional_forms as porter2_exceptions
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.charset import accent_map

from tuireader.core.search.annotation_fields import (
    MENTION_GAP,
    WORD_RE,
    cached_annotate,
    mentions,
    quote_fingerprints,
)


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
    token objects. Only words starting like a wanted term are looked at (a stem keeps the start
    of its words but for its last letter and a few listed exceptions): a search's snippets and
    highlights cost a scan for those starts (``str.find``, or one regex for many terms)
    instead of stemming every word.
    """
    if type(terms) is frozenset and "" not in terms:
        wanted = terms  # a search's terms, as they come: not copied for each of its rows
    else:
        wanted = frozenset(term for term in terms if term)
    if not wanted:
        return []
    folded = text.lower()
    plain = folded.isascii()  # then a word's lower case is its slice of the whole's
    if not plain:
        folded = folded.translate(accent_map)
    if len(folded) != len(text):  # a letter whose lower case is two ("İ"): word by word
        return _find_terms_slowly(text, wanted)
    spans = []
    match_word = _WORD.match
    for start in _candidate_starts(folded, wanted):
        match = match_word(folded, start)
        if match is None:  # a "term" that no word can start with (".5")
            continue
        end = match.end()
        if plain:
            word = folded[start:end]
        else:
            word = text[start:end].lower()  # as the analyzer does it
            if not word.isascii():
                word = word.translate(accent_map)
        if word in wanted or stem(word) in wanted:
            spans.append((start, end))
    return spans


# Up to this many word starts are looked for one by one with str.find (a fast scan each);
# more go in one regex (one slower scan).
_FIND_AT_MOST = 8


def _candidate_starts(folded: str, wanted: frozenset[str]) -> list[int]:
    """Where, in lower-cased folded text, words that may index as one of ``wanted`` start."""
    prefixes = _word_prefixes(wanted)
    if len(prefixes) > _FIND_AT_MOST:
        return [m.start() for m in _word_starts(wanted).finditer(folded)]
    starts = []
    find = folded.find
    for prefix in prefixes:
        at = find(prefix)
        while at >= 0:
            if at == 0 or _starts_word(folded, at):
                starts.append(at)
            at = find(prefix, at + 1)
    if len(prefixes) > 1:  # one prefix finds its starts in order, and each once
        starts = sorted(set(starts))
    return starts


def _is_word_char(char: str) -> bool:
    """``[\\w*]`` of the word-start pattern (``\\w``: alphanumeric or underscore)."""
    return char.isalnum() or char in "_*"


def _starts_word(folded: str, at: int) -> bool:
    """No word character (or word character and a dot) before ``at``: a word starts there."""
    if at == 0:
        return True
    before = folded[at - 1]
    if _is_word_char(before):
        return False
    return not (before == "." and at >= 2 and _is_word_char(folded[at - 2]))


def _find_terms_slowly(text: str, wanted: frozenset[str]) -> list[tuple[int, int]]:
    """``find_terms`` word by word (the reference the fast path is tested against)."""
    spans = []
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if not word.isascii():
            word = word.translate(accent_map)
        if word in wanted or stem(word) in wanted:
            spans.append(match.span())
    return spans


_WORD_PREFIX = re.compile(r"[\w*]+(?:\.?[\w*]+)*\.?")
_STEM_EXCEPTIONS: dict[str, list[str]] = {}
for _word, _stem in porter2_exceptions.items():
    _STEM_EXCEPTIONS.setdefault(_stem, []).append(_word)


@functools.lru_cache(maxsize=64)
def _word_prefixes(wanted: frozenset[str]) -> tuple[str, ...]:
    """What the words that may index as one of ``wanted`` start with, in lower-cased, folded
    text: a stem keeps its words' start but its last letter, save porter2's exceptions."""
    prefixes = set()
    for term in wanted:
        prefixes.add(term[:-1] if len(term) > 2 else term[:1])
        prefixes.update(_STEM_EXCEPTIONS.get(term, ()))
    # Only what a word can start with: a match may not swallow the start of the next word.
    return tuple(sorted((p for p in prefixes if _WORD_PREFIX.fullmatch(p)), key=len, reverse=True))


@functools.lru_cache(maxsize=64)
def _word_starts(wanted: frozenset[str]) -> re.Pattern:
    """The word starts of ``_word_prefixes`` as one pattern."""
    prefixes = _word_prefixes(wanted)
    if not prefixes:
        return re.compile(r"(?!)")  # matches nothing
    alternatives = "|".join(re.escape(p) for p in prefixes)
    # A word starts where no word character (or word character and a dot) comes before.
    return re.compile(rf"(?<![\w*])(?<![\w*]\.)(?:{alternatives})")


def news_analyzer():
    """The analyzer for titles and bodies."""
    return (
        RegexTokenizer() | LowercaseFilter() | FoldAccentsFilter() | StopFilter() | StemmingFilter()
    )


def name_analyzer():
    """For short fields such as the source: words, lower case, accents folded, no stemming."""
    return RegexTokenizer() | LowercaseFilter() | FoldAccentsFilter()


# -- annotation fields (see annotation_fields) ----------------------------------------------


class AnnotationTokenizer(RegexTokenizer):
    """Indexing: the words of one kind of annotation of the text. Querying: plain words."""

    def __init__(self, field: str = "entity", spec: str = "embedded") -> None:
        super().__init__(WORD_RE.pattern)
        self.field = field
        self.spec = spec

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnnotationTokenizer) and (other.field, other.spec) == (
            self.field,
            self.spec,
        )

    def __hash__(self) -> int:
        return hash((self.field, self.spec))

    def __call__(self, value, positions=False, chars=False, mode="", start_pos=0, **kwargs):
        if mode != "index":
            yield from super().__call__(
                value, positions=positions, chars=chars, mode=mode, start_pos=start_pos, **kwargs
            )
            return
        position = start_pos
        for mention in mentions(cached_annotate(value, self.spec), self.field):
            token: Token | None = None
            for token in super().__call__(
                mention, positions=positions, chars=chars, mode=mode, start_pos=position, **kwargs
            ):
                yield token
            if token is not None and positions:
                position = token.pos + MENTION_GAP


def annotation_analyzer(field: str, spec: str):
    analyzer = AnnotationTokenizer(field, spec) | LowercaseFilter() | FoldAccentsFilter()
    if field == "quote":
        analyzer = analyzer | StemmingFilter()
    return analyzer


# Hex digits of a quotation fingerprint kept in the annotation index: 65,536 terms at most.
# Each distinct term costs a segment about 130 bytes (its entry and a posting block of its
# own); full fingerprints (12 digits) were nearly all distinct, a quarter of the annotation
# index. A copy still needs two of a quotation's three prints: two chance matches in an
# article of ten prints are about 1 in 10 million.
FINGERPRINT_CHARS = 4


def quote_prints(text: str) -> list[str]:
    """The quotation's fingerprints as the annotation index keeps them (cut, distinct)."""
    return sorted({fp[:FINGERPRINT_CHARS] for fp in quote_fingerprints(text)})


class FingerprintTokenizer(RegexTokenizer):
    """Indexing: the fingerprints of every quotation in the text."""

    def __init__(self, spec: str = "embedded") -> None:
        super().__init__(r"\S+")
        self.spec = spec

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FingerprintTokenizer) and other.spec == self.spec

    def __hash__(self) -> int:
        return hash(("fingerprint", self.spec))

    def __call__(self, value, mode="", **kwargs) -> Iterator[Token]:
        if mode != "index":
            yield from super().__call__(value, mode=mode, **kwargs)
            return
        quotes = cached_annotate(value, self.spec).quotes
        prints = sorted({fp for quote in quotes for fp in quote_prints(quote.text)})
        yield from super().__call__(" ".join(prints), mode=mode, **kwargs)
