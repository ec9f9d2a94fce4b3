"""Finding the annotation pass's entities and quotations in worker processes.

The annotators are pure Python: one process finds them for one article at a time, on one
core, and they are most of the pass's work (about 2 ms of the 3 an article takes). With many
articles to annotate and the embedded backend (a spaCy model is too big to load twice),
``Annotating`` hands batches of texts to worker processes ahead of the pass, which meanwhile
indexes and keeps the batch before. An article a worker could not annotate comes back as
None: the pass annotates it itself, and fails on it as it would have.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.base.lifeline import exit_with, open_watch
from tuireader.core.base.log import get_logger
from tuireader.core.base.processes import process_context, start_resource_tracker

WORKERS = 2
CHUNK = 50  # texts per task: small enough that both workers stay busy to the end


def _start_worker(parent: int) -> None:
    """In a worker, first: end with the pass's process (killed, it leaves no worker behind),
    and leave Ctrl-C to it (the terminal sends it to every process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with(parent, open_watch(parent))


Found = tuple[Annotations | None, tuple[int, ...]]  # annotations, near-duplicate sketch


def _annotate_all(texts: Sequence[str], starts: Sequence[int], spec: str) -> list[Found]:
    """In a worker: the annotations of each text (None where the annotators failed) and
    the near-duplicate sketch of its body (the text from ``starts``)."""
    from tuireader.core.annotate.pipeline import annotate
    from tuireader.core.investigate.near_duplicates import text_sketch
    from tuireader.core.search.annotation_fields import backend_for

    backend = backend_for(spec)
    found: list[Found] = []
    for text, start in zip(texts, starts, strict=True):
        lowest = text_sketch(text[start:])
        try:
            found.append((annotate(text, backend), lowest))
        except Exception:  # noqa: BLE001 - the pass annotates it again and reports it
            found.append((None, lowest))
    return found


def worth_it(spec: str, articles: int, least: int) -> bool:
    """Whether to annotate ``articles`` in worker processes: enough of them, more than one
    core, and the embedded backend."""
    return spec == "embedded" and articles >= least and (os.cpu_count() or 1) > 1


class Annotating:
    """Batches of texts annotated ahead, in worker processes."""

    def __init__(self, spec: str, workers: int = WORKERS) -> None:
        self.spec = spec
        start_resource_tracker()
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=process_context(),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )

    def submit(self, texts: Sequence[str], starts: Sequence[int] | None = None) -> list[Future]:
        """Start annotating ``texts`` (their bodies from ``starts``: after the title; None:
        the whole text); ``results`` gives what was found, in order."""
        if self._pool is None:
            return []
        starts = [0] * len(texts) if starts is None else starts
        try:
            return [
                self._pool.submit(
                    _annotate_all,
                    list(texts[i : i + CHUNK]),
                    list(starts[i : i + CHUNK]),
                    self.spec,
                )
                for i in range(0, len(texts), CHUNK)
            ]
        except Exception as exc:  # noqa: BLE001 - a broken pool: annotate in this process
            self._broken(exc)
            return []

    def results(self, futures: list[Future], count: int) -> list[Found | None]:
        """(annotations, sketch) of the ``count`` texts of one ``submit`` (None: not found
        there; annotations None: the annotators failed on it there)."""
        found: list[Found | None] = []
        try:
            for future in futures:
                found.extend(future.result())
        except Exception as exc:  # noqa: BLE001 - a worker died: annotate in this process
            self._broken(exc)
        if len(found) != count:
            return [None] * count
        return found

    def _broken(self, exc: BaseException) -> None:
        get_logger().warning("annotating in worker processes failed (%r); going on here", exc)
        self.close()

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            with contextlib.suppress(Exception):
                pool.shutdown(wait=True, cancel_futures=True)
