"""The batch file of ``tuireader search --batch``: one query per line; blank lines and lines
starting with ``#`` are skipped."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BatchLine:
    number: int  # 1-based line number in the file
    query: str


def read_batch(text: str) -> list[BatchLine]:
    """The queries of a batch file, with their line numbers."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        query = line.strip()
        if query and not query.startswith("#"):
            found.append(BatchLine(number, query))
    return found
