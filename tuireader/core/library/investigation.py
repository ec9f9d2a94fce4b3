"""The door to investigating a corpus as a whole: its entities (facets), who said what, who
appears with whom, when, and the co-occurrence graph. ``Library.investigation`` is one.

The list investigated is given as article ids (None: every article); ``list_ids`` makes them
from a query and the source/date filters the way the list pane does. The entity table is read
from the store once and again after any commit (``EntityIndex``); everything else is computed
from it in memory.
"""

from __future__ import annotations

import gc
import threading
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.entity_table import QUOTE_FIELDS, joined_hash, joined_quotes
from tuireader.core.cache.store import ArticleRow
from tuireader.core.investigate.cooccur import neighbours
from tuireader.core.investigate.corpus import EntityCount, EntityIndex
from tuireader.core.investigate.naming import speaker_name
from tuireader.core.investigate.quotes import GroupedQuote, QuoteSite, group_quotes, group_sites
from tuireader.core.investigate.rows import ROWS_VERSION
from tuireader.core.investigate.timeline import Period, timeline
from tuireader.core.search.meta_filter import MetaFilter


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    """An entity appearing with the one asked about: both counts and the ranking measure."""

    entity: EntityCount
    shared: int
    g2: float

    def to_dict(self) -> dict:
        return dict(self.entity.to_dict(), shared=self.shared, g2=round(self.g2, 2))


@dataclass(frozen=True, slots=True)
class EntityScope:
    """The articles naming all of ``names``, found each time the filter is applied."""

    investigation: Investigation
    names: tuple[str, ...]

    def ids(self) -> set[int]:
        return self.investigation.articles_naming(self.names)


# Articles whose texts are read at once for their quotations' texts.
_TEXTS_AT_ONCE = 512


