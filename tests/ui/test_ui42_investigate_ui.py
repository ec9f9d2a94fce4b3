"""Investigating views driven as a user would: co-occurrence's "filter by both"."""

from __future__ import annotations

from tests.ui.pilot_helpers import wait_for
from tests.ui.test_investigate_ui import header, pick_screen, rows, run

RECORDS = [
    {"id": "a", "title": "Port deal", "text": "Marta Jonsby met Edvin Quillon in Lisbon."},
    {"id": "b", "title": "Port row", "text": "Marta Jonsby and Edvin Quillon argued in Lisbon."},
    {"id": "c", "title": "Jonsby abroad", "text": "Marta Jonsby flew to Porto on Monday."},
    {"id": "d", "title": "Quillon abroad", "text": "Edvin Quillon flew to Porto on Friday."},
    {"id": "e", "title": "Storm", "text": "A storm closed the coast road near Porto."},
]


def test_filter_by_both_keeps_both_names(tmp_path):
    """f in "Appearing with" added the two names in two workers, each from the filters as
    they were: the later one replaced the first, so the list was narrowed by one name."""

    async def scenario(app, pilot):
        app.investigating.cooccur("Marta Jonsby")
        await pick_screen(pilot, app, "Appearing with Marta Jonsby")
        assert any("Edvin Quillon" in r for r in rows(app))
        await pilot.press("e", "d", "v", "i", "n", "down", "f")
        await wait_for(pilot, lambda: "with Edvin Quillon" in header(app))
        await pilot.pause(1.0)  # (the second worker, before the fix, came later)
        assert "with Marta Jonsby" in header(app) and "with Edvin Quillon" in header(app)
        assert len(app.article_list.ids) == 2

    run(tmp_path, scenario, "cooccur-both", RECORDS)
