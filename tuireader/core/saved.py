"""Saved searches (name, query), kept in the user data dir and written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from . import paths
from .atomic import set_aside, write_atomic


class SavedSearches:
    """Named queries, in the order they were saved; saving a name again replaces it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "saved_searches.json"
        self.items: dict[str, str] = {}
        self.warning: str | None = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in data.items()
            ):
                raise ValueError("not a table of name = query")
            self.items = data
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            try:
                backup = set_aside(self.path)
                self.warning = f"{self.path} was unreadable ({exc}); kept as {backup.name}."
            except OSError:
                self.warning = f"{self.path} was unreadable ({exc})."

    def save(self, name: str, query: str) -> None:
        name, query = name.strip(), query.strip()
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
