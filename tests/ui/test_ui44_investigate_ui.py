"""The timeline of a corpus without dates said "type to narrow" (nothing to narrow) and
offered d/w/m; it says there are no dates and where dates come from, and only Esc is offered.
A list without dates in a dated corpus says so of the list."""

from __future__ import annotations

from textual.widgets import Input, Label

from tests.ui.pilot_helpers import wait_for
from tests.ui.test_investigate_ui import RECORDS, pick_screen, rows, run


def test_the_timeline_of_an_undated_corpus_says_how_to_give_it_dates(tmp_path):
    undated = [{k: v for k, v in r.items() if k != "date"} for r in RECORDS]

    async def scenario(app, pilot):
        await pilot.press("T")
        await pick_screen(pilot, app, "Timeline")
        said = rows(app)[0]
        assert "No article in this corpus has a date" in said
        assert "date field" in said and "manifest.csv" in said
        hint = str(app.screen.query_one("#pick-hint", Label).render())
        assert "narrow" not in hint and "Enter" not in hint and "Esc: close" in hint
        assert not app.screen.query_one(Input).display
        keys = {binding.key for _, binding, *_ in app.screen.active_bindings.values()}
        assert not keys & {"d", "w", "m"}
        await pilot.press("x", "d")  # nothing typed anywhere, no view opened
        await pilot.pause(0.1)
        assert app.screen.query_one(Input).value == ""
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.screen_stack[0])

    run(tmp_path, scenario, "timeline_undated_corpus", undated)


def test_the_timeline_of_an_undated_list_in_a_dated_corpus_speaks_of_the_list(tmp_path):
    records = [*RECORDS, {"id": "four", "title": "Quiet ferry day", "text": "The ferry ran."}]

    async def scenario(app, pilot):
        app.run_search("ferry")
        await wait_for(pilot, lambda: app.view.results is not None)
        await pilot.press("T")
        await pick_screen(pilot, app, "Timeline")
        assert rows(app) == ["No article in this list has a date: there is no timeline to draw."]

    run(tmp_path, scenario, "timeline_undated_list", records)
