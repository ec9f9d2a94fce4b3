"""Keeping queries away from whoosh's slow paths.

Short prefixes, leading wildcards and wide fuzzy terms are whoosh's slow paths (figures in
benchmarks/README.md, "Figures behind the design", and bench_hostile_queries.py). Short
prefixes and leading wildcards are refused with a message; fuzzy terms get one edit and a
two-letter fixed prefix unless the user asked for more (``word~2`` or ``word~2/1``), and never
more than two edits or less than one fixed letter (as Lucene caps edits at 2). Ranges over
words (``[a TO zzzz]``, ``body:[TO z]``) and a bare ``*`` (every article, scored) are refused;
very long queries are refused before any parsing."""

from __future__ import annotations

import re

from whoosh.query import Every, FuzzyTerm, Prefix, Query, TermRange, Wildcard

from tuireader.core.search.engine import QueryError

MIN_PREFIX = 3
FUZZY_PREFIX = 2
# Edits a fuzzy term may ask for (Lucene's limit), and the fixed letters it keeps at least.
MAX_EDITS = 2
MIN_FUZZY_PREFIX = 1
# Characters in a query; longer ones are refused before any parsing.
MAX_QUERY_CHARS = 1000
_EXPLICIT_FUZZY = re.compile(r"~\d")
_EXPLICIT_PREFIX = re.compile(r"~\d?/\d")


def check_length(text: str) -> None:
    """Raise QueryError for a query too long to parse and run quickly."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"The query is {len(text):,} characters long; at most {MAX_QUERY_CHARS:,} are "
            "searched for (pick its most telling words)."
        )


def guard(query: Query, text: str) -> Query:
    """The query with fuzzy terms limited; raises QueryError for a query that would stall."""
    if isinstance(query, Every):
        raise QueryError(
            "* alone matches every article: clear the search to list them all, or put at "
            f"least {MIN_PREFIX} letters before it"
        )
    if isinstance(query, TermRange):
        raise QueryError(
            "Ranges of words are too slow; ranges work on dates: date:[2016-03 to 2016-04]"
        )
    if isinstance(query, (Prefix, Wildcard)):
        _check_pattern(query)
    elif isinstance(query, FuzzyTerm):
        if not _EXPLICIT_FUZZY.search(text):
            query.maxdist = min(query.maxdist, 1)
        if not _EXPLICIT_PREFIX.search(text):
            query.prefixlength = max(query.prefixlength, FUZZY_PREFIX)
        query.maxdist = min(query.maxdist, MAX_EDITS)
        query.prefixlength = max(query.prefixlength, MIN_FUZZY_PREFIX)
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
