"""The fields of the two tantivy indexes and the analyzers that fill them.

The text index holds what the text pass writes: title and body (stemmed, with positions),
``exact`` (title and body as written: lower case, accents folded, no stems, no stop words;
so ``exact:`` needs no second copy of every word in the annotation index), source, file, key
and date. Stop words leave gaps in positions, so phrases keep their shape. Nothing of the text is
stored: the metadata store is the one home of article text; the index stores the key only.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime

import tantivy

# Bump when the schema or the way fields are filled changes: the index is rebuilt.
FORMAT_VERSION = 3
ANNOTATION_FORMAT_VERSION = 2

# Words: runs of letters and digits (tantivy's simple tokenizer: a regex tokenizer cost twice
# the indexing CPU); ``WORD_PATTERN`` finds the same words in a text to highlight.
WORD_PATTERN = r"[^\W_]+"
NEWS = "tuireader_news"  # words, lower case, accents folded, stop words gone, English stems
NAMES = "tuireader_names"  # words, lower case, accents folded
EXACT = "tuireader_exact"  # words, lower case, accents folded, stop words gone (no stems)
TEXT_FIELDS = ("title", "body", "exact", "source")
STEMMED = frozenset(("title", "body", "quote"))
TITLE_BOOST = 2.0
# Sort keys for date order: minutes since 1800, the article id in the low bits (ties by id).
_EPOCH = datetime(1800, 1, 1, tzinfo=UTC)
_ID_BITS = 32
UNDATED_LATE = (1 << 30) - 1


@functools.cache
def analyzer(name: str) -> tantivy.TextAnalyzer:
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    builder = builder.filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold())
    if name in (NEWS, EXACT):
        builder = builder.filter(tantivy.Filter.stopword("english"))
    if name == NEWS:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


def positioned(name: str, text: str) -> list[tuple[int, str]]:
    """The terms of ``text`` with their positions (stop words leave gaps)."""
    tokens = analyzer(name).pre_tokenize(text).tokens
    return [(token.position, token.text) for token in tokens]


def register(index: tantivy.Index) -> None:
    """The analyzers are not kept in the index: named on every opening."""
    index.register_tokenizer(NEWS, analyzer(NEWS))
    index.register_tokenizer(NAMES, analyzer(NAMES))
    index.register_tokenizer(EXACT, analyzer(EXACT))


def field_analyzer(field: str) -> str:
    if field == "exact":
        return EXACT
    return NEWS if field in STEMMED else NAMES


def text_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("aid", stored=False, indexed=True, fast=True)
    builder.add_text_field("key", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("file", stored=False, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title", tokenizer_name=NEWS)
    builder.add_text_field("body", tokenizer_name=NEWS)
    builder.add_text_field("exact", tokenizer_name=EXACT)
    builder.add_text_field("source", tokenizer_name=NAMES)
    builder.add_date_field("date", stored=False, indexed=True, fast=True)
    builder.add_unsigned_field("newest", stored=False, indexed=False, fast=True)
    builder.add_unsigned_field("oldest", stored=False, indexed=False, fast=True)
    return builder.build()


def annotation_schema(fields: tuple[str, ...]) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("aid", stored=False, indexed=True, fast=True)
    builder.add_text_field("ident", stored=True, tokenizer_name="raw", index_option="basic")
    for name in fields:
        builder.add_text_field(name, tokenizer_name=field_analyzer(name))
    builder.add_text_field("quotefp", tokenizer_name="raw", index_option="basic")
    return builder.build()


def date_keys(article_id: int, when: datetime | None) -> tuple[int, int]:
    """Sort keys (newest first descending, oldest first ascending), undated last in both,
    equal dates in article id order."""
    if when is None:
        return article_id ^ ((1 << _ID_BITS) - 1), (UNDATED_LATE << _ID_BITS) | article_id
    minutes = max(0, int((when.astimezone(UTC) - _EPOCH).total_seconds() // 60)) + 1
    minutes = min(minutes, UNDATED_LATE - 1)
    descending = (minutes << _ID_BITS) | (article_id ^ ((1 << _ID_BITS) - 1))
    return descending, (minutes << _ID_BITS) | article_id


_WORD = re.compile(WORD_PATTERN)


@functools.lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, str]:
    """A word as indexed in ``exact`` (folded) and in ``body`` (its stem; "" for a stop word)."""
    folded = analyzer(NAMES).analyze(word)
    stemmed = analyzer(NEWS).analyze(word)
    return (folded[0] if folded else ""), (stemmed[0] if stemmed else "")


def find_terms(text: str, terms) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` that index as one of ``terms`` (folded or stemmed).

    Only words starting like a wanted term are analysed (an English stem keeps the first two
    letters of its words, save a few irregular forms), and words starting with a letter that
    folds (é). They are found in the lower-cased text by one scan a first letter, which the
    regex engine runs as a plain search for that letter; a text whose lower case is longer
    (İ), or terms of many first letters, take one scan of the text as it is."""
    wanted = terms if isinstance(terms, frozenset) else frozenset(terms)
    wanted = frozenset(term for term in wanted if term)
    if not wanted:
        return []
    scanners = _scanners(wanted)
    lowered = text.lower()
    if scanners is None or len(lowered) != len(text):
        return _find_terms_slowly(text, wanted)
    found: dict[int, tuple[int, int]] = {}
    for scanner in scanners:
        for match in scanner.finditer(lowered):
            start, end = match.span()
            if start not in found and _indexes_as(text[start:end], wanted):
                found[start] = (start, end)
    if not lowered.isascii():
        for match in _FOLDING_START.finditer(lowered):
            start, end = match.span()
            if start not in found and _indexes_as(text[start:end], wanted):
                found[start] = (start, end)
    return [found[start] for start in sorted(found)]


