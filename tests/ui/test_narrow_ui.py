"""Narrow terminals: the names panel takes the list's place, the reading pane keeps 60
columns and its text starts near the top; the panel moves with j/k and wraps long names."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.widgets.entity_panel import EntityPanel

LONG_NAME = "Office of the Director of National Intelligence"
BODY = (
    f"The {LONG_NAME} said on Friday that Vladimir Putin and the Kremlin knew. "
    '"We are confident," said James Clapper in Washington.\n\n'
    + "Officials in Moscow and Washington met again. "
    * 20
)
RECORDS = [
    {
        "id": "a",
        "title": "U.S. Officially Accuses Russian Government Of Perpetrating DNC Email Hack",
        "text": BODY,
        "source": "Wire",
        "date": "2016-10-07",
    },
    {"id": "b", "title": "Budget vote", "text": "The senate voted on the budget."},
]


def run(tmp_path, scenario, size):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: app.reader.shown.annotations.entities)
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def first_text_row(reader) -> int:
    """The pane row (from the top of its content) where the article's text starts."""
    first = next(i for i, offset in enumerate(reader._line_offsets) if offset >= 0)
    return first - int(reader.scroll_y)


def test_the_panel_takes_the_lists_place_and_the_text_starts_near_the_top(tmp_path):
    for size in ((100, 30), (80, 24)):

        async def scenario(app, pilot, size=size):
            await pilot.press("p")
            await pilot.pause()
            panel = app.query_one("#panel", EntityPanel)
            reader = app.reader
            assert panel.display and app.focused is panel
            assert not app.article_list.display, size  # the panel is in the list's place
            assert reader.region.width >= 60, (size, reader.region)
            assert panel.region.x >= reader.region.right  # beside it, not over it
            assert panel.region.right <= size[0]
            assert first_text_row(reader) <= 4, (size, first_text_row(reader))
            await pilot.press("p")  # closed: the list is back
            await pilot.pause()
            assert app.article_list.display and not panel.display

        run(tmp_path, scenario, size)


def test_a_wide_terminal_keeps_the_list_beside_the_panel(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("p")
        await pilot.pause()
        panel = app.query_one("#panel", EntityPanel)
        assert app.article_list.display and panel.display
        assert app.reader.region.width >= 60
        await pilot.resize_terminal(100, 30)  # narrowed: the list makes way
        await pilot.pause(0.2)
        assert not app.article_list.display and app.reader.region.width >= 60
        await pilot.resize_terminal(200, 60)
        await pilot.pause(0.2)
        assert app.article_list.display

    run(tmp_path, scenario, (200, 60))


def test_choosing_a_name_in_the_lists_place_brings_the_results_back(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")  # the highlighted name: a search for it
        await wait_for(pilot, lambda: app.view.results is not None)
        await pilot.pause()
        assert app.article_list.display and app.focused is app.article_list

    run(tmp_path, scenario, (100, 30))


def panel_names(rows: list[str]) -> list[str]:
    """The panel's entries as read: a count, then the name, its further lines joined on."""
    names: list[str] = []
    for row in rows:
        text = row.strip()
        if text[:1].isdigit():
            names.append(text)
        elif names and text and row.startswith(" " * 3):  # a name's next line, under it
            names[-1] += " " + text
        else:
            names.append("")  # a heading ends the entry above it
    return [" ".join(name.split()) for name in names if name]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
def test_panel_rows_move_with_j_k_are_highlighted_wrapped_and_fill_the_height(tmp_path, size):
    """A long name is wrapped under itself, read whole (at 80 columns it was cut to
    "Vladimir P…"); j and k still move from name to name."""

    async def scenario(app, pilot):
        await pilot.press("p")
        await pilot.pause()
        panel = app.query_one("#panel", EntityPanel)
        first = panel.highlighted
        assert first is not None and not panel.get_option_at_index(first).disabled
        await pilot.press("j")
        assert panel.highlighted == first + 1  # the next name, not its second line
        await pilot.press("k")
        assert panel.highlighted == first
        assert panel.region.height == app.reader.region.height  # the full height
        panel.scroll_end(animate=False)
        await pilot.pause(0.2)
        rows = [panel.render_line(y).text.rstrip() for y in range(panel.size.height)]
        assert not any("…" in row for row in rows), rows
        names = panel_names(rows)
        assert f"1 {LONG_NAME}" in names, rows
        assert any(name.endswith("Moscow") for name in names), rows
        if size == (80, 24):  # (the panel is 20 wide: the long name takes several lines)
            assert sum(1 for row in rows if row.startswith(" " * 3) and row.strip()) >= 3
            panel.scroll_home(animate=False)
            await pilot.pause(0.2)
            rows = [panel.render_line(y).text.rstrip() for y in range(panel.size.height)]
            assert "1 Vladimir Putin" in panel_names(rows), rows

    run(tmp_path, scenario, size)


def test_a_long_empty_list_message_wraps_in_a_narrow_list(tmp_path):
    """At 80 columns the list is 31 wide: "No articles pass the filters (Ctrl+P: Clear
    filters)." was cut after "filte…", and with it the way out."""

    async def scenario(app, pilot):
        lst = app.article_list
        lst.set_ids([])
        lst.empty_message = "No articles pass the filters (Ctrl+P: Clear filters)."
        lst.refresh()
        await pilot.pause(0.1)
        shown = " ".join(lst.render_line(y).text.strip() for y in range(1, 5))
        assert lst.size.width < 40
        assert " ".join(shown.split()) == lst.empty_message

    run(tmp_path, scenario, (80, 24))


def test_a_corpus_of_unreadable_files_says_so_in_the_empty_list(tmp_path):
    """A binary file named .jsonl gives no article: the list says that items could not be
    read and where to see why, not just "No articles found."."""
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "noise.jsonl").write_bytes(bytes(range(256)) * 8)

    async def main():
        app = ReaderApp(Corpus([folder]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: not app.view.syncing and app.indexing.skipped)
            lst = app.article_list
            await wait_for(pilot, lambda: "could not be read" in lst.empty_message)
            assert "Skipped items" in lst.empty_message

    asyncio.run(main())


def test_a_new_corpus_says_indexing_not_no_articles_before_its_first_sync(tmp_path, monkeypatch):
    """The list was drawn before the sync's worker had started: a first start on a big
    corpus said "No articles found." until the first batch came."""
    from tuireader.ui.controllers.indexing import Indexing

    monkeypatch.setattr(Indexing, "start", lambda self, rebuild=False: None)
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause(0.3)
            assert not app.article_list.ids
            assert app.article_list.empty_message == "Indexing…"

    asyncio.run(main())


def test_the_colour_toggle_is_not_called_like_the_names_view(tmp_path):
    """`e` (the names' colours on/off) was "Entities" in the footer, close to E's view; its
    label is "Colours" and it fits the 80-column footer, with "p Panel" after it."""

    async def scenario(app, pilot):
        app.focus_list()
        await pilot.pause()
        keys = [key.render().plain.strip() for key in app.query("FooterKey")]
        assert "e Colours" in keys and not any("Entities" in key for key in keys), keys
        panel = next(
            key for key in app.query("FooterKey") if key.render().plain.strip() == "p Panel"
        )
        assert panel.region.right <= 80 and panel.region.width > 0

    run(tmp_path, scenario, (80, 24))
