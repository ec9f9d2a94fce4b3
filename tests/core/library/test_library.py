"""The door (core.library): open, sync with events, search, read, mark and export a corpus,
as the CLI and the reader both do it."""

from __future__ import annotations

import io
import json
import threading

import pytest

from tests.conftest import write_jsonl
from tuireader.cli import main
from tuireader.core.base import paths
from tuireader.core.cache.sync import SyncReport
from tuireader.core.library import ArticleUnavailable, Library, SyncProgressed
from tuireader.core.library import annotations as kept_annotations
from tuireader.core.search import QueryError, engine_available
from tuireader.core.search.meta_filter import MetaFilter, parse_date_range

QUOTE = "We will not accept any interference in our elections from anybody at all"
DOCS = [
    {
        "id": "a",
        "title": "Russia denies hacking",
        "text": f'Moscow rejected it. "{QUOTE}," Dmitry Peskov said on Friday.\n\n'
        "The hacking claims were called rubbish.",
        "date": "2016-10-07T10:00:00+00:00",
        "source": "Wire",
        "url": "https://example.com/a",
    },
    {
        "id": "b",
        "title": "Kremlin answers",
        "text": f'The Kremlin spoke again. "{QUOTE}," said Dmitry Peskov, the spokesman. '
        "Hacking was denied.",
        "date": "2016-10-09T10:00:00+00:00",
        "source": "Daily",
    },
    {
        "id": "c",
        "title": "Senate hearing on budget",
        "text": "Ben Sasse spoke about the budget. Hacking was not on the agenda.",
        "date": "2016-11-02T10:00:00+00:00",
        "source": "Wire",
    },
    {"id": "d", "title": "Undated note", "text": "A short note about the budget."},
]


@pytest.fixture
def dump(tmp_path):
    return write_jsonl(tmp_path / "news.jsonl", DOCS)


@pytest.fixture(params=["whoosh", "tantivy"])
def library(dump, request):
    """The corpus on each engine: what the reader does works on both."""
    if not engine_available(request.param):
        pytest.skip(f"{request.param} is not installed")
    lib = Library.open([str(dump)])
    lib.corpus.choose_engine(request.param)
    lib.sync()
    yield lib
    lib.close()


def _id(lib: Library, title: str) -> int:
    return next(r.id for r in lib.rows(lib.ordered_ids()).values() if r.title == title)


# -- opening and syncing ---------------------------------------------------------------------


