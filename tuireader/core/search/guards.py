"""Keeping queries away from whoosh's slow paths.

Measured at 100k articles: a prefix query takes 2.5 s median, a leading wildcard seconds, a
fuzzy term with two edits 0.46 s at p95. Short prefixes and leading wildcards are refused with
a message; fuzzy terms get one edit and a two-letter fixed prefix unless the user asked
for more (``word~2`` or ``word~2/1``).
"""

from __future__ import annotations

import re

from whoosh.query import FuzzyTerm, Prefix, Query, Wildcard

from .engine import QueryError

MIN_PREFIX = 3
FUZZY_PREFIX = 2
_EXPLICIT_FUZZY = re.compile(r"~\d")
_EXPLICIT_PREFIX = re.compile(r"~\d?/\d")


def guard(query: Query, text: str) -> Query:
    """The query with fuzzy terms limited; raises QueryError for a query that would stall."""
    if isinstance(query, (Prefix, Wildcard)):
        _check_pattern(query)
    elif isinstance(query, FuzzyTerm):
        if not _EXPLICIT_FUZZY.search(text):
            query.maxdist = min(query.maxdist, 1)
        if not _EXPLICIT_PREFIX.search(text):
            query.prefixlength = max(query.prefixlength, FUZZY_PREFIX)
    elif not query.is_leaf():
        return query.apply(lambda child: guard(child, text))
    return query


def _check_pattern(query: Prefix | Wildcard) -> None:
    pattern = query.text if isinstance(query.text, str) else query.text.decode("utf-8")
    literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
    if isinstance(query, Wildcard) and not literal:
        raise QueryError(
            f"{pattern}: a wildcard at the start of a word is too slow; "
            f"put at least {MIN_PREFIX} letters before it"
        )
    if len(literal) < MIN_PREFIX:
        raise QueryError(
            f"{pattern}*: too many words start with {literal!r}; "
            f"give at least {MIN_PREFIX} letters before *"
        )
