"""The tantivy implementation of the search engine (``SearchEngine``).

Two tantivy indexes, as the whoosh engine keeps them: the text index (filled by the text pass;
its ``exact`` field holds the words as written, so ``exact:`` works before any annotation) and,
beside it in ``<name>-annotations``, the annotation index (``person:`` … ``quote:`` and
quotation fingerprints). Queries are read once by ``core.search.query_tree`` (the one query
language) and translated (``translate``). No text is stored in either index: the metadata
store is the one home of article text, and snippets are made from it by the caller.
"""

from __future__ import annotations

import collections
import contextlib
import math
import os
import shutil
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path

import tantivy

from tuireader.core.annotate import pipeline
from tuireader.core.base.articles import Article
from tuireader.core.base.atomic import write_atomic
from tuireader.core.search import query_tree as qt
from tuireader.core.search.annotation_fields import ANNOTATION_FIELDS, quote_fingerprints
from tuireader.core.search.engine import (
    IndexStats,
    QueryError,
    Repair,
    SearchHit,
    SearchResults,
)
from tuireader.core.search.index_files import DamageCheck, find_damage, put_aside, record
from tuireader.core.search.tantivy import schema
from tuireader.core.search.tantivy.translate import Translation, constant_score, within_edits
from tuireader.core.search.tantivy.writing import (
    CHECKED,
    AnnotationWriter,
    TextWriter,
    WriterHold,
)

ORDERS = ("score", "newest", "oldest")
SUGGEST_WORDS = 6
SUGGEST_CHARS = 120
SHARED_QUOTE_SHARE = 0.5
SIMILAR_TERMS = 15


def annotation_dir(directory: Path) -> Path:
    return directory.with_name(f"{directory.name}-annotations")


class _Part:
    """One tantivy index in its folder, with the searcher of its latest commit."""

    def __init__(self, directory: Path | None, version: str, make_schema) -> None:
        """``directory`` None: an empty index in memory (standing in for a damaged one)."""
        self.directory = directory
        if directory is None:
            self.index = tantivy.Index(make_schema())
        else:
            self.index = self._open(directory, version, make_schema)
        schema.register(self.index)
        self.hold: WriterHold | None = None  # the writer kept between a pass's batches
        self._meta_stamp: int | None = None
        self._searcher: tantivy.Searcher | None = None
        self.memo: dict = {}  # what queries learnt of the searcher's words (``Translation``)

    @staticmethod
    def _open(directory: Path, version: str, make_schema) -> tantivy.Index:
        version_file = directory / "FORMAT"
        if directory.exists():
            stored = version_file.read_text().strip() if version_file.exists() else None
            if stored == version and tantivy.Index.exists(str(directory)):
                return tantivy.Index(make_schema(), path=str(directory), reuse=True)
            shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(make_schema(), path=str(directory), reuse=False)
        write_atomic(version_file, version)
        return index

    def searcher(self) -> tantivy.Searcher:
        """The searcher of the newest commit (looked for by ``meta.json``'s time)."""
        try:
            stamp = os.stat(self.directory / "meta.json").st_mtime_ns if self.directory else 0
        except OSError:
            stamp = None
        if self._searcher is None or stamp != self._meta_stamp:
            self.index.reload()
            self._searcher = self.index.searcher()
            self._meta_stamp = stamp
            self.memo = {}
        return self._searcher

    def writer_hold(self, directory: Path) -> WriterHold:
        """``directory``: where its files are noted (an index in memory has none of its own)."""
        if self.hold is None:
            self.hold = WriterHold(self.index, self.directory or directory)
        return self.hold

    def release(self) -> None:
        if self.hold is not None:
            self.hold.release()

    def forget(self) -> None:
        self._searcher = None
        self._meta_stamp = None
        self.memo = {}

    def size(self) -> int:
        if self.directory is None:
            return 0
        with os.scandir(self.directory) as entries:
            return sum(e.stat().st_size for e in entries if e.is_file())


