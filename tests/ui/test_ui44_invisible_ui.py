"""A title with zero-width spaces and soft hyphens reached the list as it was: the terminal
drew them (a space, a box, a hyphen) where the layout counted none."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import list_lines, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {
        "id": "z",
        "title": "Ferry\u200b timetable\u200b changes\u00ad for\u2060 winter",
        "text": "The ferry\u200b timetable changes for the winter months.",
        "source": "Coast\u200bWire",
        "date": "2016-10-02",
    },
    {"id": "p", "title": "Plain harbour title", "text": "Nothing odd.", "date": "2016-10-01"},
]
INVISIBLE = "\u200b\u00ad\u2060"


def test_invisible_characters_do_not_reach_the_list_or_the_reading_pane(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: len(app.article_list.ids) == 2)
            lines = list_lines(app)
            assert "Ferry timetable changes for winter" in lines[0]
            assert not any(c in line for line in lines for c in INVISIBLE)
            app.article_list.focus()
            await pilot.press("g", "enter")
            await wait_for(pilot, lambda: app.reader.shown.article.title.startswith("Ferry"))
            reader = app.reader
            shown = [reader.render_line(y).text for y in range(reader.size.height)]
            assert any("Ferry timetable changes for winter" in line for line in shown)
            assert any("CoastWire" in line for line in shown)
            assert not any(c in line for line in shown for c in INVISIBLE)

    asyncio.run(main())
