"""Live search, history, did-you-mean, and moving between matches in an article."""

from __future__ import annotations

import asyncio
import threading

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import type_text, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {
        "id": "a",
        "title": "Storm hits coast",
        "text": "The storm hit. Storm damage grew.\n\n"
        + "Filler sentence here. " * 60
        + "\n\nThe storm passed at last.",
    },
    {"id": "b", "title": "Budget vote", "text": "The senate voted on the budget."},
    {"id": "c", "title": "Peskov speaks", "text": "Dmitry Peskov spoke to reporters."},
]


def run(tmp_path, scenario, size=(120, 30)):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await scenario(app, pilot)

    asyncio.run(main())


def test_results_update_while_typing(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("slash")
        await type_text(pilot, "budget")
        await wait_for(
            pilot, lambda: app.view.results is not None and app.view.results.query == "budget"
        )
        assert len(app.article_list.ids) == 1
        assert app.focused is app.search_input  # typing goes on
        assert app.searching.history.entries == []  # only Enter commits to history
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.searching.history.entries == ["budget"])

    run(tmp_path, scenario)


def test_a_slow_stale_query_never_overwrites_a_newer_result(tmp_path):
    async def scenario(app, pilot):
        engine = app.library.engine
        release = threading.Event()
        real_search = engine.search

        def slow_search(query, **kwargs):
            if query == "storm":
                release.wait(5)
            return real_search(query, **kwargs)

        engine.search = slow_search
        app.run_search("storm")  # slow
        await pilot.pause(0.1)
        app.run_search("budget")  # fast, newer
        await wait_for(
            pilot, lambda: app.view.results is not None and app.view.results.query == "budget"
        )
        release.set()
        await pilot.pause(0.5)
        assert app.view.results.query == "budget"
        assert [app.article_list.row(i).title for i in app.article_list.ids] == ["Budget vote"]

    run(tmp_path, scenario)


def test_history_walks_with_up_and_down_and_survives_restart(tmp_path):
    async def first(app, pilot):
        for query in ("storm", "budget"):
            await pilot.press("slash")
            app.search_input.value = ""
            await type_text(pilot, query)
            await pilot.press("enter")
            await wait_for(pilot, lambda q=query: app.view.results and app.view.results.query == q)

    async def second(app, pilot):
        await pilot.press("slash")
        await pilot.press("up")
        assert app.search_input.value == "budget"
        await pilot.press("up")
        assert app.search_input.value == "storm"
        await pilot.press("down", "down")
        assert app.search_input.value == ""

    run(tmp_path, first)
    run(tmp_path, second)


def test_n_and_N_move_between_matches_with_an_indicator(tmp_path):
    async def scenario(app, pilot):
        app.run_search("storm")
        await wait_for(pilot, lambda: app.reader.shown.hits)
        reader = app.reader
        count = len(reader.shown.hits)
        assert count >= 3
        # "Storm hits coast": the first match is the title's, so the pane opens at the top
        assert reader.shown.title_hits and reader.scroll_y == 0
        assert reader.border_subtitle == f"{count} matches in the text (n/N)"
        await pilot.press("n")
        assert reader.border_subtitle == f"match 1/{count} (n/N)"
        await pilot.press("n", "n")
        assert reader.border_subtitle == f"match 3/{count} (n/N)"
        assert reader.scroll_y > 0  # the last storm is far down
        await pilot.press("N")
        assert reader.border_subtitle == f"match 2/{count} (n/N)"

    run(tmp_path, scenario, size=(80, 16))


def test_find_in_article(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("f")
        find = app.query_one("#find")
        assert app.focused is find
        await type_text(pilot, "FILLER")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.border_subtitle.startswith("match 1/60"))
        assert "60 matches" in str(app.query_one("#message").render())
        await pilot.press("f")
        await pilot.press("escape")
        assert find.has_class("hidden")

    run(tmp_path, scenario)


def test_did_you_mean_on_zero_results(tmp_path):
    async def scenario(app, pilot):
        app.search_input.value = "peskow"
        app.run_search("peskow")
        message = app.query_one("#message")
        await wait_for(pilot, lambda: "Did you mean" in str(message.render()))
        await pilot.press("ctrl+y")
        await wait_for(pilot, lambda: app.view.results and app.view.results.total == 1)

    run(tmp_path, scenario)


