"""Catching query mistakes that whoosh's parser would quietly turn into a different query.

whoosh almost never rejects a query: an unclosed quote or a dangling AND silently becomes
something else, and the user sees an empty or wrong result list. These checks give them a
message instead.
"""

from __future__ import annotations

import re

from tuireader.core.search.engine import QueryError

_OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")
_FIELD_RE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=\())([A-Za-z_]\w*):(?!//)")


def check_syntax(query: str, fields: tuple[str, ...]) -> None:
    """Raise QueryError with a message for the user when the query is malformed."""
    outside = _outside_quotes(query)
    _check_pairs(outside)
    words = outside.split()
    if words and words[0] in ("AND", "OR", "ANDNOT", "ANDMAYBE"):
        raise QueryError(f"The query starts with {words[0]}: put a word before it.")
    if words and words[-1] in _OPERATORS:
        raise QueryError(f"The query ends with {words[-1]}: put a word after it.")
    for before, after in zip(words, words[1:], strict=False):
        if before in _OPERATORS and after in ("AND", "OR"):
            raise QueryError(f"{before} {after}: a word is missing between them.")
    for match in _FIELD_RE.finditer(outside):
        name = match.group(1)
        if name.lower() not in fields:
            known = ", ".join(f"{f}:" for f in fields)
            # (and the clauses on the user's marks, taken out before the engine's checks)
            raise QueryError(f"Unknown field {name}: (fields: {known}; marks: is:, tag:, note:)")
        rest = outside[match.end() :]
        if not rest or rest[0].isspace() or rest[0] == ")":
            raise QueryError(f"{name}: needs a word after it, e.g. {name}:russia")


def _outside_quotes(query: str) -> str:
    """The query with quoted phrases blanked, after checking that every quote is closed."""
    if query.count('"') % 2:
        raise QueryError('A quotation mark (") is not closed.')
    return re.sub(r'"[^"]*"', lambda m: '"' + " " * (len(m.group()) - 2) + '"', query)


def _check_pairs(text: str) -> None:
    stack: list[str] = []
    closers = {")": "(", "]": "[", "}": "{"}
    for char in text:
        if char in "([{":
            stack.append(char)
        elif char in closers:
            # whoosh ranges may be half open: [a TO b} and {a TO b]
            if not stack or (stack[-1] != closers[char] and closers[char] == "("):
                raise QueryError(f"{char!r} has no matching opening bracket.")
            stack.pop()
    if stack:
        raise QueryError(f"{stack[-1]!r} is not closed.")
