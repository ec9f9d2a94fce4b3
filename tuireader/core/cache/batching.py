"""Batch sizes of both sync passes: small first, so the first articles show at once, then
growing, so a big corpus is indexed in few commits. Tests and the kill benchmarks set these
module values; callers read them at call time."""

from __future__ import annotations

FIRST_BATCH = 200  # the first articles show at once
MAX_BATCH = 8000
# Each commit of a parallel batch starts two indexing processes and merges small segments:
# batches grow fast so that a big corpus is indexed in few of them.
BATCH_GROWTH = 4


def next_batch(limit: int, parallel: bool) -> int:
    """The size of the batch after one of ``limit`` articles (both passes use it).

    In parallel, straight to the largest batch: every commit starts indexing processes, and
    small segments are merged again later.
    """
    return min(MAX_BATCH, MAX_BATCH if parallel else limit * BATCH_GROWTH)
