"""Worker processes that end with the process they work for (whoosh's indexing processes,
the annotation pass's workers).

whoosh's indexing processes are forked by multiprocessing's fork server, not by the indexer, and
each holds the fork server's "alive" pipe and both ends of its job queue: when the indexer was
killed (SIGKILL, the OOM killer), the workers waited on the queue for ever and kept the fork server
(which waits for that pipe to close) and the resource tracker alive. Here each of them watches the
indexer's process and exits the moment it has ended (a pidfd on Linux; elsewhere a check four times
a second). A parent-death signal (PR_SET_PDEATHSIG) would not do: it follows the thread that started
the fork server, which in the reader app is a worker thread that ends long before the app."""

from __future__ import annotations

import os
import select
import threading
import time


def open_watch(pid: int) -> int | None:
    """A pidfd of process ``pid`` (readable once it ended), or None where there is none."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def exit_with(pid: int, pidfd: int | None) -> None:
    """End this process (``os._exit``: no clean-up, no traceback) as soon as ``pid`` ended."""
    watcher = threading.Thread(target=_wait, args=(pid, pidfd), name="lifeline", daemon=True)
    watcher.start()


def _wait(pid: int, pidfd: int | None) -> None:
    if pidfd is not None:
        try:
            select.select([pidfd], [], [])
        except OSError:
            pidfd = None
    if pidfd is None:
        while _alive(pid):
            time.sleep(0.25)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed process stays a zombie until its parent waits for it
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True
