"""Starting worker processes safely from any thread, the reader app's included."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from multiprocessing.context import BaseContext


def process_context() -> BaseContext:
    """Processes started from a clean server (forkserver) rather than by forking this
    process: forking a process that runs threads (the app's workers, rich's refresh thread)
    can deadlock the child on a lock held at fork time."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


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
