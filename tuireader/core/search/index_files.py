"""Telling a damaged index from a working one, and keeping a damaged one aside (any engine).

The engines never change a segment file once it is written (a commit adds segment files and a
new table of contents, and deletes what it no longer uses), so the size and CRC of each file,
noted after every commit in ``CHECKSUMS``, say whether it is still what was written. Sizes are
compared when an index is opened (a stat a file); CRCs only after an error reading it, to tell
damage from a query the engine cannot run. A reader that finds damage leaves a ``DAMAGED`` note
in the folder, so that the next sync (in whatever process) sets the index aside and builds it again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from tuireader.core.base.atomic import set_aside, write_atomic

MANIFEST = "CHECKSUMS"
DAMAGED = "DAMAGED"
# The files checked by default: whoosh's compound segments and tables of contents (an engine
# passes its own: the files it never rewrites under the same name).
_CHECKED = (".seg", ".toc")
_CHUNK = 1 << 20


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _noted(directory: Path) -> dict[str, list[int]]:
    try:
        found = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _files(directory: Path, checked: tuple[str, ...] = _CHECKED) -> dict[str, int]:
    """name -> size of the index files that are checked."""
    found: dict[str, int] = {}
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.endswith(checked):
                with contextlib.suppress(OSError):
                    found[entry.name] = entry.stat().st_size
    return found


def record(directory: Path, checked: tuple[str, ...] = _CHECKED) -> None:
    """Note the size and CRC of the files not noted yet, and forget those gone (after a commit,
    under the commit lock). A file that is noted keeps what was noted: an engine never writes
    a name twice, so a change is damage, found by ``find_damage``. An empty file is not noted:
    no engine commits one, and tantivy creates a segment's files empty before it writes them
    (seen after a rollback, its indexing thread still writing)."""
    old = _noted(directory)
    noted: dict[str, list[int]] = {}
    for name, size in _files(directory, checked).items():
        known = old.get(name)
        if isinstance(known, list) and len(known) == 2:
            noted[name] = known
            continue
        if size == 0:  # still being written (a rolled-back batch's segment): noted once it is
            continue
        try:
            noted[name] = [size, _crc(directory / name)]
        except OSError:
            continue  # deleted meanwhile
    if noted != old:
        write_atomic(directory / MANIFEST, json.dumps(noted, sort_keys=True))


def find_damage(directory: Path, full: bool = False) -> str | None:
    """Why the index in ``directory`` is damaged, or None: a ``DAMAGED`` note, a noted file of
    another size, or (``full``: reads every file) of another CRC."""
    try:
        return f"{(directory / DAMAGED).read_text(encoding='utf-8').strip()}"
    except OSError:
        pass
    for name, noted in _noted(directory).items():
        if not (isinstance(noted, list) and len(noted) == 2):
            continue  # not ours: no judgement
        size, crc = noted
        path = directory / name
        try:
            actual = path.stat().st_size
            if actual != size:
                return f"{name} has {actual:,} bytes, {size:,} were written"
            if full and _crc(path) != crc:
                return f"{name} is not what was written (its checksum differs)"
        except OSError:
            continue  # deleted by a commit: a file the index needs is missed when opened
    return None


def note_damage(directory: Path, reason: str) -> None:
    """Leave the note the next sync acts on (nothing when the folder cannot be written)."""
    with contextlib.suppress(OSError):
        write_atomic(directory / DAMAGED, reason)


def note_all_damage(found: Mapping[Path, str]) -> str:
    """Note each damaged folder's reason beside it (see ``note_damage``); the reasons as one
    message for the user."""
    for directory, reason in found.items():
        note_damage(directory, reason)
    return "; ".join(found.values())


class DamageCheck:
    """After an unexpected read error: whether an engine's index is damaged, reading every
    file only once per state of its folders (each file's name, size and time: a run of errors
    on an undamaged index stays cheap, a file changed in place is read again). ``find`` reads
    them all and gives each damaged folder's reason."""

    def __init__(self, folders: Sequence[Path], find: Callable[[], Mapping[Path, str]]) -> None:
        self._folders = folders
        self._find = find
        self._clean: tuple | None = None  # the folders' state last found undamaged

    def _state(self) -> tuple:
        return tuple(
            sorted(
                (entry.path, entry.stat().st_size, entry.stat().st_mtime_ns)
                for folder in self._folders
                for entry in os.scandir(folder)
                if entry.is_file()
            )
        )

    def damage(self) -> str | None:
        """The damage found (noted beside each damaged folder for the next sync), or None."""
        try:
            state: tuple | None = self._state()
        except OSError:
            state = None
        if state is not None and state == self._clean:
            return None
        found = self._find()
        if not found:
            self._clean = state
            return None
        return note_all_damage(found)

    def forget(self) -> None:
        """The files were replaced: check them again next time."""
        self._clean = None


def put_aside(directory: Path) -> Path:
    """Rename a damaged index folder to ``<name>.corrupt-N``; only the newest such copy is kept
    (an index is rebuilt from the corpus: the copy is for a bug report)."""
    for older in directory.parent.glob(f"{directory.name}.corrupt-*"):
        shutil.rmtree(older, ignore_errors=True)
    return set_aside(directory)
