"""Finding each article's near-duplicates once, at index time, so that folding any list (every
article of a 100k corpus, or a search's results) is a lookup of the pairs found.

The annotation pass hands each annotated article's sketch (its lowest word-run hashes:
investigate.near_duplicates) to ``write_near_duplicates``, in the same transaction as its
entity row. The sketch's keys are looked up among the keys of the articles indexed before
(``sketch_keys``) and of the batch's earlier ones; only the articles sharing a key are
compared, on their stored texts (``shared_share``), and the near-duplicate pairs kept
(``near_duplicates``). A changed article's pairs are found again when it is annotated again;
a removed article's pairs go with it (a trigger).
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Callable, Sequence

from tuireader.core.investigate.near_duplicates import (
    is_near_duplicate,
    shared_share,
    shingles,
    sketch_keys,
)

# An article is compared with at most this many others (those sharing the most keys first):
# a story run by hundreds of outlets is joined into one group through any of its pairs.
MOST_COMPARED = 50
_KEYS_A_QUERY = 500


def write_near_duplicates(
    db: sqlite3.Connection,
    sketches: Sequence[tuple[int, tuple[int, ...]]],
    texts: Callable[[Sequence[int]], dict[int, str]],
) -> int:
    """Keep these articles' sketch keys and the near-duplicate pairs they make with the
    articles indexed before them (and with each other); ``texts`` reads stored texts (on the
    same connection). Returns the number of pairs found."""
    if not sketches:
        return 0
    ids = [article_id for article_id, _ in sketches]
    for start in range(0, len(ids), _KEYS_A_QUERY):  # the pairs of their texts before
        chunk = ids[start : start + _KEYS_A_QUERY]
        marks = ",".join("?" * len(chunk))
        db.execute(
            f"DELETE FROM near_duplicates WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk
        )
    keyed = [(article_id, sketch_keys(lowest)) for article_id, lowest in sketches]
    members = _stored_members(db, sorted({key for _, keys in keyed for key in keys}))
    candidates: set[tuple[int, int]] = set()
    for article_id, keys in keyed:
        shared: dict[int, int] = {}  # article -> keys shared with it
        for key in keys:
            others = members.get(key)
            if others is None:
                members[key] = [article_id]
                continue
            for other in others:
                if other != article_id:
                    shared[other] = shared.get(other, 0) + 1
            others.append(article_id)
        if len(shared) > MOST_COMPARED:
            shared = dict.fromkeys(heapq.nlargest(MOST_COMPARED, shared, key=shared.__getitem__))
        for other in shared:
            candidates.add((min(article_id, other), max(article_id, other)))
    found = _verified(candidates, texts) if candidates else []
    db.executemany("INSERT OR IGNORE INTO near_duplicates VALUES (?, ?)", found)
    db.executemany(
        "INSERT OR IGNORE INTO sketch_keys VALUES (?, ?)",
        [(key, article_id) for article_id, keys in keyed for key in keys],
    )
    return len(found)


def _stored_members(db: sqlite3.Connection, keys: list[int]) -> dict[int, list[int]]:
    """key -> the articles kept under it (keys none has are left out)."""
    members: dict[int, list[int]] = {}
    for start in range(0, len(keys), _KEYS_A_QUERY):
        chunk = keys[start : start + _KEYS_A_QUERY]
        query = f"SELECT key, id FROM sketch_keys WHERE key IN ({','.join('?' * len(chunk))})"
        for key, article_id in db.execute(query, chunk):
            members.setdefault(key, []).append(article_id)
    return members


def _verified(
    candidates: set[tuple[int, int]], texts: Callable[[Sequence[int]], dict[int, str]]
) -> list[tuple[int, int]]:
    """The candidate pairs whose stored texts are near-duplicates (an article gone since
    its key was kept has no text: no pair)."""
    bodies = texts(sorted({article_id for pair in candidates for article_id in pair}))
    runs: dict[int, frozenset[int]] = {}

    def runs_of(article_id: int) -> frozenset[int]:
        found = runs.get(article_id)
        if found is None:
            found = runs[article_id] = shingles(bodies[article_id])
        return found

    return [
        (a, b)
        for a, b in sorted(candidates)
        if a in bodies and b in bodies and is_near_duplicate(shared_share(runs_of(a), runs_of(b)))
    ]
