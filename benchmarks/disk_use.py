"""Where the bytes of a corpus cache go: whoosh indexes by part and by field, the store by table.

    python benchmarks/disk_use.py CORPUS_CACHE_DIR [--fields]

CORPUS_CACHE_DIR is one corpus's folder in the cache (``…/tuireader/corpora/<name>-<hash>``,
printed by ``tuireader index``). For each whoosh index in it (``whoosh``,
``whoosh-annotations``): its segments, and the bytes of each kind of part summed over them
(``pst`` postings, ``trm`` the term dictionary, ``col`` columns). With ``--fields`` (reads
every term: slow on big indexes) also, per field, its distinct terms summed over segments
(each costs a segment its dictionary entry and a posting block of its own), its postings and
the positions they carry (the weight of an unboosted field). For the metadata store
(``articles.sqlite``), the bytes of each table and index, from SQLite's ``dbstat`` (when the
SQLite build has it); with ``--fields`` also the bytes of each text and blob column (what a
table's rows hold, before SQLite's pages). For each tantivy index (``tantivy``,
``tantivy-annotations``): its segments and its bytes by kind of file (``idx`` postings, ``pos``
positions, ``term`` the term dictionary, ``fast`` fast fields, ``fieldnorm``, ``store`` stored
fields, ``del`` deletions). Nothing is written: the files are only read.
"""

from __future__ import annotations

import argparse
import collections
import os
import sqlite3
import sys
from pathlib import Path


def _index_parts(directory: Path) -> tuple[int, collections.Counter]:
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(directory))
    parts: collections.Counter = collections.Counter()
    segments = 0
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".seg"):
            continue
        segments += 1
        compound = CompoundStorage(storage.open_file(name), use_mmap=False)
        try:
            for part in compound.list():
                parts[part.rsplit(".", 1)[-1]] += compound.file_length(part)
        finally:
            compound.close()
    return segments, parts


def _field_stats(directory: Path) -> dict[str, list[int]]:
    """field -> [terms summed over segments, postings, positions (weight)]."""
    from whoosh.filedb.filestore import FileStorage

    stats: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    ix = FileStorage(str(directory)).open_index()
    with ix.reader() as reader:
        for leaf, _offset in reader.leaf_readers():
            for field, term in leaf.all_terms():
                info = leaf.term_info(field, term)
                row = stats[field]
                row[0] += 1
                row[1] += info.doc_frequency()
                row[2] += int(info.weight())
    return stats


def _store_tables(path: Path) -> list[tuple[str, int]]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(
            db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        )
    except sqlite3.Error:
        return []
    finally:
        db.close()


def _store_columns(path: Path) -> list[tuple[str, int, int]]:
    """(table.column, rows, bytes) of every text and blob column of the store, largest first."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found = []
    try:
        tables = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_")
        ]
        for table in tables:
            for column in db.execute(f"PRAGMA table_info({table})"):
                name, kind = column[1], column[2].upper()
                if kind not in ("TEXT", "BLOB"):
                    continue
                rows, size = db.execute(
                    f"SELECT count(*), coalesce(sum(length(CAST({name} AS BLOB))), 0) FROM {table}"
                ).fetchone()
                found.append((f"{table}.{name}", rows, size))
    except sqlite3.Error:
        return []
    finally:
        db.close()
    return sorted(found, key=lambda item: -item[2])


def _tantivy_files(directory: Path) -> tuple[int, collections.Counter]:
    """Segments of a tantivy index and its bytes by kind of file (suffix)."""
    parts: collections.Counter = collections.Counter()
    segments = set()
    for path in directory.iterdir():
        if not path.is_file():
            continue
        stem, dot, suffix = path.name.partition(".")
        if dot and len(stem) == 32:  # a segment's file: its uuid, then the kind
            segments.add(stem)
            parts[suffix] += path.stat().st_size
        else:
            parts["other"] += path.stat().st_size
    return len(segments), parts


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cache", type=Path, help="one corpus's folder in the cache")
    parser.add_argument("--fields", action="store_true", help="per-field terms and postings")
    args = parser.parse_args(argv)
    if not args.cache.is_dir():
        sys.exit(f"no such folder: {args.cache}")
    total = sum(f.stat().st_size for f in args.cache.rglob("*") if f.is_file())
    print(f"{args.cache}: {_mb(total)} in all")
    for name in ("whoosh", "whoosh-annotations"):
        directory = args.cache / name
        if not directory.is_dir():
            continue
        size = sum(f.stat().st_size for f in directory.iterdir() if f.is_file())
        segments, parts = _index_parts(directory)
        shown = ", ".join(f"{kind} {_mb(n)}" for kind, n in parts.most_common())
        print(f"{name}: {_mb(size)}, {segments} segments: {shown}")
        if args.fields:
            print(f"  {'field':12} {'terms':>11} {'postings':>12} {'positions':>12}")
            rows = sorted(_field_stats(directory).items(), key=lambda item: -item[1][1])
            for field, (terms, postings, positions) in rows:
                print(f"  {field:12} {terms:>11,} {postings:>12,} {positions:>12,}")
    for name in ("tantivy", "tantivy-annotations"):
        directory = args.cache / name
        if not directory.is_dir():
            continue
        segments, parts = _tantivy_files(directory)
        shown = ", ".join(f"{kind} {_mb(n)}" for kind, n in parts.most_common())
        print(f"{name}: {_mb(sum(parts.values()))}, {segments} segments: {shown}")
    store = args.cache / "articles.sqlite"
    if store.is_file():
        sides = sum(f.stat().st_size for f in args.cache.glob("articles.sqlite*"))
        print(f"store: {_mb(sides)} (with its WAL)")
        for table, size in _store_tables(store)[:10]:
            print(f"  {table:28} {_mb(size)}")
        if args.fields:
            print(f"  {'column':34} {'rows':>11} {'bytes':>12}")
            for column, rows, size in _store_columns(store):
                print(f"  {column:34} {rows:>11,} {_mb(size):>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
