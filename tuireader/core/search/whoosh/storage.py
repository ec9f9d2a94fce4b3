"""The index's file storage, publishing commits under the corpus's commit lock.

The storage decides how long readers are kept out by a commit (``publish_lock``): only while
a writer replaces the table of contents and deletes the files it no longer uses, not while it
writes its new segment, which may take many seconds. Files are read with whoosh's own reads
(``supports_mmap=False``): its mmap mode copies every file whole into memory.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from whoosh.filedb.filestore import FileStorage

PublishLock = Callable[[], contextlib.AbstractContextManager]


class PublishingFileStorage(FileStorage):
    """A ``FileStorage`` whose commits are published under ``publish_lock``.

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


class _WriteLock:
    """A whoosh write lock that counts its holders on the storage, and ends the storage's
    publication (see ``PublishingFileStorage``) when it is let go."""

    def __init__(self, inner, storage: PublishingFileStorage) -> None:
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
