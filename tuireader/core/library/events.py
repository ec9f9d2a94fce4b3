"""What a sync tells its caller as it goes: plain dataclasses, drawn by the CLI as a progress
bar and by the reader as its indexing bar and messages."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the sync loads when a sync runs
    from tuireader.core.cache.sync import SyncProgress


@dataclass(frozen=True, slots=True)
class SyncProgressed:
    """Where the sync is (a copy: the sync goes on changing its own)."""

    progress: SyncProgress

    @classmethod
    def of(cls, progress: SyncProgress) -> SyncProgressed:
        return cls(replace(progress))


@dataclass(frozen=True, slots=True)
class SyncNotice:
    """Something the user should be told about a sync the door ran by itself (a search that
    found the index damaged syncs to rebuild it). ``kind``: "cache_error" (the cache cannot
    be written: the index is used as it is), "repaired" (what was mended), "busy" (another
    process is indexing: the answer covers what it committed)."""

    text: str
    kind: str


SyncEvent = SyncProgressed | SyncNotice
