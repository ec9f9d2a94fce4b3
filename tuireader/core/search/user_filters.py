"""Search-bar clauses about the user's marks: ``is:starred``, ``is:unread``, ``is:read``,
``tag:NAME`` and ``note:WORD``.

They are taken out of the query before the engine sees it; the rest is run by the engine (or,
when nothing is left, every article is a candidate) and only the articles passing every clause
are kept. The clauses apply to the whole query: they cannot be ORed or negated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tuireader.core.base.text import fold
from tuireader.core.search.engine import QueryError, SearchHit, SearchResults
from tuireader.core.search.meta_filter import MetaFilter
from tuireader.core.user.userdata import CorpusMarks, normalize_tag

USER_FIELDS = ("is", "tag", "note")
IS_VALUES = ("starred", "unstarred", "read", "unread", "tagged", "noted")

_CLAUSE = re.compile(r'(?<![\w:"])(-?)(is|tag|note):("[^"]*"|[^\s()"]+)', re.IGNORECASE)
_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+(?:"[^"]*")?')
# "tag:" with nothing after it (the engine's checks took it for an unknown field)
_BARE = re.compile(r"-?(is|tag|note):", re.IGNORECASE)


@dataclass
class UserFilter:
    """The user-mark clauses of a query; every one must hold."""

    is_values: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.is_values or self.tags or self.notes)

    @property
    def needs_all(self) -> bool:
        """Whether articles without any mark can pass (so every article is a candidate)."""
        return any(v in ("unread", "unstarred") for v in self.is_values)

    def predicate(self, marks: CorpusMarks) -> Callable[[str], bool]:
        """A test on article keys, with the marks read once."""
        checks: list[Callable[[str], bool]] = []
        for value in self.is_values:
            if value in ("read", "unread"):
                read = marks.read_keys()
                checks.append(
                    (lambda k, r=read: k in r)
                    if value == "read"
                    else (lambda k, r=read: k not in r)
                )
            elif value in ("starred", "unstarred"):
                starred = marks.starred_keys()
                checks.append(
                    (lambda k, s=starred: k in s)
                    if value == "starred"
                    else (lambda k, s=starred: k not in s)
                )
            elif value == "tagged":
                tagged = {k for tag, _n in marks.all_tags() for k in marks.keys_tagged(tag)}
                checks.append(lambda k, t=tagged: k in t)
            elif value == "noted":
                noted = set(marks.notes())
                checks.append(lambda k, n=noted: k in n)
        for tag in self.tags:
            keys = marks.keys_tagged(tag)
            checks.append(lambda k, t=keys: k in t)
        if self.notes:
            notes = {key: fold(note) for key, note in marks.notes().items()}
            for word in self.notes:
                wanted = fold(word)
                checks.append(lambda k, w=wanted, n=notes: w in n.get(k, ""))
        return lambda key: all(check(key) for check in checks)


def split_query(query: str) -> tuple[str, UserFilter]:
    """The query without its user-mark clauses, and those clauses."""
    found = UserFilter()
    if not _CLAUSE.search(query) and ":" not in query:
        return query, found
    tokens = [m for m in _TOKEN.finditer(query)]
    keep: list[str] = []
    depth = 0
    drop_next_and = False
    for index, match in enumerate(tokens):
        token = match.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        clause = _CLAUSE.fullmatch(token)
        bare = _BARE.fullmatch(token)
        if bare is not None:
            name = bare.group(1).lower()
            raise QueryError(f"{name}: needs a word after it, e.g. {_EXAMPLES[name]}")
        if clause is None:
            if drop_next_and and token == "AND":
                drop_next_and = False
                continue
            drop_next_and = False
            keep.append(token)
            continue
        negated, name, value = clause.groups()
        name = name.lower()
        value = value.strip('"').strip()
        label = f"{name}:{value}"
        if negated:
            raise QueryError(f"-{label}: {name}: cannot be negated (try is:unread, is:unstarred)")
        if depth > 0:
            raise QueryError(f"{label} cannot be inside brackets: it applies to the whole query.")
        before = keep[-1] if keep else ""
        after = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        if before in ("OR", "NOT", "ANDNOT", "ANDMAYBE") or after == "OR":
            raise QueryError(f"{label} cannot be combined with OR or NOT: it filters the results.")
        if before == "AND":
            keep.pop()
        elif not keep:
            drop_next_and = True
        if not value:
            raise QueryError(f"{name}: needs a word after it, e.g. {_EXAMPLES[name]}")
        if name == "is":
            if value.lower() not in IS_VALUES:
                raise QueryError(f"is:{value}? (is:" + ", is:".join(IS_VALUES) + ")")
            found.is_values.append(value.lower())
        elif name == "tag":
            found.tags.append(normalize_tag(value))
        else:
            found.notes.append(value)
    return " ".join(keep), found


_EXAMPLES = {"is": "is:unread", "tag": "tag:climate", "note": "note:followup"}


def ids_of_keys(store, keys) -> dict[str, int]:
    """key -> id for the keys present in a MetaStore."""
    keys = list(keys)
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            store.db.execute(f"SELECT key, id FROM articles WHERE key IN ({marks})", tuple(chunk))
        )
    return found


def filtered_search(
    engine,
    store,
    marks: CorpusMarks | None,
    query: str,
    limit: int | None = 1000,
    count: bool = True,
    narrow: MetaFilter | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SearchResults:
    """``engine.search`` with the user-mark clauses applied; ``total`` counts what passes.

    ``cancelled``: checked while the engine searches; when true it stops with a QueryError
    (a newer search has been asked for).

    ``narrow`` (a source, a date range) keeps only the articles it passes; with it, a query
    left empty lists those articles newest first.
    """
    rest, user_filter = split_query(query)
    within: list[int] | None = None
    if narrow is not None and not narrow.empty:
        within = narrow.ids(store)
        if not rest.strip() and user_filter.empty:
            hits = [SearchHit(i, 0.0) for i in within]
            shown = hits if limit is None else hits[:limit]
            return SearchResults(query=query, hits=shown, total=len(hits))
    # within= and cancelled= only when set (engines without them still work)
    extra = _within(within) | ({} if cancelled is None else {"cancelled": cancelled})
    if user_filter.empty or marks is None:
        if not user_filter.empty:
            raise QueryError("is:, tag: and note: need the user data, which cannot be opened.")
        if limit is None:
            first = engine.search(query, limit=1000, count=True, **extra)
            if first.total <= len(first.hits):
                return first
            return engine.search(query, limit=first.total, count=True, **extra)
        return engine.search(query, limit=limit, count=count, **extra)
    passes = user_filter.predicate(marks)
    terms: frozenset[str] = frozenset()
    title_terms: frozenset[str] | None = None
    if rest.strip():
        results = engine.search(rest, limit=limit or 1000, count=True, **extra)
        if results.total > len(results.hits):  # every match must be seen to count them
            results = engine.search(rest, limit=results.total, count=True, **extra)
        rows = store.rows(results.ids)
        hits = [
            hit
            for hit in results.hits
            if hit.article_id in rows and passes(rows[hit.article_id].key)
        ]
        terms, title_terms = results.terms, results.title_terms
    elif user_filter.needs_all:
        key_of = {article_id: key for key, article_id in store.key_ids().items()}
        hits = [
            SearchHit(article_id, 0.0)
            for article_id in (store.ordered_ids() if within is None else within)
            if passes(key_of.get(article_id, ""))
        ]
    else:
        candidates = marks.marked_keys()
        wanted = {
            article_id for key, article_id in ids_of_keys(store, candidates).items() if passes(key)
        }
        ordered = store.ordered_ids() if within is None else within
        hits = [SearchHit(i, 0.0) for i in ordered if i in wanted]
    total = len(hits)
    if limit is not None:
        hits = hits[:limit]
    return SearchResults(query=query, hits=hits, total=total, terms=terms, title_terms=title_terms)


def _within(ids: list[int] | None) -> dict:
    """``within=`` for engine.search only when a filter is set (engines without it still work)."""
    return {} if ids is None else {"within": ids}


def has_user_clauses(query: str) -> bool:
    """Whether a query has ``is:``, ``tag:`` or ``note:`` clauses (the store is needed)."""
    return _CLAUSE.search(query) is not None
