"""Starting and ending whoosh's indexing processes safely (see also ``lifeline``, ``preload``)."""

from __future__ import annotations

import contextlib
import multiprocessing

__all__ = ["end_processes", "use_safe_start_method"]


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
