"""Switching corpora from the palette: each corpus comes back with its own marks and article."""

from __future__ import annotations

import asyncio
import shutil
import threading

from textual.command import CommandList, CommandPalette

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import list_lines, type_text, wait_for
from tuireader import cli
from tuireader.core.base import paths
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

WIRES = [
    {"id": "a", "title": "Storm hits coast", "text": "The storm hit.", "date": "2016-10-03"},
    {"id": "b", "title": "Budget vote", "text": "The senate voted.", "date": "2016-10-02"},
    {"id": "c", "title": "Peskov speaks", "text": "Dmitry Peskov spoke.", "date": "2016-10-01"},
]
BLOGS = [
    {"id": "x", "title": "Gardening in autumn", "text": "Leaves fall.", "date": "2017-01-02"},
    {"id": "y", "title": "A recipe for soup", "text": "Boil water.", "date": "2017-01-01"},
]


def ready(app) -> bool:
    return app.reader.shown is not None and not app.view.syncing


def titles(app) -> list[str]:
    return [app.article_list.row(i).title for i in app.article_list.ids]


def unread_titles(app) -> list[str]:
    """The titles the list shows as unread (bold)."""
    return [
        app.article_list.row(i).title for i in app.article_list.ids if i not in app.marks.read_ids
    ]


def session(corpus: Corpus, scenario) -> Corpus | None:
    """Run one app on the corpus like ``cli.run_open`` does; returns the corpus it switched to."""

    async def main():
        app = ReaderApp(corpus)
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: ready(app))
            await scenario(app, pilot)
        app.release()
        return app.return_value

    return asyncio.run(main())