class TantivyEngine:
    """A tantivy index in a folder of its own (and its annotation index beside it)."""

    def __init__(self, directory: Path, spec: str = "embedded", publish_lock=None) -> None:
        self.directory = directory
        self.spec = spec
        self.publish_lock = publish_lock
        self._lock = threading.RLock()
        self.damage: str | None = None
        self._damage_check = DamageCheck(
            (self.directory, annotation_dir(self.directory)), lambda: self.damaged_parts(full=True)
        )
        self._open_both()
        found = self.damaged_parts()
        if found:
            self.damage = "; ".join(found.values())

    def _open_both(self) -> None:
        """Both indexes; one that cannot be opened (damaged) is replaced by an empty one in
        memory, its reason kept for ``damaged_parts``, until it is set aside."""
        self._broken: dict[Path, str] = {}
        self._text = self._open_part(
            self.directory, f"tantivy-{schema.FORMAT_VERSION}", schema.text_schema
        )
        self._annotations = self._open_part(
            annotation_dir(self.directory),
            f"tantivy-{schema.ANNOTATION_FORMAT_VERSION} "
            f"annotator-{pipeline.ANNOTATOR_VERSION} {self.spec}",
            lambda: schema.annotation_schema(ANNOTATION_FIELDS),
        )

    def _open_part(self, directory: Path, version: str, make_schema) -> _Part:
        try:
            return _Part(directory, version, make_schema)
        except (ValueError, OSError) as exc:
            if isinstance(exc, OSError) and exc.errno in (13, 28, 30):
                raise
            self._broken[directory] = f"cannot be opened ({type(exc).__name__}: {exc})"[:300]
            return _Part(None, version, make_schema)

    def _parts(self) -> tuple[_Part, _Part]:
        return self._text, self._annotations

    # -- damage ----------------------------------------------------------------------------

    def damaged_parts(self, full: bool = False) -> dict[Path, str]:
        found: dict[Path, str] = {}
        for directory in (self.directory, annotation_dir(self.directory)):
            reason = self._broken.get(directory) or find_damage(directory, full)
            if reason is None:
                try:
                    part = self._text if directory == self.directory else self._annotations
                    part.forget()
                    part.searcher().search(tantivy.Query.all_query(), limit=1)
                except Exception as exc:  # noqa: BLE001 - tantivy raises ValueError and others
                    reason = f"cannot be opened ({type(exc).__name__}: {exc})"
            if reason is not None:
                found[directory] = f"{directory.name}: {reason}"
        return found

    def check_after_error(self) -> str | None:
        if self.damage is None:
            self.damage = self._damage_check.damage()
        return self.damage

    def set_aside_damaged(self, parts: Collection[Path]) -> list[Path]:
        with self._lock:
            self._close()
            kept = [put_aside(directory) for directory in parts if directory.exists()]
            self._open_both()
            self.damage = None
            self._damage_check.forget()
        return kept

    def record_files(self) -> None:
        for directory in (self.directory, annotation_dir(self.directory)):
            record(directory, CHECKED)

    # -- writing ---------------------------------------------------------------------------

    def doc_count(self) -> int:
        with self._lock:
            return self._text.searcher().num_docs

    def writer(self, parallel: bool = False) -> TextWriter:
        return TextWriter(self._text.writer_hold(self.directory), parallel, self.publish_lock)

    def annotation_writer(self, parallel: bool = False) -> AnnotationWriter:
        writer = AnnotationWriter(
            self._annotations.writer_hold(annotation_dir(self.directory)),
            parallel,
            self.publish_lock,
        )
        writer.spec = self.spec
        return writer

    def annotated(self) -> set[str]:
        with self._lock:
            searcher = self._annotations.searcher()
            if searcher.num_docs == 0:
                return set()
            return {
                term
                for term, count in searcher.terms_with_prefix(
                    "ident", "", filter_query=tantivy.Query.all_query()
                )
                if count
            }

    def stats(self) -> IndexStats:
        with self._lock:
            return IndexStats(
                self._text.searcher().num_docs,
                self._annotations.searcher().num_docs,
                self._text.size() + self._annotations.size(),
            )

    def repair(self, wanted: Mapping[str, int]) -> Repair:
        with self._lock:
            searcher = self._text.searcher()
            total = searcher.num_docs
            stale: list[tuple[str, int]] = []
            kept: set[int] = set()
            if total:
                hits = searcher.search(tantivy.Query.all_query(), limit=total, count=False).hits
                addresses = [address for _score, address in hits]
                aids = searcher.fast_field_values("aid", addresses)
                for address, aid in zip(addresses, aids, strict=True):
                    key = searcher.doc(address).get_first("key")
                    if key is None or wanted.get(key) != aid or aid in kept:
                        stale.append((key, aid))
                    else:
                        kept.add(aid)
        if stale:
            writer = self.writer()
            schema_ = self._text.index.schema
            for key, aid in stale:
                if key is None:
                    query = tantivy.Query.term_query(schema_, "aid", aid)
                else:
                    query = tantivy.Query.boolean_query(
                        [
                            (tantivy.Occur.Must, tantivy.Query.term_query(schema_, "key", key)),
                            (tantivy.Occur.Must, tantivy.Query.term_query(schema_, "aid", aid)),
                        ]
                    )
                    if wanted.get(key) == aid:  # a repeated article: none of it is kept
                        kept.discard(aid)
                writer.delete_query(query)
            writer.commit()
        return Repair(len(stale), frozenset(kept))

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        with self._lock:
            for part in self._parts():
                part.searcher()

    def check_query(self, query: str) -> None:
        qt.parse(query)

    def _annotation_ids(self, leaf: qt.Leaf) -> set[int]:
        searcher = self._annotations.searcher()
        translation = Translation(self._annotations.index.schema, searcher, None)
        query = translation.query(leaf)
        return set(_all_ids(searcher, query))

    def search(
        self,
        query: str,
        limit: int = 1000,
        count: bool = True,
        within: Collection[int] | None = None,
        cancelled: Callable[[], bool] | None = None,
        offset: int = 0,
        order: str = "score",
    ) -> SearchResults:
        if order not in ORDERS:
            raise ValueError(f"unknown order: {order}")
        node = qt.parse(query)
        _check(cancelled)
        with self._lock:
            _check(cancelled)
            searcher = self._text.searcher()
            translation = Translation(
                self._text.index.schema, searcher, self._annotation_ids, self._text.memo
            )
            try:
                built = translation.query(node)
                if within is not None:
                    allowed = tantivy.Query.term_set_query(
                        self._text.index.schema, "aid", sorted(within)
                    )
                    built = tantivy.Query.boolean_query(
                        [
                            (tantivy.Occur.Must, built),
                            (tantivy.Occur.Must, tantivy.Query.const_score_query(allowed, 0.0)),
                        ]
                    )
                if order == "score" and constant_score(node):
                    hits, total = _by_date(searcher, built, offset, limit, "id")
                elif order == "score":
                    hits, total = _ranked(searcher, built, offset, limit)
                else:
                    hits, total = _by_date(searcher, built, offset, limit, order)
            except (ValueError, OverflowError) as exc:
                raise QueryError(f"Cannot run the query: {exc}") from exc
        _check(cancelled)
        terms = frozenset(translation.terms)
        return SearchResults(
            query=query,
            hits=hits,
            total=total,
            terms=terms,
            title_terms=terms | frozenset(translation.title_terms),
        )

    def suggest(self, query: str) -> str | None:
        text = query.strip()
        if len(text.split()) > SUGGEST_WORDS or len(text) > SUGGEST_CHARS:
            return None
        try:
            node = qt.parse(text)
            if not qt.is_plain(node):
                return None
            with self._lock:
                return self._suggest(text, node)
        except Exception:  # noqa: BLE001 (a suggestion is a nicety, never an error)
            return None

    def _suggest(self, text: str, node: qt.Node) -> str | None:
        searcher = self._text.searcher()
        changed = text
        for leaf, _negated in qt.leaves(node):
            if not isinstance(leaf, qt.Word):
                continue
            folded, stem = schema.forms(leaf.text)
            if not stem or searcher.doc_freq("body", stem) or searcher.doc_freq("title", stem):
                continue
            edits = 1 if len(folded) <= 4 else 2
            best = max(
                (
                    (count, term)
                    for term, count in searcher.terms_with_prefix("exact", folded[:1])
                    if count and within_edits(folded, term, edits)
                ),
                default=None,
            )
            if best is not None:
                changed = changed.replace(leaf.text, best[1], 1)
        return changed if changed != text else None

    def similar(
        self, article: Article, limit: int = 10, within: Collection[int] | None = None
    ) -> list[SearchHit]:
        with self._lock:
            searcher = self._text.searcher()
            index_schema = self._text.index.schema
            total = max(searcher.num_docs, 1)
            counts = collections.Counter(schema.analyzer(schema.NEWS).analyze(article.body))
            weighted = []
            for term, tf in counts.items():
                df = searcher.doc_freq("body", term)
                if df and len(term) > 1:
                    weighted.append((tf * math.log(1 + total / df), term))
            weighted.sort(reverse=True)
            terms = [term for _weight, term in weighted[:SIMILAR_TERMS]]
            if not terms:
                return []
            shared = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Should, tantivy.Query.term_query(index_schema, "body", term))
                    for term in terms
                ]
            )
            clauses = [
                (tantivy.Occur.Must, shared),
                (tantivy.Occur.MustNot, tantivy.Query.term_query(index_schema, "key", article.key)),
            ]
            if within is not None:
                allowed = tantivy.Query.term_set_query(index_schema, "aid", sorted(within))
                clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(allowed, 0.0)))
            hits, _total = _ranked(searcher, tantivy.Query.boolean_query(clauses), 0, limit)
            return hits

    def articles_quoting(
        self, quote_text: str, exclude_id: int | None = None, limit: int = 50
    ) -> list[tuple[int, float]]:
        prints = quote_fingerprints(quote_text)
        if not prints:
            return []
        with self._lock:
            searcher = self._annotations.searcher()
            index_schema = self._annotations.index.schema
            shared: collections.Counter[int] = collections.Counter()
            for fingerprint in prints:
                query = tantivy.Query.term_query(index_schema, "quotefp", fingerprint)
                shared.update(set(_all_ids(searcher, query)))
        found = [
            (article_id, n / len(prints))
            for article_id, n in shared.items()
            if article_id != exclude_id and n / len(prints) >= SHARED_QUOTE_SHARE
        ]
        found.sort(key=lambda pair: (-pair[1], pair[0]))
        return found[:limit]

    def term_counts(self, field: str) -> dict[str, int]:
        """Every indexed term of a text-index field with its document frequency (for
        benchmarks and tools that pick words from the index)."""
        with self._lock:
            searcher = self._text.searcher()
            return dict(searcher.terms_with_prefix(field, ""))

    def match_spans(self, terms: Iterable[str], text: str) -> list[tuple[int, int]]:
        return schema.find_terms(text, terms)

    # -- closing ---------------------------------------------------------------------------

    def _close(self) -> None:
        for part in (self._text, self._annotations):
            if part is not None:
                part.release()
        self._text = self._annotations = None  # type: ignore[assignment]
        self._broken = {}

    def clear(self) -> None:
        with self._lock:
            self._close()
            shutil.rmtree(self.directory, ignore_errors=True)
            shutil.rmtree(annotation_dir(self.directory), ignore_errors=True)
            self._open_both()
            self.damage = None

    def close(self) -> None:
        with self._lock, contextlib.suppress(Exception):
            self._close()


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise QueryError("The search was stopped for a newer one.")


