"""A search that finds nothing closes the open article and says so; Esc brings it back (the
reading pane showed the old article beside an empty list, as if it were a match)."""

from __future__ import annotations

import pytest

from tests.ui.pilot_helpers import wait_for
from tests.ui.test_filters_ui import RECORDS, choose, placeholder, run


async def _open_second(app, pilot) -> int:
    app.article_list.focus()
    await wait_for(pilot, lambda: app.focused is app.article_list)
    await pilot.press("j", "enter")
    opened = app.article_list.current_id
    await wait_for(pilot, lambda: app.view.open_id == opened and app.reader.shown)
    return opened


async def _closed_then_back(app, pilot, opened: int, query: str) -> None:
    await wait_for(pilot, lambda: app.view.results is not None and app.reader.shown is None)
    assert app.view.open_id is None and not app.article_list.ids
    assert placeholder(app) == f"No articles match {query!r}."
    assert str(app.panel.get_option_at_index(0).prompt) == "No article open."
    await pilot.press("escape")
    await wait_for(pilot, lambda: app.reader.shown is not None)
    assert app.view.open_id == opened == app.article_list.current_id


@pytest.mark.parametrize(
    ("command", "query"),
    [("Show starred", "is:starred"), ("Show unread only", "is:unread")],
)
def test_a_palette_mark_search_finding_nothing_closes_the_article(tmp_path, command, query):
    async def scenario(app, pilot):
        await pilot.press("p")  # the names panel: emptied too
        opened = await _open_second(app, pilot)
        if query == "is:unread":  # none left unread
            await choose(app, pilot, "mark all read", "Mark all read")
            await wait_for(pilot, lambda: len(app.marks.read_ids) == len(RECORDS))
            app.article_list.focus()
        await choose(app, pilot, command.lower(), command)
        await _closed_then_back(app, pilot, opened, query)

    run(tmp_path, scenario, size=(200, 60))


def test_a_search_finding_nothing_closes_the_article(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("p")
        opened = await _open_second(app, pilot)
        app.run_search_from_palette("quillon")
        await _closed_then_back(app, pilot, opened, "quillon")

    run(tmp_path, scenario, size=(200, 60))
