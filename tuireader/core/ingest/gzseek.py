"""Random access into a gzip file: reading one dump record without decompressing from the start.

``GzipFile.seek`` decompresses everything before the offset, so opening the last article of a large
``.jsonl.gz`` dump was slow, and grew with the dump. The first read of a dump walks it once and
keeps decompressor snapshots every 128 KB or so (wider for huge dumps); a read then starts from the
nearest snapshot before its offset and decompresses in small pieces, stopping at the end of its
line: a fraction of a millisecond, so that the snippets of a page of search results come quickly."""

from __future__ import annotations

import bisect
import os
import threading
import zlib
from dataclasses import dataclass, field

SPAN = 128 * 1024  # uncompressed bytes between snapshots (at least)
MAX_SNAPSHOTS = 2000  # per dump (~35 KB each): huge dumps get wider spans
_CHUNK = 16 * 1024  # compressed bytes read at a time (snapshots fall between reads)
_PIECE = 256 * 1024  # most bytes one decompress call may produce
_READ_PIECE = 16 * 1024  # the same when reading a line: little decompressed past its end
_MAX_DUMPS = 4  # dumps whose snapshots are kept (each ~35 KB per snapshot)


@dataclass
class _Snapshot:
    compressed: int  # offset in the file where the decompressor continues
    uncompressed: int  # uncompressed offset it has reached
    decompressor: object  # a zlib decompressobj copy, or None at a member boundary


@dataclass
class _Index:
    snapshots: list[_Snapshot] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


_indexes: dict[tuple[str, int, int], _Index] = {}
_lock = threading.Lock()


def read_line_at(path: str, offset: int, limit: int) -> bytes:
    """The line starting at uncompressed ``offset`` of a gzip file (at most ``limit`` bytes)."""
    st = os.stat(path)
    key = (path, st.st_mtime_ns, st.st_size)
    with _lock:
        index = _indexes.get(key)
    if index is None:
        index = _build(path)
        with _lock:
            if len(_indexes) >= _MAX_DUMPS:
                _indexes.pop(next(iter(_indexes)))
            _indexes[key] = index
    snapshot = index.snapshots[max(0, bisect.bisect_right(index.starts, offset) - 1)]
    return _read_from(path, snapshot, offset, limit)


def _new_decompressor():
    return zlib.decompressobj(zlib.MAX_WBITS | 16)  # gzip wrapper


def _inflate(handle, decompressor, piece: int = _PIECE):
    """Yield decompressed pieces of at most ``piece`` bytes until the file ends.

    Bounded pieces keep a highly compressed stretch from expanding all at once in memory.
    """
    pending = b""
    while True:
        if not pending:
            pending = handle.read(_CHUNK)
            if not pending:
                return
        data = decompressor.decompress(pending, piece)
        pending = decompressor.unconsumed_tail
        if decompressor.eof:  # another gzip member may follow
            pending = decompressor.unused_data + pending
            decompressor = _new_decompressor()
        yield data


def _build(path: str) -> _Index:
    """Walk the file once, keeping a snapshot at a chunk boundary every SPAN bytes."""
    index = _Index()
    produced = 0
    next_mark = 0
    # The uncompressed size is not known up front: guess 5x the file, for the span only.
    span = max(SPAN, os.path.getsize(path) * 5 // MAX_SNAPSHOTS)
    decompressor = _new_decompressor()
    with open(path, "rb") as handle:
        pending = b""
        while True:
            if not pending and produced >= next_mark:
                index.snapshots.append(_Snapshot(handle.tell(), produced, decompressor.copy()))
                index.starts.append(produced)
                next_mark = produced + span
            if not pending:
                pending = handle.read(_CHUNK)
                if not pending:
                    break
            data = decompressor.decompress(pending, _PIECE)
            pending = decompressor.unconsumed_tail
            if decompressor.eof:
                pending = decompressor.unused_data + pending
                decompressor = _new_decompressor()
            produced += len(data)
    return index


def _read_from(path: str, snapshot: _Snapshot, offset: int, limit: int) -> bytes:
    position = snapshot.uncompressed
    line = b""
    with open(path, "rb") as handle:
        handle.seek(snapshot.compressed)
        for data in _inflate(handle, snapshot.decompressor.copy(), _READ_PIECE):
            if position + len(data) > offset:
                line += data[max(0, offset - position) :]
                newline = line.find(b"\n")
                if newline >= 0:
                    return line[: newline + 1]
                if len(line) > limit:
                    return line[:limit]
            position += len(data)
    return line