def test_results_show_a_snippet_with_the_hits_under_each_title(tmp_path):
    async def scenario(app, pilot):
        app.run_search("damage")
        await wait_for(pilot, lambda: app.view.results is not None and app.article_list.snippets)
        lst = app.article_list
        assert lst.row_height == 2
        await wait_for(pilot, lambda: lst.ids[0] in lst.snippets)
        plain, spans = lst.snippets[lst.ids[0]]
        assert [plain[s:e] for s, e in spans] == ["damage"]
        assert "Storm damage grew" in lst.render_line(1).text
        await pilot.press("escape")
        await wait_for(pilot, lambda: lst.row_height == 1)

    run(tmp_path, scenario)


def test_a_speaker_search_shows_the_quotation_under_the_title(tmp_path):
    records = [
        {
            "id": "q",
            "title": "Pier repairs",
            "text": "The harbour board met on Tuesday about the winter timetable. "
            'Marta Quillon said "the pier will reopen before the regatta".',
        }
    ]
    dump = write_jsonl(tmp_path / "q.jsonl", records)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("speaker:quillon")
            lst = app.article_list
            await wait_for(pilot, lambda: app.view.results is not None and lst.snippets)
            await wait_for(pilot, lambda: lst.ids[0] in lst.snippets)
            plain, spans = lst.snippets[lst.ids[0]]
            assert plain.startswith("Marta Quillon: ") and "pier will reopen" in plain
            assert [plain[s:e] for s, e in spans] == ["Quillon"]
            assert "Marta Quillon:" in lst.render_line(1).text

    asyncio.run(main())


def test_sort_cycles_and_more_like_this(tmp_path):
    async def scenario(app, pilot):
        app.run_search("storm OR senate OR peskov")
        await wait_for(
            pilot, lambda: app.view.results is not None and len(app.article_list.ids) == 3
        )

        def titles():
            return [app.article_list.row(i).title for i in app.article_list.ids]

        await pilot.press("O", "O", "O")  # relevance -> newest -> oldest -> title
        assert app.view.sort_order == "title"
        assert titles() == ["Budget vote", "Peskov speaks", "Storm hits coast"]
        assert app.article_list.border_title.endswith("· title")
        await pilot.press("O")
        assert app.view.sort_order == "relevance"
        await pilot.press("M")
        await wait_for(pilot, lambda: app.view.results.query.startswith("more like:"))

    run(tmp_path, scenario)


def test_saved_searches_persist_and_appear_in_the_palette(tmp_path):
    async def first(app, pilot):
        app.search_input.value = "storm"
        app.run_search("storm")
        await wait_for(pilot, lambda: app.view.results is not None)
        app.searching.save_current()
        await pilot.pause(0.2)
        await type_text(pilot, "weather")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.searching.saved.items == {"weather": "storm"})

    async def second(app, pilot):
        assert app.searching.saved.items == {"weather": "storm"}
        await pilot.press("ctrl+p")
        await type_text(pilot, "Saved search: weather")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.view.results is not None and app.view.results.query == "storm"
        )

    run(tmp_path, first)
    run(tmp_path, second)


def test_entity_searches_during_the_entity_pass_say_they_may_be_incomplete(tmp_path):
    from tuireader.core.cache.sync import SyncProgress
    from tuireader.ui.messages import SyncProgressed

    async def scenario(app, pilot):
        app.view.syncing = True  # as while the second indexing pass runs
        app.post_message(SyncProgressed(SyncProgress(stage="annotations", articles=1)))
        await wait_for(pilot, lambda: app.view.sync_stage == "annotations")
        assert "2/2 entities and quotations" in str(app.query_one("#indexing-label").render())
        await pilot.press("slash")
        await type_text(pilot, "person:peskov")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.view.results and app.view.results.query == "person:peskov"
        )
        message = str(app.query_one("#message").render())
        assert "still being indexed" in message
        await pilot.press("slash")
        app.search_input.value = ""
        await type_text(pilot, "budget")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.view.results is not None and app.view.results.query == "budget"
        )
        assert "still being indexed" not in str(app.query_one("#message").render())
        await pilot.press("slash")
        app.search_input.value = ""
        await type_text(pilot, "exact:budget")  # the first pass's: complete already
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: app.view.results is not None and app.view.results.query == "exact:budget",
        )
        assert "still being indexed" not in str(app.query_one("#message").render())

    run(tmp_path, scenario)


