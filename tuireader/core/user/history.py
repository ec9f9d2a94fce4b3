"""Search history, kept in the user data dir and written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from tuireader.core.base import paths
from tuireader.core.base.atomic import write_atomic
from tuireader.core.user.jsonfile import load_json

MAX_ENTRIES = 500


class SearchHistory:
    """Committed queries, oldest first, without repeats (a repeat moves to the end)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "history.json"
        entries, self.warning = load_json(self.path, _queries, "History")
        self.entries: list[str] = entries or []

    def add(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[:-MAX_ENTRIES]
        write_atomic(self.path, json.dumps(self.entries, ensure_ascii=False, indent=0))


def _queries(data: object) -> list[str]:
    if not isinstance(data, list) or not all(isinstance(q, str) for q in data):
        raise ValueError("not a list of queries")
    return data[-MAX_ENTRIES:]