def _all_ids(searcher: tantivy.Searcher, query: tantivy.Query) -> list[int]:
    """The article id of every document matching ``query``."""
    total = searcher.num_docs
    if not total:
        return []
    hits = searcher.search(query, limit=total, count=False).hits
    if not hits:
        return []
    return searcher.fast_field_values("aid", [address for _score, address in hits])


def _ranked(
    searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int
) -> tuple[list[SearchHit], int]:
    """Hits ``offset`` to ``offset + limit`` by score, equal scores by article id (tantivy
    breaks ties by document address: hits tied with the last one are fetched too)."""
    want = max(offset + limit, 1)
    fetch = want + 32
    while True:
        result = searcher.search(query, limit=fetch, count=True)
        hits = result.hits
        if len(hits) < fetch or hits[want - 1][0] > hits[-1][0]:
            break
        fetch = fetch * 2 + 64
    if not hits:
        return [], result.count
    aids = searcher.fast_field_values("aid", [address for _score, address in hits])
    ranked = sorted(zip(hits, aids, strict=True), key=lambda pair: (-pair[0][0], pair[1]))
    page = ranked[offset : offset + limit] if limit > 0 else []
    return [SearchHit(int(aid), float(hit[0])) for hit, aid in page], result.count


def _by_date(
    searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int, order: str
) -> tuple[list[SearchHit], int]:
    """Hits by date (the sort keys carry the article id: ties are ordered by it), or
    (``order`` "id") by article id alone."""
    field, direction = {
        "newest": ("newest", tantivy.Order.Desc),
        "oldest": ("oldest", tantivy.Order.Asc),
        "id": ("aid", tantivy.Order.Asc),
    }[order]
    result = searcher.search(
        query, limit=max(limit, 1), count=True, order_by_field=field, offset=offset, order=direction
    )
    hits = result.hits[:limit] if limit > 0 else []
    if not hits:
        return [], result.count
    aids = searcher.fast_field_values("aid", [address for _key, address in hits])
    score = 1.0 if order == "id" else 0.0  # every match alike, or ordered by date
    return [SearchHit(int(aid), score) for aid in aids], result.count
