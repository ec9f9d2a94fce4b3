"""The query language read once into a small tree that an engine translates (one syntax for
users whatever the engine).

Words (ANDed), ``"phrases"``, ``AND``/``OR``/``NOT``/``-word``/``+word``, parentheses,
``field:value``, wildcards (``pesk*``, ``p?sk*``), fuzzy words (``peskow~``, ``peskow~2``,
``peskow~2/1``: edits and fixed letters) and ``date:`` clauses (read by ``date_clauses`` as
whole-day ranges). Mistakes are QueryErrors with a message (``syntax.check_syntax``). Words are
kept as typed: the engine analyses them for the field they search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tuireader.core.search.annotation_fields import ANNOTATION_FIELDS
from tuireader.core.search.date_clauses import rewrite_dates
from tuireader.core.search.engine import QueryError
from tuireader.core.search.syntax import check_syntax

EXACT_FIELD = "exact"
DEFAULT_FIELDS = ("title", "body")
QUERY_FIELDS = ("title", "body", "source", "date", EXACT_FIELD, *ANNOTATION_FIELDS)
MAX_QUERY_CHARS = 1000
# Wildcards need this many fixed letters first (a short prefix names too many words).
MIN_PREFIX = 3
FUZZY_PREFIX = 2
MAX_EDITS = 2


@dataclass(frozen=True, slots=True)
class Word:
    field: str | None  # None: the default fields (title and body)
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    field: str | None
    text: str  # the quoted words as typed


@dataclass(frozen=True, slots=True)
class Wildcard:
    field: str | None
    pattern: str  # lower case, with * and ?

    @property
    def prefix(self) -> str:
        return re.split(r"[*?]", self.pattern, maxsplit=1)[0]


@dataclass(frozen=True, slots=True)
class Fuzzy:
    field: str | None
    text: str
    edits: int
    prefix: int  # letters that must match as typed


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date | None
    end: date | None  # inclusive


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


Node = Word | Phrase | Wildcard | Fuzzy | DateRange | And | Or | Not
Leaf = Word | Phrase | Wildcard | Fuzzy | DateRange

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<date>(?i:date):\[(?P<first>\d*)\s+to\s+(?P<last>\d*)\])
  | (?:(?P<field>[A-Za-z_]\w*):(?!//))?(?:"(?P<phrase>[^"]*)"|(?P<word>[^\s()"]+))
    """,
    re.VERBOSE,
)
_FUZZY = re.compile(r"^(?P<text>.+?)~(?P<edits>\d)?(?:/(?P<prefix>\d))?$")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}


