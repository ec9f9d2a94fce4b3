"""Driving the reader with Textual's Pilot on small corpora made by the tests."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import list_lines, type_text, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.help import HelpScreen

HEADLINE = "U.S. Officially Accuses Russian Government Of Perpetrating DNC Email Hack"


def run_app(corpus_paths, scenario, size=(120, 36)):
    async def main():
        app = ReaderApp(Corpus(corpus_paths))
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await scenario(app, pilot)

    asyncio.run(main())


def test_sample_corpus_opens_with_both_articles_and_the_first_one_shown(sample_corpus):
    async def scenario(app, pilot):
        # the first article is shown by the app itself: a preview, still unread
        assert app.article_list.border_title == "2 articles · 2 unread"
        lines = list_lines(app)
        assert len(lines) == 2
        assert "U.S. Officially Accuses Russian" in lines[0]
        assert "The United States government has" in lines[1]
        assert app.reader.shown.article.title == HEADLINE
        assert lines[0].startswith("▶")  # the open article is marked
        assert app.focused is app.article_list

    run_app([sample_corpus], scenario)


def test_navigate_and_open(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("j")
        assert app.article_list.cursor == 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.shown.article.title.startswith("The United"))
        assert list_lines(app)[1].startswith("▶")
        await pilot.press("k", "l")
        await wait_for(pilot, lambda: app.reader.shown.article.title == HEADLINE)
        await pilot.press("G")
        assert app.article_list.cursor == 1
        await pilot.press("g")
        assert app.article_list.cursor == 0

    run_app([sample_corpus], scenario)


def test_next_previous_from_the_reading_pane_and_scrolling(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("tab")
        assert app.focused is app.reader
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: app.reader.shown.article.title.startswith("The United"))
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: app.reader.shown.article.title == HEADLINE)
        assert app.reader.scroll_y == 0
        await pilot.press("space")
        await wait_for(pilot, lambda: app.reader.scroll_y > 0)
        await pilot.press("pageup")
        await wait_for(pilot, lambda: app.reader.scroll_y == 0)

    run_app([sample_corpus], scenario, size=(100, 20))


def test_search_replaces_list_highlights_and_esc_restores(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("slash")
        assert app.focused is app.search_input
        await type_text(pilot, "Sasse")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.view.results is not None)
        assert app.article_list.border_title == "1 of 2 match"
        assert len(app.article_list.ids) == 1
        await wait_for(pilot, lambda: app.reader.shown.hits != ())
        shown = app.reader.shown
        assert shown.article.title.startswith("The United")
        assert [shown.article.body[s:e] for s, e in shown.hits] == ["Sasse"]
        assert app.reader.scroll_y > 0  # scrolled to the first hit
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.article_list.border_title.startswith("2 articles"))
        assert len(app.article_list.ids) == 2 and app.search_input.value == ""
        await wait_for(pilot, lambda: app.reader.shown.hits == ())

    run_app([sample_corpus], scenario)


def test_bad_query_shows_message_and_keeps_results(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("slash")
        await type_text(pilot, "putin")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.view.results is not None)
        before = list(app.article_list.ids)
        await pilot.press("slash")
        app.search_input.value = ""
        await type_text(pilot, "the")
        await pilot.press("enter")
        message = app.query_one("#message")
        await wait_for(pilot, lambda: message.has_class("error"))
        assert "Nothing to search for" in str(message.render())
        assert app.article_list.ids == before
        assert app.view.results.query == "putin"

    run_app([sample_corpus], scenario)


def test_help_screen_lists_bindings(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        screen = app.export_screenshot().replace("&#160;", " ")
        app.screen.query_one("VerticalScroll").scroll_to(y=20, animate=False)
        await pilot.pause(0.2)
        screen += app.export_screenshot().replace("&#160;", " ")
        for expected in ("Next", "Previous", "Search", "Open", "Quit", "Page down", "First"):
            assert expected in screen
        for expected in ("Read/unread", "Star", "Tags", "Note", "app.star"):
            assert expected in screen
        assert "pgdn, space" not in screen  # one row per binding id, keys joined
        await pilot.press("end")
        await pilot.pause(0.2)
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "title:russia" in screen
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))

    run_app([sample_corpus], scenario)


def test_palette_opens_article_by_title(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: app.reader.shown.article.title.startswith("The United"))
        await pilot.press("ctrl+p")
        await type_text(pilot, "Perpetrating")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.reader.shown.article.title == HEADLINE)

    run_app([sample_corpus], scenario)


def test_palette_search_command(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("ctrl+p")
        await type_text(pilot, "wikileaks")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.view.results is not None)
        assert app.view.results.query == "wikileaks" and app.view.results.total == 2

    run_app([sample_corpus], scenario)


def test_last_open_article_is_reopened(sample_corpus):
    async def first(app, pilot):
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: app.reader.shown.article.title.startswith("The United"))

    async def second(app, pilot):
        assert app.reader.shown.article.title.startswith("The United")
        assert app.article_list.cursor == 1

    run_app([sample_corpus], first)
    run_app([sample_corpus], second)


def test_markup_in_titles_and_bodies_is_shown_literally(tmp_path):
    records = [
        {"title": "[bold]Bold[/] claim [@click=app.quit]x[/]", "text": "Body [/oops] \x1b[31mred"},
    ]
    dump = write_jsonl(tmp_path / "d.jsonl", records)

    async def scenario(app, pilot):
        assert "[bold]Bold[/] claim [@click=app.quit]x[/]" in list_lines(app)[0]
        assert app.reader.shown.article.body == "Body [/oops] red"
        assert app.is_running

    run_app([dump], scenario, size=(200, 30))


def test_empty_corpus_says_so(tmp_path):
    async def main():
        app = ReaderApp(Corpus([tmp_path]))
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: not app.view.syncing and app.article_list.border_title)
            await wait_for(pilot, lambda: "No articles" in app.article_list.empty_message)

    asyncio.run(main())


def test_page_keys_scroll_the_help_not_the_reader_behind_it(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        before = app.reader.scroll_y
        await pilot.press("pagedown")
        await pilot.pause(0.2)
        assert app.reader.scroll_y == before
        from textual.containers import VerticalScroll

        assert app.screen.query_one(VerticalScroll).scroll_y > 0

    run_app([sample_corpus], scenario, size=(100, 20))


def test_an_empty_corpus_says_so_in_the_reading_pane_too(tmp_path):
    """It said "Choose an article." beside the list's "No articles found."."""
    folder = tmp_path / "nothing"
    folder.mkdir()

    async def main():
        app = ReaderApp(Corpus([folder]))
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.view.synced and not app.view.syncing)
            await wait_for(pilot, lambda: app.reader.placeholder == "No articles found.")
            assert app.reader.render_line(0).text.strip() == "No articles found."
            assert app.article_list.empty_message == "No articles found."

    asyncio.run(main())