def test_open_without_paths_is_the_sample_and_a_bad_config_is_a_notice(sample_corpus):
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[corpus\n", encoding="utf-8")
    with Library.open([]) as lib:
        assert [str(p) for p in lib.corpus.paths] == [str(sample_corpus)]
        notices = lib.take_notices()
        assert any("using the sample corpus" in n for n in notices), notices
        assert lib.take_notices() == []  # said once


def test_sync_reports_progress_as_events_of_both_passes(dump):
    events = []
    with Library.open([str(dump)]) as lib:
        report = lib.sync(events.append)
        assert isinstance(report, SyncReport) and report.added == len(DOCS)
        assert lib.count() == len(DOCS)
    assert events and all(isinstance(e, SyncProgressed) for e in events)
    assert {e.progress.stage for e in events} == {"text", "annotations"}
    # each event is a copy: the last text event still says what it said
    text = [e.progress for e in events if e.progress.stage == "text"]
    assert text[-1].articles == len(DOCS) and text[-1].committed


def test_a_cancelled_sync_indexes_nothing(dump):
    cancel = threading.Event()
    cancel.set()
    with Library.open([str(dump)]) as lib:
        report = lib.sync(cancel=cancel)
        assert report.cancelled and lib.count() == 0


# -- searching -------------------------------------------------------------------------------


def test_search_with_filters_sort_and_pages(library):
    everything = library.search("hacking")
    assert everything.total == 3 and len(everything.ids) == 3
    wire = library.search("hacking", narrow=MetaFilter(source="Wire"))
    titles = {r.title for r in library.rows(wire.ids).values()}
    assert titles == {"Russia denies hacking", "Senate hearing on budget"}
    october = library.search("hacking", narrow=MetaFilter(dates=parse_date_range("2016-10")))
    assert october.total == 2

    newest = library.search("hacking", sort="newest")
    rows = library.rows(newest.ids)
    dates = [rows[i].date_ts for i in newest.ids]
    assert dates == sorted(dates, reverse=True)
    pages = [library.search("hacking", sort="newest", limit=1, offset=n).ids for n in range(3)]
    assert [i for page in pages for i in page] == newest.ids
    assert all(library.search("hacking", limit=1, offset=n).total == 3 for n in range(3))

    by_title = library.search("budget", sort="title")
    assert [library.rows([i])[i].title for i in by_title.ids] == [
        "Senate hearing on budget",
        "Undated note",
    ]
    # a filter alone lists what it passes, newest first
    assert library.search("", narrow=MetaFilter(source="Daily")).total == 1


def test_search_errors_and_suggestions(library):
    with pytest.raises(QueryError):
        library.search('"unclosed')
    assert library.search("hackng").total == 0
    suggestion = library.suggest("hackng")
    assert suggestion and library.search(suggestion).total == 3


def test_marks_drive_user_clauses_and_the_article_view(library):
    peskov = _id(library, "Russia denies hacking")
    library.set_starred(peskov)
    library.set_tags(peskov, ["kremlin"])
    library.set_note(peskov, "check the quote")
    library.set_read([peskov])
    assert library.search("is:starred").ids == [peskov]
    assert library.search("tag:kremlin hacking").ids == [peskov]
    assert peskov not in library.search("is:unread").ids
    assert library.starred_in_order() == [peskov] and library.read_ids() == {peskov}
    view = library.article(peskov)
    assert view.marks.starred and view.marks.tags == ("kremlin",)
    assert view.marks.note == "check the quote" and view.marks.read
    assert library.tags() == [("kremlin", 1)]
    library.set_starred(peskov, False)
    assert library.search("is:starred").total == 0


def test_snippets_come_from_the_kept_texts_around_the_hits(library):
    found = library.search("rubbish")
    (article_id,) = found.ids
    snippet, spans = library.snippets(found.ids, found.terms)[article_id]
    assert [snippet[a:b].lower() for a, b in spans] == ["rubbish"]


# -- reading an article ----------------------------------------------------------------------


def test_article_view_has_hits_annotations_and_shared_quotes(library):
    found = library.search("hacking")
    article_id = _id(library, "Russia denies hacking")
    view = library.article(article_id, found.terms, found.title_terms)
    body, title = view.article.body, view.article.title
    assert [body[a:b].lower() for a, b in view.hits] == ["hacking"]
    assert [title[a:b].lower() for a, b in view.title_hits] == ["hacking"]
    people = [e for e in view.annotations.entities if e.label == "PERSON"]
    assert people and all(body[e.start : e.end] == e.text for e in people)
    assert any(e.text == "Dmitry Peskov" for e in people)
    (quote,) = view.annotations.quotes
    assert QUOTE in body[quote.start : quote.end]
    assert view.shared == {0: 1}  # the other article carries it
    assert view.meta() == "Wire · 2016-10-07T10:00:00+00:00 · https://example.com/a"
    assert view.meta(lambda d: d.strftime("%d %b %Y")).split(" · ")[1] == "07 Oct 2016"
    assert view.location == "" and view.indexed

    (source,) = library.quote_sources(view)
    assert source.article_id == _id(library, "Kremlin answers")
    assert source.title == "Kremlin answers" and source.speaker == "Dmitry Peskov"

    alone = library.article(_id(library, "Undated note"))
    assert alone.shared == {} and alone.hits == ()


def test_article_text_is_read_from_the_store_not_the_file(library, dump):
    """The one home of text: what was indexed is shown, even when the file changed or went
    since (until the next sync), like the list, the hits and the snippets."""
    article_id = _id(library, "Kremlin answers")
    dump.unlink()
    view = library.article(article_id)
    assert view.article.title == "Kremlin answers" and "spokesman" in view.article.body
    assert view.article.record_id == "b"
    with pytest.raises(ArticleUnavailable):
        library.article(10**9)


def test_annotations_not_kept_at_index_time_are_kept_when_first_opened(dump, monkeypatch):
    """A parallel annotation pass (or an older cache) keeps none: the first opening finds
    them and keeps them, for every later one, in this process or the next."""
    with Library.open([str(dump)]) as lib:
        lib.sync()
        lib.store.db.execute("DELETE FROM annotations")  # as a parallel pass leaves it
        article_id = _id(lib, "Russia denies hacking")
        first = lib.article(article_id).annotations
    calls = []
    real = kept_annotations.annotate
    monkeypatch.setattr(kept_annotations, "annotate", lambda *a: calls.append(a) or real(*a))
    with Library.open([str(dump)]) as lib:  # a new process: nothing in memory
        assert lib.article(article_id).annotations == first
        assert calls == []
        other = _id(lib, "Kremlin answers")
        lib.article(other)
        assert len(calls) == 1  # not kept yet: found once
    with Library.open([str(dump)]) as lib:
        lib.article(other)
        assert len(calls) == 1


def test_stale_annotations_are_found_again(dump, monkeypatch):
    with Library.open([str(dump)]) as lib:
        lib.sync()
        article_id = _id(lib, "Undated note")
        assert not [e for e in lib.article(article_id).annotations.entities if e.label == "PERSON"]
    changed = [dict(d) for d in DOCS]
    changed[3]["text"] = "A short note about the budget, written by Ben Sasse."
    write_jsonl(dump, changed)
    with Library.open([str(dump)]) as lib:
        lib.sync()
        names = {e.text for e in lib.article(article_id).annotations.entities}
        assert "Ben Sasse" in names


def test_article_from_a_worker_thread(library):
    article_id = _id(library, "Kremlin answers")
    seen = []
    worker = threading.Thread(target=lambda: seen.append(library.article(article_id)))
    worker.start()
    worker.join()
    assert seen[0].article.title == "Kremlin answers"


def test_similar_and_shared_text(library):
    article_id = _id(library, "Russia denies hacking")
    results = library.similar(article_id)
    assert _id(library, "Kremlin answers") in results.ids
    assert article_id not in results.ids
    shares = library.shared_text(article_id, results.hits)
    assert set(shares) == set(results.ids) and all(0 <= s <= 1 for s in shares.values())


# -- exporting -------------------------------------------------------------------------------


def test_export_is_the_one_the_command_line_writes(library, dump, capsys):
    peskov = _id(library, "Russia denies hacking")
    library.set_tags(peskov, ["kremlin"])
    buffer = io.StringIO()
    assert library.export_query("hacking", "jsonl", out=buffer) == 3
    capsys.readouterr()
    assert main(["export", "hacking", "--corpus", str(dump)]) == 0
    assert capsys.readouterr().out == buffer.getvalue()
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert {r["id"] for r in records} == {"a", "b", "c"}
    assert next(r for r in records if r["id"] == "a")["tags"] == ["kremlin"]


def test_export_of_one_article_with_its_kept_annotations(library, tmp_path):
    peskov = _id(library, "Russia denies hacking")
    target = tmp_path / "one.md"
    assert library.export([peskov], path=target, annotations=True) == 1
    text = target.read_text(encoding="utf-8")
    assert "## Russia denies hacking" in text and "Dmitry Peskov (PERSON)" in text
    assert "*Dmitry Peskov*" in text  # the quotation's speaker


def test_the_annotation_pass_keeps_what_it_found_for_opening(dump, monkeypatch):
    """Annotations are found once, at index time: opening an article reads them back."""
    with Library.open([str(dump)]) as lib:
        lib.sync()
        calls = []
        monkeypatch.setattr(kept_annotations, "annotate", lambda *a: calls.append(a))
        for article_id in lib.ordered_ids():
            view = lib.article(article_id)
            assert all(
                view.article.body[e.start : e.end] == e.text for e in view.annotations.entities
            )
        assert calls == []
        assert lib.annotations_of(_id(lib, "Kremlin answers")).quotes


def test_without_user_data_marks_are_off_and_their_clauses_say_why(library):
    folder = paths.data_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.write_text("not a folder")  # the user data cannot be made
    assert library.marks is None and library.read_ids() == set() and library.tags() == []
    with pytest.raises(QueryError, match="need the user data"):
        library.search("is:starred")
    assert library.search("hacking").total == 3  # the rest works
    view = library.article(_id(library, "Kremlin answers"))
    assert not view.marks.starred


def test_searches_from_a_worker_thread_use_filters_marks_and_orders(library):
    peskov = _id(library, "Russia denies hacking")
    library.set_starred(peskov)
    found = {}

    def work():
        found["plain"] = library.search("hacking").total
        found["wire"] = library.search("hacking", narrow=MetaFilter(source="Wire")).total
        found["starred"] = library.search("is:starred hacking").ids
        found["oldest"] = library.search("hacking", sort="oldest").ids

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert found["plain"] == 3 and found["wire"] == 2 and found["starred"] == [peskov]
    assert found["oldest"] == list(reversed(library.search("hacking", sort="newest").ids))


def test_an_unwritable_cache_is_a_notice_or_for_index_an_error(dump):
    from tests.read_only import read_only
    from tuireader.core.cache.store import CacheError

    with Library.open([str(dump)]) as lib:
        lib.sync()
        folder = lib.corpus.cache_dir
    with read_only(folder):
        with pytest.raises(CacheError):
            Library.open([str(dump)], fallback=False)
        with Library.open([str(dump)]) as lib:
            (notice,) = lib.take_notices()
            assert "showing the index as it is" in notice
            assert lib.sync().read_only
            assert lib.search("hacking").total == 3


def test_an_article_opened_before_the_index_says_so_and_has_its_shares_after(dump):
    with Library.open([str(dump)]) as lib:
        lib.sync()
    with Library.open([str(dump)]) as lib:  # the list is there at once, the index not yet
        article_id = _id(lib, "Russia denies hacking")
        early = lib.article(article_id, frozenset({"hack"}))
        assert not early.indexed and early.shared == {} and early.hits == ()
        assert early.annotations.quotes  # kept: no index needed
        lib.open_index()
        late = lib.article(article_id, frozenset({"hack"}))
        assert late.indexed and late.shared == {0: 1} and len(late.hits) == 1
