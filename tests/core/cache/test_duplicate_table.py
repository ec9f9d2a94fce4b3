"""Near-duplicates found once, by the annotation pass: a list of any length is folded from the
kept pairs (no text compared), and the pairs follow adds, changes, deletes and a rows-version
bump."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.core.investigate.test_near_duplicates import COPY, OTHER, WIRE
from tuireader.core.library import Library


def _write(folder, name, title, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")


def _titles(library, groups):
    return sorted(sorted(library.get(i).title for i in group) for group in groups)


def _folded(library):
    """The titles of each group the list of every article folds."""
    return _titles(library, library.duplicate_groups(library.ordered_ids()))


@contextmanager
def _synced(folder) -> Iterator[Library]:
    """The folder's Library, indexed and annotated."""
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        yield library


def _no_comparing(monkeypatch):
    from tuireader.core.present import duplicate_groups

    def compare(*_args):
        raise AssertionError("texts compared")

    monkeypatch.setattr(duplicate_groups, "near_duplicate_groups", compare)


def test_a_list_is_folded_from_the_pairs_the_annotation_pass_found(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    _write(folder, "a.txt", "Wire", WIRE)
    _write(folder, "b.txt", "Copy", COPY)
    _write(folder, "c.txt", "Other", OTHER)
    with _synced(folder) as library:
        _no_comparing(monkeypatch)
        ids = library.ordered_ids()
        assert _titles(library, library.duplicate_groups(ids)) == [["Copy", "Wire"]]
        # any list: the group in the list's own order, only when both are in it
        pair = library.duplicate_groups(ids)[0]
        assert library.duplicate_groups(list(reversed(ids))) == [list(reversed(pair))]
        wire = next(i for i in ids if library.get(i).title == "Wire")
        assert library.duplicate_groups([i for i in ids if i != wire]) == []


def test_the_pairs_follow_adds_changes_and_deletes(tmp_path, monkeypatch):
    folder = tmp_path / "news"
    _write(folder, "a.txt", "Wire", WIRE)
    _write(folder, "c.txt", "Other", OTHER)
    with _synced(folder) as library:
        assert library.duplicate_groups(library.ordered_ids()) == []
        _write(folder, "b.txt", "Copy", COPY)  # a later sync brings a copy
        _write(folder, "d.txt", "Second copy", WIRE.upper())
        library.sync()
        groups = library.duplicate_groups(library.ordered_ids())
        assert _titles(library, groups) == [["Copy", "Second copy", "Wire"]]
        _write(folder, "b.txt", "Copy", "A storm closed the coast road near Porto on Friday.")
        (folder / "d.txt").unlink()
        library.sync()
        assert library.duplicate_groups(library.ordered_ids()) == []
        with library.connection() as store:
            assert store.near_duplicate_pairs() == []


def test_the_pairs_are_found_again_from_kept_data_on_a_rows_version_bump(tmp_path, monkeypatch):
    from tuireader.core.cache import annotation_sync
    from tuireader.core.investigate import rows
    from tuireader.core.search import annotation_fields

    def no_annotating(*_args):
        raise AssertionError("annotated again")

    folder = tmp_path / "news"
    _write(folder, "a.txt", "Wire", WIRE)
    _write(folder, "b.txt", "Copy", COPY)
    with _synced(folder) as library:
        with library.connection() as store:
            store.db.execute("DELETE FROM near_duplicates")  # as a store made before them
            store.db.execute("DELETE FROM sketch_keys")
        monkeypatch.setattr(annotation_sync, "ROWS_VERSION", "next")
        monkeypatch.setattr(rows, "ROWS_VERSION", "next")
        monkeypatch.setattr(annotation_fields, "cached_annotate", no_annotating)
        library.sync()
        _no_comparing(monkeypatch)
        assert _folded(library) == [["Copy", "Wire"]]


def test_before_the_annotation_pass_the_list_s_first_texts_are_compared(tmp_path):
    folder = tmp_path / "news"
    _write(folder, "a.txt", "Wire", WIRE)
    _write(folder, "b.txt", "Copy", COPY)
    with _synced(folder) as library:
        with library.connection() as store:
            store.db.execute("UPDATE entity_state SET version = ''")  # not made by this code
        assert _folded(library) == [["Copy", "Wire"]]


def test_annotating_every_article_again_leaves_no_old_keys_behind(tmp_path):
    import shutil

    folder = tmp_path / "news"
    _write(folder, "a.txt", "Wire", WIRE)
    _write(folder, "b.txt", "Copy", COPY)
    with _synced(folder) as library:
        with library.connection() as store:
            keys = store.db.execute("SELECT count(*) FROM sketch_keys").fetchone()[0]
            store.db.execute("UPDATE sketch_keys SET key = key + 1")  # as made another way
        cache = library.corpus.cache_dir
    annotations = [p for p in cache.iterdir() if p.is_dir() and p.name.endswith("annotations")]
    assert annotations
    for path in annotations:
        shutil.rmtree(path)  # a new annotation index: every article annotated again
    with _synced(folder) as library:
        with library.connection() as store:
            assert store.db.execute("SELECT count(*) FROM sketch_keys").fetchone()[0] == keys
        assert _folded(library) == [["Copy", "Wire"]]
