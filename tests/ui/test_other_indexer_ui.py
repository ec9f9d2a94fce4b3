"""A second reader opened while another process indexes the corpus says so for as long as it
lasts (not a toast gone in seconds), warns that person:/speaker: searches may be partial, and
once the other is done (or gone) brings the index up to date itself."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync_lock
from tuireader.ui import app as app_module
from tuireader.ui.app import ReaderApp

RECORDS = [
    {
        "id": str(n),
        "title": f"Harbor Trust report {n}",
        "text": f'"We sail at dawn," Mara Jonsby said of trip {n}.',
    }
    for n in range(5)
]


def bar_text(app) -> str:
    from textual.widgets import Label

    bar = app.query_one("#indexing")
    labels = bar.query(Label)
    return str(labels.first().render()) if bar.has_class("active") and labels else ""


def test_a_reader_opened_while_another_indexes_says_so_then_syncs_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(app_module, "FOLLOW_INTERVAL", 0.2)
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    corpus = Corpus([dump])
    lock = sync_lock(corpus)
    lock.__enter__()  # another process's sync

    async def main():
        app = ReaderApp(corpus)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.view.synced)
            await pilot.pause(0.5)
            assert "Another tuireader is indexing this corpus" in bar_text(app)
            # nothing committed yet: the list says why it is empty (not "No articles found.")
            assert app.article_list.empty_message == "Another tuireader is indexing this corpus…"
            app.run_search("speaker:jonsby")
            await wait_for(pilot, lambda: app.view.results is not None)
            message = str(app.query_one("#message").render())
            assert "Another tuireader is indexing this corpus" in message
            lock.__exit__(None, None, None)  # the other is done: this one syncs
            await wait_for(pilot, lambda: len(app.view.results.ids) == 5, timeout=30)
            await wait_for(pilot, lambda: not bar_text(app))
            assert not app.view.other_syncing
            assert "Another tuireader" not in str(app.query_one("#message").render())

    try:
        asyncio.run(main())
    finally:
        lock.__exit__(None, None, None)


def test_results_searched_again_on_a_grown_index_make_their_snippets_again(tmp_path):
    """The snippets made while the entity pass ran (a quotation not indexed yet: "…") are
    not kept when the results are searched again once it has ended."""
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("speaker:jonsby")
            lst = app.article_list
            await wait_for(pilot, lambda: lst.snippets and len(lst.snippets) == 5)
            first = lst.ids[0]
            made = lst.snippets[first][0]
            assert "We sail at dawn" in made
            lst.snippets[first] = ("stale", [])  # as made before its quotation was indexed
            app.searching.refresh_in_place()
            await wait_for(pilot, lambda: lst.snippets.get(first, ("stale",))[0] == made)

    asyncio.run(main())
