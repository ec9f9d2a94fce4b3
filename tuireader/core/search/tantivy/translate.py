"""The query tree (``core.search.query_tree``) as a tantivy query, and the words to highlight.

Words are analysed as their field indexes them; a word the analyser splits ("U.S.-led") is a
phrase. Wildcards and fuzzy words are expanded here against the index's own word lists (fixed
letters first, then edits counted in Python over the few words sharing them): the same words
are searched and highlighted, and a fuzzy word never walks the whole dictionary. Annotation
fields are answered by the annotation index first (``annotation_ids``) and join the text query
as a filter on article ids.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import tantivy

from tuireader.core.base.text import levenshtein_within
from tuireader.core.search import query_tree as qt
from tuireader.core.search.annotation_fields import ANNOTATION_FIELDS
from tuireader.core.search.tantivy.schema import (
    TITLE_BOOST,
    analyzer,
    field_analyzer,
    positioned,
)

# Index words a wildcard or fuzzy word may stand for (the most frequent are kept).
MAX_EXPANSION = 256
ANNOTATION_NAMES = frozenset(ANNOTATION_FIELDS)
# What the analysers leave of ASCII text: index words are made of these (and other letters).
_PLAIN_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
_PLAIN = re.compile(f"[{_PLAIN_LETTERS}]+")
# What a searcher's ``memo`` keeps: word lists up to this long, this many entries.
MEMO_TERMS = 5_000
MEMO_ENTRIES = 256


class Translation:
    """One query's tantivy form and the words to highlight in bodies and in titles."""

    def __init__(
        self,
        schema: tantivy.Schema,
        searcher: tantivy.Searcher,
        annotation_ids: Callable[[qt.Leaf], set[int]] | None,
        memo: dict | None = None,
    ) -> None:
        """``memo``: what the searcher's index words told, kept between the searches of one
        searcher (word lists of a start, whether odd letters follow one)."""
        self.schema = schema
        self.searcher = searcher
        self.annotation_ids = annotation_ids
        self.terms: set[str] = set()
        self.title_terms: set[str] = set()
        self.memo = {} if memo is None else memo
        self._expanded: dict[tuple, list[tuple[int, str]]] = {}

    # -- nodes -----------------------------------------------------------------------------

    def query(self, node: qt.Node, negated: bool = False) -> tantivy.Query:
        if isinstance(node, qt.And):
            return self._boolean(node.children, tantivy.Occur.Must, negated)
        if isinstance(node, qt.Or):
            return self._boolean(node.children, tantivy.Occur.Should, negated)
        if isinstance(node, qt.Not):
            return self.query(node.child, not negated)
        if isinstance(node, qt.DateRange):
            return self._dates(node)
        field = node.field
        if field in ANNOTATION_NAMES and self.annotation_ids is not None:
            ids = self.annotation_ids(node)
            if not ids:
                return tantivy.Query.empty_query()
            found = tantivy.Query.term_set_query(self.schema, "aid", sorted(ids))
            return tantivy.Query.const_score_query(found, 1.0)
        fields = qt.DEFAULT_FIELDS if field is None else (field,)
        parts = [self._leaf(node, name, negated) for name in fields]
        parts = [p for p in parts if p is not None]
        if not parts:
            return tantivy.Query.empty_query()
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, p) for p in parts])

    def _boolean(self, children, occur, negated: bool) -> tantivy.Query:
        clauses = []
        for child in children:
            if isinstance(child, qt.Not):
                clauses.append((tantivy.Occur.MustNot, self.query(child.child, not negated)))
            else:
                clauses.append((occur, self.query(child, negated)))
        if all(o == tantivy.Occur.MustNot for o, _q in clauses):
            clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        return tantivy.Query.boolean_query(clauses)

    def _dates(self, node: qt.DateRange) -> tantivy.Query:
        low = datetime.combine(node.start, time(), UTC) if node.start else None
        high = datetime.combine(node.end + timedelta(days=1), time(), UTC) if node.end else None
        return tantivy.Query.range_query(
            self.schema,
            "date",
            tantivy.FieldType.Date,
            low,
            high,
            include_lower=True,
            include_upper=high is None,
        )

    def _leaf(self, node: qt.Leaf, field: str, negated: bool) -> tantivy.Query | None:
        words: list[str]
        if isinstance(node, (qt.Word, qt.Phrase)):
            terms = positioned(field_analyzer(field), node.text)
            words = [term for _position, term in terms]
            if not words:
                return None  # stop words only
            self._note(field, words, negated)
            if len(words) == 1:
                query = tantivy.Query.term_query(self.schema, field, words[0])
            else:
                start = terms[0][0]
                query = tantivy.Query.phrase_query(
                    self.schema, field, [(position - start, term) for position, term in terms]
                )
        else:
            words = self._expand(node, field)
            self._note(field, words, negated)
            if not words:
                return None
            query = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, field, w))
                    for w in words
                ]
            )
        if field == "title":
            query = tantivy.Query.boost_query(query, TITLE_BOOST)
        return query

    def _note(self, field: str, words: list[str], negated: bool) -> None:
        if negated:
            return
        if field in ("body", "exact"):
            self.terms.update(words)
        if field in ("title", "exact"):
            self.title_terms.update(words)

    # -- wildcards and fuzzy words ---------------------------------------------------------

    def _expand(self, node: qt.Wildcard | qt.Fuzzy, field: str) -> list[str]:
        if isinstance(node, qt.Wildcard):
            prefix = _fold(node.prefix)
            pattern = _fold(node.pattern)
            found = [
                (count, term)
                for term, count in self.searcher.terms_with_prefix(field, prefix)
                if count and fnmatch.fnmatchcase(term, pattern)
            ]
        else:
            # title and body share one expansion (from the body's words: the larger list)
            field = "body" if field == "title" else field
            key = (node, field)
            if key not in self._expanded:
                self._expanded[key] = self._near(node, field)
            found = list(self._expanded[key])
        found.sort(key=lambda pair: (-pair[0], pair[1]))
        return list(dict.fromkeys(term for _count, term in found))[:MAX_EXPANSION]

    def _near(self, node: qt.Fuzzy, field: str) -> list[tuple[int, str]]:
        """Index words within ``node.edits`` of the typed word or of its stem, sharing its
        first ``node.prefix`` letters (the words of one start are walked once a search)."""
        text = _fold(node.text)
        targets = {text}
        stem = analyzer(field_analyzer(field)).analyze(node.text)
        if stem:
            targets.add(stem[0])
        found = []
        edits = node.edits
        for start in {target[: node.prefix] for target in targets}:
            near = [t for t in targets if t.startswith(start)]
            if edits == 1 and self._plain_after(field, start, near):
                found.extend(self._one_edit(field, start, near))
                continue
            for term, count in self._terms(field, start):
                if not count:
                    continue
                for target in near:
                    if abs(len(term) - len(target)) <= edits and within_edits(target, term, edits):
                        found.append((count, term))
                        break
        return found

    def _plain_after(self, field: str, start: str, near: list[str]) -> bool:
        """Whether ``_one_edit`` finds what walking every index word of ``start`` finds: the
        targets are plain (a-z, 0-9) and longer than ``start``, and no index word follows
        the letters a target shares with ``start`` or with ``_walked`` by anything else."""
        if not all(len(t) > len(start) and _PLAIN.fullmatch(t) for t in near):
            return False
        heads = sorted({t[:at] for t in near for at in range(len(start), _walked(start, t))})
        key = ("plain after", field, *heads)
        known = self.memo.get(key)
        if known is None:
            pattern = "(?:" + "|".join(f"{head}[^a-z0-9]" for head in heads) + ").*"
            other = tantivy.Query.regex_query(self.schema, field, pattern)
            known = not self.searcher.search(other, limit=1, count=False).hits
            self._remember(key, known)
        return known

    def _one_edit(self, field: str, start: str, near: list[str]) -> list[tuple[int, str]]:
        """Index words one edit from a target (``within_edits``), starting with ``start``:
        those sharing ``_walked`` letters with it are walked (a few hundredth of the words
        of ``start``); the others differ first at a letter before, where the one edit is
        (that letter changed, one added before it, it dropped, or swapped with the next):
        those are looked up one by one."""
        found: dict[str, int] = {}
        for target in near:
            depth = _walked(start, target)
            for term, count in self._terms(field, target[:depth]):
                if count and term not in found and within_edits(target, term, 1):
                    found[term] = count
            candidates = set()
            for at in range(len(start), depth):
                head, here, rest = target[:at], target[at], target[at + 1 :]
                candidates.add(head + rest)  # dropped
                if rest:
                    candidates.add(head + rest[0] + here + rest[1:])  # swapped
                for letter in _PLAIN_LETTERS:
                    if letter != here:
                        candidates.add(head + letter + rest)  # changed
                        candidates.add(head + letter + here + rest)  # added
            for candidate in candidates:
                if candidate not in found:
                    count = self.searcher.doc_freq(field, candidate)
                    if count:
                        found[candidate] = count
        return [(count, term) for term, count in found.items()]

    def _terms(self, field: str, start: str) -> list[tuple[str, int]]:
        key = ("terms", field, start)
        known = self.memo.get(key)
        if known is None:
            known = self.searcher.terms_with_prefix(field, start)
            if len(known) <= MEMO_TERMS:
                self._remember(key, known)
        return known

    def _remember(self, key: tuple, value) -> None:
        if len(self.memo) >= MEMO_ENTRIES:
            self.memo.clear()
        self.memo[key] = value


