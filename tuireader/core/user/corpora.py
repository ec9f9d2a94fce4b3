"""The corpora the reader has opened, most recent first, so that they can be opened again.

Kept in the user data dir as JSON, written atomically. A corpus is its set of paths (resolved,
order ignored, like the cache's corpus id): opening the same paths again moves it to the top.
A corpus whose paths have gone is kept and reported as missing, never dropped: the user may
have unplugged a disk, and only they know.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tuireader.core.base import paths as app_paths
from tuireader.core.base.atomic import write_atomic
from tuireader.core.user.jsonfile import load_json, read_json

MAX_ENTRIES = 100
SAMPLE_NAME = "sample corpus"


@dataclass(frozen=True, slots=True)
class KnownCorpus:
    """One remembered corpus."""

    name: str
    paths: tuple[str, ...]
    last_opened: float  # seconds since the epoch; 0 for the sample never opened

    @property
    def identity(self) -> tuple[str, ...]:
        return _identity(self.paths)

    @property
    def missing(self) -> list[str]:
        """The paths that no longer exist (empty when the corpus can be opened)."""
        return [p for p in self.paths if not os.path.exists(p)]


class KnownCorpora:
    """The remembered corpora, most recently opened first."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or app_paths.data_dir() / "corpora.json"
        # self.warning is set when a damaged file was set aside
        entries, self.warning = load_json(self.path, _entries, "The list of corpora")
        self.entries: list[KnownCorpus] = entries or []

    def _read(self) -> list[KnownCorpus]:
        return _entries(read_json(self.path))

    def remember(
        self, corpus_paths: Sequence[str | os.PathLike], name: str, when: float | None = None
    ) -> KnownCorpus:
        """Put a corpus (its resolved paths) at the top, and save.

        The file is read again first so that corpora another tuireader remembered meanwhile
        are kept. Raises OSError when it cannot be written.
        """
        entry = KnownCorpus(name, tuple(str(p) for p in corpus_paths), when or time.time())
        with contextlib.suppress(OSError, ValueError):  # gone or damaged: keep what we have
            self.entries = self._read()
        others = [e for e in self.entries if e.identity != entry.identity]
        self.entries = _ordered([entry, *others])[:MAX_ENTRIES]
        self._write()
        return entry

    def forget(self, entry: KnownCorpus) -> None:
        """Drop a corpus from the list (its index and marks are left alone)."""
        self.entries = [e for e in self.entries if e.identity != entry.identity]
        self._write()

    def with_sample(self) -> list[KnownCorpus]:
        """The entries, and the bundled sample corpus last when it is not among them."""
        sample = KnownCorpus(SAMPLE_NAME, (str(app_paths.bundled_corpus().resolve()),), 0)
        if any(e.identity == sample.identity for e in self.entries):
            return list(self.entries)
        return [*self.entries, sample]

    def _write(self) -> None:
        data = {
            "corpora": [
                {"name": e.name, "paths": list(e.paths), "last_opened": e.last_opened}
                for e in self.entries
            ]
        }
        write_atomic(self.path, json.dumps(data, indent=1))


def display_name(corpus_paths: Sequence[str | os.PathLike], name: str) -> str:
    """``name`` (a Corpus's), or "sample corpus" for the bundled sample."""
    sample = str(app_paths.bundled_corpus().resolve())
    if [str(p) for p in corpus_paths] == [sample]:
        return SAMPLE_NAME
    return name


def opened_ago(when: float, now: float | None = None) -> str:
    """When a corpus was last opened, as a person says it: "5 minutes ago", "never"."""
    if not when:
        return "never opened"
    seconds = max(0.0, (now if now is not None else time.time()) - when)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"opened {n} {unit}{'' if n == 1 else 's'} ago"
    return "opened just now"


def _entries(data: object) -> list[KnownCorpus]:
    """The entries of a parsed corpora.json; ValueError when it is not one."""
    items = data.get("corpora") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ValueError("not a tuireader list of corpora")
    entries = []
    for item in items:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("paths"), list)
            and item["paths"]
            and all(isinstance(p, str) for p in item["paths"])
            and isinstance(item.get("last_opened"), (int, float))
        ):
            raise ValueError(f"a bad entry: {json.dumps(item)[:80]}")
        entries.append(KnownCorpus(item["name"], tuple(item["paths"]), item["last_opened"]))
    return _ordered(entries)


def _identity(corpus_paths: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(set(corpus_paths)))


def _ordered(entries: list[KnownCorpus]) -> list[KnownCorpus]:
    """Most recent first, one entry per set of paths (the most recent one)."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for entry in sorted(entries, key=lambda e: e.last_opened, reverse=True):
        if entry.identity not in seen:
            seen.add(entry.identity)
            kept.append(entry)
    return kept
