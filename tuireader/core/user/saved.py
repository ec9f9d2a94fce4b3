"""Saved searches (name, query), kept in the user data dir and written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from tuireader.core.base import paths
from tuireader.core.base.atomic import write_atomic
from tuireader.core.base.text import clean_line
from tuireader.core.user.jsonfile import load_json


class SavedSearches:
    """Named queries, in the order they were saved; saving a name again replaces it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "saved_searches.json"
        items, self.warning = load_json(self.path, _named_queries, "Saved searches")
        self.items: dict[str, str] = items or {}

    def save(self, name: str, query: str) -> None:
        name, query = clean_line(name), clean_line(query)  # no controls: both are shown
        if not name or not query:
            raise ValueError("a saved search needs a name and a query")
        self.items.pop(name, None)
        self.items[name] = query
        self._write()

    def delete(self, name: str) -> None:
        if self.items.pop(name, None) is not None:
            self._write()

    def _write(self) -> None:
        write_atomic(self.path, json.dumps(self.items, ensure_ascii=False, indent=1))


def _named_queries(data: object) -> dict[str, str]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError("not a table of name = query")
    return data
