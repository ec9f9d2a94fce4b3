"""Batch sizes of both sync passes: small first, so the first articles show at once, then
growing, so a big corpus is indexed in few commits. Tests and the kill benchmarks set these
module values; callers read them at call time."""

from __future__ import annotations

FIRST_BATCH = 200  # the first articles show at once
MAX_BATCH = 8000
# Each commit of a parallel batch starts two indexing processes and merges small segments:
# batches grow fast so that a big corpus is indexed in few of them.
BATCH_GROWTH = 4


def next_batch(limit: int, parallel: bool, scale: int = 1) -> int:
    """The size of the batch after one of ``limit`` articles (both passes use it).

    In parallel, straight to the largest batch: every commit starts indexing processes, and
    small segments are merged again later. ``scale``: the engine's parallel batches are that
    many times ``MAX_BATCH`` (``parallel_batch_scale``: whoosh's segments, one a process and
    batch, each repeat the vocabulary, and merging them afterwards costs more than indexing).
    """
    most = MAX_BATCH * scale if parallel else MAX_BATCH
    return min(most, most if parallel else limit * BATCH_GROWTH)


def batch_scale(engine) -> int:
    """How many times ``MAX_BATCH`` the engine's parallel batches may be (1 unless it says)."""
    return max(1, int(getattr(engine, "parallel_batch_scale", 1)))
