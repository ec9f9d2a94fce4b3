"""Another theme chosen while an article is open: the names panel's headings (the colours'
legend) take the new theme's colours with the reading pane, not the old theme's (dark blue
headings stayed on a dark background after switching from a light theme)."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {
        "id": "a",
        "title": "Harbour plan approved",
        "text": "Jane Doe of Acme Shipping met officials in Lisbon on Monday. "
        '"The harbour will open next spring," Jane Doe said.',
    },
    {"id": "b", "title": "Road closed", "text": "A storm closed the coast road."},
]


def heading_colours(app) -> dict[str, object]:
    panel = app.panel
    found = {}
    for index in range(panel.option_count):
        option = panel.get_option_at_index(index)
        prompt = option.prompt
        if option.disabled and prompt.plain in ("People", "Organisations", "Places"):
            found[prompt.plain] = prompt.style.color if prompt.style else None
    return found


def test_the_panel_headings_follow_a_theme_change(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            app.theme = "textual-light"
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: app.reader.shown.annotations.entities)
            await pilot.press("p")
            await wait_for(pilot, lambda: "People" in heading_colours(app))
            light = heading_colours(app)
            app.theme = "textual-dark"
            await wait_for(pilot, lambda: heading_colours(app) != light)
            person = app.reader.label_styles()["PERSON"].color
            assert heading_colours(app)["People"] == person

    asyncio.run(main())