def parse(query: str) -> Node:
    """The tree of ``query``; QueryError with a message when it cannot be run."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"The query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} are "
            "searched for (pick its most telling words)."
        )
    text = rewrite_dates(query.strip())
    if not text:
        raise QueryError("Type something to search for.")
    check_syntax(text, QUERY_FIELDS)
    tokens = _tokens(text)
    parser = _Parser(tokens)
    node = parser.expression()
    if parser.at < len(tokens):
        raise QueryError(f"Cannot read the query near {tokens[parser.at][1]!r}.")
    if node is None:
        raise QueryError("Type something to search for (a word, not only operators).")
    if _only_negative(node) and not isinstance(node, And):
        node = And((node,))  # "-storm", "NOT storm": every article but those, as an And
    return node


def leaves(node: Node, negated: bool = False):
    """(leaf, negated) for every leaf of the tree."""
    if isinstance(node, (And, Or)):
        for child in node.children:
            yield from leaves(child, negated)
    elif isinstance(node, Not):
        yield from leaves(node.child, not negated)
    else:
        yield node, negated


def is_plain(node: Node) -> bool:
    """Only words and phrases of the default fields, ANDed (what a suggestion can correct)."""
    if isinstance(node, And):
        return all(is_plain(child) for child in node.children)
    return isinstance(node, (Word, Phrase)) and node.field is None


def _only_negative(node: Node) -> bool:
    if isinstance(node, Not):
        return True
    if isinstance(node, (And, Or)):
        return all(_only_negative(child) for child in node.children)
    return False


def _tokens(text: str) -> list[tuple[str, str, re.Match]]:
    found = []
    at = 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None or match.end() == at:
            raise QueryError(f"Cannot read the query near {text[at : at + 20]!r}.")
        at = match.end()
        kind = match.lastgroup if match.group("space") is None else "space"
        if match.group("space"):
            continue
        if match.group("open"):
            found.append(("open", "(", match))
        elif match.group("close"):
            found.append(("close", ")", match))
        elif match.group("date"):
            found.append(("date", match.group(0), match))
        elif match.group("word") in _OPERATORS and match.group("field") is None:
            found.append(("op", match.group("word"), match))
        else:
            kind = "phrase" if match.group("phrase") is not None else "word"
            found.append((kind, match.group(0), match))
    return found


def _day(digits: str) -> date | None:
    if not digits:
        return None
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


class _Parser:
    """Recursive descent: OR binds loosest, then AND (explicit or implied), then NOT/-/+."""

    def __init__(self, tokens: list[tuple[str, str, re.Match]]) -> None:
        self.tokens = tokens
        self.at = 0

    def _peek(self) -> tuple[str, str, re.Match] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def expression(self) -> Node | None:
        parts = [self._and()]
        while (token := self._peek()) is not None and token[:2] == ("op", "OR"):
            self.at += 1
            parts.append(self._and())
        kept = tuple(p for p in parts if p is not None)
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(kept)

    def _and(self) -> Node | None:
        parts: list[Node] = []
        while (token := self._peek()) is not None:
            kind, value, _match = token
            if kind == "close" or (kind == "op" and value == "OR"):
                break
            if kind == "op" and value in ("AND", "ANDMAYBE"):
                self.at += 1
                continue
            if kind == "op" and value == "ANDNOT":
                self.at += 1
                part = self._unary()
                if part is not None:
                    parts.append(Not(part))
                continue
            part = self._unary()
            if part is not None:
                parts.append(part)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def _unary(self) -> Node | None:
        kind, value, match = self.tokens[self.at]
        if kind == "op" and value == "NOT":
            self.at += 1
            if self._peek() is None:
                raise QueryError("The query ends with NOT: put a word after it.")
            child = self._unary()
            return Not(child) if child is not None else None
        if kind == "open":
            self.at += 1
            inner = self.expression()
            if self._peek() is None or self._peek()[0] != "close":
                raise QueryError("'(' is not closed.")
            self.at += 1
            return inner
        if kind == "close":
            raise QueryError("')' has no matching opening bracket.")
        self.at += 1
        if kind == "date":
            start, end = _day(match.group("first")), _day(match.group("last"))
            return DateRange(start, end)
        field = match.group("field")
        field = field.lower() if field else None
        if kind == "phrase":
            return Phrase(field, match.group("phrase"))
        word = match.group("word")
        negate = False
        if field is None and word[:1] in "+-" and len(word) > 1:
            negate = word[0] == "-"
            rest = word[1:]
            sub = _TOKEN.match(rest)
            if sub is not None and sub.group("field") and sub.end() == len(rest):
                field = sub.group("field").lower()
                if field not in QUERY_FIELDS:
                    raise QueryError(f"Unknown field {field}:")
                if sub.group("phrase") is not None:
                    node: Node = Phrase(field, sub.group("phrase"))
                    return Not(node) if negate else node
                rest = sub.group("word")
            word = rest
        elif field is None and word in "+-":
            return None
        node = _word(field, word)
        return Not(node) if negate else node


def _word(field: str | None, word: str) -> Node:
    if field == "date":
        raise QueryError(
            f"date:{word} is not a date: write e.g. date:2016, date:2016-10, date:2016-10-01"
        )
    fuzzy = _FUZZY.match(word)
    if fuzzy is not None:
        edits = int(fuzzy.group("edits") or 1)
        prefix = int(fuzzy.group("prefix") or (FUZZY_PREFIX if fuzzy.group("edits") is None else 1))
        return Fuzzy(field, fuzzy.group("text").lower(), min(max(edits, 1), MAX_EDITS), prefix)
    if "*" in word or "?" in word:
        pattern = word.lower()
        node = Wildcard(field, pattern)
        if len(node.prefix) < MIN_PREFIX:
            raise QueryError(
                f"{word}: give at least {MIN_PREFIX} letters before * or ? "
                "(a shorter start names too many words)."
            )
        return node
    return Word(field, word)
