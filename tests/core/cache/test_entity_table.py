"""The corpus entity table follows the sync: filled with the annotations, rows of removed
articles gone, a changed article's row replaced, a damaged store rebuilt with it."""

from __future__ import annotations

import sqlite3

from tuireader.core.library import Library


def _write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def _people(library):
    return {e.name: e.articles for e in library.investigation.entities(None, "person")}


def test_entity_table_follows_adds_changes_and_deletes(tmp_path):
    folder = tmp_path / "news"
    _write(folder, "a.txt", "Talks\n\nJane Doe met Richard Roe in Paris on Monday.\n")
    _write(
        folder, "b.txt", 'More talks\n\nJane Doe spoke again. Doe said "we agree on it all now".\n'
    )
    _write(folder, "c.txt", "Later\n\nMr. Doe said the talks went well.\n")
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        # c.txt names only "Doe": the corpus has one Doe, so it is Jane Doe's article too.
        assert _people(library) == {"Jane Doe": 3, "Richard Roe": 1}
        assert library.investigation.index().aliases
        (folder / "a.txt").unlink()
        (folder / "c.txt").unlink()
        _write(folder, "b.txt", "Changed\n\nJohn Smith spoke in Paris.\n")
        library.sync()
        assert _people(library) == {"John Smith": 1}
        with library.connection() as store:
            assert len(store.entity_rows()) == store.count() == 1


def test_a_damaged_store_is_rebuilt_with_its_entity_table(tmp_path):
    folder = tmp_path / "news"
    _write(folder, "a.txt", "Talks\n\nJane Doe met Richard Roe in Paris on Monday.\n")
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        path = library.corpus.store_path
    path.write_bytes(b"\xff" * 4096)
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        assert _people(library) == {"Jane Doe": 1, "Richard Roe": 1}
    assert any(p.name.startswith("articles.sqlite.corrupt") for p in path.parent.iterdir())
    tables = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"entity_names", "article_entities"} <= tables


def test_rows_made_another_way_are_made_again_from_the_kept_annotations(tmp_path, monkeypatch):
    from tuireader.core.cache import annotation_sync
    from tuireader.core.search import annotation_fields

    def no_annotating(*_args):
        raise AssertionError("annotated again")

    folder = tmp_path / "news"
    _write(folder, "a.txt", "Talks\n\nJane Doe met Richard Roe in Paris on Monday.\n")
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        monkeypatch.setattr(annotation_sync, "ROWS_VERSION", "next")
        monkeypatch.setattr(annotation_fields, "cached_annotate", no_annotating)
        library.sync()
        with library.connection() as store:
            assert store.entity_rows_version() == "next"
        assert _people(library) == {"Jane Doe": 1, "Richard Roe": 1}


def test_who_said_what_reads_the_quotation_rows_not_the_annotations(tmp_path, monkeypatch):
    from tuireader.core.library import annotations

    folder = tmp_path / "news"
    said = 'Jane Doe said "we will agree on all of it by Friday night".'
    _write(folder, "a.txt", f"Talks\n\nJane Doe met Richard Roe in Paris. {said}\n")
    _write(folder, "b.txt", f"Copy\n\nA wire copy: {said} Richard Roe said nothing.\n")
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()

        def no_decoding(*_args):
            raise AssertionError("annotations decoded")

        monkeypatch.setattr(annotations, "decode", no_decoding)
        monkeypatch.setattr(library, "annotations_of", no_decoding)
        quotes = library.investigation.quotes(None, "Doe")
        assert [q.speaker for q in quotes] == ["Jane Doe"]
        assert quotes[0].text.strip('"“”') == "we will agree on all of it by Friday night"
        assert len(quotes[0].sites) == 2  # carried by both articles: listed once
        first = quotes[0].first
        text = library.read(first.article_id).full_text  # the offsets index the full text
        assert "we will agree" in text[first.start : first.end]


def test_quotation_rows_are_made_again_from_kept_annotations_on_a_version_bump(
    tmp_path, monkeypatch
):
    from tuireader.core.cache import annotation_sync
    from tuireader.core.search import annotation_fields

    def no_annotating(*_args):
        raise AssertionError("annotated again")

    folder = tmp_path / "news"
    _write(folder, "a.txt", 'Talks\n\nJane Doe said "we will agree on all of it by Friday".\n')
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        with library.connection() as store:
            store.db.execute("DELETE FROM quotations")  # as a store made before them
        monkeypatch.setattr(annotation_sync, "ROWS_VERSION", "next")
        monkeypatch.setattr(annotation_fields, "cached_annotate", no_annotating)
        library.sync()
        with library.connection() as store:
            assert len(store.quote_rows([1, 2, 3])) == 1


def test_an_entity_filter_finds_the_articles_a_later_sync_adds(tmp_path):
    from tuireader.core.search.meta_filter import MetaFilter

    folder = tmp_path / "news"
    _write(folder, "a.txt", "Talks\n\nJane Doe met Richard Roe in Paris on Monday.\n")
    _write(folder, "b.txt", "Storm\n\nA storm closed the coast road.\n")
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        narrow = MetaFilter(
            entities=("Jane Doe",), within=library.investigation.scope(["Jane Doe"])
        )
        assert [library.get(i).title for i in library.ordered_ids(narrow)] == ["Talks"]
        _write(folder, "c.txt", "Deal\n\nJane Doe signed the deal in Rome.\n")
        library.sync()
        titles = {library.get(i).title for i in library.ordered_ids(narrow)}
        assert titles == {"Talks", "Deal"}


