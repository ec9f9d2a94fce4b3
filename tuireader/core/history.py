"""Search history, kept in the user data dir and written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from . import paths
from .atomic import set_aside, write_atomic

MAX_ENTRIES = 500


class SearchHistory:
    """Committed queries, oldest first, without repeats (a repeat moves to the end)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "history.json"
        self.entries: list[str] = []
        self.warning: str | None = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, list) or not all(isinstance(q, str) for q in data):
                raise ValueError("not a list of queries")
            self.entries = data[-MAX_ENTRIES:]
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            try:
                backup = set_aside(self.path)
                self.warning = f"History {self.path} was unreadable ({exc}); kept as {backup.name}."
            except OSError:
                self.warning = f"History {self.path} was unreadable ({exc})."

    def add(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[:-MAX_ENTRIES]
        write_atomic(self.path, json.dumps(self.entries, ensure_ascii=False, indent=0))
