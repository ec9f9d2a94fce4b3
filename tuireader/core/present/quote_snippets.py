"""Snippets of a ``speaker:``/``quote:`` search: the matching quotation, not the body's start.

The clauses are read from the query (``query_tree``) and matched against each quotation the
way the engines index those fields: words in lower case with accents folded, a ``speaker:``
word or phrase being (a run of) the words of the speaker's name (``speaker:doe`` finds
"Jane Doe"), a ``quote:`` word one of the quotation's (an English ending aside, as the
field is stemmed). Engine-independent and cheap: a page of rows a request.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tuireader.core.base.text import fold, levenshtein_within
from tuireader.core.present.snippets import SNIPPET_WIDTH, make_snippet
from tuireader.core.search import query_tree as qt

QUOTE_CLAUSE_FIELDS = ("speaker", "quote")
_WORD = re.compile(r"[^\W_]+")
_ENDINGS = ("ings", "ing", "ies", "ied", "es", "ed", "s", "y", "e")


@dataclass(frozen=True, slots=True)
class QuoteClauses:
    """The positive ``speaker:`` and ``quote:`` leaves of a query."""

    speakers: tuple[qt.Leaf, ...]
    quotes: tuple[qt.Leaf, ...]


def quote_clauses(query: str | None) -> QuoteClauses | None:
    """The query's ``speaker:``/``quote:`` leaves (not under a NOT); None: it has none (or
    cannot be read: the plain snippets stay)."""
    if not query or ("speaker:" not in query.lower() and "quote:" not in query.lower()):
        return None
    try:
        tree = qt.parse(query)
    except Exception:  # noqa: BLE001 (a snippet is a nicety; the search said what is wrong)
        return None
    speakers, quotes = [], []
    for leaf, negated in qt.leaves(tree):
        if negated or isinstance(leaf, qt.DateRange):
            continue
        if leaf.field == "speaker":
            speakers.append(leaf)
        elif leaf.field == "quote":
            quotes.append(leaf)
    if not speakers and not quotes:
        return None
    return QuoteClauses(tuple(speakers), tuple(quotes))


def words(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) of ``text``'s words."""
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def leaf_spans(
    leaf: qt.Leaf, found: Sequence[tuple[str, int, int]], stemmed: bool
) -> list[tuple[int, int]]:
    """Spans of the words of ``found`` (see ``words``) that ``leaf`` matches; a phrase's
    words only where they follow one another."""
    if isinstance(leaf, (qt.Word, qt.Phrase)):
        wanted = [w for w, _s, _e in words(leaf.text)]
        if not wanted:
            return []
        if not stemmed and wanted[0] == "the" and len(wanted) > 1:
            wanted = wanted[1:]  # a stored name has lost its "the" (investigate.naming)
        if stemmed:
            wanted = [_stem(w) for w in wanted]
            have = [_stem(w) for w, _s, _e in found]
        else:
            have = [w for w, _s, _e in found]
        spans = []
        size = len(wanted)
        for i in range(len(have) - size + 1):
            if have[i : i + size] == wanted:
                spans.extend((found[j][1], found[j][2]) for j in range(i, i + size))
        return spans
    if isinstance(leaf, qt.Wildcard):
        pattern = fold(leaf.pattern)
        return [(s, e) for w, s, e in found if fnmatch.fnmatchcase(w, pattern)]
    if isinstance(leaf, qt.Fuzzy):
        target = fold(leaf.text)
        fixed = target[: leaf.prefix]
        return [
            (s, e)
            for w, s, e in found
            if w.startswith(fixed) and levenshtein_within(w, target, leaf.edits)
        ]
    return []


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation of an article: its speaker ("" for none named) and its text."""

    speaker: str
    text: str


def best_quotation(
    clauses: QuoteClauses, quotations: Sequence[Quotation]
) -> tuple[Quotation, list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The quotation the clauses match best (with ``speaker:`` clauses: one of a named
    speaker's; most ``quote:`` clauses matched, then the first), with the spans of its
    speaker's matched words and of its matched words; None: none matches."""
    best = None
    best_score = 0
    for quotation in quotations:
        name_spans: list[tuple[int, int]] = []
        if clauses.speakers:
            if not quotation.speaker:
                continue
            name_words = words(quotation.speaker)
            for leaf in clauses.speakers:
                name_spans.extend(leaf_spans(leaf, name_words, stemmed=False))
            if not name_spans:
                continue
        text_spans: list[tuple[int, int]] = []
        score = 1 if clauses.speakers else 0
        if clauses.quotes:
            text_words = words(quotation.text)
            for leaf in clauses.quotes:
                spans = leaf_spans(leaf, text_words, stemmed=True)
                if spans:
                    score += 1
                    text_spans.extend(spans)
        if score > best_score:
            best, best_score = (quotation, sorted(set(name_spans)), sorted(set(text_spans))), score
    return best


def quote_snippet(
    quotation: Quotation,
    name_spans: Sequence[tuple[int, int]],
    text_spans: Sequence[tuple[int, int]],
    width: int = SNIPPET_WIDTH,
) -> tuple[str, list[tuple[int, int]]]:
    """'Speaker: “quotation …”', centred on the quotation's matched words (its start if
    none), with the spans to highlight (the speaker's matched words, the quotation's)."""
    prefix = f"{quotation.speaker}: " if quotation.speaker else ""
    text = quotation.text.strip()
    lead = len(quotation.text) - len(quotation.text.lstrip())
    spans = [(s - lead, e - lead) for s, e in text_spans if s >= lead]
    piece, piece_spans = make_snippet(text, spans, max(40, width - len(prefix)))
    shift = len(prefix)
    return prefix + piece, [*name_spans, *((s + shift, e + shift) for s, e in piece_spans)]
