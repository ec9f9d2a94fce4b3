"""A result row is a title and its snippet line: the list shows whole rows only. After a sort
moved the cursor down, the list scrolled by an odd number of lines (a snippet without its title
at the top), and a list of an odd height showed a title without its snippet at the bottom."""

from __future__ import annotations

import asyncio
import re

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

WORDS = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heath", "inlet"]
RECORDS = [
    {
        "id": f"r{i}",
        "title": f"{WORDS[i % 9].title()} harbour notice {i}",
        "text": f"The harbour notice {i} was posted by the warden of {WORDS[(i * 5) % 9]}.",
        "date": f"2016-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}",
    }
    for i in range(60)
]


def kinds(app) -> str:
    """Each visible line of the list: t a title, s a snippet line, b blank."""
    lst = app.article_list
    out = []
    for y in range(lst.scrollable_content_region.height):
        text = lst.render_line(y).text
        out.append("b" if not text.strip() else "s" if text.startswith("    ") else "t")
    return "".join(out)


def test_result_rows_are_shown_whole_after_sorting(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("harbour")
            lst = app.article_list
            await wait_for(pilot, lambda: len(lst.ids) == 60 and lst.row_height == 2)
            height = lst.scrollable_content_region.height
            assert height % 2 == 1  # the case that showed it
            lst.focus()
            await pilot.pause(0.2)
            assert re.fullmatch(r"(ts)+b*", kinds(app)), kinds(app)
            for _ in range(9):
                await pilot.press("j")
            for _ in range(3):  # newest, oldest, title: the cursor's article moves
                await pilot.press("O")
                await pilot.pause(0.3)
                assert re.fullmatch(r"(ts)+b*", kinds(app)), kinds(app)
                top = int(lst.scroll_y)
                assert top <= lst.cursor * 2 and lst.cursor * 2 + 1 < top + height
            await pilot.press("end")
            await pilot.pause(0.3)
            assert re.fullmatch(r"(ts)+b*", kinds(app)), kinds(app)
            assert (
                lst.render_line(kinds(app).rindex("t"))
                .text[2:]
                .startswith(app.library.get(lst.ids[-1]).title[:10])
            )

    asyncio.run(main())
