"""Reading the app's own small JSON files (state, history, saved searches, corpora).

One rule for all of them: a missing file is empty; a file that cannot be read, is not JSON,
is nested too deeply to parse or does not have the expected shape is damaged: it is set aside
(``name.corrupt-N``, nothing lost) and the caller starts empty with a message saying so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tuireader.core.base.atomic import set_aside

T = TypeVar("T")


def read_json(path: Path) -> object:
    """The JSON value of a file. Raises FileNotFoundError, OSError, or ValueError for text that
    is not JSON, including nesting too deep for the parser (RecursionError in json)."""
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc


def load_json(path: Path, check: Callable[[object], T], what: str) -> tuple[T | None, str | None]:
    """``(check(value), None)`` for a sound file, ``(None, None)`` for a missing one, and
    ``(None, warning)`` for a damaged one, which is set aside first.

    ``check`` turns the parsed value into what the caller keeps, raising ValueError when it is
    not the expected shape; ``what`` names the file in the warning ("History").
    """
    try:
        return check(read_json(path)), None
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError, RecursionError) as exc:
        reason = str(exc) if not isinstance(exc, RecursionError) else "nested too deeply"
        try:
            backup = set_aside(path)
        except OSError:
            return None, f"{what} {path} was unreadable ({reason})."
        return None, f"{what} {path} was unreadable ({reason}); kept as {backup.name}."