async def palette(app, pilot, text: str) -> list[str]:
    """Open the palette, type, and return the commands it offers (name and help line)."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    await type_text(pilot, text)
    await pilot.pause(0.5)
    options = app.screen.query_one(CommandList)
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def switch(app, pilot, text: str) -> None:
    offered = await palette(app, pilot, text)
    assert offered[0].startswith("Switch corpus:"), offered
    await pilot.press("enter")
    await wait_for(pilot, lambda: not app.is_running)


async def open_title(app, pilot, title: str) -> None:
    app.article_list.focus()
    while app.article_list.row(app.article_list.current_id).title != title:
        await pilot.press("j")
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.reader.shown.article.title == title)


def test_switch_corpus_from_the_palette_and_back(tmp_path):
    wires = write_jsonl(tmp_path / "wires.jsonl", WIRES)
    blogs = write_jsonl(tmp_path / "blogs.jsonl", BLOGS)

    async def blogs_first(app, pilot):  # blogs is opened once, so it is remembered
        await open_title(app, pilot, "A recipe for soup")
        # the first one, shown at start, was a preview: still unread
        assert app.article_list.border_title == "2 articles · 1 unread"
        await app.action_quit()

    async def in_wires(app, pilot):
        assert titles(app) == ["Storm hits coast", "Budget vote", "Peskov speaks"]
        await open_title(app, pilot, "Peskov speaks")
        assert app.article_list.border_title == "3 articles · 2 unread"  # Storm: a preview
        offered = await palette(app, pilot, "switch corpus")
        assert offered[0].startswith("Switch corpus: blogs.jsonl\n")
        assert "blogs.jsonl · opened" in offered[0]
        assert not any("wires.jsonl" in line for line in offered)  # not the open one
        assert any(line.startswith("Switch corpus: sample corpus") for line in offered)
        await pilot.press("escape")
        await switch(app, pilot, "switch blogs")

    async def back_in_blogs(app, pilot):
        assert app.sub_title == "blogs.jsonl"
        assert titles(app) == ["Gardening in autumn", "A recipe for soup"]
        assert app.reader.shown.article.title == "A recipe for soup"  # its own last article
        assert app.article_list.border_title == "2 articles · 1 unread"  # its own marks
        assert "▶ A recipe for soup" in "\n".join(list_lines(app))
        assert unread_titles(app) == ["Gardening in autumn"]
        await switch(app, pilot, "switch wires")

    async def back_in_wires(app, pilot):
        assert titles(app) == ["Storm hits coast", "Budget vote", "Peskov speaks"]
        assert app.reader.shown.article.title == "Peskov speaks"
        assert app.article_list.border_title == "3 articles · 2 unread"
        assert unread_titles(app) == ["Storm hits coast", "Budget vote"]
        await app.action_quit()

    assert session(Corpus([blogs]), blogs_first) is None
    to_blogs = session(Corpus([wires]), in_wires)
    assert to_blogs is not None and to_blogs.paths == [blogs.resolve()]
    to_wires = session(to_blogs, back_in_blogs)
    assert to_wires is not None and to_wires.paths == [wires.resolve()]
    assert session(to_wires, back_in_wires) is None


def test_a_missing_corpus_is_offered_as_missing_and_can_be_forgotten(tmp_path):
    wires = write_jsonl(tmp_path / "wires.jsonl", WIRES)
    gone = tmp_path / "gone"
    gone.mkdir()
    write_jsonl(gone / "old.jsonl", BLOGS)

    async def quit_at_once(app, pilot):
        await app.action_quit()

    async def in_wires(app, pilot):
        offered = await palette(app, pilot, "switch corpus")
        assert [line.split("\n")[0] for line in offered if line.startswith("Switch")] == [
            "Switch corpus: sample corpus",  # those that can be opened come first
            "Switch corpus: gone (missing)",
        ]
        await pilot.press("escape")
        offered = await palette(app, pilot, "switch gone")
        assert offered[0].startswith("Switch corpus: gone (missing)\nmissing: ")
        assert offered[0].endswith("gone no longer there")
        await pilot.press("enter")
        message = app.query_one("#message")
        await wait_for(pilot, lambda: message.has_class("error"))
        assert "Cannot open gone" in str(message.render())
        assert app.is_running and titles(app)[0] == "Storm hits coast"
        offered = await palette(app, pilot, "forget gone")
        assert offered[0].startswith("Forget corpus: gone (missing)")
        await pilot.press("enter")
        await pilot.pause(0.2)
        offered = await palette(app, pilot, "switch corpus")
        assert not any("gone" in line for line in offered)
        await pilot.press("escape")
        await app.action_quit()

    session(Corpus([gone]), quit_at_once)
    shutil.rmtree(gone)
    session(Corpus([wires]), in_wires)


def test_the_sample_is_called_the_sample_corpus():
    async def look(app, pilot):
        assert app.sub_title == "sample corpus"
        offered = await palette(app, pilot, "switch corpus")
        assert not any("sample corpus" in line for line in offered)  # it is the open one
        await pilot.press("escape")
        await app.action_quit()

    session(Corpus([paths.bundled_corpus()]), look)


def test_the_tuireader_command_opens_the_next_corpus_and_leaves_no_threads(tmp_path, monkeypatch):
    """cli.run_open's loop, with the real App.run (headless): each switch starts a new app on
    the chosen corpus once the old one's workers are done; its store and index are closed."""
    wires = write_jsonl(tmp_path / "wires.jsonl", WIRES)
    blogs = write_jsonl(tmp_path / "blogs.jsonl", BLOGS)
    seen: list[tuple[str, list[str]]] = []
    apps: list[ReaderApp] = []

    async def look_then(app, pilot, keys):
        await wait_for(pilot, lambda: ready(app))
        seen.append((app.sub_title, titles(app)))
        if keys == "quit":
            await app.action_quit()
        else:
            await switch(app, pilot, keys)

    scripts = iter(["quit", "switch wires", "switch blogs", "quit"])
    real_run = ReaderApp.run

    def headless_run(self, **kwargs):
        apps.append(self)
        step = next(scripts)

        async def pilot_script(pilot):
            await look_then(self, pilot, step)

        return real_run(self, headless=True, size=(120, 30), auto_pilot=pilot_script)

    monkeypatch.setattr(ReaderApp, "run", headless_run)
    before = set(threading.enumerate())
    assert cli.run_open([str(wires)]) == 0  # opened and quit: wires is remembered
    assert cli.run_open([str(blogs)]) == 0  # blogs -> wires -> blogs, quit
    assert seen == [
        ("wires.jsonl", ["Storm hits coast", "Budget vote", "Peskov speaks"]),
        ("blogs.jsonl", ["Gardening in autumn", "A recipe for soup"]),
        ("wires.jsonl", ["Storm hits coast", "Budget vote", "Peskov speaks"]),
        ("blogs.jsonl", ["Gardening in autumn", "A recipe for soup"]),
    ]
    assert all(app.library.engine is None and _closed(app.library.store) for app in apps)
    assert set(threading.enumerate()) - before == set()


def _closed(store) -> bool:
    """Whether the store's database connection was closed."""
    import sqlite3

    try:
        store.count()
    except sqlite3.ProgrammingError:
        return True
    return False