_HARBOUR = (
    'Harbour vote\n\nCorla Branvick said "the pier stays open all winter long". '
    'The council agreed. "Ferries will run twice a day," Tobin Maskery told reporters.\n'
)


def _quoted(library, speaker):
    return [
        (q.speaker, q.text.strip('"“”,'), len(q.sites))
        for q in library.investigation.quotes(None, speaker)
    ]


def test_quotations_read_back_with_their_text_and_speaker_after_reopening(tmp_path):
    folder = tmp_path / "news"
    _write(folder, "a.txt", _HARBOUR)
    _write(folder, "b.txt", "Wire copy\n\n" + _HARBOUR.split("\n\n", 1)[1])
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        with library.connection() as store:  # the rows hold offsets, not the quotations' text
            blobs = [row[-1] for row in store.quote_rows([1, 2])]
            assert blobs and not any(b"pier" in blob for blob in blobs)
    with Library.open([str(folder)]) as library:
        library.open_index()
        assert _quoted(library, "Branvick") == [
            ("Corla Branvick", "the pier stays open all winter long", 2)
        ]
        assert _quoted(library, "Maskery") == [("Tobin Maskery", "Ferries will run twice a day", 2)]
        opened = library.annotations_of(1)
        said = {q.speaker_name: q.text.strip('"“”,') for q in opened.quotes}
        assert said["Corla Branvick"] == "the pier stays open all winter long"
        speakers = {q.speaker.text for q in opened.quotes if q.speaker is not None}
        assert {"Corla Branvick", "Tobin Maskery"} <= speakers


def test_quotation_texts_come_from_the_files_when_the_store_kept_none(tmp_path):
    folder = tmp_path / "news"
    _write(folder, "a.txt", _HARBOUR)
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        with library.connection() as store:  # as a store made before it kept texts
            store.db.execute("DELETE FROM bodies")
            assert store.bodies([1]) == {}
        assert _quoted(library, "Branvick") == [
            ("Corla Branvick", "the pier stays open all winter long", 1)
        ]


def test_a_store_of_the_older_format_is_made_again_without_annotating(tmp_path, monkeypatch):
    """A store whose quotation rows kept their texts (ROWS_VERSION 4) and whose annotations
    kept every span's text (a2): the next sync makes the rows again and keeps the
    annotations in the current encoding, from the kept ones (nothing annotated again)."""
    import json
    import zlib

    from tuireader.core.cache import kept_annotations
    from tuireader.core.search import annotation_fields

    folder = tmp_path / "news"
    _write(folder, "a.txt", _HARBOUR)
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        with library.connection() as store:
            found = library.annotations_of(1)
            digest = store.digests([1])[1]
            a2 = json.dumps(
                [
                    [[e.start, e.end, e.label, e.text] for e in found.entities],
                    [
                        [q.start, q.end, q.text, None, q.speaker_name, None, q.direct]
                        for q in found.quotes
                    ],
                ]
            )
            old = kept_annotations.version(digest, library.annotations.spec, "a2")
            store.db.execute(
                "UPDATE annotations SET version = ?, data = ?",
                (old, zlib.compress(a2.encode())),
            )
            store.db.execute("UPDATE entity_state SET version = '4'")
            store.db.execute("UPDATE annotated SET spec = ?", (f"{library.annotations.spec}|4",))
            store.db.execute("DROP TABLE quotations")
            store.db.execute(
                "CREATE TABLE article_quotes (id INTEGER PRIMARY KEY, quotes BLOB NOT NULL, "
                "texts BLOB NOT NULL)"
            )
            store.db.execute("INSERT INTO article_quotes VALUES (1, x'00', 'old text')")

    def no_annotating(*_args):
        raise AssertionError("annotated again")

    monkeypatch.setattr(annotation_fields, "cached_annotate", no_annotating)
    with Library.open([str(folder)]) as library:
        library.open_index()
        library.sync()
        with library.connection() as store:
            tables = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
            assert "article_quotes" not in tables
            (kept,) = store.annotations([1]).values()
            assert kept[0].endswith(":" + kept_annotations.ENCODING)
            assert store.entity_rows_version() != "4"
        assert _quoted(library, "Branvick") == [
            ("Corla Branvick", "the pier stays open all winter long", 1)
        ]
        entities = {e.name for e in library.annotations_of(1).entities}
        assert "Tobin Maskery" in entities


def test_several_articles_quotation_rows_read_as_one_array_as_one_by_one():
    from tuireader.core.cache.entity_table import (
        QUOTE_FIELDS,
        joined_hash,
        joined_quotes,
        pack_quotes,
        unpack,
    )
    from tuireader.core.investigate.rows import QuoteRow

    ids = {"Orla Vantree": 7, "Pim Saldeck": 9}
    blobs = [
        pack_quotes(
            [QuoteRow("Orla Vantree", 3, 40, -(2**63), ""), QuoteRow("", 50, 80, 2**63 - 1, "")],
            lambda _kind, name: ids[name],
        ),
        pack_quotes([QuoteRow("Pim Saldeck", 0, 12, -123456789012345, "")], lambda _k, n: ids[n]),
    ]
    values, ends = joined_quotes(blobs)
    assert ends == [2, 3]
    rows = [tuple(values[i : i + QUOTE_FIELDS]) for i in range(0, len(values), QUOTE_FIELDS)]
    one_by_one = [
        tuple(values[i : i + QUOTE_FIELDS])
        for blob in blobs
        for values in [unpack(blob)]
        for i in range(0, len(values), QUOTE_FIELDS)
    ]
    assert rows == one_by_one
    assert [joined_hash(low, high) for *_, low, high in rows] == [
        -(2**63),
        2**63 - 1,
        -123456789012345,
    ]
