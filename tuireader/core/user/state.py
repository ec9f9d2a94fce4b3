"""User state that outlives a session: for now, the last open article of each corpus."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.core.base import paths
from tuireader.core.base.atomic import write_atomic
from tuireader.core.user.jsonfile import load_json

# A temp file of a save older than this was left by a process that was killed.
_STALE_TEMP_SECONDS = 60


@dataclass
class UserState:
    """State kept in the user data dir as JSON, written atomically."""

    path: Path
    corpora: dict[str, dict] = field(default_factory=dict)
    warning: str | None = None  # set when a damaged file was set aside
    # saves run on worker threads: one at a time, each writing the state as it is then
    _lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    @classmethod
    def load(cls, path: Path | None = None) -> UserState:
        path = path or paths.data_dir() / "state.json"
        _remove_stale_temps(path)
        corpora, warning = load_json(path, _corpora_of, "State file")
        return cls(path, corpora=corpora or {}, warning=warning)

    def save(self) -> None:
        with self._lock:
            write_atomic(self.path, json.dumps({"corpora": self.corpora}, indent=1))

    def last_open(self, corpus_id: str) -> str | None:
        value = self.corpora.get(corpus_id, {}).get("last_open")
        return value if isinstance(value, str) else None

    def set_last_open(self, corpus_id: str, corpus_paths: list[str], key: str) -> None:
        with self._lock:
            entry = self.corpora.setdefault(corpus_id, {})
            entry["paths"] = corpus_paths
            entry["last_open"] = key


def _corpora_of(data: object) -> dict[str, dict]:
    if not isinstance(data, dict) or not isinstance(data.get("corpora", {}), dict):
        raise ValueError("not a tuireader state file")
    return data.get("corpora", {})


def _remove_stale_temps(path: Path) -> None:
    """Delete temp files of saves that were killed before their rename (``write_atomic``)."""
    with contextlib.suppress(OSError):
        now = time.time()
        for temp in path.parent.glob(f".{path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - temp.stat().st_mtime > _STALE_TEMP_SECONDS:
                    temp.unlink()
