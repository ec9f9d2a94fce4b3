"""Reading a query and running it: parsing, wildcard expansion, collecting, ranking, and the
words to highlight. Every part through whoosh's public query and collector classes."""

from __future__ import annotations

import heapq
import itertools
import re
from collections.abc import Iterator

from whoosh import matching
from whoosh.collectors import FilterCollector, UnlimitedCollector
from whoosh.qparser import AndGroup, FuzzyTermPlugin, GtLtPlugin, MultifieldParser, PlusMinusPlugin
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import AndNot, MultiTerm, Not, NullQuery, Or, Term
from whoosh.searching import Searcher

from tuireader.core.search.date_clauses import rewrite_dates
from tuireader.core.search.engine import QueryError
from tuireader.core.search.syntax import check_syntax
from tuireader.core.search.whoosh.bounded import BoundedCollector, Budget
from tuireader.core.search.whoosh.day_spans import with_day_spans
from tuireader.core.search.whoosh.fast_parse import FastParser
from tuireader.core.search.whoosh.guards import check_length, guard
from tuireader.core.search.whoosh.schema import QUERY_FIELDS, QUERY_SCHEMA, SEARCH_FIELDS
from tuireader.core.search.whoosh.top_terms import TopOfUnion, union_terms

# whoosh's date parser reads 20161001 but takes 2016-10-01 as just the year.
# a "-" opening a word, field or phrase: whoosh's PlusMinusPlugin drops a query made of
# such clauses only ("-storm" found nothing), where "NOT storm" lists the rest
_WORD_START = r"(?:^|(?<=[\s(]))"
_LEADING_MINUS = re.compile(_WORD_START + r"-(?=[^\s-])")
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])")


def _compact_date(match: re.Match) -> str:
    year, month, day = match.groups()
    return f"{year}{int(month):02d}{int(day):02d}"


class QueryReader:
    """Turns what the user typed into a whoosh query, or says why it cannot."""

    def __init__(self) -> None:
        self.parser = MultifieldParser(list(SEARCH_FIELDS), QUERY_SCHEMA, group=AndGroup)
        self.parser.add_plugin(FuzzyTermPlugin())
        self.parser.add_plugin(GtLtPlugin())
        # "-" (and "+") at a word's start only: anywhere, "Kilroy-Silk" was read as "kilroy
        # -silk", the articles naming him left out
        self.parser.add_plugin(PlusMinusPlugin(_WORD_START + r"\+", _WORD_START + "-"))
        self.parser.add_plugin(DateParserPlugin(free=False))
        analyzers = {name: QUERY_SCHEMA[name].analyzer for name in ("title", "body", "source")}
        self.fast_parser = FastParser(SEARCH_FIELDS, analyzers)

    def parse(self, query: str, fast: bool = True):
        """The query object; ``fast``: simple queries without whoosh's parser (whose queries
        also know where each word was in the text, which spelling corrections need)."""
        check_length(query)
        text = _ISO_DATE.sub(_compact_date, rewrite_dates(query.strip()))
        if not text:
            raise QueryError("Type something to search for.")
        check_syntax(text, QUERY_FIELDS)
        if fast:
            parsed = self.fast_parser.parse(text)
            if parsed is not None:
                return parsed
        try:
            parsed = self.parser.parse(text)
            if _is_null(parsed) and _LEADING_MINUS.search(text):
                parsed = self.parser.parse(_LEADING_MINUS.sub("NOT ", text))
        except Exception as exc:  # whoosh's parser raises assorted errors on odd input
            raise QueryError(f"Cannot read the query: {exc}") from exc
        if _is_null(parsed):
            raise QueryError(f"Nothing to search for in {text!r} (only stop words or syntax?)")
        return with_day_spans(guard(parsed, text))

    def is_plain(self, text: str) -> bool:
        """Whether a query is plain words and phrases (no operators, wildcards, fields)."""
        return self.fast_parser.parse(text) is not None


def _is_null(parsed) -> bool:
    """Whether whoosh's parser found nothing to search for."""
    return (
        parsed is NullQuery
        or isinstance(parsed, type(NullQuery))
        or not list(parsed.leaves())
        and not parsed.is_leaf()
    )


def expand(query, reader, budget: Budget | None = None):
    """The query with wildcard and fuzzy terms replaced by the indexed words they match."""
    if isinstance(query, MultiTerm):
        if budget is not None:
            budget.check()
        words = sorted(
            {
                w.decode("utf-8") if isinstance(w, bytes) else w
                for _field, w in query.expanded_terms(reader)
            }
        )
        if not words:
            return NullQuery
        return Or([Term(query.field(), word, boost=query.boost) for word in words])
    if not query.is_leaf():
        return query.apply(lambda child: expand(child, reader, budget))
    return query


