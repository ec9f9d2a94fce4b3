"""Keys that arrive together (typed fast, pasted, one packet over SSH) do what they would do
one by one: after "/", the letters are a query, not stars, notes and quitting."""

from __future__ import annotations

import asyncio

from textual import events

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.prompt import PromptScreen

RECORDS = [
    {"id": "a", "title": "Storm hits coast", "text": "The storm hit.", "date": "2016-10-03"},
    {"id": "b", "title": "Budget vote", "text": "The senate voted.", "date": "2016-10-02"},
]
_NAMES = {"/": "slash", "\r": "enter", " ": "space", "~": "tilde"}


def burst(app, text: str) -> None:
    """Queue every key at once, as a terminal delivers a paste or a fast typist."""
    for char in text:
        app.post_message(events.Key(_NAMES.get(char, char), char))


def run(tmp_path, scenario):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await scenario(app, pilot)

    asyncio.run(main())


def test_what_follows_slash_at_once_is_the_query(tmp_path):
    async def scenario(app, pilot):
        burst(app, "/storm is:starred\r")
        await wait_for(pilot, lambda: app.view.results is not None)
        assert app.search_input.value == "storm is:starred"
        assert isinstance(app.screen, type(app.screen_stack[0]))  # no note or tag prompt
        assert app.marks.starred_ids == set() and app.is_running
        # "/" inside a field is a character, not a jump to the search bar
        app.search_input.focus()
        await pilot.pause()
        burst(app, " a/b")
        await wait_for(pilot, lambda: app.search_input.value.endswith("a/b"))
        await pilot.press("escape")
        app.article_list.focus()
        await pilot.pause()
        await pilot.press("a")  # a note: its prompt takes "/" as text
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.pause()
        burst(app, "see /r/news")
        await wait_for(pilot, lambda: app.screen.query_one("#prompt-input").value == "see /r/news")
        assert app.search_input.value == ""

    run(tmp_path, scenario)


def test_a_prompt_asked_for_while_quitting_does_not_crash(tmp_path):
    async def scenario(app, pilot):
        burst(app, "qa")
        await pilot.pause(0.5)

    run(tmp_path, scenario)  # run_test re-raises an exception of the app
