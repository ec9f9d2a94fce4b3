"""The orders a result list can be shown in."""

from __future__ import annotations

from collections.abc import Sequence

from tuireader.core.cache.store import MetaStore

SORT_ORDERS = ("relevance", "newest", "oldest", "title")


def sort_ids(store: MetaStore, ids: Sequence[int], order: str) -> list[int]:
    """``ids`` (ranked) in another order: newest or oldest first (undated last), or by title;
    ids gone from the store are left out. "relevance" keeps them as they are."""
    if order == "relevance":
        return list(ids)
    if order not in SORT_ORDERS:
        raise ValueError(f"unknown order {order!r} (one of {', '.join(SORT_ORDERS)})")
    rows = store.rows(ids)
    present = [i for i in ids if i in rows]
    if order == "title":
        return sorted(present, key=lambda i: rows[i].title.casefold())
    dated = [i for i in present if rows[i].date_ts is not None]
    undated = [i for i in present if rows[i].date_ts is None]
    return sorted(dated, key=lambda i: rows[i].date_ts, reverse=order == "newest") + undated
