"""User state that outlives a session: for now, the last open article of each corpus."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from . import paths
from .atomic import set_aside, write_atomic


@dataclass
class UserState:
    """State kept in the user data dir as JSON, written atomically."""

    path: Path
    corpora: dict[str, dict] = field(default_factory=dict)
    warning: str | None = None  # set when a damaged file was set aside

    @classmethod
    def load(cls, path: Path | None = None) -> UserState:
        path = path or paths.data_dir() / "state.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("corpora", {}), dict):
                raise ValueError("not a tuireader state file")
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as exc:
            try:
                backup = set_aside(path)
                warning = f"State file {path} was unreadable ({exc}); kept as {backup.name}."
            except OSError:
                warning = f"State file {path} was unreadable ({exc})."
            return cls(path, warning=warning)
        return cls(path, corpora=data.get("corpora", {}))

    def save(self) -> None:
        write_atomic(self.path, json.dumps({"corpora": self.corpora}, indent=1))

    def last_open(self, corpus_id: str) -> str | None:
        value = self.corpora.get(corpus_id, {}).get("last_open")
        return value if isinstance(value, str) else None

    def set_last_open(self, corpus_id: str, corpus_paths: list[str], key: str) -> None:
        entry = self.corpora.setdefault(corpus_id, {})
        entry["paths"] = corpus_paths
        entry["last_open"] = key
