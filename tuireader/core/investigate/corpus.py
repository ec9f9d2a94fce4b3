"""The corpus's entities in memory: per article its canonical entities and speakers, with
totals, built once from the store's compact rows (and again when the store changes).

Counting a list's entities is then one C-level count over small tuples of integers: the
whole list uses the totals kept here, a result list counts its own articles.
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from tuireader.core.investigate.merge import case_variants, merge_map
from tuireader.core.investigate.rows import TYPES


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity of a list: its canonical name, type, the list's articles naming it, its
    mentions in the whole corpus and the other names it goes by."""

    name: str
    type: str
    articles: int
    mentions: int | None  # None: not counted
    aliases: tuple[str, ...]

    def to_dict(self) -> dict:
        found = {"name": self.name, "type": self.type, "articles": self.articles}
        if self.mentions is not None:
            found["mentions"] = self.mentions
        found["aliases"] = list(self.aliases)
        return found


def _pairs(blob: bytes) -> array:
    found = array("i")
    found.frombytes(blob)
    return found


class EntityIndex:
    """Canonical entities and speakers of every article with an entity row."""

    def __init__(
        self,
        names: Iterable[tuple[int, int, str]],
        rows: Iterable[tuple[int, bytes, bytes, bytes]],
    ) -> None:
        self.name: dict[int, str] = {}
        self.kind: dict[int, int] = {}
        for name_id, kind, name in names:
            self.name[name_id] = name
            self.kind[name_id] = kind
        rows = list(rows)
        acronyms: list[tuple[int, int]] = []
        for _id, _e, _s, blob in rows:
            if blob:
                pairs = _pairs(blob)
                acronyms.extend(zip(pairs[::2], pairs[1::2], strict=True))
        # every article's pairs read in one array, each article's ids a slice of it (no copy)
        every = array("i")
        every.frombytes(b"".join(row[1] for row in rows))
        typed = {i: (self.kind[i], self.name[i]) for i in self.name}
        variants = set(chain.from_iterable(case_variants(typed)))
        # an article names an id once: its count in the pairs is its articles
        written = Counter(filter(variants.__contains__, every[::2])) if variants else None
        joined = merge_map(typed, acronyms, written)
        self.canonical = joined  # name id -> the id it joins (only those that join)
        # per article its canonical entity ids (an array: C-level counting); most articles
        # name no merged alias and keep their ids as stored
        self.entities: dict[int, Sequence[int]] = {}  # arrays or memoryview slices
        self.speakers: dict[int, array] = {}  # (speaker id, quotations) pairs as stored
        self._blobs: dict[int, bytes] = {}  # the stored (id, mentions) pairs, for mentions
        merged = set(joined)
        get = joined.get
        entities, speakers, blobs = self.entities, self.speakers, self._blobs
        view = memoryview(every)
        start = 0
        for article_id, entity_blob, speaker_blob, _acronyms in rows:
            end = start + len(entity_blob) // 4
            ids = view[start:end:2]
            start = end
            if merged and not merged.isdisjoint(ids):
                ids = array("i", {get(i, i) for i in ids})
            entities[article_id] = ids
            blobs[article_id] = entity_blob
            if speaker_blob:
                speakers[article_id] = _pairs(speaker_blob)
        aliases: dict[int, list[str]] = defaultdict(list)
        for name_id, target in joined.items():
            aliases[target].append(self.name[name_id])
        self.aliases = {target: tuple(sorted(set(names))) for target, names in aliases.items()}
        self.totals: Counter[int] = Counter(chain.from_iterable(entities.values()))
        self._mentions: Counter[int] | None = None
        self._postings: dict[int, list[int]] | None = None
        self._by_name: dict[str, list[int]] | None = None
        self._quoting: dict[int, list[int]] | None = None

    @property
    def mentions(self) -> Counter[int]:
        """Canonical id -> mentions in the whole corpus (counted on first use)."""
        if self._mentions is None:
            mentions: Counter[int] = Counter()
            get = self.canonical.get
            for blob in self._blobs.values():
                pairs = _pairs(blob)
                for name_id, count in zip(pairs[::2], pairs[1::2], strict=True):
                    mentions[get(name_id, name_id)] += count
            self._mentions = mentions
        return self._mentions

    # -- names ---------------------------------------------------------------------------

    def find(self, name: str) -> list[int]:
        """The canonical ids a name (or an alias) stands for, most articles first; matched
        whole, case-insensitively, failing that as the last words of names."""
        if self._by_name is None:
            self._by_name = defaultdict(list)
            for name_id, text in self.name.items():
                self._by_name[text.casefold()].append(self.canonical.get(name_id, name_id))
        found = {i for i in self._by_name.get(name.strip().casefold(), [])}
        if not found:  # "Putin": the names whose last words these are ("Vladimir Putin")
            words = name.casefold().split()
            for text, ids in self._by_name.items() if words else ():
                if text.split()[-len(words) :] == words:
                    found.update(ids)
        return sorted(found, key=lambda i: (-self.totals.get(i, 0), i))

    def type_of(self, name_id: int) -> str:
        return TYPES[self.kind[name_id]] if self.kind[name_id] < len(TYPES) else "misc"

    def count(self, name_id: int, articles: int, mentions: bool = True) -> EntityCount:
        """The entity as listed; ``mentions`` False: not counted (the reader shows article
        counts only; counting mentions reads every article's row once)."""
        return EntityCount(
            self.name[name_id],
            self.type_of(name_id),
            articles,
            self.mentions.get(name_id, 0) if mentions else None,
            self.aliases.get(name_id, ()),
        )

    # -- lists ---------------------------------------------------------------------------

    def article_counts(self, ids: Sequence[int] | None) -> Counter[int]:
        """Canonical entity id -> articles of ``ids`` naming it (None: the whole corpus)."""
        if ids is None:
            return self.totals
        entities = self.entities
        return Counter(chain.from_iterable(entities.get(i, ()) for i in ids))

    def facets(
        self,
        ids: Sequence[int] | None,
        kind: str | None = None,
        limit: int | None = None,
        mentions: bool = True,
    ) -> list[EntityCount]:
        """The entities of a list, most articles first (ties by name); ``kind``: one type."""
        counts = self.article_counts(ids)
        wanted = None if kind is None else TYPES.index(kind)
        name, kinds = self.name, self.kind
        pairs = ((n, i) for i, n in counts.items() if wanted is None or kinds[i] == wanted)
        if limit is None:
            ranked = sorted(pairs, key=lambda pair: (-pair[0], name[pair[1]]))
        else:
            ranked = heapq.nsmallest(limit, pairs, key=lambda pair: (-pair[0], name[pair[1]]))
        return [self.count(i, n, mentions) for n, i in ranked]

    def postings(self) -> dict[int, list[int]]:
        """Canonical entity id -> the articles naming it (made once, on first use)."""
        if self._postings is None:
            postings: dict[int, list[int]] = defaultdict(list)
            for article_id, entity_ids in self.entities.items():
                for name_id in entity_ids:
                    postings[name_id].append(article_id)
            self._postings = dict(postings)
        return self._postings

    def articles_with(self, name_ids: Iterable[int]) -> set[int]:
        """The articles naming any of these entities."""
        postings = self.postings()
        found: set[int] = set()
        for name_id in name_ids:
            found.update(postings.get(name_id, ()))
        return found

    def speaker_counts(self, ids: Sequence[int] | None) -> Counter[int]:
        """Speaker id -> quotations in the articles of ``ids`` (None: all)."""
        counts: Counter[int] = Counter()
        keys = self.speakers.keys() if ids is None else ids
        speakers, get = self.speakers, self.canonical.get
        for article_id in keys:
            pairs = speakers.get(article_id)
            if pairs:
                for speaker, n in zip(pairs[::2], pairs[1::2], strict=True):
                    counts[get(speaker, speaker)] += n
        return counts

    def articles_quoting(self, speaker_ids: Iterable[int], ids: Sequence[int] | None) -> list[int]:
        """The articles (of ``ids``; None: all) with quotations by these speakers (or by the
        names merged into them)."""
        wanted = set(speaker_ids)
        wanted.update(i for i, target in self.canonical.items() if target in wanted)
        if self._quoting is None:  # speaker id -> the articles quoting it, made once
            quoting: dict[int, list[int]] = defaultdict(list)
            for article_id, pairs in self.speakers.items():
                for speaker in pairs[::2]:
                    quoting[speaker].append(article_id)
            self._quoting = dict(quoting)
        found: set[int] = set()
        for speaker in wanted:
            found.update(self._quoting.get(speaker, ()))
        if ids is None:
            return sorted(found)
        return [i for i in ids if i in found]

    def ready_for_quotes(self) -> None:
        """Make what choosing a speaker needs (the articles quoting each, the names to find
        them by) while the speakers are listed, so that the first speaker's quotations come
        as fast as the next ones (tens of ms at 100k articles)."""
        self.articles_quoting((), None)
        self.find("")

    def speaker_ids(self, name: str) -> set[int]:
        """The speaker ids a name stands for (itself, its aliases, what it joins, or the
        names it ends: "Peskov", "Dmitry Peskov")."""
        return set(self.find(name))