class Investigation:
    """Whole-corpus views over one Library; thread-safe (UI workers call it)."""

    def __init__(self, library: Any) -> None:  # the Library (which makes one: no cycle)
        self.library = library
        self._lock = threading.Lock()
        self._index: EntityIndex | None = None
        self._generation: int | None = None

    # -- the list and the table ----------------------------------------------------------

    def list_ids(
        self, query: str = "", narrow: MetaFilter | None = None, entities: Sequence[str] = ()
    ) -> list[int] | None:
        """The articles of a list: a query's matches (every one), else every article, under
        the filters and entity names (AND); None: the whole corpus unfiltered."""
        query = query.strip()
        if query:
            ids = self.library.search(query, narrow=narrow, limit=None, count=False).ids
        elif (narrow is None or narrow.empty) and not entities:
            return None
        else:
            ids = self.library.ordered_ids(narrow)
        if entities:
            ids = self.with_entities(ids, entities)
        return ids

    def with_entities(self, ids: Sequence[int], names: Sequence[str]) -> list[int]:
        """Those of ``ids`` naming every one of ``names``, in their order."""
        keep = self.articles_naming(names)
        return [i for i in ids if i in keep]

    def articles_naming(self, names: Sequence[str]) -> set[int]:
        """The articles naming every one of ``names`` (or their aliases), as the entity table
        has them now."""
        index = self.index()
        keep: set[int] | None = None
        for name in names:
            found = index.articles_with(index.find(name))
            keep = found if keep is None else keep & found
        return keep or set()

    def scope(self, names: Sequence[str]) -> EntityScope:
        """An entity filter's articles for ``MetaFilter.within``: found when the filter is
        applied, not when it is set (a later sync's articles naming them are in it)."""
        return EntityScope(self, tuple(names))

    def index(self) -> EntityIndex:
        """The entity table in memory, read again when the store has changed."""
        with self._lock, self.library.connection() as store:
            generation = store.entity_changes()
            if self._index is None or generation != self._generation:
                self._index = EntityIndex(store.entity_names(), store.entity_rows())
                self._generation = generation
            return self._index

    # -- views -----------------------------------------------------------------------------

    def entities(
        self,
        ids: Sequence[int] | None = None,
        kind: str | None = None,
        limit: int | None = None,
        containing: str = "",
        mentions: bool = True,
    ) -> list[EntityCount]:
        """The list's entities (facets), most articles first; ``containing``: names (or
        aliases) with this text, case-insensitive; ``mentions`` False: not counted."""
        index = self.index()
        found = index.facets(ids, kind, None if containing else limit, mentions)
        if containing:
            needle = containing.casefold()
            found = [
                e
                for e in found
                if needle in e.name.casefold() or any(needle in a.casefold() for a in e.aliases)
            ][:limit]
        return found

    def speakers(self, ids: Sequence[int] | None = None) -> list[tuple[str, int]]:
        """(speaker, quotations) of the list, most quotations first."""
        index = self.index()
        counts = index.speaker_counts(ids)
        index.ready_for_quotes()
        return sorted(((index.name[i], n) for i, n in counts.items()), key=lambda p: (-p[1], p[0]))

    def quotes(
        self, ids: Sequence[int] | None = None, speaker: str | None = None, texts: bool = True
    ) -> list[GroupedQuote]:
        """Every quotation of the list (of one speaker: a name or an alias), each once with
        the articles carrying it, earliest first. Read from the quotation rows the annotation
        pass keeps (``quotations``: speaker, offsets, words hash): no article's annotations
        are decoded. A quotation's text is sliced from the text of the first article found
        naming its speaker (``quote_texts``); ``texts`` False leaves every text None, for a
        view to read only those it shows: reading the quoted articles' texts is most of the
        time of a busy speaker's list (benchmarks/README.md, who34).

        The garbage collector is held off meanwhile: the thousands of small objects made
        here set off full collections over the entity table in memory, which took half the
        time at 100k articles (benchmarks/README.md)."""
        index = self.index()
        collecting = gc.isenabled()
        gc.disable()
        try:
            found = self._quotes(index, ids, speaker)
        finally:
            if collecting:
                gc.enable()
        if texts:
            self.quote_texts(found)
        return found

    def quotes_as_read(
        self, ids: Sequence[int] | None = None, speaker: str | None = None, chunk: int = 256
    ) -> Iterator[GroupedQuote]:
        """``quotes(ids, speaker)``, their texts read ``chunk`` quotations at a time as they
        are taken: the first come before every quoted article is read (``tuireader quotes``
        prints them meanwhile)."""
        found = self.quotes(ids, speaker, texts=False)
        for start in range(0, len(found), chunk):
            part = found[start : start + chunk]
            self.quote_texts(part)
            yield from part

    def quote_texts(self, quotes: Iterable[GroupedQuote]) -> None:
        """Give each of these quotations whose text is not read yet (None) its text, sliced
        from its article's text (``GroupedQuote.said``): the store's (else the corpus
        file's), each article read once, a few hundred at a time; "" when the article cannot
        be read (deleted since, a vanished file)."""
        by_article: dict[int, list[GroupedQuote]] = {}
        for quote in quotes:
            if quote.text is None:
                by_article.setdefault((quote.said or quote.first).article_id, []).append(quote)
        if not by_article:
            return
        ids = sorted(by_article)
        with self.library.connection() as store:
            for start in range(0, len(ids), _TEXTS_AT_ONCE):
                chunk = ids[start : start + _TEXTS_AT_ONCE]
                rows, bodies = Corpus.rows_and_bodies(store, chunk)  # the corpus's if not kept
                for article_id in chunk:
                    row, body = rows.get(article_id), bodies.get(article_id, "")
                    for quote in by_article[article_id]:
                        site = quote.said or quote.first
                        quote.text = _quoted(row, body, site.start, site.end)

    def _quotes(
        self, index: EntityIndex, ids: Sequence[int] | None, speaker: str | None
    ) -> list[GroupedQuote]:
        if speaker is not None:
            wanted = index.speaker_ids(speaker)
            wanted.update(i for i, target in index.canonical.items() if target in wanted)
            articles = index.articles_quoting(wanted, ids)
        else:
            wanted = None
            articles = list(index.entities) if ids is None else list(ids)
        with self.library.connection() as store:
            stored = None
            if store.entity_rows_version() == ROWS_VERSION:
                stored = store.quote_rows(articles)
        if stored is None:  # rows made before quotations were kept (a read-only store)
            return self._quotes_from_annotations(index, articles, wanted)
        canonical, name = index.canonical.get, index.name
        names: dict[int, str] = {0: ""}  # speaker id -> its canonical name
        # Every article's rows in one array, looked at a column at a time: only the wanted
        # speakers' rows (and the unnamed ones) are made into anything.
        values, ends = joined_quotes([row[-1] for row in stored])
        speakers = values[0::QUOTE_FIELDS]
        starts = values[1::QUOTE_FIELDS]
        stops = values[2::QUOTE_FIELDS]
        lows = values[3::QUOTE_FIELDS]  # the words hash's halves (pack_quotes)
        highs = values[4::QUOTE_FIELDS]
        if wanted is None:
            rows = [i for i, speaker_id in enumerate(speakers) if speaker_id]
        else:
            rows = [i for i, speaker_id in enumerate(speakers) if speaker_id in wanted]
        found: list[tuple[str, int, str | None, QuoteSite]] = []
        named: set[int] = set()  # the words quoted by a wanted speaker
        for i in rows:
            words = joined_hash(lows[i], highs[i])
            named.add(words)
            speaker_id = speakers[i]
            who = names.get(speaker_id)
            if who is None:
                who = names[speaker_id] = name[canonical(speaker_id, speaker_id)]
            site = QuoteSite(*stored[bisect_right(ends, i)][:7], starts[i], stops[i])
            found.append((who, words, None, site))
        # An unnamed quotation joins only a wanted speaker's of the same words (group_sites):
        # the others are never made.
        for i, speaker_id in enumerate(speakers):
            if not speaker_id and (words := joined_hash(lows[i], highs[i])) in named:
                site = QuoteSite(*stored[bisect_right(ends, i)][:7], starts[i], stops[i])
                found.append(("", words, None, site))
        return group_sites(found)

    def _quotes_from_annotations(
        self, index: EntityIndex, articles: list[int], wanted: set[int] | None
    ) -> list[GroupedQuote]:
        """``quotes`` from each article's kept annotations (a store without quotation rows)."""
        found: list[tuple[str, str, QuoteSite]] = []
        with self.library.connection() as store:
            rows = store.rows(articles)
        for article_id in articles:
            row = rows.get(article_id)
            if row is None:
                continue
            for quote in self.library.annotations_of(article_id).quotes:
                who = speaker_name(quote.speaker_name)
                name_ids = index.find(who) if who else []
                if who and wanted is not None and not wanted.intersection(name_ids):
                    continue
                # Unnamed here: kept to join the same words named elsewhere (group_quotes).
                canonical = index.name[name_ids[0]] if name_ids else who
                site = _site(article_id, row, quote.start, quote.end)
                found.append((canonical, quote.text, site))
        return group_quotes(found)

    def cooccurring(
        self,
        name: str,
        ids: Sequence[int] | None = None,
        min_count: int = 2,
        limit: int | None = 50,
        mentions: bool = True,
    ) -> list[Cooccurrence]:
        """The entities sharing most articles with ``name`` in the list, ranked by G²
        (see ``investigate.cooccur``); [] for a name the corpus does not have."""
        index = self.index()
        targets = set(index.find(name)[:1])
        if not targets:
            return []
        scope = list(index.entities) if ids is None else ids
        mine = [i for i in scope if targets.intersection(index.entities.get(i, ()))]
        shared: Counter[int] = Counter()
        shared.update(chain.from_iterable(index.entities[i] for i in mine))
        for target in targets:
            shared.pop(target, None)
        counts = index.article_counts(None if ids is None else ids)
        ranked = neighbours(shared, counts, len(mine), len(scope), min_count, limit)
        return [Cooccurrence(index.count(n.name_id, n.articles), n.shared, n.g2) for n in ranked]

    def timeline(self, ids: Sequence[int] | None = None, by: str = "day") -> list[Period]:
        """Articles of the list per day, week or month (undated ones left out)."""
        with self.library.connection() as store:
            dated = store.dated()
        if ids is not None:
            wanted = set(ids)
            dated = [pair for pair in dated if pair[0] in wanted]
        return timeline((ts for _id, ts in dated), by)

    def graph(
        self, ids: Sequence[int] | None = None, min_count: int = 2, most: int = 500
    ) -> tuple[list[EntityCount], list[tuple[str, str, int]]]:
        """The co-occurrence graph of the list's ``most`` commonest entities: nodes, and
        edges (name, name, shared articles) of pairs sharing at least ``min_count``."""
        index = self.index()
        nodes = index.facets(ids, None, most, mentions=False)
        wanted = {index.find(node.name)[0]: node for node in nodes if index.find(node.name)}
        pairs: Counter[tuple[int, int]] = Counter()
        scope = index.entities.keys() if ids is None else ids
        for article_id in scope:
            present = sorted(i for i in index.entities.get(article_id, ()) if i in wanted)
            for a in range(len(present)):
                for b in range(a + 1, len(present)):
                    pairs[present[a], present[b]] += 1
        edges = [
            (wanted[a].name, wanted[b].name, n) for (a, b), n in pairs.items() if n >= min_count
        ]
        edges.sort(key=lambda e: (-e[2], e[0], e[1]))
        return nodes, edges


def _quoted(row: ArticleRow | None, body: str, start: int, end: int) -> str:
    """A quotation's text from its article's body, its offsets being into the full text
    (title, blank line, body); "" for an article gone since."""
    if row is None:
        return ""
    offset = len(row.title) + 2 if row.has_headline and row.title else 0
    if start >= offset:  # in the body (the title's rarely quoted)
        return body[start - offset : end - offset]
    return f"{row.title}\n\n{body}"[start:end]


def _site(article_id: int, row: ArticleRow, start: int, end: int) -> QuoteSite:
    return QuoteSite(
        article_id, row.key, row.title, row.source, row.date_ts, row.date_text, row.url, start, end
    )