def test_a_long_result_list_shows_its_first_page_then_the_rest(tmp_path):
    from tuireader.ui.controllers import search as app_module

    records = [
        {"id": f"s{i}", "title": f"Storm report {i}", "text": "storm " * (1 + i % 7) + "rain"}
        for i in range(app_module.FIRST_PAGE + 30)
    ]
    dump = write_jsonl(tmp_path / "d.jsonl", records)
    shown: list[tuple[int, str]] = []

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            real = app.listing.set_title

            def spy(label, *args, **kwargs):
                real(label, *args, **kwargs)
                shown.append((len(app.article_list.ids), str(label)))

            app.listing.set_title = spy  # type: ignore[method-assign]
            await pilot.press("slash")
            await type_text(pilot, "storm")
            await pilot.press("enter")
            total = app_module.FIRST_PAGE + 30
            await wait_for(pilot, lambda: len(app.article_list.ids) == total)
            first_hit = app.view.results.ids[0]
            assert app.reader.shown.article.title == app.library.store.get(first_hit).title
            assert f"{total} of {total} match" in str(app.article_list.border_title)

    asyncio.run(main())
    page = app_module.FIRST_PAGE  # more than the 30-line terminal's list shows
    committed = [e for e in shown if e[0] >= page and not e[1].startswith("Searching")]
    assert committed[0][0] == page and "+" in committed[0][1]  # the first page, count estimated
    assert committed[-1][0] == page + 30


def test_a_running_search_shows_in_the_list_title_without_moving_the_panes(tmp_path):
    """Starting a search changes no layout (a full-screen frame that keys pressed during the
    search would wait behind): the list says what it is searching for; the panes stay put."""

    async def scenario(app, pilot):
        engine = app.library.engine
        release = threading.Event()
        real_search = engine.search

        def slow_search(query, **kwargs):
            release.wait(5)
            return real_search(query, **kwargs)

        engine.search = slow_search
        lst = app.article_list
        before = lst.region
        app.run_search("storm")
        await pilot.pause(0.2)
        assert str(lst.border_title) == "Searching for 'storm'…"
        assert lst.region == before
        release.set()
        await wait_for(
            pilot, lambda: app.view.results is not None and app.view.results.query == "storm"
        )
        assert "Searching" not in str(lst.border_title)

    run(tmp_path, scenario)


def test_in_a_tall_terminal_the_first_page_fills_the_list(tmp_path):
    """On Enter the first search asks for as many hits as the list shows, then the rest."""
    limits = []

    async def scenario(app, pilot):
        real_search = app.library.engine.search

        def spy(query, limit=1000, **kwargs):
            limits.append(limit)
            return real_search(query, limit, **kwargs)

        app.library.engine.search = spy
        rows = app.article_list.result_rows_in_view()
        app.run_search("storm OR budget OR peskov")
        await wait_for(pilot, lambda: app.view.results is not None)
        assert rows > 20
        assert limits[0] == rows

    run(tmp_path, scenario, size=(120, 90))


def test_what_the_app_holds_after_a_sync_is_kept_out_of_garbage_collections(tmp_path):
    """A full collection walks every object the app holds (30-40 ms at 100k articles, a key
    waits for it): after a sync they are frozen out of it, and let go when the app ends."""
    import gc

    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: gc.get_freeze_count() > 0)
        assert gc.get_freeze_count() == 0

    asyncio.run(main())


def test_a_bad_query_leaves_the_header_saying_what_the_list_shows(tmp_path):
    async def scenario(app, pilot):
        app.run_search("storm")
        await wait_for(
            pilot, lambda: app.view.results is not None and app.view.results.query == "storm"
        )
        shown = app.article_list.border_title
        message = app.query_one("#message")
        app.search_input.value = "title:("
        app.run_search("title:(")
        await wait_for(pilot, lambda: message.has_class("error"))
        assert app.article_list.border_title == shown  # not "Searching for 'title:('…"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.view.results is None)
        app.run_search("title:(")
        await wait_for(pilot, lambda: message.has_class("error"))
        assert app.article_list.border_title == "3 articles · 3 unread"

    run(tmp_path, scenario)


