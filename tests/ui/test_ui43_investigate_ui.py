"""Investigating workers that finish out of order: entity filters added quickly one after the
other, and a view asked for while an older one is still being computed."""

from __future__ import annotations

import threading
import time

from tests.ui.pilot_helpers import wait_for
from tests.ui.test_investigate_ui import header, pick_screen, run
from tuireader.core.library import investigation as investigation_module
from tuireader.ui.screens.pick import PickScreen


def slowed(monkeypatch, slow_names: tuple[str, ...], release: threading.Event) -> None:
    """Entity scopes of ``slow_names`` wait for ``release`` (the first worker lands last)."""
    ids = investigation_module.EntityScope.ids

    def waiting(scope):
        if scope.names == slow_names:
            release.wait(10)
        return ids(scope)

    monkeypatch.setattr(investigation_module.EntityScope, "ids", waiting)


def test_entity_filters_added_in_a_row_all_stay(tmp_path, monkeypatch):
    release = threading.Event()
    slowed(monkeypatch, ("Jane Doe",), release)

    async def scenario(app, pilot):
        app.investigating.add_entity_filter("Jane Doe")
        await pilot.pause(0.05)
        app.investigating.add_entity_filter("Acme Shipping")
        await pilot.pause(0.3)
        release.set()
        await wait_for(pilot, lambda: "Acme Shipping" in header(app))
        time.sleep(0.3)  # the older worker, if it were let, would land now
        await pilot.pause(0.5)
        assert app.view.meta_filter.entities == ("Jane Doe", "Acme Shipping")
        assert "Jane Doe" in header(app) and "Acme Shipping" in header(app)
        titles = {app.library.get(i).title for i in app.article_list.ids}
        assert titles == {"Harbour talks open", "Harbour plan row"}

    run(tmp_path, scenario, "filters-in-a-row")


def test_a_view_asked_for_later_is_not_covered_by_an_older_one(tmp_path, monkeypatch):
    release = threading.Event()
    entities = investigation_module.Investigation.entities

    def slow_entities(self, *args, **kwargs):
        release.wait(10)
        return entities(self, *args, **kwargs)

    monkeypatch.setattr(investigation_module.Investigation, "entities", slow_entities)

    async def scenario(app, pilot):
        app.investigating.facets()  # E: waits
        await pilot.pause(0.05)
        app.investigating.speakers()  # W, asked for after
        await pick_screen(pilot, app, "Who said what")
        release.set()
        await pilot.pause(1.0)
        assert isinstance(app.screen, PickScreen) and "Who said what" in app.screen.title_text

    run(tmp_path, scenario, "views-in-a-row")


def test_clearing_the_filters_drops_an_entity_filter_still_being_found(tmp_path, monkeypatch):
    release = threading.Event()
    slowed(monkeypatch, ("Jane Doe",), release)

    async def scenario(app, pilot):
        app.filters.by_source("Wire")
        await wait_for(pilot, lambda: "Wire" in header(app))
        app.investigating.add_entity_filter("Jane Doe")
        await pilot.pause(0.05)
        app.filters.clear()
        release.set()
        await pilot.pause(1.0)
        assert app.view.meta_filter.empty
        assert len(app.article_list.ids) == 3

    run(tmp_path, scenario, "clear-while-finding")


def test_a_source_filter_set_meanwhile_stays_with_the_entity_filter(tmp_path, monkeypatch):
    release = threading.Event()
    slowed(monkeypatch, ("Jane Doe",), release)

    async def scenario(app, pilot):
        app.investigating.add_entity_filter("Jane Doe")
        await pilot.pause(0.05)
        app.filters.by_source("Wire")
        release.set()
        await wait_for(pilot, lambda: "Jane Doe" in header(app))
        await pilot.pause(0.3)
        assert app.view.meta_filter.source == "Wire"
        assert [app.library.get(i).title for i in app.article_list.ids] == ["Harbour talks open"]

    run(tmp_path, scenario, "source-while-finding")