class AndNotMatcher(matching.AndNotMatcher):
    """whoosh's, which let the first match of its first matcher through when the second
    matcher's first document came before it ("lake -painted" found an article of the lake
    with painted in it when an earlier article said painted too)."""

    def __init__(self, a, b) -> None:
        if a.is_active() and b.is_active() and b.id() < a.id():
            b.skip_to(a.id())
        super().__init__(a, b)


class FirstSkippingAndNot(AndNot):
    """``AndNot`` through ``AndNotMatcher``."""

    def matcher(self, searcher, context=None):
        scored = self.a.matcher(searcher, context)
        excluded = self.b.matcher(searcher, searcher.boolean_context())
        return AndNotMatcher(scored, excluded)


def without_first_skip(query):
    """The query with its ``AndNot`` parts as ``FirstSkippingAndNot``."""
    if isinstance(query, AndNot) and not isinstance(query, FirstSkippingAndNot):
        return FirstSkippingAndNot(without_first_skip(query.a), without_first_skip(query.b))
    if query.is_leaf():
        return query
    return query.apply(without_first_skip)


def collect(searcher: Searcher, query, budget: Budget, allow=None) -> list:
    """Every match's (score, document number), scored whole within the budget (``allow``:
    a filter, only its matches).

    Not whoosh's top-N collector: its block-quality skipping takes a union of many terms
    (a fuzzy word's variants) to score at most its best term, and dropped the documents
    holding several of them, so the first page of ``oil~5`` on Reuters depended on its size
    (limit 1 put an article of score 30.5 first, above it was one of 50.1).
    """
    collector = BoundedCollector(UnlimitedCollector(), budget)
    if allow is not None:
        collector = FilterCollector(collector, allow=allow)
    searcher.search_with_collector(without_first_skip(query), collector)
    return collector.results().top_n


def collect_top(searcher: Searcher, query, budget: Budget, limit: int, allow=None):
    """The matches that may be among the best ``limit`` (score, document number) pairs, ties
    with the last included, and how many documents match at least: for a union of words
    without a filter, only those that may be on the page are scored (``top_terms``); else
    every match (``collect``). ``rank`` makes the same page from either."""
    terms = union_terms(query) if allow is None else None
    if terms is None:
        scored = collect(searcher, query, budget, allow)
        return scored, len(scored)
    top = TopOfUnion(limit, _TIE, budget.check)
    top.run(searcher, terms)
    return top.candidates(), top.lower_bound()


# Digits of a score compared when ranking: a document's score is a sum whose order follows
# its segment's layout, so two builds of the same corpus may differ in the last bits.
_SCORE_DIGITS = 9
_TIE = 10.0**-_SCORE_DIGITS


def rank(scored: list, column, limit: int) -> list:
    """The best ``limit`` (score, document number) pairs, best first, equal scores in article
    id order (document numbers follow the order of indexing, which differs between builds)."""
    if limit < len(scored):  # only the pairs that may be in the first ``limit`` are sorted
        cut = heapq.nlargest(limit, scored)[-1][0] - _TIE
        scored = [pair for pair in scored if pair[0] >= cut]

    def key(pair):
        return -round(pair[0], _SCORE_DIGITS), column[pair[1]]

    return sorted(scored, key=key)[:limit]


def rank_by_date(scored: list, column, dates, limit: int, newest: bool) -> list:
    """The first ``limit`` (score, document number) pairs by date (``dates``: the raw ``date``
    column, whose largest value marks a document without one: those last), newest or oldest
    first, equal dates in article id order."""
    missing = 2**64 - 1

    def key(pair):
        date = dates[pair[1]] if dates is not None else missing
        if date == missing:
            return (1, 0, column[pair[1]])
        return (0, -date if newest else date, column[pair[1]])

    return heapq.nsmallest(limit, scored, key=key)


def highlight_terms(query, reader, fields=SEARCH_FIELDS) -> Iterator[str]:
    """The indexed words a query looks for in ``fields``, with wildcards expanded (``reader``:
    of the index those fields are in).

    Terms under a NOT are left out: they are what the results do not contain.
    """
    if isinstance(query, Not):
        return
    if isinstance(query, AndNot):
        yield from highlight_terms(query.a, reader, fields)
        return
    if isinstance(query, MultiTerm):
        if query.field() in fields:
            for _field, text in itertools.islice(query.expanded_terms(reader), 200):
                yield text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return
    if query.is_leaf():
        for fieldname, text in query.terms(phrases=True):
            if fieldname in fields:
                yield text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return
    for child in query.children():
        yield from highlight_terms(child, reader, fields)