def _walked(start: str, target: str) -> int:
    """How many letters the words walked for ``target`` share with it (two past ``start``,
    at most all of it): ``_one_edit`` looks up the words differing before them."""
    return min(len(target), len(start) + 2)


def constant_score(node: qt.Node) -> bool:
    """Whether every match of the query scores the same (dates and annotation fields, ANDed
    or excluded): then ties are the whole ranking, ordered by article id."""
    if isinstance(node, qt.Or):
        return False
    if isinstance(node, qt.And):
        return all(constant_score(child) for child in node.children)
    if isinstance(node, qt.Not):
        return True
    if isinstance(node, qt.DateRange):
        return True
    return node.field in ANNOTATION_NAMES


def _fold(text: str) -> str:
    """Lower case and accents folded (as the analysers do), keeping * and ?."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()


def _one_swap(a: str, b: str) -> bool:
    """Two neighbouring letters swapped (a transposition counts as one edit)."""
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diffs) != 2 or diffs[1] != diffs[0] + 1:
        return False
    return a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` becomes ``b`` in at most ``limit`` edits (Levenshtein, bounded)."""
    if abs(len(a) - len(b)) > limit:
        return False
    if limit == 1 and len(a) == len(b):  # one substitution, or two neighbours swapped
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1 or _one_swap(a, b)
    if limit == 1:  # one letter more in the longer word
        short, long = (a, b) if len(a) < len(b) else (b, a)
        at = next(
            (i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short)
        )
        return short[at:] == long[at + 1 :]
    return levenshtein_within(a, b, limit)
