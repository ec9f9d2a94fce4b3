"""After an entity filter the reading pane shows an article of the filtered list: the one
open if the list keeps it, else the list's first."""

from __future__ import annotations

from tests.ui.pilot_helpers import wait_for
from tests.ui.test_investigate_ui import header, pick_screen, run


def title(app) -> str:
    shown = app.reader.shown
    return shown.article.title if shown is not None else ""


async def filter_by(pilot, app, name: str) -> None:
    await pilot.press("E")
    await pick_screen(pilot, app, "Names of")
    for char in name:
        await pilot.press("space" if char == " " else char)
    await pilot.pause(0.2)
    await pilot.press("enter")
    await wait_for(pilot, lambda: f"with {name}" in header(app))
    await wait_for(pilot, lambda: len(app.article_list.ids) == 2)
    await pilot.pause(0.3)


def test_an_entity_filter_shows_the_first_article_it_lists(tmp_path):
    async def scenario(app, pilot):
        await wait_for(pilot, lambda: title(app) == "Storm closes the road")  # the newest
        await filter_by(pilot, app, "Jane Doe")
        first = app.article_list.ids[0]
        await wait_for(pilot, lambda: app.view.open_id == first)
        await wait_for(pilot, lambda: title(app) == "Harbour plan row")
        assert app.article_list.current_id == first

    run(tmp_path, scenario, "filter_opens_first")


def test_an_entity_filter_keeps_the_open_article_when_it_lists_it(tmp_path):
    async def scenario(app, pilot):
        app.article_list.focus()
        await pilot.press("down", "down", "enter")
        await wait_for(pilot, lambda: title(app) == "Harbour talks open")
        await filter_by(pilot, app, "Jane Doe")
        assert title(app) == "Harbour talks open"
        assert app.article_list.current_id == app.view.open_id

    run(tmp_path, scenario, "filter_keeps_open")
