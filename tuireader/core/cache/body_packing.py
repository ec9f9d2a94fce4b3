"""Packing the store's texts in a thread beside the text pass.

Compressing a text (``TextPacker.pack``) is a fifth to a quarter of the text pass's work in
its one thread. zlib lets go of the interpreter's lock while it compresses, so a second thread
packs the texts while the first reads, hashes and indexes the next ones. The texts go out in
chunks (a thread hand-off per text would cost about what it saves) and come back in order;
the store writes them in its own thread (an SQLite connection stays in the thread that uses
it).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from tuireader.core.cache.text_dict import TextPacker

CHUNK = 64  # texts handed to the packing thread at once
AHEAD = 4  # chunks that may be in the thread before the writer waits for the oldest

Packed = list[tuple[int, str | bytes]]


def _pack_all(packer: TextPacker, texts: list[tuple[int, str]]) -> Packed:
    return [(article_id, packer.pack(text)) for article_id, text in texts]


class BackgroundPacker:
    """Texts in, ``(id, packed)`` out in the order they came, packed by one worker thread."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._chunk: list[tuple[int, str]] = []
        self._chunk_packer: TextPacker | None = None
        self._sent: deque[Future[Packed]] = deque()

    def add(self, packer: TextPacker, article_id: int, text: str) -> Packed:
        """Queue a text; returns the texts packed by now (or that must be: too many wait)."""
        if self._chunk and packer is not self._chunk_packer:
            self._send()
        self._chunk_packer = packer
        self._chunk.append((article_id, text))
        if len(self._chunk) >= CHUNK:
            self._send()
        ready: Packed = []
        while self._sent and (self._sent[0].done() or len(self._sent) > AHEAD):
            ready.extend(self._sent.popleft().result())
        return ready

    def drain(self) -> Iterator[tuple[int, str | bytes]]:
        """Every queued text, packed (waits for the thread)."""
        self._send()
        while self._sent:
            yield from self._sent.popleft().result()

    @property
    def pending(self) -> bool:
        return bool(self._chunk or self._sent)

    def discard(self) -> None:
        """Forget the queued texts (a rolled-back transaction)."""
        for future in self._sent:
            future.cancel()
        self._sent.clear()
        self._chunk = []

    def close(self) -> None:
        self.discard()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _send(self) -> None:
        if not self._chunk:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuireader-pack")
        assert self._chunk_packer is not None
        self._sent.append(self._pool.submit(_pack_all, self._chunk_packer, self._chunk))
        self._chunk = []
