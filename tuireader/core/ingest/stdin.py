"""``tuireader -`` and ``tuireader index -``: a JSON lines dump read from standard input.

The input is kept in a file of the user's data folder named by its content's hash, so that it
is a corpus like any dump (its articles reopen by offset, its index is found again when the
same input comes again) and the reader can take the keyboard back from the pipe."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO

from tuireader.core.base import paths

STDIN = "-"
KEEP = 8  # the most recent inputs kept; older ones (and their files) are removed


def spool(stream: BinaryIO) -> Path:
    """Copy a JSONL stream to ``<data>/stdin/<hash>.jsonl`` and return its path."""
    folder = paths.data_dir() / "stdin"
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.blake2b(digest_size=10)
    part = folder / f".incoming-{os.getpid()}.jsonl"
    with open(part, "wb") as out:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    target = folder / f"{digest.hexdigest()}.jsonl"
    os.replace(part, target)
    os.utime(target)  # the most recent input is the newest file
    _prune(folder)
    return target


def _prune(folder: Path) -> None:
    inputs = sorted(folder.glob("*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in inputs[KEEP:]:
        old.unlink(missing_ok=True)
