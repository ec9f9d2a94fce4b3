"""Grouping a list's near-duplicates (the wire story run by several outlets) so that the list
shows each story once, with a count.

The annotation pass finds the near-duplicate pairs of the corpus (core/cache/duplicate_table):
``groups_of_pairs`` joins those within a list, a lookup even for every article of a large
corpus. Before that pass (or in an older store), ``near_duplicate_groups`` compares the texts
of a list: comparing every pair is quadratic; instead each text is bucketed under its few
lowest word-run hashes (texts sharing most of their runs share their lowest ones), and only
texts meeting in a bucket are compared (``shared_share``), then joined into groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from tuireader.core.investigate.near_duplicates import is_near_duplicate, shared_share, shingles

BUCKETS = 4  # lowest hashes a text is bucketed under


def near_duplicate_groups(ids: Sequence[int], texts: Mapping[int, str]) -> list[list[int]]:
    """The groups of two or more near-duplicates among ``ids``, each in the list's order
    (its first article leads); an article is in one group at most."""
    runs = {i: shingles(texts[i]) for i in ids if i in texts}
    buckets: dict[int, list[int]] = defaultdict(list)
    for article_id, found in runs.items():
        for value in sorted(found)[:BUCKETS]:
            buckets[value].append(article_id)
    parent = {i: i for i in runs}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    compared: set[tuple[int, int]] = set()
    for members in buckets.values():
        for a_index, a in enumerate(members):
            for b in members[a_index + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in compared or root(a) == root(b):
                    continue
                compared.add(pair)
                if is_near_duplicate(shared_share(runs[a], runs[b])):
                    parent[root(b)] = root(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for article_id in ids:
        if article_id in parent:
            groups[root(article_id)].append(article_id)
    return [members for members in groups.values() if len(members) > 1]


def groups_of_pairs(ids: Sequence[int], pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups of two or more articles of ``ids`` joined by near-duplicate ``pairs`` (both
    in the list), each in the list's order (its first article leads), in the order of their
    leaders."""
    pairs = list(pairs)
    if not pairs:
        return []
    # the pairs' articles that are listed (not a set of the whole list: it may be every
    # article of a large corpus)
    ends = {i for pair in pairs for i in pair}
    listed = {i for i in ids if i in ends}
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        if a in listed and b in listed:
            first, second = root(a), root(b)
            if first != second:
                parent[second] = first
    if not parent:
        return []
    groups: dict[int, list[int]] = defaultdict(list)
    for article_id in ids:
        if article_id in parent:
            groups[root(article_id)].append(article_id)
    return [members for members in groups.values() if len(members) > 1]
