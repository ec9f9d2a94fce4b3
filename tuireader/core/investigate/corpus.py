"""The corpus's entities in memory: per article its canonical entities and speakers, with
totals, built once from the store's compact rows (and again when the store changes).

Counting a list's entities is then one C-level count over small tuples of integers: the
whole list uses the totals kept here, a result list counts its own articles.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from tuireader.core.investigate.merge import merge_map
from tuireader.core.investigate.rows import TYPES


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity of a list: its canonical name, type, the list's articles naming it, its
    mentions in the whole corpus and the other names it goes by."""

    name: str
    type: str
    articles: int
    mentions: int
    aliases: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "type": self.type,
            "articles": self.articles,
            "mentions": self.mentions,
            "aliases": list(self.aliases),
        }


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
        joined = merge_map({i: (self.kind[i], self.name[i]) for i in self.name}, acronyms)
        self.canonical = joined  # name id -> the id it joins (only those that join)
        self.entities: dict[int, tuple[int, ...]] = {}
        self.speakers: dict[int, tuple[int, ...]] = {}
        self.quote_counts: dict[int, tuple[int, ...]] = {}
        mentions: Counter[int] = Counter()
        aliases: dict[int, set[str]] = defaultdict(set)
        get = joined.get
        for article_id, entity_blob, speaker_blob, _acronyms in rows:
            pairs = _pairs(entity_blob)
            ids = pairs[::2]
            counts = pairs[1::2]
            canon = [get(i, i) for i in ids]
            for raw, target, count in zip(ids, canon, counts, strict=True):
                mentions[target] += count
                if raw != target:
                    aliases[target].add(self.name[raw])
            self.entities[article_id] = tuple(set(canon))
            if speaker_blob:
                pairs = _pairs(speaker_blob)
                self.speakers[article_id] = tuple(get(i, i) for i in pairs[::2])
                self.quote_counts[article_id] = tuple(pairs[1::2])
        self.mentions = mentions
        self.aliases = {target: tuple(sorted(names)) for target, names in aliases.items()}
        self.totals: Counter[int] = Counter(chain.from_iterable(self.entities.values()))
        self._postings: dict[int, list[int]] | None = None
        self._by_name: dict[str, list[int]] | None = None

    # -- names ---------------------------------------------------------------------------

    def find(self, name: str) -> list[int]:
        """The canonical ids a name (or an alias) stands for, most articles first; matched
        whole, case-insensitively."""
        if self._by_name is None:
            self._by_name = defaultdict(list)
            for name_id, text in self.name.items():
                self._by_name[text.casefold()].append(self.canonical.get(name_id, name_id))
        found = {i for i in self._by_name.get(name.strip().casefold(), [])}
        return sorted(found, key=lambda i: (-self.totals.get(i, 0), i))

    def type_of(self, name_id: int) -> str:
        return TYPES[self.kind[name_id]] if self.kind[name_id] < len(TYPES) else "misc"

    def count(self, name_id: int, articles: int) -> EntityCount:
        return EntityCount(
            self.name[name_id],
            self.type_of(name_id),
            articles,
            self.mentions.get(name_id, 0),
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
        self, ids: Sequence[int] | None, kind: str | None = None, limit: int | None = None
    ) -> list[EntityCount]:
        """The entities of a list, most articles first (ties by name); ``kind``: one type."""
        counts = self.article_counts(ids)
        wanted = None if kind is None else TYPES.index(kind)
        ranked = sorted(
            ((n, i) for i, n in counts.items() if wanted is None or self.kind[i] == wanted),
            key=lambda pair: (-pair[0], self.name[pair[1]]),
        )
        if limit is not None:
            ranked = ranked[:limit]
        return [self.count(i, n) for n, i in ranked]

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
        speakers, quotes = self.speakers, self.quote_counts
        for article_id in keys:
            who = speakers.get(article_id)
            if who:
                for speaker, n in zip(who, quotes[article_id], strict=True):
                    counts[speaker] += n
        return counts

    def articles_quoting(self, speaker_ids: Iterable[int], ids: Sequence[int] | None) -> list[int]:
        """The articles (of ``ids``; None: all) with quotations by these speakers."""
        wanted = set(speaker_ids)
        keys = self.speakers.keys() if ids is None else ids
        return [i for i in keys if wanted.intersection(self.speakers.get(i, ()))]

    def speaker_ids(self, name: str) -> set[int]:
        """The speaker ids a name stands for (itself, its aliases, what it joins); failing
        that, every name whose last words are these ("Peskov": "Dmitry Peskov")."""
        found = set(self.find(name))
        if found:
            return found
        words = name.casefold().split()
        if not words:
            return set()
        for name_id, text in self.name.items():
            if text.casefold().split()[-len(words) :] == words:
                found.add(self.canonical.get(name_id, name_id))
        return found