def _indexes_as(word: str, wanted: frozenset[str]) -> bool:
    folded, stem = forms(word)
    return folded in wanted or bool(stem and stem in wanted)


def _find_terms_slowly(text: str, wanted: frozenset[str]) -> list[tuple[int, int]]:
    """``find_terms`` with one regex over the text as it is (any case)."""
    return [
        match.span()
        for match in _starts(wanted).finditer(text)
        if _indexes_as(match.group(), wanted)
    ]


# More first letters than this: one scan with ``_starts`` beats a scan a letter.
_MAX_SCANS = 4
# A word starting with a letter outside ASCII (in lower-cased text): its folded form may start
# like any term. The letter comes first in the pattern, so the regex engine looks for it alone.
_FOLDING_START = re.compile(r"[^\W\d_\x00-\x7f](?<![^\W_].)[^\W_]*")


@functools.lru_cache(maxsize=64)
def _scanners(wanted: frozenset[str]) -> list[re.Pattern] | None:
    """For each first letter of the terms, a pattern of the words (in lower-cased text)
    starting with that letter and a second one of the terms' (any second letter when a term
    is that one letter): the literal letter first, then the check that it starts a word. None
    when the terms have more than ``_MAX_SCANS`` first letters."""
    seconds: dict[str, set[str]] = {}
    for term in wanted:
        seconds.setdefault(term[0], set()).add(term[1:2])
    if len(seconds) > _MAX_SCANS:
        return None
    scanners = []
    for first, after in sorted(seconds.items()):
        if "" in after:
            head, width = re.escape(first), 1
        else:
            # the second letter in any case, as the slow scan takes it: ſ is an s there
            letters = "".join(map(re.escape, sorted(after)))
            head, width = rf"{re.escape(first)}(?i:[{letters}])", 2
        scanners.append(re.compile(rf"{head}(?<![^\W_].{{{width}}})[^\W_]*"))
    return scanners


@functools.lru_cache(maxsize=64)
def _starts(wanted: frozenset[str]) -> re.Pattern:
    """Words whose first letters (any case) are those of a wanted term; words starting with
    a letter that folds (é) are all looked at."""
    prefixes = sorted({term[:2] for term in wanted}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"(?<![^\W_])(?:(?:{alternatives})|[^\W\d_a-z])[^\W_]*", re.I)
