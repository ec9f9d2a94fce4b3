"""Starting and ending whoosh's indexing processes safely (see also ``lifeline``, ``preload``)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading


def use_safe_start_method() -> None:
    """Start indexing processes from a clean server rather than by forking this process.

    whoosh's MpWriter uses the default start method; forking a process that runs threads (the
    app's workers, rich's refresh thread) can deadlock the child on a lock held at fork time.
    """
    if multiprocessing.get_start_method(allow_none=True) is None:
        with contextlib.suppress(RuntimeError, ValueError):
            if "forkserver" in multiprocessing.get_all_start_methods():
                multiprocessing.set_start_method("forkserver")
                multiprocessing.set_forkserver_preload([f"{__package__}.preload"])
            else:
                multiprocessing.set_start_method("spawn")


_STDERR_SWAP = threading.Lock()


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real standard error.

    The tracker is started with ``sys.stderr``'s file descriptor; inside the reader app,
    Textual has replaced ``sys.stderr`` with an object whose descriptor is -1, and starting
    fails ("bad value(s) in fds_to_keep"). The tracker gets the null device instead.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # the tracker then starts without passing standard error
    if usable:
        resource_tracker.ensure_running()
        return
    with _STDERR_SWAP, open(os.devnull, "w") as null:  # noqa: PTH123
        saved, sys.stderr = sys.stderr, null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def end_processes(tasks) -> None:
    """Terminate indexing processes (SIGTERM ends them quietly), then kill any left."""
    for task in tasks:
        with contextlib.suppress(Exception):
            task.terminate()
    for task in tasks:
        with contextlib.suppress(Exception):
            task.join(5)
            if task.is_alive():
                task.kill()
                task.join(5)
