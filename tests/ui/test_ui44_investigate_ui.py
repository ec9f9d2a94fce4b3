"""The timeline of a corpus without dates said "type to narrow" (nothing to narrow) and
offered d/w/m; it says there are no dates and where dates come from, and only Esc is offered.
A list without dates in a dated corpus says so of the list. At 80 columns, its bars fit."""

from __future__ import annotations

import asyncio

from textual.widgets import Input, Label

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_investigate_ui import RECORDS, pick_screen, rows, run
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

DATED = [
    {"id": f"d{i}", "title": f"Harbour note {i}", "text": "A note.", "date": f"2016-{m:02d}-02"}
    for i, m in enumerate([10] * 30 + [11] * 12 + [12] * 3)
]


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


def test_the_timeline_bars_fit_on_one_line_at_80_columns(tmp_path):
    """At 80×24 the longest bar (50 cells) wrapped onto a line of its own, under its period."""
    dump = write_jsonl(tmp_path / "d.jsonl", DATED)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await pilot.press("T")
            await pick_screen(pilot, app, "Timeline")
            options = app.screen.query_one("#pick-rows")
            lines = [options.render_line(y).text for y in range(options.size.height)]
            drawn = [line for line in lines if "█" in line]
            assert len(drawn) == 3, lines  # a line a month, each with its label
            assert all("2016-" in line for line in drawn), lines
            assert max(line.count("█") for line in drawn) >= 20  # still a chart

    asyncio.run(main())