def test_esc_after_a_find_closes_the_find_not_the_search(tmp_path):
    async def scenario(app, pilot):
        app.run_search("storm")
        await wait_for(pilot, lambda: app.reader.shown.hits)
        search_hits = app.reader.shown.hits
        search_subtitle = app.reader.border_subtitle
        await pilot.press("f")
        await type_text(pilot, "filler")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.border_subtitle.startswith("match 1/60"))
        await pilot.press("escape")  # closes the find: the search's hits are back
        assert app.view.results is not None and app.view.results.query == "storm"
        assert app.reader.shown.hits == search_hits
        assert app.reader.border_subtitle == search_subtitle
        await pilot.press("escape")  # and now the search
        await wait_for(pilot, lambda: app.view.results is None)

    run(tmp_path, scenario)


def test_sorting_again_replaces_the_toast(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("storm OR senate OR peskov")
            await wait_for(pilot, lambda: app.view.results is not None)
            await pilot.press("O", "O", "O", "O")
            await pilot.pause(0.3)
            shown = [toast.render().plain for toast in app.screen.query("Toast")]
            assert shown == ["Sorted by relevance"]

    asyncio.run(main())


def test_save_screenshot_makes_the_downloads_folder(tmp_path, monkeypatch):
    """The palette's "Screenshot" failed while ~/Downloads did not exist."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))

    async def scenario(app, pilot):
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Screenshot"].callback()  # what the palette runs
        await wait_for(pilot, lambda: list((home / "Downloads").glob("*.svg")))

    run(tmp_path, scenario)


def test_the_results_are_searched_again_when_the_indexing_ends(tmp_path):
    """A query answered while the entity pass ran is asked again once it ends (its results
    were those of the articles annotated then), and the note that they were incomplete goes."""
    from tuireader.core.cache.sync import SyncProgress, SyncReport
    from tuireader.ui.messages import SyncFinished, SyncProgressed

    async def scenario(app, pilot):
        app.view.syncing = True  # as while the second indexing pass runs
        app.post_message(SyncProgressed(SyncProgress(stage="annotations", articles=1)))
        await wait_for(pilot, lambda: app.view.sync_stage == "annotations")
        await pilot.press("slash")
        await type_text(pilot, "person:peskov")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.view.results and app.view.results.query == "person:peskov"
        )
        assert "still being indexed" in str(app.query_one("#message").render())
        asked = []
        search = app.library.search

        def counting(query, *args, **kwargs):
            asked.append(query)
            return search(query, *args, **kwargs)

        app.library.search = counting
        app.post_message(SyncFinished(SyncReport()))
        await wait_for(pilot, lambda: asked == ["person:peskov"])
        await wait_for(
            pilot, lambda: "still being indexed" not in str(app.query_one("#message").render())
        )
        assert len(app.view.results.ids) == 1

    run(tmp_path, scenario)


def test_the_first_article_opens_once_the_text_pass_has_listed_them(tmp_path, monkeypatch):
    """A new corpus: the list's first article is shown as soon as the entity pass begins (it
    may take minutes on a big corpus), not "Choose an article." until it ends."""
    from tuireader.core.library.library import Library

    entity_pass_may_end = threading.Event()
    real_sync = Library.sync

    def slow_entity_pass(self, on_event=None, cancel=None):
        def tell(event):
            on_event(event)
            progress = getattr(event, "progress", None)
            if progress is not None and progress.stage == "annotations":
                entity_pass_may_end.wait(10)

        return real_sync(self, tell, cancel)

    monkeypatch.setattr(Library, "sync", slow_entity_pass)
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            try:
                await wait_for(pilot, lambda: app.view.sync_stage == "annotations")
                await wait_for(pilot, lambda: app.reader.shown is not None)
                assert app.view.syncing
            finally:
                entity_pass_may_end.set()
            await wait_for(pilot, lambda: not app.view.syncing)

    asyncio.run(main())
