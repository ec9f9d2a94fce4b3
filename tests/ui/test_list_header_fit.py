"""The list's header picks the longest form that fits between its border's corners: at 80
columns "2,225 articles · 2,225 unread" (29 cells) was chosen for a 27-cell title and drawn
cut, "2,225 articles · 2,225 unr…", when "2,225 (2,225 unread)" fitted whole."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {"id": str(i), "title": f"Harbor Trust report {i}", "text": "The harbour."} for i in range(3)
]


def top_border(app) -> str:
    lst = app.article_list
    return app.screen._compositor.render_strips()[lst.region.y].text[: lst.outer_size.width]


def test_the_header_form_chosen_is_drawn_whole(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            lst = app.article_list
            width = lst.outer_size.width
            longest = "Q" * (width - 5)  # one cell more than the border leaves
            fitting = "Jonsby " + "q" * (width - 13)  # just fits
            lst.set_header([longest, fitting, "short"])
            await pilot.pause(0.2)
            border = top_border(app)
            assert fitting in border and "…" not in border, border
            assert border.startswith("╭─ ") and border.endswith(" ─╮"), border

    asyncio.run(main())
