"""Index files read through memory maps, without the copies whoosh's own mmap mode makes.

whoosh reads a segment either with a seek and a read per access (``supports_mmap=False``: a
search on a date range took 25 ms on Reuters where it took 15.6 ms mapped) or from a map that
it copies whole, file by file, into ``BytesIO`` buffers (400 MB resident for a 200 MB index).
Here each file is mapped and handed out as zero-copy views: ``get`` slices the map, and the
parts of a compound segment file are views of its map. Only the pages a search touches are
read, and the kernel may drop them again, so memory stays what it was without maps.

The storage also decides how long readers are kept out by a commit (``publish_lock``): only
while a writer replaces the table of contents and deletes the files it no longer uses, not
while it writes its new segment, which may take many seconds.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import threading
from collections.abc import Callable
from io import SEEK_CUR, SEEK_END, SEEK_SET, BytesIO

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile


class _ViewReader:
    """A read-only file object over a memoryview (``BytesIO(view)`` would copy it)."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        length = len(self._view)
        end = length if size is None or size < 0 else min(length, self._pos + size)
        data = bytes(self._view[self._pos : end])
        self._pos = max(self._pos, end)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        view = self._view
        end = len(view) if size is None or size < 0 else min(len(view), self._pos + size)
        start = self._pos
        while self._pos < end:
            self._pos += 1
            if view[self._pos - 1] == 10:
                break
        return bytes(view[start : self._pos])

    def seek(self, offset: int, whence: int = SEEK_SET) -> int:
        base = {SEEK_SET: 0, SEEK_CUR: self._pos, SEEK_END: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._view = memoryview(b"")


# Bytes copied to unpickle a block header (whoosh's are about 40); longer ones are read again.
_PICKLE_GUESS = 256


def pickle_at(view: memoryview, position: int):
    """The pickle at ``position`` in ``view`` and where it ends, unpickled from a copy of the
    bytes after it (the guess first, the rest of the view if it was cut short)."""
    for end in (position + _PICKLE_GUESS, None):
        chunk = BytesIO(view[position:end])
        try:
            value = pickle.load(chunk)
        except Exception:  # cut short: the pickle is longer than the guess
            if end is None:
                raise
            continue
        return value, position + chunk.tell()
    raise AssertionError("unreachable")


class ViewFile(BufferFile):
    """whoosh's ``BufferFile`` over a view that stays a view: reads, ``get`` and ``subset``
    copy only the bytes asked for."""

    def __init__(self, view: memoryview, name: str | None = None) -> None:
        StructFile.__init__(self, _ViewReader(view), name=name)
        self._buf = view
        self.is_real = False

    def read_pickle(self):
        """The pickle at the current position (``pickle.load`` on the view's reader would
        call its ``read`` once per opcode: a postings block's header is about twenty)."""
        reader = self.file
        value, reader._pos = pickle_at(reader._view, reader._pos)
        return value

    def subset(self, position: int, length: int, name: str | None = None) -> ViewFile:
        return ViewFile(self._buf[position : position + length], name=name or self._name)

    def close(self) -> None:
        if not self.is_closed:
            self.is_closed = True
            self.file.close()
            self._buf = memoryview(b"")


PublishLock = Callable[[], contextlib.AbstractContextManager]


class MappedFileStorage(FileStorage):
    """A ``FileStorage`` whose files are opened for reading as mapped ``ViewFile``s.

    ``publish_lock``: a lock that keeps readers out (the corpus's commit lock), taken when a
    writer renames its new table of contents into place and let go when the writer's lock is
    (after whoosh has deleted the files the new generation no longer uses). Readers opening
    the index never see half a commit, and a reader is not kept waiting while the writer
    flushes and merges segments (a commit of a few thousand articles took 3-21 s with the
    lock held throughout: an article opened meanwhile waited up to 2 s a quotation).
    """

    def __init__(self, path: str, publish_lock: PublishLock | None = None) -> None:
        # whoosh's own mmap mode stays off: its compound reader would copy the parts.
        super().__init__(path, supports_mmap=False)
        self.publish_lock = publish_lock
        self._state = threading.Lock()
        self._writing = 0  # write locks held through this storage
        self._publishing: contextlib.ExitStack | None = None

    def __getstate__(self) -> dict:
        # whoosh's indexing processes get the storage pickled; they never publish.
        state = dict(self.__dict__)
        state.update(publish_lock=None, _state=None, _writing=0, _publishing=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._state = threading.Lock()

    def rename_file(self, oldname: str, newname: str, safe: bool = False) -> None:
        """Renaming a table of contents into place publishes a commit: readers are kept out
        from here until the writer lets go of its lock."""
        if self.publish_lock is not None and newname.endswith(".toc") and self._writing:
            with self._state:
                if self._publishing is None:
                    stack = contextlib.ExitStack()
                    stack.enter_context(self.publish_lock())
                    self._publishing = stack
        try:
            super().rename_file(oldname, newname, safe)
        except BaseException:
            self._end_publishing()
            raise

    def lock(self, name: str):
        """whoosh's named lock; the write lock also ends a publication when let go."""
        inner = super().lock(name)
        return _WriteLock(inner, self) if name.endswith("WRITELOCK") else inner

    def _end_publishing(self) -> None:
        with self._state:
            stack, self._publishing = self._publishing, None
        if stack is not None:
            stack.close()

    def close(self) -> None:
        self._end_publishing()
        super().close()

    def open_file(self, name: str, **kwargs) -> StructFile:
        with open(self._fpath(name), "rb") as handle:
            if os.fstat(handle.fileno()).st_size == 0:
                return StructFile(open(self._fpath(name), "rb"), name=name, **kwargs)  # noqa: SIM115
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return ViewFile(memoryview(mapped), name=name)


class _WriteLock:
    """A whoosh write lock that counts its holders on the storage, and ends the storage's
    publication (see ``MappedFileStorage``) when it is let go."""

    def __init__(self, inner, storage: MappedFileStorage) -> None:
        self._inner = inner
        self._storage = storage
        self._held = False

    def acquire(self, blocking: bool = False) -> bool:
        got = self._inner.acquire(blocking)
        if got and not self._held:
            self._held = True
            with self._storage._state:
                self._storage._writing += 1
        return got

    def release(self) -> None:
        try:
            self._storage._end_publishing()
        finally:
            if self._held:
                self._held = False
                with self._storage._state:
                    self._storage._writing -= 1
            self._inner.release()
