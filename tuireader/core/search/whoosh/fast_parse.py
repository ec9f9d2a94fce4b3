"""The most common queries parsed without whoosh's query parser.

whoosh's parser runs a dozen plugins over every query; for a rare word that is a large share
of the whole search. Queries made only of plain words,
``title:``/``source:`` words and "quoted phrases" are built here directly, as the same query
objects the parser makes (tests compare the two on generated queries); anything else
(operators, brackets, wildcards, fuzzy terms, ranges, other fields) returns None and goes to
whoosh's parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from whoosh.query import And, NullQuery, Or, Phrase, Query, Term

# A plain word: letters, digits and underscores only (no operator or syntax character).
_WORD = re.compile(r"\w+")
_ITEM = re.compile(r'"([^"]*)"|(?:(title|source):)?([^\s"]+)')
# whoosh's operator words (case-sensitive) and the range keyword
_OPERATOR_WORDS = frozenset(("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"))
_FIELD_MARK = ":"

Analyze = Callable[[str, str], list[str]]


class FastParser:
    """Builds ``MultifieldParser(default_fields, AndGroup)``'s query for simple text."""

    def __init__(self, default_fields: tuple[str, ...], analyzers: dict) -> None:
        self.default_fields = default_fields
        self._analyzers = analyzers

    def _terms(self, fieldname: str, text: str) -> list[str] | None:
        """The indexed forms of one word in a field; None when whoosh would do more with it
        (several tokens, a token not covering the word)."""
        tokens = [
            (token.text, token.startchar, token.endchar)
            for token in self._analyzers[fieldname](text, chars=True, mode="query")
        ]
        if not tokens:
            return []  # a stop word
        if len(tokens) > 1 or tokens[0][1] != 0 or tokens[0][2] != len(text):
            return None
        return [tokens[0][0]]

    def parse(self, text: str) -> Query | None:
        """The query, or None when the text is not simple enough (use whoosh's parser)."""
        clauses: list[Query] = []
        position = 0
        for match in _ITEM.finditer(text):
            gap = text[position : match.start()]
            if gap.strip() or (position and not gap):  # items apart, by white space only
                return None
            position = match.end()
            phrase, fieldname, word = match.groups()
            clause = self._phrase(phrase) if phrase is not None else self._word(fieldname, word)
            if clause is None:
                return None
            if clause is not NullQuery:
                clauses.append(clause)
        if text[position:].strip() or not clauses:
            return None
        query = clauses[0] if len(clauses) == 1 else And(clauses)
        return query.normalize()

    def _word(self, fieldname: str | None, word: str) -> Query | None:
        if word in _OPERATOR_WORDS or not _WORD.fullmatch(word):
            return None
        if fieldname is not None:
            terms = self._terms(fieldname, word)
            if terms is None or not terms:
                return None
            return Term(fieldname, terms[0])
        per_field = []
        for name in self.default_fields:
            terms = self._terms(name, word)
            if terms is None:
                return None
            per_field.extend(Term(name, term) for term in terms)
        if not per_field:
            return NullQuery
        return per_field[0] if len(per_field) == 1 else Or(per_field)

    def _phrase(self, phrase: str) -> Query | None:
        words = phrase.split()
        if len(words) < 2 or any(not _WORD.fullmatch(w) for w in words):
            return None
        per_field = []
        for name in self.default_fields:
            terms = []
            for word in words:
                found = self._terms(name, word)
                if not found:  # a stop word (whoosh drops it) or more than one token
                    return None
                terms.extend(found)
            per_field.append(Phrase(name, terms))
        return per_field[0] if len(per_field) == 1 else Or(per_field)
