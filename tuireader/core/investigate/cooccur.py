"""Who appears with whom: the entities sharing most articles with one, ranked by Dunning's
log-likelihood ratio G².

Raw shared counts put the ubiquitous names ("United States", "Reuters") first for everyone;
G² compares the shared count with what the two names' own frequencies would give by chance,
so a name that appears with this one more than expected ranks high, and one that is merely
everywhere does not. Pairs sharing fewer than ``min_count`` articles, or appearing together
less often than by chance, are left out.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Neighbour:
    name_id: int
    shared: int  # articles naming both
    articles: int  # articles naming the neighbour (in the list)
    g2: float


def _xlogx(*counts: float) -> float:
    return sum(c * math.log(c) for c in counts if c > 0)


def g2(shared: int, first: int, second: int, total: int) -> float:
    """Dunning's G² for two names in ``total`` articles: ``first`` name one, ``second`` the
    other, ``shared`` both."""
    k11 = shared
    k12 = first - shared
    k21 = second - shared
    k22 = total - first - second + shared
    rows = _xlogx(k11 + k12, k21 + k22)
    cols = _xlogx(k11 + k21, k12 + k22)
    cells = _xlogx(k11, k12, k21, k22)
    return max(0.0, 2.0 * (cells - rows - cols + _xlogx(total)))


def neighbours(
    shared: Counter[int],
    counts: Counter[int],
    own: int,
    total: int,
    min_count: int = 2,
    limit: int | None = 50,
) -> list[Neighbour]:
    """The neighbours of an entity named in ``own`` of ``total`` articles: ``shared`` counts
    the articles each other entity shares with it, ``counts`` each one's articles."""
    found = []
    for name_id, both in shared.items():
        if both < min_count:
            continue
        theirs = counts.get(name_id, both)
        if both * total <= own * theirs and total > own:  # no more than chance
            continue
        found.append(Neighbour(name_id, both, theirs, g2(both, own, theirs, total)))
    found.sort(key=lambda n: (-n.g2, -n.shared, n.name_id))
    return found if limit is None else found[:limit]
