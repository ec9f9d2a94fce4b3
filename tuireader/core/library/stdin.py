"""The door to reading a corpus from standard input (``tuireader -``): see core.ingest.stdin."""

from __future__ import annotations

from tuireader.core.ingest.stdin import STDIN, spool

__all__ = ["STDIN", "spool"]
